"""Dates as the sources give them, and everything the report measures with them.

A source that gives only a month or a year is kept at that precision: `PartialDate` is the
one typed form of a date in this package. `tables.load_table` gives every date column as
`PartialDate` values (None where empty), and this module owns what is measured with them:
decimal years on a chart's axis, spans, durations, and dates in words.

Why a small type of our own rather than pandas `Period`: one column mixes precisions (a day in
one row, a month or a year in the next), and a `PeriodDtype` column holds one frequency only;
Periods of different frequencies cannot even be compared. `PartialDate` compares and sorts as
its ISO text does, so ordering a table by a date column is the same in the clean CSV and in
pandas.

In the processed tables a date column is written as its ISO text followed by `_precision`,
`_earliest` and `_latest` columns (`as_text`), so that a reader without this package can sort
and measure spans with plain pandas; the data behind each chart holds its ISO text (`str`).
"""

from __future__ import annotations

import calendar
import functools
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from typing import Protocol

import pandas as pd

#: From the coarsest precision to the finest: '2019' sorts before '2019-01', before
#: '2019-01-01', as their ISO texts do.
PRECISIONS = ("year", "month", "day")

#: The columns written after each date column in a CSV file, and what each holds.
TEXT_PARTS = {"precision": "precision", "earliest": "first", "latest": "last"}


