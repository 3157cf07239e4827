"""Reading the YAML drafters write, without PyYAML: a common subset, line by line.

Composing a file from PyYAML's events was most of what validate costs, and importing
PyYAML alone costs twice a bare interpreter's start-up. Source files use little of YAML:
block mappings and lists, one-line plain or quoted values, short flow lists such as
`[40, 41]`, comments. Those are read here into the very Node tree `compose.Composer`
builds (tags, lines, columns, offsets, text, style, the `strings` list), and nothing
else: on anything outside the subset, or any doubt (anchors, tags, block or multi-line
scalars, a duplicate key, a syntax error ...), `read` returns None and the caller reads
the file through PyYAML, whose trees, errors and messages stay the reference.
tests/sources/test_plainyaml.py holds the two equal on every YAML file of the
repository, generated trees and thousands of mutations of them.
"""

from __future__ import annotations

import re

from cmwreport.sources.compose import _NO_ENTRIES, _NO_ITEMS, MAX_DEPTH, MAX_NODES, STR, Node
from cmwreport.sources.plainvalue import Decline, new, raw_value, resolve, value_node

__all__ = ["data", "read"]

_SEQ, _MAP = "tag:yaml.org,2002:seq", "tag:yaml.org,2002:map"
_NULL = "tag:yaml.org,2002:null"

#: What this reader leaves to PyYAML: characters YAML does not allow (C0 and C1
#: controls, surrogates, U+FFFE/F), and tab, NEL, U+2028/9 and U+FEFF, which it does
#: but which give lines, indentation or spaces a meaning of their own. Asked only of a
#: file with a character Python does not print (a no-break space, a direction mark):
#: `str.isprintable` is several times faster than any regex.
_OUTSIDE = (
    "[\x00-\x09\x0b\x0c\x0e-\x1f\x7f-\x9f\u2028\u2029\ufeff\ufffe\uffff]",
    "[\ud800-\udfff]",  # apart: in the same class, they cost milliseconds to compile
)
#: A line's indentation, `- ` and `key:` with the spaces after it: what follows is the
#: value (found with str.find, much cheaper than a regex over Arabic text), then spaces
#: and a comment.
_HEAD = re.compile(r"( *)(-(?: +|\Z))?(?:([0-9A-Za-z_][0-9A-Za-z_.-]*):(?: +|\Z))?")


def read(text: str) -> tuple[Node, list[Node]] | None:
    """The file's Node tree and its text values (as `compose.Composer` gives them), or
    None when the file is not in the subset this reader is sure of."""
    found = read_noting(text)
    return None if found is None else found[:2]


def read_noting(text: str) -> tuple[Node, list[Node], bool] | None:
    """`read`, and whether every character of the file but its line breaks is one Python
    prints (its text values then are, unless an escape made them)."""
    try:
        return _read(text)
    except Decline:
        return None


def data(text: str):
    """The file's values as PyYAML's `safe_load` gives them (dict, list, str, int, bool,
    None), for a file in the subset whose numbers are whole and decimal; None otherwise."""
    found = read(text)
    if found is None:
        return None
    try:
        return _data(found[0])
    except Decline:
        return None


_DECIMAL = re.compile(r"[-+]?(?:0|[1-9][0-9]*)\Z")


def _data(node: Node):
    if node.kind == "map":
        return {_data(key): _data(value) for key, value in node.entries.values()}
    if node.kind == "seq":
        return [_data(item) for item in node.items]
    tag = node.tag
    if tag == STR:
        return node.text
    if tag == _NULL:
        return None
    if tag == "tag:yaml.org,2002:bool":
        return node.text.lower() in ("true", "yes", "on")
    if tag == "tag:yaml.org,2002:int" and _DECIMAL.match(node.text):
        return int(node.text)
    raise Decline  # a float, a date, an octal ...: safe_load's constructors decide


