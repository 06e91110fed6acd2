"""The WTO chapter's computations, pinned on small hand-made tables (not the real data)."""

from datetime import date

import matplotlib
import pandas as pd
import pytest

from belarus_ip_report.chapters.wto_accession import alt, membership, milestones, model, tables
from belarus_ip_report.chapters.wto_accession import charts as wto_charts
from belarus_ip_report.chapters.wto_accession import words as wto_text
from belarus_ip_report.curated.tables import typed
from belarus_ip_report.foundation import dates, paths

matplotlib.use("Agg")

AS_OF = date(2026, 11, 21)
WTO_START = date(1995, 1, 1)


def milestone_rows(*rows: tuple) -> pd.DataFrame:
    """Rows of (milestone_id, date, date_end, category, meeting_number); the halt carries a
    chart note."""
    halt = "accession-work-halted"
    frame = pd.DataFrame(
        [{"milestone_id": r[0], "date": r[1], "date_end": r[2], "category": r[3],
          "meeting_number": r[4], "description": f"About {r[0]}",
          "description_ru": f"Об этапе {r[0]}",
          "chart_note": "Work stops" if r[0].startswith(halt) else None,
          "chart_note_ru": "Работа остановлена" if r[0].startswith(halt) else None,
          "source_ids": "src-a"}
         for r in rows])
    frame["meeting_number"] = frame["meeting_number"].astype("Int64")
    return typed("wto_accession_milestones", frame.replace({None: pd.NA}))


MEETING = "working_party_meeting"
APPLICATION = "application_and_working_party"


def sample_milestones() -> pd.DataFrame:
    return milestone_rows(
        ("apply", "1993-09", None, APPLICATION, None),
        ("wp-1", "1997-06-05", None, MEETING, 1),
        ("wp-2", "2005-05-24", None, MEETING, 2),
        ("informal", "2006-06", None, MEETING, None),
        ("wp-3", "2017-01-24", None, MEETING, 3),
        ("wp-4", "2018-05", None, MEETING, 4),
        ("visit", "2017-10-31", "2017-11-03", "high_level_meeting", None),
        ("accession-work-halted-2020", "2020-08", None, APPLICATION, None),
        ("statement", "2022-03-15", None, APPLICATION, None),
    )


def accessions(*rows: tuple) -> pd.DataFrame:
    """Rows of (government, application_date, membership_date)."""
    return typed("wto_accessions", pd.DataFrame(
        [{"government": g, "government_ru": RUSSIAN_NAMES.get(g, f"Страна {g}"),
          "application_date": a, "working_party_established": pd.NA,
          "membership_date": m, "status": "member" if m else "acceding", "source_ids": "src-a"}
         for g, a, m in rows]).replace({None: pd.NA}))


#: The Russian names of the hand-made governments (others: 'Страна <name>').
RUSSIAN_NAMES = {"Belarus": "Беларусь", "Older": "Старшая", "Quick": "Быстрая",
                 "Slow": "Медленная"}


def sample_accessions() -> pd.DataFrame:
    return accessions(
        ("Belarus", "1993-09", None),
        ("Older", "1987-06-01", None),
        ("Quick", "1996-02-01", "1998-02-01"),
        ("Slow", "1995-01-01", "2015-01-01"),
        ("No date", None, "2000-11-30"),
        ("Before WTO", "1990-01-01", "1994-06-01"),
    )


def key_figures(*rows: tuple) -> pd.DataFrame:
    return typed("key_figures", pd.DataFrame(
        [{"figure_id": f, "value": v, "qualifier": "exactly", "unit": "members", "as_of": a,
          "description": f"{f} is {v}",
          "quantity": "wto_members" if f.startswith("wto-members") else None,
          "source_ids": "src-b"} for f, v, a in rows]
    ).astype({"value": "Int64"}).replace({None: pd.NA}))


# --- Dates --------------------------------------------------------------------------------


