"""The WIPO chapter's model: every number the chapter states, computed once from the tables it
declares (`TABLES`) on one date, as one frozen value the notebook, the charts and the words read.

The treaties and Belarus's place among them come from dated rows: which treaties WIPO
administered on the date (`claims.administered`), each treaty's contracting parties in force
on it and Belarus's own status (`treaties_on`, by the one rule of `curated.status`). Built on
another date, every count is that date's.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

import pandas as pd

from belarus_ip_report.chapters.peers import COMPARED
from belarus_ip_report.chapters.wipo_treaties import TABLES, belarus, system
from belarus_ip_report.curated import claims, status

BELARUS = claims.BELARUS

#: The key figures of the Foreign Ministry's WIPO page that the chapter quotes, by id.
MINISTRY_FIGURES = {
    "administered": "wipo-treaties-administered",
    "industrial_property": "wipo-treaties-industrial-property",
    "copyright": "wipo-treaties-copyright",
    "belarus": "belarus-wipo-conventions",
    "belarus_geneva": "belarus-wipo-conventions-geneva",
}

def treaties_on(treaties: pd.DataFrame, parties: pd.DataFrame, day: date) -> pd.DataFrame:
    """The treaties WIPO administered on `day`, each with its entry into force (if by then),
    its contracting parties in force on `day`, and Belarus's status, instrument and dates as
    the dated rows give them on `day` (signatory: signed, not in force for Belarus)."""
    out = claims.administered({"wipo_treaties": treaties}, day).copy()
    out["in_force"] = [d if status.on_or_before(d, day) else None for d in out["in_force"]]
    counts = status.party_counts(parties, day)
    out["parties_count"] = out["treaty_id"].map(counts).fillna(0).astype(int)
    deposited = status.deposited_counts(parties, day)
    out["instruments_deposited"] = out["treaty_id"].map(deposited).fillna(0).astype(int)
    own = parties[parties["party"] == BELARUS].set_index("treaty_id")
    rows = [own.loc[t] if t in own.index else None for t in out["treaty_id"]]
    joined = [r is not None and status.in_force_on(r["in_force"], day, r["withdrawal_effective"])
              for r in rows]
    signed = [r is not None and status.on_or_before(r["signed"], day) for r in rows]
    out["belarus_status"] = ["party" if j else "signatory" if s else "not_party"
                             for j, s in zip(joined, signed, strict=True)]
    out["belarus_instrument"] = [r["instrument"] if j else None
                                 for r, j in zip(rows, joined, strict=True)]
    out["belarus_deposited"] = [r["deposited"] if j else None
                                for r, j in zip(rows, joined, strict=True)]
    out["belarus_in_force"] = [r["in_force"] if j else None
                               for r, j in zip(rows, joined, strict=True)]
    return out.reset_index(drop=True)


def peer_treaties(parties: pd.DataFrame, treaties: pd.DataFrame, day: date) -> pd.DataFrame:
    """For Belarus and each peer, every administered treaty in force for it on `day`, with the
    year it entered into force for it: one row per peer and treaty."""
    administered = claims.administered({"wipo_treaties": treaties}, day)
    names = {peer.wipo_name: peer.label for peer in COMPARED}
    rows = parties[parties["party"].isin(names) & parties["treaty_id"].isin(
        administered["treaty_id"])]
    rows = rows[status.in_force_mask(rows, day)]
    short = treaties.set_index("treaty_id")["short_name"]
    return pd.DataFrame({
        "peer": rows["party"].map(names),
        "treaty_id": rows["treaty_id"],
        "treaty": rows["treaty_id"].map(short),
        "in_force": rows["in_force"],
        "source_id": rows["source_id"],
    }).sort_values(["peer", "treaty_id"], kind="stable", ignore_index=True)


def peer_summary(peers: pd.DataFrame, administered: int) -> pd.DataFrame:
    """Per peer: how many administered treaties are in force for it, and the latest."""
    rows = []
    for peer in (p.label for p in COMPARED):
        own = peers[peers["peer"] == peer]
        latest = own.loc[own["in_force"].idxmax()] if len(own) else None
        rows.append({"peer": peer, "treaties": len(own), "of": administered,
                     "latest": None if latest is None else latest["treaty"],
                     "latest_in_force": None if latest is None else latest["in_force"]})
    return pd.DataFrame(rows)


def party_growth(parties: pd.DataFrame, treaties: pd.DataFrame, first_year: int, as_of: date,
                 treaty_ids: tuple[str, ...]) -> pd.DataFrame:
    """Contracting parties of the given treaties at the end of each year (the report's date
    for the last), one column per treaty's short name: the growth of each treaty's reach,
    counted by the rule of `curated.status` (the dates are read once, then compared)."""
    short = treaties.set_index("treaty_id")["short_name"]
    treaty_ids = tuple(t for t in treaty_ids if t in short.index)
    rows_of = parties[parties["treaty_id"].isin(treaty_ids)]
    began = status.last_days(rows_of["in_force"])
    ended = status.last_days(rows_of["withdrawal_effective"])
    rows = []
    for year in range(first_year, as_of.year + 1):
        moment = pd.Timestamp(min(date(year, 12, 31), as_of))
        counted = rows_of["treaty_id"][(began <= moment) & ~(ended <= moment)].value_counts()
        rows.append({"year": year, **{short[t]: int(counted.get(t, 0)) for t in treaty_ids}})
    return pd.DataFrame(rows)


@dataclass(frozen=True)
class WipoTreaties:
    """Chapter 1's numbers on `as_of`, each computed once."""

    as_of: date
    #: The treaties WIPO administers on `as_of`, with counts and Belarus's status on that day.
    treaties: pd.DataFrame
    parties: pd.DataFrame
    events: pd.DataFrame
    key_figures: pd.DataFrame
    sources: pd.DataFrame
    headline: dict
    growth: pd.DataFrame
    participation: pd.DataFrame
    lags: pd.DataFrame
    reach: pd.DataFrame
    party_growth: pd.DataFrame
    peers: pd.DataFrame
    peer_summary: pd.DataFrame
    coming: pd.DataFrame
    claims: pd.DataFrame
    ministry: dict
    before_newest: int
    #: The values on which sources disagree (table, row key, column), as recorded.
    disputed: set

    @property
    def belarus_parties(self) -> pd.DataFrame:
        return belarus.belarus_parties(self.treaties)


