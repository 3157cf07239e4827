"""What several commands do the same way: reading the sources, reporting trouble."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from cmwreport.checks import Checked


def trouble(command: str, message: str) -> None:
    """One line on stderr for exit code 2: usage or I/O trouble, never a traceback."""
    sys.stderr.write(f"cmwreport {command}: {message}\n")


def load(path: Path | str, command: str) -> Checked | None:
    """The checked sources, or None after saying why the tree could not be read."""
    from cmwreport import checks
    from cmwreport.sources.load import SourceTreeError, load_sources

    try:
        return checks.run(load_sources(path))
    except SourceTreeError as exc:
        trouble(command, str(exc))
    except OSError as exc:
        trouble(command, f"{path}: {exc.strerror or exc}")
    return None
