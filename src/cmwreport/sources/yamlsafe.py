"""Reading one YAML file safely, keeping where every value stands.

PyYAML's constructors lose positions and silently keep the last of duplicate keys, its
composer recurses (a file nested a thousand levels deep is a RecursionError) and alias
expansion can blow up memory ("billion laughs"). So we read the parser's events and
build the tree ourselves, without recursion: an alias becomes a shared node, never a
copy, and every value is counted as often as aliases would expand it, so an alias bomb
or a self-referencing alias (`&r [*r]`) hits a budget, not the RAM or the stack.

Only regular files are opened (a named pipe or a device would block or never end),
and they are opened non-blocking as a second guard.
"""

from __future__ import annotations

import os
import re
import stat
from collections.abc import Mapping, Sequence
from pathlib import Path
from types import MappingProxyType

from cmwreport.diagnostics import Diagnostic

#: A drafter's source file is a few KiB; 1 MiB leaves room for big annexes.
MAX_FILE_BYTES = 1024 * 1024
#: Values visited while walking one file, aliases counted at every use.
MAX_NODES = 50_000
#: Levels of nesting, aliases expanded. The deepest source file has five.
MAX_DEPTH = 64

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
#: `# cmwreport: ignore T507` (codes separated by commas or spaces; a reason may follow
#: after `--`), at the end of the line a warning points at.
SUPPRESSION = re.compile(
    r"#\s*cmwreport:\s*ignore\s+(?P<codes>[A-Z]\d{3}(?:[\s,]+[A-Z]\d{3})*)\s*(?:--.*)?$"
)

_NO_ITEMS: tuple = ()
_NO_ENTRIES: Mapping = MappingProxyType({})


