"""The raw CSV files as text, and files written whole.

Raw tables are read with the `csv` module so that every value keeps its CSV line number; every
problem becomes a `DataError` that names the file, the line and the column. Cleaning never
drops a row: it trims white space and a byte-order mark, and says so. Outputs are written to a
temporary file beside the target and renamed, so a reader never sees half a file.
"""

from __future__ import annotations

import csv
import io
import re
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

from belarus_ip_report.curated.columns import TableSpec
from belarus_ip_report.foundation import paths
from belarus_ip_report.foundation.errors import DataError

UTF8_BOM = b"\xef\xbb\xbf"


@dataclass
class RawTable:
    """A raw CSV as text cells, with the CSV line on which each row starts."""

    spec: TableSpec
    file: str
    frame: pd.DataFrame
    lines: list[int]
    changes: list[str] = field(default_factory=list)
    #: The same changes in Russian, for the Russian edition's methods chapter.
    changes_ru: list[str] = field(default_factory=list)

    def line_of(self, row_position: int) -> int:
        return self.lines[row_position]


def read_raw_table(spec: TableSpec, folder: Path = paths.RAW) -> RawTable:
    """Read one raw CSV into text cells, cleaning only what is documented here."""
    path = folder / spec.file_name
    file = f"{paths.relative(path.parent)}/{path.name}"  # a link named as it stands
    if path.is_symlink():
        raise DataError(file, "is a symbolic link, not a file of the project",
                        hint="put the table itself in data/raw/ (copy the file over the link): "
                             "the build reads and records only files it holds")
    if not path.exists():
        raise DataError(file, "file not found",
                        hint="every table declared in schemas.TABLES must be in data/raw/")
    data = path.read_bytes()
    changes: list[str] = []
    changes_ru: list[str] = []

    def change(english: str, russian: str) -> None:
        changes.append(english)
        changes_ru.append(russian)

    if data.startswith(UTF8_BOM):
        data = data[len(UTF8_BOM):]
        change("removed a UTF-8 byte-order mark at the start of the file",
               "удалена метка порядка байтов UTF-8 в начале файла")
    try:
        content = data.decode("utf-8")
    except UnicodeDecodeError as error:
        line = data[: error.start].count(b"\n") + 1
        raise DataError(
            file, f"not UTF-8 text (byte 0x{data[error.start]:02x})", line=line,
            hint="save the file as UTF-8",
        ) from None
    if not content.strip():
        raise DataError(file, "the file is empty", hint="it needs a header line and rows")

    expected = list(spec.columns)
    parsed = _parse_csv(file, content)
    header = [name.strip() for name in parsed.header]
    if header != parsed.header:
        change("trimmed white space around column names in the header",
               "удалены пробелы вокруг имен столбцов в заголовке")
    _check_header(file, header, expected, parsed.header_line)
    for record, line in zip(parsed.rows, parsed.lines, strict=True):
        if len(record) != len(header):
            raise DataError(file, f"expected {len(header)} values, found {len(record)}",
                            line=line, hint="check for an unquoted comma or a missing value")
    rows, lines = parsed.rows, parsed.lines
    if parsed.blank_lines:
        change(f"skipped {parsed.blank_lines} blank line(s)",
               f"пропущено пустых строк: {parsed.blank_lines}")
    if not rows:
        raise DataError(file, "the table has a header but no rows", line=parsed.header_line)

    _check_invisible_characters(file, header, rows, lines)
    frame = pd.DataFrame(rows, columns=header, dtype=str)
    trimmed = 0
    for column in frame.columns:
        stripped = frame[column].str.strip()
        trimmed += int((stripped != frame[column]).sum())
        frame[column] = stripped
    if trimmed:
        change(f"trimmed white space around {trimmed} value(s)",
               f"удалены пробелы вокруг значений: {trimmed}")
    frame = frame.replace({"": pd.NA})
    return RawTable(spec, file, frame, lines, changes, changes_ru)


@dataclass
class ParsedCsv:
    header: list[str]
    header_line: int
    rows: list[list[str]]
    lines: list[int]
    blank_lines: int


def _parse_csv(file: str, content: str) -> ParsedCsv:
    """Split CSV text into records, keeping the line each starts on; blank lines are counted."""
    reader = csv.reader(io.StringIO(content, newline=""), strict=True)
    header: list[str] | None = None
    header_line = 1
    rows: list[list[str]] = []
    lines: list[int] = []
    blank_lines = 0
    start = 1
    try:
        for record in reader:
            if not record or all(not cell.strip() for cell in record):
                blank_lines += 1
            elif header is None:
                header, header_line = record, start
            else:
                rows.append(record)
                lines.append(start)
            start = reader.line_num + 1
    except csv.Error as error:
        raise DataError(file, f"broken CSV ({error})", line=start) from None
    if header is None:
        raise DataError(file, "the file is empty", hint="it needs a header line and rows")
    return ParsedCsv(header, header_line, rows, lines, blank_lines)


INVISIBLE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ufeff\u200b]")
#: Line ends and tabs may stand inside a quoted value (the cleaning trims them at its ends).
WHITE_CONTROLS = "\t\n\r"


def first_invisible(value: str) -> str | None:
    """The first control character or invisible format character (Unicode category Cf: bidi
    overrides and isolates, zero-width characters, a byte-order mark, a soft hyphen) in
    `value`, or None."""
    found = INVISIBLE.search(value)
    if value.isascii() or value.isprintable():  # the usual case, decided in C
        return found.group() if found else None
    for character in value:
        if character not in WHITE_CONTROLS and unicodedata.category(character) in ("Cc", "Cf"):
            return character
    return None


def _check_invisible_characters(file: str, header: list[str], rows: list[list[str]],
                                lines: list[int]) -> None:
    """Control characters, a stray byte-order mark, a zero-width space, a bidi override or any
    other invisible format character inside a value would pass every other check while
    breaking joins and searches, or show readers text other than the file holds: stop on
    them."""
    for record, line in zip(rows, lines, strict=True):
        for column, value in zip(header, record, strict=True):
            found = first_invisible(value)
            if found:
                raise DataError(file, f"an invisible character (U+{ord(found):04X}) is "
                                "inside the value", line=line, column=column,
                                hint="retype the value")


def _check_header(file: str, header: list[str], expected: list[str], line: int) -> None:
    seen: set[str] = set()
    for name in header:
        if name in seen:
            raise DataError(file, "column appears twice in the header", line=line,
                            column=name)
        seen.add(name)
    missing = [name for name in expected if name not in header]
    if missing:
        raise DataError(file, "missing column", line=line, column=missing[0],
                        hint=f"expected columns: {', '.join(expected)}")
    extra = [name for name in header if name not in expected]
    if extra:
        raise DataError(file, "unexpected column", line=line, column=extra[0],
                        hint=f"expected columns: {', '.join(expected)}")
    if header != expected:
        position = next(i for i, (got, want) in enumerate(zip(header, expected, strict=True))
                        if got != want)
        raise DataError(file, f"columns are out of order: '{expected[position]}' belongs in "
                        f"position {position + 1}, found '{header[position]}'", line=line,
                        column=header[position], hint=f"expected: {', '.join(expected)}")


def frame_to_csv(frame: pd.DataFrame) -> str:
    return frame.to_csv(index=False, lineterminator="\n")
