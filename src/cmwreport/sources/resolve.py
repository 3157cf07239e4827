"""The tag PyYAML's SafeLoader gives a plain scalar, without importing PyYAML.

Its implicit resolvers (PyYAML's resolver.py, MIT licence), copied in its order: a plain
scalar's tag is that of the first whose regex matches, among those listed for its first
character; none, a string. `yes`/`no`/`on`/`off` are booleans, `0o17`... is not an
integer but `017` is, `1:30` is the integer 90 (base 60), `2002-12-14` a timestamp.
"""

from __future__ import annotations

import re

__all__ = ["implicit_tag"]

STR = "tag:yaml.org,2002:str"

_RESOLVERS = (
    (
        "tag:yaml.org,2002:bool",
        r"""^(?:yes|Yes|YES|no|No|NO
            |true|True|TRUE|false|False|FALSE
            |on|On|ON|off|Off|OFF)$""",
        "yYnNtTfFoO",
    ),
    (
        "tag:yaml.org,2002:float",
        r"""^(?:[-+]?(?:[0-9][0-9_]*)\.[0-9_]*(?:[eE][-+][0-9]+)?
            |\.[0-9][0-9_]*(?:[eE][-+][0-9]+)?
            |[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+\.[0-9_]*
            |[-+]?\.(?:inf|Inf|INF)
            |\.(?:nan|NaN|NAN))$""",
        "-+0123456789.",
    ),
    (
        "tag:yaml.org,2002:int",
        r"""^(?:[-+]?0b[0-1_]+
            |[-+]?0[0-7_]+
            |[-+]?(?:0|[1-9][0-9_]*)
            |[-+]?0x[0-9a-fA-F_]+
            |[-+]?[1-9][0-9_]*(?::[0-5]?[0-9])+)$""",
        "-+0123456789",
    ),
    ("tag:yaml.org,2002:merge", r"^(?:<<)$", "<"),
    (
        "tag:yaml.org,2002:null",
        r"""^(?: ~
            |null|Null|NULL
            | )$""",
        "~nN",
    ),
    (
        "tag:yaml.org,2002:timestamp",
        r"""^(?:[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]
            |[0-9][0-9][0-9][0-9] -[0-9][0-9]? -[0-9][0-9]?
             (?:[Tt]|[ \t]+)[0-9][0-9]?
             :[0-9][0-9] :[0-9][0-9] (?:\.[0-9]*)?
             (?:[ \t]*(?:Z|[-+][0-9][0-9]?(?::[0-9][0-9])?))?)$""",
        "0123456789",
    ),
    ("tag:yaml.org,2002:value", r"^(?:=)$", "="),
)
#: first character -> the resolvers to try, by index in _RESOLVERS
_BY_FIRST: dict[str, list[int]] = {}
for _index, (_tag, _pattern, _first) in enumerate(_RESOLVERS):
    for _char in _first:
        _BY_FIRST.setdefault(_char, []).append(_index)
#: Compiled on first use: most files need two or three of the seven.
_COMPILED: dict[int, re.Pattern] = {}


_FLOAT, _INT = 1, 2
_INT_TAG = _RESOLVERS[_INT][0]


#: The resolvers that match whole words (bool, null, merge, value), as the words: their
#: first characters start no other resolver's values, so a dictionary says it.
_WORDS = {
    **dict.fromkeys("yes Yes YES no No NO true True TRUE false False FALSE on On ON off Off OFF"
                    .split(), _RESOLVERS[0][0]),
    **dict.fromkeys(["~", "null", "Null", "NULL"], _RESOLVERS[4][0]),
    "<<": _RESOLVERS[3][0],
    "=": _RESOLVERS[6][0],
}  # fmt: skip
_WORD_FIRST = frozenset("yYnNtTfFoO~<=")
_TIMESTAMP_TAG = _RESOLVERS[5][0]


def implicit_tag(value: str) -> str:
    """The tag of a plain scalar `value` (a non-empty one-line text)."""
    if value.isdigit() and value.isascii() and (value[0] != "0" or len(value) == 1):
        return _INT_TAG  # 2024, 40: an integer whatever the patterns (not compiled)
    first = value[0]
    if first in _WORD_FIRST and value[-1] != "\n":  # `$` matches before a final newline
        return _WORDS.get(value, STR)  # keys (title, notes, order ...): no pattern compiled
    if (
        len(value) == 10
        and value[4] == value[7] == "-"
        and value.isascii()
        and (value[:4] + value[5:7] + value[8:]).isdigit()
    ):
        return _TIMESTAMP_TAG  # 2022-09-23: no float (no `.`), no integer (a `-` inside)
    for index in _BY_FIRST.get(first, ()):
        # Each float needs a `.`; an integer has a sign only at its start and no
        # other `-` (2024-01-01): the patterns that cannot match are not compiled.
        if index == _FLOAT and "." not in value:
            continue
        if index == _INT and "-" in value[1:]:
            continue
        regex = _COMPILED.get(index)
        if regex is None:
            regex = _COMPILED[index] = re.compile(_RESOLVERS[index][1], re.X)
        if regex.match(value):
            return _RESOLVERS[index][0]
    return STR
