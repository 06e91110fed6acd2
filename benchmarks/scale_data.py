"""Raw tables made larger, with generated rows that pass the build's checks (for the scale
bench; never applied to the project itself).

`scale(raw_folder, factor)` multiplies the rows of `wto_members`, `wto_accessions` and
`sources` by `factor`, and the evidence of those two tables: copy n of a government is the same
government under the name "Name (n)", with the same dates and status, and its evidence rows
cite copy n of each source ("source-id-n"). Everything the checks tie together stays tied:
each fact has its evidence, `source_ids` lists exactly the sources of the row's evidence, a
member joined by accession is a member in `wto_accessions`, and a government in both tables
holds one membership date. The other tables (treaties, milestones, key figures, ...) stay as
they are.
"""

from __future__ import annotations

import csv
import io
from pathlib import Path

from belarus_ip_report.curated.columns import SOURCE_SEPARATOR

#: Tables whose rows are multiplied, with their key column.
SCALED = {"wto_members": "member", "wto_accessions": "government"}


def read(path: Path) -> tuple[list[str], list[dict[str, str]]]:
    with path.open(encoding="utf-8", newline="") as handle:
        reader = csv.DictReader(handle)
        return list(reader.fieldnames or []), list(reader)


def write(path: Path, header: list[str], rows: list[dict[str, str]]) -> None:
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=header, lineterminator="\n")
    writer.writeheader()
    writer.writerows(rows)
    path.write_text(buffer.getvalue(), encoding="utf-8")


def renamed_sources(cell: str, copy: int) -> str:
    return SOURCE_SEPARATOR.join(f"{source}-{copy}" for source in cell.split(SOURCE_SEPARATOR))


def scale(raw: Path, factor: int) -> dict[str, int]:
    """Rewrite the tables in `raw` (a copy's data/raw) `factor` times as large; the row count
    of each table touched."""
    if factor < 2:
        return {}
    copies = range(2, factor + 1)
    counts = {}
    for table, key in SCALED.items():
        header, rows = read(raw / f"{table}.csv")
        grown = list(rows)
        for copy in copies:
            grown += [{**row, key: f"{row[key]} ({copy})",
                       "source_ids": renamed_sources(row["source_ids"], copy)} for row in rows]
        write(raw / f"{table}.csv", header, grown)
        counts[table] = len(grown)

    header, evidence = read(raw / "evidence.csv")
    grown = list(evidence)
    for copy in copies:
        grown += [{**row, "row_key": f"{row['row_key']} ({copy})",
                   "source_id": f"{row['source_id']}-{copy}"}
                  for row in evidence if row["table"] in SCALED]
    write(raw / "evidence.csv", header, grown)
    counts["evidence"] = len(grown)

    header, sources = read(raw / "sources.csv")
    grown = list(sources)
    for copy in copies:
        grown += [{**row, "source_id": f"{row['source_id']}-{copy}",
                   "title": f"{row['title']} (copy {copy})"} for row in sources]
    write(raw / "sources.csv", header, grown)
    counts["sources"] = len(grown)
    return counts
