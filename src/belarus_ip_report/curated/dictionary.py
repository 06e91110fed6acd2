"""The data dictionary: one line per column of every processed table, generated from the
schemas (so that it is never written twice); the methods chapter shows it, `data/README.md`
prints it.
"""

from __future__ import annotations

from belarus_ip_report.curated.columns import ColumnSpec
from belarus_ip_report.curated.schemas import TABLES


def _type_name(column: ColumnSpec) -> str:
    if column.metadata and "date_precisions" in column.metadata:
        return "date"
    if column.metadata and column.metadata.get("foreign_key") == "sources.source_id":
        return "source ids"
    return {"Int64": "integer"}.get(column.dtype, "text")


def data_dictionary() -> list[dict[str, str]]:
    """One line per column of every processed table, generated from the schemas above."""
    rows = []
    for spec in TABLES:
        for name, column in spec.columns.items():
            rows.append({
                "table": spec.name,
                "column": name,
                "type": _type_name(column),
                "required": "no" if column.nullable else "yes",
                "definition": column.description,
            })
            if column.metadata and "date_precisions" in column.metadata:
                required = "no" if column.nullable else "yes"
                rows += [
                    {"table": spec.name, "column": f"{name}_precision", "type": "text",
                     "required": required,
                     "definition": f"Precision of {name}, added by cleaning. One of: day, "
                                   "month, year."},
                    {"table": spec.name, "column": f"{name}_earliest", "type": "full date",
                     "required": required,
                     "definition": f"First day {name} may stand for (1 January for a year, "
                                   "the 1st for a month), added by cleaning."},
                    {"table": spec.name, "column": f"{name}_latest", "type": "full date",
                     "required": required,
                     "definition": f"Last day {name} may stand for, added by cleaning."},
                ]
    return rows
