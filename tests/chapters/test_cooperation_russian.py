"""Chapter 3's Russian edition: every passage, table and the chart the notebook shows exist in
Russian, with no English left and the same numbers as the English."""

import matplotlib

matplotlib.use("Agg")  # tests draw without a display

import dataclasses  # noqa: E402

import pytest  # noqa: E402
from russian_checks import latin_words, numbers  # noqa: E402

from belarus_ip_report.chapters.belarus_russia_ip import charts, kinds, model, tables, words  # noqa: E402, E501
from belarus_ip_report.chapters.language import Table, Text  # noqa: E402

#: Names with no Russian form that the Russian edition keeps: the search system's name and a
#: publisher's own name in the chart's source line.
NAMES = {"PatSearch", "CIS Legislation"}


@pytest.fixture(scope="module")
def ip():
    return model.load()


def sources_of(m) -> set[str]:
    """Every source id the chapter cites, escaped as the prose writes it."""
    ids = {i for column in (m.table["source_ids"], m.ip_law_table["source_ids"],
                            m.sources["source_id"]) for value in column.dropna()
           for i in str(value).split(";")}
    return ids | {i.replace("-", "&#45;") for i in ids}


def passages(m):
    return {"pace": words.pace_paragraph(m), "agreement": words.agreement_paragraph(m),
            "frames": words.frames_paragraph(m), "law": words.law_paragraph(m),
            "alt": words.timeline_alt(m), "instruments caption": tables.instrument_caption(),
            "law caption": tables.ip_law_caption()}


def test_every_passage_has_russian_without_english_words(ip):
    allowed = NAMES | sources_of(ip)
    for name, text in passages(ip).items():
        assert isinstance(text, Text), name
        assert not latin_words(text.ru, allowed), (
            name, latin_words(text.ru, allowed))


def test_every_passage_states_the_same_numbers_in_the_same_order(ip):
    for name, text in passages(ip).items():
        assert numbers(text.en) == numbers(text.ru), name


def test_no_russian_sentence_ends_in_a_doubled_full_stop(ip):
    for name, text in passages(ip).items():
        assert "г.." not in text.ru, name


def test_tables_in_russian_have_the_same_rows_and_russian_reader_text(ip):
    allowed = NAMES | sources_of(ip)
    for table in (tables.instrument_table(ip), tables.ip_law_table(ip)):
        assert isinstance(table, Table) and table.en.shape == table.ru.shape
        assert table.ru.attrs["fact_table"] == table.en.attrs["fact_table"]
        assert table.ru.attrs["keys"] == table.en.attrs["keys"]
        for column in table.ru.columns[:-1]:  # the last column is the source ids
            assert not latin_words(column), column
            for cell in table.ru[column].dropna():
                assert not latin_words(str(cell), allowed), (column, cell)


def test_a_missing_date_in_russian_links_to_no_evidence(ip):
    from belarus_ip_report.chapters.prose import NO_VALUE

    russian = tables.ip_law_table(ip).ru
    missing = russian["Вступил в силу для Беларуси"]
    assert (missing == tables.NO_DATE_RU).any() and tables.NO_DATE_RU in NO_VALUE


def test_every_kind_and_level_has_a_russian_label():
    for kind in kinds.KINDS.values():
        assert kind.label.ru and not latin_words(kind.label.ru)
    for name in [*kinds.LANE_LABELS.values(), *kinds.LEVEL_NAMES.values()]:
        assert name.ru and not latin_words(name.ru)


def test_the_russian_chart_draws_every_word_in_russian(ip):
    chart = charts.timeline(ip, lang="ru")
    ax = chart.figure.axes[0]
    drawn = [chart.title, ax.get_xlabel(), chart.alt,
             *(t.get_text() for t in ax.get_yticklabels()),
             *(t.get_text() for t in ax.texts),
             *(t.get_text() for t in ax.get_legend().get_texts())]
    for text in drawn:
        assert not latin_words(text, NAMES), text
    assert chart.source.startswith("НЦИС Беларуси")
    assert chart.stem == "03-belarus-russia-timeline"
    assert numbers(chart.title) == numbers(charts.timeline(ip).title)


@pytest.mark.parametrize(("count", "expected"), [
    (1, "1 региональный документ"), (2, "2 региональных документа"),
    (5, "5 региональных документов"), (21, "21 региональный документ")])
def test_the_law_paragraph_counts_regional_instruments_in_the_right_form(ip, count, expected):
    regional = ip.law["eurasian"]
    rows = regional.iloc[[i % len(regional) for i in range(count)]]
    changed = dataclasses.replace(ip, law={**ip.law, "eurasian": rows})
    assert f"В таблице {expected} (" in words.law_paragraph(changed).ru


@pytest.mark.parametrize(("since", "verb"), [
    (1, "приходится"), (2, "приходятся"), (5, "приходятся"), (21, "приходится")])
def test_the_pace_paragraph_agrees_its_verb_with_the_count(ip, since, verb):
    pace = dataclasses.replace(ip.pace, since_offices=since)
    changed = dataclasses.replace(ip, pace=pace)
    assert f"{since} из {pace.count} {verb} на" in words.pace_paragraph(changed).ru
