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
from cmwreport.sources.resolve import implicit_tag

__all__ = ["data", "read"]

_SEQ, _MAP = "tag:yaml.org,2002:seq", "tag:yaml.org,2002:map"
_NULL = "tag:yaml.org,2002:null"

#: The tags the composer accepts without a diagnostic (`<<` and `=` resolve to others).
_PLAIN = {STR, "tag:yaml.org,2002:int", "tag:yaml.org,2002:float", "tag:yaml.org,2002:bool",
          _NULL, "tag:yaml.org,2002:timestamp"}  # fmt: skip


class _Decline(Exception):
    """Outside the subset, or in doubt: PyYAML reads the file."""


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
#: This pattern and the four below are compiled on first use (through `re`'s cache):
#: most files need none of them, and compiling them all costs what reading a small
#: file does.
_DOUBLE = r'"[^"\\]*(?:\\.[^"\\]*)*"'
_SINGLE = r"'[^']*(?:''[^']*)*'"
#: After a value: nothing, or spaces and perhaps a comment.
_TAIL = r"(?: +(?:#.*)?)?\Z"
#: Characters that do not start a plain scalar (`-` does, before a non-space).
_INDICATORS = frozenset("?:,[]{}#&*!|>'\"%@`")
_ESCAPE = r'\\(?:([0abtnvfre "/\\N_LP])|x([0-9A-Fa-f]{2})|u([0-9A-Fa-f]{4})|U([0-9A-Fa-f]{8}))'
_ESCAPES = {"0": "\0", "a": "\a", "b": "\b", "t": "\t", "n": "\n", "v": "\v", "f": "\f",
            "r": "\r", "e": "\x1b", " ": " ", '"': '"', "/": "/", "\\": "\\", "N": "\x85",
            "_": "\xa0", "L": "\u2028", "P": "\u2029"}  # fmt: skip
#: One item of a flow list and the `,` after it: a word-like plain scalar, words
#: without ASCII (Arabic, a string whatever they say) single-spaced, or a quoted scalar
#: without escapes.
_FLOW_ITEM = (
    r""" *(?:([0-9A-Za-z_][0-9A-Za-z_./+-]*|[^\x00-\x7f](?:[^\x00-\x7f]|\ (?=[^\x00-\x7f]))*)"""
    r"""|"([^"\\]*)"|'([^']*)') *(,|\Z)"""
)


def read(text: str) -> tuple[Node, list[Node]] | None:
    """The file's Node tree and its text values (as `compose.Composer` gives them), or
    None when the file is not in the subset this reader is sure of."""
    try:
        return _read(text)
    except _Decline:
        return None


def data(text: str):
    """The file's values as PyYAML's `safe_load` gives them (dict, list, str, int, bool,
    None), for a file in the subset whose numbers are whole and decimal; None otherwise."""
    found = read(text)
    if found is None:
        return None
    try:
        return _data(found[0])
    except _Decline:
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
    raise _Decline  # a float, a date, an octal ...: safe_load's constructors decide


_new = object.__new__


