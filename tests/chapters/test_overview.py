"""The overview's combined time line, on small hand-made tables."""

import matplotlib

matplotlib.use("Agg")  # tests draw without a display; notebooks keep the inline backend

from types import SimpleNamespace  # noqa: E402

import pandas as pd  # noqa: E402

from belarus_ip_report.chapters.overview import charts as overview_charts
from belarus_ip_report.chapters.overview import model as overview
from belarus_ip_report.chapters.overview import words as overview_text
from belarus_ip_report.curated.tables import typed
from belarus_ip_report.foundation.dates import parse_partial_date


def tables():
    treaties = typed("wipo_treaties", pd.DataFrame([
        {"treaty_id": "paris", "short_name": "Paris", "belarus_status": "party",
         "belarus_in_force": "1991-12-25", "source_ids": "seed-mfa-wipo"},
        {"treaty_id": "beijing", "short_name": "Beijing", "belarus_status": "not_party",
         "belarus_in_force": None, "source_ids": "seed-mfa-wipo"},
    ]))
    milestones = typed("wto_accession_milestones", pd.DataFrame([
        {"date": "1993-09", "description": "Application", "source_ids": "seed-mfa-geneva-wto"},
        {"date": "2019-07-11", "description": "12th meeting", "source_ids": "seed-mfa-geneva-wto"},
    ]))
    instruments = typed("belarus_russia_ip", pd.DataFrame([
        {"date": "1996-04-02", "title": "Community treaty", "kind": "integration_treaty",
         "source_ids": "seed-ncip-unity-day-2021"},
        {"date": "2020", "title": "Memorandum", "kind": "memorandum",
         "source_ids": "seed-ncip-unity-day-2021"},
    ]))
    return treaties, milestones, instruments


def test_story_events_take_parties_milestones_and_instruments_but_not_context():
    events = overview.story_events(*tables())
    assert events.groupby("lane").size().to_dict() == {"brip": 1, "wipo": 1, "wto": 2}
    assert "Community treaty" not in set(events["label"])
    assert "Beijing" not in set(events["label"])


def test_events_per_decade_counts_each_lane_and_fills_gaps_with_zero():
    table = overview.events_per_decade(overview.story_events(*tables()))
    assert list(table.columns) == ["wipo", "wto", "brip"]
    assert table.loc[1990].tolist() == [1, 1, 0]
    assert table.loc[2010].tolist() == [0, 1, 0]
    assert table.loc[2020].tolist() == [0, 0, 1]


def test_partial_dates_sit_mid_period_and_are_flagged():
    year_only, exact = overview.as_year_fraction(parse_partial_date("2020"))
    assert 2020.4 < year_only < 2020.6 and not exact
    assert overview.as_year_fraction(parse_partial_date("2019-07-11"))[1]


def test_summary_chart_draws_one_marker_per_event_and_its_six_moments():
    whole = overview.load()
    chart = overview_charts.summary(whole)
    lines = [line for line in chart.figure.axes[0].get_lines() if len(line.get_xdata()) == 1]
    assert len(lines) == len(whole.events)
    assert len(chart.figure.axes[0].texts) == 6
    assert chart.stem == "00-three-stories" and chart.title.startswith("Three stories")


def test_the_peaks_are_the_busiest_decades_of_each_story():
    per_decade = pd.DataFrame({"wipo": [1, 7, 6, 2], "wto": [0, 3, 9, 1], "brip": [0, 1, 0, 5]},
                              index=[1970, 1990, 2000, 2020])
    assert overview_text.peaks_sentence(SimpleNamespace(per_decade=per_decade)).en == (
        "The three stories peak at different times: treaty accessions in the 1990s and 2000s, "
        "WTO activity in the 2000s, and the Belarus–Russia instruments in the 2020s.")
