"""The pinned environment: one list of pins, used by pip and repeated for conda."""

from pathlib import Path

import yaml

from belarus_ip_report.foundation import paths


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
    """The package's own dependencies, then the tools of development and testing."""
    pins = requirement_pins((paths.PROJECT_ROOT / "requirements.txt").read_text())
    for needed in ("jupyter", "pandas", "matplotlib", "nbconvert", "pandera"):
        assert needed in pins
    tools = requirement_pins((paths.PROJECT_ROOT / "requirements-dev.txt").read_text())
    for needed in ("nbval", "pytest", "import-linter"):
        assert needed in tools


def lock_entries(text: str) -> dict[str, tuple[str, int]]:
    """Each locked package: its version and how many hashes it carries."""
    entries: dict[str, tuple[str, int]] = {}
    current = None
    for line in text.splitlines():
        stripped = line.strip()
        if "==" in stripped and not stripped.startswith(("#", "--")):
            name, _, version = stripped.split(" ")[0].partition("==")
            current = name.lower()
            entries[current] = (version, 0)
        elif stripped.startswith("--hash=sha256:") and current:
            version, hashes = entries[current]
            entries[current] = (version, hashes + 1)
    return entries


def test_the_lock_pins_every_direct_requirement_at_the_same_version():
    direct = requirement_pins((paths.PROJECT_ROOT / "requirements.txt").read_text())
    locked = lock_entries((paths.PROJECT_ROOT / "requirements.lock").read_text())
    for name, version in direct.items():
        assert locked.get(name, ("missing", 0))[0] == version, name


def test_every_locked_package_is_pinned_with_a_hash():
    locked = lock_entries((paths.PROJECT_ROOT / "requirements.lock").read_text())
    assert len(locked) > 100  # the whole tree, not only the direct requirements
    assert all(hashes >= 1 for _, hashes in locked.values())


def test_environment_yml_installs_the_lock():
    environment = yaml.safe_load((paths.PROJECT_ROOT / "environment.yml").read_text())
    conda = environment["dependencies"]
    assert "python=3.11" in conda
    pip_section = next(item["pip"] for item in conda if isinstance(item, dict))
    assert "-r requirements.lock" in pip_section


def test_tasks_installs_from_the_lock_with_hashes():
    text = (paths.PROJECT_ROOT / "tasks.py").read_text()
    assert '"--require-hashes", "--no-deps", "-r", str(LOCK)' in text


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
    assert paths.RAW == Path(paths.__file__).resolve().parents[3] / "data" / "raw"
    assert paths.relative(paths.RAW / "sources.csv") == "data/raw/sources.csv"
