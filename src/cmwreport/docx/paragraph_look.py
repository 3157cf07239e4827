"""Effective paragraph formatting: alignment, indentation and spacing once document
defaults, the paragraph style (with the styles it is based on) and direct w:pPr are
applied, in that order.

Compared as values, not as XML: one value is written several ways (w:left or
w:start, w:right or w:end, w:jc "both" or "distribute", a default written out or
left out), and LibreOffice rewrites them on every re-save. Each attribute of w:ind
and w:spacing is inherited on its own, as Word does (ECMA-376 Part 1, 17.3.1.12 and
17.3.1.33); a first-line indent and a hanging one are one value (hanging negative).
"""

from __future__ import annotations

from cmwreport.docx.xml import w

#: The properties compared, in the order they are reported.
PARAGRAPH = (
    "alignment",
    "indent start",
    "indent end",
    "first line",
    "space before",
    "space after",
    "line spacing",
)
#: Word's values where nothing sets one.
_DEFAULT = {
    "alignment": "start",
    "indent start": 0,
    "indent end": 0,
    "first line": 0,
    "space before": 0,
    "space after": 0,
    "line spacing": (240, "auto"),
}
#: w:jc values -> one name per look ("left" and "right" are the transitional names of
#: start and end; "distribute" is read as justified, as LibreOffice writes it back).
_JC = {
    "left": "start",
    "start": "start",
    "right": "end",
    "end": "end",
    "center": "centre",
    "both": "justified",
    "distribute": "justified",
}
_JC_EL, _IND, _SPACING = w("jc"), w("ind"), w("spacing")
_ATTR = {name: w(name) for name in ("start", "left", "end", "right", "firstLine", "hanging")}
_ATTR.update({name: w(name) for name in ("before", "after", "line", "lineRule", "val")})
_ATTR.update({name: w(name) for name in ("beforeAutospacing", "afterAutospacing")})
_OFF = ("0", "false", "off")
_ILVL, _PPR = w("ilvl"), w("pPr")


class _Auto:
    """HTML's automatic spacing (w:beforeAutospacing, w:afterAutospacing). Word lays
    it out from the paragraph's place by rules not modelled here (none before the
    first block, none between list items, none at a cell's ends, else 14 pt), and
    LibreOffice writes the result as a number on a re-save: equal to any spacing, so
    that neither is reported as a change (nor a reviewer's change to it)."""

    def __eq__(self, other: object) -> bool:
        return True

    def __hash__(self) -> int:
        return 0

    def __repr__(self) -> str:
        return "auto"


AUTO = _Auto()


def _twips(value: str | None) -> int | None:
    if value is None:
        return None
    try:
        return round(float(value))
    except ValueError:
        return None


def read_ppr(ppr, out: dict) -> None:
    """Update `out` with what one w:pPr sets (absent attributes left as they were)."""
    if ppr is None:
        return
    jc = ppr.find(_JC_EL)
    if jc is not None:
        value = jc.get(_ATTR["val"])
        out["alignment"] = _JC.get(value or "", value or "start")
    ind = ppr.find(_IND)
    if ind is not None:
        get = ind.get
        for name, attrs in (("indent start", ("start", "left")), ("indent end", ("end", "right"))):
            for attr in attrs:
                value = _twips(get(_ATTR[attr]))
                if value is not None:
                    out[name] = value
                    break
        hanging = _twips(get(_ATTR["hanging"]))
        first = _twips(get(_ATTR["firstLine"]))
        # Hanging wins over a first line given with it (17.3.1.12).
        if hanging is not None:
            out["first line"] = -hanging
        elif first is not None:
            out["first line"] = first
    spacing = ppr.find(_SPACING)
    if spacing is not None:
        get = spacing.get
        for name, attr in (("space before", "before"), ("space after", "after")):
            auto = get(_ATTR[attr + "Autospacing"])
            if auto is not None and auto not in _OFF:
                out[name] = AUTO
                continue
            value = _twips(get(_ATTR[attr]))
            if value is not None:
                out[name] = value
        line, rule = _twips(get(_ATTR["line"])), get(_ATTR["lineRule"])
        if line is None and rule == "auto":
            # A rule without a height is single spacing, as LibreOffice reads it (and
            # writes it back as w:line="240").
            line = 240
        if line is not None:
            out["line spacing"] = (line, rule or "auto")


def list_levels(root) -> dict[tuple[str, str], object]:
    """(numId, ilvl) -> the list level's w:pPr (its indents), from a numbering part:
    the abstract list's level, or the w:num's w:lvlOverride level where it has one."""
    out: dict[tuple[str, str], object] = {}
    if root is None:
        return out
    abstract = {}
    for a in root.iter(w("abstractNum")):
        levels = {lvl.get(_ILVL): lvl.find(_PPR) for lvl in a.iter(w("lvl"))}
        abstract[a.get(w("abstractNumId"))] = levels
    for num in root.iter(w("num")):
        ref = num.find(w("abstractNumId"))
        levels = dict(abstract.get(ref.get(_ATTR["val"]) if ref is not None else None, {}))
        for override in num.iter(w("lvlOverride")):
            lvl = override.find(w("lvl"))
            if lvl is not None and lvl.find(_PPR) is not None:
                levels[override.get(_ILVL)] = lvl.find(_PPR)
        for ilvl, ppr in levels.items():
            if ppr is not None:
                out[(num.get(w("numId")), ilvl)] = ppr
    return out


def effective(layers, direct) -> tuple:
    """The paragraph properties of `layers` (w:pPr, base first: defaults, styles, the
    list level) then `direct`."""
    out = dict(_DEFAULT)
    for layer in layers:
        read_ppr(layer, out)
    read_ppr(direct, out)
    return tuple(out[name] for name in PARAGRAPH)
