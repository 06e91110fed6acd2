"""The Belarus–Russia chapter's series, on a small hand-made table."""

import matplotlib

matplotlib.use("Agg")  # tests draw charts without a display; notebooks keep the inline backend

from datetime import date  # noqa: E402

import pandas as pd  # noqa: E402
import pytest  # noqa: E402

from belarus_ip_report.chapters.belarus_russia_ip import charts as cooperation_charts
from belarus_ip_report.chapters.belarus_russia_ip import model as cooperation
from belarus_ip_report.chapters.belarus_russia_ip import tables as cooperation_tables
from belarus_ip_report.chapters.belarus_russia_ip import words as cooperation_text
from belarus_ip_report.curated.tables import typed


@pytest.fixture
def table():
    rows = [
        ("agreement-1994", "1994-07-20", "intergovernmental_agreement"),
        ("community-1996", "1996-04-02", "integration_treaty"),
        ("union-state-1999", "1999-12-08", "integration_treaty"),
        ("skolkovo-2015", "2015", "agency_agreement"),
        ("mou-2020", "2020", "memorandum"),
        ("patsearch-2020", "2020", "memorandum"),
        ("ufa-2023", "2023-06", "memorandum"),
    ]
    return typed("belarus_russia_ip", pd.DataFrame(
        [{"instrument_id": i, "date": d, "title": f"Title of {i}", "title_ru": f"Название {i}",
          "short_name": f"Name {i}", "short_name_ru": f"Имя {i}", "parties": "A; B",
          "parties_ru": "А; Б", "kind": k, "subject": "IP", "subject_ru": "ИС",
          "source_ids": "seed-ncip-unity-day-2021", "notes": None}
         for i, d, k in rows]))


@pytest.fixture
def sources():
    return pd.DataFrame({"source_id": ["seed-ncip-unity-day-2021"],
                         "publisher": ["National Center of Intellectual Property (NCIP)"]})


def test_instruments_leave_out_the_integration_treaties(table):
    assert list(cooperation.instruments(table)["instrument_id"]) == [
        "agreement-1994", "skolkovo-2015", "mou-2020", "patsearch-2020", "ufa-2023"]


def test_integration_span_runs_from_the_first_to_the_last_treaty(table):
    start, end = cooperation.integration_span(table)
    assert start.iso == "1996-04-02" and end.iso == "1999-12-08"


def model_of(table: pd.DataFrame, sources: pd.DataFrame | None = None
             ) -> cooperation.BelarusRussiaIp:
    """The chapter's model around a small instruments table (what these tests read of it)."""
    return cooperation.BelarusRussiaIp(
        as_of=date(2026, 11, 23), table=table, ip_law_table=table.iloc[0:0], sources=sources,
        items=cooperation.instruments(table), pace=cooperation.pace(table), steps={}, law={},
        frames={}, forum=pd.Series(dtype=object), disputed=set())


def test_gaps_between_instruments_use_the_first_year_of_partial_dates(table):
    gaps = cooperation.years_between_instruments(cooperation.instruments(table))
    assert gaps.tolist() == [21, 5, 0, 3]


def test_instrument_table_formats_partial_dates_for_people(table):
    shown = cooperation_tables.instrument_table(model_of(table)).en
    assert shown["Date"].tolist()[:2] == ["20 July 1994", "2 April 1996"]
    assert "June 2023" in shown["Date"].tolist()
    assert "2015" in shown["Date"].tolist()


def test_a_label_is_the_short_name_on_two_lines_or_three_when_long():
    assert cooperation_charts.label("Science and technology agreement") == \
        "Science and\ntechnology agreement"
    assert cooperation_charts.label("Union") == "Union"
    assert cooperation_charts.label("Соглашение о научно-техническом сотрудничестве") == \
        "Соглашение о\nнаучно-техническом\nсотрудничестве"


def test_the_pace_of_instruments_follows_the_data(table):
    pace = cooperation.pace(table)
    assert (pace.count, pace.first_year, pace.last_year, pace.longest_gap) == (5, 1994, 2023, 21)
    assert (pace.offices_from, pace.since_offices) == (2015, 4)
    assert (pace.integration_from, pace.integration_to) == (1996, 1999)
    assert pace.integration_name == "Name union-state-1999"
    assert pace.integration_name_ru == "Имя union-state-1999"
    text = cooperation_text.pace_paragraph(model_of(table))
    assert "span 29 years" in text.en and "4 of the 5 date from 2015" in text.en
    assert "период в 29 лет" in text.ru and "4 из 5 приходятся на 2015\u202fг." in text.ru


def test_timeline_draws_every_instrument_even_with_the_same_partial_date(table, sources):
    fig = cooperation_charts.timeline(model_of(table, sources)).figure
    ax = fig.axes[0]
    markers = [line for line in ax.get_lines() if line.get_marker() not in ("None", None, "")]
    assert len(markers) == 5
    positions = {(tuple(m.get_xdata()), tuple(m.get_ydata())) for m in markers}
    assert len(positions) == 5  # the two 2020 memoranda do not sit on top of each other
