"""How notebooks show tables and generated prose: escaped, readable, the same on every run."""

from __future__ import annotations

import html
import re
from collections.abc import Sequence

import pandas as pd
from IPython.core.formatters import DisplayFormatter
from IPython.display import HTML, Markdown, display

from belarus_ip_report.chapters.language import EN, Speaker, Table, Text
from belarus_ip_report.curated.columns import SOURCE_SEPARATOR
from belarus_ip_report.foundation.dates import PartialDate

NUMERIC_KINDS = "iuf"


#: Characters that Markdown (or HTML inside it) can turn into markup: links, images, emphasis,
#: code, headings, lists, tables, autolinks. Each becomes a numeric character reference, which
#: every Markdown renderer shows as the character itself and never parses.
MARKDOWN_SIGNIFICANT = set("\\`*_{}[]()#+-.!|~<>&\"'$:=")


def escape(text: object) -> str:
    """Text from the data, made inert for generated Markdown (and the HTML it becomes): it can
    never open a link, an image, emphasis, code or a tag, whatever it contains."""
    return "".join(f"&#{ord(ch)};" if ch in MARKDOWN_SIGNIFICANT else ch for ch in str(text))


#: The Russian edition of an output, kept in the output's data beside the English (so strict
#: nbval compares it too); JupyterLab shows the English and ignores these types.
RUSSIAN_MARKDOWN = "text/x-ru-markdown"
RUSSIAN_HTML = "text/x-ru-html"
#: Where a Markdown cell keeps its Russian: `cell.metadata["translation"]["ru"]`.
TRANSLATION = "translation"


def say(markdown: str | Text) -> None:
    """Show prose generated from computed values; data-derived parts must go through escape().
    A `Text` shows its English and carries its Russian to the export (the Russian edition
    refuses a passage that has none)."""
    if isinstance(markdown, Text):
        display(with_russian(Markdown(markdown.en), {RUSSIAN_MARKDOWN: markdown.ru}), raw=True)
    else:
        display(Markdown(markdown))


def with_russian(english: object, russian: dict[str, str]) -> dict[str, str]:
    """The output bundle IPython makes of `english`, with the Russian edition beside it."""
    bundle, _ = DisplayFormatter().format(english)
    return {**bundle, **russian}


def source_list(ids: pd.Series) -> pd.Series:
    """A `source_ids` column as readers see it: the ids with a space after each separator."""
    return ids.str.replace(SOURCE_SEPARATOR, f"{SOURCE_SEPARATOR} ", regex=False)


def anchor_of(*parts: str) -> str:
    """A stable anchor built from a fact's place: 'wto_accession_milestones/working-party-12',
    with '/'.join of the table, the row's key and (for one value) its column."""
    def slug(text: str) -> str:
        return "-".join("".join(c.lower() if c.isalnum() else " " for c in str(text)).split())
    return "/".join(slug(part) if i else str(part) for i, part in enumerate(parts))


#: What a table shows where the data holds no value: nothing to link to evidence.
NO_VALUE = {"—", "", "not yet", "not found", "пока нет", "нет данных"}

#: The page that holds the evidence, the references and the method (beside the report).
EVIDENCE_PAGE = "evidence.html"


def fact_table(frame: pd.DataFrame, table: str, keys: Sequence[str],
               evidence: dict[str, str] | None = None, sources: str | None = "Sources",
               disputed: set[tuple[str, str, str]] | None = None) -> pd.DataFrame:
    """Mark a table for readers as rows of the fact table `table`: each row gets a permanent
    anchor built from its key, each cell of an `evidence` column (reader column -> data column)
    links to the evidence for that value, a value with a recorded disagreement is marked where
    it is read, and each source id of the `sources` column links to its reference."""
    frame.attrs.update(fact_table=table, keys=[str(k) for k in keys],
                       evidence=dict(evidence or {}), sources_column=sources,
                       disputed=sorted(disputed or ()))
    return frame


