"""Letters of one script that look like letters of another: 'Belаrus' with a Cyrillic 'а' reads
as 'Belarus' but is another key, which no join and no search finds.

No maintained confusables library is in the lock, so this is a small hand-written map of the
Cyrillic and Greek letters that look like Latin ones (after Unicode's confusables.txt, UTS #39,
restricted to these three scripts). A value's *skeleton* maps each such letter to its Latin
look-alike, then ignores case and runs of white space: two values with one skeleton and
different letters look the same to a reader. Standard library only.
"""

from __future__ import annotations

import re
import unicodedata

#: Cyrillic and Greek letters (capital and small) and the Latin letter each looks like.
LATIN_LOOK_ALIKES = {
    # Cyrillic capitals
    "А": "A", "В": "B", "Е": "E", "Ѕ": "S", "І": "I", "Ј": "J", "К": "K", "М": "M", "Н": "H",
    "О": "O", "Р": "P", "С": "C", "Т": "T", "У": "Y", "Х": "X", "Ү": "Y", "Һ": "h", "Ԁ": "d",
    "Ԛ": "Q", "Ԝ": "W", "Ӏ": "I",
    # Cyrillic small letters
    "а": "a", "в": "b", "е": "e", "ѕ": "s", "і": "i", "ј": "j", "к": "k", "м": "m", "н": "h",
    "о": "o", "р": "p", "с": "c", "т": "t", "у": "y", "х": "x", "ү": "y", "һ": "h", "ԁ": "d",
    "ԛ": "q", "ԝ": "w", "ӏ": "l", "ё": "ë", "ї": "ï",
    # Greek capitals
    "Α": "A", "Β": "B", "Ε": "E", "Ζ": "Z", "Η": "H", "Ι": "I", "Κ": "K", "Μ": "M", "Ν": "N",
    "Ο": "O", "Ρ": "P", "Τ": "T", "Υ": "Y", "Χ": "X",
    # Greek small letters
    "α": "a", "ι": "i", "κ": "k", "ν": "v", "ο": "o", "ρ": "p", "τ": "t", "υ": "u", "χ": "x",
    "γ": "y", "ϲ": "c", "ϳ": "j",
}

SCRIPTS = ("LATIN", "CYRILLIC", "GREEK")
WORD = re.compile(r"[^\W\d_]+")


def script_of(character: str) -> str | None:
    """'LATIN', 'CYRILLIC' or 'GREEK' for a letter of those scripts; None for anything else."""
    first = unicodedata.name(character, "").split(" ", 1)[0]
    return first if first in SCRIPTS else None


def skeleton(value: str) -> str:
    """What a reader sees: look-alike letters as their Latin twin, case and spacing ignored."""
    mapped = "".join(LATIN_LOOK_ALIKES.get(ch, ch) for ch in unicodedata.normalize("NFC", value))
    return " ".join(mapped.casefold().split())


def describe(character: str) -> str:
    """'U+0430 CYRILLIC SMALL LETTER A'."""
    return f"U+{ord(character):04X} {unicodedata.name(character, 'unnamed character')}"


def mixed_script_word(value: str) -> tuple[str, list[str]] | None:
    """The first word of `value` that mixes Latin, Cyrillic and Greek letters, with the letters
    of the scripts in the minority (what a reader would not notice); None if there is none."""
    if value.isascii():
        return None
    for word in WORD.findall(value):
        scripts = [script_of(ch) for ch in word]
        found = {script for script in scripts if script}
        if len(found) > 1:
            main = max(sorted(found), key=scripts.count)
            odd = [ch for ch, script in zip(word, scripts, strict=True)
                   if script and script != main]
            return word, sorted(set(odd), key=odd.index)
    return None


def differing_letters(value: str, other: str) -> list[str]:
    """The letters of `value` that make it differ from `other`, its look-alike."""
    found = [ch for ch in value if ch in LATIN_LOOK_ALIKES and ch not in other]
    return sorted(set(found), key=found.index) or [ch for ch in value if ch not in other][:3]


def look_alike_groups(values: dict[str, int]) -> list[tuple[str, str]]:
    """Pairs (later, earlier) of distinct values, by first position, with one skeleton but not
    merely a difference of case or spacing (a duplicate-key check reports those)."""
    first: dict[str, str] = {}
    pairs = []
    for value in sorted(values, key=values.get):
        shape = skeleton(value)
        if shape not in first:
            first[shape] = value
            continue
        earlier = first[shape]
        if " ".join(earlier.casefold().split()) != " ".join(value.casefold().split()):
            pairs.append((value, earlier))
    return pairs
