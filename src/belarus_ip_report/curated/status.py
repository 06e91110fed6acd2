"""Status on a date, by one rule stated once: every count the report gives is computed here.

**The rule.** A membership (a treaty party, a WIPO member state, a WTO member) counts on a day
when it is *in force* on that day: its entry into force is on or before the day, and it has not
been withdrawn with effect on or before it. A date that a source gives only to the month or the
year counts from its *last* possible day, so a count never includes a membership that may not
yet have begun. A deposited instrument that is not yet in force does not count: it is a coming
change (`coming_changes`).

Counts that sources state are dated claims (`key_figures`); `stated_against_computed` sets each
beside the count this rule gives for the same day, so a difference is shown, not hidden.
"""

from __future__ import annotations

from datetime import date

import pandas as pd

from belarus_ip_report.foundation.dates import PartialDate


def known(value: object) -> bool:
    """A date cell that holds a date (an empty cell is None, or NaN in a column pandas made)."""
    return isinstance(value, PartialDate)


def on_or_before(value: object, day: date) -> bool:
    """The date certainly fell on or before `day` (its last possible day did)."""
    return known(value) and value.last <= day


def in_force_on(entry: PartialDate | None, day: date,
                withdrawn: PartialDate | None = None) -> bool:
    """The rule, for one membership."""
    return on_or_before(entry, day) and not on_or_before(withdrawn, day)


def last_days(values: pd.Series) -> pd.Series:
    """Each date's last possible day (NaT where there is none), for comparing many at once."""
    return pd.Series(pd.to_datetime([d.last if known(d) else None for d in values]),
                     index=values.index)


def in_force_mask(frame: pd.DataFrame, day: date, entry: str = "in_force",
                  withdrawn: str | None = "withdrawal_effective") -> pd.Series:
    """Which rows of `frame` are in force on `day` (the rule of `in_force_on`, row by row)."""
    moment = pd.Timestamp(day)
    began = last_days(frame[entry]) <= moment
    if withdrawn is None:
        return began.astype(bool)
    return (began & ~(last_days(frame[withdrawn]) <= moment)).astype(bool)


def parties_on(parties: pd.DataFrame, day: date) -> pd.DataFrame:
    """Rows of `treaty_parties` in force on `day`."""
    return parties[in_force_mask(parties, day)]


def party_counts(parties: pd.DataFrame, day: date) -> pd.Series:
    """Contracting parties per treaty on `day` (0 for a treaty with none), by treaty_id."""
    ids = pd.Index(sorted(parties["treaty_id"].unique()), name="treaty_id")
    counted = parties_on(parties, day).groupby("treaty_id").size()
    return counted.reindex(ids, fill_value=0).astype(int).rename("parties")


def deposited_counts(parties: pd.DataFrame, day: date) -> pd.Series:
    """Instruments deposited per treaty by `day` and not withdrawn by then, in force or not:
    for a treaty not yet in force, how far it is from entering into force."""
    ids = pd.Index(sorted(parties["treaty_id"].unique()), name="treaty_id")
    made = parties["deposited"].map(lambda d: on_or_before(d, day)) & ~parties[
        "withdrawal_effective"].map(lambda d: on_or_before(d, day))
    return parties[made].groupby("treaty_id").size().reindex(ids, fill_value=0).astype(int)


def party_count(parties: pd.DataFrame, treaty_id: str, day: date) -> int:
    of_treaty = parties[parties["treaty_id"] == treaty_id]
    return int(in_force_mask(of_treaty, day).sum())


def treaties_of(parties: pd.DataFrame, party: str, day: date) -> pd.DataFrame:
    """The treaties in force for `party` on `day`, one row each."""
    own = parties[parties["party"] == party]
    return own[in_force_mask(own, day)]


def coming_changes(parties: pd.DataFrame, day: date) -> pd.DataFrame:
    """Instruments deposited on or before `day` whose entry into force (or withdrawal) is after
    it: what changes next, as the record stood on `day`. Empty when none is known."""
    deposited = parties["deposited"].map(lambda d: on_or_before(d, day))
    pending_entry = parties["in_force"].map(lambda d: known(d) and d.last > day)
    pending_exit = parties["withdrawal_effective"].map(lambda d: known(d) and d.last > day)
    rows = parties[(deposited & pending_entry) | pending_exit].copy()
    rows["change"] = ["withdrawal" if exit_ else "entry_into_force"
                      for exit_ in pending_exit[rows.index]]
    rows["effective"] = [w if c == "withdrawal" else e for c, e, w in
                         zip(rows["change"], rows["in_force"], rows["withdrawal_effective"],
                             strict=True)]
    return rows.sort_values(["effective", "treaty_id", "party"], kind="stable",
                            ignore_index=True)


def growth(parties: pd.DataFrame, years: range) -> pd.DataFrame:
    """Contracting parties per treaty at the end of each year (a wide frame: one column per
    treaty_id, one row per year)."""
    return pd.DataFrame({year: party_counts(parties, date(year, 12, 31)) for year in years}
                        ).T.rename_axis("year").rename_axis(None, axis=1)


def members_on(members: pd.DataFrame, day: date, entry: str = "membership_date") -> int:
    """Members of an organisation on `day` (rows with a date of membership in force)."""
    return int(in_force_mask(members, day, entry, withdrawn=None).sum())


def acceding_on(accessions: pd.DataFrame, day: date) -> pd.DataFrame:
    """Governments acceding on `day`: their application or their working party dates from on or
    before it (some applications are undated), and they were not yet members on it."""
    begun = (accessions["application_date"].map(lambda d: on_or_before(d, day))
             | accessions["working_party_established"].map(lambda d: on_or_before(d, day)))
    member = in_force_mask(accessions, day, "membership_date", withdrawn=None)
    return accessions[begun & ~member]
