"""Checks on a passage's Russian edition, shared by the chapters' tests: the Latin-letter words
left in it (apart from link targets, character references and names the test allows), and the
numbers it states, in order, to compare with the English."""

from __future__ import annotations

import re

#: What is not reader text: Markdown link targets, character references, inline code.
NOT_WORDS = re.compile(r"\]\([^)]*\)|&#\d+;|`[^`]*`")


def latin_words(russian: str, allowed: set[str] = frozenset()) -> set[str]:
    """The words in Latin letters in `russian` that are not in `allowed` (Roman numerals, as
    Russian writes them too, 'раздел XXIII', are not words)."""
    text = russian
    for name in sorted(allowed, key=len, reverse=True):
        text = text.replace(name, " ")
    text = NOT_WORDS.sub(" ", text)
    return {word for word in re.findall(r"[A-Za-z][A-Za-z'’]*", text)
            if not re.fullmatch(r"[IVXLCDM]+", word)}


def numbers(text: str) -> list[str]:
    """The digit runs of a passage in order, character references left out ('11.7' and
    '11,7' both give '11', '7'; '1 234' with a no-break space gives '1', '234', as '1,234'
    does; the escaped 'No&#46; 137' gives '137', as '№ 137' does)."""
    return re.findall(r"\d+", re.sub(r"&#\d+;", " ", text))
