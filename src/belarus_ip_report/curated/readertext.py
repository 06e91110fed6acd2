"""Text that readers see, in English and in Russian: the checks of each reader-text column and
its Russian companion (`columns.reader_text`), run on every raw table by `tables`.

- Wherever the English cell has a value, its `_ru` cell needs one: a row whose reader text has
  no Russian is refused, naming the file, the CSV line and the `_ru` column. A Russian cell
  beside an empty English one is refused too (there is nothing it translates), where the
  English may be empty; where it may not, the schema's own message names the English cell.
- A Russian cell holds Russian: at least one Cyrillic letter. The one exception is a proper
  name or code that Russian writes in Latin letters exactly as English does: a Russian cell
  with no Cyrillic letter passes only when it is the English cell itself and that is a single
  word ('PatSearch'); a phrase left in English is refused, so copying the English does not
  pass for a translation.

The checks every text cell gets apply to the Russian too: invisible characters (`csvfiles`),
spreadsheet formulas, and, as for keys and names, Unicode's composed form (NFC) and no word
mixing Latin and Cyrillic letters (`trustedtext`).
"""

from __future__ import annotations

from belarus_ip_report.curated.csvfiles import RawTable
from belarus_ip_report.curated.lookalikes import script_of
from belarus_ip_report.foundation.errors import DataError


def has_cyrillic(value: str) -> bool:
    return any(script_of(ch) == "CYRILLIC" for ch in value if ch.isalpha())


def same_name_in_both(english: str, russian: str) -> bool:
    """A Russian cell that may stand without Cyrillic: the English one-word name itself."""
    return russian == english and len(english.split()) == 1


def russian_problems(raw: RawTable) -> list[DataError]:
    """Every problem of the Russian companions in one raw table (trimmed cells, before
    typing; empty cells are missing values)."""
    problems: list[DataError] = []
    for english, russian in raw.spec.russian_columns.items():
        optional = raw.spec.columns[english].nullable
        pairs = zip(raw.frame[english], raw.frame[russian], strict=True)
        for position, (en, ru) in enumerate(pairs):
            en = en if isinstance(en, str) else None
            ru = ru if isinstance(ru, str) else None
            line = raw.line_of(position)
            if en is not None and ru is None:
                problems.append(DataError(
                    raw.file, f"the reader text in {english} has no Russian", line=line,
                    column=russian,
                    hint=f"write its Russian in {russian}: the report is published in English "
                         "and Russian, and every text readers see needs both"))
            elif en is None and ru is not None and optional:
                problems.append(DataError(
                    raw.file, f"a Russian text stands where {english} is empty", line=line,
                    column=russian,
                    hint=f"write the English in {english}, or remove the Russian"))
            elif ru is not None and not has_cyrillic(ru) and not same_name_in_both(en, ru):
                problems.append(DataError(
                    raw.file, f"'{ru[:60]}' has no Cyrillic letter: it is not Russian",
                    line=line, column=russian,
                    hint=f"translate it; only a one-word name or code that Russian writes in "
                         f"Latin letters (such as 'PatSearch') may stand as it is, exactly as "
                         f"in {english}"))
    return problems
