"""The WTO chapter's Russian edition: every passage, table and chart the notebook shows has its
Russian, written in Russian (no English left), with the same numbers as the English and the
right plural forms; the notebook's Markdown cells carry a Russian of the same shape."""

from __future__ import annotations

import html
import json
import re
from datetime import date

import matplotlib
import pytest

from belarus_ip_report.chapters.language import Table, Text
from belarus_ip_report.chapters.wto_accession import (
    alt,
    charts,
    chartwords,
    model,
    russian,
    tables,
    words,
)
from belarus_ip_report.chapters.wto_accession.lanes import LANES
from belarus_ip_report.chapters.wto_accession.membership import russian_names
from belarus_ip_report.foundation import paths
from belarus_ip_report.foundation.dates import parse_partial_date

matplotlib.use("Agg")

#: Latin words the Russian may keep: names the data gives with no Russian form.
ALLOWED_LATIN = {"IGAG", "COVID"}


@pytest.fixture(scope="module")
def wto() -> model.WtoAccession:
    return model.load()


def passages(m: model.WtoAccession) -> dict[str, Text]:
    """Every passage the notebook says or draws beside a chart, by name."""
    return {
        "headline": words.headline(m),
        "timeline": words.timeline_paragraph(m),
        "rhythm": words.rhythm_paragraph(m),
        "membership": words.membership_paragraph(m, model.SOURCE_DOCUMENT_MEMBER_FIGURE),
        "durations": words.durations_paragraph(m),
        "peers": tables.peer_paragraph(m),
        "timeline_alt": alt.timeline_alt(m),
        "rhythm_alt": alt.rhythm_alt(m),
        "membership_alt": alt.membership_alt(m),
        "duration_alt": alt.duration_alt(m),
        "milestone_caption": tables.milestone_caption(),
        "peer_caption": tables.peer_caption(),
    }


def latin_words(text: str) -> set[str]:
    return set(re.findall(r"[A-Za-z]+", html.unescape(text))) - ALLOWED_LATIN


def numbers(text: str) -> list[str]:
    """The numbers of a text, sorted, written one way: '33,2' and '33.2' are both '33.2'."""
    text = re.sub(r"(?<=\d)[\u00a0\u202f](?=\d{3})", "", html.unescape(text))
    return sorted(n.replace(",", ".") for n in re.findall(r"\d+(?:[.,]\d+)?", text))


def test_every_passage_is_in_both_languages(wto):
    for name, text in passages(wto).items():
        assert isinstance(text, Text), name
        assert re.search("[а-яА-Я]", text.ru), name


def test_the_russian_passages_have_no_english_words(wto):
    found = {name: latin_words(text.ru) for name, text in passages(wto).items()}
    assert not {name: found for name, found in found.items() if found}


def test_each_passage_states_the_same_numbers_in_both_languages(wto):
    for name, text in passages(wto).items():
        assert numbers(text.ru) == numbers(text.en), name


def test_the_tables_have_the_same_rows_and_russian_headers_and_cells(wto):
    for table in (tables.milestone_table(wto), tables.peer_table(wto)):
        assert isinstance(table, Table)
        assert not latin_words(" ".join(map(str, table.ru.columns)))
        reader_text = table.ru.drop(columns=["Источники"], errors="ignore")
        cells = " ".join(str(v) for v in reader_text.to_numpy().ravel() if isinstance(v, str))
        assert not latin_words(cells)


def test_table_dates_and_numbers_match_row_by_row(wto):
    milestones = tables.milestone_table(wto)
    for (date_en, meeting_en), (date_ru, meeting_ru) in zip(
            milestones.en[["Date", "Meeting"]].itertuples(index=False),
            milestones.ru[["Дата", "Заседание"]].itertuples(index=False), strict=True):
        assert numbers(date_en) == numbers(date_ru)
        assert str(meeting_en) == str(meeting_ru)
    peers = tables.peer_table(wto)
    for row_en, row_ru in zip(peers.en.itertuples(index=False),
                              peers.ru.itertuples(index=False), strict=True):
        assert numbers(" ".join(row_en[2:])) == numbers(" ".join(row_ru[2:]))


def test_a_milestone_is_described_from_the_datas_russian(wto):
    table = tables.milestone_table(wto).ru
    described = wto.milestones.set_index("milestone_id")["description_ru"]
    assert set(table["Событие"]) == set(described)


def test_the_lanes_are_named_in_russian_in_the_table(wto):
    assert set(tables.milestone_table(wto).ru["Категория"]) == {
        lane.one_line("ru") for lane in LANES.values()}


