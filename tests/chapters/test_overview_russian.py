"""The overview's Russian edition: every passage, table and chart the notebook shows exists in
Russian, with no English left and the same numbers as the English."""

import matplotlib

matplotlib.use("Agg")  # tests draw without a display

import pandas as pd  # noqa: E402
import pytest  # noqa: E402
from russian_checks import latin_words, numbers  # noqa: E402

from belarus_ip_report.chapters import label  # noqa: E402
from belarus_ip_report.chapters.language import Table, Text  # noqa: E402
from belarus_ip_report.chapters.overview import charts, findings, model, words  # noqa: E402


@pytest.fixture(scope="module")
def whole():
    return model.load()


def passages(o):
    return {"key findings": findings.key_findings(o, label),
            "peaks": words.peaks_sentence(o), "alt": words.summary_alt(o),
            "sources": words.sources_sentence(o),
            "per-decade caption": words.per_decade_caption(),
            "documents caption": words.source_documents_caption()}


def test_every_passage_has_russian_without_english_words(whole):
    for name, text in passages(whole).items():
        assert isinstance(text, Text), name
        assert not latin_words(text.ru), (name, latin_words(text.ru))


def test_every_passage_states_the_same_numbers_in_the_same_order(whole):
    for name, text in passages(whole).items():
        assert numbers(text.en) == numbers(text.ru), name


def test_the_key_findings_link_the_same_chapters_under_russian_names(whole):
    text = findings.key_findings(whole, label)
    assert text.ru.count("](02_wto_accession.ipynb)") == text.en.count(
        "](02_wto_accession.ipynb)")
    assert "[Глава 3](03_belarus_russia_ip.ipynb)" in text.ru
    assert "[Методика](04_clean_tables.ipynb)" in text.ru


def test_tables_have_russian_headers_and_the_same_shape(whole):
    for table in (words.per_decade_table(whole), words.source_documents_table(whole)):
        assert isinstance(table, Table)
        assert table.en.shape == table.ru.shape
        for header in table.ru.columns:
            assert not latin_words(header), header
    decades = words.per_decade_table(whole).ru
    assert decades.iloc[:, 0].str.endswith("-е").all()
    assert (decades.iloc[:, 1:].to_numpy() == words.per_decade_table(whole).en.iloc[:, 1:]
            .to_numpy()).all()


def test_source_documents_in_russian_keep_their_anchors_and_name_publishers_in_russian(whole):
    table = words.source_documents_table(whole)
    assert table.ru.attrs["fact_table"] == "sources"
    assert table.ru.attrs["sources_column"] == "Код"
    assert "МИД Беларуси" in set(table.ru["Издатель"])
    assert "без даты" in set(table.ru["Дата публикации"])


def test_the_russian_chart_draws_every_word_in_russian(whole):
    chart = charts.summary(whole, lang="ru")
    ax = chart.figure.axes[0]
    drawn = [chart.title, ax.get_xlabel(), chart.source, chart.alt,
             *(t.get_text() for t in ax.get_yticklabels()),
             *(t.get_text() for t in ax.texts),
             *(t.get_text() for t in ax.get_legend().get_texts())]
    for text in drawn:
        assert not latin_words(text), text
    assert chart.stem == "00-three-stories" and len(ax.texts) == 6
    assert numbers(chart.title) == numbers(charts.summary(whole).title)


@pytest.mark.parametrize(("count", "expected"), [
    (1, "1 договора"), (2, "2 договоров"), (5, "5 договоров"), (21, "21 договора")])
def test_out_of_n_takes_the_genitive_for_each_plural_form(count, expected):
    assert f"{count} {findings.genitive(count, 'договора', 'договоров')}" == expected


@pytest.mark.parametrize(("count", "members"), [
    (1, "членом"), (2, "членами"), (5, "членами"), (21, "членом")])
def test_key_findings_count_members_in_the_right_form(whole, count, members):
    headline = {**whole.wto.headline, "bilateral_concluded": count}
    changed = type(whole.wto)(**{**whole.wto.__dict__, "headline": headline})
    o = type(whole)(**{**whole.__dict__, "wto": changed})
    assert f"с {count} {members} ВТО" in findings.key_findings(o, label).ru


def test_the_per_decade_table_names_decades_in_russian():
    per_decade = pd.DataFrame({"wipo": [1], "wto": [0], "brip": [2]}, index=[1990])
    o = type("O", (), {"per_decade": per_decade})()
    assert words.per_decade_table(o).ru.iloc[0, 0] == "1990-е"
    assert "на 1990-е" in words.peaks_sentence(o).ru