def _read(text: str) -> tuple[Node, list[Node]]:
    flat = text.replace("\n", " ")
    if "\r" in flat:
        flat = flat.replace("\r", " ")
    if not flat.isprintable():
        for pattern in _OUTSIDE:
            if re.search(pattern, text):
                raise _Decline
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
            raise _Decline  # a lone CR, or line breaks of both kinds
        newline = "\r\n"
    width = len(newline)
    head = _HEAD.match
    heads: dict[str, tuple] = {}  # a line's start to its _HEAD groups and end
    new = _new
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
            value = _raw_value(line, pos)
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
                raise _Decline
            first = here + indent
            if pending is not None:
                top = stack[-1]
                if indent > top[2] or (indent == top[2] and dash):
                    node, held = _collection(dash, number, indent, first)
                    if len(stack) > MAX_DEPTH // 2:
                        raise _Decline
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
                    raise _Decline
                root, held = _collection(dash, number, indent, first)
                stack.append([root, not dash, indent, held, False])
                count += 1
            top = stack[-1]
            if top[2] != indent:
                raise _Decline
            if dash:
                if top[1]:
                    raise _Decline
                if key is None:
                    if value is None:
                        raise _Decline
                    node = _value(value, pos, number, here, tags)
                    count += 1 + len(node.items)
                    top[3].append(node)
                    if node.tag == STR:
                        strings.append(node)
                    elif node.items:
                        strings.extend([item for item in node.items if item.tag == STR])
                    continue
                column = indent + len(dash)
                node = new(Node)  # as for a key, below: one of these a list item
                node.kind, node.tag, node.line, node.column = "map", _MAP, number, column + 1
                node.end_line, node.start, node.end, node.text = number, here + column, 0, ""
                node.style, node.items, node.entries = None, _NO_ITEMS, {}
                if len(stack) > MAX_DEPTH // 2:
                    raise _Decline
                top[3].append(node)
                top = [node, True, column, node.entries, False]
                stack.append(top)
                count += 1
            elif not top[1]:
                raise _Decline
            else:
                column = indent
        held = top[3]
        if key in held:
            raise _Decline  # the composer reports a duplicate key
        tag = tags.get(key)
        if tag is None:
            tag = tags[key] = _resolve(key)
        after = here + column + len(key)
        # Made without calling Node (its __init__ costs twice these stores): one a line.
        name = new(Node)
        name.kind, name.tag, name.line, name.column = "scalar", tag, number, column + 1
        name.end_line, name.start, name.end, name.text = number, after - len(key), after, key
        name.style, name.items, name.entries = None, _NO_ITEMS, _NO_ENTRIES
        count += 1
        if value is None:
            pending = (name, after + 1, column + len(key) + 2)
            continue
        if quoted:
            # The common case inline (a text in double quotes): one call less per line.
            node = new(Node)
            node.kind, node.tag, node.line, node.column = "scalar", STR, number, pos + 1
            node.end_line, node.start, node.end = number, here + pos, here + size
            node.text, node.style = line[pos + 1 : size - 1], '"'
            node.items, node.entries = _NO_ITEMS, _NO_ENTRIES
            count += 1
            held[key] = (name, node)
            strings.append(node)
            continue
        node = _value(value, pos, number, here, tags)
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
        raise _Decline
    for open_ in stack:
        open_[0].end = len(text)
    return root, strings


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


def _resolve(value: str) -> str:
    tag = implicit_tag(value)
    if tag not in _PLAIN:
        raise _Decline  # `<<` or `=`: the composer reports its tag
    return tag


def _value(value: str, column: int, number: int, here: int, tags: dict[str, str]) -> Node:
    """The node of a one-line value written at `column` (0-based) of line `number`."""
    start = here + column
    first = value[0]
    if first == '"':
        text = value[1:-1]
        if "\\" in text:
            text = _unescape(text)
        return Node("scalar", STR, number, column + 1, number, start, start + len(value), text, '"')
    if first == "'":
        text = value[1:-1].replace("''", "'")
        return Node("scalar", STR, number, column + 1, number, start, start + len(value), text, "'")
    if first == "[":
        return _flow(value, column, number, here, tags)
    tag = tags.get(value)
    if tag is None:
        tag = tags[value] = _resolve(value)
    node = _new(Node)  # an id, a date ...: stores, not Node's __init__ (see _read)
    node.kind, node.tag, node.line, node.column = "scalar", tag, number, column + 1
    node.end_line, node.start, node.end, node.text = number, start, start + len(value), value
    node.style, node.items, node.entries = None, _NO_ITEMS, _NO_ENTRIES
    return node