@pytest.mark.parametrize(("count", "expected"), [
    (1, "1 формальное заседание"), (2, "2 формальных заседания"),
    (5, "5 формальных заседаний"), (21, "21 формальное заседание")])
def test_russian_counts_take_the_form_of_their_number(count, expected):
    assert russian.ru_count(count, "формальное заседание", "формальных заседания",
                          "формальных заседаний") == expected


@pytest.mark.parametrize(("count", "expected"), [
    (1, "С учетом 1 члена,"), (2, "С учетом 2 членов,"), (5, "С учетом 5 членов,"),
    (21, "С учетом 21 члена,")])
def test_the_undated_members_legend_takes_the_genitive_of_its_number(count, expected):
    assert chartwords.undated_members(count, "ru").startswith(expected)


@pytest.mark.parametrize(("count", "expected"), [
    (1, "1 совместное заявление\nчленов ВТО останавливает"),
    (2, "2 совместных заявления\nчленов ВТО останавливают"),
    (5, "5 совместных заявлений\nчленов ВТО останавливают"),
    (21, "21 совместное заявление\nчленов ВТО останавливает")])
def test_the_joint_statements_label_agrees_with_its_number(count, expected):
    label = chartwords.joint_statements(parse_partial_date("2022-03"), count, "ru")
    assert label == f"март 2022\u202fг.: {expected} присоединение"


@pytest.mark.parametrize(("rank", "expected"), [
    (1, "самое продолжительное"), (2, "второе по продолжительности"),
    (5, "пятое по продолжительности"), (21, "21-е по продолжительности")])
def test_a_rank_reads_naturally_in_russian(rank, expected):
    assert words.rank_words(rank, lang="ru") == expected


def test_decimals_round_as_the_english_does():
    for value in (2.85, 9.55, 33.2, 0.05, 19.84):
        assert russian.ru_decimal(value).replace(",", ".") == f"{value:.1f}"


def test_a_month_after_a_preposition_is_in_the_genitive():
    assert russian.ru_since(parse_partial_date("2020-08")) == "августа 2020\u202fг."
    assert russian.ru_since(date(2017, 1, 24)) == "24 января 2017\u202fг."


def _chart_words(chart) -> str:
    texts = [t.get_text() for t in chart.figure.findobj(matplotlib.text.Text)]
    return " ".join(t for t in texts if not t.startswith("Источник:"))


@pytest.mark.parametrize("draw", [charts.timeline, charts.rhythm, charts.membership,
                                  charts.durations], ids=lambda f: f.__name__)
def test_each_russian_chart_draws_only_russian_words(wto, draw):
    with matplotlib.pyplot.style.context(paths.CHART_STYLE):
        chart = draw(wto, lang="ru")
    try:
        assert not latin_words(_chart_words(chart) + chart.title + chart.alt)
        assert re.search("[а-яА-Я]", chart.title)
        assert chart.source.endswith("см. раздел «Источники».")
    finally:
        matplotlib.pyplot.close(chart.figure)


def test_the_durations_chart_names_governments_as_the_data_does_in_russian(wto):
    with matplotlib.pyplot.style.context(paths.CHART_STYLE):
        chart = charts.durations(wto, lang="ru")
    ticks = [t.get_text() for t in chart.figure.axes[0].get_yticklabels()]
    matplotlib.pyplot.close(chart.figure)
    russian = russian_names(wto.members, wto.accessions)
    assert ticks == [russian[g] for g in wto.durations["government"]]


# --- The notebook's Markdown ---------------------------------------------------------------

def _markdown_cells() -> list[dict]:
    notebook = json.loads((paths.NOTEBOOKS / "02_wto_accession.ipynb").read_text("utf-8"))
    return [c for c in notebook["cells"] if c["cell_type"] == "markdown"]


def _shape(markdown: str) -> tuple[list[str], list[str], list[str]]:
    """Heading levels, link targets and code spans: what both editions must share."""
    return ([line.split(" ")[0] for line in markdown.splitlines() if line.startswith("#")],
            re.findall(r"\]\(([^)]+)\)", markdown), re.findall(r"`([^`]+)`", markdown))


@pytest.mark.parametrize("cell", _markdown_cells(), ids=lambda c: c["id"])
def test_each_markdown_cell_has_russian_of_the_same_shape(cell):
    english = "".join(cell["source"])
    russian = cell["metadata"]["translation"]["ru"]
    assert _shape(russian) == _shape(english)
    assert not latin_words(re.sub(r"`[^`]+`|\]\([^)]+\)", "", russian))
    if "**Reads**" in english:
        assert "**Читает**" in russian and "**Записывает**" in russian
