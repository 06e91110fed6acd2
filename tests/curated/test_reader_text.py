"""Reader-facing text carries its Russian beside its English (issue #25): a column declared
with `reader_text` brings its `<name>_ru` companion, right after it, into the schema, the data
dictionary and the data package; the build refuses a row whose reader text has no Russian, or
whose Russian is not Russian, naming file, CSV line and column, on a copy of data/raw/ (the
`raw` fixture of `conftest.py`); the WIPO Lex import refuses a party it has no Russian name
for.
"""

from __future__ import annotations

import csv
import json
from pathlib import Path

import pytest
from rawcopies import (
    MEMBERS,
    MILESTONES,
    TREATIES,
    assert_names,
    find_error,
    load_error,
    load_errors,
    read_rows,
    set_cell,
    write_rows,
)

from belarus_ip_report.curated import tables, wipo_lex
from belarus_ip_report.curated.columns import reader_text, table, text
from belarus_ip_report.curated.dictionary import data_dictionary
from belarus_ip_report.curated.schemas import TABLES, TABLES_BY_NAME
from belarus_ip_report.foundation import paths

EVENTS = "belarus_wipo_events.csv"
COOPERATION = "belarus_russia_ip.csv"


def line_of(folder: Path, name: str, key: str) -> int:
    return next(n for n, row in enumerate(read_rows(folder, name), start=1) if row[0] == key)


# --- the declaration -------------------------------------------------------------------------


def test_a_reader_text_column_brings_its_russian_right_after_it():
    spec = table("example", "An example.", key=("id",), sort_by=("id",), columns={
        "id": text("Id."), "description": reader_text("What happened."),
        "note": reader_text("A note.", nullable=True), "other": text("Not for readers.")})
    assert list(spec.columns) == ["id", "description", "description_ru", "note", "note_ru",
                                  "other"]
    assert spec.russian_columns == {"description": "description_ru", "note": "note_ru"}
    assert spec.columns["description_ru"].description.startswith("The same in Russian")
    # Required as its English is (`readertext` says so row by row, with what to do).
    assert not spec.columns["description_ru"].nullable and spec.columns["note_ru"].nullable


def test_the_declared_reader_texts_of_the_data():
    russian = {spec.name: spec.russian_columns for spec in TABLES if spec.russian_columns}
    assert russian == {
        "wipo_treaties": {"short_name": "short_name_ru", "full_name": "full_name_ru"},
        "belarus_wipo_events": {"description": "description_ru"},
        "wto_accession_milestones": {"description": "description_ru",
                                     "chart_note": "chart_note_ru"},
        "wto_members": {"member": "member_ru"},
        "wto_accessions": {"government": "government_ru"},
        "belarus_russia_ip": {"title": "title_ru", "short_name": "short_name_ru",
                              "parties": "parties_ru", "subject": "subject_ru"},
        "belarus_ip_instruments": {"title": "title_ru", "subject": "subject_ru"},
        "context_events": {"description": "description_ru"},
        "key_figures": {"unit": "unit_ru", "description": "description_ru"},
        "treaty_parties": {"party": "party_ru"},
        "discrepancies": {"topic": "topic_ru", "reason": "reason_ru"},
    }
    # What sources say stays in their words: a claim is not translated.
    assert "claim_ru" not in TABLES_BY_NAME["discrepancies"].columns


def test_the_data_dictionary_describes_each_russian_column():
    lines = {(row["table"], row["column"]): row for row in data_dictionary()}
    member = lines[("wto_members", "member_ru")]
    assert member["definition"].startswith("The same in Russian")
    assert member["required"] == "yes"
    assert lines[("wto_accession_milestones", "chart_note_ru")]["required"] == "no"
    assert "required wherever member has a value" in member["definition"]
    assert lines[("treaty_parties", "party_ru")]["definition"].endswith(
        "The import takes it from data/raw/party_names_ru.csv.")


def test_every_reader_text_of_the_data_has_its_russian():
    loaded = tables.load_clean_tables()
    for spec in TABLES:
        frame = loaded[spec.name].frame
        for english, russian in spec.russian_columns.items():
            assert (frame[english].isna() == frame[russian].isna()).all(), (spec.name, english)


# --- a missing Russian -----------------------------------------------------------------------


