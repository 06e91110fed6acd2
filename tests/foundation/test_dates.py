"""Partial dates: parsing YYYY-MM-DD, YYYY-MM and YYYY, and writing them for people."""

from __future__ import annotations

from datetime import date

import pandas as pd
import pytest

from belarus_ip_report.foundation.dates import (
    Elapsed,
    PartialDate,
    as_text,
    format_for_people,
    parse_column,
    parse_partial_date,
)

# --- parse_partial_date: valid forms ------------------------------------------------------


def test_a_full_date_is_a_day():
    parsed = parse_partial_date("2019-07-11")
    assert parsed == PartialDate(date(2019, 7, 11), date(2019, 7, 11), "day")
    assert parsed.iso == "2019-07-11"
    assert parsed.midpoint == date(2019, 7, 11)


def test_a_year_and_month_is_a_month_from_its_first_to_its_last_day():
    parsed = parse_partial_date("2019-07")
    assert parsed == PartialDate(date(2019, 7, 1), date(2019, 7, 31), "month")
    assert parsed.iso == "2019-07"


@pytest.mark.parametrize(
    ("text", "last_day"),
    [("2023-02", date(2023, 2, 28)), ("2024-02", date(2024, 2, 29)),
     ("2000-02", date(2000, 2, 29)), ("1900-02", date(1900, 2, 28)),
     ("2019-04", date(2019, 4, 30)), ("2019-12", date(2019, 12, 31))],
)
def test_a_month_ends_on_its_real_last_day(text, last_day):
    assert parse_partial_date(text).last == last_day


def test_a_year_alone_is_a_year_from_1_january_to_31_december():
    parsed = parse_partial_date("1993")
    assert parsed == PartialDate(date(1993, 1, 1), date(1993, 12, 31), "year")
    assert parsed.iso == "1993"
    assert parsed.midpoint == date(1993, 7, 2)


def test_29_february_is_a_day_in_a_leap_year_only():
    assert parse_partial_date("2024-02-29").precision == "day"
    with pytest.raises(ValueError, match="is not a day of the calendar"):
        parse_partial_date("2023-02-29")


def test_partial_dates_order_by_their_first_day():
    assert parse_partial_date("2019") < parse_partial_date("2019-02") < parse_partial_date(
        "2019-02-03")


# --- parse_partial_date: what is refused, and how it says so -------------------------------


@pytest.mark.parametrize("text", ["2019-13", "2019-00", "2019-13-01", "2019-00-10"])
def test_a_month_outside_1_to_12_is_refused_naming_the_month(text):
    month = int(text.split("-")[1])
    with pytest.raises(ValueError, match=f"^'{text}' has no month {month}$"):
        parse_partial_date(text)


@pytest.mark.parametrize("text", ["2023-02-30", "2019-04-31", "2019-07-00", "2019-07-32"])
def test_a_day_that_the_calendar_does_not_have_is_refused(text):
    with pytest.raises(ValueError, match=f"^'{text}' is not a day of the calendar$"):
        parse_partial_date(text)


@pytest.mark.parametrize(
    "text",
    [
        "2019-7-1",      # month and day need two digits
        "2019-07-1",
        "2019-7",
        "19-07-2019",    # day first
        "11-07-2019",
        "19",            # two-digit year
        "02019",
        "2019/07/11",
        "2019.07.11",
        "11 July 2019",
        "2019-07-11T00:00",
        "2019-07-11-01",
        " 2019-07-11",   # white space is the loader's business, not the parser's
        "2019-07-11 ",
        "2019-",
        "-2019",
        "2019--11",
        "",
        "-",
        "abcd",
        "20a9",
        "+2019",
    ],
)
def test_a_date_in_the_wrong_form_is_refused_with_the_expected_forms(text):
    expected = f"'{text}' is not a date in the form YYYY-MM-DD, YYYY-MM or YYYY"
    with pytest.raises(ValueError) as raised:
        parse_partial_date(text)
    assert str(raised.value) == expected


# --- format_for_people -----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("iso", "expected"),
    [
        ("2019-07-11", "11 July 2019"),
        ("2019-07-01", "1 July 2019"),      # no leading zero on the day
        ("1970-04-26", "26 April 1970"),
        ("2019-07", "July 2019"),
        ("1947-10", "October 1947"),
        ("2019", "2019"),
        ("1893", "1893"),
    ],
)
def test_a_single_date_is_written_at_its_own_precision(iso, expected):
    assert format_for_people(parse_partial_date(iso)) == expected


