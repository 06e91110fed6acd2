"""How to cite the report, written from `settings` only: `CITATION.cff`, the README's citation,
the page's citation and BibTeX. `python -m belarus_ip_report.publishing.citation` rewrites the
two files after a change of version or date (the tests check that they match).
"""

from __future__ import annotations

import re

from belarus_ip_report.chapters.language import RU
from belarus_ip_report.foundation import paths, settings
from belarus_ip_report.foundation.atomic import write_text_atomically
from belarus_ip_report.foundation.dates import format_for_people

TITLE = f"{settings.REPORT_TITLE}: a reproducible data report"
README_START, README_END = "<!-- citation: written from settings -->", "<!-- /citation -->"


def citation_cff() -> str:
    keywords = "".join(f"  - {keyword}\n" for keyword in settings.KEYWORDS)
    repository = (f'repository-code: "{settings.REPOSITORY}"\n' if settings.REPOSITORY else "")
    return (
        "# Citation File Format: how to cite this report and its data. Written from\n"
        "# src/belarus_ip_report/foundation/settings.py by publishing/citation.py: do not edit.\n"
        "cff-version: 1.2.0\n"
        'message: "If you use this report or its data, please cite it as below, and the '
        'original sources by the addresses in data/processed/sources.csv."\n'
        "type: dataset\n"
        f'title: "{TITLE}"\n'
        f'version: "{settings.VERSION}"\n'
        f'date-released: "{settings.AS_OF.isoformat()}"\n'
        "authors:\n"
        f'  - name: "{settings.AUTHOR}"\n'
        f"{repository}"
        "license: CC-BY-4.0\n"
        "keywords:\n"
        f"{keywords}"
        f'abstract: "{settings.ABSTRACT}"\n'
    )


def sentence(lang: str = "en") -> str:
    """The citation in words, as the README and the page give it (each edition in its own
    language, naming its own page)."""
    if lang == "ru":
        where = (f" {settings.REPOSITORY}" if settings.REPOSITORY
                 else " `report/ru/index.html` в репозитории проекта")
        return (f"{settings.AUTHORS['ru']}. *{settings.REPORT_TITLES['ru']}*. Версия "
                f"{settings.VERSION}, данные по состоянию на {RU.date(settings.AS_OF)}"
                f"{where}.")  # the date ends with «г.»: no second full stop
    where = (f" {settings.REPOSITORY}" if settings.REPOSITORY
             else " `report/index.html` in this repository")
    return (f"{settings.AUTHOR}, *{TITLE}*, version {settings.VERSION}, data as of "
            f"{format_for_people(settings.AS_OF)}.{where}.")


def bibtex(fingerprint: str) -> str:
    fields = [("author", f"{{{settings.AUTHOR}}}"), ("title", f"{{{TITLE}}}"),
              ("version", settings.VERSION), ("year", str(settings.AS_OF.year)),
              ("month", str(settings.AS_OF.month)),
              ("note", f"Data as of {settings.AS_OF.isoformat()}; clean tables SHA-256 "
                       f"{fingerprint}")]
    if settings.REPOSITORY:
        fields.append(("url", settings.REPOSITORY))
    body = ",\n".join(f"  {name} = {{{value}}}" for name, value in fields)
    return f"@misc{{belarus_ip_report_{settings.VERSION.replace('.', '_')},\n{body}\n}}"


def readme_block() -> str:
    return f"{README_START}\n> {sentence()}\n{README_END}"


def readme_with_citation(text: str) -> str:
    pattern = re.compile(re.escape(README_START) + ".*?" + re.escape(README_END), re.S)
    if not pattern.search(text):
        raise ValueError(f"README.md has no {README_START} … {README_END} block to write into")
    return pattern.sub(lambda _: readme_block(), text)


def main() -> int:
    write_text_atomically(paths.PROJECT_ROOT / "CITATION.cff", citation_cff())
    readme = paths.PROJECT_ROOT / "README.md"
    write_text_atomically(readme, readme_with_citation(readme.read_text(encoding="utf-8")))
    print("Wrote CITATION.cff and the README's citation from settings")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
