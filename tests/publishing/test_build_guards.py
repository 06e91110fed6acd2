"""A build that survives what users really do (issue #26), on small copies of the project (the
cleaning notebook and chapter 3), built once and copied for each test:

- Markdown that would run, redirect or load (a refresh, an event handler, a javascript: link,
  a script, a frame) reaches neither the report nor the code pages;
- a page that breaks a promise (a template edited to refresh) stops the build unpublished;
- a chapter that loads a table it does not declare stops the build;
- a declared notebook that is missing, one that is not declared, and one with merge-conflict
  markers each stop the build before any kernel starts;
- a full disk while publishing, a file-size limit, a build killed while it publishes, a folder
  or a symbolic link where a file goes: one clear message, the previous outputs intact, no
  temporary file left; a killed publish is rolled back at the next start, and the temporary
  files killed runs left are removed.
"""

from __future__ import annotations

import json
import os
import resource
import shutil
import subprocess
import time
from pathlib import Path

import pytest
from projects import build_command, copy_built, outputs, run_build

from belarus_ip_report.publishing import publish
from belarus_ip_report.publishing.checks import check_page

NOTHING_PUBLISHED = "Nothing was published: the outputs of the previous build are unchanged."
CHAPTER = "03_belarus_russia_ip"
HOSTILE_MARKDOWN = (
    '<meta http-equiv="refresh" content="0;url=https://evil.example/refresh">\n\n'
    '<img src=x onerror="alert(1)"> <a href="javascript:alert(2)">click</a> '
    "[a link](javascript:alert(3)) <script>alert(4)</script>\n\n"
    '<iframe src="https://evil.example/frame"></iframe>'
    '<p style="background: url(https://evil.example/bg.png)" onmouseover="alert(5)">'
    "Words a reader may see.</p>\n")


def stopped(result: subprocess.CompletedProcess, *lines: str) -> None:
    """The build stopped with exactly these lines, then the promise that nothing changed."""
    assert "Traceback" not in result.stderr, result.stderr
    assert result.returncode == 1, result.stdout + result.stderr
    assert result.stderr.splitlines() == [f"Build stopped: {lines[0]}", *lines[1:],
                                          NOTHING_PUBLISHED], result.stderr


def temporary_files(root: Path) -> list[str]:
    return [path.relative_to(root).as_posix() for path in root.rglob("*.tmp")]


