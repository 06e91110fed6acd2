"""The WIPO chapter's series, on small hand-made treaty tables."""

from datetime import date

import pandas as pd
import pytest

from belarus_ip_report.chapters.wipo_treaties import belarus, model, reader_tables, system
from belarus_ip_report.chapters.wipo_treaties import charts as wipo_charts
from belarus_ip_report.chapters.wipo_treaties import words_belarus as wipo_text
from belarus_ip_report.curated.tables import typed

AS_OF = date(2026, 11, 21)


#: The small tables' treaties as the Russian edition names them (`short_name_ru`).
RUSSIAN_NAMES = {"paris": "Парижская конвенция", "berne": "Бернская конвенция",
                 "convention": "Конвенция ВОИС", "wct": "ДАП",
                 "tlt": "Договор о законах по товарным знакам", "riyadh": "Эр-Риядский договор",
                 "undated": "Договор без даты"}


def treaty(treaty_id, field, adopted, in_force, status="not_party", belarus_in_force=None,
           parties=4, **extra):
    return {
        "treaty_id": treaty_id, "short_name": treaty_id.title(),
        "short_name_ru": RUSSIAN_NAMES[treaty_id], "field": field,
        "wipo_group": "wipo_convention" if field == "wipo_convention" else "ip_protection",
        "adopted": adopted, "in_force": in_force, "parties_count": parties,
        "belarus_status": status,
        "belarus_instrument": extra.get("instrument"), "belarus_deposited": None,
        "belarus_in_force": belarus_in_force, "source_ids": "seed-mfa-wipo",
    }


def parties_of(rows: list[dict]) -> pd.DataFrame:
    """Dated treaty_parties rows that give each treaty its count (`parties`) and Belarus the
    status the row says."""
    out = []
    for row in rows:
        if row["in_force"]:
            out += [{"treaty_id": row["treaty_id"], "party": f"State {i}",
                     "party_ru": f"Государство {i}", "signed": None,
                     "instrument": "accession", "deposited": row["in_force"],
                     "in_force": row["in_force"]} for i in range(row["parties_count"] - (
                         row["belarus_status"] == "party"))]
        if row["belarus_status"] == "party":
            out.append({"treaty_id": row["treaty_id"], "party": "Belarus",
                        "party_ru": "Беларусь", "signed": None,
                        "instrument": row["belarus_instrument"] or "accession",
                        "deposited": row["belarus_in_force"],
                        "in_force": row["belarus_in_force"]})
        if row["belarus_status"] == "signatory":
            out.append({"treaty_id": row["treaty_id"], "party": "Belarus",
                        "party_ru": "Беларусь", "signed": row["adopted"], "instrument": None,
                        "deposited": None, "in_force": None})
    frame = pd.DataFrame(out).assign(withdrawal_deposited=None, withdrawal_effective=None,
                                     source_id="wipolex-parties", notes=None)
    return typed("treaty_parties", frame)


