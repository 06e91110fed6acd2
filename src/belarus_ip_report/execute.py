"""Executing one notebook deterministically, and showing progress while notebooks run."""

from __future__ import annotations

import multiprocessing
import os
import queue
import shutil
import sys
import tempfile
import threading
import time
from pathlib import Path

import nbformat
from nbclient import NotebookClient
from nbclient.exceptions import CellExecutionError
from tqdm import tqdm

from . import paths
from .tables import write_text_atomically

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


def execute_notebook(path: Path, progress_queue=None) -> str | None:
    """Execute `path` in place; return None, or a message for people if a cell failed.

    The file is rewritten only after every cell ran, so a failure leaves it as it was.
    """
    kernel_environment()
    notebook = nbformat.read(path, as_version=4)
    name = path.stem
    code_cells = sum(cell.cell_type == "code" for cell in notebook.cells)
    started = time.monotonic()
    done = 0

    def report(*event) -> None:
        if progress_queue is not None:
            progress_queue.put(event)

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
        resources={"metadata": {"path": str(paths.NOTEBOOKS)}},
        on_cell_executed=on_cell_executed,
    )
    # The kernel process's own stderr (start-up warnings) is kept out of the build's output
    # and shown only if the notebook fails; cell output comes through the notebook as usual.
    with tempfile.TemporaryFile(mode="w+") as kernel_log:
        try:
            client.execute(stderr=kernel_log)
        except CellExecutionError as error:
            report("failed", name, time.monotonic() - started)
            return f"{path.name}: a cell failed: {_last_line(error)}"
        except Exception as error:  # the kernel died or could not start
            kernel_log.seek(0)
            report("failed", name, time.monotonic() - started)
            return f"{path.name}: the kernel failed ({error}); its log:\n{kernel_log.read()}"
    normalise(notebook)
    write_text_atomically(path, notebook_text(notebook))
    report("done", name, time.monotonic() - started)
    return None


def _last_line(error: CellExecutionError) -> str:
    name = getattr(error, "ename", "") or "Error"
    value = getattr(error, "evalue", "") or str(error).strip().splitlines()[-1]
    return f"{name}: {value}"


class ProgressDisplay:
    """One bar per running notebook on a terminal; plain start/finish lines elsewhere (CI)."""

    def __init__(self, notebooks: list[Path]) -> None:
        self.names = [nb.stem for nb in notebooks]
        self.interactive = sys.stderr.isatty()
        self._manager = multiprocessing.Manager() if len(notebooks) > 1 else None
        self.queue = self._manager.Queue() if self._manager else queue.Queue()
        self._bars: dict[str, tqdm] = {}
        self._thread = threading.Thread(target=self._consume, daemon=True)

    def __enter__(self) -> ProgressDisplay:
        self._thread.start()
        return self

    def __exit__(self, *exc) -> None:
        self.queue.put(("stop",))
        self._thread.join()
        for bar in self._bars.values():
            bar.close()
        if self._manager:
            self._manager.shutdown()

    def _consume(self) -> None:
        while True:
            event = self.queue.get()
            kind = event[0]
            if kind == "stop":
                return
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

