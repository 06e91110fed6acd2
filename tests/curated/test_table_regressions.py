"""Cases that once gave a traceback, a wrong line or an unreported change, and writing the
processed tables whole. On a copy of data/raw/, as in `test_tables.py`.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pandas as pd
import pytest
from rawcopies import (
    MEMBERS,
    MILESTONES,
    TREATIES,
    assert_names,
    data_rows,
    edit_lines,
    find_error,
    load_error,
    load_errors,
    read_rows,
    set_cell,
    write_rows,
)

from belarus_ip_report.curated import csvfiles, tables
from belarus_ip_report.foundation import atomic, paths
from belarus_ip_report.foundation.dates import as_text
from belarus_ip_report.foundation.errors import DataError

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
        if [row[claims[0].index(c)] for c in ("table", "row_key", "column")] == [
                "key_figures", figure, "value"]:
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
    edit_lines(raw, MEMBERS, lambda lines: [lines[0].replace("member,member_ru,",
                                                             " member , member_ru\t,"),
                                            *lines[1:]])
    table = tables.load_clean_tables(raw)["wto_members"]
    assert list(table.frame.columns[:2]) == ["member", "member_ru"]
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


@pytest.mark.parametrize(("file", "line", "column", "value", "problem", "hint"), [
    (TREATIES, 4, "field", "copyrights", "'copyrights' is not an allowed value",
     "allowed: industrial_property, copyright_and_related_rights, wipo_convention"),
    (MILESTONES, 6, "meeting_number", "250", "'250' is above the largest allowed value 100",
     "check for a typing error"),
    (MILESTONES, 6, "meeting_number", "0", "'0' is below the smallest allowed value 1", ""),
    (MILESTONES, 6, "date", "5 June 1997", "'5 June 1997' is not", ""),
    ("sources.csv", 2, "url", "ftp://example.org/a", "'ftp://example.org/a' is not in the "
     "expected form", "write an address starting with http:// or https://, without spaces"),
])
def test_a_broken_rule_is_said_in_words_from_the_declared_rule(raw, file, line, column, value,
                                                               problem, hint):
    set_cell(raw, file, line, column, value)
    error = find_error(load_errors(raw), file, line, column)
    assert problem in error.message
    assert hint in error.message
