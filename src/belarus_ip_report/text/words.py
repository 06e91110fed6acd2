"""Words from computed values: lists and counts that read right for none, one and many.

Callers pass values already escaped for where the text lands (see `show.escape`).
"""

from __future__ import annotations

from collections.abc import Sequence


def in_words(items: Sequence[str], *, none: str = "none") -> str:
    """'none', 'A', 'A and B', 'A, B and C'."""
    items = [str(item) for item in items]
    if not items:
        return none
    if len(items) == 1:
        return items[0]
    return f"{', '.join(items[:-1])} and {items[-1]}"


def count_of(number: int, singular: str, plural: str | None = None) -> str:
    """'no treaties', '1 treaty', '3 treaties'."""
    plural = plural or f"{singular}s"
    if number == 0:
        return f"no {plural}"
    return f"{number} {singular if number == 1 else plural}"


def short_label(text: str, limit: int = 42) -> str:
    """`text` cut at a word to at most `limit` characters, an ellipsis marking the cut."""
    return text if len(text) <= limit else text[: limit - 1].rsplit(" ", 1)[0] + "…"
