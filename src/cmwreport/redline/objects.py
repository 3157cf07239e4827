"""A paragraph whose words did not change but whose picture, chart, field code, link
target, alternative text or equation did: the old paragraph put back whole as deleted
(its objects and links kept, their parts and relationships copied into the new
package under new ids), the new one marked inserted. Reject All then gives the old
object back, Accept All the new one; Word shows the two paragraphs one above the other.
"""

from __future__ import annotations

from lxml import etree

from cmwreport.docx import wordml as n
from cmwreport.docx.part_copy import PartCopier
from cmwreport.docx.revisions import unwrap
from cmwreport.docx.xml import w

_WP_DOCPR = "{http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing}docPr"
#: Containers of runs a deleted copy may drop (their runs stay, as text).
_UNWRAPPED = (n.SMART_TAG, n.SDT, n.SDT_CONTENT, n.CUSTOM_XML)
_DROPPED = (
    n.BOOKMARK_START,
    n.BOOKMARK_END,
    n.COMMENT_START,
    w("commentRangeEnd"),
    w("commentReference"),
    w("proofErr"),
    w("permStart"),
    w("permEnd"),
    n.FOOTNOTE_REF,
    w("endnoteReference"),
)


def has_math(p) -> bool:
    return next(p.iter(n.O_MATH), None) is not None


class DrawingIds:
    """Fresh drawing ids (wp:docPr/@id) for the copies: unique across the new draft's
    parsed parts."""

    def __init__(self, roots) -> None:
        self.roots = roots
        self._last: int | None = None

    def next(self) -> int:
        if self._last is None:
            self._last = max(
                (
                    int(d.get("id"))
                    for root in self.roots
                    for d in root.iter(_WP_DOCPR)
                    if (d.get("id") or "").isdigit()
                ),
                default=0,
            )
        self._last += 1
        return self._last


def kept_copy(edits, old_p, copier: PartCopier, old_part: str, new_part: str):
    """The old paragraph as deleted, objects, fields, links and equations kept."""
    p = old_p.__copy__()
    edits.fit_properties(p)
    for el in list(p.iter(*_UNWRAPPED, *_DROPPED)):
        if el.getparent() is None:
            continue
        if el.tag in _UNWRAPPED:
            unwrap(el, (w("sdtPr"), w("sdtEndPr"), w("smartTagPr")))
        else:
            el.getparent().remove(el)
    for r in list(p.iter(n.R)):
        for child in r:
            if child.tag == n.T:
                child.tag = n.DEL_TEXT
            elif child.tag == n.INSTR:
                child.tag = n.DEL_INSTR
        if not any(c.tag != n.RPR for c in r):
            r.getparent().remove(r)
    for fld in list(p.iter(n.FLD_SIMPLE)):
        complex_field(fld)
    copier.relink(p, old_part, new_part)
    for docpr in p.iter(_WP_DOCPR):
        docpr.set("id", str(edits.drawings.next()))
    edits.wrap_runs(p, "del")
    mark_math(edits.rev, p, "del")
    edits.rev.paragraph_mark(p, "del")
    return p


def inserted_whole(edits, p) -> None:
    for fld in list(p.iter(n.FLD_SIMPLE)):
        complex_field(fld)
    edits.wrap_runs(p, "ins")
    mark_math(edits.rev, p, "ins")
    edits.rev.paragraph_mark(p, "ins")


def mark_math(rev, p, tag: str) -> None:
    """Every equation's content in one w:ins or w:del (allowed in m:oMath by the
    schema: a run-level track change holds math elements)."""
    for math in list(p.iter(n.O_MATH)):
        content = [c for c in math if isinstance(c.tag, str) and c.tag not in (n.INS, n.DEL)]
        if content:
            rev.wrap(content, tag)


def complex_field(fld) -> None:
    """A w:fldSimple as the begin/instruction/separate/result/end runs Word tracks."""

    def run(child):
        r = etree.Element(n.R)
        r.append(child)
        return r

    begin = etree.Element(n.FLD_CHAR)
    begin.set(w("fldCharType"), "begin")
    instr_tag = n.DEL_INSTR if next(fld.iter(n.DEL_TEXT), None) is not None else n.INSTR
    instr = etree.Element(instr_tag)
    instr.text = fld.get(w("instr")) or ""
    instr.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")
    sep = etree.Element(n.FLD_CHAR)
    sep.set(w("fldCharType"), "separate")
    end = etree.Element(n.FLD_CHAR)
    end.set(w("fldCharType"), "end")
    runs = [run(begin), run(instr), run(sep), *[c for c in fld if c.tag == n.R], run(end)]
    parent = fld.getparent()
    at = parent.index(fld)
    for r in runs:
        parent.insert(at, r)
        at += 1
    parent.remove(fld)
