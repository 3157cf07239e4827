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

    `start` and `end` are character offsets in the file's text (as read: after a UTF-8
    byte order mark), those of PyYAML's marks: `text[node.start:node.end]` is the value
    as written, quotes, block indicator, tag and anchor included; a list's or mapping's
    ends after its last item (or closing bracket). Absorb splices edited text there
    without composing the file again.
    """

    __slots__ = (
        "kind", "tag", "line", "column", "end_line", "start", "end", "text", "style", "items",
        "entries",
    )  # fmt: skip

    def __init__(
        self,
        kind: str,
        tag: str,
        line: int,
        column: int,
        end_line: int,
        start: int = 0,
        end: int = 0,
        text: str = "",
        style: str | None = None,
    ) -> None:
        self.kind = kind  # "scalar" | "seq" | "map"
        self.tag = tag
        self.line = line  # 1-based
        self.column = column  # 1-based
        self.end_line = end_line
        self.start = start
        self.end = end
        self.text = text  # a scalar's text, after YAML's own unquoting and escapes
        self.style = style  # None (plain), '"', "'", '|', '>'
        self.items: Sequence[Node] = _NO_ITEMS
        #: a mapping's key text -> (key node, value node), in file order
        self.entries: Mapping[str, tuple[Node, Node]] = _NO_ENTRIES

    @property
    def is_null(self) -> bool:
        return self.kind == "scalar" and self.tag == "tag:yaml.org,2002:null"


class Stop(Exception):
    """A file that cannot be read further; its diagnostic is already recorded."""


#: The tags of a list and a mapping without one: what PyYAML's SafeLoader resolves them
#: to (it has no path resolvers), without asking it for each.
_SEQ, _MAP = "tag:yaml.org,2002:seq", "tag:yaml.org,2002:map"


class Composer:
    """Turns one document's events into a Node, reporting through `error`."""

    def __init__(self, error: Callable[[str, int, int, str], None]) -> None:
        self.error = error
        #: Every text value (not keys), in file order, each once: what the text checks read.
        self.strings: list[Node] = []
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
        # One loop over the parser's events, no recursion. It is most of what loading
        # costs (a Python object per event and per value), so it is written flat: the
        # event classes compared by identity, each open list or mapping a small list
        # [node, pending key, values counted at its start, height, anchor, items or
        # entries], the common case of each step inline and the rare ones in methods.
        scalar_event, alias_event = yaml.ScalarEvent, yaml.AliasEvent
        seq_start, map_start = yaml.SequenceStartEvent, yaml.MappingStartEvent
        seq_end, map_end = yaml.SequenceEndEvent, yaml.MappingEndEvent
        get_event, resolve, scalar_node = loader.get_event, loader.resolve, yaml.ScalarNode
        resolved = self._resolved
        strings = self.strings
        plain_tags = _PLAIN_TAGS
        stack: list[list] = []
        anchors: dict[str, Node] = {}
        measured: dict[int, tuple[int, int]] = {}  # id(anchored node) -> (size, height)
        open_anchors: set[str] = set()
        visits = 0  # values so far, aliases counted at every use
        aliased = False
        while True:
            event = get_event()
            kind = type(event)
            if kind is scalar_event:
                value, tag, style = event.value, event.tag, event.style
                if tag is None and style:
                    tag = STR  # quoted or block text: what PyYAML's resolver says, unasked
                elif tag is None or tag == "!":
                    key = (value, event.implicit)
                    tag = resolved.get(key)
                    if tag is None:
                        tag = resolved[key] = resolve(scalar_node, value, event.implicit)
                start, end = event.start_mark, event.end_mark
                if tag not in plain_tags:
                    tag = self._bad_tag(tag, start, "scalar")
                node = Node(
                    "scalar",
                    tag,
                    start.line + 1,
                    start.column + 1,
                    end.line + 1,
                    start.index,
                    end.index,
                    value,
                    style or None,
                )
                visits += 1
                if visits > MAX_NODES:
                    self._too_many(start, aliased)
                if event.anchor:
                    anchors[event.anchor] = node
                    measured[id(node)] = (1, 0)
                size = height = 0
            elif kind is map_start or kind is seq_start:
                name = "map" if kind is map_start else "seq"
                tag, start = event.tag, event.start_mark
                if tag is None or tag == "!":
                    tag = _MAP if kind is map_start else _SEQ
                elif tag not in plain_tags:
                    tag = self._bad_tag(tag, start, name)
                end = event.end_mark
                node = Node(name, tag, start.line + 1, start.column + 1, end.line + 1, start.index)
                if len(stack) >= MAX_DEPTH:
                    self._too_deep(start)
                visits += 1
                if visits > MAX_NODES:
                    self._too_many(start, aliased)
                if event.anchor:
                    anchors[event.anchor] = node
                    open_anchors.add(event.anchor)
                if kind is map_start:
                    node.entries = held = {}
                else:
                    node.items = held = []
                stack.append([node, None, visits, 0, event.anchor, held])
                continue
            elif kind is map_end or kind is seq_end:
                node, _key, counted, height, anchor, _held = stack.pop()
                node.end = event.end_mark.index
                size = visits - counted + 1
                if anchor:
                    open_anchors.discard(anchor)
                    measured[id(node)] = (size, height)
            elif kind is alias_event:
                node, size, height = self._alias(event, anchors, measured, open_anchors)
                visits += size
                aliased = True
                if visits > MAX_NODES:
                    self._too_many(event.start_mark, aliased)
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
            if height >= parent[3]:
                parent[3] = height + 1
            held = parent[5]
            if held.__class__ is list:
                held.append(node)
            elif parent[1] is None:
                parent[1] = node
                continue
            else:
                key = parent[1]
                parent[1] = None
                if key.kind == "scalar" and key.text not in held:
                    held[key.text] = (key, node)
                else:
                    self._entry(held, key)
            if kind is scalar_event and node.tag == STR:
                strings.append(node)

    def _bad_tag(self, tag: str, start, kind: str) -> str:
        """Only plain YAML is data: a custom tag is a request to run code."""
        self.error(
            "C005",
            start.line + 1,
            start.column + 1,
            _("tag {tag!r} is not allowed in sources: remove it, values are plain text", tag=tag),
        )
        return STR if kind == "scalar" else f"tag:yaml.org,2002:{kind}"

    def _alias(self, event, anchors, measured, open_anchors) -> tuple[Node, int, int]:
        """The node an alias names, and its size and height, aliases expanded."""
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
        return node, size, height

    def _entry(self, entries: dict[str, tuple[Node, Node]], key: Node) -> None:
        """A key that is not a word, or one the mapping already has."""
        if key.kind != "scalar":
            self.error("S103", key.line, key.column, _("a key must be a plain word"))
            return
        first = entries[key.text]
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

    def _too_many(self, mark, aliased: bool) -> None:
        if aliased:
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
