"""Notebooks executed in worker processes, one kernel each, that end with the build: a gate
that tells waiting notebooks whether to run, the end of every child process on a failure, an
interrupt or the build's own death, and the run of a build's notebooks (`run_notebooks`)."""

from __future__ import annotations

import contextlib
import ctypes
import json
import logging
import multiprocessing
import os
import signal
import threading
import time
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

import psutil

from belarus_ip_report.publishing.cache import BuildCache, hashes, writes
from belarus_ip_report.publishing.execute import Outcome, execute_notebook
from belarus_ip_report.publishing.failures import BuildFailed
from belarus_ip_report.publishing.progress import ProgressDisplay


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


def _execute_in_worker(path: Path, stage: Path, cleaning: bool) -> Outcome:
    if cleaning:
        return execute_notebook(path, stage, _progress, check_data=True)
    return execute_notebook(path, stage, _progress, _gate)


class NotebookRun:
    """Notebooks executed in parallel worker processes, one kernel each.

    Each kernel imports the package as it starts. The `first` notebook (the cleaning one)
    then checks the raw tables and, if they pass, runs (`first_results`); the others wait at
    a gate until `go` names those that must run, once the cleaning has run. All kernels start
    at once. One worker per notebook when a cleaning runs, else one worker per core.
    """

    def __init__(self, first: list[Path], then: list[Path], stage: Path, progress_queue) -> None:
        self._gate = Gate()
        jobs = [(nb, True) for nb in first] + [(nb, False) for nb in then]
        cores = os.cpu_count() or 1
        workers = max(1, len(jobs) if first else min(len(jobs), cores))
        self._first = [nb.stem for nb in first]
        self._pool = ProcessPoolExecutor(max_workers=workers, initializer=_worker_start,
                                         initargs=(progress_queue, self._gate))
        self._futures = {nb.stem: self._pool.submit(_execute_in_worker, nb, stage, cleaning)
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


# --- the run of a build ------------------------------------------------------------------------


def run_notebooks(cleaning: dict[Path, str], candidates: list[Path], stage: Path,
                  chapters_to_run, cache: BuildCache) -> list[str]:
    """Run the cleaning notebook (if stale), then the chapters that are stale once it has run
    (`chapters_to_run()`: each with its key); every kernel starts at once. Records each run in
    the cache with the key of its inputs; returns the stems run."""
    executed: list[str] = []

    def done(notebook: Path, key: str, outcome) -> None:
        if outcome.failure:
            raise BuildFailed(outcome.failure)
        cache.record(notebook.stem, key, hashes(writes(notebook.stem, stage), stage),
                     outcome.seconds)
        executed.append(notebook.stem)

    with ProgressDisplay([*cleaning, *candidates]) as progress, \
            NotebookRun(list(cleaning), candidates, stage, progress.queue) as run:
        if cleaning:
            # The cleaning's kernel checks the raw tables first: bad data stops the build
            # here with one line per problem, before any cell runs (see execute_notebook).
            for (notebook, key), outcome in zip(cleaning.items(), run.first_results(),
                                                strict=True):
                done(notebook, key, outcome)
        todo = chapters_to_run()
        chosen = [nb for nb in candidates if nb in todo]
        outcomes = run.go([nb.stem for nb in chosen])
        failures = [outcome.failure for outcome in outcomes if outcome.failure]
        if failures:
            raise BuildFailed("\n".join(failures))
        for notebook, outcome in zip(chosen, outcomes, strict=True):
            done(notebook, todo[notebook], outcome)
    return executed
