"""How a column and a table are declared: the building blocks of `schemas`.

Each builder returns a pandera column with its checks and a description (which the data
dictionary and the data package reuse) and marks what the loader needs to know: partial dates,
their earliest year, counts, source ids, and the columns that take evidence.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import pandas as pd
import pandera.pandas as pa

from .dates import first_day, last_day, parse_optional

ISO_PARTIAL_DATE = re.compile(r"^[0-9]{4}(-[0-9]{2}(-[0-9]{2})?)?$")


SOURCE_ID = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")


SOURCE_SEPARATOR = ";"


PRECISIONS = ("day", "month", "year")


def text(description: str, *, nullable: bool = False, pattern: str | None = None) -> pa.Column:
    checks = [pa.Check.str_matches(pattern)] if pattern else []
    checks.append(pa.Check(lambda s: s.str.strip() == s, element_wise=False,
                           error="no leading or trailing white space"))
    return pa.Column(str, checks=checks, nullable=nullable, description=description)


def category(values: tuple[str, ...], description: str, *, nullable: bool = False,
             evidence: bool = False) -> pa.Column:
    allowed = ", ".join(values)
    return pa.Column(
        str,
        pa.Check.isin(values),
        nullable=nullable,
        description=f"{description} One of: {allowed}.",
        metadata={"evidence": True} if evidence else None,
    )


#: The earliest year any date of the data may carry: the Paris Convention of 1883.
EARLIEST_YEAR = 1883


def partial_date(
    description: str, *, nullable: bool = False, precisions: tuple[str, ...] = PRECISIONS,
    evidence: bool = False, earliest: int = EARLIEST_YEAR,
) -> pa.Column:
    """An ISO 8601 date that may be partial (YYYY or YYYY-MM) where the source gives no day."""
    note = "ISO 8601 date (YYYY-MM-DD)" if precisions == ("day",) else (
        "ISO 8601 date, partial where the source is (YYYY-MM-DD, YYYY-MM or YYYY)"
    )
    return pa.Column(
        str,
        pa.Check.str_matches(ISO_PARTIAL_DATE.pattern),
        nullable=nullable,
        description=f"{description} {note}.",
        metadata={"date_precisions": precisions, "evidence": evidence,
                  "earliest_year": earliest},
    )


def count(description: str, *, nullable: bool = False, minimum: int = 0,
          maximum: int | None = None, evidence: bool = False) -> pa.Column:
    checks = [pa.Check.ge(minimum)]
    if maximum is not None:
        checks.append(pa.Check.le(maximum))
    return pa.Column("Int64", checks, nullable=nullable, description=description,
                     metadata={"evidence": True} if evidence else None)


def source_ids() -> pa.Column:
    return pa.Column(
        str,
        pa.Check(
            lambda s: s.str.split(SOURCE_SEPARATOR).map(
                lambda ids: all(SOURCE_ID.match(i) for i in ids)
            ),
            error="source ids are lowercase-hyphenated, separated by ';'",
        ),
        description="The source(s) of the row: ids from the `sources` table, separated by ';'.",
        metadata={"foreign_key": "sources.source_id"},
    )


def notes() -> pa.Column:
    return text("Free-text remarks: caveats, how a value was derived.", nullable=True)


@dataclass(frozen=True)
class TableSpec:
    """What the loader needs to know about a table beyond its column schema."""

    name: str
    description: str
    key: tuple[str, ...]
    sort_by: tuple[str, ...]
    schema: pa.DataFrameSchema

    @property
    def file_name(self) -> str:
        return f"{self.name}.csv"

    @property
    def earliest_years(self) -> dict[str, int]:
        return {name: column.metadata["earliest_year"]
                for name, column in self.schema.columns.items()
                if column.metadata and "earliest_year" in column.metadata}

    @property
    def date_columns(self) -> dict[str, tuple[str, ...]]:
        return {
            name: column.metadata["date_precisions"]
            for name, column in self.schema.columns.items()
            if column.metadata and "date_precisions" in column.metadata
        }

    @property
    def integer_columns(self) -> list[str]:
        return [n for n, c in self.schema.columns.items() if str(c.dtype) == "Int64"]

    @property
    def evidence_columns(self) -> list[str]:
        """Columns whose every value needs a row in `evidence` naming the source that states it."""
        return [
            name for name, column in self.schema.columns.items()
            if column.metadata and column.metadata.get("evidence")
        ]

    @property
    def source_id_columns(self) -> list[str]:
        """Columns holding ';'-separated ids that must exist in the `sources` table."""
        return [
            name for name, column in self.schema.columns.items()
            if column.metadata and column.metadata.get("foreign_key") == "sources.source_id"
        ]


def table(name: str, description: str, key: tuple[str, ...], sort_by: tuple[str, ...],
          columns: dict[str, pa.Column], checks: list[pa.Check] | None = None) -> TableSpec:
    schema = pa.DataFrameSchema(
        columns, checks=checks or [], unique=list(key), strict=True, ordered=True, name=name
    )
    return TableSpec(name, description, key, sort_by, schema)




def later_or_equal(first: str, second: str) -> pa.Check:
    """Row check: `second` is empty or can fall on or after `first`. Partial dates compare by
    the days they may stand for: '2019-06' may end after '2019-06-03' even though, as text,
    it sorts before it."""
    def holds(df):
        # The raw table's text, checked before cleaning types it.
        earliest = df[first].map(lambda text: first_day(parse_optional(text)))
        latest = df[second].map(lambda text: last_day(parse_optional(text)))
        return df[first].isna() | df[second].isna() | pd.Series(
            [a is None or b is None or b >= a for a, b in zip(earliest, latest, strict=True)],
            index=df.index)
    return pa.Check(holds, error=f"{second}: it is before {first} (the dates are in the wrong "
                                 f"order, or one of them has a typing error)")


def source_id(description: str) -> pa.Column:
    """One id from the `sources` table."""
    return pa.Column(str, pa.Check.str_matches(SOURCE_ID.pattern), description=description,
                     metadata={"foreign_key": "sources.source_id"})
