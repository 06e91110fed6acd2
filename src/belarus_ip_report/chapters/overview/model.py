"""The overview's model: the three chapters' models, built once on one date, and the three
stories on one time axis. The overview states no number of its own: every figure it gives is a
field of a chapter's model.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

import pandas as pd

from belarus_ip_report.chapters.belarus_russia_ip import model as cooperation
from belarus_ip_report.chapters.overview import TABLES
from belarus_ip_report.chapters.wipo_treaties import belarus as wipo_belarus
from belarus_ip_report.chapters.wipo_treaties import model as wipo
from belarus_ip_report.chapters.wto_accession import model as wto
from belarus_ip_report.foundation.dates import PartialDate, decimal_year, years_of

#: The three stories, top lane first.
STORIES = ("wipo", "wto", "brip")


def as_year_fraction(when: PartialDate) -> tuple[float, bool]:
    """Middle of the period a (partial) date stands for, and whether the day is known."""
    return decimal_year(when.midpoint), when.is_day


def story_events(treaties: pd.DataFrame, milestones: pd.DataFrame,
                 instruments: pd.DataFrame) -> pd.DataFrame:
    """Every dated event of the three stories in one table: lane, date, label, sources."""
    parties = wipo_belarus.belarus_parties(treaties).dropna(subset=["belarus_in_force"])
    rows = [
        *({"lane": "wipo", "date": t.belarus_in_force, "label": t.short_name,
           "source_ids": t.source_ids} for t in parties.itertuples(index=False)),
        *({"lane": "wto", "date": m.date, "label": m.description, "source_ids": m.source_ids}
          for m in milestones.itertuples(index=False)),
        *({"lane": "brip", "date": i.date, "label": i.title, "source_ids": i.source_ids}
          for i in cooperation.instruments(instruments).itertuples(index=False)),
    ]
    events = pd.DataFrame(rows)
    events["year"] = years_of(events["date"]).astype(int)
    return events.sort_values(["lane", "date"], kind="stable", ignore_index=True)


def events_per_decade(events: pd.DataFrame) -> pd.DataFrame:
    decades = (events["year"] // 10 * 10).rename("decade")
    table = events.groupby([decades, events["lane"]]).size().unstack(fill_value=0)
    return table.reindex(columns=list(STORIES), fill_value=0)


@dataclass(frozen=True)
class Overview:
    as_of: date
    wipo: wipo.WipoTreaties
    wto: wto.WtoAccession
    ip: cooperation.BelarusRussiaIp
    events: pd.DataFrame
    per_decade: pd.DataFrame
    sources: pd.DataFrame
    discrepancies: pd.DataFrame


def build(tables: dict[str, pd.DataFrame], as_of: date) -> Overview:
    from belarus_ip_report.chapters import belarus_russia_ip, wipo_treaties, wto_accession

    def of(names: tuple[str, ...]) -> dict[str, pd.DataFrame]:
        return {name: tables[name] for name in names}

    w = wipo.build(of(wipo_treaties.TABLES), as_of)
    a = wto.build(of(wto_accession.TABLES), as_of)
    ip = cooperation.build(of(belarus_russia_ip.TABLES), as_of)
    events = story_events(w.treaties, a.milestones, ip.table)
    return Overview(as_of=as_of, wipo=w, wto=a, ip=ip, events=events,
                    per_decade=events_per_decade(events), sources=tables["sources"],
                    discrepancies=tables["discrepancies"])


def load(as_of: date | None = None) -> Overview:
    """The overview from the clean tables, on the report's date unless another is given."""
    from belarus_ip_report.curated.tables import load_table
    from belarus_ip_report.foundation import settings

    return build({name: load_table(name) for name in TABLES}, as_of or settings.AS_OF)
