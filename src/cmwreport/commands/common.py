"""What several commands do the same way: path arguments and inputs refused at once."""

from __future__ import annotations

import os
import stat

from cmwreport.errors import CmwError
from cmwreport.i18n import _

TYPE_CHECKING = False
if TYPE_CHECKING:
    from pathlib import Path


class InputError(CmwError):
    """An input that cannot be read at all (missing, unreadable)."""


def path_argument(value: str, what: str) -> Path:
    """A path from the command line; an empty one is refused rather than read as `.`."""
    from pathlib import Path

    return Path(checked_path(value, what))


def checked_path(value: str, what: str) -> str:
    """`path_argument` as text (`diff` imports no pathlib: cmwreport/pathtext.py)."""
    if not value:
        raise InputError(_("the {what} is empty; give a path", what=what))
    if "\0" in value:
        raise InputError(_("the {what} {value!r} contains a NUL character", what=what, value=value))
    return value


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
