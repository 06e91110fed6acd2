"""The WIPO chapter's words: field and group labels, the status table for readers.
"""

from __future__ import annotations

import pandas as pd

from belarus_ip_report.chapters.prose import count_of, escape, in_words, people_dates

FIELD_LABELS = {
    "industrial_property": "Industrial property",
    "copyright_and_related_rights": "Copyright and related rights",
    "wipo_convention": "WIPO Convention",
}


GROUP_LABELS = {
    "ip_protection": "IP protection",
    "global_protection_system": "Global protection system",
    "classification": "Classification",
    "wipo_convention": "WIPO Convention",
}


def status_table(treaties: pd.DataFrame) -> pd.DataFrame:
    """Belarus's status in every treaty, grouped by field and sorted by date, for readers."""
    order = {field: i for i, field in enumerate(FIELD_LABELS)}
    table = treaties.assign(_order=treaties["field"].map(order)).sort_values(
        ["_order", "adopted", "short_name"], kind="stable", na_position="last")
    status = table["belarus_status"].map({
        "party": "Party", "signatory": "Signed, not ratified", "not_party": "Not a party",
        "unverified": "Not shown as a party (unverified)"})
    instrument = table["belarus_instrument"].map({
        "accession": "accession", "ratification": "ratification",
        "continued_application": "continued application", "signature": "signature"})
    return pd.DataFrame({
        "Field": table["field"].map(FIELD_LABELS),
        "Treaty": table["short_name"],
        "Adopted": people_dates(table, "adopted", missing="not found"),
        "In force": people_dates(table, "in_force", missing="not yet"),
        "Belarus": status,
        "Instrument": instrument.fillna("—"),
        "In force for Belarus": people_dates(table, "belarus_in_force", missing="—"),
        "Sources": table["source_ids"].str.replace(";", "; "),
    }).reset_index(drop=True)


def joining_paragraph(convention: pd.Series, moments: dict[str, tuple[int, int, str]],
                      joined: pd.Series) -> str:
    """How Belarus came into the treaty system: WIPO membership, the treaties continued from
    the USSR, then those it joined itself, counted per decade (`wipo.joined_per_decade`)."""
    membership_year, _, convention_name = moments["membership"]
    _, _, continued = moments["continued"]
    newest_year, _, newest_name = moments["newest"]
    from_start = convention["belarus_in_force"] == convention["in_force"]
    entry = (f"when the {escape(convention_name)} came into force with the Byelorussian SSR "
             f"among its first members" if from_start
             else f"when the Byelorussian SSR joined the {escape(convention_name)}")
    waves = in_words([f"{number} in the {decade}s" for decade, number in joined.items()])
    return (
        f"Belarus entered the system in {membership_year}, {entry}. After independence it "
        f"declared that it continued to apply {continued} the Soviet Union had joined, then "
        f"joined {count_of(int(joined.sum()), 'more treaty', 'more treaties')} in waves: "
        f"{waves}; the latest, the {escape(newest_name)}, in {newest_year}."
    )
