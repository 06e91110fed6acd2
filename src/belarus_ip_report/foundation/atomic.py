"""Files written whole: a reader (or a build that is interrupted) never sees half a file.

A file is written to a temporary file beside it (`.<name>.<8 characters>.tmp`) and renamed
over it. A process killed in between leaves the temporary file behind: the build removes such
strays when it next starts (`is_temporary`, `publish.remove_stray_temporaries`).

Standard library only, so that the build's no-op path stays quick to import.
"""

from __future__ import annotations

import os
import re
import tempfile
from pathlib import Path

#: The name of a temporary file made here (tempfile's random part is 8 characters).
TEMPORARY_NAME = re.compile(r"^\..+\.[a-z0-9_]{8}\.tmp$")


def is_temporary(name: str) -> bool:
    return TEMPORARY_NAME.match(name) is not None


def write_text_atomically(path: Path, text: str) -> None:
    write_bytes_atomically(path, text.encode("utf-8"))


def write_bytes_atomically(path: Path, data: bytes) -> None:
    """Skip identical content (keeps mtimes), else write beside the target and rename."""
    path.parent.mkdir(parents=True, exist_ok=True)
    if path.exists() and path.read_bytes() == data:
        return
    temporary = write_temporary(path, data)
    try:
        os.replace(temporary, path)
    except BaseException:
        temporary.unlink(missing_ok=True)
        raise


def write_temporary(path: Path, data: bytes, *, durable: bool = False) -> Path:
    """`data` in a new temporary file beside `path` (readable by all, like any output); with
    `durable`, on the disk before this returns. The caller renames or removes it."""
    path.parent.mkdir(parents=True, exist_ok=True)
    try:
        handle, name = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    except OSError as error:
        error.filename = str(path)
        raise
    temporary = Path(name)
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
            if durable:
                stream.flush()
                os.fsync(stream.fileno())
        os.chmod(temporary, 0o644)
    except BaseException as error:
        temporary.unlink(missing_ok=True)
        if isinstance(error, OSError):
            error.filename = str(path)  # the file meant, not its temporary name
        raise
    return temporary


def temporary_beside(path: Path) -> Path:
    """A new, empty temporary file beside `path`, named as `is_temporary` recognises."""
    handle, name = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    os.close(handle)
    return Path(name)
