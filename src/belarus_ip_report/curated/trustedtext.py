"""Text that a reader, a spreadsheet and a join can trust, checked in every raw table.

- No text value starts as a spreadsheet formula (`=`, `+`, `-`, `@`, a tab or a carriage
  return: OWASP's CSV injection). The published CSV files are opened in spreadsheets; a value
  such as `=HYPERLINK(...)` would run there. White space around a value is trimmed first (and
  reported) by `csvfiles`, so the check applies to what follows it. Dates and counts are not
  text: their columns are typed and checked on their own.
- Keys, the columns that name a key of another table, names (members, governments,
  parties, publishers) and the Russian of reader text (`readertext`) are in Unicode's composed
  form (NFC) and never mix Latin, Cyrillic and Greek letters in one word; no two keys or names
  differ only by look-alike letters (`lookalikes`): 'Belаrus' with a Cyrillic 'а' is refused,
  naming both rows.
- Source addresses carry no user name or password, are at most `MAX_ADDRESS_LENGTH`
  characters long, and their host is written in one script (or in its ASCII form, xn--...).

Invisible format characters (bidi overrides, zero-width characters, a soft hyphen) are refused
by `csvfiles` as it reads a file.
"""

from __future__ import annotations

import unicodedata
from urllib.parse import urlsplit

from belarus_ip_report.curated.csvfiles import RawTable
from belarus_ip_report.curated.lookalikes import (
    describe,
    differing_letters,
    look_alike_groups,
    mixed_script_word,
    script_of,
)
from belarus_ip_report.foundation.errors import DataError

FORMULA_STARTS = {"=": "'='", "+": "'+'", "-": "'-'", "@": "'@'", "\t": "a tab",
                  "\r": "a carriage return"}
MAX_ADDRESS_LENGTH = 2000


def text_problems(raw: RawTable) -> list[DataError]:
    """Every problem of this kind in one raw table (trimmed text cells, before typing)."""
    spec = raw.spec
    problems: list[DataError] = []
    russian = set(spec.russian_columns.values())
    for column in spec.text_columns:
        trusted = (column in spec.key or column in russian
                   or spec.columns[column].text_kind in ("name", "key"))
        values: dict[str, int] = {}
        for position, value in enumerate(raw.frame[column]):
            if not isinstance(value, str):
                continue
            line = raw.line_of(position)
            if value[0] in FORMULA_STARTS:
                problems.append(_formula(raw, value, line, column))
            if trusted:
                problems += _untrusted_letters(raw, value, line, column)
                values.setdefault(value, position)
            if spec.columns[column].text_kind == "address":
                problems += address_problems(raw, value, line, column)
        if trusted and (column in spec.key or spec.columns[column].text_kind == "name"):
            problems += _look_alikes(raw, column, values)
    return problems


def _formula(raw: RawTable, value: str, line: int, column: str) -> DataError:
    return DataError(
        raw.file, f"'{value[:40]}' starts with {FORMULA_STARTS[value[0]]}, which a spreadsheet "
        "opening the CSV file would run as a formula", line=line, column=column,
        hint="reword the value so that it starts with a letter, a digit or a bracket (write "
             "'minus 5', 'at ...'); published tables must be safe to open")


def _untrusted_letters(raw: RawTable, value: str, line: int, column: str) -> list[DataError]:
    problems = []
    composed = unicodedata.normalize("NFC", value)
    if composed != value:
        marks = [ch for ch in value if unicodedata.combining(ch)]
        what = f" ({describe(marks[0])} after a letter)" if marks else ""
        problems.append(DataError(
            raw.file, f"'{value}' is not in Unicode's composed form (NFC){what}", line=line,
            column=column, hint="retype it, or save the file with composed characters: a "
                                "key must be the same characters wherever it stands"))
    mixed = mixed_script_word(composed)
    if mixed:
        word, odd = mixed
        problems.append(DataError(
            raw.file, f"'{value}' mixes scripts in the word '{word}': "
            f"{', '.join(describe(ch) for ch in odd)}", line=line, column=column,
            hint="retype the word in one script; a look-alike letter makes another name that "
                 "no join or search finds"))
    return problems


def _look_alikes(raw: RawTable, column: str, values: dict[str, int]) -> list[DataError]:
    problems = []
    for later, earlier in look_alike_groups(values):
        letters = ", ".join(describe(ch) for ch in differing_letters(later, earlier))
        problems.append(DataError(
            raw.file, f"'{later}' looks the same as '{earlier}' (line "
            f"{raw.line_of(values[earlier])}) but is written with other characters: {letters}",
            line=raw.line_of(values[later]), column=column,
            hint="one thing needs one spelling: retype it in one script"))
    return problems


def address_problems(raw: RawTable, value: str, line: int, column: str) -> list[DataError]:
    """A source's address: public, of a sane length, its host in one script."""
    problems = []
    if len(value) > MAX_ADDRESS_LENGTH:
        problems.append(DataError(
            raw.file, f"the address is {len(value):,} characters long, more than "
            f"{MAX_ADDRESS_LENGTH:,}", line=line, column=column,
            hint="cite the shortest address that reaches the page (without tracking or "
                 "session parameters)"))
    try:
        parts = urlsplit(value)
        host = parts.hostname or ""
    except ValueError as error:
        return [*problems, DataError(raw.file, f"not a usable address ({error})", line=line,
                                     column=column, hint="copy the address again from the "
                                                         "browser's address bar")]
    if "@" in parts.netloc:
        problems.append(DataError(
            raw.file, "the address carries a user name or password (before '@')", line=line,
            column=column, hint="remove 'user:password@': a source's address must be public "
                                "and must not hold credentials"))
    scripts = {script_of(ch) or "another script" for ch in host if ch.isalpha()}
    if not host.isascii() and len(scripts) > 1:
        try:
            ascii_form = f": write it as {host.encode('idna').decode('ascii')}"
        except UnicodeError:
            ascii_form = ""
        problems.append(DataError(
            raw.file, f"the host '{host}' mixes scripts, as a look-alike address does",
            line=line, column=column,
            hint=f"write the host in its ASCII form{ascii_form}"))
    return problems
