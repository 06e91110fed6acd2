"""The treaty system as a whole: how it grew, how far each treaty reaches, what WIPO
administers. Pure functions of `treaties_on` frames (pandas in, pandas out)."""

from __future__ import annotations

from datetime import date

import pandas as pd

from belarus_ip_report.curated.vocabularies import FIELDS
from belarus_ip_report.foundation.dates import first_days


def first_year(treaties: pd.DataFrame) -> int:
    """The year the oldest dated treaty was adopted: where the treaty system's story starts."""
    return min(day.year for day in treaties["adopted"].dropna())


def treaty_growth(treaties: pd.DataFrame, as_of: date) -> pd.DataFrame:
    """Per year: treaties adopted so far, by field, and how many of them are in force.

    Treaties without a known adoption date are left out of the adopted counts (see
    `undated_treaties`); they are still counted in force from their entry into force.
    """
    years = range(first_year(treaties), as_of.year + 1)
    adopted = treaties.assign(_adopted=first_days(treaties["adopted"]))
    in_force = first_days(treaties["in_force"])
    rows = []
    for year in years:
        end = min(date(year, 12, 31), as_of)
        row = {"year": year}
        for field in FIELDS:
            of_field = adopted[adopted["field"] == field]["_adopted"].dropna()
            row[field] = int((of_field <= end).sum())
        row["adopted_total"] = sum(row[field] for field in FIELDS)
        row["in_force_total"] = int(in_force.dropna().le(end).sum())
        rows.append(row)
    return pd.DataFrame(rows)


def undated_treaties(treaties: pd.DataFrame) -> list[str]:
    return treaties.loc[treaties["adopted"].isna(), "short_name"].tolist()


def years_count_held(growth: pd.DataFrame, count: int) -> tuple[int, int] | None:
    """First and last year in which the adopted total equalled `count`."""
    held = growth.loc[growth["adopted_total"] == count, "year"]
    return (int(held.min()), int(held.max())) if not held.empty else None


def reach(treaties: pd.DataFrame) -> pd.DataFrame:
    """Contracting parties per treaty on the model's date (`treaties_on` counts them), grouped
    by field, largest first within each field."""
    order = {field: i for i, field in enumerate(FIELDS)}
    data = treaties.assign(_order=treaties["field"].map(order))
    data = data.sort_values(["_order", "parties_count", "short_name"],
                            ascending=[True, False, True], kind="stable")
    return pd.DataFrame({
        "treaty": data["short_name"],
        "field": data["field"],
        "parties_count": data["parties_count"].astype(int),
        "in_force": data["in_force"].notna(),
        "instruments_deposited": data["instruments_deposited"].astype(int),
        "belarus_party": data["belarus_status"].eq("party"),
        "source_ids": data["source_ids"],
    }).reset_index(drop=True)


def adopted_after(treaties: pd.DataFrame, year: int) -> pd.DataFrame:
    """Treaties adopted after `year`, oldest first, with whether each is in force."""
    later = treaties[treaties["adopted"].map(lambda d: d is not None and d.year > year)]
    return later.sort_values("adopted", kind="stable").reset_index(drop=True)


def founding_convention(treaties: pd.DataFrame) -> pd.Series:
    """The WIPO Convention's row: the treaty that created WIPO."""
    return treaties.loc[treaties["wipo_group"] == "wipo_convention"].iloc[0]
