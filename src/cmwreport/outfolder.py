"""The output folder of a build: one build at a time, and no leftovers of killed ones.

A build holds an exclusive lock (flock) on the folder itself (no lock file is left
among the outputs) from before it writes until its last rename, so two builds into one
folder run one after the other and never leave the report of one beside the annex of
the other. Holding the lock also proves
that no other build is writing there: temporary files of the outputs whose process is
gone were left by a killed build and are removed.

Locks are advisory: a program that does not take it is not stopped.
"""

from __future__ import annotations

import os
import time
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path

from cmwreport.i18n import _
from cmwreport.outputs import OutputError, temporary_prefix

#: How long a build waits for another one writing to the same folder.
WAIT_SECONDS = 120.0


@contextmanager
def locked(
    folder: Path, *, waiting: Callable[[], None] | None = None, timeout: float = WAIT_SECONDS
) -> Iterator[None]:
    """Hold the folder's lock; call `waiting` once if another process holds it."""
    with hold(
        folder,
        exclusive=True,
        waiting=waiting,
        timeout=timeout,
        cannot_open=lambda strerror: _(
            "{folder}: cannot open the output folder: {strerror}", folder=folder, strerror=strerror
        ),
        cannot_lock=lambda strerror: _(
            "{folder}: cannot lock the output folder: {strerror}", folder=folder, strerror=strerror
        ),
        too_long=lambda: _(
            "{folder}: another build has been writing here for over {timeout:.0f} s; wait "
            "for it, or build into another folder",
            folder=folder,
            timeout=timeout,
        ),
    ):
        yield


@contextmanager
def hold(
    folder: Path,
    *,
    exclusive: bool,
    waiting: Callable[[], None] | None,
    timeout: float,
    cannot_open: Callable[[str], str],
    cannot_lock: Callable[[str], str],
    too_long: Callable[[], str],
) -> Iterator[None]:
    """An flock on the folder itself (no lock file among the user's files), waited for
    up to `timeout` seconds; `waiting` is called once if another process holds it. The
    messages say which folder and what for (the build's outputs, the project's sources)."""
    try:
        import fcntl
    except ImportError:  # not a POSIX system: no advisory locks to take
        yield
        return
    flags = os.O_RDONLY | getattr(os, "O_DIRECTORY", 0) | getattr(os, "O_CLOEXEC", 0)
    try:
        fd = os.open(folder, flags)
    except OSError as exc:
        raise OutputError(cannot_open(exc.strerror)) from None
    try:
        mode = fcntl.LOCK_EX if exclusive else fcntl.LOCK_SH
        deadline = time.monotonic() + timeout
        told = False
        while True:
            try:
                fcntl.flock(fd, mode | fcntl.LOCK_NB)
                break
            except BlockingIOError:
                pass
            except OSError as exc:  # e.g. a file system without locks
                raise OutputError(cannot_lock(exc.strerror)) from None
            if not told and waiting is not None:
                waiting()
                told = True
            if time.monotonic() > deadline:
                raise OutputError(too_long())
            time.sleep(0.05)
        yield
    finally:
        os.close(fd)  # releases the lock


def remove_stale_temporaries(outputs: Iterable[Path]) -> list[Path]:
    """Remove temporary files of these outputs left by processes that are gone.

    Call only while holding the folder's lock. Only regular files named like this
    module's temporaries are touched; a file of a live process is left alone.
    """
    removed: list[Path] = []
    for output in outputs:
        prefix = temporary_prefix(output)
        try:
            entries = list(os.scandir(output.parent))
        except OSError:
            continue
        for entry in entries:
            if not (entry.name.startswith(prefix) and entry.name.endswith(".tmp")):
                continue
            if not entry.is_file(follow_symlinks=False) or _alive(entry.name[len(prefix) :]):
                continue
            try:
                os.unlink(entry.path)
                removed.append(Path(entry.path))
            except OSError:
                pass
    return removed


def _alive(rest: str) -> bool:
    """Whether the process that named a temporary file ("PID.RANDOM.tmp") still runs.
    Files named before the process id was part of the name count as stale."""
    pid_text = rest.split(".", 1)[0]
    if not pid_text.isdigit():
        return False
    pid = int(pid_text)
    if pid == os.getpid():
        return True
    try:
        os.kill(pid, 0)
    except (ProcessLookupError, OverflowError):
        return False
    except PermissionError:  # alive, another user's
        return True
    return True
