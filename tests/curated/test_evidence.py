"""The checks across tables: evidence for every value, evidence that points at real places,
source_ids that agree with the evidence, facts kept in two tables, and keys of the two WTO
tables that look alike (the discrepancies are in `test_disagreements.py`).

Small hand-made tables, one problem each; the last tests run the real loader on a copy of the
real data with one problem put in, as the build would meet it.
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd
from crossworlds import EVENT, TREATY, evidence_for, problems, rows, world
from rawcopies import read_rows, write_rows

from belarus_ip_report.curated import crosschecks, tables


def test_a_fully_evidenced_world_passes():
    crosschecks.check_cross_tables(world())


def test_a_value_without_evidence_is_named_by_file_line_and_column():
    evidence = [e for e in evidence_for("wipo_treaties", "hague", TREATY)
                if e["column"] != "in_force"]
    evidence += evidence_for("belarus_wipo_events", "hague-accession", EVENT)
    assert problems(world(evidence=evidence)) == [
        "data/raw/wipo_treaties.csv, line 2, column 'in_force': '1928-06-01' has no evidence "
        "(row 'hague') (" + crosschecks.EVIDENCE_HINT + ")"]


def test_every_problem_is_reported_not_only_the_first():
    evidence = evidence_for("belarus_wipo_events", "hague-accession", EVENT)
    found = problems(world(evidence=evidence))
    # six evidenced treaty values, then source_ids citing a source no evidence names
    assert len(found) == 7
    assert found[-1].startswith("data/raw/wipo_treaties.csv, line 2, column 'source_ids'")


def test_evidence_pointing_at_a_missing_row():
    evidence = world()["evidence"].frame.to_dict("records")
    evidence.append({**evidence[0], "row_key": "hauge"})
    found = problems(world(evidence=[{k: (None if pd.isna(v) else v) for k, v in e.items()}
                                     for e in evidence]))
    assert found == ["data/raw/evidence.csv, line 9, column 'row_key': no row 'hauge' in "
                     "data/raw/wipo_treaties.csv (fix the key, or remove this evidence row)"]


def test_evidence_pointing_at_a_column_that_takes_none():
    evidence = [*evidence_for("wipo_treaties", "hague", TREATY),
                *evidence_for("belarus_wipo_events", "hague-accession", EVENT)]
    evidence.append({**evidence[0], "column": "shortname"})
    (found,) = problems(world(evidence=evidence))
    assert "column 'column': 'shortname' is not a column of facts" in found


def test_evidence_for_a_value_the_table_no_longer_holds():
    treaty = {**TREATY, "adopted": "1925-11-07"}
    evidence = [*evidence_for("wipo_treaties", "hague", TREATY),
                *evidence_for("belarus_wipo_events", "hague-accession", EVENT)]
    (found,) = problems(world(treaty=treaty, evidence=evidence))
    assert found.startswith("data/raw/evidence.csv, line 2, column 'value': says '1925-11-06' "
                            "but data/raw/wipo_treaties.csv (line 2) holds '1925-11-07'")


def test_source_ids_must_list_exactly_the_evidenced_sources():
    treaty = {**TREATY, "source_ids": "wipolex-hague;seed-mfa-wipo"}
    (found,) = problems(world(treaty=treaty, evidence=[
        *evidence_for("wipo_treaties", "hague", TREATY),
        *evidence_for("belarus_wipo_events", "hague-accession", EVENT)]))
    assert "column 'source_ids': no evidence row of 'hague' cites seed-mfa-wipo" in found


SAME = {"table_a": "wipo_treaties", "row_key_a": "hague", "column_a": "belarus_deposited",
        "table_b": "belarus_wipo_events", "row_key_b": "hague-accession", "column_b": "date"}


def test_a_fact_in_two_tables_that_agree_passes():
    crosschecks.check_cross_tables(world(same=[SAME]))


def test_a_fact_in_two_tables_that_disagree_names_both_places():
    event = {**EVENT, "date": "2021-04-20"}
    (found,) = problems(world(event=event, same=[SAME]))
    assert found == (
        "data/raw/wipo_treaties.csv, line 2, column 'belarus_deposited': '2021-04-19' disagrees "
        "with '2021-04-20' in data/raw/belarus_wipo_events.csv, line 2, column 'date' (the same "
        "fact: data/raw/same_facts.csv, line 2) (check both against their evidence and make "
        "them agree)")


def test_a_same_fact_row_naming_a_missing_row():
    (found,) = problems(world(same=[{**SAME, "row_key_b": "nowhere"}]))
    assert found.startswith("data/raw/same_facts.csv, line 2, column 'row_key_b': no row")


def test_membership_dates_shared_by_the_two_wto_tables_must_agree():
    tables_ = world()
    member = {"member": "Tonga", "membership_date": "2007-07-27", "route": "accession",
              "source_ids": "wto"}
    acceding = {"government": "Tonga", "application_date": "1995-06-15",
                "working_party_established": "1995-11-15", "membership_date": "2007-07-28",
                "status": "member", "source_ids": "wto"}
    tables_["wto_members"] = rows("wto_members", [member])
    tables_["wto_accessions"] = rows("wto_accessions", [acceding])
    tables_["evidence"] = rows("evidence", [
        *tables_["evidence"].frame.to_dict("records"),
        *evidence_for("wto_members", "Tonga", member, "wto"),
        *evidence_for("wto_accessions", "Tonga", acceding, "wto")])
    (found,) = problems(tables_)
    assert found.startswith("data/raw/wto_members.csv, line 2, column 'membership_date': "
                            "'2007-07-27' disagrees with '2007-07-28' in "
                            "data/raw/wto_accessions.csv, line 2")


# --- the real loader on a copy of the real data ---------------------------------------------


def test_the_build_refuses_a_fact_value_without_evidence(raw: Path):
    evidence = read_rows(raw, "evidence.csv")
    header = evidence[0]
    target = next(r for r in evidence[1:] if r[header.index("table")] == "wipo_treaties"
                  and r[header.index("row_key")] == "beijing"
                  and r[header.index("column")] == "adopted")
    write_rows(raw, "evidence.csv", [r for r in evidence if r[:3] != target[:3]])
    treaties = read_rows(raw, "wipo_treaties.csv")
    line = next(i for i, r in enumerate(treaties, start=1) if r[0] == "beijing")
    assert (f"data/raw/wipo_treaties.csv, line {line}, column 'adopted': '{target[3]}' has no "
            "evidence (row 'beijing')") in tables.raw_table_problems(raw)


def test_the_build_refuses_evidence_citing_an_unknown_source(raw: Path):
    evidence = read_rows(raw, "evidence.csv")
    evidence[1][evidence[0].index("source_id")] = "no-such-source"
    write_rows(raw, "evidence.csv", evidence)
    assert ("data/raw/evidence.csv, line 2, column 'source_id': unknown source id "
            "'no-such-source'") in tables.raw_table_problems(raw)


def test_the_two_wto_tables_may_not_name_a_government_with_look_alike_letters():
    tables_ = world()
    member = {"member": "Mexico", "membership_date": None, "route": "original",
              "source_ids": "wto"}
    acceding = {"government": "\u041c\u0435\u0445\u0456\u0441\u043e", "application_date": None,
                "working_party_established": None, "membership_date": None,
                "status": "acceding", "source_ids": "wto"}
    tables_["wto_members"] = rows("wto_members", [member])
    tables_["wto_accessions"] = rows("wto_accessions", [acceding])
    tables_["evidence"] = rows("evidence", [
        *tables_["evidence"].frame.to_dict("records"),
        *evidence_for("wto_accessions", acceding["government"], acceding, "wto")])
    found = [line for line in problems(tables_) if "look" in line]
    assert len(found) == 1 and found[0].startswith(
        "data/raw/wto_accessions.csv, line 2, column 'government': 'Мехісо' looks the same as "
        "'Mexico' in data/raw/wto_members.csv (line 2) but is written with other characters: "
        "U+041C CYRILLIC CAPITAL LETTER EM")
