"""Property: whatever is done to a valid raw table, loading it either stops with one clean
DataError that points into the file, or succeeds without losing a row.

Random corruptions (a cell replaced by random text, a line deleted or duplicated, a stray quote
or comma, a date changed, white space added, a byte-order mark added, the file truncated) are
applied to the text of a real raw table, which is written into a fresh copy of data/raw/.
"""

from __future__ import annotations

import csv
import io
import shutil
import tempfile
from pathlib import Path
from unittest import mock

from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st

from belarus_ip_report.curated import csvfiles, tables
from belarus_ip_report.foundation import paths
from belarus_ip_report.foundation.errors import DataError, DataErrors

FILES = ("wto_accession_milestones.csv", "belarus_russia_ip.csv")
ORIGINALS = {name: (paths.RAW / name).read_text(encoding="utf-8") for name in FILES}
BOM = "\ufeff"

# Random text: printable ASCII, a few letters, dashes, digits that are not ASCII ('²', '٣',
# fullwidth '１') and white space that is not a line end.
characters = st.one_of(
    st.characters(min_codepoint=32, max_codepoint=126),
    st.sampled_from("éçøДж–—’\t\u00a0\u00b2\u0663\uff11\ufeff"),
)
random_text = st.text(characters, max_size=12)
random_cell = st.one_of(
    random_text,
    st.integers(min_value=-5, max_value=10**6).map(str),
    st.integers(min_value=10**17, max_value=10**25).map(str),
    st.sampled_from(["", " ", "2019-02-30", "2019-7-1", "2019-13", "1993", "2019-07",
                     "seed-mfa-geneva-wto", "unknown-source", "memorandum", '"', ",", ";"]),
)
dates = st.one_of(
    st.dates().map(lambda d: d.isoformat()),
    st.from_regex(r"\A[0-9]{1,5}(-[0-9]{1,3}){0,3}\Z"),
)
white_space = st.text(st.sampled_from(" \t\u00a0"), min_size=1, max_size=3)


def split_lines(text: str) -> list[str]:
    return text.split("\n")


def join_lines(lines: list[str]) -> str:
    return "\n".join(lines)


@st.composite
def replace_cell(draw, text: str) -> str:
    lines = split_lines(text)
    number = draw(st.integers(0, len(lines) - 1))
    cells = next(csv.reader([lines[number]]), [])
    if not cells:
        return text
    column = draw(st.integers(0, len(cells) - 1))
    cells[column] = draw(random_cell)
    buffer = io.StringIO()
    csv.writer(buffer, lineterminator="").writerow(cells)
    lines[number] = buffer.getvalue()
    return join_lines(lines)


@st.composite
def change_date(draw, text: str) -> str:
    lines = split_lines(text)
    if len(lines) < 2:
        return text
    number = draw(st.integers(1, len(lines) - 1))
    cells = next(csv.reader([lines[number]]), [])
    header = next(csv.reader([lines[0]]), [])
    if len(cells) != len(header) or "date" not in header:
        return text
    cells[header.index("date")] = draw(dates)
    buffer = io.StringIO()
    csv.writer(buffer, lineterminator="").writerow(cells)
    lines[number] = buffer.getvalue()
    return join_lines(lines)


@st.composite
def delete_line(draw, text: str) -> str:
    lines = split_lines(text)
    del lines[draw(st.integers(0, len(lines) - 1))]
    return join_lines(lines)


@st.composite
def duplicate_line(draw, text: str) -> str:
    lines = split_lines(text)
    number = draw(st.integers(0, len(lines) - 1))
    lines.insert(draw(st.integers(0, len(lines))), lines[number])
    return join_lines(lines)


@st.composite
def insert_character(draw, text: str) -> str:
    at = draw(st.integers(0, len(text)))
    return text[:at] + draw(st.sampled_from(['"', ",", '""', ',"', '",'])) + text[at:]


