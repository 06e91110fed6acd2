"""The WIPO chapter's tables for readers: Belarus's status per treaty, Belarus among its
peers, the coming changes, and the counts sources state beside the computed ones. Each reads the
model only."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pandas as pd

from belarus_ip_report.chapters.prose import fact_table, people_dates, source_list
from belarus_ip_report.chapters.wipo_treaties.fields import FIELDS
from belarus_ip_report.foundation.dates import format_for_people

if TYPE_CHECKING:
    from belarus_ip_report.chapters.wipo_treaties.model import WipoTreaties

STATUS_WORDS = {"party": "Party", "signatory": "Signed, not ratified",
                "not_party": "Not a party"}
INSTRUMENT_WORDS = {"accession": "accession", "ratification": "ratification",
                    "continued_application": "continued application", "signature": "signature",
                    "succession": "succession", "acceptance": "acceptance",
                    "approval": "approval", "declaration": "declaration", "other": "other"}

def status_table(m: WipoTreaties, party: bool) -> pd.DataFrame:
    """Belarus's status in the treaties it is party to (`party`) or not, grouped by field and
    sorted by date, for readers."""
    chosen = m.treaties[m.treaties["belarus_status"].eq("party") == party]
    order = {field: i for i, field in enumerate(FIELDS)}
    table = chosen.assign(_order=chosen["field"].map(order)).sort_values(
        ["_order", "adopted", "short_name"], kind="stable", na_position="last")
    return fact_table(pd.DataFrame({
        "Field": table["field"].map(lambda f: FIELDS[f].label),
        "Treaty": table["short_name"],
        "Adopted": people_dates(table, "adopted", missing="not found"),
        "In force": people_dates(table, "in_force", missing="not yet"),
        "Parties": table["parties_count"],
        "Belarus": table["belarus_status"].map(STATUS_WORDS),
        "Instrument": table["belarus_instrument"].map(INSTRUMENT_WORDS).fillna("—"),
        "In force for Belarus": people_dates(table, "belarus_in_force", missing="—"),
        "Sources": source_list(table["source_ids"]),
    }).reset_index(drop=True), "wipo_treaties", table["treaty_id"],
        {"Adopted": "adopted", "In force": "in_force", "Belarus": "belarus_status",
         "Instrument": "belarus_instrument", "In force for Belarus": "belarus_in_force"},
        disputed=m.disputed)


def peer_table(m: WipoTreaties) -> pd.DataFrame:
    """Belarus and its peers: how many of the administered treaties each is party to on the
    model's date, and the latest it joined."""
    summary = m.peer_summary
    return pd.DataFrame({
        "Country": summary["peer"],
        "Treaties in force": [f"{n} of {of}" for n, of in zip(summary["treaties"],
                                                              summary["of"], strict=True)],
        "Latest treaty": summary["latest"].fillna("—"),
        "In force since": people_dates(summary, "latest_in_force", missing="—"),
    })


def coming_table(m: WipoTreaties) -> pd.DataFrame:
    """Instruments deposited by the model's date that take effect after it."""
    coming = m.coming
    short = m.treaties.set_index("treaty_id")["short_name"]
    return fact_table(pd.DataFrame({
        "Takes effect": people_dates(coming, "effective"),
        "Treaty": coming["treaty_id"].map(short).fillna(coming["treaty_id"]),
        "Party": coming["party"],
        "Change": coming["change"].map({"entry_into_force": "enters into force",
                                        "withdrawal": "withdrawal takes effect"}),
        "Deposited": people_dates(coming, "deposited", missing="—"),
        "Source": coming["source_id"],
    }), "treaty_parties", [f"{t} {p}" for t, p in zip(coming["treaty_id"], coming["party"],
                                                       strict=True)], sources="Source")


def claims_table(m: WipoTreaties) -> pd.DataFrame:
    """Counts that sources state, beside the count the dated rows give on the same day."""
    c = m.claims
    described = m.key_figures.set_index("figure_id")["description"]
    return fact_table(pd.DataFrame({
        "What a source says": c["figure_id"].map(described),
        "Stated": c["stated"],
        "On": [("undated: compared on " + format_for_people(day)) if undated
               else format_for_people(when) for when, day, undated
               in zip(c["as_of"], c["compared_on"], c["undated"], strict=True)],
        "Counted from the dated rows": c["computed"],
        "Agrees": c["agrees"].map({True: "yes", False: "no"}),
        "Sources": source_list(c["source_ids"]),
    }), "key_figures", c["figure_id"], {"Stated": "value"}, disputed=m.disputed)


def peer_matrix(m: WipoTreaties) -> pd.DataFrame:
    """Which treaty is in force for Belarus and each peer, and since which year: one row per
    treaty WIPO administers, one column per country ('—': not in force for it)."""
    from belarus_ip_report.chapters.peers import COMPARED

    years = m.peers.assign(year=[d.year for d in m.peers["in_force"]]).pivot_table(
        index="treaty_id", columns="peer", values="year", aggfunc="first")
    order = m.treaties.sort_values(["adopted", "treaty_id"], kind="stable")
    out = pd.DataFrame({"Treaty": order["short_name"].to_numpy()})
    for peer in COMPARED:
        column = years[peer.label] if peer.label in years.columns else pd.Series(dtype=float)
        out[peer.label] = [("—" if pd.isna(v) else str(int(v)))
                           for v in order["treaty_id"].map(column)]
    return out