def edit_notebook(copy: Path, edit) -> None:
    path = copy / "notebooks" / f"{CHAPTER}.ipynb"
    node = json.loads(path.read_text(encoding="utf-8"))
    edit(node["cells"])
    path.write_text(json.dumps(node, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")


def restyle(copy: Path, extra: str = "") -> None:
    """A change to the report's style: only the export runs again, and every page changes."""
    css = copy / "src" / "belarus_ip_report" / "publishing" / "templates" / "report.css"
    css.write_text(css.read_text(encoding="utf-8") + "\n/* restyled */\n" + extra,
                   encoding="utf-8")


def run_patched(copy: Path, patch: str, *args: str, file_size_limit: int | None = None
                ) -> subprocess.CompletedProcess:
    """The real build in a subprocess, with `patch` (Python) run first."""
    command, env = build_command(copy, *args)
    code = ("import errno, os, sys\nfrom belarus_ip_report.publishing import pipeline, "
            f"publish\n{patch}\nsys.exit(pipeline.main(sys.argv[1:]))")

    def limit() -> None:
        if file_size_limit is not None:
            resource.setrlimit(resource.RLIMIT_FSIZE, (file_size_limit, file_size_limit))

    return subprocess.run([command[0], "-c", code, *args], cwd=copy, env=env,
                          capture_output=True, text=True, timeout=600, preexec_fn=limit)


# --- nothing active reaches a reader --------------------------------------------------------


def test_markdown_that_would_run_redirect_or_load_reaches_no_reader(small):
    edit_notebook(small, lambda cells: cells.append(
        {"cell_type": "markdown", "id": "hostile",
         "metadata": {"translation": {"ru": HOSTILE_MARKDOWN}}, "source": HOSTILE_MARKDOWN}))
    result = run_build(small)
    assert result.returncode == 0, result.stderr[-3000:]
    for page in (small / "report" / "index.html", small / "report" / "ru" / "index.html",
                 small / "report" / "code" / f"{CHAPTER}.html"):
        text = page.read_text(encoding="utf-8")
        assert "Words a reader may see." in text, page
        for payload in ("evil.example", "onerror", "onmouseover", "javascript:", "<script",
                        "<iframe", 'http-equiv="refresh"', "alert("):
            assert payload not in text, (page.name, payload)
        check_page(text)


@pytest.mark.parametrize(("markup", "problem"), [
    ('<meta http-equiv="refresh" content="0;url=https://evil.example">',
     'a <meta http-equiv="refresh"> would refresh or redirect the page'),
    ('<link rel="stylesheet" href="https://evil.example/s.css">',
     "a <link> would load https://evil.example/s.css"),
    ('<body onload="alert(1)">', "an event handler (onload) on <body> would run code"),
])
def test_a_page_that_would_break_a_promise_is_not_published(small, markup, problem):
    before = outputs(small)
    template = small / "src" / "belarus_ip_report" / "publishing" / "templates" / "page.html.j2"
    text = template.read_text(encoding="utf-8")
    template.write_text(text.replace('<meta charset="utf-8">\n',
                                     f'<meta charset="utf-8">\n{markup}\n', 1), encoding="utf-8")
    stopped(run_build(small), f"report/index.html: {problem}")
    assert outputs(small) == before


# --- the notebook set is declared ---------------------------------------------------------

LOAD_UNDECLARED = ('from belarus_ip_report.curated.tables import load_table; '
                   'members = load_table("wto_members")')


def test_a_chapter_that_loads_a_table_it_does_not_declare_stops_the_build(small):
    before = outputs(small)
    edit_notebook(small, lambda cells: cells.insert(2, {
        "cell_type": "code", "execution_count": None, "id": "undeclared", "metadata": {},
        "outputs": [], "source": LOAD_UNDECLARED}))
    edited = (small / "notebooks" / f"{CHAPTER}.ipynb").read_bytes()
    result = run_build(small)
    assert result.returncode == 1 and "Traceback" not in result.stderr, result.stderr
    assert f"notebooks/{CHAPTER}.ipynb, cell [2] (from belarus_ip_report" in result.stderr
    assert (f"UndeclaredTable: notebooks/{CHAPTER}.ipynb loads the table 'wto_members', which "
            "its chapter does not declare (it declares belarus_russia_ip, "
            "belarus_ip_instruments, context_events, key_figures, sources, discrepancies): add "
            "'wto_members' to the TABLES its chapter's package declares under "
            "src/belarus_ip_report/chapters/ (they also make the notebook's header), so that the "
            "build runs it again when that table changes. Then run python3 tasks.py build "
            "again.") in result.stderr
    assert result.stderr.splitlines()[-1] == NOTHING_PUBLISHED
    after = outputs(small)
    assert after.pop(f"notebooks/{CHAPTER}.ipynb") == edited  # the edit, kept as it was
    before.pop(f"notebooks/{CHAPTER}.ipynb")
    assert after == before


def test_a_declared_notebook_that_is_missing_stops_the_build(small):
    (small / "notebooks" / f"{CHAPTER}.ipynb").unlink()
    before = outputs(small)
    stopped(run_build(small),
            f"notebooks/{CHAPTER}.ipynb is missing, but src/belarus_ip_report/chapters/"
            "__init__.py (CHAPTERS) declares it: restore it (git checkout -- "
            f"notebooks/{CHAPTER}.ipynb), or remove its declaration")
    assert outputs(small) == before


def test_a_notebook_that_is_not_declared_stops_the_build(small):
    shutil.copy(small / "notebooks" / f"{CHAPTER}.ipynb", small / "notebooks" / "05_draft.ipynb")
    before = outputs(small)
    stopped(run_build(small),
            "notebooks/05_draft.ipynb is not declared in src/belarus_ip_report/chapters/"
            "__init__.py (CHAPTERS): declare it there (its stem, the tables it reads, its "
            "label), or move it out of notebooks/")
    assert outputs(small) == before


def test_a_notebook_with_merge_conflict_markers_is_one_clear_message(small):
    path = small / "notebooks" / f"{CHAPTER}.ipynb"
    lines = path.read_text(encoding="utf-8").splitlines()
    lines[5:5] = ["<<<<<<< HEAD", '   "ours": 1,', "=======", '   "theirs": 2,',
                  ">>>>>>> other-branch"]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    before = outputs(small)
    stopped(run_build(small),
            f"notebooks/{CHAPTER}.ipynb is not valid JSON: line 6 holds the merge-conflict "
            f"marker '<<<<<<<': resolve the conflict (keep one side of each, or git checkout "
            f"--ours / --theirs notebooks/{CHAPTER}.ipynb), check that it opens in JupyterLab, "
            "then build again")
    assert outputs(small) == before


# --- all or nothing: faults of the system ---------------------------------------------------


def test_a_full_disk_while_publishing_leaves_the_previous_outputs(small):
    before = outputs(small)
    restyle(small)
    result = run_patched(small, """
real = publish.write_temporary
calls = []
def full_disk(path, data, **options):
    calls.append(path)
    if len(calls) == 2:
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC), str(path))
    return real(path, data, **options)
publish.write_temporary = full_disk
""")
    stopped(result, "could not write report/code/04_clean_tables.html (No space left on device): "
                    "free some disk space, then build again")
    assert outputs(small) == before
    assert temporary_files(small) == []
    assert run_build(small).returncode == 0  # space again: the next build publishes


def test_a_passage_without_its_russian_stops_the_build_and_names_it(small):
    """The Russian edition never guesses: an English Markdown cell or a generated passage with
    no Russian stops the build, naming the notebook, the cell and the words to translate."""
    before = outputs(small)
    edit_notebook(small, lambda cells: cells.append(
        {"cell_type": "markdown", "id": "untranslated", "metadata": {},
         "source": "A new paragraph nobody has translated yet."}))
    result = run_build(small)
    position = len(json.loads((small / "notebooks" / f"{CHAPTER}.ipynb").read_text())["cells"])
    stopped(result, f"report/index.html: notebooks/{CHAPTER}.ipynb, cell {position}: this "
                    "Markdown cell has no ru text; add it to the cell's metadata as "
                    '"translation": {"ru": "..."}. The English to translate: '
                    "'A new paragraph nobody has translated yet.'")
    edited = f"notebooks/{CHAPTER}.ipynb"  # as the edit left it: the build wrote nothing
    assert {k: v for k, v in outputs(small).items() if k != edited} == {
        k: v for k, v in before.items() if k != edited}


def test_a_file_size_limit_is_one_clear_message(small):
    before = outputs(small)
    largest = max(len(data) for data in before.values())
    restyle(small, "/* " + "x" * 60_000 + " */\n")  # each page grows past the limit
    result = run_patched(small, "", file_size_limit=largest + 20_000)
    stopped(result, "could not write report/ru/evidence.html (in the staging copy) (File too "
                    "large): the file is larger than this process may write: raise the "
                    "file-size limit (ulimit -f), then build again")
    assert outputs(small) == before
    assert temporary_files(small) == []


def test_a_build_killed_while_publishing_is_rolled_back_at_the_next_start(small, tmp_path):
    before = outputs(small)
    restyle(small)
    result = run_patched(small, f"""
real = os.replace
def replace_then_die(source, target):
    real(source, target)
    if str(target).endswith("code/{CHAPTER}.html") and "/.cache/" not in str(target):
        os._exit(137)  # as SIGKILL: nothing runs after this
publish.os.replace = replace_then_die
""")
    assert result.returncode == 137
    journal = small / ".cache" / "publish.journal"
    assert journal.exists() and outputs(small) != before
    # What the next start does first, on a copy of the half-published project:
    copy = copy_built(small, tmp_path / "recovered")
    note = publish.recover(copy, copy / ".cache" / "publish.journal")
    assert note == ("the last build was stopped while it published: its 6 file(s) were put "
                    "back as they were before it")
    assert outputs(copy) == before and temporary_files(copy) == []
    # The next build itself: it says so, then builds and publishes whole.
    for path in small.rglob("*.tmp"):  # as old as a killed run's files are
        os.utime(path, (time.time() - 60, time.time() - 60))
    again = run_build(small)
    assert again.returncode == 0, again.stderr
    assert again.stdout.startswith(f"  {note}\n"), again.stdout
    assert "6 file(s) published" in again.stdout
    assert not journal.exists() and temporary_files(small) == []


@pytest.mark.parametrize("kind", ["folder", "symbolic link"])
def test_a_folder_or_a_link_where_a_file_goes_stops_the_build_before_it_runs(small, kind):
    target = small / "figures" / "03-belarus-russia-timeline.png"
    target.unlink()  # the build would write it again
    if kind == "folder":
        target.mkdir()
        expected = ("figures/03-belarus-russia-timeline.png is a folder, where the build "
                    "writes a file: move it away (or remove it), then build again")
    else:
        target.symlink_to(small / "elsewhere.png")
        expected = ("figures/03-belarus-russia-timeline.png is a symbolic link, where the "
                    "build writes files of its own: remove the link (the build writes the "
                    "real file), then build again")
    before = outputs(small)
    result = run_build(small)
    stopped(result, expected)
    assert result.stdout == ""  # no notebook ran
    assert outputs(small) == before


def test_temporary_files_of_killed_runs_are_removed_at_the_next_start(small):
    strays = [small / "figures" / ".03-belarus-russia-timeline.png.k1ll3d00.tmp",
              small / "report" / "code" / f".{CHAPTER}.html.abcdefgh.tmp",
              small / ".cache" / ".build.json.12345678.tmp"]
    for path in strays:
        path.write_bytes(b"half a file")
        os.utime(path, (time.time() - 60, time.time() - 60))
    result = run_build(small)
    assert result.stdout.startswith("Up to date"), result.stdout + result.stderr
    assert temporary_files(small) == []
