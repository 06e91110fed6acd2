"""A corrupted raw table stops the build with one line naming file, line and column.

`build.main([])` is never run against the real project here: it would execute notebooks.
The raw check is tested in-process with the package pointed at a corrupted copy of data/raw/,
and the command line in a subprocess on a copy of the whole project.
"""

from __future__ import annotations

import csv
import io
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from belarus_ip_report import build, paths, tables
from belarus_ip_report.build import cache, pipeline

MEMBERS = "wto_members.csv"
BAD_DATE = ("data/raw/wto_members.csv, line 7, column 'membership_date': "
            "'2019-02-30' is not a day of the calendar")
OUTPUT_FOLDERS = ("data/processed", "figures", "report", "notebooks")


def set_cell(folder: Path, name: str, line: int, column: str, value: str) -> None:
    path = folder / name
    rows = list(csv.reader(io.StringIO(path.read_text(encoding="utf-8"), newline="")))
    rows[line - 1][rows[0].index(column)] = value
    buffer = io.StringIO()
    csv.writer(buffer, lineterminator="\n").writerows(rows)
    path.write_text(buffer.getvalue(), encoding="utf-8")


# --- in-process: build.check_raw_tables and build.main ------------------------------------


@pytest.fixture
def corrupted_raw(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A copy of data/raw/ with a bad date, which the package's defaults now point at."""
    root = tmp_path.resolve() / "project"
    raw = root / "data" / "raw"
    shutil.copytree(paths.RAW, raw)
    set_cell(raw, MEMBERS, 7, "membership_date", "2019-02-30")
    monkeypatch.setattr(paths, "PROJECT_ROOT", root)
    monkeypatch.setattr(paths, "RAW", raw)
    monkeypatch.setattr(paths, "PROCESSED", root / "data" / "processed")
    # `folder=paths.RAW` was bound when tables was imported: patching paths.RAW is not enough.
    monkeypatch.setattr(tables.load_clean_tables, "__defaults__", (raw,))
    return raw


def test_check_raw_tables_passes_on_the_real_tables():
    build.check_raw_tables()


def test_check_raw_tables_turns_the_data_error_into_build_failed(corrupted_raw):
    with pytest.raises(build.BuildFailed) as raised:
        build.check_raw_tables()
    assert str(raised.value) == BAD_DATE
    assert raised.value.__cause__ is None and raised.value.__suppress_context__


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        (b"", "data/raw/wto_members.csv: the file is empty (it needs a header line and rows)"),
        (b"member,membership_date,route,source_ids,notes\n",
         "data/raw/wto_members.csv, line 1: the table has a header but no rows"),
        (b"member,membership_date,route,source_ids,notes\nCura\xe7ao,,accession,x,\n",
         "data/raw/wto_members.csv, line 2: not UTF-8 text (byte 0xe7) (save the file as "
         "UTF-8)"),
    ],
)
def test_check_raw_tables_reports_file_level_problems(corrupted_raw, content, expected):
    (corrupted_raw / MEMBERS).write_bytes(content)
    with pytest.raises(build.BuildFailed) as raised:
        build.check_raw_tables()
    assert str(raised.value) == expected


def test_main_prints_one_line_and_runs_no_notebook(corrupted_raw, tmp_path, monkeypatch,
                                                   capsys):
    def must_not_run(*args, **kwargs):
        raise AssertionError("nothing may run or be exported after a failed raw check")

    class KernelsThatMustNotRun:
        """Kernels may start while the raw tables are checked; no cell may run."""

        def __init__(self, *args) -> None:
            pass

        def __enter__(self):
            return self

        def __exit__(self, *exception) -> None:
            pass

        start_first = go = must_not_run

    shutil.copytree(paths.NOTEBOOKS, paths.PROJECT_ROOT / "notebooks")  # the copy's root
    monkeypatch.setattr(cache, "CACHE_FILE", tmp_path / "cache" / "build.json")
    monkeypatch.setattr(pipeline, "LOCK_FILE", tmp_path / "build.lock")
    monkeypatch.setattr(pipeline, "STAGE", tmp_path / "stage")
    import belarus_ip_report.build.execute as execute
    import belarus_ip_report.build.report as report

    monkeypatch.setattr(execute, "NotebookRun", KernelsThatMustNotRun)
    monkeypatch.setattr(report, "export_report", must_not_run)
    assert build.main([]) == 1
    captured = capsys.readouterr()
    assert captured.out == ""
    assert captured.err.splitlines() == [
        f"Build stopped: {BAD_DATE}",
        "Nothing was published: the outputs of the previous build are unchanged.",
    ]
    assert not (tmp_path / "cache").exists()


