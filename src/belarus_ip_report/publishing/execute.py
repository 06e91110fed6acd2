"""Executing notebooks deterministically in worker processes, ending them cleanly on an
interrupt, and showing progress while they run."""

from __future__ import annotations

import ast
import asyncio
import contextlib
import ctypes
import json
import logging
import multiprocessing
import os
import queue
import shutil
import signal
import sys
import tempfile
import threading
import time
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from pathlib import Path

import nbformat
import psutil
from nbclient import NotebookClient
from nbclient.exceptions import CellExecutionError
from tqdm import tqdm

from belarus_ip_report.chapters import rastercache
from belarus_ip_report.foundation import paths
from belarus_ip_report.foundation.atomic import write_text_atomically

KERNEL_NAME = "python3"
#: How much lower the chapters' processes are scheduled than the cleaning and the build.
CHAPTER_NICENESS = 10
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
            client._cleanup_kernel()
            return Outcome(None, 0.0)
        except DataProblems as problems:
            client._cleanup_kernel()
            return Outcome(str(problems), 0.0)
        except CellExecutionError as error:
            report("failed", name, seconds())
            return Outcome(
                f"notebooks/{path.name}, cell [{current.get('number', '?')}] "
                f"({first_line(str(current.get('source', '')))}): "
                f"{_last_line(error)}. Open the notebook in JupyterLab (python3 tasks.py "
                f"lab), run it to that cell to see the whole error, fix the cell or the data "
                f"it reads, then run python3 tasks.py build again.", seconds())
        except Exception as error:  # the kernel died or could not start
            kernel_log.seek(0)
            report("failed", name, seconds())
            return Outcome(f"{path.name}: the kernel failed ({error}); its log:\n"
                           f"{kernel_log.read()}", seconds())
    normalise(notebook)
    write_text_atomically(path, notebook_text(notebook))
    report("done", name, seconds())
    return Outcome(None, seconds())


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


class Gate:
    """Opened once by the build with the notebooks that must run; shared with the workers."""

    def __init__(self) -> None:
        self._opened = multiprocessing.Event()
        self._chosen = multiprocessing.Array(ctypes.c_char, 8192)

    def open(self, stems: list[str]) -> None:
        self._chosen.value = json.dumps(sorted(stems)).encode()
        self._opened.set()

    def wait(self, stem: str) -> bool:
        self._opened.wait()
        return stem in json.loads(self._chosen.value.decode())


def first_line(source: str, limit: int = 60) -> str:
    """The first line of a cell's code that says something, as a reader finds it in Lab."""
    line = next((raw.strip() for raw in source.splitlines()
                 if raw.strip() and not raw.strip().startswith("#")), "")
    return line if len(line) <= limit else line[: limit - 1] + "…"


# --- workers that end with the build ------------------------------------------------------------

_progress = None  # each worker's end of the progress queue, handed over at its start
_gate: Gate | None = None


def _worker_start(progress_queue, gate: Gate) -> None:
    """In each worker: leave Ctrl-C to the build, and end with it even if it is killed
    outright (SIGKILL gives it no chance to end us): a watchdog thread sees the parent go."""
    global _progress, _gate
    _progress, _gate = progress_queue, gate
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    # Forked from the build, a worker would raise its interrupt on SIGTERM (and print a
    # traceback); the build ends its workers with SIGTERM: they just end. While a notebook
    # runs, nbclient's own handler ends its kernel instead, and asyncio may log the race of
    # that clean-up with the build's; a worker reports failures in its result, not in logs.
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    logging.getLogger("asyncio").setLevel(logging.CRITICAL)
    parent = os.getppid()
    threading.Thread(target=_watch_parent, args=(parent,), daemon=True).start()


def _watch_parent(parent: int) -> None:
    while os.getppid() == parent:
        time.sleep(0.5)
    end_children(grace=1.0)
    os._exit(143)


def end_children(grace: float = 3.0) -> None:
    """End every process this one started, workers and kernels, at once (SIGKILL): none holds
    anything to save (a kernel's connection file lives in the stage, removed with it), and a
    worker inside nbclient, or a kernel still starting, would otherwise take seconds to stop."""
    ours = psutil.Process().children()
    children = psutil.Process().children(recursive=True)
    for child in children:
        with contextlib.suppress(psutil.Error):
            child.kill()
    deadline = time.monotonic() + grace
    # Our workers are reaped here; a kernel, orphaned by its worker, waits for the system to
    # reap it, but a zombie runs nothing: it has ended.
    psutil.wait_procs(ours, timeout=grace)
    while time.monotonic() < deadline and any(_running(child) for child in children):
        time.sleep(0.02)


def _running(process: psutil.Process) -> bool:
    try:
        return process.status() != psutil.STATUS_ZOMBIE
    except psutil.Error:
        return False