def translated(english: pd.DataFrame, russian: pd.DataFrame) -> Table:
    """A table in both languages: the Russian frame has the same rows and columns in the same
    order (headers and reader text translated); the English frame's `fact_table` marks (row
    anchors, evidence links, sources) carry over to the Russian columns in the same places."""
    table = Table(english, russian)
    attrs = dict(english.attrs)
    if "fact_table" in attrs:
        renamed = dict(zip(english.columns, russian.columns, strict=True))
        attrs["evidence"] = {renamed[c]: data for c, data in attrs["evidence"].items()}
        if attrs.get("sources_column") is not None:
            attrs["sources_column"] = renamed[attrs["sources_column"]]
    russian.attrs.update(attrs)
    return table


#: A value's mark where the sources disagree on it, as each edition says it.
DISPUTED = {"en": "Sources disagree on this value", "ru": "По этому значению источники расходятся"}


#: A run of Latin-script words: a name ('Adams & Adams', 'domain-b.com'), a data code.
LATIN_RUN = re.compile(r"[A-Za-z](?:[A-Za-z0-9_&.'’\- ]*[A-Za-z0-9_.])?")


def in_own_language(value: str, lang: str) -> str:
    """A cell's text, escaped; in the Russian edition marked with its language (`marked`): a
    cell mostly in Latin letters (a curator's note, a claim the data keeps in its source's
    words) as English, and in a Russian cell each Latin-script run (a name, a data code)."""
    return marked(value, lang) if lang == "ru" else html.escape(value)


def language_of(text: str) -> str:
    """The language of a passage, where its letters tell it: Belarusian, Ukrainian or Russian
    by their letters, Chinese; '' for Latin letters (English, or unknown)."""
    if any("\u0400" <= ch <= "\u04ff" for ch in text):
        if any(ch in "іўІЎ" for ch in text):
            return "be"
        if any(ch in "їєґЇЄҐ" for ch in text):
            return "uk"
        return "ru"
    if any("\u4e00" <= ch <= "\u9fff" for ch in text):
        return "zh"
    return ""


def foreign(text: str, lang: str) -> str:
    """The `lang` attribute a passage needs on a page in `lang`: its own language where its
    letters tell it is another, else ''. On the Russian page a passage mostly in Latin letters
    (an English note quoting a Russian title, say) is English."""
    own = language_of(text)
    if lang == "ru":
        latin = sum("a" <= ch.lower() <= "z" for ch in text)
        cyrillic = sum("\u0400" <= ch <= "\u04ff" for ch in text)
        if latin > cyrillic:
            return "en"
        return "" if own == "ru" or not any(ch.isalpha() for ch in text) else (own or "en")
    return own


def marked(text: str, lang: str) -> str:
    """`text` escaped, in a span marked with its language where it is not the page's; on the
    Russian page, a Russian passage's Latin-script names and codes marked as English."""
    other = foreign(text, lang)
    if other:
        return f'<span lang="{other}">{html.escape(text)}</span>'
    return mark_latin(text) if lang == "ru" else html.escape(text)


def mark_latin(value: str) -> str:
    """`value` escaped, each run of Latin-script words in it marked as English."""
    pieces, last = [], 0
    for match in LATIN_RUN.finditer(value):
        pieces.append(html.escape(value[last:match.start()]))
        pieces.append(f'<span lang="en">{html.escape(match.group())}</span>')
        last = match.end()
    pieces.append(html.escape(value[last:]))
    return "".join(pieces)


def _cell(frame: pd.DataFrame, row: int, column: str, value: object, lang: str = "en") -> str:
    text = "—" if pd.isna(value) else in_own_language(str(value), lang)
    attrs = frame.attrs
    if "fact_table" not in attrs or pd.isna(value):
        return text
    key = attrs["keys"][row]
    if column == attrs.get("sources_column"):
        return f"{SOURCE_SEPARATOR} ".join(
            f'<a href="{EVIDENCE_PAGE}#source-{html.escape(s)}"><code>{html.escape(s)}</code></a>'
            for s in str(value).replace(" ", "").split(SOURCE_SEPARATOR) if s)
    data_column = attrs["evidence"].get(column)
    if data_column is None or str(value) in NO_VALUE:
        return text
    target = anchor_of(attrs["fact_table"], key, data_column)
    mark = (f"<sup class=\"disputed\" title=\"{DISPUTED[lang]}\">†</sup>"
            if [attrs["fact_table"], key, data_column] in [list(d) for d in attrs["disputed"]]
            else "")
    return f'<a class="evidence" href="{EVIDENCE_PAGE}#ev/{target}">{text}</a>{mark}'


