"""The evidence apparatus of the second page (`report/evidence.html`): one anchored entry per
value of the fact tables, with every source that states it (tier, how it was read, where in the
source, the quoted sentence, the verdict) and the disagreements recorded on it. The tables of the
report link each value here (`prose.fact_table`), and each reference names and links the values
it backs.
"""

from __future__ import annotations

import html

import pandas as pd

from belarus_ip_report.chapters.prose import anchor_of, foreign, marked
from belarus_ip_report.curated.labels_ru import READ_WORDS_RU, TIERS_RU, VERDICTS_RU
from belarus_ip_report.curated.tables import load_table
from belarus_ip_report.publishing.translation import translations

READ_WORDS = {"original": "read at the original", "web_archive": "read in a web archive",
              "third_party_copy": "read only through a third party's copy"}


def read_words(lang: str = "en") -> dict[str, str]:
    """How the project read a source, in words."""
    return READ_WORDS_RU if lang == "ru" else READ_WORDS


def tier_words(lang: str = "en") -> dict[str, str]:
    """A source's tier, as the page names it: the data's own word, or its Russian label."""
    return TIERS_RU if lang == "ru" else {tier: tier for tier in TIERS_RU}


def verdict_words(lang: str = "en") -> dict[str, str]:
    return VERDICTS_RU if lang == "ru" else {verdict: verdict for verdict in VERDICTS_RU}


def evidence_entries(lang: str = "en") -> list[dict[str, str]]:
    """One entry per value (table, row, column), in table, row and column order. On the
    Russian page, what the sources and the curators wrote (quotes, locators, notes) stays in
    its language and is marked with it."""
    _ = translations(lang).gettext
    read, tiers, verdicts = read_words(lang), tier_words(lang), verdict_words(lang)
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
            quote = (f" <q>{marked(row.quote, lang)}</q>" if isinstance(row.quote, str) else "")
            note = f" {marked(row.note, lang)}" if isinstance(row.note, str) else ""
            items.append(
                f'<li><a href="#source-{html.escape(row.source_id)}">'
                f"<code>{html.escape(row.source_id)}</code></a> "
                f'<span class="tier tier-{source.tier}">{tiers[source.tier]}</span>, '
                f"{read[source.read_as]}; {marked(row.locator, lang)}:{quote} "
                f"<em>{verdicts[row.verdict]}</em>.{note}</li>")
        dispute = disputes.get((table, row_key, column))
        disputed = ""
        if dispute is not None:
            claims = "; ".join(f"{marked(c.claim, lang)} [<code>{html.escape(c.source_id)}</code>]"
                               for c in dispute.itertuples(index=False))
            first = dispute.iloc[0]
            reason = first["reason_ru"] if lang == "ru" else first["reason"]
            disputed = ('<p class="disputed-note">† ' + _(
                "Sources disagree: %(claims)s. Used: %(value)s, because %(reason)s") % {
                "claims": claims, "value": marked(str(first["value_used"]), lang),
                "reason": marked(str(reason), lang)} + "</p>")
        entries.append({
            "anchor": "ev/" + anchor_of(table, row_key, column),
            "row_anchor": anchor_of(table, row_key),
            "title": f"{table} › {row_key} › {column}",
            "value": str(rows["value"].iloc[0]),
            "value_lang": foreign(str(rows["value"].iloc[0]), lang),
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
            f'<a href="#{html.escape(target)}"><code>{html.escape(row.table)} › '
            f"{html.escape(row.row_key)} › {html.escape(row.column)}</code></a>")
    return {source: ", ".join(items) for source, items in links.items()}


def parties_backed(parties: pd.DataFrame) -> dict[str, int]:
    """Rows of treaty_parties per source: the snapshot pages back the whole table."""
    return parties.groupby("source_id").size().astype(int).to_dict()
