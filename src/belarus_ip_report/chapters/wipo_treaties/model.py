"""The WIPO chapter's numbers: how the treaty system grew, and where Belarus stands in it.

Every series is computed from `wipo_treaties` (and `belarus_wipo_events`); pandas in,
pandas out: no drawing, no prose.
"""

from __future__ import annotations

from datetime import date, timedelta

import pandas as pd

from belarus_ip_report.curated.vocabularies import FIELDS
from belarus_ip_report.foundation.dates import first_day, first_days, years_between, years_of


def first_year(treaties: pd.DataFrame) -> int:
    """The year the oldest dated treaty was adopted: where the treaty system's story starts."""
    return min(day.year for day in treaties["adopted"].dropna())


def continuity_date(treaties: pd.DataFrame) -> date:
    """The day WIPO's tables date Belarus's continued application of the treaties the USSR had
    joined from (the earliest such entry into force for Belarus); the chapter uses it as the
    start of independent Belarus."""
    parties = treaties[treaties["belarus_status"] == "party"]
    continued = parties[parties["belarus_instrument"] == "continued_application"]
    return min(first_days(continued["belarus_in_force"]).dropna())



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


def belarus_parties(treaties: pd.DataFrame) -> pd.DataFrame:
    return treaties[treaties["belarus_status"] == "party"]


def belarus_participation(treaties: pd.DataFrame, as_of: date, first_year: int | None = None
                          ) -> pd.DataFrame:
    """Per year: treaties in force for Belarus (where the date is known) against all in force."""
    belarus_dates = first_days(belarus_parties(treaties)["belarus_in_force"]).dropna()
    in_force = first_days(treaties["in_force"]).dropna()
    if first_year is None:  # the year the first treaty entered into force for Belarus
        first_year = min(d.year for d in belarus_dates)
    rows = []
    for year in range(first_year, as_of.year + 1):
        end = min(date(year, 12, 31), as_of)
        rows.append({
            "year": year,
            "in_force_for_belarus": int(belarus_dates.le(end).sum()),
            "in_force_worldwide": int(in_force.le(end).sum()),
        })
    return pd.DataFrame(rows)


def accession_lag(treaties: pd.DataFrame) -> pd.DataFrame:
    """Years from when Belarus could have joined to when the treaty entered into force for it.

    The clock starts at the treaty's entry into force, or on `continuity_date` for treaties
    older than independent Belarus (or with no known date). A Belarus date on or before that
    start (an original party, continued application) counts as zero: joined from the start.
    """
    continuity = continuity_date(treaties)
    parties = belarus_parties(treaties).dropna(subset=["belarus_in_force"])
    rows = []
    for treaty in parties.itertuples(index=False):
        treaty_start = first_day(treaty.in_force)
        belarus_start = first_day(treaty.belarus_in_force)
        counted_from = max(treaty_start or continuity, continuity)
        rows.append({
            "treaty": treaty.short_name,
            "field": treaty.field,
            "counted_from": counted_from,
            "belarus_in_force": treaty.belarus_in_force,
            "lag_years": round(max(years_between(counted_from, belarus_start), 0), 1),
            "from_the_start": belarus_start <= counted_from,
        })
    return pd.DataFrame(rows).sort_values(["lag_years", "treaty"], kind="stable",
                                          ignore_index=True)


def not_joined(treaties: pd.DataFrame) -> pd.DataFrame:
    out = treaties[treaties["belarus_status"] != "party"]
    return out[["short_name", "field", "adopted", "in_force", "belarus_status"]].reset_index(
        drop=True)


def headline(treaties: pd.DataFrame, as_of: date) -> dict[str, object]:
    administered = treaties[treaties["adopted"].isna() | first_days(treaties["adopted"]).le(as_of)]
    parties = belarus_parties(administered)
    dated = parties.dropna(subset=["belarus_in_force"])
    newest = dated.loc[dated["belarus_in_force"].idxmax()]
    return {
        "administered": len(administered),
        "in_force": int(administered["in_force"].notna().sum()),
        "belarus_parties": len(parties),
        "belarus_parties_dated": len(dated),
        "share": len(parties) / len(administered),
        "newest_name": newest["short_name"],
        "newest_date": newest["belarus_in_force"],
        "signatory_only": administered.loc[administered["belarus_status"] == "signatory",
                                           "short_name"].tolist(),
    }