def _raw_value(line: str, pos: int) -> str:
    """The value as written from `pos` (quotes and brackets included), what follows it
    being nothing, or spaces and perhaps a comment."""
    first = line[pos]
    if first == '"':
        end = line.find('"', pos + 1) + 1
        if end and line.find("\\", pos, end) >= 0:
            found = re.compile(_DOUBLE).match(line, pos)  # an escape, perhaps of a quote
            end = found.end() if found else 0
    elif first == "'":
        found = re.compile(_SINGLE).match(line, pos)
        end = found.end() if found else 0
    elif first == "[":
        end = line.find("]", pos) + 1
    else:
        if first in _INDICATORS or (first == "-" and line[pos + 1 : pos + 2] in ("", " ")):
            raise _Decline
        end = line.find(" #", pos)
        value = line[pos : end if end >= 0 else len(line)].rstrip(" ")
        if ":" in value and (": " in value or value[-1] == ":"):
            raise _Decline  # `key: a: b` is no value but an error
        return value
    if not end or (end != len(line) and not re.compile(_TAIL).match(line, end)):
        raise _Decline
    return line[pos:end]


def _unescape(text: str) -> str:
    out = []
    at = 0
    for found in re.finditer(_ESCAPE, text):
        if found.start() != at and "\\" in text[at : found.start()]:
            raise _Decline
        out.append(text[at : found.start()])
        single, code = found[1], found[2] or found[3] or found[4]
        if single is not None:
            out.append(_ESCAPES[single])
        else:
            value = int(code, 16)
            if 0xD800 <= value <= 0xDFFF or value > 0x10FFFF:
                raise _Decline
            out.append(chr(value))
        at = found.end()
    if "\\" in text[at:]:
        raise _Decline
    out.append(text[at:])
    return "".join(out)


def _flow(value: str, column: int, number: int, here: int, tags: dict[str, str]) -> Node:
    """`[a, 2, "b", أ]`, its items word-like, Arabic or quoted without escapes."""
    start = here + column
    node = _new(Node)  # stores, not Node's __init__ (see _read)
    node.kind, node.tag, node.line, node.column = "seq", _SEQ, number, column + 1
    node.end_line, node.start, node.end, node.text = number, start, start + len(value), ""
    node.style, node.items, node.entries = None, [], _NO_ENTRIES
    items = node.items
    inside = value[1:-1]
    # The common case first: `[40]`, `[44, 67]`, `[ar, en]` (Latin letters and digits).
    start = column + 1
    for part in inside.split(", "):
        if not (part.isalnum() and part.isascii()):
            items.clear()
            break
        tag = tags.get(part)
        if tag is None:
            tag = tags[part] = _resolve(part)
        item = _new(Node)
        item.kind, item.tag, item.line, item.column = "scalar", tag, number, start + 1
        item.end_line, item.start, item.end = number, here + start, here + start + len(part)
        item.text, item.style, item.items, item.entries = part, None, _NO_ITEMS, _NO_ENTRIES
        items.append(item)
        start += len(part) + 2
    else:
        return node
    if inside.strip(" "):
        at = 0
        base = column + 1
        for found in re.finditer(_FLOW_ITEM, inside):
            if found.start() != at or at == len(inside):
                raise _Decline
            at = found.end()
            plain, double, single = found.group(1, 2, 3)
            if plain is not None:
                start = base + found.start(1)
                tag = tags.get(plain)
                if tag is None:
                    tag = tags[plain] = _resolve(plain)
                item = Node("scalar", tag, number, start + 1, number, here + start,
                            here + start + len(plain), plain)  # fmt: skip
            elif double is not None:
                start = base + found.start(2) - 1
                item = Node("scalar", STR, number, start + 1, number, here + start,
                            here + start + len(double) + 2, double, '"')  # fmt: skip
            else:
                start = base + found.start(3) - 1
                item = Node("scalar", STR, number, start + 1, number, here + start,
                            here + start + len(single) + 2, single, "'")  # fmt: skip
            items.append(item)
        if at != len(inside) or not found.group(4) == "":
            raise _Decline
    return node
