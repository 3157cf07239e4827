"""Reading one YAML file safely, keeping where every value stands.

PyYAML's constructors lose positions and silently keep the last of duplicate keys;
alias expansion can blow up memory ("billion laughs"). So we only *compose* (which
builds a graph in which an alias is a shared node, never a copy) and walk the node
graph ourselves, counting every visit: an alias bomb hits the budget, not the RAM.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence
from pathlib import Path
from types import MappingProxyType

from cmwreport.diagnostics import Diagnostic

#: A drafter's source file is a few KiB; 1 MiB leaves room for big annexes.
MAX_FILE_BYTES = 1024 * 1024
#: Values visited while walking one file, aliases counted at every use.
MAX_NODES = 50_000

STR = "tag:yaml.org,2002:str"
_PLAIN_TAGS = {
    STR,
    "tag:yaml.org,2002:int",
    "tag:yaml.org,2002:float",
    "tag:yaml.org,2002:bool",
    "tag:yaml.org,2002:null",
    "tag:yaml.org,2002:timestamp",
    "tag:yaml.org,2002:map",
    "tag:yaml.org,2002:seq",
}


_NO_ITEMS: tuple = ()
_NO_ENTRIES: Mapping = MappingProxyType({})


class Node:
    """A located YAML value: a scalar (raw text + resolved tag), a list or a mapping.

    A plain class with slots, not a dataclass: a large tree has a million of these, and
    scalars share one empty `items` and `entries` instead of making their own.
    """

    __slots__ = ("kind", "tag", "line", "column", "end_line", "text", "style", "items", "entries")

    def __init__(self, kind: str, tag: str, line: int, column: int, end_line: int) -> None:
        self.kind = kind  # "scalar" | "seq" | "map"
        self.tag = tag
        self.line = line  # 1-based
        self.column = column  # 1-based
        self.end_line = end_line
        self.text = ""  # a scalar's text, after YAML's own unquoting
        self.style: str | None = None  # None (plain), '"', "'", '|', '>'
        self.items: Sequence[Node] = _NO_ITEMS
        #: a mapping's key text -> (key node, value node), in file order
        self.entries: Mapping[str, tuple[Node, Node]] = _NO_ENTRIES

    @property
    def is_null(self) -> bool:
        return self.kind == "scalar" and self.tag == "tag:yaml.org,2002:null"

    def strings(self) -> Iterator[Node]:
        """Every text scalar below this node (keys left out), in file order."""
        if self.kind == "scalar":
            if self.tag == STR:
                yield self
        elif self.kind == "seq":
            for item in self.items:
                yield from item.strings()
        else:
            for _key, value in self.entries.values():
                yield from value.strings()

    def position(self, offset: int) -> tuple[int, int]:
        """Line and column of character `offset` of a scalar's text, where it can tell:
        exact for one-line plain and quoted scalars (escapes aside), else the scalar's start."""
        if self.line == self.end_line and self.style in (None, '"', "'"):
            return self.line, self.column + offset + (0 if self.style is None else 1)
        return self.line, self.column


class _Budget(Exception):
    def __init__(self, node) -> None:
        self.node = node