def test_a_reader_text_without_its_russian_is_refused_with_file_line_and_column(raw):
    line = line_of(raw, EVENTS, "marrakesh-in-force-2020")
    set_cell(raw, EVENTS, line, "description_ru", "")
    error = load_error(raw)
    assert_names(error, EVENTS, line, "description_ru")
    assert "the reader text in description has no Russian" in error.message
    assert "write its Russian in description_ru" in error.message


def test_white_space_is_no_russian_either(raw):
    line = line_of(raw, MEMBERS, "Albania")
    set_cell(raw, MEMBERS, line, "member_ru", "   ")
    assert_names(load_error(raw), MEMBERS, line, "member_ru")


def test_every_row_without_russian_is_named_once_with_its_lines(raw):
    lines = [line_of(raw, MILESTONES, key) for key in
             ("working-party-1", "working-party-2", "working-party-3")]
    for line in lines:
        set_cell(raw, MILESTONES, line, "description_ru", "")
    (error,) = load_errors(raw)
    assert_names(error, MILESTONES, lines[0], "description_ru")
    assert f"has no Russian (also on line(s) {lines[1]}, {lines[2]})" in error.message


def test_an_optional_reader_text_needs_russian_only_where_it_is_given(raw):
    note = line_of(raw, MILESTONES, "gatt-application")
    set_cell(raw, MILESTONES, note, "chart_note_ru", "")
    empty = line_of(raw, MILESTONES, "gatt-observer")
    set_cell(raw, MILESTONES, empty, "chart_note_ru", "примечание без английского текста")
    errors = load_errors(raw)
    assert "has no Russian" in find_error(errors, MILESTONES, note, "chart_note_ru").message
    orphan = find_error(errors, MILESTONES, empty, "chart_note_ru")
    assert "a Russian text stands where chart_note is empty" in orphan.message
    assert "write the English in chart_note, or remove the Russian" in orphan.message


# --- Russian that is not Russian -------------------------------------------------------------


def test_a_russian_cell_with_no_cyrillic_letter_is_refused(raw):
    line = line_of(raw, EVENTS, "marrakesh-in-force-2020")
    english = read_rows(raw, EVENTS)[line - 1][4]
    set_cell(raw, EVENTS, line, "description_ru", english)  # the English copied over
    error = load_error(raw)
    assert_names(error, EVENTS, line, "description_ru")
    assert "has no Cyrillic letter: it is not Russian" in error.message
    assert "such as 'PatSearch'" in error.message


def _name_wct_short(raw: Path, value: str) -> int:
    """Write `value` as the WCT's Russian short name wherever it stands: in wipo_treaties, in
    its term in russian_terms and in that term's evidence (the build requires them to agree)."""
    set_cell(raw, "russian_terms.csv", line_of(raw, "russian_terms.csv", "treaty:wct"),
             "ru_short", value)
    evidence = read_rows(raw, "evidence.csv")
    header = evidence[0]
    for row in evidence[1:]:
        if (row[header.index("table")], row[header.index("row_key")],
                row[header.index("column")]) == ("russian_terms", "treaty:wct", "ru_short"):
            row[header.index("value")] = value
    write_rows(raw, "evidence.csv", evidence)
    line = line_of(raw, TREATIES, "wct")
    set_cell(raw, TREATIES, line, "short_name_ru", value)
    return line


def test_a_one_word_name_russian_writes_in_latin_letters_may_stand_as_it_is(raw):
    _name_wct_short(raw, "WCT")  # the English short name itself
    assert tables.load_clean_tables(raw)["wipo_treaties"] is not None
    _name_wct_short(raw, "WPPT")  # another word: not a translation
    assert "no Cyrillic letter" in load_error(raw).message


@pytest.mark.parametrize(("value", "says"), [
    ("Бeларусь", "mixes scripts in the word 'Бeларусь': U+0065 LATIN SMALL LETTER E"),
    ("Беларусь и Чи\u0306ли", "is not in Unicode's composed form (NFC)"),
    ("=HYPERLINK(\"https://evil.example\",\"Беларусь\")", "starts with '=', which a spreadsheet"),
])
def test_the_russian_is_text_a_reader_and_a_spreadsheet_can_trust(raw, value, says):
    line = line_of(raw, COOPERATION, "community-treaty-1996")
    set_cell(raw, COOPERATION, line, "subject_ru", value)
    error = find_error(load_errors(raw), COOPERATION, line, "subject_ru")
    assert says in error.message


