"""Counts that sources state, set beside the count the dated rows give for the same day.

A key figure that counts something the tables also hold names it in its `quantity` column
(one of `QUANTITIES`). Its value is then a *dated claim*: the report never shows it in its own
voice, but compares it with the count `status` computes, by the one rule, on the claim's date
(or, for a claim its source does not date, on the report's date, and says so).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from datetime import date

import pandas as pd

from belarus_ip_report.curated import status

Tables = Mapping[str, pd.DataFrame]

#: The tables a computed quantity is counted from.
QUANTITY_TABLES = ("treaty_parties", "wipo_treaties", "wto_members", "wto_accessions")

#: The WIPO Convention's id: its parties are WIPO's member states.
WIPO_CONVENTION = "wipo-convention"
BELARUS = "Belarus"


def administered(tables: Tables, day: date) -> pd.DataFrame:
    """The treaties WIPO administered on `day`: those adopted on or before it, or, where no
    source gives the adoption, in force by then (the treaties table lists what WIPO administers
    today, and none has left its care)."""
    treaties = tables["wipo_treaties"]
    dated = treaties["adopted"].map(status.known)
    adopted = treaties["adopted"].map(lambda d: status.on_or_before(d, day))
    in_force = treaties["in_force"].map(lambda d: status.on_or_before(d, day))
    return treaties[adopted | (~dated & in_force)]


def belarus_treaties(tables: Tables, day: date) -> pd.DataFrame:
    """The administered treaties in force for Belarus on `day`."""
    joined = status.treaties_of(tables["treaty_parties"], BELARUS, day)
    return joined[joined["treaty_id"].isin(administered(tables, day)["treaty_id"])]


QUANTITIES: dict[str, tuple[str, Callable[[Tables, date], int]]] = {
    "wipo_member_states": (
        "WIPO member states (parties to the WIPO Convention in force)",
        lambda t, day: status.party_count(t["treaty_parties"], WIPO_CONVENTION, day)),
    "wipo_treaties_administered": (
        "treaties WIPO administers (adopted by the date)",
        lambda t, day: len(administered(t, day))),
    "belarus_wipo_treaties": (
        "WIPO-administered treaties in force for Belarus, the WIPO Convention included",
        lambda t, day: len(belarus_treaties(t, day))),
    "belarus_wipo_treaties_without_convention": (
        "WIPO-administered treaties in force for Belarus, the WIPO Convention left out",
        lambda t, day: int((belarus_treaties(t, day)["treaty_id"] != WIPO_CONVENTION).sum())),
    "wto_members": (
        "WTO members (with a date of membership in the members table)",
        lambda t, day: status.members_on(t["wto_members"], day)),
    "wto_acceding_governments": (
        "governments acceding to the WTO",
        lambda t, day: len(status.acceding_on(t["wto_accessions"], day))),
}


def computed(quantity: str, tables: Tables, day: date) -> int:
    return QUANTITIES[quantity][1](tables, day)


def stated_against_computed(key_figures: pd.DataFrame, tables: Tables, as_of: date
                            ) -> pd.DataFrame:
    """Every key figure that names a quantity, with the count the rule gives on its date.

    `agrees` is True when the two are equal (or, for a bound such as 'more than 30', when the
    computed count meets it); an undated claim is compared on `as_of` and marked `undated`."""
    claims = key_figures.dropna(subset=["quantity"])
    rows = []
    for claim in claims.itertuples(index=False):
        undated = claim.as_of is None
        day = as_of if undated else claim.as_of.last
        value = computed(claim.quantity, tables, day)
        agrees = {"exactly": value == claim.value, "more_than": value > claim.value,
                  "around": abs(value - claim.value) <= max(1, claim.value // 10)}[
                      claim.qualifier]
        rows.append({"figure_id": claim.figure_id, "quantity": claim.quantity,
                     "stated": int(claim.value), "qualifier": claim.qualifier,
                     "as_of": claim.as_of, "compared_on": day, "undated": undated,
                     "computed": value, "agrees": bool(agrees),
                     "source_ids": claim.source_ids})
    return pd.DataFrame(rows)


def disputed(discrepancies: pd.DataFrame) -> set[tuple[str, str, str]]:
    """The values (table, row key, column) on which sources disagree, as recorded."""
    return set(zip(discrepancies["table"], discrepancies["row_key"], discrepancies["column"],
                   strict=True))
