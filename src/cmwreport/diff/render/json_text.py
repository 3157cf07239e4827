"""json.dumps(value, ensure_ascii=False, indent=2), without importing json.

Importing json compiles its decoder's regular expressions and builds its scanner: 2% of
a small diff, for a report that only encodes (issue 21). With an indent, json.dumps
encodes in Python anyway (its C encoder has no indent); this is that encoder, for the
values a report holds: dict with str keys, list, tuple, str, int, float, bool, None.
tests/diff/test_json_text.py checks it gives json.dumps's text on every report of the
real corpus and on values built to reach each branch.
"""

from __future__ import annotations

#: What json's encode_basestring escapes: the quote, the backslash and control
#: characters; nothing else (ensure_ascii=False).
_ESCAPES = {i: f"\\u{i:04x}" for i in range(0x20)}
_ESCAPES.update(
    {
        ord("\\"): "\\\\",
        ord('"'): '\\"',
        ord("\b"): "\\b",
        ord("\f"): "\\f",
        ord("\n"): "\\n",
        ord("\r"): "\\r",
        ord("\t"): "\\t",
    }
)


def dumps(value: object) -> str:
    """The text json.dumps(value, ensure_ascii=False, indent=2) returns."""
    parts: list[str] = []
    _encode(value, 0, parts)
    return "".join(parts)


def _string(text: str) -> str:
    # Most texts need no escape: tested in C before translating character by character.
    if text.isprintable() and '"' not in text and "\\" not in text:
        return '"' + text + '"'
    return '"' + text.translate(_ESCAPES) + '"'


def _float(number: float) -> str:
    if number != number:
        return "NaN"
    if number == float("inf"):
        return "Infinity"
    if number == -float("inf"):
        return "-Infinity"
    return float.__repr__(number)


def _key(key: object) -> str:
    if isinstance(key, str):
        return _string(key)
    if isinstance(key, float):
        return '"' + _float(key) + '"'
    if key is True:
        return '"true"'
    if key is False:
        return '"false"'
    if key is None:
        return '"null"'
    if isinstance(key, int):
        return '"' + int.__repr__(key) + '"'
    raise TypeError(f"keys must be str, int, float, bool or None, not {type(key).__name__}")


def _encode(value: object, level: int, parts: list[str]) -> None:
    if isinstance(value, str):
        parts.append(_string(value))
    elif value is None:
        parts.append("null")
    elif value is True:
        parts.append("true")
    elif value is False:
        parts.append("false")
    elif isinstance(value, int):
        parts.append(int.__repr__(value))
    elif isinstance(value, float):
        parts.append(_float(value))
    elif isinstance(value, (list, tuple)):
        if not value:
            parts.append("[]")
            return
        inner = "\n" + "  " * (level + 1)
        parts.append("[" + inner)
        for i, item in enumerate(value):
            if i:
                parts.append("," + inner)
            _encode(item, level + 1, parts)
        parts.append("\n" + "  " * level + "]")
    elif isinstance(value, dict):
        if not value:
            parts.append("{}")
            return
        inner = "\n" + "  " * (level + 1)
        head = "{" + inner
        for key, item in value.items():
            head += (_string(key) if type(key) is str else _key(key)) + ": "
            # Strings, null and integers written here, without a call each: a report's
            # values are mostly these (2,205 renumbered paragraphs on `full`).
            kind = type(item)
            if kind is str:
                parts.append(head + _string(item))
            elif item is None:
                parts.append(head + "null")
            elif kind is int:
                parts.append(head + int.__repr__(item))
            else:
                parts.append(head)
                _encode(item, level + 1, parts)
            head = "," + inner
        parts.append("\n" + "  " * level + "}")
    else:
        raise TypeError(f"Object of type {type(value).__name__} is not JSON serializable")
