"""The build layer: executing notebooks, the cache, exporting the report and the PDF.

Notebooks never import this package; it imports the analysis, chart and text layers only
through the notebooks it runs and the tables it reads.
"""

from belarus_ip_report.publishing.pipeline import BuildFailed, build, main

__all__ = ["BuildFailed", "build", "main"]
