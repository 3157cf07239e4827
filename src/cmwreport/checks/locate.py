"""Where character k of a text value stands in its file.

Checks look at the decoded value (what the build writes), but a drafter edits the
raw line: in `"a\\u202Eb"` the third character of the value is at column 3 of the
text but six characters further on the line. Exact for values on one line (plain,
single- or double-quoted); for other values, the start of the value.
"""

from __future__ import annotations

from cmwreport.sources.yamlsafe import Node, split_lines

_ESCAPE_LENGTHS = {"x": 2, "u": 4, "U": 8}


class Lines:
    """A file's lines, split once, for locating characters in them."""

    def __init__(self, text: str | None) -> None:
        self._text = text or ""
        self._lines: list[str] | None = None  # split when a diagnostic needs them

    def position(self, node: Node, offset: int) -> tuple[int, int]:
        start = node.line, node.column
        if self._lines is None:
            self._lines = split_lines(self._text)
        if node.line != node.end_line or node.line > len(self._lines):
            return start
        raw = self._lines[node.line - 1]
        if node.style is None:
            return node.line, node.column + offset
        if node.style == "'":
            return node.line, node.column + 1 + _single_quoted(raw, node.column, offset)
        if node.style == '"':
            return node.line, node.column + 1 + _double_quoted(raw, node.column, offset)
        return start


def _single_quoted(raw: str, column: int, offset: int) -> int:
    """Raw characters after the opening quote before decoded character `offset`."""
    index = column  # 0-based index just after the quote
    for _ in range(offset):
        index += 2 if raw[index : index + 2] == "''" else 1
    return index - column


def _double_quoted(raw: str, column: int, offset: int) -> int:
    index = column
    for _ in range(offset):
        if raw[index : index + 1] == "\\":
            index += 2 + _ESCAPE_LENGTHS.get(raw[index + 1 : index + 2], 0)
        else:
            index += 1
    return index - column
