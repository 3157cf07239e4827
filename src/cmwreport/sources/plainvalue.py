"""One-line values of the YAML drafters write, for `plainyaml`: a value as written on
its line (quotes and brackets included), and its node (a plain, quoted or flow value).
Anything outside the subset, or in doubt, raises Decline: PyYAML reads the file.
"""

from __future__ import annotations

import re

from cmwreport.sources.compose import _NO_ENTRIES, _NO_ITEMS, STR, Node
from cmwreport.sources.resolve import implicit_tag

_SEQ = "tag:yaml.org,2002:seq"
_NULL = "tag:yaml.org,2002:null"

#: The tags the composer accepts without a diagnostic (`<<` and `=` resolve to others).
_PLAIN = {STR, "tag:yaml.org,2002:int", "tag:yaml.org,2002:float", "tag:yaml.org,2002:bool",
          _NULL, "tag:yaml.org,2002:timestamp"}  # fmt: skip


class Decline(Exception):
    """Outside the subset, or in doubt: PyYAML reads the file."""


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


#: A Node made by storing its eleven fields, for the nodes of which a file has one a
#: line: its __init__, called, costs twice as much.
new = object.__new__


def resolve(value: str) -> str:
    tag = implicit_tag(value)
    if tag not in _PLAIN:
        raise Decline  # `<<` or `=`: the composer reports its tag
    return tag


def value_node(value: str, column: int, number: int, here: int, tags: dict[str, str]) -> Node:
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
        tag = tags[value] = resolve(value)
    node = new(Node)  # an id, a date ...: stores, not Node's __init__ (see plainyaml._read)
    node.kind, node.tag = "scalar", tag
    node.line, node.column = number, column + 1
    node.end_line, node.start = number, start
    node.end, node.text = start + len(value), value
    node.style, node.items, node.entries = None, _NO_ITEMS, _NO_ENTRIES
    return node


def raw_value(line: str, pos: int) -> str:
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
            raise Decline
        end = line.find(" #", pos)
        value = line[pos : end if end >= 0 else len(line)].rstrip(" ")
        if ":" in value and (": " in value or value[-1] == ":"):
            raise Decline  # `key: a: b` is no value but an error
        return value
    if not end or (end != len(line) and not re.compile(_TAIL).match(line, end)):
        raise Decline
    return line[pos:end]


def _unescape(text: str) -> str:
    out = []
    at = 0
    for found in re.finditer(_ESCAPE, text):
        if found.start() != at and "\\" in text[at : found.start()]:
            raise Decline
        out.append(text[at : found.start()])
        single, code = found[1], found[2] or found[3] or found[4]
        if single is not None:
            out.append(_ESCAPES[single])
        else:
            value = int(code, 16)
            if 0xD800 <= value <= 0xDFFF or value > 0x10FFFF:
                raise Decline
            out.append(chr(value))
        at = found.end()
    if "\\" in text[at:]:
        raise Decline
    out.append(text[at:])
    return "".join(out)


def _flow(value: str, column: int, number: int, here: int, tags: dict[str, str]) -> Node:
    """`[a, 2, "b", أ]`, its items word-like, Arabic or quoted without escapes."""
    start = here + column
    node = new(Node)  # stores, not Node's __init__ (see plainyaml._read)
    node.kind, node.tag = "seq", _SEQ
    node.line, node.column = number, column + 1
    node.end_line, node.start = number, start
    node.end, node.text = start + len(value), ""
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
            tag = tags[part] = resolve(part)
        item = new(Node)
        item.kind, item.tag = "scalar", tag
        item.line, item.column = number, start + 1
        item.end_line, item.start, item.end = number, here + start, here + start + len(part)
        item.text, item.style = part, None
        item.items, item.entries = _NO_ITEMS, _NO_ENTRIES
        items.append(item)
        start += len(part) + 2
    else:
        return node
    if inside.strip(" "):
        at = 0
        base = column + 1
        for found in re.finditer(_FLOW_ITEM, inside):
            if found.start() != at or at == len(inside):
                raise Decline
            at = found.end()
            plain, double, single = found.group(1, 2, 3)
            if plain is not None:
                start = base + found.start(1)
                tag = tags.get(plain)
                if tag is None:
                    tag = tags[plain] = resolve(plain)
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
            raise Decline
    return node
