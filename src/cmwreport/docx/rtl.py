"""Right-to-left WordprocessingML properties, written in the order the schema requires.

Word refuses (or silently repairs) property elements out of schema order, so every
property container is built by `ordered()`, which sorts children by the sequence
ECMA-376 declares for it. Alignment is logical: in a `w:bidi` paragraph `left`
(or no `w:jc`) is the right-hand edge, and `right`/`end` would put Arabic text on
the left, so `jc()` refuses them there.
"""

from __future__ import annotations

import copy
import re

from lxml import etree

from cmwreport.docx.xml import el, etree_localname, text_element, w

W_BIDI = w("bidi")

#: Schema sequences (ECMA-376 Part 1, transitional) of the containers we write.
ORDER: dict[str, tuple[str, ...]] = {
    "pPr": (
        "pStyle keepNext keepLines pageBreakBefore framePr widowControl numPr "
        "suppressLineNumbers pBdr shd tabs suppressAutoHyphens kinsoku wordWrap "
        "overflowPunct topLinePunct autoSpaceDE autoSpaceDN bidi adjustRightInd "
        "snapToGrid spacing ind contextualSpacing mirrorIndents suppressOverlap jc "
        "textDirection textAlignment textboxTightWrap outlineLvl divId cnfStyle rPr "
        "sectPr pPrChange"
    ).split(),
    "rPr": (
        "rStyle rFonts b bCs i iCs caps smallCaps strike dstrike outline shadow emboss "
        "imprint noProof snapToGrid vanish webHidden color spacing w kern position sz "
        "szCs highlight u effect bdr shd fitText vertAlign rtl cs em lang "
        "eastAsianLayout specVanish oMath"
    ).split(),
    "tblPr": (
        "tblStyle tblpPr tblOverlap bidiVisual tblStyleRowBandSize tblStyleColBandSize "
        "tblW jc tblCellSpacing tblInd tblBorders shd tblLayout tblCellMar tblLook "
        "tblCaption tblDescription"
    ).split(),
    "tcPr": (
        "cnfStyle tcW gridSpan hMerge vMerge tcBorders shd noWrap tcMar textDirection "
        "tcFitText vAlign hideMark"
    ).split(),
    "sectPr": (
        "headerReference footerReference footnotePr endnotePr type pgSz pgMar paperSrc "
        "pgBorders lnNumType pgNumType cols formProt vAlign noEndnote titlePg "
        "textDirection bidi rtlGutter docGrid printerSettings"
    ).split(),
    "style": (
        "name aliases basedOn next link autoRedefine hidden uiPriority semiHidden "
        "unhideWhenUsed qFormat locked personal personalCompose personalReply rsid pPr "
        "rPr tblPr trPr tcPr tblStylePr"
    ).split(),
    "lvl": (
        "start numFmt lvlRestart pStyle isLgl suff lvlText lvlPicBulletId legacy lvlJc pPr rPr"
    ).split(),
    "tblBorders": "top left start bottom right end insideH insideV".split(),
    "tcBorders": "top left start bottom right end insideH insideV tl2br tr2bl".split(),
}

#: Language of Arabic runs (`w:lang/@w:bidi`): Moroccan Arabic.
LANG_BIDI = "ar-MA"


def ordered(tag: str, children: list[etree._Element]) -> etree._Element:
    order = ORDER[tag]
    node = el(tag)
    for child in sorted(children, key=lambda c: order.index(etree_localname(c))):
        node.append(child)
    return node


def on(tag: str, value: bool = True) -> etree._Element:
    """A toggle property; `value=False` writes `w:val="0"` to switch off an inherited one."""
    return el(tag) if value else el(tag, {"val": "0"})


def jc(value: str, *, bidi: bool) -> etree._Element:
    if bidi and value in ("right", "end"):
        raise ValueError(f"jc={value!r} on a right-to-left paragraph puts the text on the left")
    return el("jc", {"val": value})


def fonts(name: str) -> etree._Element:
    """One font for Latin, Arabic (complex script) and East Asian text."""
    return el("rFonts", {"ascii": name, "hAnsi": name, "cs": name, "eastAsia": name})


def size(half_points: int) -> list[etree._Element]:
    """`w:sz` with its complex-script twin: Arabic text takes only `w:szCs`."""
    return [el("sz", {"val": str(half_points)}), el("szCs", {"val": str(half_points)})]


def bold() -> list[etree._Element]:
    return [el("b"), el("bCs")]


def italic() -> list[etree._Element]:
    return [el("i"), el("iCs")]


def arabic_run_props(cs_font: str | None = None) -> list[etree._Element]:
    """`w:rtl`, the Arabic language and, when given, the complex-script font.

    The font is the template's own (its default complex-script font), so a drafting
    office that changes it in the template and rebuilds gets generated text in it too.
    """
    props = [el("rtl"), el("lang", {"bidi": LANG_BIDI})]
    if cs_font:
        props.append(el("rFonts", {"cs": cs_font}))
    return props


# A stretch of Latin script (a UN symbol such as CMW/C/MAR/CO/1, a name in Latin
# letters) inside Arabic text. Word itself keeps such text in runs without `w:rtl`;
# with `w:rtl` Word treats the digits and slashes as right-to-left and may reorder them.
# A template slot `{{ name }}` is kept whole, in one left-to-right run, so that a
# drafter reads it as written and Word's spell-checker leaves it in one piece.
_LATIN = re.compile(r"\{\{[^{}]*\}\}|[A-Za-z][A-Za-z0-9/._\-]*[A-Za-z0-9]|[A-Za-z]")


def split_scripts(text: str) -> list[tuple[str, bool]]:
    """(segment, is_rtl) pieces of a paragraph's text, in logical order."""
    pieces: list[tuple[str, bool]] = []
    pos = 0
    for match in _LATIN.finditer(text):
        if match.start() > pos:
            pieces.append((text[pos : match.start()], True))
        pieces.append((match.group(), False))
        pos = match.end()
    if pos < len(text):
        pieces.append((text[pos:], True))
    return pieces


def set_direction(rpr_children: list[etree._Element], is_rtl: bool) -> list[etree._Element]:
    """A run's properties with its direction set for its script, the rest kept."""
    kept = [c for c in rpr_children if etree_localname(c) != "rtl"]
    if not is_rtl:
        return kept
    lang = next((c for c in kept if etree_localname(c) == "lang"), None)
    if lang is None:
        kept.append(el("lang", {"bidi": LANG_BIDI}))
    elif lang.get(W_BIDI) is None:
        lang.set(W_BIDI, LANG_BIDI)
    return [*kept, el("rtl")]


def run(
    text: str,
    *,
    rtl: bool,
    extra: list[etree._Element] | None = None,
    cs_font: str | None = None,
) -> etree._Element:
    # Copies: an lxml element appended to a second run would leave the first.
    props = [copy.deepcopy(e) for e in extra or ()]
    if rtl:
        props += arabic_run_props(cs_font)
    r = el("r")
    if props:
        r.append(ordered("rPr", props))
    r.append(text_element("t", text))
    return r
