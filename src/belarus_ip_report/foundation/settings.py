"""Project settings that outputs depend on, each written once: the page, the data package,
`CITATION.cff`, the README's citation and the release kit are written or checked from these.
Never the clock: two builds must be identical."""

import os
from datetime import date

#: The date the curated data was last checked against its sources; the report says "as of"
#: this date, open-ended spans (Belarus's WTO accession) run up to it, and every count is
#: computed on it.
AS_OF = date(2026, 12, 4)

REPORT_TITLE = "Belarus in the international intellectual-property and trade system"
#: The title in each edition.
REPORT_TITLES = {"en": REPORT_TITLE,
                 "ru": "Беларусь в международной системе интеллектуальной собственности и торговли"}

#: The version of the report and its data package (pyproject.toml reads it from here).
VERSION = "1.3.0"

#: Who the report is by, as a citation names it.
AUTHOR = "The authors of the Belarus IP report"
#: The author in each edition.
AUTHORS = {"en": AUTHOR, "ru": "Авторский коллектив доклада о Беларуси в системе ИС"}

#: The public address of the project's repository, for citations and the release kit. None
#: until the project is published at an address: a citation then leaves it out rather than
#: give an address that does not exist.
REPOSITORY: str | None = None

ABSTRACT = ("Hand-curated, evidence-backed tables and an offline HTML report on Belarus in the "
            "treaties WIPO administers, Belarus's accession to the WTO, and Belarus-Russia "
            "cooperation on intellectual property. Every date, count and status is traced to "
            "the source that states it; every count is computed from dated rows.")

KEYWORDS = ("Belarus", "WIPO", "WTO accession", "intellectual property",
            "reproducible research")


#: The report's editions: one build writes both from the same executed notebooks.
EDITIONS = ("en", "ru")


def editions() -> tuple[str, ...]:
    """The editions this build writes: all of them, unless REPORT_EDITIONS=en names fewer (the
    benchmark's English-only build, to measure what the Russian edition costs)."""
    named = os.environ.get("REPORT_EDITIONS", "")
    chosen = tuple(lang for lang in EDITIONS if lang in named.split(","))
    return chosen or EDITIONS
