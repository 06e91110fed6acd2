"""A chapter loads only the tables it declares (issue #26): in a kernel the build started (it
names the running notebook in `paths.CHAPTER_VARIABLE`), `load_table` refuses any other, so
that the build, which runs a chapter again only when a table it declares changes, can never
publish a stale chapter. The same in a real build is in `test_build_guards.py`.
"""

from __future__ import annotations

import pytest

from belarus_ip_report.curated import tables
from belarus_ip_report.foundation import paths
from belarus_ip_report.publishing.execute import chapter_environment


def running(stem: str, monkeypatch: pytest.MonkeyPatch) -> None:
    """The environment the build gives the kernel of notebook `stem`."""
    for name, value in chapter_environment(stem).items():
        monkeypatch.setenv(name, value)


def test_a_chapter_run_by_the_build_loads_only_the_tables_it_declares(monkeypatch):
    running("03_belarus_russia_ip", monkeypatch)
    assert len(tables.load_table("belarus_russia_ip")) > 0
    with pytest.raises(tables.UndeclaredTable) as refused:
        tables.load_table("wto_members")
    assert str(refused.value) == (
        "notebooks/03_belarus_russia_ip.ipynb loads the table 'wto_members', which its chapter "
        "does not declare (it declares belarus_russia_ip, belarus_ip_instruments, "
        "context_events, key_figures, sources, discrepancies): add 'wto_members' to the TABLES "
        "its chapter's package declares under src/belarus_ip_report/chapters/ (they also make "
        "the notebook's header), so that the build runs it again when that table changes")


def test_an_undeclared_notebook_loads_no_table_and_the_cleaning_any(monkeypatch):
    running("05_draft", monkeypatch)
    with pytest.raises(tables.UndeclaredTable, match="05_draft.ipynb is not declared"):
        tables.load_table("sources")
    running("04_clean_tables", monkeypatch)
    assert len(tables.load_table("wto_members")) > 0


def test_outside_the_build_every_table_loads(monkeypatch):
    monkeypatch.delenv(paths.CHAPTER_VARIABLE, raising=False)
    assert len(tables.load_table("wto_members")) > 0
