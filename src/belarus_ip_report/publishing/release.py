"""`python3 tasks.py release`: the reuse kit of one version, for a repository such as Zenodo.

It refuses to release what a reader could not rebuild: the working tree must be clean (every
change committed), and the outputs must be the ones the inputs give (the build runs first; if it
changes anything, the outputs were stale). Then it writes, under `.cache/release/` (ignored by
git), `belarus-ip-report-<version>.zip` holding the page(s), the print edition, the clean CSVs
and their data package, `CITATION.cff`, `CHANGELOG.md`, a README for the kit and `SHA256SUMS`,
and beside it `.zenodo.json`, the metadata Zenodo reads to mint a DOI. The zip is byte-stable:
its entries are sorted and carry a fixed time.
"""

from __future__ import annotations

import argparse
import hashlib
import io
import json
import subprocess
import sys
import zipfile
from pathlib import Path

from belarus_ip_report.foundation import paths, settings
from belarus_ip_report.foundation.atomic import write_bytes_atomically, write_text_atomically

RELEASES = paths.BUILD_CACHE / "release"
#: Every entry of the zip carries this time (the zip format cannot leave it out).
FIXED_TIME = (1980, 1, 1, 0, 0, 0)


class ReleaseRefused(SystemExit):
    """A release that would not match its inputs or its commit: the message says what to do."""


def git(*args: str) -> str:
    return subprocess.run(["git", *args], cwd=paths.PROJECT_ROOT, capture_output=True,
                          text=True, check=True).stdout


def check_clean(what: str) -> None:
    changed = git("status", "--porcelain").splitlines()
    if changed:
        shown = "\n  ".join(changed[:10]) + ("\n  ..." if len(changed) > 10 else "")
        raise ReleaseRefused(
            f"tasks.py release: {what}:\n  {shown}\nCommit (or discard) these changes, then run "
            "python3 tasks.py release again: a release is built from a commit a reader can check "
            "out.")


def kit_files() -> list[Path]:
    """What the kit holds, relative to the project root."""
    root = paths.PROJECT_ROOT
    files = [*sorted((root / "report").rglob("*.html")), root / "report" / "report.pdf",
             root / "report" / "ru" / "report.pdf",
             *sorted((root / "data" / "processed").glob("*.csv")),
             root / "data" / "processed" / "datapackage.json", root / "data" / "README.md",
             root / "CITATION.cff", root / "CHANGELOG.md", root / "LICENSE"]
    missing = [f for f in files if not f.is_file()]
    if missing:
        raise ReleaseRefused(f"tasks.py release: {missing[0].relative_to(root)} is missing; run "
                             "python3 tasks.py build (and python3 tasks.py pdf for the print "
                             "edition) first")
    return [f.relative_to(root) for f in files]


def data_fingerprint(processed: Path | None = None) -> str:
    """SHA-256 over the clean tables, file by file in name order: the same on every machine for
    the same data, so a reader can check that a copy is the one the page was built from."""
    folder = processed or paths.PROCESSED
    digest = hashlib.sha256()
    for table in sorted(folder.glob("*.csv")):
        digest.update(table.name.encode() + b"\0" + hashlib.sha256(table.read_bytes())
                      .hexdigest().encode() + b"\n")
    return digest.hexdigest()


def zenodo_metadata() -> dict:
    return {
        "title": f"{settings.REPORT_TITLE}: a reproducible data report",
        "upload_type": "dataset",
        "version": settings.VERSION,
        "publication_date": settings.AS_OF.isoformat(),
        "creators": [{"name": settings.AUTHOR}],
        "description": settings.ABSTRACT,
        "license": "cc-by-4.0",
        "keywords": list(settings.KEYWORDS),
        **({"related_identifiers": [{"identifier": settings.REPOSITORY,
                                     "relation": "isSupplementTo", "scheme": "url"}]}
           if settings.REPOSITORY else {}),
        "notes": f"Data as of {settings.AS_OF.isoformat()}; fingerprint of the clean tables "
                 f"(SHA-256): {data_fingerprint()}.",
    }


def kit_readme() -> str:
    return (f"{settings.REPORT_TITLE}\nversion {settings.VERSION}, data as of "
            f"{settings.AS_OF.isoformat()}\n\n"
            "report/index.html    the report (open in any browser; no network needed)\n"
            "report/report.pdf    the print edition\n"
            "report/ru/           the Russian edition (index.html, evidence.html, report.pdf)\n"
            "data/processed/      the clean tables (CSV) and datapackage.json; data/README.md "
            "describes every column\n"
            "CITATION.cff         how to cite; CHANGELOG.md what changed and why\n"
            "SHA256SUMS           check a copy with: sha256sum -c SHA256SUMS\n\n"
            f"Fingerprint of the clean tables: {data_fingerprint()}\n"
            + (f"Source and full history: {settings.REPOSITORY}\n" if settings.REPOSITORY
               else ""))


def write_kit(target: Path) -> Path:
    """The zip of the kit, byte-stable for the same files."""
    root = paths.PROJECT_ROOT
    entries = {str(name): (root / name).read_bytes() for name in kit_files()}
    entries["README.txt"] = kit_readme().encode()
    entries["SHA256SUMS"] = "".join(f"{hashlib.sha256(data).hexdigest()}  {name}\n"
                                    for name, data in sorted(entries.items())).encode()
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in sorted(entries.items()):
            info = zipfile.ZipInfo(f"belarus-ip-report-{settings.VERSION}/{name}", FIXED_TIME)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            archive.writestr(info, data)
    zip_path = target / f"belarus-ip-report-{settings.VERSION}.zip"
    write_bytes_atomically(zip_path, buffer.getvalue())
    write_text_atomically(target / ".zenodo.json",
                          json.dumps(zenodo_metadata(), indent=2, ensure_ascii=False) + "\n")
    return zip_path


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="tasks.py release", description=__doc__)
    parser.parse_args(argv)
    check_clean("the working tree has changes")
    built = subprocess.run([sys.executable, "-m", "belarus_ip_report.publishing"],
                           cwd=paths.PROJECT_ROOT)
    if built.returncode:
        return built.returncode
    check_clean("the outputs were older than their inputs: the build has just brought them up "
                "to date")
    subprocess.run([sys.executable, "-m", "belarus_ip_report.publishing.pdf"],
                   cwd=paths.PROJECT_ROOT, check=True)
    zip_path = write_kit(RELEASES)
    print(f"Release {settings.VERSION}: {paths.relative(zip_path)} and "
          f"{paths.relative(RELEASES / '.zenodo.json')}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
