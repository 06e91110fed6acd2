"""Every count is computed from dated rows at the date asked for, by one rule (in force on the
date): move the date back and the counts are those the sources gave then."""

from __future__ import annotations

from datetime import date

import pytest

from belarus_ip_report.chapters.overview import model as overview
from belarus_ip_report.chapters.wipo_treaties import model as wipo
from belarus_ip_report.chapters.wto_accession import model as wto
from belarus_ip_report.curated import claims, status
from belarus_ip_report.curated.tables import load_table
from belarus_ip_report.foundation.dates import parse_partial_date


@pytest.fixture(scope="module")
def tables():
    return {name: load_table(name) for name in claims.QUANTITY_TABLES}


@pytest.mark.parametrize(("day", "members"), [
    # Solomon Islands deposited on 2019-04-04 but joined on 2019-07-04: 191, not the 192 BelTA
    # reported on the day of the Director General's visit.
    (date(2019, 6, 4), 191),
    (date(2019, 7, 4), 192),
    (date(2021, 10, 6), 193),  # Nauru (2020) to Micronesia (2025)
    (date(2025, 9, 19), 194),
])
def test_wipo_member_states_on_a_date(tables, day, members):
    assert claims.computed("wipo_member_states", tables, day) == members


@pytest.mark.parametrize(("day", "members"), [
    (date(1995, 1, 1), 76),     # the WTO's first day
    (date(2019, 12, 31), 164),  # the Foreign Ministry's figure for 2019
    (date(2024, 8, 21), 165),   # Comoros
    (date(2024, 8, 30), 166),   # Timor-Leste
])
def test_wto_members_on_a_date(tables, day, members):
    assert claims.computed("wto_members", tables, day) == members


def test_the_whole_report_moves_back_with_its_date():
    """Built on the last day of 2019, the overview's chapters count that day's world."""
    then = overview.load(date(2019, 12, 31))
    assert then.wto.members_now == 164
    assert then.wipo.headline["administered"] == 26  # the 2024 treaties not yet adopted
    # The Hague Agreement entered into force for Belarus in 2021, the Marrakesh Treaty in 2020.
    assert then.wipo.headline["belarus_parties"] == 17
    marrakesh = then.wipo.treaties.set_index("treaty_id").loc["marrakesh"]
    assert marrakesh["belarus_status"] == "not_party"


def test_a_pending_instrument_is_a_coming_change_until_it_takes_effect(tables):
    parties = tables["treaty_parties"]
    day = date(2026, 3, 1)
    coming = status.coming_changes(parties, day)
    assert ("madrid-protocol", "Grenada") in set(zip(coming["treaty_id"], coming["party"],
                                                     strict=True))
    assert status.party_count(parties, "madrid-protocol", day) + 1 == status.party_count(
        parties, "madrid-protocol", date(2026, 3, 15))


def test_a_withdrawal_ends_a_membership_on_the_day_it_takes_effect():
    row = {"in_force": parse_partial_date("2000-01-01"),
           "withdrawal_effective": parse_partial_date("2020-06-30")}
    assert status.in_force_on(row["in_force"], date(2020, 6, 29), row["withdrawal_effective"])
    assert not status.in_force_on(row["in_force"], date(2020, 6, 30),
                                  row["withdrawal_effective"])


def test_a_month_only_date_counts_from_its_last_day():
    entry = parse_partial_date("2019-07")
    assert not status.in_force_on(entry, date(2019, 7, 30))
    assert status.in_force_on(entry, date(2019, 7, 31))


def test_the_report_date_model_and_the_chapters_agree():
    """One value per quantity: the overview's counts are the chapters' own."""
    whole = overview.load()
    assert whole.wto.members_now == wto.load().members_now
    assert whole.wipo.headline == wipo.load().headline
