"""What each notebook reads and writes, the keys of its inputs, and the build cache that
records, for each notebook and for the report, the key of its inputs and the hash of every
output as published (`.cache/build.json`). Standard library only: a no-op build imports no
pandas.
"""

from __future__ import annotations

import csv
import hashlib
import json
from collections.abc import Iterable
from pathlib import Path

import belarus_ip_report.chapters as chapters
from belarus_ip_report.foundation import paths
from belarus_ip_report.foundation.atomic import write_text_atomically

CACHE_FILE = paths.BUILD_CACHE / "build.json"
CACHE_VERSION = 2
#: `columns.SOURCE_SEPARATOR`, repeated so that deciding what to run imports no pandas
#: (tests/test_build_errors.py checks they agree).
SOURCE_SEPARATOR = ";"


# --- what a notebook reads and writes --------------------------------------------------------


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def digest_files(files: Iterable[Path], root: Path) -> str:
    digest = hashlib.sha256()
    for file in sorted(files):
        digest.update(file.relative_to(root).as_posix().encode() + b"\0")
        digest.update(file.read_bytes() if file.exists() else b"(missing)")
        digest.update(b"\0")
    return digest.hexdigest()


def notebook_paths(root: Path = paths.PROJECT_ROOT) -> list[Path]:
    return sorted((root / "notebooks").glob("[0-9][0-9]_*.ipynb"))


class UnreadableNotebook(ValueError):
    """A notebook that is not JSON, or not a notebook (`preflight.notebook_problem` says why)."""

    def __init__(self, notebook: Path) -> None:
        super().__init__(f"notebooks/{notebook.name} cannot be read as a notebook")
        self.notebook = notebook


def code_cells_digest(notebook: Path) -> str:
    """Hash of what a kernel would run: the code cells' sources, nothing else."""
    try:
        cells = json.loads(notebook.read_text(encoding="utf-8"))["cells"]
        code = ["".join(c["source"]) if isinstance(c["source"], list) else c["source"]
                for c in cells if c["cell_type"] == "code"]
    except (ValueError, KeyError, TypeError) as error:  # JSONDecodeError, UnicodeDecodeError
        raise UnreadableNotebook(notebook) from error
    return hashlib.sha256(json.dumps(code).encode()).hexdigest()


def analysis_files() -> list[Path]:
    """The package code notebooks import: everything but the publishing layer."""
    return [f for f in paths.PACKAGE_DIR.rglob("*")
            if f.is_file() and "__pycache__" not in f.parts
            and paths.PUBLISHING_PACKAGE not in f.parents]


def build_files() -> list[Path]:
    return [f for f in paths.PUBLISHING_PACKAGE.rglob("*")
            if f.is_file() and "__pycache__" not in f.parts]


def reads(stem: str, root: Path) -> list[Path]:
    """The data a notebook reads: every raw table for the cleaning notebook, otherwise the
    processed tables its chapter declares."""
    if stem == chapters.CLEANING:
        return sorted(paths.RAW.glob("*.csv"))
    declared = chapters.chapter(stem)
    if declared is None:
        return sorted((root / "data" / "processed").glob("*.csv"))
    return [root / "data" / "processed" / f"{table}.csv" for table in declared.reads]


def writes(stem: str, root: Path) -> list[Path]:
    """The files a notebook owns: itself, and the processed data (cleaning) or its figures."""
    owned = [root / "notebooks" / f"{stem}.ipynb"]
    if stem == chapters.CLEANING:
        owned += sorted((root / "data" / "processed").glob("*.csv"))
    else:
        owned += sorted((root / "figures").glob(f"{stem[:2]}-*"))
        owned += sorted((root / "figures" / "ru").glob(f"{stem[:2]}-*"))
    return owned


def report_writes(root: Path) -> list[Path]:
    """The export's outputs: each edition's two pages, the code pages, and the data package
    beside the data."""
    return [root / "report" / "index.html", root / "report" / "evidence.html",
            root / "report" / "ru" / "index.html", root / "report" / "ru" / "evidence.html",
            *sorted((root / "report" / "code").glob("*.html")),
            *sorted((root / "report" / "data").glob("*.csv")),
            root / "data" / "processed" / "datapackage.json", root / "data" / "README.md"]


