"""The Russian edition refuses to guess: a page word without its msgstr, a Markdown cell or an
output without its Russian, stops the build with the words it needs."""

from __future__ import annotations

from pathlib import Path

import nbformat
import pytest

from belarus_ip_report.chapters.prose import RUSSIAN_MARKDOWN, TRANSLATION
from belarus_ip_report.publishing import reading, translation
from belarus_ip_report.publishing.checks import ReportError


def test_the_russian_catalogue_has_every_message_the_pages_ask_for():
    catalog = translation.read_catalogue("ru")
    translation.check_catalogue(catalog, "ru")  # raises on a gap
    wanted = translation.wanted()
    assert len(wanted) > 50
    assert "How to cite" in wanted and "Table %(number)s." in wanted


def test_russian_plurals_come_from_the_catalogue():
    words = translation.translations("ru")
    said = [words.ngettext("%(num)s row", "%(num)s rows", n) % {"num": n} for n in (1, 3, 5, 21)]
    assert said == ["1 строка", "3 строки", "5 строк", "21 строка"]


def test_a_message_without_its_translation_stops_the_build_naming_it():
    catalog = translation.read_catalogue("ru")
    catalog.delete("How to cite")
    with pytest.raises(ReportError, match=r"ru\.po: the message 'How to cite' \(asked for in "
                                          r".*page\.html\.j2:\d+\) has no text in ru"):
        translation.check_catalogue(catalog, "ru")


def test_a_fuzzy_translation_is_not_published():
    catalog = translation.read_catalogue("ru")
    catalog["Contents"].flags.add("fuzzy")
    with pytest.raises(ReportError, match="'Contents'.* is marked fuzzy"):
        translation.check_catalogue(catalog, "ru")


def test_a_translation_that_drops_a_placeholder_is_refused():
    catalog = translation.read_catalogue("ru")
    catalog["Table %(number)s."].string = "Таблица."
    with pytest.raises(ReportError, match="Table %"):
        translation.check_catalogue(catalog, "ru")


def notebook(tmp_path: Path, cells: list) -> Path:
    node = nbformat.v4.new_notebook(cells=cells)
    target = tmp_path / "03_belarus_russia_ip.ipynb"
    nbformat.write(node, target)
    return target


def markdown(source: str, russian: str | None = None):
    cell = nbformat.v4.new_markdown_cell(source)
    if russian is not None:
        cell.metadata[TRANSLATION] = {"ru": russian}
    return cell


def shown(english: str, russian: str | None = None):
    cell = nbformat.v4.new_code_cell("say(words.x(m))")
    data = {"text/markdown": english, "text/plain": "<Markdown>"}
    if russian is not None:
        data[RUSSIAN_MARKDOWN] = russian
    cell.outputs = [nbformat.v4.new_output("display_data", data=data)]
    return cell


def test_each_edition_reads_its_own_words_and_keeps_the_english_anchors(tmp_path):
    path = notebook(tmp_path, [markdown("# Title\n\n## Belarus and Russia\n\nText.",
                                        "# Заголовок\n\n## Беларусь и Россия\n\nТекст."),
                               shown("**19** treaties", "**19** договоров")])
    chapter = reading.read_chapter(path, reading.Counter(), "ru")
    assert chapter.title == "Заголовок" and chapter.label == "Глава 3"
    heading = chapter.sections[0]
    assert heading.text == "Беларусь и Россия"
    assert heading.anchor == "03_belarus_russia_ip--belarus-and-russia"
    assert "договоров" in chapter.blocks[-1].html


def test_a_markdown_cell_without_russian_stops_the_russian_edition(tmp_path):
    path = notebook(tmp_path, [markdown("# Title\n\nA sentence to translate.")])
    reading.read_chapter(path, reading.Counter(), "en")  # the English edition is whole
    with pytest.raises(reading.MissingTranslation,
                       match=r"03_belarus_russia_ip\.ipynb, cell 1: this Markdown cell has no "
                             r"ru text.*\"translation\".*A sentence to translate"):
        reading.read_chapter(path, reading.Counter(), "ru")


def test_an_output_without_russian_stops_the_russian_edition(tmp_path):
    path = notebook(tmp_path, [markdown("# T", "# Т"), shown("Belarus joined **19** treaties")])
    with pytest.raises(reading.MissingTranslation,
                       match=r"cell 2: an output has no ru text; make the words function.*"
                             r"Belarus joined \*\*19\*\* treaties"):
        reading.read_chapter(path, reading.Counter(), "ru")


def test_a_translation_with_other_headings_is_refused(tmp_path):
    path = notebook(tmp_path, [markdown("# T\n\n## One\n\n## Two", "# Т\n\n## Одна и две")])
    with pytest.raises(reading.MissingTranslation, match="2 headings, its English 3"):
        reading.read_chapter(path, reading.Counter(), "ru")