# --- the command line, on a copy of the whole project ---------------------------------------


@pytest.fixture(scope="module")
def pristine_copy(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return paths.copy_project(tmp_path_factory.mktemp("pristine").resolve())


@pytest.fixture
def project_copy(pristine_copy: Path, tmp_path: Path) -> Path:
    copy = tmp_path.resolve() / "project"
    shutil.copytree(pristine_copy, copy, symlinks=True)
    assert not (copy / ".cache").exists(), "a cold copy has no build cache"
    return copy


def outputs(root: Path) -> dict[str, tuple[bytes, int]]:
    return {
        path.relative_to(root).as_posix(): (path.read_bytes(), path.stat().st_mtime_ns)
        for folder in OUTPUT_FOLDERS
        for path in sorted((root / folder).rglob("*"))
        if path.is_file()
    }


def run_build(copy: Path) -> subprocess.CompletedProcess:
    env = {key: value for key, value in os.environ.items() if key != "MPLBACKEND"}
    env["PYTHONPATH"] = str(copy / "src")
    return subprocess.run([sys.executable, "-m", "belarus_ip_report.build"], cwd=copy,
                          env=env, capture_output=True, text=True, timeout=300)


def assert_stopped_cleanly(copy: Path, expected: str) -> None:
    before = outputs(copy)
    assert any(name.startswith("data/processed/") for name in before)
    result = run_build(copy)
    assert "Traceback" not in result.stderr, result.stderr
    assert result.returncode == 1, result.stderr
    assert result.stdout == ""
    assert result.stderr.splitlines() == [
        f"Build stopped: {expected}",
        "Nothing was published: the outputs of the previous build are unchanged.",
    ]
    assert outputs(copy) == before, "a built file changed"
    assert not (copy / ".cache" / "build.json").exists(), "the build went past the raw check"
    assert not (copy / ".cache" / "stage").exists(), "the staging copy was left behind"


def test_the_command_line_stops_on_a_bad_date_and_touches_nothing(project_copy):
    set_cell(project_copy / "data" / "raw", MEMBERS, 7, "membership_date", "2019-02-30")
    assert_stopped_cleanly(project_copy, BAD_DATE)


def test_the_command_line_stops_on_broken_csv_and_touches_nothing(project_copy):
    path = project_copy / "data" / "raw" / MEMBERS
    lines = path.read_text(encoding="utf-8").split("\n")
    lines[11] = '"' + lines[11]
    path.write_text("\n".join(lines), encoding="utf-8")
    assert_stopped_cleanly(
        project_copy, "data/raw/wto_members.csv, line 12: broken CSV "
        "(',' expected after '\"')")


def test_the_command_line_stops_on_a_superscript_digit_without_a_traceback(project_copy):
    # '²' passes str.isdigit(); int('²') once raised a bare ValueError here (a traceback).
    set_cell(project_copy / "data" / "raw", "wto_accession_milestones.csv", 6,
             "meeting_number", "\u00b2")
    assert_stopped_cleanly(
        project_copy, "data/raw/wto_accession_milestones.csv, line 6, column "
        "'meeting_number': '\u00b2' is not a whole number (write digits only, such as 12)")


def test_the_build_splits_source_ids_as_the_tables_do():
    from belarus_ip_report.columns import SOURCE_SEPARATOR

    assert cache.SOURCE_SEPARATOR == SOURCE_SEPARATOR
