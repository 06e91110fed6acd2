"""One WIPO Lex contracting-parties page, parsed: its header (title, member total, treaty id)
and its table, one row per party with its signature, instrument and dates as ISO text.

Pure functions of the page's HTML (standard library parser): `wipo_lex` runs them on a dated
copy. A page that does not look as expected raises ValueError saying what was found.
"""

from __future__ import annotations

import datetime as dt
import re
from html.parser import HTMLParser

# Raw wording of the instrument cell (before the colon) -> instrument code.
INSTRUMENT_MAP = {
    "ratification": "ratification",
    "accession": "accession",
    "declaration of continued application": "continued_application",
    "declaration/notification of succession": "succession",
    "notification of succession": "succession",
    "declaration of succession": "succession",
    "succession": "succession",
    "acceptance": "acceptance",
    "approval": "approval",
    "declaration": "declaration",
}
INSTRUMENTS = {"ratification", "accession", "continued_application", "succession",
               "acceptance", "approval", "declaration", "other", ""}

_MONTH_DATE = re.compile(r"^([A-Z][a-z]+)\s+(\d{1,2}),\s+(\d{4})$")


def _norm(text: str) -> str:
    return re.sub(r"\s+", " ", text.replace("\xa0", " ")).strip()


def parse_wipo_date(text: str) -> str:
    """'September 9, 1886' -> '1886-09-09'; '' -> ''. Raises ValueError on other text."""
    text = _norm(text)
    if not text:
        return ""
    m = _MONTH_DATE.match(text)
    if not m:
        raise ValueError(f"unrecognised date: {text!r}")
    day = dt.datetime.strptime(f"{m.group(1)} {int(m.group(2))} {m.group(3)}", "%B %d %Y")
    return day.date().isoformat()


def _epoch_ms_to_date(value: str) -> str:
    if value is None or value.strip() == "":
        return ""
    return (dt.datetime(1970, 1, 1) + dt.timedelta(milliseconds=int(value))).date().isoformat()


