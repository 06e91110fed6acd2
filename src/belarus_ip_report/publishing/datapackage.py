"""The clean tables as a Frictionless Data Package, and the data dictionary beside them.

Both are generated from the one schema definition and worded by `curated.dictionary` (the
same definitions the methods chapter shows), the column declarations in `schemas`
(`ColumnSpec` and its `Rule`s, which also make the pandera checks the build validates with):
this module translates each declared column directly into a Frictionless field (type, format,
description, allowed values, pattern, bounds, required),
each table's key into a `primaryKey`, and every single-source column into a `foreignKey` to
`sources`. Writing `datapackage.json` by hand would let it drift from the checks.
"""

from __future__ import annotations

import json
from pathlib import Path

from belarus_ip_report.curated import dictionary
from belarus_ip_report.curated.columns import SOURCE_SEPARATOR, ColumnSpec, TableSpec
from belarus_ip_report.curated.schemas import FACT_TABLE_NAMES, TABLES
from belarus_ip_report.foundation import settings
from belarus_ip_report.foundation.dates import format_for_people

DATA_LICENCE = {"name": "CC-BY-4.0", "title": "Creative Commons Attribution 4.0 International",
                "path": "https://creativecommons.org/licenses/by/4.0/"}
CODE_LICENCE = "MIT"


def _constraints(column: ColumnSpec) -> dict:
    constraints: dict = {}
    if not column.nullable:
        constraints["required"] = True
    for rule in column.rules:
        if rule.kind == "isin":
            constraints["enum"] = list(rule.value)
        elif rule.kind == "str_matches":
            constraints["pattern"] = str(rule.value).strip("^$")
        elif rule.kind == "ge":
            constraints["minimum"] = int(rule.value)
        elif rule.kind == "le":
            constraints["maximum"] = int(rule.value)
    return constraints


def _field(name: str, column: ColumnSpec) -> dict:
    metadata = column.metadata or {}
    field = {"name": name, "description": dictionary.definition(column)}
    if dictionary.is_date(column):
        field["type"] = "string"
    elif str(column.dtype) == "Int64":
        field["type"] = "integer"
    elif metadata.get("foreign_key") and name == "source_ids":
        field.update(type="list", delimiter=SOURCE_SEPARATOR, itemType="string")
    else:
        field["type"] = "string"
    constraints = _constraints(column)
    if field["type"] == "list":
        constraints.pop("pattern", None)
    if constraints:
        field["constraints"] = constraints
    return field


def _date_companions(name: str, column: ColumnSpec) -> list[dict]:
    required = {} if column.nullable else {"required": True}
    (precision, what), *full_dates = dictionary.date_companions(name)
    fields = [{"name": precision, "type": "string", "description": what,
               "constraints": {**required, "enum": list(dictionary.PRECISIONS)}}]
    for companion, text in full_dates:
        field = {"name": companion, "type": "date", "format": "%Y-%m-%d", "description": text}
        if required:
            field["constraints"] = required
        fields.append(field)
    return fields


def table_schema(spec: TableSpec) -> dict:
    fields = []
    for name, column in spec.columns.items():
        fields.append(_field(name, column))
        if dictionary.is_date(column):
            fields += _date_companions(name, column)
    schema: dict = {"fields": fields, "primaryKey": list(spec.key), "missingValues": [""]}
    foreign = [name for name, column in spec.columns.items()
               if (column.metadata or {}).get("foreign_key") and name != "source_ids"]
    if foreign:
        schema["foreignKeys"] = [
            {"fields": [name], "reference": {"resource": resource, "fields": [field]}}
            for name in foreign
            for resource, field in [spec.columns[name].metadata["foreign_key"].split(".")]]
    return schema


def data_package() -> dict:
    as_of = settings.AS_OF.isoformat()
    return {
        "name": "belarus-ip-report-data",
        "title": f"{settings.REPORT_TITLE}: the clean tables",
        "description": (
            "Hand-curated tables behind the report: WIPO-administered treaties and Belarus's "
            "status in them, Belarus's WTO accession, WTO members and accessions, Belarus-Russia "
            "IP instruments and Belarus's IP law, with every value's evidence and every "
            "disagreement between sources. Each row of a fact table cites its sources; "
            "evidence.csv says which source states which value and where."),
        "version": settings.VERSION,
        "asOf": as_of,
        "licenses": [DATA_LICENCE],
        "sources": [{"title": "The sources listed in sources.csv, each with its tier "
                              "(primary, official, press, reference, copy)",
                     "path": "sources.csv"}],
        "resources": [
            {"name": spec.name, "path": spec.file_name, "profile": "tabular-data-resource",
             "format": "csv", "mediatype": "text/csv", "encoding": "utf-8",
             # Declared, so that no reader has to guess it from the data (a column of notes
             # full of ';' once made a validator take that for the delimiter).
             "dialect": {"delimiter": ",", "quoteChar": '"', "doubleQuote": True,
                         "header": True},
             "description": spec.description, "schema": table_schema(spec)}
            for spec in TABLES],
    }


