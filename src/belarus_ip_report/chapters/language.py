"""The report's two languages: English and Russian, from the same numbers.

Words are written per language, side by side, as a `Text` (or a `Table` of frames): a value
that has no Russian cannot be made, so a missing translation stops the build at the function
that lacks it. Numbers, dates, percentages and plural forms are written by Babel (CLDR) for each
language, never by hand: '26 April 1970' / '26 апреля 1970 г.', '19 treaties' / '19 договоров'.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

import pandas as pd
from babel import Locale
from babel.dates import format_date, format_skeleton
from babel.numbers import format_decimal, format_percent

from belarus_ip_report.foundation.dates import PartialDate, format_for_people

LANGUAGES = ("en", "ru")
#: After a year written by hand ('1995 г.', '2017–2020 гг.'): a narrow no-break space, as Babel
#: writes it in the dates it formats, so that the abbreviation never starts a line.
YEAR, YEARS = "\u202fг.", "\u202fгг."
#: The CLDR locale of each: the report writes British English.
LOCALES = {"en": "en_GB", "ru": "ru"}


@dataclass(frozen=True)
class Text:
    """One passage in both languages (Markdown)."""

    en: str
    ru: str

    def __post_init__(self) -> None:
        for lang in LANGUAGES:
            if not isinstance(getattr(self, lang), str) or not getattr(self, lang).strip():
                raise ValueError(f"a passage has no {lang} text (English: {self.en[:80]!r})")

    def __getitem__(self, lang: str) -> str:
        return getattr(self, lang)


@dataclass(frozen=True)
class Table:
    """One table in both languages: the same rows, headers and reader text translated."""

    en: pd.DataFrame
    ru: pd.DataFrame

    def __post_init__(self) -> None:
        if self.en.shape != self.ru.shape:
            raise ValueError(f"a table's Russian edition has shape {self.ru.shape}, the English "
                             f"{self.en.shape}: translate headers and cells, not rows")

    def __getitem__(self, lang: str) -> pd.DataFrame:
        return getattr(self, lang)


#: Nouns counted in the report: the English singular and plural, the Russian forms for one,
#: a few (2-4) and many (CLDR's plural categories one, few, many).
NOUNS: dict[str, tuple[tuple[str, str], tuple[str, str, str]]] = {
    "treaty": (("treaty", "treaties"), ("договор", "договора", "договоров")),
    "year": (("year", "years"), ("год", "года", "лет")),
    "month": (("month", "months"), ("месяц", "месяца", "месяцев")),
    "member": (("member", "members"), ("член", "члена", "членов")),
    "government": (("government", "governments"), ("правительство", "правительства",
                                                   "правительств")),
    "meeting": (("meeting", "meetings"), ("заседание", "заседания", "заседаний")),
    "milestone": (("milestone", "milestones"), ("этап", "этапа", "этапов")),
    "instrument": (("instrument", "instruments"), ("документ", "документа", "документов")),
    "source": (("source", "sources"), ("источник", "источника", "источников")),
    "value": (("value", "values"), ("значение", "значения", "значений")),
    "party": (("party", "parties"), ("участник", "участника", "участников")),
    "accession": (("accession", "accessions"), ("присоединение", "присоединения",
                                                 "присоединений")),
    "event": (("event", "events"), ("событие", "события", "событий")),
    "country": (("country", "countries"), ("страна", "страны", "стран")),
    "table": (("table", "tables"), ("таблица", "таблицы", "таблиц")),
    "row": (("row", "rows"), ("строка", "строки", "строк")),
    "document": (("document", "documents"), ("документ", "документа", "документов")),
    "publisher": (("publisher", "publishers"), ("издатель", "издателя", "издателей")),
}


def plural(count: int, english: tuple[str, str], russian: tuple[str, str, str],
           lang: str) -> str:
    """The noun for `count` in `lang`, for nouns a chapter counts that NOUNS does not hold:
    plural(3, ("meeting", "meetings"), ("заседание", "заседания", "заседаний"), "ru")."""
    if lang == "en":
        return english[0] if count == 1 else english[1]
    form = Locale.parse(LOCALES["ru"]).plural_form(abs(count))
    return russian[{"one": 0, "few": 1}.get(form, 2)]


def full_stop(text: str) -> str:
    """The full stop a sentence ending in `text` needs: none after one that already ends it,
    such as an abbreviation's ('4 декабря 2026 г.')."""
    return "" if str(text).rstrip().endswith((".", "?", "!")) else "."


@dataclass(frozen=True)
class Speaker:
    """Numbers, dates and counts written as readers of one language write them."""

    lang: str

    @property
    def locale(self) -> Locale:
        return Locale.parse(LOCALES[self.lang])

    def number(self, value: float, digits: int = 0) -> str:
        pattern = "#,##0" + ("." + "0" * digits if digits else "")
        return format_decimal(value, format=pattern, locale=LOCALES[self.lang])

    def percent(self, share: float, digits: int = 0) -> str:
        """'68 %', '0,6 %' / '68%', '0.6%': the locale's percent pattern, with `digits`."""
        pattern = self.locale.percent_formats[None].pattern
        if digits:
            pattern = pattern.replace("0", "0." + "0" * digits, 1)
        return format_percent(share, format=pattern, locale=LOCALES[self.lang])

    def noun(self, count: int, noun: str) -> str:
        english, russian = NOUNS[noun]
        return plural(count, english, russian, self.lang)

    def count(self, count: int, noun: str) -> str:
        """'19 treaties' / '19 договоров', '1 treaty' / '1 договор', '22 правительства'."""
        return f"{self.number(count)} {self.noun(count, noun)}"

    def date(self, when: PartialDate | date, end: PartialDate | date | None = None) -> str:
        """A date at the precision the source gives: '11 July 2019', 'July 2019', '2019';
        '11 июля 2019 г.', 'июль 2019 г.', '2019 г.'; a range where `end` is given."""
        if self.lang == "en":  # British English, as the report has always written dates
            return format_for_people(when, end)
        start = when if isinstance(when, PartialDate) else PartialDate.day(when)
        if end is not None:
            last = end if isinstance(end, PartialDate) else PartialDate.day(end)
            if (last.first, last.last) != (start.first, start.last):
                a, b = start.first, last.first
                if start.precision == last.precision == "day" and a.year == b.year:
                    head = (str(a.day) if a.month == b.month
                            else format_date(a, "d MMMM", locale=LOCALES[self.lang]))
                    return f"{head}–{format_date(b, 'long', locale=LOCALES[self.lang])}"
                return f"{self.date(start)} – {self.date(last)}"
        if start.precision == "day":
            return format_date(start.first, format="long", locale=self.lang)
        if start.precision == "month":
            return format_skeleton("yMMMM", start.first, locale=self.lang)
        return f"{start.year}{YEAR}"

    def words(self, items: Sequence[str], none: str = "") -> str:
        """'A, B and C' / 'A, B и C'."""
        items = [str(item) for item in items]
        if not items:
            return none
        if len(items) == 1:
            return items[0]
        joiner = " and " if self.lang == "en" else " и "
        return f"{', '.join(items[:-1])}{joiner}{items[-1]}"

    def ordinal(self, number: int) -> str:
        """'12th' / '12-е' (neuter, as in 'заседание')."""
        if self.lang == "ru":
            return f"{number}-е"
        suffix = "th" if 10 <= number % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(
            number % 10, "th")
        return f"{number}{suffix}"


EN, RU = Speaker("en"), Speaker("ru")
