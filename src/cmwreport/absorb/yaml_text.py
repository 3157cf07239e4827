"""YAML text for absorb's splices: how a value is written in a scalar's style, and how
a file's text is composed into nodes with their marks."""

from __future__ import annotations

import yaml

from cmwreport.absorb.errors import YamlEditError
from cmwreport.i18n import _

#: libyaml when present (ten times faster); its marks count characters as PyYAML's do.
_BASE = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class LOADER(_BASE):  # type: ignore[misc,valid-type]
    """Nodes with their marks and styles, no tags: nothing here reads a tag, and
    resolving every plain scalar's is half of composing."""

    def resolve(self, kind, value, implicit):
        return ""


#: What YAML counts as a line break: a splice holding none keeps every line number.
LINE_BREAKS = ("\n", "\r", "\x85", "\u2028", "\u2029")


def compose(text: str, shown: str) -> yaml.Node:
    try:
        node = yaml.compose(text, Loader=LOADER)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark
        where = f"{shown}:{mark.line + 1}:{mark.column + 1}" if mark else shown
        raise YamlEditError(
            _(
                "{where}: YAML syntax: {problem}; run cmwreport validate",
                where=where,
                problem=exc.problem,
            )
        ) from None
    if node is None:
        raise YamlEditError(_("{file}: the file is empty", file=shown))
    return node


def style_of(written: str) -> str | None:
    """The style YAML reads a scalar written by `_scalar` in."""
    first = written[:1]
    return first if first in ("'", '"', "|", ">") else None


def one_line(text: str, node: yaml.ScalarNode) -> bool:
    return "\n" not in text[node.start_mark.index : node.end_mark.index]


def plain_ok(value: str) -> bool:
    if not value or value != value.strip() or "\n" in value:
        return False
    try:
        return yaml.safe_load(f"k: {value}") == {"k": value}
    except yaml.YAMLError:
        return False


#: Line breaks YAML folds in a plain, single-quoted or block value (escaped in "...").
BREAKS = {"\x85": "\\N", "\u2028": "\\L", "\u2029": "\\P"}


def double(value: str) -> str:
    out = ['"']
    for ch in value:
        if ch in BREAKS:
            out.append(BREAKS[ch])
        elif ch == "\\":
            out.append("\\\\")
        elif ch == '"':
            out.append('\\"')
        elif ch == "\n":
            out.append("\\n")
        elif ch == "\t":
            out.append("\\t")
        elif ord(ch) < 0x20:
            out.append(f"\\x{ord(ch):02x}")
        else:
            out.append(ch)
    out.append('"')
    return "".join(out)
