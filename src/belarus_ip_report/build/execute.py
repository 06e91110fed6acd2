"""Executing notebooks deterministically in worker processes, ending them cleanly on an
interrupt, and showing progress while they run."""

from __future__ import annotations

import contextlib
import multiprocessing
import os
import queue
import shutil
import signal
import sys
import tempfile
import threading
import time
from concurrent.futures import ProcessPoolExecutor, as_completed
from pathlib import Path

import nbformat
import psutil
from nbclient import NotebookClient
from nbclient.exceptions import CellExecutionError
from tqdm import tqdm

from .. import paths
from ..atomic import write_text_atomically

KERNEL_NAME = "python3"
TIMEOUT_SECONDS = 600


def kernel_environment() -> None:
    """What the kernel inherits: no Agg backend (it strips inline figures), fixed hashing."""
    os.environ.pop("MPLBACKEND", None)
    os.environ["PYTHONHASHSEED"] = "0"


def normalise(notebook: nbformat.NotebookNode) -> None:
    """Remove what differs between machines, and number cells the same way every time."""
    notebook.metadata.get("language_info", {}).pop("version", None)
    notebook.metadata.pop("widgets", None)
    for index, cell in enumerate(notebook.cells):
        cell["id"] = f"cell-{index:02d}"
        cell.metadata.pop("execution", None)


def notebook_text(notebook: nbformat.NotebookNode) -> str:
    return nbformat.writes(notebook).rstrip("\n") + "\n"


def execute_notebook(path: Path, stage: Path, progress_queue=None) -> str | None:
    """Execute `path` (a notebook in the staging copy) in place; return None, or a message for
    people naming the failed cell as JupyterLab shows it, and what to do.

    The kernel writes its outputs under `stage` (see `paths.OUTPUT_ROOT_VARIABLE`); the file is
    rewritten only after every cell ran.
    """
    kernel_environment()
    os.environ[paths.OUTPUT_ROOT_VARIABLE] = str(stage)
    notebook = nbformat.read(path, as_version=4)
    name = path.stem
    code_cells = sum(cell.cell_type == "code" for cell in notebook.cells)
    started = time.monotonic()
    done = 0
    current: dict[str, object] = {}

    def report(*event) -> None:
        if progress_queue is not None:
            progress_queue.put(event)

    def on_cell_start(cell, cell_index) -> None:
        if cell.cell_type == "code":
            current.update(number=done + 1, source=cell.source)

    def on_cell_executed(cell, cell_index, execute_reply) -> None:
        nonlocal done
        if cell.cell_type == "code":
            done += 1
            report("cell", name, done)

    report("start", name, code_cells)
    client = NotebookClient(
        notebook,
        timeout=TIMEOUT_SECONDS,
        kernel_name=KERNEL_NAME,
        record_timing=False,
        resources={"metadata": {"path": str(path.parent)}},
        on_cell_start=on_cell_start,
        on_cell_executed=on_cell_executed,
    )
    # The kernel process's own stderr (start-up warnings) is kept out of the build's output
    # and shown only if the notebook fails; cell output comes through the notebook as usual.
    with tempfile.TemporaryFile(mode="w+") as kernel_log:
        try:
            client.execute(stderr=kernel_log)
        except CellExecutionError as error:
            report("failed", name, time.monotonic() - started)
            return (f"notebooks/{path.name}, cell [{current.get('number', '?')}] "
                    f"({first_line(str(current.get('source', '')))}): "
                    f"{_last_line(error)}. Open the notebook in JupyterLab (python3 tasks.py "
                    f"lab), run it to that cell to see the whole error, fix the cell or the data "
                    f"it reads, then run python3 tasks.py build again.")
        except Exception as error:  # the kernel died or could not start
            kernel_log.seek(0)
            report("failed", name, time.monotonic() - started)
            return f"{path.name}: the kernel failed ({error}); its log:\n{kernel_log.read()}"
    normalise(notebook)
    write_text_atomically(path, notebook_text(notebook))
    report("done", name, time.monotonic() - started)
    return None


def first_line(source: str, limit: int = 60) -> str:
    """The first line of a cell's code that says something, as a reader finds it in Lab."""
    line = next((raw.strip() for raw in source.splitlines()
                 if raw.strip() and not raw.strip().startswith("#")), "")
    return line if len(line) <= limit else line[: limit - 1] + "…"


# --- workers that end with the build ------------------------------------------------------------

_progress = None  # each worker's end of the progress queue, handed over at its start


def _worker_start(progress_queue) -> None:
    """In each worker: leave Ctrl-C to the build, and end with it even if it is killed
    outright (SIGKILL gives it no chance to end us): a watchdog thread sees the parent go."""
    global _progress
    _progress = progress_queue
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    parent = os.getppid()
    threading.Thread(target=_watch_parent, args=(parent,), daemon=True).start()


def _watch_parent(parent: int) -> None:
    while os.getppid() == parent:
        time.sleep(0.5)
    end_children(grace=1.0)
    os._exit(143)


def end_children(grace: float = 3.0) -> None:
    """Terminate every process this one started (workers, kernels), then kill what remains."""
    children = psutil.Process().children(recursive=True)
    for child in children:
        with contextlib.suppress(psutil.Error):
            child.terminate()
    _, alive = psutil.wait_procs(children, timeout=grace)
    for child in alive:
        with contextlib.suppress(psutil.Error):
            child.kill()
    psutil.wait_procs(alive, timeout=grace)


def _execute_in_worker(path: Path, stage: Path) -> str | None:
    return execute_notebook(path, stage, _progress)


def run_in_workers(notebooks: list[Path], stage: Path, progress_queue) -> list[str | None]:
    """Execute the notebooks in parallel, one worker (and kernel) per core."""
    workers = max(1, min(len(notebooks), os.cpu_count() or 1))
    pool = ProcessPoolExecutor(max_workers=workers, initializer=_worker_start,
                               initargs=(progress_queue,))
    try:
        futures = [pool.submit(_execute_in_worker, nb, stage) for nb in notebooks]
        results = [future.result() for future in as_completed(futures)]
    except BaseException:
        # An interrupt: end the workers and their kernels now rather than wait for them.
        end_children()
        pool.shutdown(wait=False, cancel_futures=True)
        raise
    pool.shutdown()
    return results


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