def _read(text: str) -> tuple[Node, list[Node], bool]:
    flat = text.replace("\n", " ")
    if "\r" in flat:
        flat = flat.replace("\r", " ")
    printable = flat.isprintable()
    if not printable:
        for pattern in _OUTSIDE:
            if re.search(pattern, text):
                raise Decline
    tags: dict[str, str] = {}  # plain value -> tag: keys repeat on every item
    strings: list[Node] = []
    #: Open block collections, innermost last: [node, is a mapping, indentation, its
    #: items or entries, a list level with its mapping's keys].
    stack: list[list] = []
    pending = None  # (key node, offset, column) of a `key:` whose value is below
    root = None
    top = None  # stack[-1], once there is a root
    count = 0
    number = 0
    newline = "\n"
    if "\r" in text:
        crlf = text.count("\r\n")
        if crlf != text.count("\r") or crlf != text.count("\n"):
            raise Decline  # a lone CR, or line breaks of both kinds
        newline = "\r\n"
    width = len(newline)
    head = _HEAD.match
    heads: dict[str, tuple] = {}  # a line's start to its _HEAD groups and end
    offset = 0
    for line in text.split(newline):
        here = offset
        offset += len(line) + width
        number += 1
        size = len(line)
        colon = line.find(":")
        if colon < 0:
            match = head(line)
            (spaces, dash, key), pos = match.groups(), match.end()
        else:
            # What _HEAD finds ends at the first `:` and the character after it (keys
            # hold no `:`; a dash's spaces stop before it), and a few such heads
            # ("    text: ") start most lines: matched once each.
            known = heads.get(line[: colon + 2])
            if known is None:
                match = head(line[: colon + 2])
                known = heads[line[: colon + 2]] = (*match.groups(), match.end())
            spaces, dash, key, pos = known
            if pos == colon + 2 and key is not None:
                while pos < size and line[pos] == " ":
                    pos += 1  # more spaces after the key's `:` than its head held
        quoted = False  # a value in double quotes to the end of the line, without `\`
        if pos == size or line[pos] == "#":
            value = None
        elif line[pos] == '"' and line.find('"', pos + 1) + 1 == size and line.find("\\", pos) < 0:
            value = line[pos:]
            quoted = True
        else:
            value = raw_value(line, pos)
        indent = len(spaces)
        if (
            dash is None
            and value is not None
            and pending is None
            and top is not None
            and top[2] == indent
            and top[1]
            and key is not None
        ):
            column = indent  # the most common line: one more key of the open mapping
        else:
            if key is None and dash is None:
                if value is None:
                    continue  # blank, or a comment
                raise Decline
            first = here + indent
            if pending is not None:
                top = stack[-1]
                if indent > top[2] or (indent == top[2] and dash):
                    node, held = _collection(dash, number, indent, first)
                    if len(stack) > MAX_DEPTH // 2:
                        raise Decline
                    top[3][pending[0].text] = (pending[0], node)
                    stack.append([node, not dash, indent, held, indent == top[2]])
                    count += 1
                else:
                    _null(top, pending)
                    count += 1
                pending = None
            while stack and stack[-1][2] > indent:
                stack.pop()[0].end = first
            if stack and not dash and stack[-1][4] and stack[-1][2] == indent:
                stack.pop()[0].end = first  # a list written level with its mapping's keys
            if not stack:
                if root is not None:
                    raise Decline
                root, held = _collection(dash, number, indent, first)
                stack.append([root, not dash, indent, held, False])
                count += 1
            top = stack[-1]
            if top[2] != indent:
                raise Decline
            if dash:
                if top[1]:
                    raise Decline
                if key is None:
                    if value is None:
                        raise Decline
                    node = value_node(value, pos, number, here, tags)
                    count += 1 + len(node.items)
                    top[3].append(node)
                    if node.tag == STR:
                        strings.append(node)
                    elif node.items:
                        strings.extend([item for item in node.items if item.tag == STR])
                    continue
                column = indent + len(dash)
                node = new(Node)  # as for a key, below: one of these a list item
                node.kind, node.tag = "map", _MAP
                node.line, node.column = number, column + 1
                node.end_line, node.start = number, here + column
                node.end, node.text = 0, ""
                node.style, node.items, node.entries = None, _NO_ITEMS, {}
                if len(stack) > MAX_DEPTH // 2:
                    raise Decline
                top[3].append(node)
                top = [node, True, column, node.entries, False]
                stack.append(top)
                count += 1
            elif not top[1]:
                raise Decline
            else:
                column = indent
        held = top[3]
        if key in held:
            raise Decline  # the composer reports a duplicate key
        tag = tags.get(key)
        if tag is None:
            tag = tags[key] = resolve(key)
        after = here + column + len(key)
        # Made without calling Node (its __init__ costs twice these stores): one a line.
        name = new(Node)
        name.kind, name.tag = "scalar", tag
        name.line, name.column = number, column + 1
        name.end_line, name.start = number, after - len(key)
        name.end, name.text = after, key
        name.style, name.items, name.entries = None, _NO_ITEMS, _NO_ENTRIES
        count += 1
        if value is None:
            pending = (name, after + 1, column + len(key) + 2)
            continue
        if quoted:
            # The common case inline (a text in double quotes): one call less per line.
            node = new(Node)
            node.kind, node.tag = "scalar", STR
            node.line, node.column = number, pos + 1
            node.end_line, node.start, node.end = number, here + pos, here + size
            node.text, node.style = line[pos + 1 : size - 1], '"'
            node.items, node.entries = _NO_ITEMS, _NO_ENTRIES
            count += 1
            held[key] = (name, node)
            strings.append(node)
            continue
        node = value_node(value, pos, number, here, tags)
        count += 1 + len(node.items)
        held[key] = (name, node)
        if node.tag == STR:
            strings.append(node)
        elif node.items:
            strings.extend([item for item in node.items if item.tag == STR])
    if pending is not None:
        _null(stack[-1], pending)
        count += 1
    if root is None or count > MAX_NODES - 100:
        raise Decline
    for open_ in stack:
        open_[0].end = len(text)
    return root, strings, printable


def _collection(dash, line: int, indent: int, start: int) -> tuple[Node, list | dict]:
    """A list (opened by `- `) or a mapping starting at `line`, and what holds its items."""
    if dash:
        node = Node("seq", _SEQ, line, indent + 1, line, start)
        node.items = held = []
    else:
        node = Node("map", _MAP, line, indent + 1, line, start)
        node.entries = held = {}
    return node, held


def _null(top: list, pending: tuple) -> None:
    """`key:` with nothing below it: null, where the ':' ends (as PyYAML marks it)."""
    name, at, column = pending
    line = name.line
    top[3][name.text] = (name, Node("scalar", _NULL, line, column, line, at, at, ""))
