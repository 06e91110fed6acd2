"""Small hand-made worlds for the checks across tables (`test_evidence.py`,
`test_disagreements.py`): a treaty, an event, their evidence, and what the checks find."""

from __future__ import annotations

import pandas as pd
import pytest

from belarus_ip_report.curated import crosschecks
from belarus_ip_report.curated.schemas import FACT_TABLES, TABLES_BY_NAME
from belarus_ip_report.foundation.errors import DataErrors

TREATY = {"treaty_id": "hague", "adopted": "1925-11-06", "in_force": "1928-06-01",
          "belarus_status": "party",
          "belarus_instrument": "accession", "belarus_deposited": "2021-04-19",
          "belarus_in_force": "2021-07-19", "source_ids": "wipolex-hague"}
EVENT = {"event_id": "hague-accession", "date": "2021-04-19", "date_end": None,
         "category": "treaty_instrument", "source_ids": "wipolex-hague"}


def rows(name: str, records: list[dict]) -> crosschecks.RawRows:
    columns = list(TABLES_BY_NAME[name].schema.columns)
    frame = pd.DataFrame([{c: r.get(c) for c in columns} for r in records], columns=columns,
                         dtype=object).replace({None: pd.NA})
    return crosschecks.RawRows(f"data/raw/{name}.csv", frame, list(range(2, len(records) + 2)))


def evidence_for(table: str, key: str, record: dict, source: str = "wipolex-hague") -> list[dict]:
    return [{"table": table, "row_key": key, "column": column, "value": record[column],
             "source_id": source, "locator": "row Belarus", "verdict": "confirmed"}
            for column in TABLES_BY_NAME[table].evidence_columns if record.get(column)]


def world(treaty: dict | None = None, event: dict | None = None, evidence: list | None = None,
          same: list | None = None, claims: list | None = None) -> dict:
    treaty = treaty or dict(TREATY)
    event = event or dict(EVENT)
    if evidence is None:
        evidence = [*evidence_for("wipo_treaties", "hague", treaty),
                    *evidence_for("belarus_wipo_events", "hague-accession", event)]
    tables_ = {spec.name: rows(spec.name, []) for spec in FACT_TABLES}
    tables_["wipo_treaties"] = rows("wipo_treaties", [treaty])
    tables_["belarus_wipo_events"] = rows("belarus_wipo_events", [event])
    tables_["evidence"] = rows("evidence", evidence)
    tables_["same_facts"] = rows("same_facts", same or [])
    tables_["discrepancies"] = rows("discrepancies", claims or [])
    return tables_


def problems(tables_: dict) -> list[str]:
    with pytest.raises(DataErrors) as raised:
        crosschecks.check_cross_tables(tables_)
    return [error.message for error in raised.value.errors]


CLAIM = {"discrepancy_id": "hague-date", "topic": "Hague accession", "table": "wipo_treaties",
         "row_key": "hague", "column": "belarus_deposited", "claim": "19 April 2021",
         "source_id": "wipolex-hague", "value_used": "2021-04-19", "reason": "depositary"}