def _execute_in_worker(path: Path, stage: Path, cleaning: bool, behind_cleaning: bool
                       ) -> Outcome:
    if cleaning:
        return execute_notebook(path, stage, _progress, check_data=True)
    if behind_cleaning:
        # The cleaning is what every chapter waits for: a chapter's worker and kernel start at
        # once, but yield the processor to it (and to the build itself) whenever it needs it.
        os.nice(CHAPTER_NICENESS)
    return execute_notebook(path, stage, _progress, _gate)


class NotebookRun:
    """Notebooks executed in parallel worker processes, one kernel each.

    Each kernel imports the package as it starts. The `first` notebook (the cleaning one)
    then checks the raw tables and, if they pass, runs (`first_results`); the others wait at
    a gate until `go` names those that must run, once the cleaning has run. All kernels start
    at once, but while there is a cleaning to wait for, the chapters' processes are scheduled
    below it (`CHAPTER_NICENESS`): they use the processor time it leaves. One worker per
    notebook when a cleaning runs, else one worker per core.
    """

    def __init__(self, first: list[Path], then: list[Path], stage: Path, progress_queue) -> None:
        self._gate = Gate()
        jobs = [(nb, True) for nb in first] + [(nb, False) for nb in then]
        cores = os.cpu_count() or 1
        workers = max(1, len(jobs) if first else min(len(jobs), cores))
        self._first = [nb.stem for nb in first]
        self._pool = ProcessPoolExecutor(max_workers=workers, initializer=_worker_start,
                                         initargs=(progress_queue, self._gate))
        self._futures = {nb.stem: self._pool.submit(_execute_in_worker, nb, stage, cleaning,
                                                    bool(first))
                         for nb, cleaning in jobs}

    def first_results(self) -> list[Outcome]:
        """The first notebooks' results: a failure may be the raw tables' problems."""
        return [self._futures[stem].result() for stem in self._first]

    def go(self, stems: list[str]) -> list[Outcome]:
        """Let these run (the other waiting notebooks end unrun); their results."""
        self._gate.open(stems)
        return [self._futures[stem].result() for stem in stems]

    def __enter__(self) -> NotebookRun:
        return self

    def __exit__(self, kind, value, traceback) -> None:
        if kind is None:
            self._pool.shutdown()
            return
        # A failure or an interrupt: end the workers and their kernels now, not after them.
        end_children()
        self._pool.shutdown(wait=False, cancel_futures=True)


def _last_line(error: CellExecutionError) -> str:
    name = getattr(error, "ename", "") or "Error"
    value = getattr(error, "evalue", "") or str(error).strip().splitlines()[-1]
    return f"{name}: {value}"


class ProgressDisplay:
    """One bar per running notebook on a terminal; plain start/finish lines elsewhere (CI)."""

    def __init__(self, notebooks: list[Path]) -> None:
        self.names = [nb.stem for nb in notebooks]
        self.interactive = sys.stderr.isatty()
        self.queue = multiprocessing.Queue()
        self._stopping = threading.Event()
        self._bars: dict[str, tqdm] = {}
        self._thread = threading.Thread(target=self._consume, daemon=True)

    def __enter__(self) -> ProgressDisplay:
        self._thread.start()
        return self

    def __exit__(self, kind, value, traceback) -> None:
        self._stopping.set()
        self._thread.join(timeout=5)
        for bar in self._bars.values():
            bar.close()
        self.queue.close()
        self.queue.cancel_join_thread()

    def _consume(self) -> None:
        while True:
            try:
                event = self.queue.get(timeout=0.1)
            except queue.Empty:
                if self._stopping.is_set():
                    return
                continue
            except (OSError, EOFError, ValueError):  # the queue was closed by an interrupt
                return
            kind = event[0]
            name = event[1]
            if kind == "start":
                if self.interactive:
                    self._bars[name] = tqdm(
                        total=event[2], desc=f"{name:<22}", unit="cell", leave=True,
                        position=self.names.index(name), file=sys.stderr,
                        # A pseudo-terminal may report a size of zero: fall back to 80 x 24.
                        ncols=min(shutil.get_terminal_size().columns, 100),
                        nrows=max(shutil.get_terminal_size().lines, len(self.names) + 1),
                        bar_format="{desc} {n_fmt}/{total_fmt} cells |{bar:20}| {elapsed}",
                    )
                else:
                    print(f"  executing {name} ({event[2]} code cells)", flush=True)
            elif kind == "cell" and name in self._bars:
                self._bars[name].update(event[2] - self._bars[name].n)
            elif kind in ("done", "failed") and not self.interactive:
                print(f"  {name}: {kind} in {event[2]:.1f} s", flush=True)