class _WipoLexPage(HTMLParser):
    """Collects the cells of table#wipoTreatiesTable and the page header."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.in_table = False
        self.table_depth = 0
        self.section = None  # thead / tbody
        self.headers: list[str] = []
        self.rows: list[list[dict]] = []
        self._row: list[dict] | None = None
        self._cell: dict | None = None
        self._th: list[str] | None = None
        self.facet_depth = 0
        self.facet_text: list[str] = []
        self.in_strong = False
        self.strong_text: list[str] = []
        self.language_links: dict[str, str] = {}
        self._a_href: str | None = None
        self._a_text: list[str] = []

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "table":
            if self.in_table:
                self.table_depth += 1
            elif a.get("id") == "wipoTreatiesTable":
                self.in_table = True
                self.table_depth = 1
            return
        classes = (a.get("class") or "").split()
        if tag == "span" and (self.facet_depth or "facet-separator" in classes):
            self.facet_depth += 1
        if tag == "strong" and self.facet_depth:
            self.in_strong = True
        if tag == "a":
            self._a_href = a.get("href")
            self._a_text = []
        if not self.in_table:
            return
        if tag in ("thead", "tbody"):
            self.section = tag
        elif tag == "tr" and self.section == "tbody":
            self._row = []
        elif tag == "th" and self.section == "thead":
            self._th = []
        elif tag == "td" and self._row is not None:
            self._cell = {"text": [], "divs": [], "data_sort": a.get("data-sort"), "hrefs": []}
        elif tag == "div" and self._cell is not None:
            self._cell["divs"].append([])
        elif tag == "a" and self._cell is not None and a.get("href"):
            self._cell["hrefs"].append(a["href"])

    def handle_endtag(self, tag):
        if tag == "span" and self.facet_depth:
            self.facet_depth -= 1
        if tag == "strong":
            self.in_strong = False
        if tag == "a":
            if self._a_href and "/treaties/ShowResults" in self._a_href:
                self.language_links[_norm("".join(self._a_text))] = self._a_href
            self._a_href = None
        if not self.in_table:
            return
        if tag == "table":
            self.table_depth -= 1
            if self.table_depth == 0:
                self.in_table = False
        elif tag in ("thead", "tbody"):
            self.section = None
        elif tag == "th" and self._th is not None:
            self.headers.append(_norm("".join(self._th)))
            self._th = None
        elif tag == "td" and self._cell is not None and self._row is not None:
            self._row.append(self._cell)
            self._cell = None
        elif tag == "tr" and self._row is not None:
            self.rows.append(self._row)
            self._row = None

    def handle_data(self, data):
        if self.facet_depth:
            self.facet_text.append(data)
            if self.in_strong:
                self.strong_text.append(data)
        if self._a_href is not None:
            self._a_text.append(data)
        if self._th is not None:
            self._th.append(data)
        if self._cell is not None:
            self._cell["text"].append(data)
            if self._cell["divs"]:
                self._cell["divs"][-1].append(data)


def _feed(html: str) -> _WipoLexPage:
    p = _WipoLexPage()
    p.feed(html)
    p.close()
    return p


def parse_page_meta(html: str) -> dict:
    """Header of a WIPO Lex contracting-parties page: title, member count, WIPO Lex treaty id."""
    p = _feed(html)
    facet = _norm("".join(p.facet_text))
    title = _norm("".join(p.strong_text))
    m = re.search(r"\(Total Members:\s*(\d+)\)", facet)
    wipolex_id = None
    href = p.language_links.get("English") or next(iter(p.language_links.values()), None)
    if href:
        m2 = re.search(r"treaty_id=(\d+)", href)
        if m2:
            wipolex_id = int(m2.group(1))
    return {
        "title": title,
        "header_text": facet,
        "total_members": int(m.group(1)) if m else None,
        "not_yet_in_force": "Not yet in force" in facet,
        "wipolex_treaty_id": wipolex_id,
        "columns": p.headers,
        "row_count": len(p.rows),
    }


def map_instrument(raw: str) -> str:
    key = _norm(raw).lower()
    if not key:
        return ""
    return INSTRUMENT_MAP.get(key, "other")


def parse_contracting_parties(html: str) -> list[dict]:
    """Parse one WIPO Lex contracting-parties page into a list of row dicts.

    Keys: party, signed, instrument, deposited, in_force, withdrawal_deposited,
    withdrawal_effective, notes, instrument_raw, details_href, cells_raw.
    Dates ISO; empty string where the page gives none. The pages of 2026-02-03 have no
    denunciation column: withdrawal_* stay empty unless a cell carries a denunciation.
    """
    p = _feed(html)
    expected = ["Member", "Signature", "Instrument", "In Force", "Details"]
    if p.headers[:4] != expected[:4]:
        raise ValueError(f"unexpected table header: {p.headers}")
    out: list[dict] = []
    for cells in p.rows:
        if len(cells) < 4:
            raise ValueError(f"short row: {cells}")
        texts = [_norm("".join(c["text"])) for c in cells]
        party, sig_txt, ins_txt, inf_txt = texts[:4]
        notes: list[str] = []
        w_dep = w_eff = ""
        # Instrument cell: "<Wording>: <Month D, YYYY>"
        instrument_raw = ""
        deposited = ""
        if ins_txt:
            m = re.match(r"^(.*?):\s*([A-Z][a-z]+ \d{1,2}, \d{4})$", ins_txt)
            if m:
                instrument_raw = _norm(m.group(1))
                deposited = parse_wipo_date(m.group(2))
            else:
                instrument_raw = ins_txt
                notes.append(f"instrument cell not parsed: {ins_txt!r}")
        instrument = map_instrument(instrument_raw)
        if instrument_raw and re.search(r"denunc|withdraw", instrument_raw, re.I):
            # Not seen in the 2026-02-03 copies; kept for later copies.
            w_dep, instrument, deposited = deposited, "other", ""
            notes.append(f"withdrawal wording {instrument_raw!r}")
        if instrument == "other":
            notes.append(f"instrument wording {instrument_raw!r} mapped to other")
        signed = parse_wipo_date(sig_txt)
        in_force = parse_wipo_date(inf_txt)
        # Cross-check the text dates with the data-sort attributes (epoch ms, UTC midnight).
        for label, cell, value in (("signature", cells[1], signed),
                                   ("instrument", cells[2], deposited),
                                   ("in force", cells[3], in_force)):
            ds = cell.get("data_sort")
            if ds not in (None, "") and _epoch_ms_to_date(ds) != value:
                notes.append(f"{label} date {value!r} differs from page sort key "
                             f"{_epoch_ms_to_date(ds)!r}")
        # Describe what the row shows.
        if not (signed or instrument_raw or in_force):
            notes.append("row shown with no signature, instrument or entry-into-force date")
        elif signed and not instrument_raw and not in_force:
            notes.append("signature only")
        elif in_force and not instrument_raw:
            notes.append("entry into force shown with no instrument")
        elif instrument_raw and not in_force:
            notes.append("instrument shown with no entry-into-force date")
        if signed and deposited and signed > deposited:
            notes.append(f"signature date {signed} as shown is later than the instrument date "
                         f"{deposited}")
        joined = instrument in ("ratification", "accession", "acceptance", "approval")
        if joined and in_force and deposited \
                and in_force < deposited:
            notes.append("entry into force as shown precedes the instrument date")
        hrefs = [h for c in cells[4:] for h in c["hrefs"]]
        out.append({
            "party": party,
            "signed": signed,
            "instrument": instrument,
            "deposited": deposited,
            "in_force": in_force,
            "withdrawal_deposited": w_dep,
            "withdrawal_effective": w_eff,
            "notes": "; ".join(notes),
            "instrument_raw": instrument_raw,
            "details_href": hrefs[0] if hrefs else "",
            "cells_raw": texts[:4],
        })
    return out