def table_html(frame: pd.DataFrame, caption: str | None = None, lang: str = "en") -> str:
    """An HTML table without the index: numbers right-aligned, every value escaped; the rows
    of a `fact_table` anchored, their values linked to their evidence."""
    numeric = {c for c in frame.columns if frame[c].dtype.kind in NUMERIC_KINDS
               or str(frame[c].dtype) == "Int64"}
    number_class = ' class="num"'
    head = "".join(
        f'<th scope="col"{number_class if c in numeric else ""}>{html.escape(str(c))}</th>'
        for c in frame.columns
    )
    rows = []
    for position, record in enumerate(frame.itertuples(index=False)):
        cells = [f"<td{number_class if column in numeric else ''}>"
                 f"{_cell(frame, position, column, value, lang)}</td>"
                 for column, value in zip(frame.columns, record, strict=True)]
        anchor = ""
        if "fact_table" in frame.attrs:
            place = anchor_of(frame.attrs["fact_table"], frame.attrs["keys"][position])
            anchor = f' id="{html.escape(place)}"'
        rows.append(f"<tr{anchor}>{''.join(cells)}</tr>")
    caption_html = f"<caption>{html.escape(caption)}</caption>" if caption else ""
    return (f'<div class="table-wrap"><table>{caption_html}<thead><tr>{head}</tr></thead>'
            f"<tbody>{''.join(rows)}</tbody></table></div>")


def show_table(frame: pd.DataFrame | Table, caption: str | Text | None = None) -> None:
    """Show a table (its HTML, kept once in the output); the report numbers it and writes its
    caption from the metadata. A `Table` with a `Text` caption shows its English and carries
    its Russian to the export."""
    if isinstance(frame, Table):
        if not isinstance(caption, Text):
            raise ValueError("a table in both languages needs its caption in both (a Text)")
        display(with_russian(HTML(table_html(frame.en, caption.en)),
                             {RUSSIAN_HTML: table_html(frame.ru, caption.ru, "ru")}),
                metadata={"table": {"caption": caption.en},
                          TRANSLATION: {"ru": {"caption": caption.ru}}}, raw=True)
        return
    caption = caption.en if isinstance(caption, Text) else caption
    display(HTML(table_html(frame, caption)), metadata={"table": {"caption": caption or ""}})


def people_dates(frame: pd.DataFrame, column: str, end_column: str | None = None,
                 missing: object = pd.NA, lang: str = "en") -> pd.Series:
    """A date column as readers write dates: '11 July 2019', 'July 2019', '31 October–3 November
    2017' (a range where `end_column` is given); `missing` where there is no date. In Russian:
    '11 июля 2019 г.'."""
    ends = frame[end_column] if end_column else pd.Series(None, index=frame.index, dtype=object)
    speaker = Speaker(lang)
    return pd.Series(
        [
            speaker.date(start, end if isinstance(end, PartialDate) else None)
            if isinstance(start, PartialDate) else missing
            for start, end in zip(frame[column], ends, strict=True)
        ],
        index=frame.index,
        dtype="str",
    )

def in_words(items: Sequence[str], *, none: str = "none") -> str:
    """'none', 'A', 'A and B', 'A, B and C'."""
    return EN.words(items, none)


def count_of(number: int, singular: str, plural: str | None = None) -> str:
    """'no treaties', '1 treaty', '3 treaties'."""
    plural = plural or f"{singular}s"
    if number == 0:
        return f"no {plural}"
    return f"{number} {singular if number == 1 else plural}"


def short_label(text: str, limit: int = 42) -> str:
    """`text` cut at a word to at most `limit` characters, an ellipsis marking the cut."""
    return text if len(text) <= limit else text[: limit - 1].rsplit(" ", 1)[0] + "…"
