"""Rasters of charts already drawn, kept by the chart's vector drawing.

A chart is saved as SVG and as two PNGs (print and screen). The SVG is a complete description of
what is drawn, so two charts with the same SVG bytes (drawn by the same library versions, style
and resolutions) have the same PNGs: the build keeps each pair of PNGs under a hash of all that,
and a chart drawn as before is not rasterised again (a third of a chart's cost). Only kernels
started by the build or the tests use it (`CACHE_VARIABLE`); in JupyterLab every chart is drawn
in full. Each entry records the hash of its files and is ignored if they do not match.

Standard library only: the build imports it without importing matplotlib.
"""

from __future__ import annotations

import hashlib
import json
import os
from pathlib import Path

from belarus_ip_report.foundation.atomic import write_bytes_atomically, write_text_atomically

CACHE_VARIABLE = "BELARUS_IP_REPORT_RASTER_CACHE"
KINDS = ("print", "screen")


def folder() -> Path | None:
    value = os.environ.get(CACHE_VARIABLE)
    return Path(value) if value else None


def key(svg: bytes, *context: bytes | str) -> str:
    digest = hashlib.sha256(svg)
    for part in context:
        digest.update(b"\0" + (part if isinstance(part, bytes) else part.encode()))
    return digest.hexdigest()


def _sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def lookup(where: Path, entry: str) -> dict[str, bytes] | None:
    """The PNGs kept under `entry`, or None if there are none or they are not what was kept."""
    try:
        recorded = json.loads((where / f"{entry}.json").read_text(encoding="utf-8"))
        found = {kind: (where / f"{entry}.{kind}.png").read_bytes() for kind in KINDS}
    except (OSError, ValueError):
        return None
    if not isinstance(recorded, dict) or any(
            recorded.get(kind) != _sha256(data) for kind, data in found.items()):
        return None
    return found


def store(where: Path, entry: str, pngs: dict[str, bytes]) -> None:
    for kind in KINDS:
        write_bytes_atomically(where / f"{entry}.{kind}.png", pngs[kind])
    write_text_atomically(where / f"{entry}.json", json.dumps(
        {kind: _sha256(pngs[kind]) for kind in KINDS}, sort_keys=True))


def prune(where: Path, figures: Path) -> None:
    """Keep only the entries whose print PNG is one of the published figures (of either
    edition: the Russian are in figures/ru/)."""
    if not where.is_dir():
        return
    published = {_sha256(png.read_bytes()) for png in figures.rglob("*.png")}
    for record in where.glob("*.json"):
        try:
            kept = json.loads(record.read_text(encoding="utf-8")).get("print") in published
        except (OSError, ValueError, AttributeError):
            kept = False
        if not kept:
            for kind in KINDS:
                (where / f"{record.stem}.{kind}.png").unlink(missing_ok=True)
            record.unlink(missing_ok=True)
