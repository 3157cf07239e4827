"""Where the traceback of a bug goes: a file the user can attach to a report.

The cache folder (XDG_CACHE_HOME, else ~/.cache) under cmwreport/, else the system's
temporary folder; one new file per crash, created exclusively (never through a link).
"""

from __future__ import annotations

import os
import tempfile
import time
import traceback
from pathlib import Path


def _folders() -> list[Path]:
    cache = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return [Path(cache) / "cmwreport", Path(tempfile.gettempdir())]


def write_crash_report(exc: BaseException) -> Path | None:
    """Write the full traceback to a new file and return its path (None if no folder
    could take it)."""
    from cmwreport import __version__

    text = (
        f"cmwreport {__version__}, {time.strftime('%Y-%m-%dT%H:%M:%SZ', time.gmtime())}\n"
        + "".join(traceback.format_exception(exc))
    )
    for folder in _folders():
        try:
            folder.mkdir(parents=True, exist_ok=True)
            fd, name = tempfile.mkstemp(prefix="crash-", suffix=".txt", dir=folder)
            with os.fdopen(fd, "w", encoding="utf-8", errors="backslashreplace") as handle:
                handle.write(text)
            return Path(name)
        except OSError:
            continue
    return None
