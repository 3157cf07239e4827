"""Formatting changes of a block whose text is unchanged, in reviewers' words:
"bold added: «the words»", "size 12 pt -> 14 pt: «...»", "paragraph style: A -> B"."""

from __future__ import annotations

from cmwreport.diff.model import Block
from cmwreport.docx.formatting import PROPERTIES

_SHOWN = 40


def describe(old: Block, new: Block) -> list[str]:
    out: list[str] = []
    for a, b in zip(old.formatting, new.formatting, strict=False):
        if a == b or a is None or b is None:
            continue
        text, style_a, spans_a = a
        _, style_b, spans_b = b
        if style_a != style_b:
            out.append(f"paragraph style: {style_a or 'default'} -> {style_b or 'default'}")
        out.extend(_runs(text, spans_a, spans_b))
    return out


def _runs(text: str, spans_a, spans_b) -> list[str]:
    """One line per property change over a stretch of text."""
    cuts = sorted({0, len(text), *(s for s, _, _ in spans_a), *(s for s, _, _ in spans_b)})
    changes: list[tuple[int, int, str]] = []
    for start, end in zip(cuts, cuts[1:], strict=False):
        a, b = _at(spans_a, start), _at(spans_b, start)
        if a == b or a is None or b is None or not text[start:end].strip():
            continue
        for name, before, after in zip(PROPERTIES, a, b, strict=True):
            if before != after:
                what = _what(name, before, after)
                if changes and changes[-1][2] == what and changes[-1][1] >= start - 1:
                    changes[-1] = (changes[-1][0], end, what)
                else:
                    changes.append((start, end, what))
    out = []
    for start, end, what in changes:
        shown = text[start:end].strip()
        if len(shown) > _SHOWN:
            shown = shown[:_SHOWN] + "…"
        out.append(f"{what}: «{shown}»")
    return out


def _at(spans, at: int):
    for start, end, props in spans:
        if start <= at < end:
            return props
    return None


def _what(name: str, before, after) -> str:
    if isinstance(before, bool) or isinstance(after, bool):
        return f"{name} {'added' if after else 'removed'}"
    if name == "size":
        return f"size {_pt(before)} -> {_pt(after)}"
    return f"{name} {before or 'none'} -> {after or 'none'}"


def _pt(half_points) -> str:
    if half_points is None:
        return "default"
    try:
        value = int(half_points) / 2
    except ValueError:
        return str(half_points)
    return f"{value:g} pt"
