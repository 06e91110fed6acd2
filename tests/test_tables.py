"""Bad input in a curated table is cleaned as documented or stops with one DataError.

Every test works on a copy of data/raw/ in tmp_path (the project root is pointed at the copy,
so messages name `data/raw/<file>` as they do in the real project) and asserts the exact file,
CSV line and column that the error names, and that its message is a single line.
"""

from __future__ import annotations

import csv
import io
import os
import shutil
from collections.abc import Callable
from pathlib import Path

import pandas as pd
import pytest

from belarus_ip_report.curated import csvfiles, tables
from belarus_ip_report.curated.schemas import TABLES_BY_NAME
from belarus_ip_report.foundation import atomic, paths
from belarus_ip_report.foundation.dates import as_text
from belarus_ip_report.foundation.errors import DataError, DataErrors

MEMBERS = "wto_members.csv"
MILESTONES = "wto_accession_milestones.csv"
TREATIES = "wipo_treaties.csv"


# --- helpers ---------------------------------------------------------------------------------


@pytest.fixture
def project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A project root in tmp_path holding a copy of the real raw tables."""
    root = tmp_path.resolve() / "project"
    shutil.copytree(paths.RAW, root / "data" / "raw")
    monkeypatch.setattr(paths, "PROJECT_ROOT", root)
    return root


@pytest.fixture
def raw(project: Path) -> Path:
    return project / "data" / "raw"


def read_rows(folder: Path, name: str) -> list[list[str]]:
    text = (folder / name).read_text(encoding="utf-8")
    rows = list(csv.reader(io.StringIO(text, newline="")))
    # The helpers below rely on one CSV record per physical line in the real tables.
    assert len(rows) == len(text.splitlines()), f"{name} has a value spanning lines"
    return rows


def write_rows(folder: Path, name: str, rows: list[list[str]]) -> None:
    buffer = io.StringIO()
    csv.writer(buffer, lineterminator="\n").writerows(rows)
    (folder / name).write_text(buffer.getvalue(), encoding="utf-8")


def set_cell(folder: Path, name: str, line: int, column: str, value: str) -> str:
    """Set one value (CSV line numbers start at 1 with the header); returns the old value."""
    rows = read_rows(folder, name)
    index = rows[0].index(column)
    old = rows[line - 1][index]
    rows[line - 1][index] = value
    write_rows(folder, name, rows)
    return old


def edit_lines(folder: Path, name: str, edit: Callable[[list[str]], list[str]]) -> None:
    """Edit the physical lines of a file (without their line ends)."""
    path = folder / name
    lines = path.read_text(encoding="utf-8").split("\n")
    path.write_text("\n".join(edit(lines)), encoding="utf-8")


def data_rows(folder: Path, name: str) -> int:
    return len(read_rows(folder, name)) - 1


def load_errors(folder: Path) -> list[DataError]:
    """Every problem the loader reports, each checked to be a one-line message."""
    with pytest.raises(DataError) as raised:
        tables.load_clean_tables(folder)
    error = raised.value
    assert str(error) == error.message
    found = error.errors if isinstance(error, DataErrors) else [error]
    for problem in found:
        message = problem.message
        assert "\n" not in message and "\r" not in message, f"not one line: {message!r}"
    return found


def load_error(folder: Path) -> DataError:
    """The one problem a single corruption causes."""
    (error,) = load_errors(folder)
    return error


def find_error(errors: list[DataError], file: str, line: int | None,
               column: str | None) -> DataError:
    for error in errors:
        if (error.file, error.line, error.column) == (f"data/raw/{file}", line, column):
            return error
    raise AssertionError(f"no problem at {file}:{line}:{column} in {[e.message for e in errors]}")


def assert_names(error: DataError, file: str, line: int | None, column: str | None) -> None:
    assert (error.file, error.line, error.column) == (f"data/raw/{file}", line, column), (
        error.message)
    where = f"data/raw/{file}"
    if line is not None:
        where += f", line {line}"
    if column is not None:
        where += f", column '{column}'"
    assert error.message.startswith(where + ": "), error.message


# --- the real tables are clean ---------------------------------------------------------------


def test_the_real_raw_tables_load_with_no_change_and_no_row_lost(raw):
    loaded = tables.load_clean_tables(raw)
    assert list(loaded) == list(TABLES_BY_NAME)
    for name, table in loaded.items():
        assert table.changes == [], name
        assert table.rows_in == len(table.frame) == data_rows(raw, f"{name}.csv")


# --- values ----------------------------------------------------------------------------------


@pytest.mark.parametrize("value", ["2019-7-1", "19-07-2019", "2019/07/01", "July 2019", "2O19"])
def test_a_malformed_date_names_its_line_and_column(raw, value):
    set_cell(raw, MEMBERS, 7, "membership_date", value)
    error = load_error(raw)
    assert_names(error, MEMBERS, 7, "membership_date")
    assert f"'{value}' is not a date in the form YYYY-MM-DD, YYYY-MM or YYYY" in error.message


@pytest.mark.parametrize("value", ["2019-02-30", "2023-02-29", "2019-04-31"])
def test_an_impossible_date_names_its_line_and_column(raw, value):
    set_cell(raw, MEMBERS, 7, "membership_date", value)
    error = load_error(raw)
    assert_names(error, MEMBERS, 7, "membership_date")
    assert f"'{value}' is not a day of the calendar" in error.message


def test_an_impossible_month_names_its_line_and_column(raw):
    set_cell(raw, MILESTONES, 12, "date_end", "2004-13")
    assert_names(load_error(raw), MILESTONES, 12, "date_end")


@pytest.mark.parametrize(
    ("file", "line", "column", "value", "precision"),
    [
        (TREATIES, 4, "adopted", "1886-09", "month"),
        (TREATIES, 5, "in_force", "1970", "year"),
        ("sources.csv", 10, "accessed", "2026-11", "month"),
    ],
)
def test_a_partial_date_in_a_day_only_column_names_its_line_and_column(
    raw, file, line, column, value, precision
):
    set_cell(raw, file, line, column, value)
    error = load_error(raw)
    assert_names(error, file, line, column)
    assert f"'{value}' is a {precision}; this column needs a full day" in error.message


def test_a_date_range_that_ends_before_it_starts_names_the_end_column(raw):
    rows = read_rows(raw, MILESTONES)
    header = rows[0]
    line = next(n for n, row in enumerate(rows[1:], start=2)
                if row[header.index("date")].count("-") == 2)
    set_cell(raw, MILESTONES, line, "date_end", "1990-01-01")
    error = load_error(raw)
    assert_names(error, MILESTONES, line, "date_end")
    assert "it is before date" in error.message


@pytest.mark.parametrize(
    ("file", "line", "column", "value"),
    [
        (MEMBERS, 7, "route", "founder"),
        (MEMBERS, 9, "route", "Accession"),
        (MILESTONES, 20, "category", "meeting"),
        ("sources.csv", 30, "kind", "blog"),
    ],
)
def test_an_unknown_category_names_its_line_and_column_and_the_allowed_values(
    raw, file, line, column, value
):
    set_cell(raw, file, line, column, value)
    error = load_error(raw)
    assert_names(error, file, line, column)
    assert f"'{value}' is not an allowed value (" in error.message


def test_a_missing_required_value_names_its_line_and_column(raw):
    set_cell(raw, MEMBERS, 11, "route", "")
    error = load_error(raw)
    assert_names(error, MEMBERS, 11, "route")
    assert "a value is required here" in error.message


@pytest.mark.parametrize(
    ("file", "column", "first", "duplicate"),
    [(MEMBERS, "member", 4, 9), (MILESTONES, "milestone_id", 2, 40),
     ("sources.csv", "source_id", 100, 101)],
)
def test_a_duplicate_key_names_the_line_of_the_duplicate_and_of_the_first(
    raw, file, column, first, duplicate
):
    key = read_rows(raw, file)[first - 1][read_rows(raw, file)[0].index(column)]
    set_cell(raw, file, duplicate, column, key)
    # The overwritten key's own row is gone too, so whatever cited it is reported as well.
    error = find_error(load_errors(raw), file, duplicate, column)
    assert_names(error, file, duplicate, column)
    assert f"duplicate key '{key}' (first at line {first})" in error.message


def test_a_key_that_only_differs_by_white_space_is_a_duplicate(raw):
    key = read_rows(raw, MEMBERS)[3][0]
    set_cell(raw, MEMBERS, 9, "member", f"  {key} ")
    error = load_error(raw)
    assert_names(error, MEMBERS, 9, "member")
    assert "(first at line 4)" in error.message


@pytest.mark.parametrize(
    ("file", "line", "column", "value"),
    [
        (MILESTONES, 6, "meeting_number", "12a"),
        (MILESTONES, 6, "meeting_number", "-1"),
        (MILESTONES, 6, "meeting_number", "1.0"),
        (MILESTONES, 6, "meeting_number", "one"),
        ("key_figures.csv", 3, "value", "about 190"),
        (TREATIES, 8, "parties_count", "1,000"),
    ],
)
def test_a_value_that_is_not_a_whole_number_names_its_line_and_column(
    raw, file, line, column, value
):
    set_cell(raw, file, line, column, value)
    error = load_error(raw)
    assert_names(error, file, line, column)
    wanted = "is negative; a count is zero or more" if value.startswith("-") else \
        "is not a whole number"
    assert f"'{value}' {wanted}" in error.message


def test_a_meeting_number_below_one_names_its_line_and_column(raw):
    rows = read_rows(raw, MILESTONES)
    index = rows[0].index("meeting_number")
    line = next(n for n, row in enumerate(rows[1:], start=2) if row[index])
    set_cell(raw, MILESTONES, line, "meeting_number", "0")
    assert_names(load_error(raw), MILESTONES, line, "meeting_number")


@pytest.mark.parametrize(
    ("file", "line", "value", "unknown"),
    [
        (MEMBERS, 7, "no-such-source", "no-such-source"),
        (MEMBERS, 12, "lawin-wto-members-list;not-registered-anywhere", "not-registered-anywhere"),
        ("belarus_russia_ip.csv", 5, "nowhere-1999", "nowhere-1999"),
    ],
)
def test_an_unknown_source_id_names_its_line_and_the_id(raw, file, line, value, unknown):
    set_cell(raw, file, line, "source_ids", value)
    error = load_error(raw)
    assert_names(error, file, line, "source_ids")
    assert f"unknown source id '{unknown}'" in error.message


def test_a_source_id_removed_from_sources_is_reported_where_it_is_cited(raw):
    rows = read_rows(raw, MEMBERS)
    cited = rows[1][rows[0].index("source_ids")].split(";")[0]
    first_line = next(n for n, row in enumerate(rows[1:], start=2)
                      if cited in row[rows[0].index("source_ids")].split(";"))
    # Rename the source in sources.csv so that the first citation of it breaks.
    source_rows = read_rows(raw, "sources.csv")
    for row in source_rows[1:]:
        if row[0] == cited:
            row[0] = cited + "-renamed"
    write_rows(raw, "sources.csv", source_rows)
    errors = load_errors(raw)
    assert all(error.file != "data/raw/sources.csv" for error in errors)
    error = find_error(errors, MEMBERS, first_line, "source_ids")
    assert f"unknown source id '{cited}'" in error.message
    # Every citation is reported, the repeats on one line per file and column.
    assert len(errors) <= 6 and all(f"'{cited}'" in e.message for e in errors)


# --- header ----------------------------------------------------------------------------------


def test_a_missing_column_names_the_header_line_and_the_column(raw):
    rows = read_rows(raw, MEMBERS)
    index = rows[0].index("route")
    write_rows(raw, MEMBERS, [row[:index] + row[index + 1:] for row in rows])
    error = load_error(raw)
    assert_names(error, MEMBERS, 1, "route")
    assert "missing column" in error.message


def test_an_extra_column_names_the_header_line_and_the_column(raw):
    rows = read_rows(raw, MEMBERS)
    write_rows(raw, MEMBERS, [rows[0] + ["comment"]] + [row + ["x"] for row in rows[1:]])
    error = load_error(raw)
    assert_names(error, MEMBERS, 1, "comment")
    assert "unexpected column" in error.message


def test_a_column_named_twice_names_the_header_line_and_the_column(raw):
    rows = read_rows(raw, MEMBERS)
    write_rows(raw, MEMBERS, [rows[0] + ["route"]] + [row + ["original"] for row in rows[1:]])
    error = load_error(raw)
    assert_names(error, MEMBERS, 1, "route")
    assert "column appears twice in the header" in error.message


def test_columns_out_of_order_name_the_header_line(raw):
    rows = read_rows(raw, MEMBERS)
    swap = [0, 2, 1, 3, 4]  # route before membership_date
    write_rows(raw, MEMBERS, [[row[i] for i in swap] for row in rows])
    error = load_error(raw)
    # The first column out of place is named; the hint gives the expected order.
    assert_names(error, MEMBERS, 1, "route")
    assert "columns are out of order" in error.message
    assert "'membership_date' belongs in position 2" in error.message
    assert "member, membership_date, route, source_ids, notes" in error.message


# --- files -----------------------------------------------------------------------------------


@pytest.mark.parametrize("content", [b"", b"\n", b"  \n\n \r\n", b"\xef\xbb\xbf"])
def test_an_empty_file_names_the_file(raw, content):
    (raw / MEMBERS).write_bytes(content)
    error = load_error(raw)
    assert_names(error, MEMBERS, None, None)
    assert "the file is empty" in error.message


@pytest.mark.parametrize("trailer", ["\n", "", "\n\n\n"])
def test_a_header_only_file_names_the_header_line(raw, trailer):
    header = (raw / MEMBERS).read_text(encoding="utf-8").split("\n")[0]
    (raw / MEMBERS).write_text(header + trailer, encoding="utf-8")
    error = load_error(raw)
    assert_names(error, MEMBERS, 1, None)
    assert "the table has a header but no rows" in error.message


def test_a_missing_file_names_the_file(raw):
    (raw / MEMBERS).unlink()
    error = load_error(raw)
    assert_names(error, MEMBERS, None, None)
    assert "file not found" in error.message


@pytest.mark.parametrize("where", ["first row", "middle row", "last row"])
def test_a_latin_1_file_names_the_line_of_the_first_bad_byte(raw, where):
    lines = (raw / MEMBERS).read_text(encoding="utf-8").split("\n")
    rows = len(lines) - 2  # without the header and the empty text after the last line end
    line = {"first row": 2, "middle row": 2 + rows // 2 + 1, "last row": rows + 1}[where]
    lines[line - 1] = lines[line - 1].replace(",", ",Curaçao ", 1)
    lines[-1] = "Curaçao"  # a later bad byte, after the end of the real rows
    bad = {line - 1, len(lines) - 1}  # only these lines are saved as latin-1
    data = b"\n".join(text.encode("latin-1" if n in bad else "utf-8")
                      for n, text in enumerate(lines))
    (raw / MEMBERS).write_bytes(data)
    error = load_error(raw)
    assert_names(error, MEMBERS, line, None)
    assert "not UTF-8 text (byte 0xe7)" in error.message


def test_a_latin_1_file_with_crlf_line_ends_names_the_line_of_the_first_bad_byte(raw):
    lines = (raw / MEMBERS).read_text(encoding="utf-8").split("\n")
    lines[20] = lines[20].replace(",", ",Curaçao ", 1)
    (raw / MEMBERS).write_bytes(b"\r\n".join(
        text.encode("latin-1" if n == 20 else "utf-8") for n, text in enumerate(lines)))
    assert_names(load_error(raw), MEMBERS, 21, None)


# --- broken CSV ------------------------------------------------------------------------------


def test_an_unterminated_quote_names_the_line_where_the_quote_opens(raw):
    edit_lines(raw, MEMBERS, lambda lines: [*lines[:9], '"' + lines[9], *lines[10:]])
    error = load_error(raw)
    assert_names(error, MEMBERS, 10, None)
    assert "broken CSV" in error.message


def test_an_unterminated_quote_on_the_last_line_names_that_line(raw):
    edit_lines(raw, MEMBERS, lambda lines: [*lines[:-2], lines[-2] + ',"unfinished', ""])
    error = load_error(raw)
    last = len((raw / MEMBERS).read_text(encoding="utf-8").splitlines())
    assert_names(error, MEMBERS, last, None)
    assert "broken CSV (unexpected end of data)" in error.message


def test_text_after_a_closing_quote_names_its_line(raw):
    edit_lines(raw, MEMBERS, lambda lines: [
        *lines[:14], '"x"y' + lines[14], *lines[15:]])
    assert_names(load_error(raw), MEMBERS, 15, None)


@pytest.mark.parametrize(
    ("edit", "found"),
    [
        (lambda line: line.replace(",", ",stray,", 1), 6),      # an unquoted comma
        (lambda line: line.rsplit(",", 1)[0], 4),               # a value missing
        (lambda line: line + ",,", 7),
    ],
)
def test_a_row_with_the_wrong_number_of_values_names_its_line(raw, edit, found):
    edit_lines(raw, MEMBERS, lambda lines: [*lines[:24], edit(lines[24]), *lines[25:]])
    error = load_error(raw)
    assert_names(error, MEMBERS, 25, None)
    assert f"expected 5 values, found {found}" in error.message


def test_line_numbers_count_the_physical_lines_of_a_value_that_spans_lines(raw):
    rows = read_rows(raw, MEMBERS)
    rows[2][rows[0].index("notes")] = "a note\nover three\nlines"
    rows[9][rows[0].index("route")] = "founder"  # CSV record 10 starts on physical line 12
    write_rows(raw, MEMBERS, rows)
    assert_names(load_error(raw), MEMBERS, 12, "route")


def test_line_numbers_are_right_with_crlf_line_ends(raw):
    set_cell(raw, MEMBERS, 30, "route", "founder")
    data = (raw / MEMBERS).read_bytes()
    (raw / MEMBERS).write_bytes(data.replace(b"\n", b"\r\n"))
    assert_names(load_error(raw), MEMBERS, 30, "route")


# --- what cleaning does (and reports) -------------------------------------------------------


@pytest.mark.parametrize("padded", [" Albania", "Albania ", "\tAlbania", " Albania\t ",
                                    "\u00a0Albania"])
def test_white_space_around_a_value_is_trimmed_and_reported(raw, padded):
    line = next(n for n, row in enumerate(read_rows(raw, MEMBERS), start=1)
                if row[0] == "Albania")
    set_cell(raw, MEMBERS, line, "member", padded)
    table = tables.load_clean_tables(raw)["wto_members"]
    assert "Albania" in set(table.frame["member"])
    assert not table.frame["member"].str.contains(r"^\s|\s$").any()
    assert table.changes == ["trimmed white space around 1 value(s)"]
    assert table.rows_in == len(table.frame) == data_rows(raw, MEMBERS)


def test_several_padded_values_are_counted(raw):
    set_cell(raw, MEMBERS, 3, "member", " Albania ")
    set_cell(raw, MEMBERS, 5, "route", "original ")
    set_cell(raw, MILESTONES, 6, "meeting_number", " 1")
    loaded = tables.load_clean_tables(raw)
    assert loaded["wto_members"].changes == ["trimmed white space around 2 value(s)"]
    assert loaded["wto_accession_milestones"].changes == [
        "trimmed white space around 1 value(s)"]
    assert loaded["wto_accession_milestones"].frame["meeting_number"].min() == 1


def test_a_value_of_white_space_only_is_empty(raw):
    set_cell(raw, MEMBERS, 3, "notes", "   ")
    table = tables.load_clean_tables(raw)["wto_members"]
    assert table.changes == ["trimmed white space around 1 value(s)"]
    set_cell(raw, MEMBERS, 3, "route", "   ")
    assert_names(load_error(raw), MEMBERS, 3, "route")


def test_a_byte_order_mark_is_removed_and_reported(raw):
    before = tables.load_clean_tables(raw)["wto_members"].frame
    data = (raw / MEMBERS).read_bytes()
    (raw / MEMBERS).write_bytes(b"\xef\xbb\xbf" + data)
    table = tables.load_clean_tables(raw)["wto_members"]
    assert table.changes == ["removed a UTF-8 byte-order mark at the start of the file"]
    assert table.frame.equals(before)


def test_line_numbers_are_right_after_a_byte_order_mark(raw):
    set_cell(raw, MEMBERS, 8, "route", "founder")
    (raw / MEMBERS).write_bytes(b"\xef\xbb\xbf" + (raw / MEMBERS).read_bytes())
    assert_names(load_error(raw), MEMBERS, 8, "route")


def test_blank_lines_are_skipped_and_reported(raw):
    before = tables.load_clean_tables(raw)["wto_members"].frame
    edit_lines(raw, MEMBERS, lambda lines: [*lines[:5], "", "   ", *lines[5:40], "\t",
                                            *lines[40:], "", ""])
    table = tables.load_clean_tables(raw)["wto_members"]
    assert table.changes == ["skipped 5 blank line(s)"]
    assert table.rows_in == len(table.frame) == len(before)
    assert table.frame.equals(before)


def test_line_numbers_count_skipped_blank_lines(raw):
    edit_lines(raw, MEMBERS, lambda lines: [*lines[:5], "", "", *lines[5:]])
    set_cell(raw, MEMBERS, 9, "membership_date", "2019-02-30")  # was line 7
    assert_names(load_error(raw), MEMBERS, 9, "membership_date")


def test_all_cleaning_is_reported_together(raw):
    rows = data_rows(raw, MEMBERS)
    set_cell(raw, MEMBERS, 3, "member", " Albania")
    edit_lines(raw, MEMBERS, lambda lines: [*lines[:5], "", *lines[5:]])
    (raw / MEMBERS).write_bytes(b"\xef\xbb\xbf" + (raw / MEMBERS).read_bytes())
    table = tables.load_clean_tables(raw)["wto_members"]
    assert table.changes == [
        "removed a UTF-8 byte-order mark at the start of the file",
        "skipped 1 blank line(s)",
        "trimmed white space around 1 value(s)",
    ]
    summary = tables.quality_summary({"wto_members": table})
    assert summary.loc[0, "rows in"] == summary.loc[0, "rows out"] == rows
    assert "byte-order mark" in summary.loc[0, "changes made"]


# --- regressions: cases that once gave a traceback, a wrong line or an unreported change ---


@pytest.mark.parametrize(
    "value",
    [
        "\u00b2",                 # passes str.isdigit(), int() refuses it
        "\u0669\u0669",           # Arabic-Indic 99: int() would read it as 99
        "\uff11",                 # fullwidth 1
        "99999999999999999999",   # 20 digits: too large for Int64 (was OverflowError)
        "1234567890123456789",    # 19 digits
    ],
)
def test_a_number_that_is_not_plain_ascii_or_too_long_names_its_line_and_column(raw, value):
    set_cell(raw, MILESTONES, 6, "meeting_number", value)
    error = load_error(raw)
    assert_names(error, MILESTONES, 6, "meeting_number")
    assert f"'{value}' is not a whole number" in error.message


def test_the_longest_number_allowed_is_read_exactly(raw):
    # key_figures.value has no upper bound of its own (a count of parties has one).
    rows = read_rows(raw, "key_figures.csv")
    figure = rows[2][0]  # a figure that no other table repeats
    set_cell(raw, "key_figures.csv", 3, "value", "9" * tables.MAX_DIGITS)
    evidence = read_rows(raw, "evidence.csv")
    for row in evidence[1:]:
        if row[:3] == ["key_figures", figure, "value"]:
            row[3] = "9" * tables.MAX_DIGITS
    write_rows(raw, "evidence.csv", evidence)
    claims = read_rows(raw, "discrepancies.csv")  # the record of a disagreement follows too
    for row in claims[1:]:
        if row[2:5] == ["key_figures", figure, "value"]:
            row[claims[0].index("value_used")] = "9" * tables.MAX_DIGITS
    write_rows(raw, "discrepancies.csv", claims)
    frame = tables.load_clean_tables(raw)["key_figures"].frame
    assert frame["value"].max() == int("9" * tables.MAX_DIGITS)


@pytest.mark.parametrize("value", ["\uff12\uff10\uff11\uff16-07-29", "2016-07-2\u00b2",
                                   "\u0662\u0660\u0661\u0666"])
def test_a_date_with_non_ascii_digits_names_its_line_and_column(raw, value):
    set_cell(raw, MEMBERS, 2, "membership_date", value)
    error = load_error(raw)
    assert_names(error, MEMBERS, 2, "membership_date")
    assert f"'{value}' is not a date in the form" in error.message


def test_two_rows_with_an_empty_key_name_the_first_of_them(raw):
    set_cell(raw, MEMBERS, 3, "member", "")
    set_cell(raw, MEMBERS, 5, "member", "  ")
    (error,) = load_errors(raw)  # one problem, said once with both lines
    assert_names(error, MEMBERS, 3, "member")
    assert "a value is required here (also on line(s) 5)" in error.message


def test_a_duplicate_key_is_found_beside_an_empty_key(raw):
    set_cell(raw, MEMBERS, 3, "member", "")
    key = read_rows(raw, MEMBERS)[5][0]
    set_cell(raw, MEMBERS, 10, "member", key)
    errors = load_errors(raw)
    find_error(errors, MEMBERS, 3, "member")
    error = find_error(errors, MEMBERS, 10, "member")
    assert f"duplicate key '{key}' (first at line 6)" in error.message


@pytest.mark.parametrize(
    ("file", "line", "column", "value"),
    [(MEMBERS, 3, "route", "access\nion"), (MEMBERS, 3, "membership_date", "2000-\n09-08"),
     (MILESTONES, 6, "meeting_number", "1\n2"), (MEMBERS, 3, "route", "access\r\nion")],
)
def test_a_bad_value_with_a_line_break_still_gives_a_one_line_message(raw, file, line, column,
                                                                      value):
    set_cell(raw, file, line, column, value)
    error = load_error(raw)  # asserts one line
    assert_names(error, file, line, column)
    shown = value.replace("\r", "\\r").replace("\n", "\\n")
    assert f"'{shown}'" in error.message


def test_a_duplicate_key_with_a_line_break_gives_a_one_line_message(raw):
    rows = read_rows(raw, MEMBERS)
    rows[2][0] = rows[7][0] = "Two\nlines"
    write_rows(raw, MEMBERS, rows)
    error = load_error(raw)
    assert_names(error, MEMBERS, 9, "member")  # record 8 starts on line 9, after the break
    assert "(first at line 3)" in error.message


@pytest.mark.parametrize(
    ("edit", "column", "problem"),
    [(lambda header: header.replace(",notes", ""), "notes", "missing column"),
     (lambda header: header + ",comment", "comment", "unexpected column")],
)
def test_a_header_that_disagrees_with_right_rows_names_the_header_not_line_2(
    raw, edit, column, problem
):
    edit_lines(raw, MEMBERS, lambda lines: [edit(lines[0]), *lines[1:]])
    error = load_error(raw)
    assert_names(error, MEMBERS, 1, column)
    assert problem in error.message


def test_a_header_error_after_leading_blank_lines_names_the_header_line(raw):
    edit_lines(raw, MEMBERS, lambda lines: ["", " ", lines[0].replace("route", "rout"),
                                            *lines[1:]])
    assert_names(load_error(raw), MEMBERS, 3, "route")


def test_row_lines_are_right_after_leading_blank_lines(raw):
    set_cell(raw, MEMBERS, 7, "route", "founder")
    edit_lines(raw, MEMBERS, lambda lines: ["", "", *lines])
    assert_names(load_error(raw), MEMBERS, 9, "route")


def test_a_header_only_file_after_blank_lines_names_the_header_line(raw):
    header = (raw / MEMBERS).read_text(encoding="utf-8").split("\n")[0]
    (raw / MEMBERS).write_text(f"\n\n{header}\n", encoding="utf-8")
    assert_names(load_error(raw), MEMBERS, 3, None)


def test_blank_lines_before_the_header_are_skipped_and_reported(raw):
    rows = data_rows(raw, MEMBERS)
    edit_lines(raw, MEMBERS, lambda lines: ["", "  ", *lines])
    table = tables.load_clean_tables(raw)["wto_members"]
    assert table.changes == ["skipped 2 blank line(s)"]
    assert table.rows_in == len(table.frame) == rows


def test_white_space_around_header_names_is_trimmed_and_reported(raw):
    edit_lines(raw, MEMBERS, lambda lines: [lines[0].replace("member,membership_date,",
                                                             " member , membership_date\t,"),
                                            *lines[1:]])
    table = tables.load_clean_tables(raw)["wto_members"]
    assert list(table.frame.columns[:2]) == ["member", "membership_date"]
    assert table.changes == ["trimmed white space around column names in the header"]


# --- writing ---------------------------------------------------------------------------------


def snapshot(folder: Path) -> dict[str, tuple[bytes, int]]:
    return {p.name: (p.read_bytes(), p.stat().st_mtime_ns)
            for p in sorted(folder.iterdir()) if p.is_file()}


def test_write_processed_writes_every_table_and_leaves_no_temporary_file(raw, tmp_path):
    loaded = tables.load_clean_tables(raw)
    out = tmp_path / "processed"
    tables.write_processed(loaded, out)
    assert sorted(p.name for p in out.iterdir()) == sorted(f"{n}.csv" for n in loaded)
    for name, table in loaded.items():
        assert (out / f"{name}.csv").read_bytes() == csvfiles.frame_to_csv(
            as_text(table.frame, table.spec.date_columns)).encode("utf-8")
        # Loading it back gives the same typed table (the CSV's helper columns left out).
        pd.testing.assert_frame_equal(tables.load_table(name, out), table.frame,
                                      check_dtype=False)


def test_write_processed_keeps_unchanged_files_byte_for_byte_and_mtime(raw, tmp_path):
    out = tmp_path / "processed"
    shutil.copytree(paths.PROCESSED, out)
    loaded = tables.load_clean_tables(raw)
    tables.write_processed(loaded, out)
    written = snapshot(out)
    os.utime(out / "sources.csv", ns=(1, 1))  # make a rewrite visible in the mtime
    written["sources.csv"] = (written["sources.csv"][0], 1)

    set_cell(raw, MEMBERS, 3, "notes", "a new note")
    tables.write_processed(tables.load_clean_tables(raw), out)
    after = snapshot(out)
    assert sorted(after) == sorted(written), "a temporary file was left behind"
    changed = [name for name in after if after[name] != written[name]]
    assert changed == [MEMBERS]
    assert b"a new note" in after[MEMBERS][0]


def test_a_failed_write_leaves_the_old_file_and_no_temporary_file(raw, tmp_path, monkeypatch):
    out = tmp_path / "processed"
    loaded = tables.load_clean_tables(raw)
    tables.write_processed(loaded, out)
    before = snapshot(out)
    set_cell(raw, MEMBERS, 3, "notes", "a new note")
    changed = tables.load_clean_tables(raw)

    def disk_full(*args, **kwargs):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(atomic.os, "replace", disk_full)
    with pytest.raises(OSError, match="No space left"):
        tables.write_processed(changed, out)
    assert snapshot(out) == before


def test_an_interrupted_write_leaves_the_old_file_and_no_temporary_file(tmp_path, monkeypatch):
    target = tmp_path / "table.csv"
    target.write_bytes(b"old\n")
    real_fdopen = os.fdopen

    class Interrupted(BaseException):
        pass

    def fdopen_then_interrupt(*args, **kwargs):
        stream = real_fdopen(*args, **kwargs)
        stream.write(b"half a")
        stream.close()
        raise Interrupted

    monkeypatch.setattr(atomic.os, "fdopen", fdopen_then_interrupt)
    with pytest.raises(Interrupted):
        atomic.write_text_atomically(target, "new\n")
    assert [p.name for p in tmp_path.iterdir()] == ["table.csv"]
    assert target.read_bytes() == b"old\n"


def test_a_corrupted_raw_table_never_changes_data_processed(tmp_path, monkeypatch):
    root = tmp_path.resolve() / "project"
    shutil.copytree(paths.DATA, root / "data")
    monkeypatch.setattr(paths, "PROJECT_ROOT", root)
    raw_copy, processed_copy = root / "data" / "raw", root / "data" / "processed"
    before = snapshot(processed_copy)
    set_cell(raw_copy, MEMBERS, 7, "membership_date", "2019-02-30")

    # What notebook 01 does, pointed at the copies.
    with pytest.raises(DataError) as raised:
        tables.write_processed(tables.load_clean_tables(raw_copy), processed_copy)
    assert_names(raised.value, MEMBERS, 7, "membership_date")
    assert snapshot(processed_copy) == before


@pytest.mark.parametrize("invisible", ["\x00", "\ufeff", "\u200b", "\x07"])
def test_an_invisible_character_inside_a_value_names_line_and_column(raw, invisible):
    rows = read_rows(raw, MEMBERS)
    rows[3][0] = invisible + rows[3][0]  # rows[0] is the header: this is line 4
    write_rows(raw, MEMBERS, rows)
    error = load_error(raw)
    assert_names(error, MEMBERS, 4, "member")
    assert "invisible character" in error.message
