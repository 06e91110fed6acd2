"""What changed in the clean tables between two versions, value by value.

`python -m belarus_ip_report.publishing.changelog REVISION` compares the clean tables of a git
revision (the commit of the previous version) with the working tree and prints, per table, the
rows added and removed and every value changed (old → new) with the row's sources. The
maintainer pastes it under the version's heading in CHANGELOG.md and writes the reasons beside
each group: the changelog is kept by hand, from this list, so that no change goes unexplained.
"""

from __future__ import annotations

import csv
import io
import subprocess
import sys

from belarus_ip_report.curated.schemas import TABLES
from belarus_ip_report.foundation import paths
from belarus_ip_report.foundation.dates import TEXT_PARTS

#: Companion columns the cleaning adds to each date; their changes follow the date's own.
COMPANIONS = tuple(f"_{part}" for part in TEXT_PARTS)


def rows_at(revision: str | None, name: str) -> list[dict[str, str]] | None:
    relative = f"data/processed/{name}.csv"
    if revision is None:
        path = paths.PROJECT_ROOT / relative
        text = path.read_text(encoding="utf-8") if path.exists() else None
    else:
        shown = subprocess.run(["git", "show", f"{revision}:{relative}"],
                               cwd=paths.PROJECT_ROOT, capture_output=True, text=True)
        text = shown.stdout if shown.returncode == 0 else None
    return None if text is None else list(csv.DictReader(io.StringIO(text)))


def row_key(row: dict[str, str], key: tuple[str, ...]) -> str:
    return " / ".join(row[k] for k in key)


def changes(revision: str) -> dict[str, dict[str, list]]:
    """Per table: added and removed keys, and (key, column, old, new, sources) per change."""
    out = {}
    for spec in TABLES:
        old, new = rows_at(revision, spec.name), rows_at(None, spec.name)
        if new is None:
            continue
        before = {row_key(r, spec.key): r for r in old or []}
        after = {row_key(r, spec.key): r for r in new}
        changed = []
        for k in sorted(before.keys() & after.keys()):
            for column in after[k]:
                if column.endswith(COMPANIONS) or column not in before[k]:
                    continue
                if before[k][column] != after[k][column]:
                    changed.append((k, column, before[k][column], after[k][column],
                                    after[k].get("source_ids") or after[k].get("source_id", "")))
        dropped = sorted({c for r in (old or [])[:1] for c in r} - {c for r in new[:1] for c in r})
        added_columns = sorted({c for r in new[:1] for c in r} - {c for r in (old or [])[:1]
                                                                  for c in r})
        out[spec.name] = {"new_table": old is None, "added": sorted(after.keys() - before.keys()),
                          "removed": sorted(before.keys() - after.keys()), "changed": changed,
                          "columns_added": [c for c in added_columns if not c.endswith(COMPANIONS)],
                          "columns_removed": [c for c in dropped if not c.endswith(COMPANIONS)]}
    return out


def as_markdown(found: dict[str, dict[str, list]], limit: int = 60) -> str:
    lines = []
    for table, c in found.items():
        if not any(c.values()):
            continue
        lines.append(f"### {table}\n")
        if c["new_table"]:
            lines.append(f"- New table: {len(c['added'])} rows.")
        else:
            for what in ("columns_added", "columns_removed"):
                if c[what]:
                    lines.append(f"- {what.replace('_', ' ').capitalize()}: "
                                 + ", ".join(f"`{x}`" for x in c[what]) + ".")
            if c["added"]:
                shown = ", ".join(f"`{k}`" for k in c["added"][:limit])
                more = f" and {len(c['added']) - limit} more" if len(c["added"]) > limit else ""
                lines.append(f"- Added ({len(c['added'])}): {shown}{more}.")
            if c["removed"]:
                lines.append(f"- Removed ({len(c['removed'])}): "
                             + ", ".join(f"`{k}`" for k in c["removed"]) + ".")
            for k, column, old, new, sources in c["changed"][:limit]:
                lines.append(f"- `{k}` › `{column}`: {old or '(empty)'} → {new or '(empty)'}"
                             + (f" [{sources}]" if sources else ""))
            if len(c["changed"]) > limit:
                lines.append(f"- … and {len(c['changed']) - limit} more changed values.")
        lines.append("")
    return "\n".join(lines)


if __name__ == "__main__":
    print(as_markdown(changes(sys.argv[1])))