@pytest.fixture
def raw():
    rows = [
        # Older than independent Belarus, applied by continuation from 25 December 1991.
        treaty("paris", "industrial_property", "1883-03-20", "1884-07-07", "party",
               "1991-12-25", parties=9, instrument="continued_application"),
        # Joined six years after independence.
        treaty("berne", "copyright_and_related_rights", "1886-09-09", "1887-12-05", "party",
               "1997-12-12", parties=8),
        # The Byelorussian SSR was a party before independence: earlier than 1991.
        treaty("convention", "wipo_convention", "1967-07-14", "1970-04-26", "party",
               "1970-04-26", parties=12),
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
    return rows


@pytest.fixture
def treaties(raw):
    return model.treaties_on(typed("wipo_treaties", pd.DataFrame(raw)), parties_of(raw), AS_OF)


def model_of(raw: list[dict], as_of: date = AS_OF) -> model.WipoTreaties:
    """The chapter's model around the small tables above."""
    figures = typed("key_figures", pd.DataFrame([
        {"figure_id": figure, "value": 5, "qualifier": "exactly", "unit": "treaties",
         "as_of": None, "description": figure, "quantity": None, "source_ids": "seed-mfa-wipo"}
        for figure in model.MINISTRY_FIGURES.values()]).astype({"value": "Int64"}))
    events = typed("belarus_wipo_events", pd.DataFrame([
        {"event_id": "visit", "date": "2019-06-04", "date_end": None, "category": "visit",
         "description": "A visit", "source_ids": "seed-mfa-wipo"}]))
    sources = pd.DataFrame({"source_id": ["seed-mfa-wipo", "wipolex-parties"],
                            "publisher": ["Foreign Ministry", "WIPO"]})
    return model.build({"wipo_treaties": typed("wipo_treaties", pd.DataFrame(raw)),
                        "treaty_parties": parties_of(raw), "belarus_wipo_events": events,
                        "key_figures": figures, "sources": sources,
                        "discrepancies": pd.DataFrame(columns=["table", "row_key", "column"])},
                       as_of)


def test_growth_counts_adopted_treaties_by_field_and_those_in_force(treaties):
    growth = system.treaty_growth(treaties, AS_OF).set_index("year")
    assert growth.loc[1883, "industrial_property"] == 1
    assert growth.loc[1886, "copyright_and_related_rights"] == 1
    assert growth.loc[1967, "wipo_convention"] == 1
    assert growth.loc[1966, "wipo_convention"] == 0
    assert growth.loc[2026, "adopted_total"] == 6  # the undated treaty is not placed
    assert growth.loc[2026, "in_force_total"] == 6  # Riyadh is not in force
    assert growth.index.min() == system.first_year(treaties) == 1883
    assert growth.index.max() == AS_OF.year


def test_growth_stops_at_the_as_of_date_within_its_year(treaties):
    growth = system.treaty_growth(treaties, date(2024, 6, 30)).set_index("year")
    assert growth.loc[2024, "adopted_total"] == 5  # Riyadh was adopted in November


def test_a_treaty_without_adoption_date_is_listed_as_undated(treaties):
    assert system.undated_treaties(treaties) == ["Undated"]


def test_years_count_held_finds_the_span_or_none(treaties):
    growth = system.treaty_growth(treaties, AS_OF)
    assert system.years_count_held(growth, 5) == (1996, 2023)
    assert system.years_count_held(growth, 99) is None


def test_participation_counts_only_treaties_in_force_for_belarus(treaties):
    series = belarus.belarus_participation(treaties, AS_OF).set_index("year")
    assert series.loc[1970, "in_force_for_belarus"] == 1
    assert series.loc[1991, "in_force_for_belarus"] == 2
    assert series.loc[2002, "in_force_for_belarus"] == 4
    assert series.loc[2026, "in_force_worldwide"] == 6


def test_lag_starts_at_independence_for_older_treaties(treaties):
    lags = belarus.accession_lag(treaties).set_index("treaty")
    assert lags.loc["Berne", "counted_from"] == date(1991, 12, 25)
    assert lags.loc["Berne", "lag_years"] == pytest.approx(6.0, abs=0.05)
    assert not lags.loc["Berne", "from_the_start"]


def test_lag_is_zero_for_continued_application_and_for_a_date_before_independence(treaties):
    lags = belarus.accession_lag(treaties).set_index("treaty")
    assert lags.loc["Paris", "lag_years"] == 0 and lags.loc["Paris", "from_the_start"]
    assert lags.loc["Convention", "lag_years"] == 0
    assert lags.loc["Convention", "from_the_start"]


def test_lag_is_zero_for_an_original_party_of_a_newer_treaty(treaties):
    lags = belarus.accession_lag(treaties).set_index("treaty")
    assert lags.loc["Wct", "counted_from"] == date(2002, 3, 6)
    assert lags.loc["Wct", "lag_years"] == 0


def test_signatory_and_unratified_treaties_have_no_lag_and_count_as_not_joined(treaties):
    assert "Tlt" not in set(belarus.accession_lag(treaties)["treaty"])
    missing = belarus.not_joined(treaties)
    assert set(missing["short_name"]) == {"Tlt", "Riyadh", "Undated"}


def test_headline_figures(treaties):
    head = belarus.headline(treaties, AS_OF)
    assert head["administered"] == 7
    assert head["belarus_parties"] == 4
    assert head["share"] == pytest.approx(4 / 7)
    assert head["newest_name"] == "Wct"
    assert head["signatory_only"] == ["Tlt"]


def test_headline_leaves_out_treaties_adopted_after_the_as_of_date(treaties):
    assert belarus.headline(treaties, date(2024, 1, 1))["administered"] == 6


def test_parties_before_a_day_drops_later_entries_into_force(treaties):
    assert belarus.parties_before(treaties, date(2000, 1, 1)) == 3
    assert belarus.parties_before(treaties, AS_OF) == 4


def test_status_table_groups_by_field_and_says_not_yet_for_a_treaty_not_in_force(raw):
    m = model_of(raw)
    table = pd.concat([reader_tables.status_table(m, party=True).en,
                       reader_tables.status_table(m, party=False).en])
    assert set(table["Field"]) == {
        "Industrial property", "Copyright and related rights", "WIPO Convention"}
    riyadh = table[table["Treaty"] == "Riyadh"].iloc[0]
    assert riyadh["In force"] == "not yet"
    assert table[table["Treaty"] == "Tlt"].iloc[0]["Belarus"] == "Signed, not ratified"
    assert table[table["Treaty"] == "Undated"].iloc[0]["Adopted"] == "not found"


def test_counts_and_status_are_those_of_the_day_the_model_is_built_for(raw):
    """Built on another day, every count is that day's: the WCT (in force 2002) is neither in
    force nor Belarus's on 2001-12-31, and the Riyadh treaty is not yet administered."""
    then = model_of(raw, date(2001, 12, 31))
    wct = then.treaties.set_index("treaty_id").loc["wct"]
    assert (wct["parties_count"], wct["belarus_status"]) == (0, "not_party")
    assert "riyadh" not in set(then.treaties["treaty_id"])
    assert then.headline["belarus_parties"] == 3
    assert model_of(raw).headline["belarus_parties"] == 4


def test_reach_sorts_largest_first_within_each_field(treaties):
    reach = system.reach(treaties)
    industrial = reach[reach["field"] == "industrial_property"]["parties_count"].tolist()
    assert industrial == sorted(industrial, reverse=True)
    assert reach.iloc[-1]["treaty"] == "Convention"


def test_parties_before_the_newest_accession_leaves_it_out(treaties):
    assert belarus.parties_before_newest_accession(treaties) == 3


def test_the_participation_chart_marks_the_newest_accession_the_data_gives():
    """Move a treaty's date in a copy of the data: the annotation follows (no year in code)."""
    from belarus_ip_report.foundation.dates import parse_partial_date

    real = model.load()
    tables = {name: getattr(real, name) for name in ("events", "key_figures", "sources")}
    moved = real.parties.copy()
    hague = (moved["treaty_id"] == "hague") & (moved["party"] == "Belarus")
    moved.loc[hague, ["deposited", "in_force"]] = [parse_partial_date("2023-01-10"),
                                                   parse_partial_date("2023-04-10")]
    from belarus_ip_report.curated.tables import load_table
    raw_treaties = load_table("wipo_treaties")
    for parties, year in ((real.parties, "2021"), (moved, "2023")):
        m = model.build({"wipo_treaties": raw_treaties, "treaty_parties": parties,
                         "belarus_wipo_events": tables["events"],
                         "key_figures": tables["key_figures"], "sources": tables["sources"],
                         "discrepancies": load_table("discrepancies")},
                        real.as_of)
        fig = wipo_charts.participation(m).figure
        notes = [text.get_text() for text in fig.axes[0].texts]
        assert f"{year}: Hague Agreement" in notes, notes


def test_joined_per_decade_leaves_out_the_convention_and_continued_treaties(treaties):
    assert belarus.joined_per_decade(treaties).to_dict() == {1990: 1, 2000: 1}


def test_the_joining_paragraph_follows_the_data(raw):
    text = wipo_text.joining_paragraph(model_of(raw)).en
    assert text.startswith("Belarus entered the system in 1970, when the Convention came into "
                           "force with the Byelorussian SSR among its first members.")
    assert "continued to apply 1 treaty the Soviet Union had joined" in text
    assert "then joined 2 more treaties in waves: 1 in the 1990s and 1 in the 2000s" in text
    assert text.endswith("the latest, the Wct, in 2002.")
