"""The data dictionary: one line per column of every processed table, generated from the
schemas, in one wording for every place that describes a column (the methods chapter,
`data/README.md` and the data package's field descriptions).
"""

from __future__ import annotations

from belarus_ip_report.curated.columns import ColumnSpec
from belarus_ip_report.curated.schemas import TABLES

PRECISIONS = ("day", "month", "year")


def is_date(column: ColumnSpec) -> bool:
    return bool(column.metadata and "date_precisions" in column.metadata)


def definition(column: ColumnSpec) -> str:
    """What a declared column holds, as every description of the data says it."""
    if is_date(column):
        return (f"{column.description} Partial where the source is: read the _earliest and "
                "_latest columns for full dates.")
    return column.description


def date_companions(name: str) -> list[tuple[str, str]]:
    """The three columns cleaning adds beside a date column `name`: (column, definition)."""
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


def table_dictionary(spec) -> list[dict[str, str]]:
    """One line per column of one processed table, its date companions after each date."""
    rows = []
    for name, column in spec.columns.items():
        required = "no" if column.nullable else "yes"
        rows.append({"table": spec.name, "column": name, "type": _type_name(column),
                     "required": required, "definition": definition(column)})
        if is_date(column):
            types = ["text", "full date", "full date"]
            rows += [{"table": spec.name, "column": companion, "type": kind,
                      "required": required, "definition": text}
                     for (companion, text), kind in zip(date_companions(name), types, strict=True)]
    return rows


def data_dictionary() -> list[dict[str, str]]:
    """One line per column of every processed table, generated from the schemas."""
    return [row for spec in TABLES for row in table_dictionary(spec)]