def test_decimal_year_puts_new_year_at_the_integer_and_july_near_the_middle():
    assert dates.decimal_year(date(2019, 1, 1)) == 2019.0
    assert 2019.49 < dates.decimal_year(date(2019, 7, 2)) < 2019.51


def test_whole_years_between_counts_only_completed_years():
    assert dates.whole_years_between(date(1993, 9, 30), date(2026, 9, 29)) == 32
    assert dates.whole_years_between(date(1993, 9, 30), date(2026, 9, 30)) == 33


# --- Milestone spans ----------------------------------------------------------------------


def test_month_only_milestone_covers_the_whole_month_and_is_not_given_a_day():
    row = milestones.milestone_spans(milestone_rows(("m", "2018-05", None, MEETING, None))).iloc[0]
    assert (row["kind"], row["precision"]) == ("partial", "month")
    assert (row["first"], row["last"]) == (date(2018, 5, 1), date(2018, 5, 31))
    assert row["x_first"] == pytest.approx(dates.decimal_year(date(2018, 5, 1)))
    assert row["x_last"] == pytest.approx(dates.decimal_year(date(2018, 6, 1)))


def test_year_only_milestone_covers_the_whole_year():
    row = milestones.milestone_spans(milestone_rows(("y", "2016", None, APPLICATION, None))).iloc[0]
    assert (row["kind"], row["precision"]) == ("partial", "year")
    assert (row["first"], row["last"]) == (date(2016, 1, 1), date(2016, 12, 31))
    assert row["x_mid"] == pytest.approx(2016.5)


def test_range_across_a_month_end_runs_from_31_october_to_3_november():
    row = milestones.milestone_spans(
        milestone_rows(("visit", "2017-10-31", "2017-11-03", "high_level_meeting", None))).iloc[0]
    assert row["kind"] == "range"
    assert (row["first"], row["last"]) == (date(2017, 10, 31), date(2017, 11, 3))
    assert row["x_last"] - row["x_first"] == pytest.approx(4 / 365)


def test_range_with_month_only_ends_is_partial_not_a_range_of_days():
    row = milestones.milestone_spans(
        milestone_rows(("igag", "2020-07", "2020-08", "observer_and_plurilateral", None))).iloc[0]
    assert row["kind"] == "partial"
    assert (row["first"], row["last"]) == (date(2020, 7, 1), date(2020, 8, 31))


def test_single_day_milestone_is_a_day():
    row = milestones.milestone_spans(milestone_rows(("d", "2019-07-11", None, MEETING, 12))).iloc[0]
    assert (row["kind"], row["first"], row["last"]) == ("day", date(2019, 7, 11), date(2019, 7, 11))


def test_spans_are_sorted_by_first_possible_day():
    spans = milestones.milestone_spans(sample_milestones())
    assert spans["first"].tolist() == sorted(spans["first"])


# --- Working-party meetings ---------------------------------------------------------------


def test_numbered_meetings_are_ordered_by_number_and_leave_out_informal_rounds():
    meetings = milestones.numbered_meetings(sample_milestones())
    assert meetings["meeting_number"].tolist() == [1, 2, 3, 4]
    assert "informal" not in set(meetings["milestone_id"])


def test_a_meeting_number_used_twice_is_an_error_naming_both_rows():
    frame = milestone_rows(("a", "2001-03-05", None, MEETING, 3),
                       ("b", "2003-01-24", None, MEETING, 3))
    with pytest.raises(ValueError, match=r"number 3 appears more than once \(a, b\)"):
        milestones.numbered_meetings(frame)


def test_a_later_number_dated_before_an_earlier_one_is_an_error():
    frame = milestone_rows(("a", "2005-05-24", None, MEETING, 1),
                       ("b", "2004-01-30", None, MEETING, 2))
    with pytest.raises(ValueError, match="meeting 2 .* is dated before meeting 1"):
        milestones.numbered_meetings(frame)


def test_intervals_between_exact_days_have_no_range():
    intervals = milestones.meeting_intervals(milestones.numbered_meetings(sample_milestones()))
    first = intervals.iloc[0]
    assert (first["from_meeting"], first["to_meeting"]) == (1, 2)
    assert first["months_min"] == first["months"] == first["months_max"]