def parties_before(treaties: pd.DataFrame, day: date) -> int:
    """Treaties Belarus is party to, leaving out those that entered into force for it after `day`.

    Treaties whose date for Belarus is unknown are counted: all of them predate 2021.
    """
    parties = belarus_parties(treaties)
    later = first_days(parties["belarus_in_force"]).dropna().gt(day)
    return len(parties) - int(later.sum())


def parties_before_newest_accession(treaties: pd.DataFrame) -> int:
    """How many treaties Belarus was party to the day before its newest one entered into force."""
    newest = belarus_parties(treaties)["belarus_in_force"].dropna().max()
    return parties_before(treaties, newest.first - timedelta(days=1))


def reach(treaties: pd.DataFrame) -> pd.DataFrame:
    """Contracting parties per treaty, grouped by field, largest first within each field."""
    order = {field: i for i, field in enumerate(FIELDS)}
    data = treaties.dropna(subset=["parties_count"]).assign(_order=treaties["field"].map(order))
    data = data.sort_values(["_order", "parties_count", "short_name"],
                            ascending=[True, False, True], kind="stable")
    return pd.DataFrame({
        "treaty": data["short_name"],
        "field": data["field"],
        "parties_count": data["parties_count"].astype(int),
        "parties_count_as_of": data["parties_count_as_of"],
        "belarus_party": data["belarus_status"].eq("party"),
        "source_ids": data["source_ids"],
    }).reset_index(drop=True)


#: The key figure that holds the Foreign Ministry page's count of WIPO-administered treaties.
DOCUMENT_TREATY_COUNT_FIGURE = "wipo-treaties-administered"


def document_treaty_count(key_figures: pd.DataFrame) -> int:
    """The number of treaties the Foreign Ministry's WIPO page says WIPO administers."""
    figures = key_figures.set_index("figure_id")
    return int(figures.at[DOCUMENT_TREATY_COUNT_FIGURE, "value"])


def adopted_after(treaties: pd.DataFrame, year: int) -> pd.DataFrame:
    """Treaties adopted after `year`, oldest first, with whether each is in force."""
    later = treaties[treaties["adopted"].map(lambda d: d is not None and d.year > year)]
    return later.sort_values("adopted", kind="stable").reset_index(drop=True)


def participation_moments(treaties: pd.DataFrame) -> dict[str, tuple[int, int, str]]:
    """The years the participation chart marks, from the data: Belarus's WIPO membership,
    the span of its declarations of continued application, its newest accession.
    Each is (first year, last year, a name from the data)."""
    parties = belarus_parties(treaties)
    convention = treaties.loc[treaties["wipo_group"] == "wipo_convention"].iloc[0]
    continued = parties[parties["belarus_instrument"] == "continued_application"]
    deposited = first_days(continued["belarus_deposited"]).dropna()
    effective = first_days(continued["belarus_in_force"]).dropna()
    dated = parties.dropna(subset=["belarus_in_force"])
    newest = dated.loc[dated["belarus_in_force"].idxmax()]
    membership = convention["belarus_in_force"].year
    return {
        "membership": (membership, membership, str(convention["short_name"])),
        # In force from independence, declared in the years after: the span of both.
        "continued": (min(d.year for d in [*effective, *deposited]),
                      max(d.year for d in [*effective, *deposited]),
                      f"{len(continued)} {'treaty' if len(continued) == 1 else 'treaties'}"),
        "newest": (newest["belarus_in_force"].year, newest["belarus_in_force"].year,
                   str(newest["short_name"])),
    }


def joined_per_decade(treaties: pd.DataFrame) -> pd.Series:
    """How many treaties Belarus joined itself, per decade of their entry into force for it
    (the WIPO Convention and the treaties it continued from the USSR left out), oldest first."""
    parties = belarus_parties(treaties).dropna(subset=["belarus_in_force"])
    joined = parties[(parties["belarus_instrument"] != "continued_application")
                     & (parties["wipo_group"] != "wipo_convention")]
    decades = (years_of(joined["belarus_in_force"]) // 10 * 10).rename("decade")
    return decades.value_counts().sort_index().astype(int)


def founding_convention(treaties: pd.DataFrame) -> pd.Series:
    """The WIPO Convention's row: the treaty that created WIPO."""
    return treaties.loc[treaties["wipo_group"] == "wipo_convention"].iloc[0]


def cooperation_events(events: pd.DataFrame) -> pd.DataFrame:
    """Belarus–WIPO events beyond membership itself (visits, agreements, treaty steps),
    oldest first."""
    later = events[events["category"] != "membership"]
    return later.sort_values(["date", "event_id"], kind="stable").reset_index(drop=True)
