"""Room for list labels: each list level's hanging indent sized to the widest label
the document prints at that level.

A label is centred in its hanging indent (styles.toml says why: Word mirrors a left-
or right-aligned label in a right-to-left paragraph, LibreOffice does not). Centred
in a fixed half centimetre, "100-" ran out into the margin and "(هـ)" came within
2 pt of the text. So, once the labels are known, every level of the document's
lists is widened where its widest label needs it: the label's centre moved in so
that the whole label stands inside the text block (after the text of the level
above), and the text moved so that at least GAP separates it from the label. A
level never narrows: a drafting office's wider indents stay.

Widths are estimated from the characters, in ems of the paragraph font (Amiri's
advances, measured on LibreOffice's PDF: a digit 0.53 em, "-" 0.37 em), rounded up so
that another font of the same size still fits.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable

from lxml import etree

from cmwreport.docx.order import place
from cmwreport.docx.styles import Styles
from cmwreport.docx.xml import el, w

#: Space between a label and its text, at least (twentieths of a point): 7 pt.
GAP = 140
#: Estimated advance of a character, in ems; anything not listed (Arabic letters, the
#: kashida of هـ) counts as the widest of them.
_EM = {**dict.fromkeys("0123456789", 0.56), "-": 0.4, "(": 0.36, ")": 0.36, ".": 0.3,
       "’": 0.3, "‘": 0.3, " ": 0.25}  # fmt: skip
_OTHER = 0.75
_PLACEHOLDER = re.compile(r"%\d")


def label_width(label: str, half_points: int) -> int:
    """Twentieths of a point a label takes at a font size given in half-points."""
    ems = sum(_EM.get(ch, _OTHER) for ch in label)
    return round(ems * half_points * 10)


def _size(styles: Styles) -> int:
    try:
        return int(styles.default_size() or 26)
    except ValueError:
        return 26


def _geometry(level: etree._Element) -> tuple[int, int] | None:
    """(text indent, label centre) of a list level, in twentieths of a point."""
    ind = level.find(f"{w('pPr')}/{w('ind')}")
    if ind is None:
        return None
    try:
        left = int(ind.get(w("left")) or ind.get(w("start")) or "0")
        hanging = int(ind.get(w("hanging")) or "0")
    except ValueError:
        return None
    return left, left - hanging


def _set_geometry(level: etree._Element, left: int, centre: int) -> None:
    ppr = level.find(w("pPr"))
    ind = ppr.find(w("ind"))
    ind.set(w("start") if ind.get(w("start")) is not None else w("left"), str(left))
    ind.set(w("hanging"), str(left - centre))
    for name in ("firstLine",):
        if ind.get(w(name)) is not None:
            del ind.attrib[w(name)]
    tabs = ppr.find(w("tabs"))
    number_tab = None if tabs is None else tabs.find(f"{w('tab')}[@{w('val')}='num']")
    if number_tab is not None:
        number_tab.set(w("pos"), str(left))
    elif tabs is None:
        place(ppr, el("tabs", None, el("tab", {"val": "num", "pos": str(left)})))


def widen(
    numbering: etree._Element | None,
    styles: Styles,
    counted: Iterable[tuple[str, str, int]],
    printed: Iterable[tuple[str, str, str]] = (),
) -> None:
    """Size every list level of `numbering` to its widest label.

    `counted`: (abstractNumId, ilvl, highest number) for levels numbered automatically
    (paragraph numbers); `printed`: (abstractNumId, ilvl, label) for the labels the
    build gave sub-paragraphs; literal labels are also read from the levels' own
    `w:lvlText`.
    """
    if numbering is None:
        return
    size = _size(styles)
    widest: Counter[tuple[str, str]] = Counter()
    for abstract_id, ilvl, highest in counted:
        level = numbering.find(
            f"{w('abstractNum')}[@{w('abstractNumId')}='{abstract_id}']/{w('lvl')}[@{w('ilvl')}='{ilvl}']"
        )
        text = level.find(w("lvlText")) if level is not None else None
        if text is not None:
            label = _PLACEHOLDER.sub(str(highest), text.get(w("val"), ""))
            key = (abstract_id, ilvl)
            widest[key] = max(widest[key], label_width(label, size))
    for abstract_id, ilvl, label in printed:
        widest[(abstract_id, ilvl)] = max(widest[(abstract_id, ilvl)], label_width(label, size))
    levels: dict[tuple[str, str], list[etree._Element]] = {}
    for abstract in numbering.iter(w("abstractNum")):
        for level in abstract.findall(w("lvl")):
            levels.setdefault((abstract.get(w("abstractNumId")), level.get(w("ilvl"))), []).append(
                level
            )
    for num in numbering.iter(w("num")):
        abstract = num.find(w("abstractNumId"))
        if abstract is None:
            continue
        for override in num.iter(w("lvlOverride")):
            for level in override.findall(w("lvl")):
                key = (abstract.get(w("val")), level.get(w("ilvl")))
                levels.setdefault(key, []).append(level)
                text = level.find(w("lvlText"))
                fmt = level.find(w("numFmt"))
                if text is not None and fmt is not None and fmt.get(w("val")) == "none":
                    widest[key] = max(widest[key], label_width(text.get(w("val"), ""), size))
    by_list: dict[str, list[str]] = {}
    for abstract_id, ilvl in levels:
        by_list.setdefault(abstract_id, []).append(ilvl)
    for abstract_id, ilvls in by_list.items():
        start = 0
        for ilvl in sorted(set(ilvls), key=lambda v: int(v) if v.isdigit() else 0):
            group = levels[(abstract_id, ilvl)]
            geometry = _geometry(group[0])
            if geometry is None:
                continue
            left, centre = geometry
            need = widest.get((abstract_id, ilvl), 0)
            if need:
                centre = max(centre, start + (need + 1) // 2)
                left = max(left, centre + (need + 1) // 2 + GAP)
                for level in group:
                    if _geometry(level) is not None:
                        _set_geometry(level, left, centre)
            start = left
