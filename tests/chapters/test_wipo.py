"""The WIPO chapter's series, on small hand-made treaty tables."""

from datetime import date

import pandas as pd
import pytest

from belarus_ip_report.chapters.wipo_treaties import charts as wipo_charts
from belarus_ip_report.chapters.wipo_treaties import model as wipo
from belarus_ip_report.chapters.wipo_treaties import words as wipo_text
from belarus_ip_report.curated.tables import typed

AS_OF = date(2026, 11, 21)


def treaty(treaty_id, field, adopted, in_force, status="not_party", belarus_in_force=None,
           parties=10, **extra):
    return {
        "treaty_id": treaty_id, "short_name": treaty_id.title(), "field": field,
        "wipo_group": "wipo_convention" if field == "wipo_convention" else "ip_protection",
        "adopted": adopted, "in_force": in_force, "parties_count": parties,
        "parties_count_as_of": "2026-02-03", "belarus_status": status,
        "belarus_instrument": extra.get("instrument"), "belarus_deposited": None,
        "belarus_in_force": belarus_in_force, "source_ids": "seed-mfa-wipo",
    }


@pytest.fixture
def treaties():
    rows = [
        # Older than independent Belarus, applied by continuation from 25 December 1991.
        treaty("paris", "industrial_property", "1883-03-20", "1884-07-07", "party",
               "1991-12-25", parties=181, instrument="continued_application"),
        # Joined six years after independence.
        treaty("berne", "copyright_and_related_rights", "1886-09-09", "1887-12-05", "party",
               "1997-12-12", parties=181),
        # The Byelorussian SSR was a party before independence: earlier than 1991.
        treaty("convention", "wipo_convention", "1967-07-14", "1970-04-26", "party",
               "1970-04-26", parties=194),
        # Original party: in force for Belarus the day the treaty entered into force.
        treaty("wct", "copyright_and_related_rights", "1996-12-20", "2002-03-06", "party",
               "2002-03-06"),
        # Signed, never ratified.
        treaty("tlt", "industrial_property", "1994-10-27", "1996-08-01", "signatory"),
        # Adopted, not yet in force.
        treaty("riyadh", "industrial_property", "2024-11-22", None, parties=0),
        # No adoption date in any source.
        treaty("undated", "industrial_property", None, "1990-01-01"),
    ]
    return typed("wipo_treaties", pd.DataFrame(rows))


def test_growth_counts_adopted_treaties_by_field_and_those_in_force(treaties):
    growth = wipo.treaty_growth(treaties, AS_OF).set_index("year")
    assert growth.loc[1883, "industrial_property"] == 1
    assert growth.loc[1886, "copyright_and_related_rights"] == 1
    assert growth.loc[1967, "wipo_convention"] == 1
    assert growth.loc[1966, "wipo_convention"] == 0
    assert growth.loc[2026, "adopted_total"] == 6  # the undated treaty is not placed
    assert growth.loc[2026, "in_force_total"] == 6  # Riyadh is not in force
    assert growth.index.min() == wipo.first_year(treaties) == 1883
    assert growth.index.max() == AS_OF.year


def test_growth_stops_at_the_as_of_date_within_its_year(treaties):
    growth = wipo.treaty_growth(treaties, date(2024, 6, 30)).set_index("year")
    assert growth.loc[2024, "adopted_total"] == 5  # Riyadh was adopted in November


def test_a_treaty_without_adoption_date_is_listed_as_undated(treaties):
    assert wipo.undated_treaties(treaties) == ["Undated"]


def test_years_count_held_finds_the_span_or_none(treaties):
    growth = wipo.treaty_growth(treaties, AS_OF)
    assert wipo.years_count_held(growth, 5) == (1996, 2023)
    assert wipo.years_count_held(growth, 99) is None


def test_participation_counts_only_treaties_in_force_for_belarus(treaties):
    series = wipo.belarus_participation(treaties, AS_OF).set_index("year")
    assert series.loc[1970, "in_force_for_belarus"] == 1
    assert series.loc[1991, "in_force_for_belarus"] == 2
    assert series.loc[2002, "in_force_for_belarus"] == 4
    assert series.loc[2026, "in_force_worldwide"] == 6


def test_lag_starts_at_independence_for_older_treaties(treaties):
    lags = wipo.accession_lag(treaties).set_index("treaty")
    assert lags.loc["Berne", "counted_from"] == date(1991, 12, 25)
    assert lags.loc["Berne", "lag_years"] == pytest.approx(6.0, abs=0.05)
    assert not lags.loc["Berne", "from_the_start"]


