"""How a build stops: a failure with one message for people, or an interrupt; and what an
error of the operating system (a full disk, a file-size limit, a folder where a file should
be) means for the person who meets it. Standard library only.
"""

from __future__ import annotations

import errno
import shutil
from pathlib import Path

from belarus_ip_report.foundation import paths


class BuildFailed(Exception):
    """A failure with a message for people; the build prints it and exits non-zero."""


class BuildInterrupted(BaseException):
    """Ctrl-C or SIGTERM: stop, end every worker and kernel, publish nothing."""

    def __init__(self, signal_name: str) -> None:
        super().__init__(signal_name)
        self.signal_name = signal_name


#: What to do about an error of the operating system, by its errno.
OS_ERROR_HINTS = {
    errno.ENOSPC: "free some disk space",
    errno.EDQUOT: "free some space within your disk quota",
    errno.EFBIG: "the file is larger than this process may write: raise the file-size limit "
                 "(ulimit -f)",
    errno.EROFS: "the file system is mounted read-only: build in a writable copy",
    errno.EACCES: "give yourself the right to write there (chmod u+w)",
    errno.EPERM: "give yourself the right to write there (chmod u+w)",
    errno.EISDIR: "a folder stands where the build writes a file: move it away",
    errno.ENOTDIR: "a file stands where the build needs a folder: move it away",
    errno.ELOOP: "a symbolic link stands where the build writes a file: remove it",
    errno.EMFILE: "too many files are open: close other programs",
}


def shown(path: str | Path | None) -> str:
    """A path as messages name it: relative to the project (files of the build's staging copy
    as the output they stand for, marked as staged)."""
    if path is None:
        return "a file"
    path = Path(path)
    stage = paths.BUILD_CACHE / "stage"
    try:
        return f"{path.resolve().relative_to(stage.resolve()).as_posix()} (in the staging copy)"
    except ValueError:
        return paths.relative(path)


#: Errors that only a write meets; for the others the message says the file could not be used.
WRITE_ERRORS = (errno.ENOSPC, errno.EDQUOT, errno.EFBIG, errno.EROFS)


def describe_os_error(error: OSError) -> str:
    """'could not write report/index.html (No space left on device): free some disk space,
    then build again'."""
    if isinstance(error, shutil.Error) and error.args and isinstance(error.args[0], list):
        source, target, why = error.args[0][0]  # copytree's list of (source, target, why)
        return f"could not copy {shown(source)} to {shown(target)} ({why}): fix that, then " \
               "build again"
    reason = error.strerror or str(error) or type(error).__name__
    hint = OS_ERROR_HINTS.get(error.errno, "fix that")
    doing = "write" if error.errno in WRITE_ERRORS else "use"
    return f"could not {doing} {shown(error.filename)} ({reason}): {hint}, then build again"
