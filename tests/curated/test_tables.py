"""Bad input in a curated table is cleaned as documented or stops with one DataError.

Every test works on a copy of data/raw/ in tmp_path (the project root is pointed at the copy,
so messages name `data/raw/<file>` as they do in the real project) and asserts the exact file,
CSV line and column that the error names, and that its message is a single line. Files,
broken CSV and cleaning are in `test_table_files.py`, regressions and writing in
`test_table_regressions.py`; the helpers in `rawcopies.py`.
"""

from __future__ import annotations

import pytest
from rawcopies import (
    MEMBERS,
    MILESTONES,
    TREATIES,
    assert_names,
    data_rows,
    find_error,
    load_error,
    load_errors,
    read_rows,
    set_cell,
    write_rows,
)

from belarus_ip_report.curated import tables
from belarus_ip_report.curated.schemas import TABLES_BY_NAME

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
        ("key_figures.csv", 3, "value", "1,000"),
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
    swap = [0, 1, 3, 2, 4, 5]  # route before membership_date
    write_rows(raw, MEMBERS, [[row[i] for i in swap] for row in rows])
    error = load_error(raw)
    # The first column out of place is named; the hint gives the expected order.
    assert_names(error, MEMBERS, 1, "route")
    assert "columns are out of order" in error.message
    assert "'membership_date' belongs in position 3" in error.message
    assert "member, member_ru, membership_date, route, source_ids, notes" in error.message
