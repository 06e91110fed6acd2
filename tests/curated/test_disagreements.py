"""The record of where sources disagree (`disagreements`): each disagreement has two or more
claims sharing one decision, and its value_used is the value the table holds (a fact) or the
words it uses (a descriptive text). Small hand-made worlds (`crossworlds`), then the real
loader on a copy of the real data.
"""

from __future__ import annotations

from pathlib import Path

from crossworlds import CLAIM, EVENT, problems, world
from rawcopies import read_rows, write_rows

from belarus_ip_report.curated import crosschecks, tables


def test_a_discrepancy_with_two_claims_passes():
    crosschecks.check_cross_tables(world(claims=[CLAIM, {**CLAIM, "source_id": "seed-mfa-wipo",
                                                        "claim": "2020"}]))


def test_a_discrepancy_needs_two_claims_and_one_decision():
    found = problems(world(claims=[
        CLAIM, {**CLAIM, "source_id": "seed-mfa-wipo", "reason": "another reason"},
        {**CLAIM, "discrepancy_id": "lonely"}]))
    assert found == [
        "data/raw/discrepancies.csv, line 3, column 'reason': differs from the first claim of "
        "'hague-date' (line 2) (the claims of one disagreement share this value)",
        "data/raw/discrepancies.csv, line 4, column 'discrepancy_id': 'lonely' has one claim; a "
        "disagreement needs two or more (add the claim of the other source)"]


# --- value_used: the decision the record names is what the table holds ------------------------


def test_a_value_used_that_is_not_the_tables_names_the_claim_and_both_values():
    found = problems(world(claims=[{**CLAIM, "value_used": "2021-04-20"},
                                   {**CLAIM, "source_id": "seed-mfa-wipo",
                                    "value_used": "2021-04-20"}]))
    assert found == [
        "data/raw/discrepancies.csv, line 2, column 'value_used': value_used '2021-04-20' of "
        "'hague-date' is not the value data/raw/wipo_treaties.csv (line 2) for hague / "
        "belarus_deposited: it holds '2021-04-19' (write in value_used the value the table "
        "holds (what led to it belongs in reason), or correct the table)",
        "data/raw/discrepancies.csv, line 3, column 'value_used': value_used '2021-04-20' of "
        "'hague-date' is not the value data/raw/wipo_treaties.csv (line 2) for hague / "
        "belarus_deposited: it holds '2021-04-19' (write in value_used the value the table "
        "holds (what led to it belongs in reason), or correct the table)"]


def test_a_value_used_written_in_words_is_refused():
    words = "2021-04-19 (the depositary's date)"
    found = problems(world(claims=[{**CLAIM, "value_used": words},
                                   {**CLAIM, "source_id": "seed-mfa-wipo", "value_used": words}]))
    assert len(found) == 2 and all("it holds '2021-04-19'" in line for line in found)


def test_a_value_used_of_a_descriptive_text_quotes_its_words():
    claim = {**CLAIM, "table": "belarus_wipo_events", "row_key": "hague-accession",
             "column": "description", "value_used": "Hague Agreement"}
    event = {**EVENT, "description": "Belarus accedes to the Hague Agreement"}
    crosschecks.check_cross_tables(world(event=event, claims=[
        claim, {**claim, "source_id": "seed-mfa-wipo"}]))
    found = problems(world(event=event, claims=[
        {**claim, "value_used": "Hague Convention"},
        {**claim, "source_id": "seed-mfa-wipo", "value_used": "Hague Convention"}]))
    assert found[0] == (
        "data/raw/discrepancies.csv, line 2, column 'value_used': value_used 'Hague Convention' "
        "of 'hague-date' does not stand in the text data/raw/belarus_wipo_events.csv (line 2) "
        "for hague-accession / description: it reads 'Belarus accedes to the Hague Agreement' "
        "(quote in value_used the words the table uses for it (what led to them belongs in "
        "reason), or correct the table)")


def test_the_real_loader_groups_the_claims_of_a_wrong_value_used(raw: Path):
    claims = read_rows(raw, "discrepancies.csv")
    header = claims[0]
    lines = [n for n, row in enumerate(claims, start=1)
             if row[0] == "wipo-member-count"]
    for line in lines:
        claims[line - 1][header.index("value_used")] = "194 (as of 2026-02-03)"
    write_rows(raw, "discrepancies.csv", claims)
    figures = read_rows(raw, "key_figures.csv")
    figure_line = next(n for n, row in enumerate(figures, start=1)
                       if row[0] == "wipo-member-states")
    assert len(lines) == 6  # five more lines are shown in full
    assert tables.raw_table_problems(raw) == (
        f"data/raw/discrepancies.csv, line {lines[0]}, column 'value_used': value_used '194 (as "
        f"of 2026-02-03)' of 'wipo-member-count' is not the value data/raw/key_figures.csv "
        f"(line {figure_line}) for wipo-member-states / value: it holds '194' (also on line(s) "
        f"{', '.join(map(str, lines[1:]))}) (write in value_used the value the table holds "
        "(what led to it belongs in reason), or correct the table)")
