"""The built page speaks with one voice: nothing written for maintainers reaches it, and a
count the page states in its own words has one value everywhere."""

from __future__ import annotations

import html
import re

import pytest

from belarus_ip_report.curated.tables import load_table
from belarus_ip_report.foundation import paths

#: Phrases of working notes: instructions to whoever maintains the data, not to readers.
MAINTAINER_PHRASES = ("check the live", "check the a1_", "do not state", "todo", "fixme")


@pytest.fixture(scope="module")
def page_text() -> str:
    raw = (paths.REPORT / "index.html").read_text(encoding="utf-8")
    return html.unescape(re.sub(r"<[^>]+>", " ", raw))


def test_no_maintainer_note_reaches_the_page(page_text):
    notes = load_table("discrepancies")["maintainer_note"].dropna()
    assert len(notes), "the data holds maintainer notes: this test must see some"
    for note in notes:
        assert note not in page_text
    lowered = page_text.lower()
    assert [p for p in MAINTAINER_PHRASES if p in lowered] == []


#: Quantities the page states in its own voice, each found by the phrases that state it. A
#: sentence that attributes a figure to a source ("says", "reports", "according to") is a
#: quoted claim, not the page's own value, and is left out.
QUANTITIES = {
    "treaties WIPO administers": [r"WIPO administers (?:\*\*)?(\d+)",
                                  r"of the (\d+) treaties\s+WIPO administers"],
    "Belarus's WIPO treaties": [r"Belarus is (?:a )?party to (?:\*\*)?(\d+)",
                                r"rows give (?:\*\*)?(\d+)\s+WIPO-administered treaties"],
    "governments acceding to the WTO": [r"(\d+) governments are still\s+acceding",
                                        r"(\d+) governments in\s+the table are still acceding"],
    "WTO members today": [r"first day to\s+(\d+)"],
}
ATTRIBUTION = re.compile(r"\b(says|said|say|reports|reported|according to|states|stated|quote)\b",
                         re.IGNORECASE)


def own_voice_sentences() -> list[str]:
    raw = (paths.REPORT / "index.html").read_text(encoding="utf-8")
    blocks = re.findall(r"<(p|li)\b[^>]*>(.*?)</\1>", raw, flags=re.S)
    text = " ".join(html.unescape(re.sub(r"<[^>]+>", "", body)) for _, body in blocks)
    sentences = re.split(r"(?<=[.;])\s+", " ".join(text.split()))
    return [s for s in sentences if not ATTRIBUTION.search(s)]


def test_every_quantity_the_page_states_has_one_value():
    sentences = own_voice_sentences()
    for quantity, patterns in QUANTITIES.items():
        found = {int(m) for s in sentences for p in patterns for m in re.findall(p, s)}
        assert len(found) == 1, f"{quantity}: {sorted(found)}"