def test_interval_to_a_month_only_meeting_is_bounded_by_the_month():
    intervals = milestones.meeting_intervals(milestones.numbered_meetings(sample_milestones()))
    last = intervals.iloc[-1]  # 24 January 2017 to May 2018
    assert last["months_min"] == pytest.approx(
        (date(2018, 5, 1) - date(2017, 1, 24)).days / dates.DAYS_PER_MONTH, abs=0.05)
    assert last["months_max"] == pytest.approx(
        (date(2018, 5, 31) - date(2017, 1, 24)).days / dates.DAYS_PER_MONTH, abs=0.05)
    assert last["months_min"] < last["months"] < last["months_max"]


def test_longest_interval_is_the_long_pause():
    intervals = milestones.meeting_intervals(milestones.numbered_meetings(sample_milestones()))
    pause = milestones.longest_interval(intervals)
    assert (pause["from_meeting"], pause["to_meeting"]) == (2, 3)
    assert pause["years"] == pytest.approx(11.7, abs=0.05)


def test_meetings_per_year_counts_partial_dates_in_their_year_and_fills_empty_years():
    per_year = milestones.meetings_per_year(sample_milestones(), 2016, 2018).set_index("year")
    assert per_year["numbered"].to_dict() == {2016: 0, 2017: 1, 2018: 1}
    counts = milestones.meetings_per_year(sample_milestones(), 2005, 2006).set_index("year")
    assert counts.loc[2006, "informal"] == 1
    assert counts.loc[2005, "numbered"] == 1


def test_timeline_summary_counts_informal_rounds_in_the_pause_and_milestones_after_the_halt():
    story = milestones.timeline_summary(sample_milestones())
    assert story["informal_during_pause"] == 1
    assert story["after_halt"] == 1
    assert story["partial"] == 4 and story["ranges"] == 1
    assert story["last_number"] == 4


def test_milestone_table_writes_dates_for_people_including_ranges():
    table = tables.milestone_table(sample_model())
    assert "31 October–3 November 2017" in set(table.en["Date"])
    assert "September 1993" in set(table.en["Date"])
    assert "Application and working party" in set(table.en["Category"])
    assert "31 октября–3 ноября 2017\u202fг." in set(table.ru["Дата"])
    assert "сентябрь 1993\u202fг." in set(table.ru["Дата"])
    assert "Заявка и Рабочая группа" in set(table.ru["Категория"])
    assert "Об этапе wp-1" in set(table.ru["Событие"])


# --- Membership ---------------------------------------------------------------------------


def members() -> pd.DataFrame:
    return typed("wto_members", pd.DataFrame({
        "member": ["A", "B", "C", "D", "E"],
        "member_ru": ["А", "Б", "В", "Г", "Д"],
        "membership_date": ["1995-01-01", "1995-01-01", "1996", "2016-07-29", pd.NA],
        "route": ["original", "original", "accession", "accession", "original"],
        "source_ids": "src-a",
        "notes": pd.NA,
    }))


def test_member_steps_leave_out_undated_members_and_count_a_year_only_date_at_year_end():
    steps = membership.member_steps(members())
    assert steps["date"].tolist() == [date(1995, 1, 1), date(1996, 12, 31), date(2016, 7, 29)]
    assert steps["dated_members"].tolist() == [2, 3, 4]
    assert membership.undated_members(members()) == ["E"]


def test_members_per_year_runs_to_as_of_and_keeps_the_undated_apart():
    per_year = membership.members_per_year(members(), 1995, AS_OF).set_index("year")
    assert per_year.index.max() == AS_OF.year
    assert per_year.loc[1995, "dated_members"] == 2
    assert per_year.loc[1996, "joined"] == 1
    assert per_year.loc[2026, "dated_members"] == 4
    assert (per_year["undated_members"] == 1).all()


