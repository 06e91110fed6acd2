"""Progress while notebooks run: a bar per notebook on a terminal, plain lines elsewhere (CI)."""

from __future__ import annotations

import multiprocessing
import queue
import shutil
import sys
import threading
from pathlib import Path

from tqdm import tqdm


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
