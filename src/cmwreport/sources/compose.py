"""Building a located Node tree from YAML parser events, without recursion.

PyYAML's composer recurses (a file nested a thousand levels deep is a RecursionError)
and alias expansion can blow up memory ("billion laughs"). So we read the parser's
events and build the tree ourselves in one loop: an alias becomes a shared node, never
a copy, and every value is counted as often as aliases would expand it, so an alias
bomb or a self-referencing alias (`&r [*r]`) hits a budget, not the RAM or the stack.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from types import MappingProxyType

from cmwreport.i18n import _

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


class Stop(Exception):
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


class Composer:
    """Turns one document's events into a Node, reporting through `error`."""

    def __init__(self, error: Callable[[str, int, int, str], None]) -> None:
        self.error = error
        #: Every text value (not keys), in file order, each once: what the text checks read.
        self.strings: list[Node] = []
        self._visits = 0
        self._aliased = False
        #: (value, implicit) -> tag of a plain scalar: keys repeat on every item, and the
        #: resolver tries its regexes on each (a pure function of these two).
        self._resolved: dict[tuple[str, tuple[bool, bool]], str] = {}

    def document(self, loader, yaml) -> Node | None:
        loader.get_event()  # stream start
        if loader.check_event(yaml.StreamEndEvent):
            self.error("C003", 1, 1, _("the file is empty: it must hold a mapping of fields"))
            return None
        loader.get_event()  # document start
        root = self._events(loader, yaml)
        if not loader.check_event(yaml.StreamEndEvent):
            mark = loader.peek_event().start_mark
            self.error(
                "C003",
                mark.line + 1,
                mark.column + 1,
                _("YAML syntax: more than one YAML document (a line '---'): keep one per file"),
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
                        _(
                            "alias *{anchor} inside the value it names (a value that contains "
                            "itself): write the values out",
                            anchor=event.anchor,
                        ),
                    )
                node = anchors.get(event.anchor)
                if node is None:
                    self._fail(
                        "C003",
                        mark,
                        _("YAML syntax: alias *{anchor} names no anchor", anchor=event.anchor),
                    )
                size, height = measured[id(node)]
                self._count(size, mark, alias=True)
            else:  # the end of the document: an empty one (only comments) has no root
                return None
            if height and len(stack) + height > MAX_DEPTH:
                self._too_deep(event.start_mark)
            if not stack:
                if node.is_null:
                    self.error(
                        "C003", 1, 1, _("the file is empty: it must hold a mapping of fields")
                    )
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
        if tag is None and kind == "scalar" and event.style:
            tag = STR  # quoted or block text: what PyYAML's resolver says, without asking it
        elif (tag is None or tag == "!") and kind == "scalar":
            key = (event.value, event.implicit)
            tag = self._resolved.get(key)
            if tag is None:
                tag = self._resolved[key] = loader.resolve(yaml.ScalarNode, *key)
        elif tag is None or tag == "!":
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
                _(
                    "tag {tag!r} is not allowed in sources: remove it, values are plain text",
                    tag=tag,
                ),
            )
            tag = STR if kind == "scalar" else f"tag:yaml.org,2002:{kind}"
        return Node(kind, tag, start.line + 1, start.column + 1, end.line + 1)

    def _entry(self, frame: _Frame, key: Node, value: Node) -> None:
        if key.kind != "scalar":
            self.error("S103", key.line, key.column, _("a key must be a plain word"))
            return
        first = frame.entries.get(key.text)
        if first is not None:
            self.error(
                "C004",
                key.line,
                key.column,
                _(
                    "duplicate key '{text}' (first at line {line}): YAML would silently keep only "
                    "the last one; remove or rename one",
                    text=key.text,
                    line=first[0].line,
                ),
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
                _(
                    "more than {MAX_NODES:,} values once aliases are expanded: remove the anchors "
                    "(&) and aliases (*) and write the values out",
                    MAX_NODES=MAX_NODES,
                ),
            )
        self._fail(
            "C002",
            mark,
            _(
                "more than {MAX_NODES:,} values in one file: split it (one file per meeting or "
                "axis)",
                MAX_NODES=MAX_NODES,
            ),
        )

    def _too_deep(self, mark) -> None:
        self._fail(
            "C007",
            mark,
            _(
                "values nested more than {MAX_DEPTH} levels deep (aliases expanded): source files "
                "need a few levels; check the brackets and indentation",
                MAX_DEPTH=MAX_DEPTH,
            ),
        )

    def _fail(self, code: str, mark, message: str):
        self.error(code, mark.line + 1, mark.column + 1, message)
        raise Stop
