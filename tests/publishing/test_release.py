"""The reuse kit a release writes: its checksums verify, its data package validates with
frictionless, it is the same bytes when written twice, and a release refuses a dirty tree."""

from __future__ import annotations

import hashlib
import json
import zipfile
from pathlib import Path

import pytest

from belarus_ip_report.foundation import paths, settings
from belarus_ip_report.publishing import release


@pytest.fixture(scope="module")
def kit(tmp_path_factory) -> Path:
    from belarus_ip_report.publishing import pdf

    if pdf.chromium() is None:
        pytest.skip("no Chromium found: install Debian's chromium (.ci/run does) to run these")
    for page, printed in pdf.EDITIONS.values():
        if not (paths.REPORT / printed).exists():
            pdf.write_pdf(paths.REPORT / page, paths.REPORT / printed)
    return release.write_kit(tmp_path_factory.mktemp("release"))


def test_the_kit_holds_the_publication_and_its_checksums_verify(kit):
    with zipfile.ZipFile(kit) as archive:
        names = archive.namelist()
        folder = f"belarus-ip-report-{settings.VERSION}/"
        assert all(name.startswith(folder) for name in names)
        files = {name[len(folder):]: archive.read(name) for name in names}
    for needed in ("report/index.html", "report/evidence.html", "report/report.pdf",
                   "report/ru/index.html", "report/ru/evidence.html", "report/ru/report.pdf",
                   "data/processed/datapackage.json", "CITATION.cff", "CHANGELOG.md",
                   "README.txt", "SHA256SUMS"):
        assert needed in files, needed
    sums = dict(reversed(line.split("  ", 1)) for line in
                files["SHA256SUMS"].decode().splitlines())
    assert set(sums) == set(files) - {"SHA256SUMS"}
    for name, digest in sums.items():
        assert hashlib.sha256(files[name]).hexdigest() == digest, name
    assert release.data_fingerprint() in files["README.txt"].decode()


def test_the_kit_data_package_validates_with_frictionless(kit, tmp_path):
    from frictionless import validate

    with zipfile.ZipFile(kit) as archive:
        archive.extractall(tmp_path)
    package = next(tmp_path.glob("*/data/processed/datapackage.json"))
    report = validate(str(package))
    assert report.valid, report.flatten(["rowNumber", "fieldName", "type", "note"])[:5]


def test_the_kit_is_byte_stable_and_carries_zenodo_metadata(kit, tmp_path):
    again = release.write_kit(tmp_path)
    assert again.read_bytes() == kit.read_bytes()
    zenodo = json.loads((kit.parent / ".zenodo.json").read_text(encoding="utf-8"))
    assert zenodo["version"] == settings.VERSION
    assert zenodo["creators"] == [{"name": settings.AUTHOR}]
    assert release.data_fingerprint() in zenodo["notes"]


def test_a_release_from_a_dirty_tree_stops_and_says_what_to_do(monkeypatch):
    monkeypatch.setattr(release, "git", lambda *args: " M data/raw/sources.csv\n")
    with pytest.raises(release.ReleaseRefused, match="Commit \\(or discard\\) these changes"):
        release.check_clean("the working tree has changes")
