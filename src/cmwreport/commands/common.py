"""What several commands do the same way: reading the sources."""

from __future__ import annotations

import os
import stat
from pathlib import Path
from typing import TYPE_CHECKING

from cmwreport.errors import CmwError
from cmwreport.i18n import _

if TYPE_CHECKING:
    from cmwreport.checks import Checked


class InputError(CmwError):
    """An input that cannot be read at all (missing, unreadable)."""


def path_argument(value: str, what: str) -> Path:
    """A path from the command line; an empty one is refused rather than read as `.`."""
    if not value:
        raise InputError(_("the {what} is empty; give a path", what=what))
    if "\0" in value:
        raise InputError(_("the {what} {value!r} contains a NUL character", what=what, value=value))
    return Path(value)


def require_file(path: Path, what: str) -> None:
    """Refuse at once an input that is a device, a named pipe or a socket: reading one
    would hang (a pipe) or never end (/dev/zero). Missing files and folders are left to
    the reader, which says so in its own words."""
    try:
        mode = os.stat(path).st_mode
    except OSError:
        return
    if stat.S_ISREG(mode) or stat.S_ISDIR(mode):
        return
    kind = "a named pipe" if stat.S_ISFIFO(mode) else "a socket" if stat.S_ISSOCK(mode) else None
    raise InputError(
        _("{path}: is {value}, not a {what}", path=path, value=kind or "a device", what=what)
    )


def load(path: Path | str) -> Checked:
    """The loaded and checked sources; trouble reading the tree is raised as a CmwError."""
    from cmwreport import checks
    from cmwreport.sources.load import load_sources

    try:
        return checks.run(load_sources(path))
    except OSError as exc:
        raise InputError(
            _("{value}: {value2}", value=exc.filename or path, value2=exc.strerror or exc)
        ) from None
