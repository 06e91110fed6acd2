"""The evidence apparatus of the second page (`report/evidence.html`): one anchored entry per
value of the fact tables, with every source that states it (tier, how it was read, where in the
source, the quoted sentence, the verdict) and the disagreements recorded on it. The tables of the
report link each value here (`prose.fact_table`), and each reference names and links the values
it backs.
"""

from __future__ import annotations

import html

import pandas as pd

from belarus_ip_report.chapters.prose import anchor_of
from belarus_ip_report.curated.tables import load_table

READ_WORDS = {"original": "read at the original", "web_archive": "read in a web archive",
              "third_party_copy": "read only through a third party's copy"}


def evidence_entries() -> list[dict[str, str]]:
    """One entry per value (table, row, column), in table, row and column order."""
    evidence = load_table("evidence")
    sources = load_table("sources").set_index("source_id")
    disagreements = load_table("discrepancies")
    disputes = {key: group for key, group in disagreements.groupby(["table", "row_key", "column"])}
    entries = []
    for (table, row_key, column), rows in evidence.groupby(["table", "row_key", "column"],
                                                           sort=True):
        items = []
        for row in rows.itertuples(index=False):
            source = sources.loc[row.source_id]
            quote = (f" <q>{html.escape(row.quote)}</q>" if isinstance(row.quote, str) else "")
            note = f" {html.escape(row.note)}" if isinstance(row.note, str) else ""
            items.append(
                f'<li><a href="#source-{html.escape(row.source_id)}">'
                f"{html.escape(row.source_id)}</a> "
                f'<span class="tier tier-{source.tier}">{source.tier}</span>, '
                f"{READ_WORDS[source.read_as]}; {html.escape(row.locator)}:{quote} "
                f"<em>{row.verdict}</em>.{note}</li>")
        dispute = disputes.get((table, row_key, column))
        disputed = ""
        if dispute is not None:
            claims = "; ".join(f"{html.escape(c.claim)} [{html.escape(c.source_id)}]"
                               for c in dispute.itertuples(index=False))
            first = dispute.iloc[0]
            disputed = (f'<p class="disputed-note">† Sources disagree: {claims}. Used: '
                        f"{html.escape(str(first['value_used']))}, because "
                        f"{html.escape(str(first['reason']))}</p>")
        entries.append({
            "anchor": "ev/" + anchor_of(table, row_key, column),
            "row_anchor": anchor_of(table, row_key),
            "title": f"{table} › {row_key} › {column}",
            "value": str(rows["value"].iloc[0]),
            "claims_html": "".join(items),
            "disputed": disputed,
        })
    return entries


def backs_by_source() -> dict[str, str]:
    """For each source, the values it backs, each named and linked to its evidence entry."""
    evidence = load_table("evidence").sort_values(["table", "row_key", "column"], kind="stable")
    links: dict[str, list[str]] = {}
    for row in evidence.itertuples(index=False):
        target = "ev/" + anchor_of(row.table, row.row_key, row.column)
        links.setdefault(row.source_id, []).append(
            f'<a href="#{html.escape(target)}">{html.escape(row.table)} › '
            f"{html.escape(row.row_key)} › {html.escape(row.column)}</a>")
    return {source: ", ".join(items) for source, items in links.items()}


def parties_backed(parties: pd.DataFrame) -> dict[str, int]:
    """Rows of treaty_parties per source: the snapshot pages back the whole table."""
    return parties.groupby("source_id").size().astype(int).to_dict()
