"""The committed Russian edition (report/ru/), read as its readers read it: in Russian, with the
same figures, tables, rows and numbers as the English, and nothing in English left outside
the passages marked with their own language (source titles, quotes, the curators' notes).
"""

from __future__ import annotations

import re
from html.parser import HTMLParser

import pytest

from belarus_ip_report.foundation import paths

ENGLISH = {"en": paths.REPORT / "index.html", "evidence": paths.REPORT / "evidence.html"}
RUSSIAN = {"en": paths.REPORT / "ru" / "index.html",
           "evidence": paths.REPORT / "ru" / "evidence.html"}
MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August",
          "September", "October", "November", "December")
#: Words an English sentence can hardly do without: one of them in Russian text is English
#: left untranslated.
COMMON_ENGLISH = {"the", "and", "of", "in", "to", "with", "for", "from", "is", "are", "was",
                  "by", "on", "at", "not", "that", "which", "has", "have", "its", "this",
                  "since", "between", "each", "every", "than", "or", "as", "an", "be"}
#: Latin-script words a Russian text keeps: names of things that have no Russian name (file
#: formats, standards, software, databases), the legal form of a few treaty short names.
LATIN_ALLOWED = {"CSV", "UTF", "ISO", "SHA", "PDF", "PNG", "SVG", "WIPO", "Lex", "Python",
                 "git", "JupyterLab", "Jupyter", "nbval", "PLT", "TLT", "GII", "HTML",
                 # The WTO's abbreviations, a product's name the sources use as it is.
                 "COVID", "IGAG", "PatSearch"}
ROMAN = re.compile(r"[IVXLC]+")


class ReaderText(HTMLParser):
    """The text a reader reads in the page's own language: text outside <code>, <pre>,
    <style> and anything marked with another `lang`; and each image's alt text."""

    SKIPPED = {"code", "pre", "style", "script", "kbd", "samp"}
    VOID = {"br", "img", "meta", "hr", "input", "link", "wbr", "col", "source", "area"}

    def __init__(self, lang: str) -> None:
        super().__init__(convert_charrefs=True)
        self.lang, self.stack, self.parts, self.alts = lang, [], [], []

    def handle_starttag(self, tag, attrs):
        values = dict(attrs)
        if tag == "img":
            self.alts.append(values.get("alt") or "")
        if tag in self.VOID:
            return
        outside = tag in self.SKIPPED or ("lang" in values and values["lang"] != self.lang)
        self.stack.append((tag, outside))

    def handle_endtag(self, tag):
        while self.stack:
            opened, _ = self.stack.pop()
            if opened == tag:
                break

    def handle_data(self, data):
        if not any(outside for _, outside in self.stack):
            self.parts.append(data)

    @property
    def text(self) -> str:
        return " ".join(" ".join(self.parts).split())


def reader_text(path) -> ReaderText:
    parser = ReaderText("ru")
    parser.feed(path.read_text(encoding="utf-8"))
    return parser


@pytest.fixture(scope="module", params=sorted(RUSSIAN))
def page(request) -> str:
    return request.param


def test_the_russian_pages_say_they_are_russian_and_link_to_the_english(page):
    text = RUSSIAN[page].read_text(encoding="utf-8")
    assert re.search(r'<html lang="ru">', text)
    assert re.search(r'<p class="kicker">Русская версия · ', text)  # it says which it is
    assert re.search(r'<p class="kicker">English edition · ',
                     ENGLISH[page].read_text(encoding="utf-8"))
    assert 'hreflang="en"' in text and ">English edition</a>" in text
    english = ENGLISH[page].read_text(encoding="utf-8")
    assert 'hreflang="ru"' in english and ">Русская версия</a>" in english


def test_no_english_month_and_no_english_sentence_outside_marked_passages(page):
    text = reader_text(RUSSIAN[page]).text
    assert [m for m in MONTHS if re.search(rf"\b{m}\b", text)] == []
    # Paths, file names and identifiers are not English: data/processed/, wipo_lex.json.
    text = re.sub(r"\S*(?:/|_|\.[a-z]{2,4}\b)\S*", " ", text)
    text = re.sub(r"\bA\d+\b", " ", text)  # the appendix tables keep their numbers: A1
    words = re.findall(r"[A-Za-z][A-Za-z'’]*(?:-[A-Za-z]+)*", text)
    common = sorted({w for w in words if w.lower() in COMMON_ENGLISH})
    assert common == [], common
    unexpected = sorted({w for w in words if w not in LATIN_ALLOWED and not ROMAN.fullmatch(w)})
    assert unexpected == [], unexpected


def test_every_image_has_russian_alt_text(page):
    alts = reader_text(RUSSIAN[page]).alts
    for alt in alts:
        assert re.search("[а-яА-Я]", alt), alt
        assert not {w.lower() for w in re.findall(r"[A-Za-z]+", alt)} & COMMON_ENGLISH, alt


def ids(path, pattern: str) -> list[str]:
    return re.findall(pattern, path.read_text(encoding="utf-8"))


@pytest.mark.parametrize("pattern", [r'<figure class="chart" id="([^"]+)"',
                                     r'<figure class="table" id="([^"]+)"',
                                     r'<tr id="([^"]+)"', r'<h[23] id="([^"]+)"',
                                     r'<dt id="([^"]+)"', r'<li id="(source-[^"]+)"'])
def test_the_same_figures_tables_rows_sections_and_entries_in_both_editions(page, pattern):
    assert ids(RUSSIAN[page], pattern) == ids(ENGLISH[page], pattern)
    assert RUSSIAN[page].read_text().count("<img ") == ENGLISH[page].read_text().count("<img ")


def numbers(fragment: str) -> list[str]:
    """The numbers a passage states, as digits (thousands separators and decimal marks of
    either language removed)."""
    plain = re.sub(r"(?<=\d)[\u00a0\u202f ,.](?=\d)", "", fragment)
    return re.findall(r"\d+", plain)


def key_findings(path) -> list[str]:
    text = path.read_text(encoding="utf-8")
    section = text.split('id="00_overview--key-findings"', 1)[1].split("</ul>", 1)[0]
    return [re.sub(r"<[^>]+>", "", item) for item in re.findall(r"<li>(.*?)</li>", section, re.S)]


def test_the_key_findings_state_the_same_numbers_in_both_editions():
    english, russian = key_findings(ENGLISH["en"]), key_findings(RUSSIAN["en"])
    assert len(english) == len(russian) >= 3
    for en, ru in zip(english, russian, strict=True):
        assert sorted(numbers(en)) == sorted(numbers(ru)), (en, ru)


def test_no_double_full_stop_after_an_abbreviation(page):
    """'4 декабря 2026 г.' ends a sentence with its own full stop: never 'г..'."""
    assert re.findall(r"\bгг?\.\.(?!\.)", reader_text(RUSSIAN[page]).text) == []
