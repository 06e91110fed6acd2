"""CITATION.cff is valid Citation File Format 1.2.0 and agrees with the report's settings.

The schema is the CFF project's own (tests/data/citation-file-format-1.2.0.schema.json, from
the citation-file-format repository, CC BY 4.0; taken from the cffconvert 2.0.0 wheel, whose
pins cannot be installed beside Jupyter's jsonschema)."""

from __future__ import annotations

import json

import yaml
from jsonschema import Draft7Validator

from belarus_ip_report.foundation import paths, settings

SCHEMA = paths.PROJECT_ROOT / "tests" / "data" / "citation-file-format-1.2.0.schema.json"


def citation() -> dict:
    # Dates stay text: the schema wants the ISO string, not a YAML date object.
    return yaml.load((paths.PROJECT_ROOT / "CITATION.cff").read_text(encoding="utf-8"),
                     Loader=yaml.BaseLoader)


def test_citation_cff_validates_against_the_schema():
    schema = json.loads(SCHEMA.read_text(encoding="utf-8"))
    errors = sorted(Draft7Validator(schema).iter_errors(citation()), key=str)
    assert errors == [], [e.message for e in errors]


def test_citation_cff_carries_the_version_and_the_as_of_date():
    cff = citation()
    assert cff["version"] == settings.VERSION
    assert cff["date-released"] == settings.AS_OF.isoformat()
    assert cff["title"].startswith(settings.REPORT_TITLE)


def test_citation_files_are_written_from_the_settings():
    """Version, date, author and address are set once (settings); the files follow them."""
    from belarus_ip_report.publishing import citation as written

    root = paths.PROJECT_ROOT
    assert (root / "CITATION.cff").read_text(encoding="utf-8") == written.citation_cff()
    readme = (root / "README.md").read_text(encoding="utf-8")
    assert written.readme_with_citation(readme) == readme
    assert settings.AUTHOR in written.bibtex("0" * 64)