class FileReader:
    """Reads one file into a Node, collecting diagnostics instead of raising."""

    def __init__(self, path: Path, shown: str) -> None:
        self.path = path
        self.shown = shown  # the name diagnostics use, as the user's tree spells it
        self.diagnostics: list[Diagnostic] = []
        self.text: str | None = None
        self._visits = 0

    def error(self, code: str, line: int, column: int, message: str) -> None:
        self.diagnostics.append(Diagnostic(self.shown, line, column, code, "error", message))

    def read(self) -> Node | None:
        try:
            size = self.path.stat().st_size
            if size > MAX_FILE_BYTES:
                self.error(
                    "C002",
                    1,
                    1,
                    f"file is {size:,} bytes, over the {MAX_FILE_BYTES:,}-byte limit for a "
                    "source file: split it (one file per meeting or axis)",
                )
                return None
            raw = self.path.read_bytes()
        except OSError as exc:
            self.error("C001", 1, 1, f"cannot read the file: {exc.strerror or exc}")
            return None
        text = self._decode(raw)
        if text is None:
            return None
        self.text = text
        return self._compose(text)

    def _decode(self, raw: bytes) -> str | None:
        if raw.startswith(b"\xef\xbb\xbf"):
            raw = raw[3:]  # a UTF-8 BOM, as Notepad writes: harmless, not text
        try:
            return raw.decode("utf-8")
        except UnicodeDecodeError as exc:
            before = raw[: exc.start]
            line = before.count(b"\n") + 1
            column = len(before) - (before.rfind(b"\n") + 1) + 1
            self.error(
                "C001",
                line,
                column,
                f"not UTF-8 (byte 0x{raw[exc.start]:02X}): save the file as UTF-8 "
                "(in Word or Notepad: Save As, encoding UTF-8)",
            )
            return None

    def _compose(self, text: str) -> Node | None:
        import yaml

        loader_class = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
        loader = loader_class(text)
        try:
            root = loader.get_single_node()
        except yaml.MarkedYAMLError as exc:
            mark = exc.problem_mark or exc.context_mark
            line, column = (mark.line + 1, mark.column + 1) if mark else (1, 1)
            problem = exc.problem or "invalid YAML"
            if "expected a single document" in str(exc.context or ""):
                problem = "more than one YAML document (a line '---'): keep one per file"
            at_tab = mark is not None and text[mark.index : mark.index + 1] == "\t"
            hint = ": indent with spaces, not tabs" if at_tab else _hint(problem)
            self.error("C003", line, column, f"YAML syntax: {problem}{hint}")
            return None
        except yaml.YAMLError as exc:
            self.error("C003", 1, 1, f"YAML syntax: {exc}")
            return None
        finally:
            loader.dispose()
        if root is None:
            self.error("C003", 1, 1, "the file is empty: it must hold a mapping of fields")
            return None
        try:
            return self._walk(root)
        except _Budget as stop:
            mark = stop.node.start_mark
            self.error(
                "C005",
                mark.line + 1,
                mark.column + 1,
                f"more than {MAX_NODES:,} values once aliases are expanded: "
                "remove the anchors (&) and aliases (*) and write the values out",
            )
            return None

    def _walk(self, node) -> Node:
        self._visits += 1
        if self._visits > MAX_NODES:
            raise _Budget(node)
        start, end = node.start_mark, node.end_mark
        tag = node.tag
        if tag not in _PLAIN_TAGS:
            # Only plain YAML is data: a custom tag is a request to run code.
            self.error(
                "C005",
                start.line + 1,
                start.column + 1,
                f"tag {tag!r} is not allowed in sources: remove it, values are plain text",
            )
            tag = STR
        out = Node("scalar", tag, start.line + 1, start.column + 1, end.line + 1)
        if node.id == "scalar":
            out.text = node.value
            out.style = node.style
        elif node.id == "sequence":
            out.kind = "seq"
            out.items = [self._walk(item) for item in node.value]
        else:
            out.kind = "map"
            entries: dict[str, tuple[Node, Node]] = {}
            out.entries = entries
            for key_node, value_node in node.value:
                key = self._walk(key_node)
                value = self._walk(value_node)
                if key.kind != "scalar":
                    self.error("S103", key.line, key.column, "a key must be a plain word")
                    continue
                if key.text in entries:
                    first = entries[key.text][0]
                    self.error(
                        "C004",
                        key.line,
                        key.column,
                        f"duplicate key '{key.text}' (first at line {first.line}): YAML "
                        "would silently keep only the last one; remove or rename one",
                    )
                    continue
                entries[key.text] = (key, value)
        return out


def _hint(problem: str) -> str:
    if "mapping values are not allowed" in problem:
        return ": a text containing ': ' must be quoted, e.g. title: \"...\""
    if "did not find expected key" in problem:
        return ": a quote opened on a line above may not be closed, or the indentation is off"
    if "could not find expected ':'" in problem:
        return ": a key is missing its ':' or a quote is not closed"
    if "found unexpected end of stream" in problem or "found unexpected" in problem:
        return ": check the quotes and brackets on this line"
    return ""