def test_an_invisible_character_in_the_russian_is_refused(raw):
    line = line_of(raw, COOPERATION, "community-treaty-1996")
    set_cell(raw, COOPERATION, line, "title_ru", "Договор об\u200b образовании")
    error = load_error(raw)
    assert_names(error, COOPERATION, line, "title_ru")
    assert "an invisible character (U+200B) is inside the value" in error.message


def test_the_claims_of_one_disagreement_share_their_russian_too(raw):
    rows = read_rows(raw, "discrepancies.csv")
    column = rows[0].index("reason_ru")
    second = next(n for n, row in enumerate(rows[2:], start=3) if row[0] == rows[1][0])
    rows[second - 1][column] = "Другое объяснение того же решения."
    write_rows(raw, "discrepancies.csv", rows)
    error = load_error(raw)
    assert_names(error, "discrepancies.csv", second, "reason_ru")
    assert f"differs from the first claim of '{rows[1][0]}'" in error.message


# --- the Russian names of the WIPO Lex import ------------------------------------------------

PAGE = """<html><body>
<span class="facet-separator"><strong>Nairobi Treaty</strong> (Total Members: 2)</span>
<a href="/wipolex/en/treaties/ShowResults?search_what=C&treaty_id=22">English</a>
<table id="wipoTreatiesTable"><thead><tr><th>Member</th><th>Signature</th><th>Instrument</th>
<th>In Force</th><th>Details</th></tr></thead><tbody>
<tr><td>Belarus</td><td></td><td>Declaration of continued application: April 14, 1993</td>
<td>December 25, 1991</td><td></td></tr>
<tr><td>Atlantis</td><td></td><td>Accession: May 1, 2000</td><td>June 1, 2000</td><td></td></tr>
</tbody></table></body></html>
"""


@pytest.fixture
def snapshot(tmp_path: Path) -> Path:
    folder = tmp_path / "snapshot"
    folder.mkdir()
    (folder / "nairobi.html").write_text(PAGE, encoding="utf-8")
    (folder / "access_log.json").write_text(json.dumps({"access_date": "2026-02-03"}),
                                            encoding="utf-8")
    return folder


def test_the_import_refuses_a_party_it_has_no_russian_name_for(raw, snapshot, tmp_path):
    parties = raw / "treaty_parties.csv"
    before = parties.read_bytes()
    with pytest.raises(wipo_lex.MissingRussianName) as refused:
        wipo_lex.import_snapshot(snapshot, parties, tmp_path / "manifest.json",
                                 raw / "party_names_ru.csv")
    message = str(refused.value)
    assert "data/raw/party_names_ru.csv has no Russian name for 'Atlantis'" in message
    assert "add a row (party,party_ru,source)" in message and "nothing was written" in message
    assert "'Belarus'" not in message
    assert parties.read_bytes() == before and not (tmp_path / "manifest.json").exists()


def test_the_import_keeps_each_party_with_its_russian_name(raw, snapshot, tmp_path):
    names = raw / "party_names_ru.csv"
    with names.open("a", encoding="utf-8") as handle:
        handle.write("Atlantis,Атлантида,un-short-name\n")
    parties = raw / "treaty_parties.csv"
    assert wipo_lex.import_snapshot(snapshot, parties, tmp_path / "manifest.json", names) == 2
    with parties.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    assert list(rows[0]) == wipo_lex.COLUMNS
    nairobi = {row["party"]: row["party_ru"] for row in rows if row["treaty_id"] == "nairobi"}
    assert nairobi == {"Atlantis": "Атлантида", "Belarus": "Беларусь"}
    assert all(row["party_ru"] for row in rows)  # rows of other treaties keep theirs


def test_every_party_has_the_russian_name_the_list_gives():
    """The imported table and the maintained list agree (they drift apart only if the list
    changes without a new import)."""
    russian = wipo_lex.russian_party_names()
    with (paths.RAW / "treaty_parties.csv").open(encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle):
            assert russian.get(row["party"]) == row["party_ru"], row["party"]