def notebook_key(notebook: Path, analysis_digest: str, root: Path) -> str:
    files = reads(notebook.stem, root)
    chapter = chapters.chapter(notebook.stem)
    cited = ""
    if chapter is not None and chapter.cited_sources_only:
        sources = root / "data" / "processed" / "sources.csv"
        files = [f for f in files if f != sources]
        cited = cited_sources_digest(sources, files)
    parts = (code_cells_digest(notebook), analysis_digest,
             digest_files(files, root if notebook.stem != chapters.CLEANING
                          else paths.PROJECT_ROOT), cited)
    return hashlib.sha256("".join(parts).encode()).hexdigest()


def cited_sources_digest(sources: Path, tables: list[Path]) -> str:
    """Hash of the rows of `sources` that `tables` cite (in a source_ids or source_id
    column): a source added or changed elsewhere leaves it alone."""
    cited: set[str] = set()
    for table in tables:
        if table.is_file():
            with table.open(encoding="utf-8", newline="") as handle:
                for row in csv.DictReader(handle):
                    for column in ("source_ids", "source_id"):
                        cited.update(filter(None, (row.get(column) or "").split(
                            SOURCE_SEPARATOR)))
    digest = hashlib.sha256()
    if sources.is_file():
        with sources.open(encoding="utf-8", newline="") as handle:
            for row in csv.reader(handle):
                if row and (row[0] in cited or row[0] == "source_id"):
                    digest.update("\x1f".join(row).encode() + b"\n")
    else:
        digest.update(b"(missing)")
    return digest.hexdigest()


def report_key(root: Path) -> str:
    files = [*notebook_paths(root), *(root / "data" / "processed").glob("*.csv")]
    return hashlib.sha256((digest_files(files, root)
                           + digest_files(build_files(), paths.PACKAGE_DIR)
                           + digest_files(analysis_files(), paths.PACKAGE_DIR)).encode()
                          ).hexdigest()


# --- the cache: inputs and outputs ------------------------------------------------------------


def hashes(files: Iterable[Path], root: Path) -> dict[str, str]:
    return {f.relative_to(root).as_posix(): sha256(f) for f in files if f.is_file()}


class BuildCache:
    """For each notebook and for the report: the key of its inputs and the hash of each
    output as published. Anything unreadable or of the wrong shape counts as empty."""

    def __init__(self, entries: dict[str, dict] | None = None, note: str = "") -> None:
        self.entries = entries or {}
        self.note = note

    @classmethod
    def load(cls) -> BuildCache:
        if not CACHE_FILE.exists():
            return cls()
        try:
            stored = json.loads(CACHE_FILE.read_text(encoding="utf-8"))
            entries = stored["entries"]
            valid = (stored.get("version") == CACHE_VERSION and isinstance(entries, dict)
                     and all(isinstance(e, dict) and isinstance(e.get("key"), str)
                             and isinstance(e.get("outputs"), dict) for e in entries.values()))
            if valid:
                return cls(entries)
        except (OSError, ValueError, KeyError, TypeError, AttributeError):
            pass
        return cls(note="the build cache was unreadable or of an older shape: "
                        "rebuilding everything")

    def fresh(self, name: str, key: str, root: Path) -> bool:
        """Same inputs, and every output it recorded still there, byte for byte."""
        entry = self.entries.get(name)
        if not entry or entry["key"] != key or not entry["outputs"]:
            return False
        for relative, digest in entry["outputs"].items():
            file = root / relative
            if not file.is_file() or sha256(file) != digest:
                return False
        return True

    def record(self, name: str, key: str, outputs: dict[str, str], seconds: float = 0.0
               ) -> None:
        self.entries[name] = {"key": key, "outputs": outputs, "seconds": round(seconds, 1)}

    def seconds(self, name: str) -> float:
        """How long the notebook's cells took when it last ran (0 when unknown)."""
        value = self.entries.get(name, {}).get("seconds", 0.0)
        return float(value) if isinstance(value, int | float) else 0.0

    def save(self) -> None:
        write_text_atomically(CACHE_FILE, json.dumps(
            {"version": CACHE_VERSION, "entries": self.entries}, indent=1, sort_keys=True))
