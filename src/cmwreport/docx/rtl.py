"""Right-to-left WordprocessingML properties, written in the order the schema requires.

Containers are assembled in schema order by cmwreport.docx.order. Alignment is
logical: in a `w:bidi` paragraph `left` (or no `w:jc`) is the right-hand edge, and
`right`/`end` would put Arabic text on
the left, so `jc()` refuses them there.
"""

from __future__ import annotations

import re

from lxml import etree

from cmwreport.docx.order import ordered
from cmwreport.docx.xml import el, etree_localname, text_element, w

W_BIDI = w("bidi")

#: Language of Arabic runs (`w:lang/@w:bidi`): Moroccan Arabic.
LANG_BIDI = "ar-MA"


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
# Latin words separated only by spaces, digits and punctuation stay in one
# run: under the bidi algorithm such neutrals take the direction of the Latin on both
# sides anyway, and a run per word made a long Latin text tens of thousands of runs.
_WORD = r"(?:[A-Za-z][A-Za-z0-9/._\-]*[A-Za-z0-9]|[A-Za-z])"
_LATIN = re.compile(r"\{\{[^{}]*\}\}|" + _WORD + r"(?:[ ,;:()'\".\-0-9]+" + _WORD + ")*")


#: Every byte but what a Latin stretch or slot starts with ([A-Za-z{]): most paragraphs
#: hold none of those, and are let go after this test rather than the longer search.
_NOT_LATIN_START = bytes(b for b in range(256) if not (65 <= b <= 90 or 97 <= b <= 122 or b == 123))


def one_script(text: str) -> bool:
    """Whether `text` is one right-to-left segment (split_scripts would not split it)."""
    # The ASCII characters kept, less all but [A-Za-z{]: two passes in C, a quarter of
    # a regex search of an Arabic paragraph (the same answer for every code point).
    return not text.encode("ascii", "ignore").translate(None, _NOT_LATIN_START)


def split_scripts(text: str) -> list[tuple[str, bool]]:
    """(segment, is_rtl) pieces of a paragraph's text, in logical order."""
    if one_script(text):
        return [(text, True)] if text else []
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


#: The `w:rPr` of a plain Arabic run, by complex-script font (never appended itself).
_ARABIC_RPR: dict[str | None, etree._Element] = {}


def run(
    text: str,
    *,
    rtl: bool,
    extra: list[etree._Element] | None = None,
    cs_font: str | None = None,
) -> etree._Element:
    r = el("r")
    if rtl and not extra:
        # Most runs: copy the properties built once (a third of the cost of building).
        if cs_font not in _ARABIC_RPR:
            _ARABIC_RPR[cs_font] = ordered("rPr", arabic_run_props(cs_font))
        # __copy__ is lxml's deep copy (what copy.deepcopy calls, without its memo).
        r.append(_ARABIC_RPR[cs_font].__copy__())
    else:
        # Copies: an lxml element appended to a second run would leave the first.
        props = [e.__copy__() for e in extra or ()]
        if rtl:
            props += arabic_run_props(cs_font)
        if props:
            r.append(ordered("rPr", props))
    text_element("t", text, r)
    return r
