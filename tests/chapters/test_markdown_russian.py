"""The Markdown cells of the translated notebooks carry their Russian in their metadata, with
the English cell's structure: the same heading levels, links and file names, in order."""

import json
import re

import pytest

from belarus_ip_report.foundation import paths

#: The notebooks whose Markdown is translated so far.
TRANSLATED = ("00_overview", "03_belarus_russia_ip")


def structure(markdown: str) -> tuple[list[str], list[str], list[str]]:
    return (re.findall(r"^(#+) ", markdown, re.M), re.findall(r"\]\(([^)]*)\)", markdown),
            re.findall(r"`[^`]*`", markdown))


@pytest.mark.parametrize("stem", TRANSLATED)
def test_every_markdown_cell_has_russian_with_the_english_structure(stem):
    notebook = json.loads((paths.NOTEBOOKS / f"{stem}.ipynb").read_text(encoding="utf-8"))
    for cell in notebook["cells"]:
        if cell["cell_type"] != "markdown":
            continue
        english = "".join(cell["source"])
        russian = cell["metadata"].get("translation", {}).get("ru", "")
        assert russian.strip(), english[:60]
        assert structure(russian) == structure(english), english[:60]
        if "**Reads**" in english:
            assert "**Читает**" in russian and "**Записывает**" in russian
