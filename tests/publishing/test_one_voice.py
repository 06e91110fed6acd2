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
