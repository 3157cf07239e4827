"""Changing the text of an existing paragraph while keeping its formatting.

Used by `absorb` to take a reviewer's rewording home into the template: only the
characters that changed are touched, in the run where the change starts, so the
paragraph's properties, its other runs (bold, fonts, direction), its bookmarks and
fields stay as they were.
"""

from __future__ import annotations

import copy

from lxml import etree

from cmwreport.docx.xml import XML_NS, w

_T = w("t")
_P = w("p")
_PRESERVE = f"{{{XML_NS}}}space"


def texts(p: etree._Element) -> list[etree._Element]:
    """The w:t elements of a paragraph, in reading order (not those of nested paragraphs)."""
    return [t for t in p.iter(_T) if _owner(t) is p]


def plain_text(p: etree._Element) -> str:
    return "".join(t.text or "" for t in texts(p))


def replace_text(p: etree._Element, new: str) -> bool:
    """Make the paragraph's text `new`, editing only the changed middle. False if the
    paragraph has no text element to carry the change."""
    ts = texts(p)
    if not ts:
        return False
    old = "".join(t.text or "" for t in ts)
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
    spans = []
    offset = 0
    for t in ts:
        length = len(t.text or "")
        spans.append((t, offset, offset + length))
        offset += length
    # The run where the change starts takes the inserted text, in its own formatting.
    host = next(
        (i for i, (_t, a, b) in enumerate(spans) if a <= cut_start < b),
        max(i for i, (_t, a, _b) in enumerate(spans) if a <= cut_start),
    )
    for i, (t, a, b) in enumerate(spans):
        text = t.text or ""
        lo, hi = max(a, cut_start), min(b, cut_end)
        if i == host:
            at = cut_start - a
            removed = max(hi - lo, 0)
            _set(t, text[:at] + insert + text[at + removed :])
        elif lo < hi:
            _set(t, text[: lo - a] + text[hi - a :])
    return True


def set_text_like(p: etree._Element, text: str) -> None:
    """Make a copied paragraph hold just `text`, in the formatting of its first run."""
    ts = texts(p)
    for t in ts[1:]:
        run = t.getparent()
        run.remove(t)
        if run.tag == w("r") and len([c for c in run if c.tag != w("rPr")]) == 0:
            run.getparent().remove(run)
    if ts:
        _set(ts[0], text)
    else:
        run = etree.SubElement(p, w("r"))
        t = etree.SubElement(run, _T)
        _set(t, text)


def clone(p: etree._Element) -> etree._Element:
    new = copy.deepcopy(p)
    for bm in list(new.iter(w("bookmarkStart"), w("bookmarkEnd"))):
        bm.getparent().remove(bm)
    return new


def _set(t: etree._Element, text: str) -> None:
    t.text = text
    if text != text.strip() or "  " in text:
        t.set(_PRESERVE, "preserve")


def _owner(el: etree._Element) -> etree._Element | None:
    parent = el.getparent()
    while parent is not None and parent.tag != _P:
        parent = parent.getparent()
    return parent