@st.composite
def add_white_space(draw, text: str) -> str:
    lines = split_lines(text)
    number = draw(st.integers(0, len(lines) - 1))
    cells = lines[number].split(",")
    column = draw(st.integers(0, len(cells) - 1))
    space = draw(white_space)
    cells[column] = draw(st.sampled_from([space + cells[column], cells[column] + space]))
    lines[number] = ",".join(cells)
    return join_lines(lines)


@st.composite
def add_blank_lines(draw, text: str) -> str:
    lines = split_lines(text)
    at = draw(st.integers(0, len(lines)))
    return join_lines(lines[:at] + draw(st.lists(st.sampled_from(["", " ", "\t"]), min_size=1,
                                                 max_size=3)) + lines[at:])


def add_bom(text: str) -> st.SearchStrategy[str]:
    return st.just(BOM + text)


@st.composite
def truncate(draw, text: str) -> str:
    return text[: draw(st.integers(0, len(text)))]


CORRUPTIONS = (replace_cell, change_date, delete_line, duplicate_line, insert_character,
               add_white_space, add_blank_lines, add_bom, truncate)


@st.composite
def corrupted_table(draw) -> tuple[str, bytes]:
    name = draw(st.sampled_from(FILES))
    text = ORIGINALS[name]
    for corruption in draw(st.lists(st.sampled_from(CORRUPTIONS), min_size=1, max_size=3)):
        text = draw(corruption(text))
    data = text.encode("utf-8")
    if draw(st.integers(0, 9)) == 0:  # now and then cut the bytes, maybe inside a character
        data = data[: draw(st.integers(0, len(data)))]
    return name, data


def physical_lines(data: bytes) -> list[str]:
    """Lines as the csv module counts them (\\n, \\r\\n and a lone \\r each end a line)."""
    text = data.removeprefix(csvfiles.UTF8_BOM).decode("utf-8", errors="replace")
    return io.StringIO(text, newline="").readlines()


def is_blank(line: str) -> bool:
    try:
        cells = next(csv.reader([line]), [])
    except csv.Error:
        return False
    return all(not cell.strip() for cell in cells)


@settings(max_examples=30, deadline=None, phases=[Phase.explicit, Phase.reuse, Phase.generate],
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(corrupted_table())
def test_a_corrupted_table_stops_with_one_clear_error_or_loses_no_row(case):
    name, data = case
    with tempfile.TemporaryDirectory() as temporary:
        root = Path(temporary).resolve()
        raw = root / "data" / "raw"
        shutil.copytree(paths.RAW, raw)
        (raw / name).write_bytes(data)
        with mock.patch.object(paths, "PROJECT_ROOT", root):
            try:
                loaded = tables.load_clean_tables(raw)
            except DataError as error:
                check_error(error, name, data)
                return
    lines = physical_lines(data)
    header_at = next(n for n, line in enumerate(lines) if not is_blank(line))
    data_lines = [line for line in lines[header_at + 1:] if not is_blank(line)]
    table = loaded[name.removesuffix(".csv")]
    assert table.rows_in == len(table.frame) == len(data_lines), (
        f"{len(data_lines)} data lines went in, {len(table.frame)} rows came out")


def check_error(error: DataError, name: str, data: bytes) -> None:
    """One problem, or several (DataErrors): each is one line naming a file of data/raw/ and,
    in the corrupted file, a line that exists. A corruption can surface in another table
    (evidence pointing at a row whose key was damaged), never as a traceback."""
    assert str(error) == error.message
    problems = error.errors if isinstance(error, DataErrors) else [error]
    for problem in problems:
        message = problem.message
        assert "\n" not in message and "\r" not in message, f"not one line: {message!r}"
        assert message.startswith(problem.file) and problem.file.startswith("data/raw/")
        if problem.file != f"data/raw/{name}":
            continue
        if problem.line is None:
            assert "the file is empty" in message, message
            continue
        assert f", line {problem.line}" in message
        assert 1 <= problem.line <= max(len(physical_lines(data)),
                                        data.count(b"\n") + 1), message