class Node:
    """A located YAML value: a scalar (text after YAML's unquoting + resolved tag), a
    list or a mapping.

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
        self.text = ""  # a scalar's text, after YAML's own unquoting and escapes
        self.style: str | None = None  # None (plain), '"', "'", '|', '>'
        self.items: Sequence[Node] = _NO_ITEMS
        #: a mapping's key text -> (key node, value node), in file order
        self.entries: Mapping[str, tuple[Node, Node]] = _NO_ENTRIES

    @property
    def is_null(self) -> bool:
        return self.kind == "scalar" and self.tag == "tag:yaml.org,2002:null"


class _Stop(Exception):
    """A file that cannot be read further; its diagnostic is already recorded."""


class _Frame:
    __slots__ = ("node", "key", "items", "entries", "start", "height", "anchor")

    def __init__(self, node: Node, start: int, anchor: str | None) -> None:
        self.node = node
        self.key: Node | None = None
        self.items: list[Node] = []
        self.entries: dict[str, tuple[Node, Node]] = {}
        self.start = start
        self.height = 0
        self.anchor = anchor


class FileReader:
    """Reads one file into a Node, collecting diagnostics instead of raising."""

    def __init__(self, path: Path, shown: str) -> None:
        self.path = path
        self.shown = shown  # the name diagnostics use, as the user's tree spells it
        self.diagnostics: list[Diagnostic] = []
        self.text: str | None = None
        #: Every text value (not keys), in file order, each once: what the text checks read.
        self.strings: list[Node] = []
        self._visits = 0
        self._aliased = False

    def error(self, code: str, line: int, column: int, message: str) -> None:
        self.diagnostics.append(Diagnostic(self.shown, line, column, code, "error", message))

    def read(self) -> Node | None:
        raw = self._read_bytes()
        if raw is None:
            return None
        text = self._decode(raw)
        if text is None:
            return None
        self.text = text
        return self._compose(text)

    def suppressions(self) -> dict[int, set[str]]:
        """Line -> codes that `# cmwreport: ignore ...` comments on that line name."""
        out: dict[int, set[str]] = {}
        if self.text is None or "cmwreport:" not in self.text:
            return out
        for number, line in enumerate(self.text.split("\n"), start=1):
            found = SUPPRESSION.search(line)
            if found:
                out[number] = set(re.split(r"[\s,]+", found["codes"].strip()))
        return out

    def _read_bytes(self) -> bytes | None:
        flags = os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_CLOEXEC", 0)
        try:
            fd = os.open(self.path, flags)
        except OSError as exc:
            self.error("C001", 1, 1, f"cannot read the file: {exc.strerror or exc}")
            return None
        try:
            info = os.fstat(fd)
            if not stat.S_ISREG(info.st_mode):
                self.error("C001", 1, 1, "not a regular file: not read")
                return None
            if info.st_size > MAX_FILE_BYTES:
                self._too_big(info.st_size)
                return None
            chunks = []
            left = MAX_FILE_BYTES + 1
            while left > 0:
                chunk = os.read(fd, min(left, 1 << 16))
                if not chunk:
                    break
                chunks.append(chunk)
                left -= len(chunk)
        except OSError as exc:
            self.error("C001", 1, 1, f"cannot read the file: {exc.strerror or exc}")
            return None
        finally:
            os.close(fd)
        raw = b"".join(chunks)
        if len(raw) > MAX_FILE_BYTES:  # it grew while we read it
            self._too_big(len(raw))
            return None
        return raw

    def _too_big(self, size: int) -> None:
        self.error(
            "C002",
            1,
            1,
            f"file is {size:,} bytes, over the {MAX_FILE_BYTES:,}-byte limit for a "
            "source file: split it (one file per meeting or axis)",
        )

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
            return self._document(loader, yaml)
        except yaml.MarkedYAMLError as exc:
            mark = exc.problem_mark or exc.context_mark
            line, column = (mark.line + 1, mark.column + 1) if mark else (1, 1)
            problem = exc.problem or "invalid YAML"
            at_tab = mark is not None and text[mark.index : mark.index + 1] == "\t"
            hint = ": indent with spaces, not tabs" if at_tab else _hint(problem)
            self.error("C003", line, column, f"YAML syntax: {problem}{hint}")
            return None
        except yaml.reader.ReaderError as exc:
            # A character YAML does not allow in a file (a control character, U+FFFE).
            before = text[: exc.position]
            line, column = before.count("\n") + 1, exc.position - (before.rfind("\n") + 1) + 1
            self.error(
                "C003",
                line,
                column,
                f"YAML syntax: character U+{exc.character:04X} is not allowed in a YAML "
                "file: delete it",
            )
            return None
        except yaml.YAMLError as exc:
            message = " ".join(str(exc).split())
            self.error("C003", 1, 1, f"YAML syntax: {message}")
            return None
        except _Stop:
            return None
        finally:
            loader.dispose()

    def _document(self, loader, yaml) -> Node | None:
        loader.get_event()  # stream start
        if loader.check_event(yaml.StreamEndEvent):
            self.error("C003", 1, 1, "the file is empty: it must hold a mapping of fields")
            return None
        loader.get_event()  # document start
        root = self._events(loader, yaml)
        if not loader.check_event(yaml.StreamEndEvent):
            mark = loader.peek_event().start_mark
            self.error(
                "C003",
                mark.line + 1,
                mark.column + 1,
                "YAML syntax: more than one YAML document (a line '---'): keep one per file",
            )
            return None
        return root

    def _events(self, loader, yaml) -> Node | None:
        # One loop over the parser's events, no recursion; hot on large trees, so the
        # event classes are compared by identity and bound to locals.
        scalar_event, alias_event = yaml.ScalarEvent, yaml.AliasEvent
        starts = {yaml.SequenceStartEvent: "seq", yaml.MappingStartEvent: "map"}
        ends = (yaml.SequenceEndEvent, yaml.MappingEndEvent)
        get_event = loader.get_event
        strings = self.strings
        stack: list[_Frame] = []
        anchors: dict[str, Node] = {}
        measured: dict[int, tuple[int, int]] = {}  # id(anchored node) -> (size, height)
        open_anchors: set[str] = set()
        while True:
            event = get_event()
            kind = type(event)
            if kind is scalar_event:
                node = self._node(loader, yaml, event, "scalar")
                node.text = event.value
                node.style = event.style or None
                size = height = 0
                self._visits += 1
                if self._visits > MAX_NODES:
                    self._count(0, event.start_mark)
                if event.anchor:
                    anchors[event.anchor] = node
                    measured[id(node)] = (1, 0)
            elif kind in starts:
                node = self._node(loader, yaml, event, starts[kind])
                if len(stack) >= MAX_DEPTH:
                    self._too_deep(event.start_mark)
                self._count(1, event.start_mark)
                if event.anchor:
                    anchors[event.anchor] = node
                    open_anchors.add(event.anchor)
                stack.append(_Frame(node, self._visits, event.anchor))
                continue
            elif kind in ends:
                frame = stack.pop()
                node = frame.node
                if node.kind == "seq":
                    node.items = frame.items
                else:
                    node.entries = frame.entries
                size, height = self._visits - frame.start + 1, frame.height
                if frame.anchor:
                    open_anchors.discard(frame.anchor)
                    measured[id(node)] = (size, height)
            elif kind is alias_event:
                mark = event.start_mark
                if event.anchor in open_anchors:
                    self._fail(
                        "C005",
                        mark,
                        f"alias *{event.anchor} inside the value it names (a value that "
                        "contains itself): write the values out",
                    )
                node = anchors.get(event.anchor)
                if node is None:
                    self._fail("C003", mark, f"YAML syntax: alias *{event.anchor} names no anchor")
                size, height = measured[id(node)]
                self._count(size, mark, alias=True)
            else:  # the end of the document: an empty one (only comments) has no root
                return None
            if height and len(stack) + height > MAX_DEPTH:
                self._too_deep(event.start_mark)
            if not stack:
                if node.is_null:
                    self.error("C003", 1, 1, "the file is empty: it must hold a mapping of fields")
                    return None
                get_event()  # document end
                return node
            parent = stack[-1]
            if height >= parent.height:
                parent.height = height + 1
            if parent.node.kind == "seq":
                parent.items.append(node)
            elif parent.key is None:
                parent.key = node
                continue
            else:
                self._entry(parent, parent.key, node)
                parent.key = None
            if node.kind == "scalar" and node.tag == STR and kind is scalar_event:
                strings.append(node)

    def _node(self, loader, yaml, event, kind: str) -> Node:
        start, end = event.start_mark, event.end_mark
        tag = event.tag
        if tag is None or tag == "!":
            node_class = {"scalar": yaml.ScalarNode, "seq": yaml.SequenceNode}.get(
                kind, yaml.MappingNode
            )
            value = event.value if kind == "scalar" else None
            tag = loader.resolve(node_class, value, event.implicit)
        if tag not in _PLAIN_TAGS:
            # Only plain YAML is data: a custom tag is a request to run code.
            self.error(
                "C005",
                start.line + 1,
                start.column + 1,
                f"tag {tag!r} is not allowed in sources: remove it, values are plain text",
            )
            tag = STR if kind == "scalar" else f"tag:yaml.org,2002:{kind}"
        return Node(kind, tag, start.line + 1, start.column + 1, end.line + 1)

    def _entry(self, frame: _Frame, key: Node, value: Node) -> None:
        if key.kind != "scalar":
            self.error("S103", key.line, key.column, "a key must be a plain word")
            return
        first = frame.entries.get(key.text)
        if first is not None:
            self.error(
                "C004",
                key.line,
                key.column,
                f"duplicate key '{key.text}' (first at line {first[0].line}): YAML "
                "would silently keep only the last one; remove or rename one",
            )
            return
        frame.entries[key.text] = (key, value)

    def _count(self, values: int, mark, alias: bool = False) -> None:
        self._visits += values
        self._aliased = self._aliased or alias
        if self._visits <= MAX_NODES:
            return
        if self._aliased:
            self._fail(
                "C005",
                mark,
                f"more than {MAX_NODES:,} values once aliases are expanded: "
                "remove the anchors (&) and aliases (*) and write the values out",
            )
        self._fail(
            "C002",
            mark,
            f"more than {MAX_NODES:,} values in one file: split it (one file per meeting or axis)",
        )

    def _too_deep(self, mark) -> None:
        self._fail(
            "C007",
            mark,
            f"values nested more than {MAX_DEPTH} levels deep (aliases expanded): source "
            "files need a few levels; check the brackets and indentation",
        )

    def _fail(self, code: str, mark, message: str):
        self.error(code, mark.line + 1, mark.column + 1, message)
        raise _Stop


def _hint(problem: str) -> str:
    if "maximum nesting depth" in problem:
        return ": source files need a few levels; check the brackets and indentation"
    if "mapping values are not allowed" in problem:
        return ": a text containing ': ' must be quoted, e.g. title: \"...\""
    if "did not find expected key" in problem:
        return ": a quote opened on a line above may not be closed, or the indentation is off"
    if "could not find expected ':'" in problem:
        return ": a key is missing its ':' or a quote is not closed"
    if "found unexpected end of stream" in problem or "found unexpected" in problem:
        return ": check the quotes and brackets on this line"
    return ""
