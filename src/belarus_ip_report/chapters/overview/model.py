"""The overview's numbers: the three stories on one time axis.
"""

from __future__ import annotations

import pandas as pd

from belarus_ip_report.chapters.belarus_russia_ip import model as cooperation
from belarus_ip_report.chapters.wipo_treaties import model as wipo
from belarus_ip_report.foundation.dates import PartialDate, decimal_year, years_of

#: The three stories, top lane first.
STORIES = ("wipo", "wto", "brip")


def as_year_fraction(when: PartialDate) -> tuple[float, bool]:
    """Middle of the period a (partial) date stands for, and whether the day is known."""
    return decimal_year(when.midpoint), when.is_day


def story_events(treaties: pd.DataFrame, milestones: pd.DataFrame,
                 instruments: pd.DataFrame) -> pd.DataFrame:
    """Every dated event of the three stories in one table: lane, date, label, sources."""
    parties = wipo.belarus_parties(treaties).dropna(subset=["belarus_in_force"])
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