@pytest.mark.parametrize(
    ("start", "end", "expected"),
    [
        # days within one month: the month and year once
        ("2019-07-11", "2019-07-13", "11–13 July 2019"),
        ("2019-02-01", "2019-02-28", "1–28 February 2019"),
        # days across months of one year: the year once
        ("2019-06-30", "2019-07-02", "30 June–2 July 2019"),
        ("2005-10-24", "2005-11-03", "24 October–3 November 2005"),
        # days across years: both dates in full, spaced dash
        ("2019-12-30", "2020-01-02", "30 December 2019 – 2 January 2020"),
        # anything that is not two days: both ends in full, spaced dash
        ("2019-07", "2019-08", "July 2019 – August 2019"),
        ("2019", "2020", "2019 – 2020"),
        ("2019-07", "2019-07-15", "July 2019 – 15 July 2019"),
        ("2019-07-11", "2020", "11 July 2019 – 2020"),
    ],
)
def test_a_range_is_written_without_repeating_what_both_ends_share(start, end, expected):
    assert format_for_people(parse_partial_date(start), parse_partial_date(end)) == expected


@pytest.mark.parametrize("iso", ["2019-07-11", "2019-07", "2019"])
def test_a_range_that_ends_where_it_starts_is_a_single_date(iso):
    when = parse_partial_date(iso)
    assert format_for_people(when, parse_partial_date(iso)) == format_for_people(when)
    assert format_for_people(when, None) == format_for_people(when)


def test_a_full_day_is_written_as_a_day():
    assert format_for_people(date(2026, 11, 23)) == "23 November 2026"


def test_text_is_not_a_date_to_format():
    with pytest.raises(TypeError, match="load dates with tables.load_table"):
        format_for_people("2019-07-11")


# --- one typed form --------------------------------------------------------------------------


def test_partial_dates_sort_as_their_iso_text_does():
    texts = ["2019-07-11", "2019", "2019-07", "2019-01-01", "2018-12", "2019-01", "2019-06-30"]
    assert [str(d) for d in sorted(map(parse_partial_date, texts))] == sorted(texts)


def test_a_partial_date_knows_its_year_and_can_be_said_less_exactly():
    day = parse_partial_date("2022-03-15")
    assert (day.year, day.is_day, str(day)) == (2022, True, "2022-03-15")
    assert str(day.to_precision("month")) == "2022-03"
    assert day.to_precision("year") == parse_partial_date("2022")
    with pytest.raises(ValueError, match="cannot be made a day"):
        parse_partial_date("2022").to_precision("day")


def test_loading_a_clean_table_gives_typed_dates_without_the_helper_columns(tmp_path):
    from belarus_ip_report.curated import tables

    frame = tables.load_table("wto_accessions")
    assert "application_date_precision" not in frame.columns
    belarus = frame.set_index("government").loc["Belarus"]
    assert belarus["application_date"] == parse_partial_date("1993-09")
    assert belarus["membership_date"] is None
    assert {type(v) for v in frame["application_date"].dropna()} == {PartialDate}


def test_the_csv_form_writes_text_precision_and_both_ends(tmp_path):
    frame = pd.DataFrame({"id": ["a", "b"], "date": ["2019-06", None]})
    frame["date"] = parse_column(frame["date"])
    text = as_text(frame, ["date"])
    assert list(text.columns) == ["id", "date", "date_precision", "date_earliest", "date_latest"]
    assert text.iloc[0].tolist() == ["a", "2019-06", "month", "2019-06-01", "2019-06-30"]
    assert text.iloc[1, 1:].isna().all()


def test_elapsed_time_between_partial_dates_is_bounded_by_their_periods():
    elapsed = Elapsed.between(parse_partial_date("1993-09"), parse_partial_date("2026-11-23"))
    assert (elapsed.shortest, elapsed.longest) == (
        (date(2026, 11, 23) - date(1993, 9, 30)).days, (date(2026, 11, 23) - date(1993, 9, 1)).days)
    assert elapsed.shortest < elapsed.middle < elapsed.longest
    assert elapsed.years(1) == (33.1, 33.2, 33.2)
    day = parse_partial_date("2019-07-11")
    assert len(set(Elapsed.between(day, parse_partial_date("2020-07-11")).months(1))) == 1
