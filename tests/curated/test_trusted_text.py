"""Text a reader, a spreadsheet and a join can trust (issue #26): values that a spreadsheet
would run, invisible format characters, keys and names not in NFC or with look-alike letters
of another script, source addresses with credentials, of an absurd length or with a host in
mixed scripts, and a raw table that is a symbolic link are each refused with the file, CSV
line and column, on a copy of data/raw/ (the `raw` fixture of `conftest.py`).
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from rawcopies import line_of, read_rows, set_cell, write_rows

from belarus_ip_report.curated import lookalikes, tables
from belarus_ip_report.foundation.errors import DataError, DataErrors

MEMBERS = "wto_members.csv"
COOPERATION = "belarus_russia_ip.csv"


def problems(folder: Path) -> list[DataError]:
    with pytest.raises(DataError) as raised:
        tables.load_clean_tables(folder)
    error = raised.value
    found = error.errors if isinstance(error, DataErrors) else [error]
    assert all("\n" not in e.message and "\r" not in e.message for e in found)
    return found


def problem_at(folder: Path, name: str, line: int, column: str) -> DataError:
    found = problems(folder)
    for error in found:
        if (error.file, error.line, error.column) == (f"data/raw/{name}", line, column):
            assert error.message.startswith(f"data/raw/{name}, line {line}, column "
                                            f"'{column}': ")
            return error
    raise AssertionError(f"nothing at {name}:{line}:{column} in {[e.message for e in found]}")


# --- values a spreadsheet would run (OWASP CSV injection) -----------------------------------


@pytest.mark.parametrize(("value", "start"), [
    ('=HYPERLINK("https://evil.example","click")', "'='"),
    ("+1+cmd|' /C calc'!A0", "'+'"),
    ("-2+3", "'-'"),
    ("@SUM(1+9)*cmd|' /C calc'!A0", "'@'"),
    ("\t=1+1", "'='"),  # the tab is trimmed as white space is; what follows is a formula
    ("\r\n=1+1", "'='"),
])
def test_a_text_value_a_spreadsheet_would_run_is_refused(raw, value, start):
    line = line_of(raw, COOPERATION, "community-treaty-1996")
    set_cell(raw, COOPERATION, line, "subject", value)
    error = problem_at(raw, COOPERATION, line, "subject")
    assert f"starts with {start}, which a spreadsheet" in error.message
    assert "reword the value so that it starts with a letter" in error.message


def test_a_formula_in_a_note_of_the_evidence_is_refused_too(raw):
    set_cell(raw, "evidence.csv", 5, "note", "=1+1")
    assert "spreadsheet" in problem_at(raw, "evidence.csv", 5, "note").message


def test_a_negative_count_keeps_its_own_message_and_dates_are_not_text(raw):
    set_cell(raw, "key_figures.csv", 3, "value", "-5")
    line = line_of(raw, MEMBERS, "Albania")
    set_cell(raw, MEMBERS, line, "membership_date", "-2000")
    found = problems(raw)
    messages = [e.message for e in found]
    assert any("'-5' is negative; a count is zero or more" in m for m in messages), messages
    assert not any("spreadsheet" in m for m in messages), messages


def test_a_leading_tab_before_ordinary_text_is_still_trimmed_not_refused(raw):
    line = line_of(raw, MEMBERS, "Albania")
    set_cell(raw, MEMBERS, line, "member", "\tAlbania")
    assert tables.load_clean_tables(raw)["wto_members"].changes == [
        "trimmed white space around 1 value(s)"]


# --- invisible format characters ----------------------------------------------------------


@pytest.mark.parametrize("invisible", ["\u202e", "\u202a", "\u2066", "\u2069", "\u200d",
                                       "\u200c", "\u00ad", "\u2060", "\ufeff"])
def test_an_invisible_format_character_is_refused_where_it_stands(raw, invisible):
    line = line_of(raw, COOPERATION, "community-treaty-1996")
    set_cell(raw, COOPERATION, line, "title", f"Treaty on the {invisible}Formation")
    error = problem_at(raw, COOPERATION, line, "title")
    assert f"an invisible character (U+{ord(invisible):04X}) is inside the value" in \
        error.message


# --- keys and names: NFC, one script, no look-alikes ----------------------------------------


def test_a_key_not_in_nfc_is_refused(raw):
    line = line_of(raw, MEMBERS, "Albania")
    set_cell(raw, MEMBERS, line, "member", "Albanie\u0301")  # 'é' as e + combining accent
    error = problem_at(raw, MEMBERS, line, "member")
    assert "is not in Unicode's composed form (NFC) (U+0301 COMBINING ACUTE ACCENT" in \
        error.message


def test_a_name_not_in_nfc_is_refused(raw):
    line = line_of(raw, COOPERATION, "community-treaty-1996")
    set_cell(raw, COOPERATION, line, "parties", "Re\u0301public of Belarus; Russian Federation")
    assert "(NFC)" in problem_at(raw, COOPERATION, line, "parties").message


def test_a_cyrillic_letter_in_a_latin_key_is_refused(raw):
    line = line_of(raw, "wto_accessions.csv", "Belarus")
    set_cell(raw, "wto_accessions.csv", line, "government", "Bel\u0430rus")
    error = problem_at(raw, "wto_accessions.csv", line, "government")
    assert ("'Belаrus' mixes scripts in the word 'Belаrus': U+0430 CYRILLIC SMALL LETTER A"
            in error.message)


def test_a_look_alike_in_a_reference_to_a_key_is_refused(raw):
    set_cell(raw, "evidence.csv", 2, "row_key", "ip-\u0440rotection")  # Cyrillic 'р'
    assert "mixes scripts" in problem_at(raw, "evidence.csv", 2, "row_key").message


def test_a_name_in_another_script_that_looks_the_same_names_both_rows(raw):
    rows = read_rows(raw, MEMBERS)
    mexico = line_of(raw, MEMBERS, "Mexico")
    # Every letter Cyrillic: one script, so only the comparison of the rows can see it.
    rows.append(["\u041c\u0435\u0445\u0456\u0441\u043e", "Мексика", "", "original",
                 "wto-members-observers", ""])
    write_rows(raw, MEMBERS, rows)
    error = problem_at(raw, MEMBERS, len(rows), "member")
    assert (f"'Мехісо' looks the same as 'Mexico' (line {mexico}) but is written with other "
            "characters: U+041C CYRILLIC CAPITAL LETTER EM") in error.message


def test_a_look_alike_party_names_both_rows(raw):
    rows = read_rows(raw, COOPERATION)
    column = rows[0].index("parties")
    first = next(n for n, row in enumerate(rows, start=1)
                 if row[column] == "Republic of Belarus; Russian Federation")
    later = next(n for n, row in enumerate(rows, start=1)
                 if n > first and row[column] == "Republic of Belarus; Russian Federation")
    rows[later - 1][column] = "Republic of Belarus; Russian Federation".replace("o", "\u03bf")
    write_rows(raw, COOPERATION, rows)
    found = problems(raw)
    assert any(e.line == later and e.column == "parties" and f"(line {first})" in e.message
               for e in found), [e.message for e in found]


def test_the_skeleton_sees_through_case_spacing_and_script():
    assert lookalikes.skeleton("Bel\u0430rus") == lookalikes.skeleton("BELARUS")
    assert lookalikes.skeleton("Мехісо") == "mexico"
    assert lookalikes.skeleton("Viet  Nam") == "viet nam"
    assert lookalikes.skeleton("Türkiye") != lookalikes.skeleton("Turkiye")  # not a look-alike
    assert lookalikes.mixed_script_word("Беларусь and Belarus") is None  # two words, each whole


# --- source addresses -----------------------------------------------------------------------


@pytest.mark.parametrize(("address", "expected"), [
    ("https://reader:s3cret@www.wto.org/english/", "carries a user name or password"),
    ("https://user@www.wto.org/english/", "carries a user name or password"),
    ("https://www.wto.org/" + "a" * 2000, "characters long, more than 2,000"),
    ("https://www.wt\u043e.org/english/", "mixes scripts"),  # a Cyrillic 'о' in the host
])
@pytest.mark.parametrize("column", ["url", "copy_url"])
def test_a_source_address_must_be_public_short_and_in_one_script(raw, address, expected,
                                                                 column):
    set_cell(raw, "sources.csv", 3, column, address)
    if column == "copy_url":
        set_cell(raw, "sources.csv", 3, "copy_date", "2026-01-01")
    error = problem_at(raw, "sources.csv", 3, column)
    assert expected in error.message
    if "mixes scripts" in expected:
        assert "write the host in its ASCII form: write it as www.xn--wt-" in error.message


def test_an_at_sign_in_the_query_is_not_a_credential(raw):
    set_cell(raw, "sources.csv", 3, "url",
             "https://docs.wto.org/dol2fe/Pages/FE_S_S006.aspx?Query=@Symbol=WT/ACC/1")
    assert "sources" in tables.load_clean_tables(raw)


def test_a_host_in_one_other_script_is_accepted(raw):
    set_cell(raw, "sources.csv", 3, "url", "https://пример.испытание/страница")
    assert "sources" in tables.load_clean_tables(raw)


# --- a raw table that is a symbolic link ----------------------------------------------------


def test_a_raw_table_that_is_a_symbolic_link_is_refused(raw, tmp_path):
    elsewhere = tmp_path / "elsewhere.csv"
    shutil.move(raw / MEMBERS, elsewhere)
    (raw / MEMBERS).symlink_to(elsewhere)
    found = problems(raw)
    assert found[0].message.startswith(
        "data/raw/wto_members.csv: is a symbolic link, not a file of the project (put the "
        "table itself in data/raw/")
    assert tables.raw_table_problems(raw).splitlines()[0] == found[0].message
