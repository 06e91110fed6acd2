"""The data dictionary: one line per column of every processed table, generated from the
schemas, in one wording for every place that describes a column (the methods chapter,
`data/README.md` and the data package's field descriptions). The Russian edition's methods
chapter shows the same lines in Russian (`lang="ru"`): each declared wording's Russian is in
`dictionary_ru`, and what this module and the column builders add to it is here beside its
English. The data files stay in English.
"""

from __future__ import annotations

import re

from belarus_ip_report.curated.columns import ColumnSpec, TableSpec
from belarus_ip_report.curated.dictionary_ru import COLUMNS_RU, TABLES_RU
from belarus_ip_report.curated.schemas import TABLES

PRECISIONS = ("day", "month", "year")

#: What `definition` adds to a date column's wording.
DATE_NOTE = {
    "en": " Partial where the source is: read the _earliest and _latest columns for full dates.",
    "ru": " Где дата неполная, полные даты — в столбцах _earliest и _latest.",
}

#: What the builders of `columns` add to a declared wording (`partial_date`'s ISO note), in
#: Russian; a category's allowed values and a Russian companion's sentence are in `_in_russian`.
ENDINGS_RU = {
    " ISO 8601 date (YYYY-MM-DD).": " Дата ISO 8601 (ГГГГ-ММ-ДД).",
    " ISO 8601 date, partial where the source is (YYYY-MM-DD, YYYY-MM or YYYY).":
        " Дата ISO 8601, неполная там, где неполон источник (ГГГГ-ММ-ДД, ГГГГ-ММ или ГГГГ).",
}

#: A line's type and whether the column is required, in Russian.
TYPES_RU = {"text": "текст", "date": "дата", "full date": "полная дата",
            "source ids": "идентификаторы источников", "integer": "целое число"}
REQUIRED_RU = {"yes": "да", "no": "нет"}

_COMPANION = re.compile(r"The same in Russian, as the Russian edition shows it \(required "
                        r"wherever (?P<name>\w+) has a value\)\.(?: (?P<more>.+))?")
_CATEGORY = re.compile(r"(?P<wording>.+) One of: (?P<values>.+)\.")


def _wording_ru(english: str, where: dict[str, str], name: str) -> str:
    if english not in where:
        raise ValueError(f"the data dictionary has no Russian for {english!r}: add it to "
                         f"{name} in src/belarus_ip_report/curated/dictionary_ru.py")
    return where[english]


def _in_russian(description: str) -> str:
    """A column's description (as the builders of `columns` composed it) in Russian."""
    if companion := _COMPANION.fullmatch(description):
        more = companion["more"]
        return (f"То же на русском языке, как его показывает русское издание (обязательно везде, "
                f"где заполнен столбец {companion['name']})."
                + (f" {_wording_ru(more, COLUMNS_RU, 'COLUMNS_RU')}" if more else ""))
    if category := _CATEGORY.fullmatch(description):
        return (f"{_wording_ru(category['wording'], COLUMNS_RU, 'COLUMNS_RU')} "
                f"Одно из значений: {category['values']}.")
    for english, russian in ENDINGS_RU.items():
        if description.endswith(english):
            return _wording_ru(description[:-len(english)], COLUMNS_RU, "COLUMNS_RU") + russian
    return _wording_ru(description, COLUMNS_RU, "COLUMNS_RU")


def table_description(spec: TableSpec, lang: str = "en") -> str:
    """What a table holds, in `lang`."""
    return (spec.description if lang == "en"
            else _wording_ru(spec.description, TABLES_RU, "TABLES_RU"))


def is_date(column: ColumnSpec) -> bool:
    return bool(column.metadata and "date_precisions" in column.metadata)


def definition(column: ColumnSpec, lang: str = "en") -> str:
    """What a declared column holds, as every description of the data says it."""
    wording = column.description if lang == "en" else _in_russian(column.description)
    return f"{wording}{DATE_NOTE[lang]}" if is_date(column) else wording


def date_companions(name: str, lang: str = "en") -> list[tuple[str, str]]:
    """The three columns cleaning adds beside a date column `name`: (column, definition)."""
    if lang == "ru":
        return [
            (f"{name}_precision", f"Точность даты {name}: {', '.join(PRECISIONS[:-1])} или "
                                  f"{PRECISIONS[-1]}; столбец добавлен при очистке."),
            (f"{name}_earliest", f"Первый день, который может означать {name} (1 января для "
                                 "года, 1-е число для месяца); столбец добавлен при очистке."),
            (f"{name}_latest", f"Последний день, который может означать {name}; столбец "
                               "добавлен при очистке."),
        ]
    return [
        (f"{name}_precision", f"Precision of {name}: {', '.join(PRECISIONS[:-1])} or "
                              f"{PRECISIONS[-1]}, added by cleaning."),
        (f"{name}_earliest", f"First day {name} may stand for (1 January for a year, the 1st "
                             "for a month), added by cleaning."),
        (f"{name}_latest", f"Last day {name} may stand for, added by cleaning."),
    ]


def _type_name(column: ColumnSpec) -> str:
    if is_date(column):
        return "date"
    if column.metadata and column.metadata.get("foreign_key") == "sources.source_id":
        return "source ids"
    return {"Int64": "integer"}.get(column.dtype, "text")


def table_dictionary(spec, lang: str = "en") -> list[dict[str, str]]:
    """One line per column of one processed table, its date companions after each date; in
    Russian (`lang="ru"`) the same lines with the type, 'required' and definition translated
    (the keys, table and column names stay as the data has them)."""
    def word(english: str, russian: dict[str, str]) -> str:
        return english if lang == "en" else russian[english]

    rows = []
    for name, column in spec.columns.items():
        required = word("no" if column.nullable else "yes", REQUIRED_RU)
        rows.append({"table": spec.name, "column": name,
                     "type": word(_type_name(column), TYPES_RU),
                     "required": required, "definition": definition(column, lang)})
        if is_date(column):
            types = [word(kind, TYPES_RU) for kind in ("text", "full date", "full date")]
            rows += [{"table": spec.name, "column": companion, "type": kind,
                      "required": required, "definition": text}
                     for (companion, text), kind in zip(date_companions(name, lang), types,
                                                        strict=True)]
    return rows


def data_dictionary(lang: str = "en") -> list[dict[str, str]]:
    """One line per column of every processed table, generated from the schemas."""
    return [row for spec in TABLES for row in table_dictionary(spec, lang)]
