"""A corrupted raw table stops the build with one line naming file, line and column.

The build asks the cleaning notebook's kernel for the raw tables' problems before its first
cell runs (`tables.raw_table_problems`, tested in-process on a corrupted copy of data/raw/);
the command line is tested in a subprocess on a small copy of the project: one line per
problem, no notebook run, nothing written.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import projects
import pytest
from rawcopies import set_cell

from belarus_ip_report.curated import tables
from belarus_ip_report.foundation import paths
from belarus_ip_report.publishing import cache

MEMBERS = "wto_members.csv"
BAD_DATE = ("data/raw/wto_members.csv, line 7, column 'membership_date': "
            "'2019-02-30' is not a day of the calendar")
OUTPUT_FOLDERS = ("data/processed", "figures", "report", "notebooks")


# --- in-process: tables.raw_table_problems, what the build asks the cleaning's kernel ----------


@pytest.fixture
def raw_copy(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A copy of data/raw/, in a project root that messages name files from."""
    root = tmp_path.resolve() / "project"
    raw = root / "data" / "raw"
    shutil.copytree(paths.RAW, raw)
    monkeypatch.setattr(paths, "PROJECT_ROOT", root)
    return raw


@pytest.fixture
def corrupted_raw(raw_copy: Path) -> Path:
    """The copy with a bad date."""
    set_cell(raw_copy, MEMBERS, 7, "membership_date", "2019-02-30")
    return raw_copy


def test_the_real_raw_tables_have_no_problem():
    assert tables.raw_table_problems() is None


def test_a_bad_date_is_one_line_naming_file_line_and_column(corrupted_raw):
    assert tables.raw_table_problems(corrupted_raw) == BAD_DATE


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        (b"", "data/raw/wto_members.csv: the file is empty (it needs a header line and rows)"),
        (b"member,member_ru,membership_date,route,source_ids,notes\n",
         "data/raw/wto_members.csv, line 1: the table has a header but no rows"),
        (b"member,member_ru,membership_date,route,source_ids,notes\nCura\xe7ao,,,accession,x,\n",
         "data/raw/wto_members.csv, line 2: not UTF-8 text (byte 0xe7) (save the file as "
         "UTF-8)"),
    ],
)
def test_file_level_problems_are_reported(corrupted_raw, content, expected):
    (corrupted_raw / MEMBERS).write_bytes(content)
    assert tables.raw_table_problems(corrupted_raw) == expected


# --- the command line, on a small copy of the project ---------------------------------------


@pytest.fixture(scope="module")
def pristine_copy(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The cleaning notebook and one chapter: the data check happens before either runs."""
    return projects.small_copy(tmp_path_factory.mktemp("pristine").resolve())


@pytest.fixture
def project_copy(pristine_copy: Path, tmp_path: Path) -> Path:
    copy = tmp_path.resolve() / "project"
    shutil.copytree(pristine_copy, copy, symlinks=True)
    assert not (copy / ".cache" / "build.json").exists(), "a cold copy has no build cache"
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
    return subprocess.run([sys.executable, "-m", "belarus_ip_report.publishing"], cwd=copy,
                          env=env, capture_output=True, text=True, timeout=300)


def assert_stopped_cleanly(copy: Path, *expected: str) -> None:
    before = outputs(copy)
    assert any(name.startswith("data/processed/") for name in before)
    result = run_build(copy)
    assert "Traceback" not in result.stderr, result.stderr
    assert result.returncode == 1, result.stderr
    assert result.stdout == ""
    assert result.stderr.splitlines() == [
        f"Build stopped: {expected[0]}", *expected[1:],
        "Nothing was published: the outputs of the previous build are unchanged.",
    ]
    assert outputs(copy) == before, "a built file changed"
    assert not (copy / ".cache" / "build.json").exists(), "the build went past the raw check"
    assert not (copy / ".cache" / "stage").exists(), "the staging copy was left behind"


SUPERSCRIPT = ("data/raw/wto_accession_milestones.csv, line 6, column 'meeting_number': "
               "'\u00b2' is not a whole number (write digits only, such as 12)")


def test_the_command_line_stops_on_bad_data_lists_every_problem_and_touches_nothing(
        project_copy):
    set_cell(project_copy / "data" / "raw", MEMBERS, 7, "membership_date", "2019-02-30")
    # '²' passes str.isdigit(); int('²') once raised a bare ValueError here (a traceback).
    set_cell(project_copy / "data" / "raw", "wto_accession_milestones.csv", 6,
             "meeting_number", "\u00b2")
    assert_stopped_cleanly(project_copy, SUPERSCRIPT, BAD_DATE,
                           "2 problem(s) found; fix them all, then build again.")


def test_broken_csv_is_one_line_naming_where_it_breaks(corrupted_raw):
    path = corrupted_raw / MEMBERS
    lines = path.read_text(encoding="utf-8").split("\n")
    lines[11] = '"' + lines[11]
    path.write_text("\n".join(lines), encoding="utf-8")
    assert tables.raw_table_problems(corrupted_raw) == (
        "data/raw/wto_members.csv, line 12: broken CSV (',' expected after '\"')")


def test_a_superscript_digit_is_a_problem_not_a_traceback(raw_copy):
    set_cell(raw_copy, "wto_accession_milestones.csv", 6, "meeting_number", "\u00b2")
    assert tables.raw_table_problems(raw_copy) == SUPERSCRIPT


def test_the_build_splits_source_ids_as_the_tables_do():
    from belarus_ip_report.curated.columns import SOURCE_SEPARATOR

    assert cache.SOURCE_SEPARATOR == SOURCE_SEPARATOR
