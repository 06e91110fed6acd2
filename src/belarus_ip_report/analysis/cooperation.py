"""The Belarus–Russia chapter's numbers: IP instruments against political integration, and
Belarus's own IP law.
"""

from __future__ import annotations

import pandas as pd

from ..dates import PartialDate, parse_partial_date


def instruments(table: pd.DataFrame) -> pd.DataFrame:
    """The IP instruments (everything but the integration treaties), oldest first."""
    return table[table["kind"] != "integration_treaty"].reset_index(drop=True)


def integration_span(table: pd.DataFrame) -> tuple[PartialDate, PartialDate]:
    treaties = table[table["kind"] == "integration_treaty"]["date"].map(parse_partial_date)
    return min(treaties), max(treaties)


def years_between_instruments(items: pd.DataFrame) -> pd.Series:
    """Gaps between successive instruments, in whole years of their (first) dates."""
    years = items["date"].map(lambda v: parse_partial_date(v).first.year)
    return years.diff().dropna().astype(int)


def law_since(table: pd.DataFrame, year: int) -> pd.DataFrame:
    """Belarus's national IP acts adopted in `year` or later, oldest first."""
    national = table[(table["level"] == "national")
                     & (table["date"].str[:4].astype(int) >= year)]
    return national.sort_values("date", kind="stable").reset_index(drop=True)
