"""The line each of absorb's messages about an item names, in the files as written."""

from __future__ import annotations

import re
from pathlib import Path


def final_lines(outcome) -> None:
    """Each message about an item names the line the item starts on once written (a
    moved item where it is now, not where it was): found by the item's `- id:` line in
    the text as written, without composing the file once more."""
    files: dict[Path, tuple[list[str], dict[str, int]]] = {}

    def read(path: Path) -> tuple[list[str], dict[str, int]]:
        if path not in files:
            data = outcome.files.get(path)
            text = path.read_bytes() if data is None else data
            lines = text.decode("utf-8-sig").splitlines()
            files[path] = lines, _id_lines(lines)
        return files[path]

    for index, path, item_id, key in outcome.at_item:
        if item_id not in read(path)[1]:
            # Moved to another file (another axis): named there.
            path = next((f for f in outcome.files if item_id in read(f)[1]), path)
        lines, starts = read(path)
        line = _line_of(lines, starts.get(item_id), key)
        outcome.done[index] = f"{path}{f':{line}' if line else ''}: {outcome.done[index]}"


#: An item's first line, `- id: x` (quoted or not, a comment after it). Ids are words
#: of [a-z0-9-] (sources/schema.py ID_PATTERN), so the id is the whole run read here.
_ID_LINE = re.compile(r"""^\s*-\s+id:\s*(["']?)([^\s"'#]+)\1\s*(#.*)?$""")


def _id_lines(lines: list[str]) -> dict[str, int]:
    """Each id -> the index of the first line that starts an item with it."""
    out: dict[str, int] = {}
    for n, line in enumerate(lines):
        if "id:" in line:
            found = _ID_LINE.match(line)
            if found:
                out.setdefault(found[2], n)
    return out


def _line_of(lines: list[str], n: int | None, key: str | None) -> int | None:
    """The line (1-based) of the item starting at line index `n`, or of its `key`."""
    if n is None:
        return None
    if key is None:
        return n + 1
    line = lines[n]
    indent = len(line) - len(line.lstrip(" -"))
    for m in range(n + 1, len(lines)):
        stripped = lines[m].lstrip(" ")
        if stripped.startswith("- ") and len(lines[m]) - len(stripped) < indent:
            break
        if stripped.startswith(f"{key}:"):
            return m + 1
    return n + 1
