"""A curated table as a file: missing, empty, not UTF-8, broken CSV; and what cleaning does to
it (white space, a byte-order mark, blank lines) and reports. On a copy of data/raw/, as in
`test_tables.py`.
"""

from __future__ import annotations

import pytest
from rawcopies import (
    MEMBERS,
    MILESTONES,
    assert_names,
    data_rows,
    edit_lines,
    load_error,
    read_rows,
    set_cell,
    write_rows,
)

from belarus_ip_report.curated import tables

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
    # A Latin-1 file cannot hold the Russian names: they come out as '?', as a spreadsheet
    # saving it would write them.
    data = b"\n".join(text.encode("latin-1", "replace") if n in bad else text.encode("utf-8")
                      for n, text in enumerate(lines))
    (raw / MEMBERS).write_bytes(data)
    error = load_error(raw)
    assert_names(error, MEMBERS, line, None)
    assert "not UTF-8 text (byte 0xe7)" in error.message


def test_a_latin_1_file_with_crlf_line_ends_names_the_line_of_the_first_bad_byte(raw):
    lines = (raw / MEMBERS).read_text(encoding="utf-8").split("\n")
    lines[20] = lines[20].replace(",", ",Curaçao ", 1)
    (raw / MEMBERS).write_bytes(b"\r\n".join(
        text.encode("latin-1", "replace") if n == 20 else text.encode("utf-8")
        for n, text in enumerate(lines)))
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
        (lambda line: line.replace(",", ",stray,", 1), 7),      # an unquoted comma
        (lambda line: line.rsplit(",", 1)[0], 5),               # a value missing
        (lambda line: line + ",,", 8),
    ],
)
def test_a_row_with_the_wrong_number_of_values_names_its_line(raw, edit, found):
    edit_lines(raw, MEMBERS, lambda lines: [*lines[:24], edit(lines[24]), *lines[25:]])
    error = load_error(raw)
    assert_names(error, MEMBERS, 25, None)
    assert f"expected 6 values, found {found}" in error.message


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
