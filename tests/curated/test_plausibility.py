"""Values that parse but cannot be true stop the build, every one of them named at once.

Each test puts one implausible value into a copy of the real raw tables. A changed fact also
disagrees with its evidence row, which the loader reports beside it: the tests look for the
plausibility problem among all that are reported.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from rawcopies import line_of, read_rows, set_cell

from belarus_ip_report.curated import tables
from belarus_ip_report.foundation import settings
from belarus_ip_report.foundation.errors import DataError, DataErrors


def set_value(folder: Path, name: str, key: str, column: str, value: str) -> int:
    """Set the value of `column` in the row whose first cell is `key`; return its CSV line."""
    line = line_of(folder, name, key)
    set_cell(folder, name, line, column, value)
    return line


def problems(folder: Path) -> list[str]:
    with pytest.raises(DataError) as raised:
        tables.load_clean_tables(folder)
    error = raised.value
    return [e.message for e in (error.errors if isinstance(error, DataErrors) else [error])]


def test_a_date_after_the_as_of_date_is_refused(raw):
    line = set_value(raw, "wto_accession_milestones.csv", "working-party-12", "date", "2099-07-11")
    found = problems(raw)
    assert (f"data/raw/wto_accession_milestones.csv, line {line}, column 'date': '2099-07-11' "
            f"is after the report's as-of date ({settings.AS_OF.isoformat()})") in found[0]


def test_a_treaty_adopted_before_the_paris_convention_is_refused(raw):
    line = set_value(raw, "wipo_treaties.csv", "hague", "adopted", "1066-10-14")
    assert any(m.startswith(f"data/raw/wipo_treaties.csv, line {line}, column 'adopted': "
                            "'1066-10-14' is before 1883") for m in problems(raw))


def test_a_wto_date_before_the_gatt_is_refused(raw):
    line = set_value(raw, "wto_members.csv", "Albania", "membership_date", "1900-09-08")
    assert any(m.startswith(f"data/raw/wto_members.csv, line {line}, column 'membership_date': "
                            "'1900-09-08' is before 1947") for m in problems(raw))


def test_a_party_row_of_a_treaty_that_is_not_declared_is_refused(raw):
    """Counts are computed from treaty_parties: a row there must name a declared treaty."""
    line = set_value(raw, "treaty_parties.csv", "beijing", "treaty_id", "bejing")
    assert any(m.startswith(f"data/raw/treaty_parties.csv, line {line}, column 'treaty_id': "
                            "'bejing' is not a treaty_id in wipo_treaties.csv")
               for m in problems(raw))


def test_a_name_that_differs_only_in_case_is_a_duplicate(raw):
    rows = read_rows(raw, "wto_members.csv")
    albania = next(n for n, row in enumerate(rows, start=1) if row[0] == "Albania")
    set_value(raw, "wto_members.csv", "Angola", "member", "ALBANIA")
    assert any(f"duplicate key 'ALBANIA' (first at line {albania}, the same as 'Albania' "
               "ignoring case and spacing)" in m for m in problems(raw))


def test_a_working_party_after_the_membership_it_led_to_is_refused(raw):
    line = set_value(raw, "wto_accessions.csv", "Ecuador", "working_party_established",
                     "1997-01-01")
    assert any(m.startswith(f"data/raw/wto_accessions.csv, line {line}, column "
                            "'membership_date': it is before working_party_established")
               for m in problems(raw))


def test_a_partial_end_date_is_compared_by_the_days_it_covers(raw):
    # '2019-06' as an end may fall after a start of 2019-06-03: as text it sorts before it.
    set_value(raw, "wto_accession_milestones.csv", "working-party-12", "date", "2019-06-03")
    set_value(raw, "wto_accession_milestones.csv", "working-party-12", "date_end", "2019-06")
    found = problems(raw)  # the evidence no longer matches the new date; nothing else
    assert found and all("date_end': it is before" not in m for m in found)
    assert all("evidence.csv" in m or "holds" in m or "problem(s) found" in m for m in found)


def test_every_problem_of_a_run_is_listed(raw):
    set_value(raw, "wipo_treaties.csv", "hague", "adopted", "1066-10-14")
    set_value(raw, "treaty_parties.csv", "beijing", "in_force", "2020-02-30")
    set_value(raw, "wto_members.csv", "Angola", "member", "ALBANIA")
    found = "\n".join(problems(raw))
    assert "'1066-10-14' is before 1883" in found
    assert "data/raw/treaty_parties.csv, line 2, column 'in_force': '2020-02-30'" in found
    assert "duplicate key 'ALBANIA'" in found
