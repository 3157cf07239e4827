"""Changing the text of an existing paragraph while keeping its formatting.

Used by `absorb` to take a reviewer's rewording home into the template: only the
characters that changed are touched, in the run where the change starts, so the
paragraph's properties, its other runs (bold, fonts, direction), its bookmarks and
fields stay as they were. The text is the one model every reader shares
(`text.atoms`): a change that would touch a tab, a break, a field or a picture, or
bring one, is refused, never written as text.
"""

from __future__ import annotations

import copy

from lxml import etree

from cmwreport.docx import wordml as n
from cmwreport.docx.runs import atom_offsets, text_children
from cmwreport.docx.text import paragraph_text
from cmwreport.docx.xml import w

_FLD_CHAR_TYPE = w("fldCharType")
#: Characters a reviewer's text may hold that are run children of their own, not text.
_NOT_TEXT = ("\t", "\n")


def plain_text(p: etree._Element) -> str:
    return paragraph_text(p)


def replace_text(p: etree._Element, new: str) -> bool:
    """Make the paragraph's text `new`, editing only the changed middle, in its w:t
    elements. False, the paragraph unchanged, when the change cannot be made there."""
    found = list(atom_offsets(p))
    old = "".join(text for _, _, text, _ in found)
    if old == new:
        return True
    prefix = 0
    limit = min(len(old), len(new))
    while prefix < limit and old[prefix] == new[prefix]:
        prefix += 1
    suffix = 0
    while suffix < limit - prefix and old[-1 - suffix] == new[-1 - suffix]:
        suffix += 1
    cut_start, cut_end = prefix, len(old) - suffix
    insert = new[prefix : len(new) - suffix]
    if any(c in insert for c in _NOT_TEXT):
        return False
    in_fields = field_texts(p)
    spans = [(el, start, start + len(text)) for _, el, text, start in found]

    def is_text(el) -> bool:
        return el.tag == n.T and el not in in_fields

    if any(not is_text(el) and a < cut_end and cut_start < b for el, a, b in spans):
        return False
    # The text element where the change starts takes the inserted text, in its own
    # formatting; an insertion between two atoms goes into the text one.
    host = next((el for el, a, b in spans if a <= cut_start < b and is_text(el)), None)
    if host is None and cut_start == cut_end:
        host = next((el for el, _a, b in spans if b == cut_start and is_text(el)), None)
    if host is None:
        return False
    for el, a, b in spans:
        if not is_text(el):
            continue
        text = el.text or ""
        lo, hi = max(a, cut_start), min(b, cut_end)
        if el is host:
            at = cut_start - a
            _set(el, text[:at] + insert + text[at + max(hi - lo, 0) :])
        elif lo < hi:
            _set(el, text[: lo - a] + text[hi - a :])
    return True


def field_texts(p: etree._Element) -> set:
    """The w:t elements of a paragraph that show a field's result: Word recomputes them."""
    out = set()
    for simple in p.iter(n.FLD_SIMPLE):
        out.update(simple.iter(n.T))
    depth = 0
    for el in p.iter(n.FLD_CHAR, n.T):
        if el.tag == n.FLD_CHAR:
            kind = el.get(_FLD_CHAR_TYPE)
            depth += 1 if kind == "begin" else -1 if kind == "end" and depth else 0
        elif depth:
            out.add(el)
    return out


def set_text_like(p: etree._Element, text: str) -> None:
    """Make a copied paragraph hold just `text`, in the formatting of its first run."""
    first = None
    for run in list(p.iter(n.R)):
        if first is None:
            first = run
        for child in [c for c in run if c.tag in (n.T, n.TAB, n.BR, n.CR)]:
            run.remove(child)
        if run is not first and all(c.tag == n.RPR for c in run):
            run.getparent().remove(run)
    if first is None:
        first = etree.SubElement(p, n.R)
    first.extend(text_children(text))


def clone(p: etree._Element) -> etree._Element:
    new = copy.deepcopy(p)
    for bm in list(new.iter(n.BOOKMARK_START, n.BOOKMARK_END)):
        bm.getparent().remove(bm)
    return new


def _set(t: etree._Element, text: str) -> None:
    t.text = text
    if text != text.strip() or "  " in text:
        t.set(n.XML_SPACE, "preserve")
