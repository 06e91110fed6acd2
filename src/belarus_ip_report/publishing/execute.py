"""Executing one notebook deterministically in a kernel of its own, which checks the raw
tables first (the cleaning) or waits at a gate (a chapter). The worker processes that run
them are in `workers`, the progress display in `progress`."""

from __future__ import annotations

import ast
import asyncio
import os
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

import nbformat
from jupyter_core.utils import ensure_async, run_sync
from nbclient import NotebookClient
from nbclient.exceptions import CellExecutionError

from belarus_ip_report import chapters
from belarus_ip_report.chapters import rastercache
from belarus_ip_report.foundation import paths
from belarus_ip_report.foundation.atomic import write_text_atomically

KERNEL_NAME = "python3"
TIMEOUT_SECONDS = 600


def kernel_environment() -> None:
    """What the kernel inherits: no Agg backend (it strips inline figures), fixed hashing, and
    the build's cache of chart rasters."""
    os.environ.pop("MPLBACKEND", None)
    os.environ["PYTHONHASHSEED"] = "0"
    os.environ[rastercache.CACHE_VARIABLE] = str(paths.RASTER_CACHE)


def normalise(notebook: nbformat.NotebookNode) -> None:
    """Remove what differs between machines, and number cells the same way every time."""
    notebook.metadata.get("language_info", {}).pop("version", None)
    notebook.metadata.pop("widgets", None)
    for index, cell in enumerate(notebook.cells):
        cell["id"] = f"cell-{index:02d}"
        cell.metadata.pop("execution", None)


def notebook_text(notebook: nbformat.NotebookNode) -> str:
    return nbformat.writes(notebook).rstrip("\n") + "\n"


def warm_up_code(notebook: nbformat.NotebookNode) -> str:
    """The imports of the notebook's first code cell, which a waiting kernel runs silently as
    soon as it starts (no output, no execution count), so that they are done while
    the cleaning notebook checks the data and runs."""
    first = next((cell for cell in notebook.cells if cell.cell_type == "code"), None)
    try:
        body = ast.parse(first.source).body if first is not None else []
    except SyntaxError:
        return ""  # the cell itself will say so, in its place
    return "\n".join(ast.unparse(node) for node in body
                     if isinstance(node, ast.Import | ast.ImportFrom))


class Skipped(Exception):
    """The build decided, once the cleaning notebook had run, that this notebook is fresh."""


class DataProblems(Exception):
    """The raw tables failed their checks: the message lists every problem."""


@dataclass(frozen=True)
class Outcome:
    #: None, or a message for people naming the failed cell as JupyterLab shows it.
    failure: str | None
    #: How long the cells took (the kernel's start excluded): the next build starts the
    #: longest notebooks first.
    seconds: float


def execute_notebook(path: Path, stage: Path, progress_queue=None, gate=None,
                     check_data: bool = False) -> Outcome:
    """Execute `path` (a notebook in the staging copy) in place; on failure, say which cell
    failed, as JupyterLab shows it, and what to do.

    The kernel starts at once and runs the first cell's imports. With
    `check_data` (the cleaning notebook) it then checks the raw tables: any problem stops
    here, with the problem's own lines, before a cell runs. With a `gate`, the cells wait
    until the build says this notebook must run (it may say it need not: the kernel just
    ends). The kernel writes its outputs under `stage` (see `paths.OUTPUT_ROOT_VARIABLE`); the
    file is rewritten only after every cell ran.
    """
    kernel_environment()
    os.environ[paths.OUTPUT_ROOT_VARIABLE] = str(stage)
    # `tables.load_table` then refuses a table the notebook's chapter does not declare.
    os.environ.update(chapter_environment(path.stem))
    # Kernels' connection files go in the stage, removed with it even after an interrupt.
    os.environ["JUPYTER_RUNTIME_DIR"] = str(stage / ".runtime")
    notebook = nbformat.read(path, as_version=4)
    name = path.stem
    code_cells = sum(cell.cell_type == "code" for cell in notebook.cells)
    timing: dict[str, float] = {}
    done = 0
    current: dict[str, object] = {}

    def report(*event) -> None:
        if progress_queue is not None:
            progress_queue.put(event)

    async def on_notebook_start(notebook) -> None:
        await warm_up(client, warm_up_code(notebook))
        if check_data and (problems := await raw_table_problems(client)):
            raise DataProblems(problems)
        if gate is not None and not await asyncio.to_thread(gate.wait, name):
            raise Skipped(name)
        timing["started"] = time.monotonic()
        report("start", name, code_cells)

    def on_cell_start(cell, cell_index) -> None:
        if cell.cell_type == "code":
            current.update(number=done + 1, source=cell.source)

    def on_cell_executed(cell, cell_index, execute_reply) -> None:
        nonlocal done
        if cell.cell_type == "code":
            done += 1
            report("cell", name, done)

    def seconds() -> float:
        return time.monotonic() - timing.get("started", time.monotonic())

    client = NotebookClient(
        notebook,
        timeout=TIMEOUT_SECONDS,
        kernel_name=KERNEL_NAME,
        # After the last reply every output is in hand and every file closed: a graceful
        # shutdown only delayed the result (0.4 s, at times over 2 s).
        shutdown_kernel="immediate",
        record_timing=False,
        resources={"metadata": {"path": str(path.parent)}},
        on_notebook_start=on_notebook_start,
        on_cell_start=on_cell_start,
        on_cell_executed=on_cell_executed,
    )
    # The kernel process's own stderr (start-up warnings) is kept out of the build's output
    # and shown only if the notebook fails; cell output comes through the notebook as usual.
    with tempfile.TemporaryFile(mode="w+") as kernel_log:
        try:
            client.execute(stderr=kernel_log)
        except Skipped:
            # Raised from the start hook, outside the block that ends the kernel: end it here.
            end_kernel(client)
            return Outcome(None, 0.0)
        except DataProblems as problems:
            end_kernel(client)
            return Outcome(str(problems), 0.0)
        except CellExecutionError as error:
            report("failed", name, seconds())
            # A table the chapter does not declare is refused only in the build's kernels:
            # its message says what to do, and JupyterLab would not show the error.
            advice = " Then run python3 tasks.py build again." if getattr(
                error, "ename", "") == "UndeclaredTable" else (
                " Open the notebook in JupyterLab (python3 tasks.py lab), run it to that cell "
                "to see the whole error, fix the cell or the data it reads, then run python3 "
                "tasks.py build again.")
            return Outcome(
                f"notebooks/{path.name}, cell [{current.get('number', '?')}] "
                f"({first_line(str(current.get('source', '')))}): "
                f"{_last_line(error)}.{advice}", seconds())
        except Exception as error:  # the kernel died or could not start
            kernel_log.seek(0)
            report("failed", name, seconds())
            return Outcome(f"{path.name}: the kernel failed ({error}); its log:\n"
                           f"{kernel_log.read()}", seconds())
    normalise(notebook)
    write_text_atomically(path, notebook_text(notebook))
    report("done", name, seconds())
    return Outcome(None, seconds())


