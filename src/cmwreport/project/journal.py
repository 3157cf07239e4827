"""Several files written as one: all of them land, or none, also under SIGKILL or a
power cut; and one command at a time on a project's sources.

`commit(root, files)` writes every new file beside its target (synced), then a journal
in the sources folder naming each (temporary, target) pair (synced: from here the
change is decided), then renames them one by one, then removes the journal. A command
killed anywhere leaves either its temporaries and no journal (nothing changed: the
temporaries are removed by the next command) or a journal that the next command,
`recover(root)`, completes before it reads anything.

`locked(root, exclusive)` is the project's lock: an flock on the sources folder itself
(no lock file among the sources). absorb holds it exclusive from before it reads the
sources until its last rename; build holds it shared, so a build never reads half of an
absorb, and its fingerprint is of the bytes it built from. Locks are advisory.
"""

from __future__ import annotations

import json
import os
import signal
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

from cmwreport.i18n import _
from cmwreport.outputs import OutputError, check_target, sync_folder, temporary_prefix

JOURNAL = ".cmwreport-journal.json"
#: How long a command waits for another one holding the project's lock.
WAIT_SECONDS = 120.0
#: Fault injection for the tests: SIGKILL this process after that many renames
#: ("0": once the journal is written, before the first; "-1": before the journal).
_KILL_AFTER = "CMWREPORT_TEST_KILL_AFTER_RENAME"


@contextmanager
def locked(
    root: Path, *, exclusive: bool, waiting: Callable[[], None] | None = None
) -> Iterator[None]:
    from cmwreport.outfolder import hold

    with hold(
        root,
        exclusive=exclusive,
        waiting=waiting,
        timeout=WAIT_SECONDS,
        cannot_open=lambda strerror: _(
            "{root}: cannot open the folder of sources: {strerror}", root=root, strerror=strerror
        ),
        cannot_lock=lambda strerror: _(
            "{root}: cannot lock the sources: {strerror}", root=root, strerror=strerror
        ),
        too_long=lambda: _(
            "{root}: another cmwreport command has been working on these sources for "
            "over {WAIT_SECONDS:.0f} s; wait for it to finish, then run this again",
            root=root,
            WAIT_SECONDS=WAIT_SECONDS,
        ),
    ):
        yield


@contextmanager
def reading(root: Path, *, also: tuple[Path, ...] = ()) -> Iterator[None]:
    """The shared lock of a command that only reads the sources (build), after
    completing an absorb that was killed (under the exclusive lock, briefly)."""
    if not root.is_dir():
        yield
        return
    if (root / JOURNAL).exists():
        with locked(root, exclusive=True):
            recover(root, also)
    with locked(root, exclusive=False):
        # Temporaries of an absorb killed before it decided (their process is gone).
        _remove_stale(root, also)
        yield


def commit(root: Path, files: list[tuple[Path, bytes]]) -> None:
    """Write all `files` or none (see the module's docstring). Call under the lock."""
    if not files:
        return
    staged: list[tuple[str, str]] = []
    try:
        for path, data in files:
            check_target(path)
            fd, name = _temporary(path)
            staged.append((name, str(path)))
            with os.fdopen(fd, "wb") as handle:
                handle.write(data)
                handle.flush()
                os.fsync(handle.fileno())
            os.chmod(name, _mode(path))
        if os.environ.get(_KILL_AFTER) == "-1":
            os.kill(os.getpid(), signal.SIGKILL)
        _write_journal(root, staged)
    except OSError as exc:
        for name, _target in staged:
            _unlink(Path(name))
        raise OutputError(
            _(
                "{value}: cannot write: {value2}; nothing was changed",
                value=exc.filename or root,
                value2=exc.strerror or exc,
            )
        ) from None
    _finish(root, staged)


def recover(root: Path, also: tuple[Path, ...] = ()) -> list[str]:
    """Complete a commit a killed command left; remove temporaries of one that had not
    decided (of the sources and of `also`, the template). Returns the targets
    completed. Call under the exclusive lock."""
    journal = root / JOURNAL
    done: list[str] = []
    if journal.is_file():
        try:
            staged = [tuple(pair) for pair in json.loads(journal.read_text("utf-8"))["files"]]
        except (ValueError, KeyError, TypeError, OSError):
            staged = []
        done = [target for name, target in staged if Path(name).exists()]
        _finish(root, staged)
    _remove_stale(root, also)
    return done


def _remove_stale(root: Path, also: tuple[Path, ...]) -> None:
    from cmwreport.outfolder import remove_stale_temporaries

    remove_stale_temporaries([*sorted(root.rglob("*.y*ml")), *also])


def _finish(root: Path, staged) -> None:
    kill_after = os.environ.get(_KILL_AFTER)
    if kill_after == "0":
        os.kill(os.getpid(), signal.SIGKILL)
    renamed = 0
    try:
        for name, target in staged:
            if Path(name).exists():
                os.replace(name, target)
            renamed += 1
            if kill_after is not None and kill_after == str(renamed):
                os.kill(os.getpid(), signal.SIGKILL)
        for folder in {Path(target).parent for _n, target in staged}:
            sync_folder(folder)
        _unlink(root / JOURNAL)
        sync_folder(root)
    except OSError as exc:
        raise OutputError(
            _(
                "{value}: cannot write: {value2}; the change is recorded in {value3}: run the "
                "command again to complete it",
                value=exc.filename or root,
                value2=exc.strerror or exc,
                value3=root / JOURNAL,
            )
        ) from None


def _write_journal(root: Path, staged) -> None:
    fd, name = _temporary(root / JOURNAL)
    with os.fdopen(fd, "w", encoding="utf-8") as handle:
        json.dump({"v": 1, "files": staged}, handle, ensure_ascii=False)
        handle.flush()
        os.fsync(handle.fileno())
    os.replace(name, root / JOURNAL)
    sync_folder(root)


def _temporary(path: Path) -> tuple[int, str]:
    import tempfile

    return tempfile.mkstemp(
        dir=path.parent, prefix=f"{temporary_prefix(path)}{os.getpid()}.", suffix=".tmp"
    )


def _mode(path: Path) -> int:
    try:
        return os.stat(path).st_mode & 0o7777
    except OSError:
        umask = os.umask(0)
        os.umask(umask)
        return 0o666 & ~umask


def _unlink(path: Path) -> None:
    try:
        path.unlink(missing_ok=True)
    except OSError:
        pass
