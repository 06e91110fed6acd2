"""The WIPO chapter's words: field and group labels, the status table for readers.
"""

from __future__ import annotations

import pandas as pd

from ..dates import format_for_people

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
        "Adopted": table["adopted"].map(lambda v: format_for_people(v) if isinstance(v, str)
                                        else "not found"),
        "In force": table["in_force"].map(lambda v: format_for_people(v) if isinstance(v, str)
                                          else "not yet"),
        "Belarus": status,
        "Instrument": instrument.fillna("—"),
        "In force for Belarus": table["belarus_in_force"].map(
            lambda v: format_for_people(v) if isinstance(v, str) else "—"),
        "Sources": table["source_ids"].str.replace(";", "; "),
    }).reset_index(drop=True)