#: The treaties whose growth the chapter draws: the founding conventions and the newest in
#: force, by id.
GROWTH_TREATIES = ("wipo-convention", "paris", "berne", "pct", "madrid-protocol", "marrakesh")


def build(tables: dict[str, pd.DataFrame], as_of: date) -> WipoTreaties:
    """The model from the chapter's tables, on `as_of`."""
    raw, parties = tables["wipo_treaties"], tables["treaty_parties"]
    treaties = treaties_on(raw, parties, as_of)
    figures = tables["key_figures"].set_index("figure_id")["value"]
    peers = peer_treaties(parties, raw, as_of)
    quantity_tables = {"wipo_treaties": raw, "treaty_parties": parties}
    stated = tables["key_figures"][tables["key_figures"]["quantity"].fillna("").str.startswith(
        ("wipo_", "belarus_wipo"))]
    growth = system.treaty_growth(treaties, as_of)
    return WipoTreaties(
        as_of=as_of, treaties=treaties, parties=parties, events=tables["belarus_wipo_events"],
        key_figures=tables["key_figures"], sources=tables["sources"],
        headline=belarus.headline(treaties, as_of),
        growth=growth,
        participation=belarus.belarus_participation(treaties, as_of),
        lags=belarus.accession_lag(treaties),
        reach=system.reach(treaties),
        party_growth=party_growth(parties, raw, system.first_year(treaties), as_of,
                                  GROWTH_TREATIES),
        peers=peers, peer_summary=peer_summary(peers, len(treaties)),
        coming=status.coming_changes(parties, as_of),
        claims=claims.stated_against_computed(stated, quantity_tables, as_of),
        ministry={name: int(figures[figure]) for name, figure in MINISTRY_FIGURES.items()},
        before_newest=belarus.parties_before_newest_accession(treaties),
        disputed=claims.disputed(tables["discrepancies"]),
    )


def load(as_of: date | None = None) -> WipoTreaties:
    """The model from the clean tables, on the report's date unless another is given."""
    from belarus_ip_report.curated.tables import load_table
    from belarus_ip_report.foundation import settings

    return build({name: load_table(name) for name in TABLES}, as_of or settings.AS_OF)
