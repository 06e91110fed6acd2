"""The pinned environment: one list of pins, used by pip and repeated for conda."""

from pathlib import Path

import yaml

from belarus_ip_report import paths


def requirement_pins(text: str) -> dict[str, str]:
    pins = {}
    for line in text.splitlines():
        line = line.split("#", 1)[0].strip()
        if not line or line.startswith("-"):
            continue
        name, separator, version = line.partition("==")
        assert separator, f"not pinned exactly: {line}"
        pins[name.strip().lower()] = version.strip()
    return pins


def test_every_requirement_is_pinned_exactly():
    pins = requirement_pins((paths.PROJECT_ROOT / "requirements.txt").read_text())
    for needed in ("jupyter", "pandas", "matplotlib", "nbconvert", "nbval", "pytest", "pandera"):
        assert needed in pins


def test_environment_yml_names_the_same_packages_and_pins_as_pip():
    environment = yaml.safe_load((paths.PROJECT_ROOT / "environment.yml").read_text())
    conda = environment["dependencies"]
    assert "python=3.11" in conda
    pip_section = next(item["pip"] for item in conda if isinstance(item, dict))
    conda_pins = requirement_pins("\n".join(p for p in pip_section if not p.startswith("-e")))
    pip_pins = requirement_pins((paths.PROJECT_ROOT / "requirements.txt").read_text())
    assert conda_pins == pip_pins
    assert "-e ." in pip_section


def test_pyproject_reads_its_dependencies_from_requirements_txt():
    text = (paths.PROJECT_ROOT / "pyproject.toml").read_text()
    assert 'dependencies = { file = ["requirements.txt"] }' in text
    assert 'requires-python = "==3.11.*"' in text


def test_requirement_pins_rejects_a_loose_pin():
    try:
        requirement_pins("pandas>=2")
    except AssertionError:
        return
    raise AssertionError("a loose pin was accepted")


def test_paths_come_from_the_package_not_the_working_directory(monkeypatch, tmp_path):
    monkeypatch.chdir(tmp_path)
    assert paths.RAW == Path(paths.__file__).resolve().parents[2] / "data" / "raw"
    assert paths.relative(paths.RAW / "sources.csv") == "data/raw/sources.csv"