def test_reported_member_counts_keep_only_the_member_figures_in_date_order():
    figures = key_figures(("wto-members-timor-leste", 166, "2024-08-30"),
                          ("wto-members-2019", 164, "2019"),
                          ("bilateral-talks-concluded", 22, None))
    reported = membership.reported_member_counts(figures)
    assert reported["value"].tolist() == [164, 166]
    year_only = reported.iloc[0]
    assert year_only["precision"] == "year"
    assert (year_only["x_first"], year_only["x_last"]) == (2019.0, 2020.0)


# --- Accessions ---------------------------------------------------------------------------


def test_open_accession_runs_to_as_of():
    durations = membership.accession_durations(sample_accessions(), AS_OF, WTO_START)
    durations = durations.set_index("government")
    belarus = durations.loc["Belarus"]
    assert bool(belarus["still_acceding"])
    assert belarus["years_min"] == pytest.approx(
        (AS_OF - date(1993, 9, 30)).days / 365.25, abs=0.01)
    assert belarus["years_max"] == pytest.approx(
        (AS_OF - date(1993, 9, 1)).days / 365.25, abs=0.01)


def test_durations_leave_out_missing_application_dates_and_pre_1995_members():
    durations = membership.accession_durations(sample_accessions(), AS_OF, WTO_START)
    assert "No date" not in set(durations["government"])
    assert "Before WTO" not in set(durations["government"])
    assert membership.without_application_date(sample_accessions()) == ["No date"]


def test_durations_are_sorted_longest_first():
    durations = membership.accession_durations(sample_accessions(), AS_OF, WTO_START)
    assert durations["government"].tolist() == ["Older", "Belarus", "Slow", "Quick"]
    assert durations.loc[durations["government"] == "Quick", "years"].iloc[0] == pytest.approx(
        2.0, abs=0.01)


def test_rank_counts_completed_and_open_accessions():
    durations = membership.accession_durations(sample_accessions(), AS_OF, WTO_START)
    rank = membership.duration_rank(durations, "Belarus")
    assert rank == {"rank": 2, "of": 4, "rank_open": 2, "of_open": 2, "completed_longer": 0}
    assert membership.duration_rank(durations, "Slow")["rank"] == 3


def test_rank_of_a_government_without_a_duration_is_an_error():
    durations = membership.accession_durations(sample_accessions(), AS_OF, WTO_START)
    with pytest.raises(ValueError, match="No date"):
        membership.duration_rank(durations, "No date")


def test_rank_words():
    assert wto_text.rank_words(1) == "longest"
    assert wto_text.rank_words(2) == "second-longest"
    assert wto_text.rank_words(11) == "11th-longest"
    assert wto_text.rank_words(22) == "22nd-longest"
    with pytest.raises(ValueError):
        wto_text.rank_words(0)


def test_ordinal():
    assert [wto_text.ordinal(n) for n in (1, 2, 3, 4, 11, 12, 13, 21, 112)] == [
        "1st", "2nd", "3rd", "4th", "11th", "12th", "13th", "21st", "112th"]


# --- Headline -----------------------------------------------------------------------------


def sample_figures() -> pd.DataFrame:
    return key_figures(("bilateral-talks-concluded", 22, None),
                       ("bilateral-talks-concluded-since-2017", 12, None))


def no_disagreements() -> pd.DataFrame:
    return pd.DataFrame(columns=["table", "row_key", "column"])


def sources() -> pd.DataFrame:
    return pd.DataFrame({"source_id": ["src-a", "src-b"],
                         "publisher": ["Publisher A", "Publisher B (press)"]})


def sample_model(as_of: date = AS_OF, accession_rows: pd.DataFrame | None = None
                 ) -> model.WtoAccession:
    """The chapter's model built from the small tables above."""
    figures = pd.concat([sample_figures(), key_figures(("wto-members-first-day", 2, "1995-01-01"),
                                                       ("wto-members-2019", 4, "2019"))],
                        ignore_index=True)
    return model.build({"wto_accession_milestones": sample_milestones(),
                        "wto_members": members(),
                        "wto_accessions": sample_accessions() if accession_rows is None
                        else accession_rows,
                        "key_figures": figures, "sources": sources(),
                        "discrepancies": no_disagreements()}, as_of)


