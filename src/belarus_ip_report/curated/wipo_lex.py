"""The snapshot step of `treaty_parties`: WIPO Lex's contracting-party pages, read from a dated
copy, become one dated row per treaty and party. Run by a maintainer, never by the build:

    python3 tasks.py snapshot-wipo-lex SNAPSHOT_DIR

SNAPSHOT_DIR holds the saved pages (`<name>.html`) and the copy's `access_log.json`. The import
rewrites the rows of the treaties it finds pages for in `data/raw/treaty_parties.csv` (rows of
other treaties, entered by hand from the best record in reach, are kept as they are), and
records the copy beside the data in `data/snapshots/wipo_lex.json`: the original address of each
page, the copy's address and date, and the SHA-256 of every page as read. The parser is a pure
function of a page's HTML; an unexpected page stops the import with the file and what is wrong.

Every row carries the party's Russian name (`party_ru`), looked up by its WIPO Lex name in
`data/raw/party_names_ru.csv`, which maintainers keep: one row per party (party, party_ru,
source), `source` saying what the Russian follows: `un-short-name` for a state, the UN's Russian
short name (the form WIPO's Russian pages use), `organisation-name` for an intergovernmental
organisation, its Russian name with its abbreviation. A party the file has no Russian for stops
the import before anything is written, naming the party.
"""

from __future__ import annotations

import csv
import hashlib
import io
import json
import sys
from pathlib import Path

from belarus_ip_report.curated.wipo_lex_page import parse_contracting_parties, parse_page_meta
from belarus_ip_report.foundation import paths
from belarus_ip_report.foundation.atomic import write_text_atomically

COPY_REPO = "mgaldino/treaties-ideal-point"
COPY_COMMIT = "746a24fa99b65d0834f8cd6b79f458a180c338cf"
COPY_DIR = "data/raw/wipo_treaties/html"
WIPOLEX_CP_URL = "https://www.wipo.int/wipolex/en/treaties/ShowResults?search_what=C&treaty_id={n}"
#: The columns read from a page, in the table's order.
PAGE_COLUMNS = ["party", "signed", "instrument", "deposited", "in_force", "withdrawal_deposited",
                "withdrawal_effective"]
COLUMNS = ["treaty_id", "party", "party_ru", *PAGE_COLUMNS[1:], "source_id", "notes"]
MANIFEST = paths.DATA / "snapshots" / "wipo_lex.json"
PARTY_NAMES = paths.RAW / "party_names_ru.csv"

# WIPO Lex numeric treaty id -> (project treaty_id, page title as WIPO Lex shows it, copy file name)
WIPOLEX_TREATIES = {
    1: ("wipo-convention", "WIPO Convention", "wipo_convention.html"),
    2: ("paris", "Paris Convention", "paris.html"),
    15: ("berne", "Berne Convention", "berne.html"),
    3: ("madrid-source", "Madrid Agreement (Indications of Source)", "madrid_indications.html"),
    17: ("rome", "Rome Convention", "rome.html"),
    18: ("phonograms", "Phonograms Convention", "phonograms.html"),
    19: ("brussels", "Brussels Convention", "brussels.html"),
    22: ("nairobi", "Nairobi Treaty", "nairobi.html"),
    16: ("wct", "WIPO Copyright Treaty", "wct.html"),
    20: ("wppt", "WIPO Performances and Phonograms Treaty", "wppt.html"),
    5: ("tlt", "Trademark Law Treaty", "tlt.html"),
    4: ("plt", "Patent Law Treaty", "plt.html"),
    30: ("singapore", "Singapore Treaty", "singapore.html"),
    843: ("marrakesh", "Marrakesh VIP Treaty", "marrakesh.html"),
    841: ("beijing", "Beijing Treaty on Audiovisual Performances", "beijing.html"),
    29: ("washington", "Washington Treaty", "washington.html"),
    6: ("pct", "Patent Cooperation Treaty", "pct.html"),
    21: ("madrid-agreement-marks", "Madrid Agreement (Marks)", "madrid_marks.html"),
    8: ("madrid-protocol", "Madrid Protocol", "madrid_protocol.html"),
    9: ("hague", "Hague Agreement", "hague.html"),
    10: ("lisbon", "Lisbon Agreement", "lisbon.html"),
    7: ("budapest", "Budapest Treaty", "budapest.html"),
    12: ("nice", "Nice Agreement", "nice.html"),
    14: ("locarno", "Locarno Agreement", "locarno.html"),
    11: ("strasbourg", "Strasbourg Agreement", "strasbourg.html"),
    13: ("vienna", "Vienna Agreement", "vienna_classification.html"),
}


