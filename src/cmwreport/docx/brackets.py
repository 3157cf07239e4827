"""Brackets kept with the UN symbol they enclose, so that no line ends with "(".

In a right-to-left paragraph the "(" of "(CMW/C/MAR/QPR/2)" resolves right to left
and the symbol left to right. LibreOffice lays out a stretch of the other direction
as a portion of its own and, when it does not fit on the line, may always break at
its start (sw/source/core/text/txtguess.cxx: "we want to allow line breaks at the
border between single line and multi line portion"), whatever the line-breaking
rules say and whatever joiner (U+2060) stands there: the "(" stays alone at the end
of the line. Measured on LibreOffice 7.4 (tests/build/test_brackets.py).

When the brackets enclose the symbol alone, they can go into the symbol's
left-to-right stretch: the symbol's run becomes LRM "(" symbol ")" LRM. The two
LEFT-TO-RIGHT MARKs make the brackets left to right under every version of the
bidi algorithm (Word's, LibreOffice's), so both print "(CMW/C/MAR/QPR/2)" as one
piece, brackets the right way round, and break before or after it, never inside.

A bracket whose content goes on in Arabic, "(CMW/C/MAR/CO/1، الفقرة 53)", must stay
right to left, or it would print on the wrong side of the symbol: no run structure
keeps it with the symbol in LibreOffice (docs/template.md says so).
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from lxml import etree

from cmwreport.docx.xml import W_NS, w

LRM = "\u200e"
#: What a symbol's run may hold for its brackets to join it: Latin script, digits and
#: the punctuation of UN symbols, nothing Arabic.
_SYMBOL = re.compile(r"[A-Za-z][A-Za-z0-9/._\-]*[A-Za-z0-9]")


def _is_rtl(run: etree._Element) -> bool:
    rpr = run.find(w("rPr"))
    if rpr is None:
        return False
    flag = rpr.find(w("rtl"))
    return flag is not None and flag.get(w("val"), "1") not in ("0", "false")


def _only_text(run: etree._Element) -> etree._Element | None:
    """The run's w:t when text is all the run holds, else None."""
    texts = [c for c in run if c.tag != w("rPr")]
    if len(texts) == 1 and texts[0].tag == w("t"):
        return texts[0]
    return None


def _set(t: etree._Element, text: str) -> None:
    t.text = text
    if text != text.strip():
        t.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")


#: The text elements holding a "(" (every one whose text ends with it among them), found
#: by libxml2: reading each text into a Python string to test its last character was
#: most of a bind of the full annex.
_OPENING = etree.XPath(".//w:t[contains(., '(')]", namespaces={"w": W_NS})


def bind_each(nodes: Iterable[etree._Element]) -> int:
    """`bind` under each of `nodes` (paragraphs, tables, ...), in their order."""
    return sum(bind(node) for node in nodes)


def bind(root: etree._Element) -> int:
    """Move "(" and ")" around a lone symbol into its run in every paragraph under
    `root`; returns how many symbols were bound."""
    bound = 0
    run_tag, paragraph_tag = w("r"), w("p")
    # One pass over the text elements: only a text ending with "(" can start one.
    for t_before in _OPENING(root):
        text = t_before.text
        if not text or text[-1] != "(":
            continue
        before = t_before.getparent()
        paragraph = before.getparent()
        if before.tag != run_tag or paragraph is None or paragraph.tag != paragraph_tag:
            continue
        following = before.itersiblings(run_tag)
        symbol, after = next(following, None), next(following, None)
        if symbol is None or after is None:
            continue
        if _is_rtl(symbol) or not (_is_rtl(before) and _is_rtl(after)):
            continue
        t_symbol, t_after = _only_text(symbol), _only_text(after)
        if _only_text(before) is not t_before or t_symbol is None or t_after is None:
            continue
        if not ((t_after.text or "").startswith(")") and _SYMBOL.fullmatch(t_symbol.text or "")):
            continue
        _set(t_before, text[:-1])
        _set(t_symbol, f"{LRM}({t_symbol.text}){LRM}")
        _set(t_after, t_after.text[1:])
        for run, t in ((before, t_before), (after, t_after)):
            if not t.text:
                paragraph.remove(run)
        bound += 1
    return bound


_BOUND = re.compile(LRM + r"\((" + _SYMBOL.pattern + r")\)" + LRM)


def unbind_text(text: str) -> str:
    """The text as written before `bind`: absorb takes reviewers' text home to the
    sources and the template, where the marks do not belong (the next build puts
    them back)."""
    return _BOUND.sub(r"(\1)", text) if LRM in text else text
