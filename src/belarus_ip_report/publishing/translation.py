"""The pages' own words in each edition: a gettext catalogue per language
(`publishing/translations/ru.po`), read with Babel, for the page templates (Jinja2's i18n
extension) and the words the publishing code writes (`_("...")`).

The English is the message id, so the English edition needs no catalogue. A catalogue is
checked against the words the templates and the code ask for (Babel extracts them): a message
without its translation, or one marked fuzzy, stops the build with the message it needs.
"""

from __future__ import annotations

import functools
import gettext
import io
import re
from pathlib import Path

from babel.messages.catalog import Catalog
from babel.messages.extract import extract_from_file
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po
from babel.support import Translations

from belarus_ip_report.foundation import paths
from belarus_ip_report.publishing.checks import ReportError

#: A named placeholder of a message: '%(number)s'.
PLACEHOLDER = re.compile(r"%\((\w+)\)s")
CATALOGUES = Path(__file__).parent / "translations"
#: How the code marks its words for translation: `_("...")`, `ngettext("...", "...", n)`.
KEYWORDS = {"_": None, "gettext": None, "ngettext": (1, 2)}


def catalogue_path(lang: str) -> Path:
    return CATALOGUES / f"{lang}.po"


@functools.cache
def translations(lang: str) -> gettext.NullTranslations:
    """The words of the edition `lang` (English: the words as written)."""
    if lang == "en":
        return gettext.NullTranslations()
    catalog = read_catalogue(lang)
    check_catalogue(catalog, lang)
    compiled = io.BytesIO()
    write_mo(compiled, catalog)
    compiled.seek(0)
    return Translations(compiled)


def read_catalogue(lang: str) -> Catalog:
    with catalogue_path(lang).open("rb") as handle:
        return read_po(handle, locale=lang)


def wanted() -> dict[str | tuple[str, ...], str]:
    """Every message the templates and the publishing code ask for, with where it is asked."""
    found: dict[str | tuple[str, ...], str] = {}
    sources = [(path, "jinja2.ext:babel_extract") for path in sorted(paths.TEMPLATES.glob("*.j2"))]
    sources += [(path, "python") for path in sorted(Path(__file__).parent.glob("*.py"))]
    for path, method in sources:
        for line, message, _comments, _context in extract_from_file(
                method, str(path), keywords=KEYWORDS,
                options={"extensions": "jinja2.ext.i18n", "trimmed": "true"}):
            found.setdefault(message, f"{path.relative_to(paths.PROJECT_ROOT)}:{line}")
    return found


def check_catalogue(catalog: Catalog, lang: str) -> None:
    """Refuse a catalogue that lacks a message the pages need, or holds one not checked."""
    where = paths.relative(catalogue_path(lang))
    for entry, errors in catalog.check():  # Babel's checks: placeholders' types, plurals
        raise ReportError(f"{where}: the message {entry.id!r}: {'; '.join(map(str, errors))}")
    for entry in catalog:
        ids = entry.id if isinstance(entry.id, tuple) else (entry.id,)
        strings = entry.string if isinstance(entry.string, tuple) else (entry.string,)
        wanted_names = set(PLACEHOLDER.findall(ids[-1]))
        for string in strings:
            if string and set(PLACEHOLDER.findall(string)) != wanted_names:
                raise ReportError(
                    f"{where}: the translation of {ids[0]!r} must use the placeholders "
                    f"{sorted(wanted_names)}, not {sorted(set(PLACEHOLDER.findall(string)))}")
    for message, asked in wanted().items():
        key = message[0] if isinstance(message, tuple) else message
        entry = catalog.get(key)
        strings = entry.string if entry is not None else ""
        strings = strings if isinstance(strings, tuple) else (strings,)
        if entry is None or not all(s.strip() for s in strings) or entry.fuzzy:
            state = "is marked fuzzy" if entry is not None and entry.fuzzy else "has no text"
            raise ReportError(
                f"{where}: the message {key!r} (asked for in {asked}) {state} in {lang}; "
                f"write its translation as the msgstr and run the build again")