def data_readme() -> str:
    """`data/README.md`: what each table holds, its key, and a Column | Type | Definition
    table, with how to read partial dates and load a table with pandas alone."""
    as_of = format_for_people(settings.AS_OF)
    lines = [
        "# The data",
        "",
        "<!-- Generated by the build from src/belarus_ip_report/curated/schemas/: do not edit. -->",
        "",
        f"Data as of {as_of}, version {settings.VERSION}. `raw/` holds the hand-curated tables "
        "(edit these); `processed/` the clean tables the build writes from them (reuse these), "
        "described for machines in `processed/datapackage.json` (a Frictionless Data Package: "
        "`frictionless validate data/processed/datapackage.json`).",
        "",
        "## Licence",
        "",
        f"The tables are published under {DATA_LICENCE['title']} ({DATA_LICENCE['name']}): "
        "reuse them freely and cite this project. The facts come from the sources in "
        "`sources.csv`; cite those too where you rely on a value, and follow their own terms. "
        f"The code is under the {CODE_LICENCE} licence (`LICENSE`).",
        "",
        "## Dates, partial where the source is",
        "",
        "A date is written as the source gives it: `2019-07-11` (a day), `2019-07` (a month) "
        "or `2019` (a year). In `processed/` every date column `x` has three companions: "
        "`x_precision` (day, month or year), and `x_earliest` and `x_latest`, full dates of "
        "the first and last day `x` may stand for. Sort by `x_earliest`, measure spans between "
        "`_earliest` and `_latest`, and show `x` itself.",
        "",
        "## Loading a table with pandas alone",
        "",
        "```python",
        "import pandas as pd",
        'members = pd.read_csv("data/processed/wto_members.csv", keep_default_na=False,',
        '                      na_values=[""], parse_dates=["membership_date_earliest",',
        '                                                  "membership_date_latest"])',
        "```",
        "",
        "Text columns load as text, counts as numbers (floats where a column has empty cells; "
        'add `dtype={"value": "Int64"}` for whole numbers), the `_earliest` and '
        "`_latest` columns as dates. `source_ids` holds ids from `sources.csv` separated by "
        "`;`.",
        "",
        "## The tables",
    ]
    for spec in TABLES:
        lines += ["", f"### {spec.file_name}", "", spec.description,
                  "", f"Key: {', '.join(f'`{k}`' for k in spec.key)}.", "",
                  "| Column | Type | Definition |", "| --- | --- | --- |"]
        enums = {name: _constraints(column).get("enum")
                 for name, column in spec.columns.items()}
        for row in dictionary.table_dictionary(spec):
            text = row["definition"].replace("|", "\\|")
            enum = enums[row["column"]] if row["column"] in spec.columns else None
            if enum and "One of" not in text:
                text += f" One of: {', '.join(enum)}."
            lines.append(f"| `{row['column']}` | {row['type']} | {text} |")
    lines += ["", "## Allowed values of each category", "",
              "Generated from the same schemas; a value outside these lists stops the build.", ""]
    for spec in TABLES:
        for name, column in spec.columns.items():
            enum = _constraints(column).get("enum")
            if enum and spec.name in (*FACT_TABLE_NAMES, "sources", "evidence"):
                lines.append(f"- `{spec.name}.{name}`: {', '.join(f'`{v}`' for v in enum)}")
    return "\n".join(lines) + "\n"


def write_data_package(root: Path) -> None:
    """Write `data/processed/datapackage.json` and `data/README.md` under `root`."""
    from belarus_ip_report.foundation.atomic import write_text_atomically

    package = json.dumps(data_package(), indent=2, ensure_ascii=False) + "\n"
    write_text_atomically(root / "data" / "processed" / "datapackage.json", package)
    write_text_atomically(root / "data" / "README.md", data_readme())