@functools.total_ordering
@dataclass(frozen=True, eq=True)
class PartialDate:
    """A day, a month or a year, with the first and last day it may stand for.

    Printed (`str`) as the source gives it: '2019-07-11', '2019-07' or '2019'."""

    first: date
    last: date
    precision: str

    @classmethod
    def day(cls, day: date) -> PartialDate:
        return cls(day, day, "day")

    @property
    def midpoint(self) -> date:
        return date.fromordinal((self.first.toordinal() + self.last.toordinal()) // 2)

    @property
    def year(self) -> int:
        """The calendar year: the same for every day a partial date may stand for."""
        return self.first.year

    @property
    def is_day(self) -> bool:
        return self.precision == "day"

    def to_precision(self, precision: str) -> PartialDate:
        """The same date said less exactly: the month of a day, the year of a month."""
        if PRECISIONS.index(precision) > PRECISIONS.index(self.precision):
            raise ValueError(f"{self} is a {self.precision}: it cannot be made a {precision}")
        text = {"year": 4, "month": 7, "day": 10}[precision]
        return parse_partial_date(self.iso[:text])

    def _order(self) -> tuple[date, int]:
        return self.first, PRECISIONS.index(self.precision)

    def __lt__(self, other: object) -> bool:
        if not isinstance(other, PartialDate):
            return NotImplemented
        return self._order() < other._order()

    def __str__(self) -> str:
        return self.iso

    @property
    def iso(self) -> str:
        if self.precision == "year":
            return f"{self.first.year:04d}"
        if self.precision == "month":
            return f"{self.first.year:04d}-{self.first.month:02d}"
        return self.first.isoformat()


def parse_partial_date(text: str) -> PartialDate:
    """Parse YYYY, YYYY-MM or YYYY-MM-DD; raise ValueError saying what is wrong."""
    parts = text.split("-")
    if not 1 <= len(parts) <= 3 or not all(p.isascii() and p.isdigit() for p in parts):
        raise ValueError(f"'{text}' is not a date in the form YYYY-MM-DD, YYYY-MM or YYYY")
    lengths = [len(p) for p in parts]
    if lengths != [4, 2, 2][: len(parts)]:
        raise ValueError(f"'{text}' is not a date in the form YYYY-MM-DD, YYYY-MM or YYYY")
    year = int(parts[0])
    if len(parts) == 1:
        return PartialDate(date(year, 1, 1), date(year, 12, 31), "year")
    month = int(parts[1])
    if not 1 <= month <= 12:
        raise ValueError(f"'{text}' has no month {month}")
    if len(parts) == 2:
        last_day = calendar.monthrange(year, month)[1]
        return PartialDate(date(year, month, 1), date(year, month, last_day), "month")
    day = int(parts[2])
    try:
        exact = date(year, month, day)
    except ValueError:
        raise ValueError(f"'{text}' is not a day of the calendar") from None
    return PartialDate(exact, exact, "day")


def decimal_year(day: date) -> float:
    """A day as a position on a years axis: 1 July is about halfway through its year."""
    start = date(day.year, 1, 1).toordinal()
    length = date(day.year + 1, 1, 1).toordinal() - start
    return day.year + (day.toordinal() - start) / length


#: The length of a year and of a month in days, for every span the report measures.
DAYS_PER_YEAR = 365.25
DAYS_PER_MONTH = DAYS_PER_YEAR / 12


def parse_optional(value: object) -> PartialDate | None:
    """A cell of a date column as text: its PartialDate, or None where the cell is empty."""
    return parse_partial_date(value) if isinstance(value, str) else None


def parse_column(values: pd.Series) -> pd.Series:
    """A date column read as text, typed: PartialDate values, None where a cell is empty."""
    return pd.Series([parse_optional(value) for value in values], index=values.index,
                     name=values.name, dtype=object)


def first_day(value: PartialDate | None) -> date | None:
    """The first day a date may stand for, or None where there is no date."""
    return value.first if isinstance(value, PartialDate) else None


def last_day(value: PartialDate | None) -> date | None:
    """The last day a date may stand for, or None where there is no date."""
    return value.last if isinstance(value, PartialDate) else None


def first_days(values: pd.Series) -> pd.Series:
    """The first day each date of a column may stand for (None where empty)."""
    return values.map(first_day, na_action="ignore")


def years_of(values: pd.Series) -> pd.Series:
    """The calendar year of each date of a column, as whole numbers (empty where empty)."""
    return pd.Series([value.year if isinstance(value, PartialDate) else None for value in values],
                     index=values.index, name=values.name, dtype="Int64")


def as_text(frame: pd.DataFrame, date_columns: Iterable[str]) -> pd.DataFrame:
    """The frame as a CSV file holds it: each of `date_columns` as its ISO text followed by
    its `_precision`, `_earliest` and `_latest` columns (empty where the date is)."""
    columns = set(date_columns)
    out = {}
    for name in frame.columns:
        values = frame[name]
        if name not in columns:
            out[name] = values
            continue
        out[name] = _text_of(values, lambda d: d.iso)
        for column, part in zip(text_columns(name), TEXT_PARTS.values(), strict=True):
            out[column] = _text_of(
                values, lambda d, part=part: d.precision if part == "precision"
                else getattr(d, part).isoformat())
    return pd.DataFrame(out, index=frame.index)


def _text_of(values: pd.Series, text) -> pd.Series:
    return pd.Series([text(value) if isinstance(value, PartialDate) else pd.NA
                      for value in values], index=values.index, dtype=object)


def text_columns(date_column: str) -> list[str]:
    """The columns a CSV file holds after a date column: its precision, first and last day."""
    return [f"{date_column}_{suffix}" for suffix in TEXT_PARTS]


def end_of_day_year(day: date) -> float:
    """Where `day` ends on a years axis: a span drawn to its last day covers that day in full."""
    return decimal_year(date.fromordinal(day.toordinal() + 1))


class HasDays(Protocol):
    """A period of days: a PartialDate, or a span of days from `first` to `last`."""

    @property
    def first(self) -> date: ...

    @property
    def last(self) -> date: ...


@dataclass(frozen=True)
class Elapsed:
    """The time from one partial date to another, in days: at least `shortest` (last possible
    start to first possible end), at most `longest`, and `middle`, measured between the two
    periods' midpoints. For two known days all three are equal."""

    shortest: int
    middle: float
    longest: int

    @classmethod
    def between(cls, start: HasDays, end: HasDays) -> Elapsed:
        """From `start` to `end`: partial dates, or anything with a first and a last day (a
        span of several days, a row of a table of spans)."""
        return cls(shortest=(end.first - start.last).days,
                   middle=((end.first - start.first).days + (end.last - start.last).days) / 2,
                   longest=(end.last - start.first).days)

    def years(self, digits: int) -> tuple[float, float, float]:
        """(shortest, middle, longest) in years of DAYS_PER_YEAR days, rounded."""
        return self._in(DAYS_PER_YEAR, digits)

    def months(self, digits: int) -> tuple[float, float, float]:
        """(shortest, middle, longest) in months of DAYS_PER_MONTH days, rounded."""
        return self._in(DAYS_PER_MONTH, digits)

    def _in(self, days_per_unit: float, digits: int) -> tuple[float, float, float]:
        return tuple(round(days / days_per_unit, digits)
                     for days in (self.shortest, self.middle, self.longest))


def years_between(start: date, end: date) -> float:
    """Elapsed years as a decimal, counting a year as DAYS_PER_YEAR days."""
    return (end - start).days / DAYS_PER_YEAR


def whole_years_between(start: date, end: date) -> int:
    """Completed years from `start` to `end`, as an age is counted."""
    return end.year - start.year - ((end.month, end.day) < (start.month, start.day))


def format_for_people(when: PartialDate | date, end: PartialDate | date | None = None) -> str:
    """11 July 2019, July 2019 or 2019, as precise as the date is; a range when `end` is given
    (11–14 July 2019, 30 June–2 July 2019)."""
    start = _typed(when)
    if end is None or _typed(end) == start:
        return _format_one(start)
    last = _typed(end)
    if start.precision == last.precision == "day":
        if (start.first.year, start.first.month) == (last.first.year, last.first.month):
            return f"{start.first.day}–{_format_one(last)}"
        if start.first.year == last.first.year:
            return f"{start.first.day} {start.first:%B}–{_format_one(last)}"
    return f"{_format_one(start)} – {_format_one(last)}"


def _typed(when: PartialDate | date) -> PartialDate:
    if isinstance(when, PartialDate):
        return when
    if isinstance(when, date):
        return PartialDate.day(when)
    raise TypeError(f"{when!r} is not a date: load dates with tables.load_table, which types "
                    "them, or parse text with parse_partial_date")


def _format_one(value: PartialDate) -> str:
    if value.precision == "year":
        return f"{value.first.year}"
    if value.precision == "month":
        return f"{value.first:%B} {value.first.year}"
    return f"{value.first.day} {value.first:%B} {value.first.year}"
