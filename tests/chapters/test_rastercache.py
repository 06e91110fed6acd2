"""A chart's rasters from the build's cache are the ones a fresh drawing gives, and a cache entry
that does not match what was kept is drawn again."""

from __future__ import annotations

import matplotlib

matplotlib.use("Agg")  # tests draw charts without a display; notebooks keep the inline backend

import matplotlib.pyplot as plt  # noqa: E402
import pytest  # noqa: E402

from belarus_ip_report.chapters import figures as charts  # noqa: E402
from belarus_ip_report.chapters import rastercache  # noqa: E402


def small_chart():
    charts.use_project_style()
    fig, ax = plt.subplots(figsize=(3, 2))
    ax.plot([1994, 2015, 2025], [1, 4, 9], marker="o")
    ax.set_title("A small chart")
    charts.add_source_line(fig, "Test source")
    charts.freeze_layout(fig)
    return fig


def drawn(monkeypatch, cache) -> dict[str, bytes]:
    if cache is None:
        monkeypatch.delenv(rastercache.CACHE_VARIABLE, raising=False)
    else:
        monkeypatch.setenv(rastercache.CACHE_VARIABLE, str(cache))
    fig = small_chart()
    try:
        return charts.rasters(fig, charts.svg_bytes(fig))
    finally:
        plt.close(fig)


def test_a_cached_raster_is_the_one_a_fresh_drawing_gives(monkeypatch, tmp_path):
    fresh = drawn(monkeypatch, None)
    assert drawn(monkeypatch, None) == fresh, "drawing the same chart twice gives other bytes"
    first = drawn(monkeypatch, tmp_path)  # drawn, then kept
    assert len(list(tmp_path.glob("*.json"))) == 1
    assert first == fresh
    assert drawn(monkeypatch, tmp_path) == fresh  # from the cache


def test_a_cache_entry_that_does_not_match_is_drawn_again(monkeypatch, tmp_path):
    fresh = drawn(monkeypatch, tmp_path)
    (screen,) = tmp_path.glob("*.screen.png")
    screen.write_bytes(b"not the png that was kept")
    assert drawn(monkeypatch, tmp_path) == fresh
    assert screen.read_bytes() == fresh["screen"]  # and kept again


@pytest.mark.parametrize("kept", [0, 1])
def test_pruning_keeps_only_entries_of_published_figures(monkeypatch, tmp_path, kept):
    cache, figures = tmp_path / "cache", tmp_path / "figures"
    figures.mkdir()
    pngs = drawn(monkeypatch, cache)
    if kept:
        (figures / "chart.png").write_bytes(pngs["print"])
    rastercache.prune(cache, figures)
    assert len(list(cache.glob("*"))) == 3 * kept


def test_pruning_keeps_the_entries_of_the_russian_edition_too(monkeypatch, tmp_path):
    cache, figures = tmp_path / "cache", tmp_path / "figures"
    (figures / "ru").mkdir(parents=True)
    pngs = drawn(monkeypatch, cache)
    (figures / "ru" / "chart.png").write_bytes(pngs["print"])
    rastercache.prune(cache, figures)
    assert len(list(cache.glob("*"))) == 3
