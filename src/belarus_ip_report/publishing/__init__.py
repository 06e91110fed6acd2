"""The publishing layer: the build (`pipeline`: lock, staging, pre-flight, the notebooks run by
`workers`/`execute` in their kernels, the all-or-nothing `publish`), the cache of input keys,
the export of the two pages and the code pages (`report`, `evidence`, `appendices`,
`code_pages`, `sanitize`, `checks`), the data package, the PDF, the citation, the changelog and
the release kit.

Notebooks never import this package (a test checks it); it reaches the chapters only through
the notebooks it runs, and imports the chapters' declarations and the curated layer.
"""

from belarus_ip_report.publishing.pipeline import BuildFailed, build, main

__all__ = ["BuildFailed", "build", "main"]
