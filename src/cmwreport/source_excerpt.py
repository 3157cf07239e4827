"""The line a diagnostic points at, with a caret under its column (as ruff and rustc
show it):

    sources/report.yaml:8:1: error S102 unknown field 'symbool' in report.yaml: ...
      |
    8 | symbool: CMW/C/MAR/2
      | ^

Columns count characters; the caret is placed by display width (Arabic harakat take
no column, wide characters two), under the character in logical order, the order the
file is stored in, which a terminal without bidi support also shows.
"""

from __future__ import annotations

import os
import stat
import unicodedata

#: Source files are small (yamlsafe refuses more than 1 MiB); anything else is not shown.
_MAX_BYTES = 1 << 20
_SUFFIXES = (".yaml", ".yml")


class Lines:
    """The lines of the files diagnostics point at, each file read once."""

    def __init__(self) -> None:
        self._files: dict[str, list[str] | None] = {}

    def line(self, path: str, number: int) -> str | None:
        if path not in self._files:
            self._files[path] = _read(path)
        lines = self._files[path]
        if lines is None or not 1 <= number <= len(lines):
            return None
        return lines[number - 1]


def _read(path: str) -> list[str] | None:
    if not path.endswith(_SUFFIXES):
        return None
    try:
        info = os.stat(path)
        # Regular files only: a named pipe would block.
        if not stat.S_ISREG(info.st_mode) or info.st_size > _MAX_BYTES:
            return None
        with open(path, "rb") as f:
            return f.read().decode("utf-8").splitlines()
    except (OSError, UnicodeDecodeError):
        return None


def excerpt(line: str, column: int, number: int, printable) -> list[str]:
    """The gutter, the line and the caret, as three lines of text."""
    shown = printable(line.rstrip("\r\n"))
    gutter = " " * len(str(number))
    before = line[: max(column - 1, 0)]
    pad = "".join("\t" if ch == "\t" else " " * _width(ch) for ch in printable(before))
    return [f"{gutter} |", f"{number} | {shown}", f"{gutter} | {pad}^"]


def _width(ch: str) -> int:
    if unicodedata.combining(ch) or unicodedata.category(ch) in ("Mn", "Me", "Cf"):
        return 0
    return 2 if unicodedata.east_asian_width(ch) in ("W", "F") else 1
