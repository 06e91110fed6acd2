"""Lists and counts in words: none, one and many each read as a sentence would."""

import pytest

from belarus_ip_report.chapters.prose import count_of, in_words


@pytest.mark.parametrize(("items", "expected"), [
    ([], "none"), (["Paris"], "Paris"), (["Paris", "Berne"], "Paris and Berne"),
    (["Paris", "Berne", "Rome"], "Paris, Berne and Rome"),
])
def test_in_words_handles_none_one_and_many(items, expected):
    assert in_words(items) == expected


def test_in_words_can_say_nothing_otherwise():
    assert in_words([], none="no treaty") == "no treaty"


@pytest.mark.parametrize(("number", "expected"), [
    (0, "no treaties"), (1, "1 treaty"), (2, "2 treaties")])
def test_count_of_handles_none_one_and_many(number, expected):
    assert count_of(number, "treaty", "treaties") == expected
