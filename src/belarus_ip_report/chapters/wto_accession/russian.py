"""The Russian the WTO chapter writes by hand: case and plural forms of counted words, decimals
rounded as the English rounds them, years and dates after prepositions, names from the data."""

from __future__ import annotations

from typing import TYPE_CHECKING

from babel.dates import format_date

from belarus_ip_report.chapters.language import RU, YEAR, plural
from belarus_ip_report.chapters.wto_accession.membership import russian_names
from belarus_ip_report.foundation.dates import PartialDate

if TYPE_CHECKING:
    from datetime import date

    from belarus_ip_report.chapters.wto_accession.model import WtoAccession

def forms(count: int, one: str, few: str, many: str) -> str:
    """The Russian word (or phrase) for `count`: CLDR's one (1, 21), few (2-4, 22) or many."""
    return plural(count, (one, many), (one, few, many), "ru")


def ru_count(count: int, one: str, few: str, many: str) -> str:
    """'12 формальных заседаний', '2 формальных заседания', '1 формальное заседание'."""
    return f"{RU.number(count)} {forms(count, one, few, many)}"


def ru_decimal(value: float, digits: int = 1) -> str:
    """A number as the English writes it (f'{value:.1f}'), with Russian separators: rounded
    the way the English rounds, so both editions state the same digits."""
    return RU.number(float(f"{value:.{digits}f}"), digits)


def ru_years(value: float) -> str:
    """'33,2 года': a decimal count of years (a fraction always takes «года»)."""
    return f"{ru_decimal(value)} года"


def ru_since(when: PartialDate | date) -> str:
    """A date after «с», «после», «до» (genitive): '24 января 2017 г.', 'августа 2020 г.'."""
    if isinstance(when, PartialDate) and when.precision == "month":
        return f"{format_date(when.first, 'MMMM y', locale='ru')}{YEAR}"
    return RU.date(when)


def ru_name(m: WtoAccession, name: str) -> str:
    """A government's or member's name as the data writes it in Russian."""
    return russian_names(m.members, m.accessions)[name]
