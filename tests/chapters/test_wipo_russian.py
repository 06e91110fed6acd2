"""Chapter 1 in Russian: every passage, table, caption and chart the notebook shows has its
Russian, written in Russian (no English left but proper names), with the right plural forms and
the same numbers as the English."""

import re
from collections import Counter

import matplotlib.pyplot as plt
import pytest

from belarus_ip_report.chapters.language import Table, Text
from belarus_ip_report.chapters.wipo_treaties import (
    alt_text,
    charts,
    model,
    reach_charts,
    reader_tables,
    words,
    words_belarus,
)
from belarus_ip_report.chapters.wipo_treaties.fields import FIELDS

#: Latin-letter words a Russian passage may hold: names with no Russian form.
ALLOWED_LATIN = {"WIPO", "Lex"}


@pytest.fixture(scope="module")
def wipo():
    return model.load()


def passages(m) -> dict[str, Text]:
    """Every words function the notebook and its charts use, by name."""
    out = {name: getattr(words, name)(m) for name in (
        "headline", "growth_paragraph", "reach_paragraph", "ministry_paragraph",
        "coming_paragraph")}
    out |= {name: getattr(words_belarus, name)(m) for name in (
        "participation_paragraph", "joining_paragraph", "lag_intro", "lag_paragraph")}
    out |= {name: getattr(alt_text, name)(m) for name in (
        "growth_alt", "participation_alt", "lag_alt", "reach_alt", "party_growth_alt",
        "cooperation_alt")}
    out |= {"status_caption_party": words.status_caption(True),
            "status_caption_not": words.status_caption(False),
            "peer_caption": words.peer_caption(), "matrix_caption": words.matrix_caption(),
            "coming_caption": words.coming_caption(), "claims_caption": words.claims_caption()}
    return out


def tables(m) -> dict[str, Table]:
    return {"status_party": reader_tables.status_table(m, party=True),
            "status_not": reader_tables.status_table(m, party=False),
            "peers": reader_tables.peer_table(m), "matrix": reader_tables.peer_matrix(m),
            "coming": reader_tables.coming_table(m), "claims": reader_tables.claims_table(m)}


def latin_words(text: str) -> set[str]:
    """Latin-letter words, leaving out links' targets and character references."""
    text = re.sub(r"\]\([^)]*\)", "]", re.sub(r"&#\d+;", " ", text))
    return set(re.findall(r"[A-Za-z][A-Za-z'-]*", text)) - ALLOWED_LATIN


def numbers(text: str) -> Counter:
    """The digit sequences of a passage, its character references left out."""
    return Counter(re.findall(r"\d+", re.sub(r"&#\d+;", " ", text)))


def test_every_passage_has_russian_without_english_words(wipo):
    for name, text in passages(wipo).items():
        assert isinstance(text, Text), name
        assert re.search("[а-яА-Я]", text.ru), name
        assert not latin_words(text.ru), (name, latin_words(text.ru))
        assert ".." not in text.ru, (name, text.ru)  # a date's 'г.' ends the sentence


def test_every_passage_states_the_same_numbers_in_both_languages(wipo):
    for name, text in passages(wipo).items():
        assert numbers(text.en) == numbers(text.ru), (name, text.en, text.ru)


def test_every_table_has_russian_headers_and_cells(wipo):
    for name, table in tables(wipo).items():
        assert isinstance(table, Table), name
        assert table.en.shape == table.ru.shape, name
        for header in table.ru.columns:
            assert re.search("[а-яА-Я]", header), (name, header)
        for column in table.ru.columns:
            if column.startswith("Источник"):  # source ids are ids, in either edition
                continue
            for cell in table.ru[column].dropna().astype(str):
                assert not latin_words(cell), (name, column, cell)


def test_a_table_states_the_same_numbers_in_both_languages(wipo):
    for name, table in tables(wipo).items():
        for (_, en), (_, ru) in zip(table.en.iterrows(), table.ru.iterrows(), strict=True):
            assert numbers(" ".join(map(str, en))) == numbers(" ".join(map(str, ru))), name


def test_the_fact_table_marks_carry_over_to_the_russian_columns(wipo):
    table = reader_tables.status_table(wipo, party=True)
    assert table.ru.attrs["fact_table"] == "wipo_treaties"
    assert table.ru.attrs["evidence"]["Вступление в силу для Беларуси"] == "belarus_in_force"
    assert table.ru.attrs["sources_column"] == "Источники"


@pytest.mark.parametrize("draw", [charts.growth, charts.participation, charts.lag,
                                  reach_charts.reach, reach_charts.party_growth,
                                  reach_charts.cooperation])
def test_a_russian_chart_draws_no_english_word(wipo, draw):
    chart = draw(wipo, lang="ru")
    fig = chart.figure
    texts = [t.get_text() for t in fig.findobj(plt.Text)]
    source = [t for t in texts if t.startswith("Источник:")]
    assert len(source) == 1
    for text in texts:
        if text not in source:
            assert not latin_words(text), (chart.stem, text)
    assert not latin_words(chart.title) and not latin_words(chart.alt)
    assert chart.stem == draw(wipo).stem
    plt.close("all")


def test_the_field_labels_are_wipos_russian_names():
    assert [f.name("ru") for f in FIELDS.values()] == [
        "Промышленная собственность", "Авторское право и смежные права", "Конвенция ВОИС"]
    assert [f.name() for f in FIELDS.values()] == [f.label for f in FIELDS.values()]


@pytest.mark.parametrize(("count", "expected"), [
    (1, "1 договоре"), (2, "2 договорах"), (5, "5 договорах"), (21, "21 договоре")])
def test_a_count_in_the_prepositional_takes_its_form(count, expected):
    assert words.ru_plural(count, words.TREATY_PREPOSITIONAL) == expected


@pytest.mark.parametrize(("count", "expected"), [
    (1, "1 визит"), (2, "2 визита"), (5, "5 визитов"), (21, "21 визит")])
def test_event_kinds_are_counted_in_russian(count, expected):
    assert alt_text.counted(count, alt_text.EVENT_KINDS_RU["visit"]) == expected


@pytest.mark.parametrize(("count", "expected"), [
    (1, "1 участника"), (2, "2 участников"), (5, "5 участников"), (21, "21 участника")])
def test_more_than_n_parties_takes_the_genitive(count, expected):
    assert words.ru_plural(count, words.PARTY_GENITIVE) == expected


def test_years_with_a_decimal_take_the_genitive_singular():
    assert words_belarus.years_ru(6.9) == "6,9 года"
    assert words_belarus.years_ru(21.0) == "21,0 года"


@pytest.mark.parametrize(("count", "expected"), [
    (1, "1 документ, сданный на хранение"), (2, "2 документа, сданных на хранение"),
    (5, "5 документов, сданных на хранение"), (21, "21 документ, сданный на хранение")])
def test_coming_changes_are_counted_in_russian(count, expected):
    from types import SimpleNamespace

    import pandas as pd

    from belarus_ip_report.foundation.dates import parse_partial_date

    coming = pd.DataFrame({"effective": [parse_partial_date("2027-01-15")] * count})
    m = SimpleNamespace(coming=coming, as_of=parse_partial_date("2026-12-04").first)
    text = words.coming_paragraph(m)
    assert text.ru.startswith(expected), text.ru
    assert numbers(text.en) == numbers(text.ru)
    assert text.ru.endswith("первый — 15 января 2027\u202fг."), text.ru