class MissingRussianName(ValueError):
    """A party of the import has no Russian name in the maintained list."""


def russian_party_names(names: Path = PARTY_NAMES) -> dict[str, str]:
    """WIPO Lex's name of each party -> its Russian name, from `names`."""
    with names.open(encoding="utf-8", newline="") as handle:
        return {row["party"]: row["party_ru"] for row in csv.DictReader(handle)
                if row.get("party") and row.get("party_ru")}


def with_russian_names(rows: list[dict], names: Path = PARTY_NAMES) -> list[dict]:
    """`rows` with `party_ru` from `names`; MissingRussianName names every party it lacks."""
    russian = russian_party_names(names)
    missing = sorted({row["party"] for row in rows} - set(russian))
    if missing:
        listed = ", ".join(f"'{party}'" for party in missing)
        raise MissingRussianName(
            f"{paths.relative(names)} has no Russian name for {listed}: add a row "
            "(party,party_ru,source) for each, with the UN's Russian short name, and import "
            "again; nothing was written")
    return [{**row, "party_ru": russian[row["party"]]} for row in rows]


def import_snapshot(snapshot_dir: Path, table: Path = paths.RAW / "treaty_parties.csv",
                    manifest: Path = MANIFEST, names: Path = PARTY_NAMES) -> int:
    """Parse every page in `snapshot_dir` into `table`, each party with its Russian name from
    `names`, and record the copy in `manifest`; return the number of rows written from the
    pages."""
    access_log = json.loads((snapshot_dir / "access_log.json").read_text(encoding="utf-8"))
    imported: list[dict] = []
    files = []
    for page in sorted(snapshot_dir.rglob("*.html")):
        data = page.read_bytes()
        html = data.decode("utf-8")
        meta = parse_page_meta(html)
        number = meta["wipolex_treaty_id"]
        if number not in WIPOLEX_TREATIES:
            raise ValueError(f"{page.name}: WIPO Lex treaty id {number} is not mapped to a "
                             "treaty_id: add it to WIPOLEX_TREATIES")
        treaty_id, title, _ = WIPOLEX_TREATIES[number]
        if meta["title"] != title:
            raise ValueError(f"{page.name}: the page is titled {meta['title']!r}, expected "
                             f"{title!r} for WIPO Lex treaty {number}")
        for row in parse_contracting_parties(html):
            imported.append({"treaty_id": treaty_id, **{k: row[k] for k in PAGE_COLUMNS},
                             "source_id": f"wipolex-parties-{treaty_id}", "notes": row["notes"]})
        files.append({"treaty_id": treaty_id, "original_url": WIPOLEX_CP_URL.format(n=number),
                      "copy_url": f"https://github.com/{COPY_REPO}/blob/{COPY_COMMIT}/"
                                  f"{COPY_DIR}/{page.name}",
                      "page_header": meta["header_text"],
                      "sha256": hashlib.sha256(data).hexdigest()})
    from_pages = {row["treaty_id"] for row in imported}
    with table.open(encoding="utf-8", newline="") as handle:
        kept = [row for row in csv.DictReader(handle) if row["treaty_id"] not in from_pages]
    rows = with_russian_names(sorted([*imported, *kept],
                                     key=lambda r: (r["treaty_id"], r["party"])), names)
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=COLUMNS, lineterminator="\n")
    writer.writeheader()
    writer.writerows(rows)
    write_text_atomically(table, out.getvalue())
    record = {"source": "WIPO Lex, WIPO-Administered Treaties: Contracting Parties/Signatories",
              "copy_repository": f"https://github.com/{COPY_REPO}", "copy_commit": COPY_COMMIT,
              "copy_date": access_log.get("access_date", ""),
              "read_as": "third_party_copy", "rows": len(imported),
              "files": sorted(files, key=lambda f: f["treaty_id"])}
    write_text_atomically(manifest, json.dumps(record, indent=1, ensure_ascii=False) + "\n")
    return len(imported)


if __name__ == "__main__":
    written = import_snapshot(Path(sys.argv[1]))
    print(f"treaty_parties: {written} rows from the WIPO Lex pages; see {MANIFEST.name}")
