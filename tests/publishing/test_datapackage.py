"""The clean tables as a data package: valid Frictionless metadata generated from the schemas,
a data dictionary beside the data, and tables that plain pandas loads with usable types."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pandas as pd
import pytest
from frictionless import validate

from belarus_ip_report.curated.schemas import TABLES
from belarus_ip_report.foundation import paths
from belarus_ip_report.publishing import datapackage

PACKAGE = paths.PROCESSED / "datapackage.json"


def test_the_data_package_validates_foreign_keys_included():
    report = validate(str(PACKAGE))
    assert report.valid, report.flatten(["rowNumber", "fieldName", "type", "note"])[:5]


def test_a_corrupted_foreign_key_fails_validation(tmp_path: Path):
    copy = tmp_path / "processed"
    shutil.copytree(paths.PROCESSED, copy)
    evidence = copy / "evidence.csv"
    lines = evidence.read_text(encoding="utf-8").split("\n")
    header = lines[0].split(",")
    cells = lines[1].split(",")
    cells[header.index("source_id")] = "no-such-source"
    lines[1] = ",".join(cells)
    evidence.write_text("\n".join(lines), encoding="utf-8")
    report = validate(str(copy / "datapackage.json"))
    assert not report.valid
    assert "foreign-key" in {error[0] for error in report.flatten(["type"])}


def test_package_and_dictionary_are_not_stale():
    assert PACKAGE.read_text(encoding="utf-8") == json.dumps(
        datapackage.data_package(), indent=2, ensure_ascii=False) + "\n"
    assert (paths.DATA / "README.md").read_text(encoding="utf-8") == datapackage.data_readme()


def test_every_table_and_column_is_described():
    package = json.loads(PACKAGE.read_text(encoding="utf-8"))
    assert [r["name"] for r in package["resources"]] == [spec.name for spec in TABLES]
    for resource in package["resources"]:
        header = (paths.PROCESSED / resource["path"]).read_text(encoding="utf-8").split("\n")[0]
        assert [f["name"] for f in resource["schema"]["fields"]] == header.split(",")
        assert all(f["description"] for f in resource["schema"]["fields"])
    assert package["licenses"][0]["name"] == "CC-BY-4.0"
    assert package["version"] and package["asOf"]


@pytest.mark.parametrize("spec", TABLES, ids=lambda s: s.name)
def test_pandas_alone_loads_each_table_with_usable_types(spec):
    """The one-liner of data/README.md, with nothing from this project."""
    path = paths.PROCESSED / spec.file_name
    header = path.read_text(encoding="utf-8").split("\n")[0].split(",")
    dates = [c for c in header if c.endswith(("_earliest", "_latest"))]
    frame = pd.read_csv(path, keep_default_na=False, na_values=[""], parse_dates=dates)
    for column in dates:
        assert pd.api.types.is_datetime64_any_dtype(frame[column]), column
        assert (frame[column].isna() | (frame[column].dt.year >= 1883)).all()
    for name, column in spec.schema.columns.items():
        if str(column.dtype) == "Int64":
            assert pd.api.types.is_numeric_dtype(frame[name]), name
        elif name in frame and frame[name].notna().any():
            assert pd.api.types.is_string_dtype(frame[name]), name
    if dates:
        first = [c for c in dates if c.endswith("_earliest")][0]
        ordered = frame.sort_values(first)  # sorting works without the package
        assert len(ordered) == len(frame)


def test_every_resource_declares_its_csv_dialect():
    """No reader guesses the delimiter from the data (notes full of ';' once misled one)."""
    package = json.loads((paths.PROCESSED / "datapackage.json").read_text(encoding="utf-8"))
    assert {r["name"] for r in package["resources"]} == {spec.name for spec in TABLES}
    assert all(r["dialect"]["delimiter"] == "," and r["dialect"]["header"]
               for r in package["resources"])