def end_kernel(client: NotebookClient) -> None:
    """End the kernel and its channels through the public kernel-manager and client APIs: a
    start hook that raised did so before nbclient's own clean-up."""
    async def end() -> None:
        manager, channels = client.km, client.kc
        if manager is not None:
            try:
                if await ensure_async(manager.is_alive()):
                    await ensure_async(manager.shutdown_kernel(now=True))
            finally:
                await ensure_async(manager.cleanup_resources())
        if channels is not None:
            await ensure_async(channels.stop_channels())

    run_sync(end)()


async def warm_up(client: NotebookClient, code: str) -> None:
    """Run `code` (imports) in the fresh kernel, silently: IPython neither counts a silent
    request nor keeps it in history, and nbclient ignores its messages, so the notebook's
    outputs are what a cold kernel would give."""
    if not code:
        return
    msg_id = client.kc.execute(code, silent=True, store_history=False)
    await client.async_wait_for_reply(msg_id)


#: Evaluated in the cleaning notebook's kernel before its first cell (as a user expression:
#: nothing is added to the notebook's namespace): the raw tables' problems, or None.
RAW_TABLE_PROBLEMS = ("__import__('belarus_ip_report.curated.tables', fromlist=['tables'])"
                      ".raw_table_problems()")


async def raw_table_problems(client: NotebookClient) -> str | None:
    """Ask the kernel whether the raw tables pass their checks; their problems if not. The
    kernel has imported pandas and the package for the notebook already, and the cleaning's
    first cell then finds the tables validated (`tables` keeps them), so the check costs the
    build almost nothing; the build's own process never imports pandas."""
    msg_id = client.kc.execute("", silent=True, store_history=False,
                               user_expressions={"problems": RAW_TABLE_PROBLEMS})
    reply = await client.async_wait_for_reply(msg_id)
    found = reply["content"]["user_expressions"]["problems"]
    if found.get("status") != "ok":
        return (f"the check of the raw tables failed: {found.get('ename', 'Error')}: "
                f"{found.get('evalue', '')}")
    return ast.literal_eval(found["data"]["text/plain"])


def first_line(source: str, limit: int = 60) -> str:
    """The first line of a cell's code that says something, as a reader finds it in Lab."""
    line = next((raw.strip() for raw in source.splitlines()
                 if raw.strip() and not raw.strip().startswith("#")), "")
    return line if len(line) <= limit else line[: limit - 1] + "…"

def _last_line(error: CellExecutionError) -> str:
    name = getattr(error, "ename", "") or "Error"
    value = getattr(error, "evalue", "") or str(error).strip().splitlines()[-1]
    return f"{name}: {value}"


def chapter_environment(stem: str) -> dict[str, str]:
    """What a kernel is told of the notebook it runs: its stem and the tables its chapter
    declares (every table for the cleaning notebook, none for an undeclared one)."""
    declared = chapters.chapter(stem)
    tables = (paths.EVERY_TABLE if stem == chapters.CLEANING
              else ",".join(declared.reads) if declared is not None else "")
    return {paths.CHAPTER_VARIABLE: stem, paths.CHAPTER_TABLES_VARIABLE: tables}
