"""Belarus in the treaty system: its treaties, when and how it joined, how long it took, and
its cooperation with WIPO. Pure functions of `treaties_on` frames (pandas in, pandas out)."""

from __future__ import annotations

from datetime import date, timedelta

import pandas as pd

from belarus_ip_report.foundation.dates import first_day, first_days, years_between, years_of


def continuity_date(treaties: pd.DataFrame) -> date:
    """The day WIPO's tables date Belarus's continued application of the treaties the USSR had
    joined from (the earliest such entry into force for Belarus); the chapter uses it as the
    start of independent Belarus."""
    parties = treaties[treaties["belarus_status"] == "party"]
    continued = parties[parties["belarus_instrument"] == "continued_application"]
    return min(first_days(continued["belarus_in_force"]).dropna())


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


def cooperation_events(events: pd.DataFrame) -> pd.DataFrame:
    """Belarus–WIPO events beyond membership itself (visits, agreements, treaty steps),
    oldest first."""
    later = events[events["category"] != "membership"]
    return later.sort_values(["date", "event_id"], kind="stable").reset_index(drop=True)