def test_headline_counts_years_from_the_last_possible_day_of_a_month_only_application():
    assert sample_model().headline["years_since_application"] == 33
    late = sample_model(date(2026, 9, 15)).headline
    assert late["years_since_application"] == 32  # September 1993 may be the 30th


def test_headline_figures():
    head = sample_model().headline
    assert head["meetings_held"] == 4
    assert (head["last_meeting_number"], str(head["last_meeting_date"])) == (4, "2018-05")
    assert (head["bilateral_concluded"], head["bilateral_since_2017"]) == (22, 12)
    assert (head["rank"], head["of"]) == (2, 4)


def test_headline_needs_an_application_date():
    frame = accessions(("Belarus", None, None), ("Quick", "1996-02-01", "1998-02-01"))
    with pytest.raises(ValueError, match="application date"):
        sample_model(accession_rows=frame)


def test_the_model_is_computed_once_and_frozen():
    m = sample_model()
    with pytest.raises(AttributeError):
        m.as_of = date(2000, 1, 1)
    assert m.wto_start == WTO_START  # one definition: the members table's first day


# --- Charts -------------------------------------------------------------------------------


@pytest.fixture
def project_style():
    with matplotlib.pyplot.style.context(paths.CHART_STYLE):
        yield


def _texts(fig) -> str:
    return " ".join(t.get_text() for t in fig.findobj(matplotlib.text.Text))


def test_timeline_chart_has_titles_labelled_axes_a_source_line_and_annotations(project_style):
    chart = wto_charts.timeline(sample_model())
    fig = chart.figure
    top, bottom = fig.axes
    assert top.get_title("left") == chart.title and bottom.get_title("left")
    assert top.get_xlabel() == bottom.get_xlabel() == "Year"
    text = _texts(fig)
    assert f"Source: {chart.source}" in text
    assert "11.7 years without a formal meeting" in text
    assert "August 2020: Work\nstops" in text  # the chart note, from the data
    matplotlib.pyplot.close(fig)


def test_duration_chart_labels_belarus_and_both_axes(project_style):
    fig = wto_charts.durations(sample_model()).figure
    ax = fig.axes[0]
    assert ax.get_title("left") and ax.get_xlabel()
    assert "Belarus: 33.2 years and counting" in _texts(fig)
    assert [t.get_text() for t in ax.get_yticklabels()][:2] == ["Older", "Belarus"]
    matplotlib.pyplot.close(fig)


def test_rhythm_and_membership_charts_have_titles_and_labelled_axes(project_style):
    fig = wto_charts.rhythm(sample_model()).figure
    assert all(ax.get_xlabel() and ax.get_ylabel() for ax in fig.axes)
    assert fig.axes[0].get_title("left")
    matplotlib.pyplot.close(fig)
    chart = wto_charts.membership(sample_model())
    ax = chart.figure.axes[0]
    assert ax.get_title("left") == chart.title and ax.get_xlabel() and ax.get_ylabel()
    assert "Adding the 1 members with no date in the sources" in [
        t.get_text() for t in ax.get_legend().get_texts()]
    matplotlib.pyplot.close(chart.figure)


def test_alt_texts_state_the_computed_numbers():
    m = sample_model()
    durations = alt.duration_alt(m)
    assert "Belarus has waited 33.2 years, rank 2 of 4" in durations.en
    assert "1 accessions without an application date" in durations.en
    assert "Беларусь ждет уже 33,2 года — 2-е место из 4" in durations.ru
    assert "1 присоединение без даты заявки не показано" in durations.ru
    assert "11.7 years" in alt.timeline_alt(m).en
    assert "11,7 года" in alt.timeline_alt(m).ru


def test_the_wtos_first_day_is_its_original_members_date():
    assert membership.wto_first_day(members()) == date(1995, 1, 1)
