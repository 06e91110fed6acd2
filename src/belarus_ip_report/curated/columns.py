"""How a column and a table are declared: the building blocks of `schemas`.

Each builder returns a `ColumnSpec`: the column's type, its checks (`Rule`), a description
(which the data dictionary and the data package reuse) and what the loader needs to know:
partial dates, their earliest year, counts, source ids, and the columns that take evidence.
Text that readers see is declared with `reader_text`: the table then holds its Russian beside
it, in the column `<name>_ru` that `table` adds right after it.
The pandera schema that validates a table is made from these only when it is first needed
(`TableSpec.schema`): a chapter's kernel, which only loads clean tables, never imports
pandera.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from functools import cached_property
from typing import TYPE_CHECKING

import pandas as pd

from belarus_ip_report.foundation.dates import first_day, last_day, parse_optional

if TYPE_CHECKING:
    import pandera.pandas as pa


@dataclass(frozen=True)
class Rule:
    """One check of a column or a table: pandera's built-in check `kind` ('str_matches',
    'isin', 'ge', 'le') with its `value`, or `kind='custom'`, a function of the column (or of
    the whole table, for a row check) that is True where a value passes, with its `error`."""

    kind: str
    value: object
    error: str | None = None

    def to_pandera(self) -> pa.Check:
        import pandera.pandas as pa

        if self.kind == "custom":
            return pa.Check(self.value, error=self.error)
        return getattr(pa.Check, self.kind)(self.value)


def row_rule(holds: Callable[[pd.DataFrame], pd.Series], error: str) -> Rule:
    """A check of each row; `error` starts with the column it is about ('column: ...')."""
    return Rule("custom", holds, error)


@dataclass(frozen=True)
class ColumnSpec:
    """A declared column: its type ('str' or 'Int64'), checks, description and what the
    loader and the checks across tables need to know (`metadata`)."""

    dtype: str
    rules: tuple[Rule, ...]
    description: str
    nullable: bool = False
    metadata: dict | None = field(default=None, compare=False)

    @property
    def text_kind(self) -> str | None:
        """For a text column: 'name' (of a member, a government, a party, a publisher), 'key'
        (a key of another table) or 'address' (a web address); None for other text."""
        return (self.metadata or {}).get("text")

    def to_pandera(self) -> pa.Column:
        import pandera.pandas as pa

        return pa.Column(str if self.dtype == "str" else self.dtype,
                         [rule.to_pandera() for rule in self.rules], nullable=self.nullable,
                         description=self.description, metadata=self.metadata)


ISO_PARTIAL_DATE = re.compile(r"^[0-9]{4}(-[0-9]{2}(-[0-9]{2})?)?$")


SOURCE_ID = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")


SOURCE_SEPARATOR = ";"


PRECISIONS = ("day", "month", "year")


def text(description: str, *, nullable: bool = False, pattern: str | None = None,
         kind: str | None = None) -> ColumnSpec:
    """Text; `kind` (see `ColumnSpec.text_kind`) asks for the checks of `trustedtext`."""
    rules = [Rule("str_matches", pattern)] if pattern else []
    rules.append(Rule("custom", lambda s: s.str.strip() == s,
                      "no leading or trailing white space"))
    return ColumnSpec("str", tuple(rules), description, nullable,
                      {"text": kind} if kind else None)


#: The suffix of the Russian companion of a reader-text column: `description_ru`.
RUSSIAN = "_ru"


def reader_text(description: str, *, nullable: bool = False, kind: str | None = None,
                russian: str = "") -> ColumnSpec:
    """Text that readers see, declared once with its Russian: `table` places `<name>_ru`
    right after it (described by `russian`, where it needs more than 'the same in Russian'),
    and `readertext` requires it wherever this column has a value."""
    column = text(description, nullable=nullable, kind=kind)
    return replace(column, metadata={**(column.metadata or {}), "reader_text": russian})


def _russian_of(name: str, column: ColumnSpec) -> ColumnSpec:
    """The Russian companion of reader-text column `name`: text of the same kind, required as
    `name` is and empty exactly where it is (`readertext` checks it and says what to do)."""
    more = (column.metadata or {})["reader_text"]
    companion = text(f"The same in Russian, as the Russian edition shows it (required wherever "
                     f"{name} has a value).{' ' + more if more else ''}",
                     nullable=column.nullable, kind=column.text_kind)
    return replace(companion, metadata={**(companion.metadata or {}), "russian_of": name})


def _with_russian(columns: dict[str, ColumnSpec]) -> dict[str, ColumnSpec]:
    out: dict[str, ColumnSpec] = {}
    for name, column in columns.items():
        out[name] = column
        if column.metadata and "reader_text" in column.metadata:
            out[f"{name}{RUSSIAN}"] = _russian_of(name, column)
    return out


#: What a web address looks like in a raw table (`trustedtext` checks the rest).
WEB_ADDRESS = r"^https?://\S+$"


def address(description: str) -> ColumnSpec:
    """A web address (optional): http or https, no spaces, public, its host in one script."""
    return text(description, nullable=True, pattern=WEB_ADDRESS, kind="address")


def category(values: tuple[str, ...], description: str, *, nullable: bool = False,
             evidence: bool = False) -> ColumnSpec:
    allowed = ", ".join(values)
    return ColumnSpec("str", (Rule("isin", values),), f"{description} One of: {allowed}.",
                      nullable, {"evidence": True} if evidence else None)


#: The earliest year any date of the data may carry: the Paris Convention of 1883.
EARLIEST_YEAR = 1883


def partial_date(
    description: str, *, nullable: bool = False, precisions: tuple[str, ...] = PRECISIONS,
    evidence: bool = False, earliest: int = EARLIEST_YEAR,
) -> ColumnSpec:
    """An ISO 8601 date that may be partial (YYYY or YYYY-MM) where the source gives no day."""
    note = "ISO 8601 date (YYYY-MM-DD)" if precisions == ("day",) else (
        "ISO 8601 date, partial where the source is (YYYY-MM-DD, YYYY-MM or YYYY)"
    )
    return ColumnSpec("str", (Rule("str_matches", ISO_PARTIAL_DATE.pattern),),
                      f"{description} {note}.", nullable,
                      {"date_precisions": precisions, "evidence": evidence,
                       "earliest_year": earliest})


def count(description: str, *, nullable: bool = False, minimum: int = 0,
          maximum: int | None = None, evidence: bool = False) -> ColumnSpec:
    rules = [Rule("ge", minimum)]
    if maximum is not None:
        rules.append(Rule("le", maximum))
    return ColumnSpec("Int64", tuple(rules), description, nullable,
                      {"evidence": True} if evidence else None)


def source_ids() -> ColumnSpec:
    return ColumnSpec(
        "str",
        (Rule("custom", lambda s: s.str.split(SOURCE_SEPARATOR).map(
            lambda ids: all(SOURCE_ID.match(i) for i in ids)),
            "source ids are lowercase-hyphenated, separated by ';'"),),
        "The source(s) of the row: ids from the `sources` table, separated by ';'.",
        metadata={"foreign_key": "sources.source_id"},
    )


def notes() -> ColumnSpec:
    return text("Free-text remarks: caveats, how a value was derived.", nullable=True)


@dataclass(frozen=True)
class TableSpec:
    """A table: its columns as declared, its key and order, and the checks of its rows."""

    name: str
    description: str
    key: tuple[str, ...]
    sort_by: tuple[str, ...]
    columns: dict[str, ColumnSpec]
    checks: tuple[Rule, ...] = ()

    @cached_property
    def schema(self) -> pa.DataFrameSchema:
        """The pandera schema that validates the raw table, made on first use."""
        import pandera.pandas as pa

        return pa.DataFrameSchema(
            {name: column.to_pandera() for name, column in self.columns.items()},
            checks=[rule.to_pandera() for rule in self.checks], unique=list(self.key),
            strict=True, ordered=True, name=self.name)

    @property
    def file_name(self) -> str:
        return f"{self.name}.csv"

    @property
    def earliest_years(self) -> dict[str, int]:
        return {name: column.metadata["earliest_year"]
                for name, column in self.columns.items()
                if column.metadata and "earliest_year" in column.metadata}

    @property
    def date_columns(self) -> dict[str, tuple[str, ...]]:
        return {
            name: column.metadata["date_precisions"]
            for name, column in self.columns.items()
            if column.metadata and "date_precisions" in column.metadata
        }

    @property
    def text_columns(self) -> list[str]:
        """Columns of text (names, descriptions, categories, ids), dates excepted."""
        dates = self.date_columns
        return [name for name, column in self.columns.items()
                if column.dtype == "str" and name not in dates]

    @property
    def russian_columns(self) -> dict[str, str]:
        """Each reader-text column and its Russian companion: {'description': 'description_ru'}."""
        return {column.metadata["russian_of"]: name for name, column in self.columns.items()
                if column.metadata and "russian_of" in column.metadata}

    @property
    def integer_columns(self) -> list[str]:
        return [name for name, column in self.columns.items() if column.dtype == "Int64"]

    @property
    def evidence_columns(self) -> list[str]:
        """Columns whose every value needs a row in `evidence` naming the source that states it."""
        return [
            name for name, column in self.columns.items()
            if column.metadata and column.metadata.get("evidence")
        ]

    @property
    def source_id_columns(self) -> list[str]:
        """Columns holding ';'-separated ids that must exist in the `sources` table."""
        return [
            name for name, column in self.columns.items()
            if column.metadata and column.metadata.get("foreign_key") == "sources.source_id"
        ]


def table(name: str, description: str, key: tuple[str, ...], sort_by: tuple[str, ...],
          columns: dict[str, ColumnSpec], checks: list[Rule] | None = None) -> TableSpec:
    """A table; each `reader_text` column is followed by its Russian companion."""
    return TableSpec(name, description, key, sort_by, _with_russian(columns),
                     tuple(checks or ()))


def later_or_equal(first: str, second: str) -> Rule:
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
    return row_rule(holds, f"{second}: it is before {first} (the dates are in the wrong "
                           f"order, or one of them has a typing error)")


def source_id(description: str) -> ColumnSpec:
    """One id from the `sources` table."""
    return ColumnSpec("str", (Rule("str_matches", SOURCE_ID.pattern),), description,
                      metadata={"foreign_key": "sources.source_id"})


def foreign_key(table: str, column: str, description: str) -> ColumnSpec:
    """One value of another table's key column (checked across tables, and declared in the data
    package as a foreign key)."""
    return ColumnSpec("str", (Rule("str_matches", SOURCE_ID.pattern),), description,
                      metadata={"foreign_key": f"{table}.{column}"})