def test_lag_is_zero_for_continued_application_and_for_a_date_before_independence(treaties):
    lags = wipo.accession_lag(treaties).set_index("treaty")
    assert lags.loc["Paris", "lag_years"] == 0 and lags.loc["Paris", "from_the_start"]
    assert lags.loc["Convention", "lag_years"] == 0
    assert lags.loc["Convention", "from_the_start"]


def test_lag_is_zero_for_an_original_party_of_a_newer_treaty(treaties):
    lags = wipo.accession_lag(treaties).set_index("treaty")
    assert lags.loc["Wct", "counted_from"] == date(2002, 3, 6)
    assert lags.loc["Wct", "lag_years"] == 0


def test_signatory_and_unratified_treaties_have_no_lag_and_count_as_not_joined(treaties):
    assert "Tlt" not in set(wipo.accession_lag(treaties)["treaty"])
    missing = wipo.not_joined(treaties)
    assert set(missing["short_name"]) == {"Tlt", "Riyadh", "Undated"}


def test_headline_figures(treaties):
    head = wipo.headline(treaties, AS_OF)
    assert head["administered"] == 7
    assert head["belarus_parties"] == 4
    assert head["share"] == pytest.approx(4 / 7)
    assert head["newest_name"] == "Wct"
    assert head["signatory_only"] == ["Tlt"]


def test_headline_leaves_out_treaties_adopted_after_the_as_of_date(treaties):
    assert wipo.headline(treaties, date(2024, 1, 1))["administered"] == 6


def test_parties_before_a_day_drops_later_entries_into_force(treaties):
    assert wipo.parties_before(treaties, date(2000, 1, 1)) == 3
    assert wipo.parties_before(treaties, AS_OF) == 4


def test_status_table_groups_by_field_and_says_not_yet_for_a_treaty_not_in_force(treaties):
    table = wipo_text.status_table(treaties)
    assert list(table["Field"].unique()) == [
        "Industrial property", "Copyright and related rights", "WIPO Convention"]
    riyadh = table[table["Treaty"] == "Riyadh"].iloc[0]
    assert riyadh["In force"] == "not yet"
    assert table[table["Treaty"] == "Tlt"].iloc[0]["Belarus"] == "Signed, not ratified"
    assert table[table["Treaty"] == "Undated"].iloc[0]["Adopted"] == "not found"


def test_reach_sorts_largest_first_within_each_field(treaties):
    reach = wipo.reach(treaties)
    industrial = reach[reach["field"] == "industrial_property"]["parties_count"].tolist()
    assert industrial == sorted(industrial, reverse=True)
    assert reach.iloc[-1]["treaty"] == "Convention"


def test_parties_before_the_newest_accession_leaves_it_out(treaties):
    assert wipo.parties_before_newest_accession(treaties) == 3


def test_the_participation_chart_marks_the_newest_accession_the_data_gives():
    """Move a treaty's date in a copy of the data: the annotation follows (no year in code)."""
    from belarus_ip_report.curated.tables import load_table
    from belarus_ip_report.foundation import paths as project_paths
    from belarus_ip_report.foundation.dates import parse_partial_date

    treaties = load_table("wipo_treaties", project_paths.PROCESSED)
    moved = treaties.copy()
    moved.loc[moved["treaty_id"] == "hague", ["belarus_deposited", "belarus_in_force"]] = \
        [parse_partial_date("2023-01-10"), parse_partial_date("2023-04-10")]
    events = load_table("belarus_wipo_events", project_paths.PROCESSED)
    sources = load_table("sources", project_paths.PROCESSED)
    as_of = date(2026, 11, 23)
    for frame, year in ((treaties, "2021"), (moved, "2023")):
        fig = wipo_charts.participation_chart(wipo.belarus_participation(frame, as_of), frame,
                                              as_of, events, sources)
        notes = [text.get_text() for text in fig.axes[0].texts]
        assert f"{year}: Hague Agreement" in notes, notes


def test_joined_per_decade_leaves_out_the_convention_and_continued_treaties(treaties):
    assert wipo.joined_per_decade(treaties).to_dict() == {1990: 1, 2000: 1}


def test_the_joining_paragraph_follows_the_data(treaties):
    text = wipo_text.joining_paragraph(wipo.founding_convention(treaties),
                                       wipo.participation_moments(treaties),
                                       wipo.joined_per_decade(treaties))
    assert text.startswith("Belarus entered the system in 1970, when the Convention came into "
                           "force with the Byelorussian SSR among its first members.")
    assert "continued to apply 1 treaty the Soviet Union had joined" in text
    assert "then joined 2 more treaties in waves: 1 in the 1990s and 1 in the 2000s" in text
    assert text.endswith("the latest, the Wct, in 2002.")
