"""Partial dates: a source that gives only a month or a year is kept at that precision."""

from __future__ import annotations

import calendar
from dataclasses import dataclass
from datetime import date


@dataclass(frozen=True, order=True)
class PartialDate:
    """A day, a month or a year, with the first and last day it may stand for."""

    first: date
    last: date
    precision: str

    @property
    def midpoint(self) -> date:
        return date.fromordinal((self.first.toordinal() + self.last.toordinal()) // 2)

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
    """A cell of a date column: its PartialDate, or None where the cell is empty."""
    return parse_partial_date(value) if isinstance(value, str) else None


def first_day(value: object) -> date | None:
    """The first day a date cell may stand for, or None where it is empty."""
    parsed = parse_optional(value)
    return parsed.first if parsed else None


def last_day(value: object) -> date | None:
    """The last day a date cell may stand for, or None where it is empty."""
    parsed = parse_optional(value)
    return parsed.last if parsed else None


def years_between(start: date, end: date) -> float:
    """Elapsed years as a decimal, counting a year as DAYS_PER_YEAR days."""
    return (end - start).days / DAYS_PER_YEAR


def whole_years_between(start: date, end: date) -> int:
    """Completed years from `start` to `end`, as an age is counted."""
    return end.year - start.year - ((end.month, end.day) < (start.month, start.day))


def format_for_people(iso: str, end: str | None = None) -> str:
    """'2019-07-11' → '11 July 2019', '2019-07' → 'July 2019'; a range when `end` is given."""
    start = parse_partial_date(iso)
    if end is None or end == iso:
        return _format_one(start)
    last = parse_partial_date(end)
    if start.precision == last.precision == "day":
        if (start.first.year, start.first.month) == (last.first.year, last.first.month):
            return f"{start.first.day}–{_format_one(last)}"
        if start.first.year == last.first.year:
            return f"{start.first.day} {start.first:%B}–{_format_one(last)}"
    return f"{_format_one(start)} – {_format_one(last)}"


def _format_one(value: PartialDate) -> str:
    if value.precision == "year":
        return f"{value.first.year}"
    if value.precision == "month":
        return f"{value.first:%B} {value.first.year}"
    return f"{value.first.day} {value.first:%B} {value.first.year}"
