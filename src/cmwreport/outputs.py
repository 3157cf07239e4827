"""Writing outputs without ever destroying an input or something that is not a file.

Every output a command writes goes through here:
- `-` means standard output, never a file named `-`;
- an output is refused (exit 2) when it is one of the command's inputs (same file, by
  device and inode, or the same resolved path), or when what is at its path is not a
  regular file: a folder, a device (`/dev/full`), a named pipe, a socket, or a symbolic
  link (a link is never replaced nor written through: give the file itself);
- files are written atomically: each to a temporary file beside its destination
  (`.NAME.PID.RANDOM.tmp`), synced, then renamed over it, all temporary files first, so
  a full disk or an interruption leaves every previous output untouched. A killed
  process can leave its temporary file behind; `outfolder` removes those.
"""

from __future__ import annotations

import os
import stat

from cmwreport import pathtext
from cmwreport.errors import CmwError
from cmwreport.i18n import _

# Paths are taken as Path or as text (pathtext: `diff` imports no pathlib), and shown
# as pathlib shows them.
TYPE_CHECKING = False
if TYPE_CHECKING:
    from collections.abc import Iterable
    from pathlib import Path

STDOUT = "-"


class OutputError(CmwError):
    """An output that cannot or must not be written."""


def is_stdout(path: Path | str | None) -> bool:
    return path is not None and str(path) == STDOUT


def _kind(mode: int) -> str | None:
    """What a non-regular file is, in words; None for a regular file."""
    if stat.S_ISREG(mode):
        return None
    if stat.S_ISLNK(mode):
        return "a symbolic link (cmwreport neither replaces a link nor writes through it)"
    if stat.S_ISDIR(mode):
        return "a folder"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "a device"
    if stat.S_ISFIFO(mode):
        return "a named pipe"
    if stat.S_ISSOCK(mode):
        return "a socket"
    return "not a regular file"


def check_target(path: Path, inputs: Iterable[Path] = (), *, what: str = "output") -> None:
    """Refuse to write `path` if that would replace an input or a non-regular file."""
    try:
        info = os.lstat(path)
    except FileNotFoundError:
        info = None
    except OSError as exc:
        raise OutputError(
            _(
                "{path}: cannot write the {what}: {value}",
                path=path,
                what=what,
                value=exc.strerror or exc,
            )
        ) from None
    if info is not None:
        kind = _kind(info.st_mode)
        if kind is not None:
            raise OutputError(
                _(
                    "{path}: is {kind}; not replaced: give another path for the {what} (or - for "
                    "standard output)",
                    path=path,
                    kind=kind,
                    what=what,
                )
            )
    for source in inputs:
        if _same(path, source, info):
            raise OutputError(
                _(
                    "{path}: is also an input ({source}); the {what} would destroy it, choose "
                    "another path",
                    path=path,
                    source=source,
                    what=what,
                )
            )


def _same(path: Path, source: Path, info: os.stat_result | None) -> bool:
    try:
        if info is not None:
            other = os.stat(source)
            if (info.st_dev, info.st_ino) == (other.st_dev, other.st_ino):
                return True
        return pathtext.resolved(path) == pathtext.resolved(source)
    except (OSError, RuntimeError):  # an unreadable input or a link loop: not this path
        return False


def write_atomic(files: list[tuple[Path, bytes]]) -> None:
    """Write every file through a temporary file in its own folder, then rename.

    All temporary files are written (and synced) before the first rename, so a full
    disk or an interruption while writing leaves every previous output untouched.
    Each destination is checked again just before its rename (never over a device,
    pipe, folder or link), which keeps the window for a race to the rename itself.
    """
    staged: list[tuple[str, Path | str]] = []
    renamed = 0
    umask = os.umask(0)
    os.umask(umask)
    try:
        for path, data in files:
            check_target(path)
            fd = _temporary(path, staged)
            name = staged[-1][0]
            with os.fdopen(fd, "wb") as handle:
                handle.write(data)
                handle.flush()
                os.fsync(handle.fileno())
            os.chmod(name, 0o666 & ~umask)
        for tmp, path in staged:
            check_target(path)
            os.replace(tmp, path)
            renamed += 1
        for folder in {pathtext.parent(path) for _tmp, path in staged}:
            sync_folder(folder)
    except OSError as exc:
        where = exc.filename or (staged[-1][1] if staged else files[0][0])
        kept = "; nothing replaced" if not renamed else ""
        raise OutputError(
            _(
                "{where}: cannot write: {value}{kept}",
                where=where,
                value=exc.strerror or exc,
                kept=kept,
            )
        ) from None
    finally:
        for tmp, _final in staged:
            try:
                os.unlink(tmp)
            except OSError:  # renamed (FileNotFoundError), or cannot be removed
                pass


def temporary_prefix(path: Path) -> str:
    """How temporary files for `path` start (the process id follows)."""
    return f".{pathtext.name(path)}."


def _temporary(path: Path, staged: list) -> int:
    """A new file beside `path`, readable by its owner alone, as tempfile.mkstemp makes
    one; without tempfile, whose import (random, shutil) cost a small diff's redline more
    than writing it. Its name is in `staged` before the file exists: Ctrl-C is raised
    as soon as a call returns, and one that came while the file was being created
    would otherwise leave it behind with no name to remove it by."""
    prefix = f"{temporary_prefix(path)}{os.getpid()}."
    flags = os.O_RDWR | os.O_CREAT | os.O_EXCL | getattr(os, "O_NOFOLLOW", 0)
    for _attempt in range(100):
        name = pathtext.child(pathtext.parent(path), f"{prefix}{os.urandom(6).hex()}.tmp")
        staged.append((name, path))
        try:
            return os.open(name, flags, 0o600)
        except FileExistsError:
            staged.pop()  # not ours to remove
            continue
    import errno

    raise FileExistsError(errno.EEXIST, "no free temporary name", pathtext.parent(path))


def sync_folder(folder: Path) -> None:
    # The renames themselves reach the disk only when the folder is synced.
    try:
        fd = os.open(folder, os.O_RDONLY | os.O_DIRECTORY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def write_output(path: Path, data: bytes, inputs: Iterable[Path] = (), *, what: str) -> None:
    """One output: to standard output for `-`, else checked and written atomically."""
    if is_stdout(path):
        from cmwreport.stdio import write_bytes

        write_bytes(data)
        return
    check_target(path, inputs, what=what)
    write_atomic([(pathtext.shown(path), data)])
