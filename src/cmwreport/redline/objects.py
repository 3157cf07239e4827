"""A paragraph whose words did not change but whose picture, chart, field code, link
target, alternative text or equation did: the old paragraph put back whole as deleted
(its objects and links kept, their parts and relationships copied into the new
package under new ids), the new one marked inserted. Reject All then gives the old
object back, Accept All the new one; Word shows the two paragraphs one above the other.
"""

from __future__ import annotations

import copy
import posixpath

from lxml import etree

from cmwreport.docx import wordml as x
from cmwreport.docx.opc import CONTENT_TYPES, rels_name, resolve
from cmwreport.docx.revisions import unwrap
from cmwreport.docx.xml import CT_NS, PKG_REL_NS, R_NS, w

_WP_DOCPR = "{http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing}docPr"
#: Containers of runs a deleted copy may drop (their runs stay, as text).
_UNWRAPPED = (x.SMART_TAG, x.SDT, x.SDT_CONTENT, x.CUSTOM_XML)
_DROPPED = (
    x.BOOKMARK_START,
    x.BOOKMARK_END,
    x.COMMENT_START,
    w("commentRangeEnd"),
    w("commentReference"),
    w("proofErr"),
    w("permStart"),
    w("permEnd"),
    x.FOOTNOTE_REF,
    w("endnoteReference"),
)


def has_math(p) -> bool:
    return next(p.iter(x.O_MATH), None) is not None


class PartCopier:
    """Copies parts of the old package (pictures, charts and what they relate to) into
    the new one, each once, and relationships of the new part to them."""

    def __init__(self, old_package, new_package, roots) -> None:
        self.old = old_package
        self.new = new_package
        #: The new draft's parsed parts, where drawing ids are taken.
        self.roots = roots
        self._drawing_id: int | None = None
        self.copied: dict[str, str] = {}
        #: Relationship parts changed (to be written back, not copied as read).
        self.touched: set[str] = {CONTENT_TYPES}

    def drawing_id(self) -> int:
        if self._drawing_id is None:
            self._drawing_id = max(
                (
                    int(d.get("id"))
                    for root in self.roots
                    for d in root.iter(_WP_DOCPR)
                    if (d.get("id") or "").isdigit()
                ),
                default=0,
            )
        self._drawing_id += 1
        return self._drawing_id

    def relink(self, el, old_part: str, new_part: str) -> None:
        """Point every relationship attribute under `el` at a relationship of `new_part`."""
        memo: dict[str, str] = {}
        for node in el.iter():
            if not isinstance(node.tag, str):
                continue
            for name, value in node.attrib.items():
                if name.startswith(f"{{{R_NS}}}") and value:
                    if value not in memo:
                        memo[value] = self._relationship(value, old_part, new_part)
                    node.set(name, memo[value])

    def _relationship(self, rid: str, old_part: str, new_part: str) -> str:
        old_rels = rels_name(old_part)
        found = None
        if self.old.has(old_rels):
            found = next((r for r in self.old.xml(old_rels) if r.get("Id") == rid), None)
        if found is None:
            return rid
        external = found.get("TargetMode") == "External"
        target = found.get("Target") or ""
        if not external:
            name = self._part(resolve(old_part, target))
            target = _relative(new_part, name)
        return self.add_relationship(new_part, found.get("Type") or "", target, external)

    def add_relationship(self, part: str, kind: str, target: str, external: bool = False) -> str:
        rels = rels_name(part)
        if not self.new.has(rels):
            self.new.add_part(
                rels, etree.Element(f"{{{PKG_REL_NS}}}Relationships", nsmap={None: PKG_REL_NS})
            )
        root = self.new.xml(rels)
        self.touched.add(rels)
        taken = {r.get("Id") for r in root}
        rid = next(f"rId{i}" for i in range(len(taken) + 1000, 10**6) if f"rId{i}" not in taken)
        rel = etree.SubElement(root, f"{{{PKG_REL_NS}}}Relationship", Id=rid, Type=kind)
        rel.set("Target", target)
        if external:
            rel.set("TargetMode", "External")
        return rid

    def _part(self, name: str) -> str:
        if name in self.copied:
            return self.copied[name]
        if not self.old.has(name):
            return name
        data = self.old.parts.get(name, b"")
        if (
            self.new.has(name)
            and self.new.parts.get(name) == data
            and not self.old.has(rels_name(name))
        ):
            self.copied[name] = name
            return name
        stem, dot, ext = name.rpartition(".")
        if not dot:
            stem, ext = name, ""
        count = 1
        fresh = f"{stem}_old{count}.{ext}" if ext else f"{stem}_old{count}"
        while self.new.has(fresh):
            count += 1
            fresh = f"{stem}_old{count}.{ext}" if ext else f"{stem}_old{count}"
        self.copied[name] = fresh
        self.new.names.append(fresh)
        self.new.parts[fresh] = data
        self._content_type(name, fresh, ext)
        old_rels = rels_name(name)
        if self.old.has(old_rels):
            for rel in self.old.xml(old_rels):
                if rel.get("TargetMode") == "External":
                    target = rel.get("Target") or ""
                else:
                    target = _relative(fresh, self._part(resolve(name, rel.get("Target") or "")))
                added = self.add_relationship(
                    fresh, rel.get("Type") or "", target, rel.get("TargetMode") == "External"
                )
                # The copy's own XML names its relationships by id: keep the old ids.
                self.new.xml(rels_name(fresh))[-1].set("Id", rel.get("Id") or added)
        return fresh

    def _content_type(self, name: str, fresh: str, ext: str) -> None:
        old_types = self.old.xml(CONTENT_TYPES)
        kind = None
        for el in old_types:
            if el.get("PartName", "").lstrip("/") == name:
                kind = el.get("ContentType")
        if kind is None:
            kind = next(
                (
                    el.get("ContentType")
                    for el in old_types
                    if (el.get("Extension") or "").lower() == ext.lower()
                ),
                None,
            )
        if kind is None:
            return
        new_types = self.new.xml(CONTENT_TYPES)
        default = next(
            (
                el.get("ContentType")
                for el in new_types
                if (el.get("Extension") or "").lower() == ext.lower()
            ),
            None,
        )
        if default != kind:
            etree.SubElement(
                new_types, f"{{{CT_NS}}}Override", PartName=f"/{fresh}", ContentType=kind
            )


def _relative(source: str, target: str) -> str:
    folder = source.rpartition("/")[0]
    return posixpath.relpath(target, folder or ".")


def kept_copy(edits, old_p, copier: PartCopier, old_part: str, new_part: str):
    """The old paragraph as deleted, objects, fields, links and equations kept."""
    p = copy.deepcopy(old_p)
    ppr = p.find(x.PPR)
    if ppr is not None:
        for el in list(ppr):
            if el.tag in (x.SECT_PR, w("pPrChange")):
                ppr.remove(el)
        style = ppr.find(x.PSTYLE)
        if style is not None and edits.styles is not None and style.get(x.VAL) not in edits.styles:
            ppr.remove(style)
        num = ppr.find(f"{x.NUMPR}/{w('numId')}")
        if num is not None and num.get(x.VAL) not in edits.nums and num.get(x.VAL) != "0":
            ppr.remove(ppr.find(x.NUMPR))
    for el in list(p.iter(*_UNWRAPPED, *_DROPPED)):
        if el.getparent() is None:
            continue
        if el.tag in _UNWRAPPED:
            unwrap(el, (w("sdtPr"), w("sdtEndPr"), w("smartTagPr")))
        else:
            el.getparent().remove(el)
    for r in list(p.iter(x.R)):
        for child in r:
            if child.tag == x.T:
                child.tag = x.DEL_TEXT
            elif child.tag == x.INSTR:
                child.tag = x.DEL_INSTR
        if not any(c.tag != x.RPR for c in r):
            r.getparent().remove(r)
    for fld in list(p.iter(x.FLD_SIMPLE)):
        complex_field(fld)
    copier.relink(p, old_part, new_part)
    _fresh_drawing_ids(p, copier)
    edits.wrap_runs(p, "del")
    mark_math(edits.rev, p, "del")
    edits.rev.paragraph_mark(p, "del")
    return p


def inserted_whole(edits, p) -> None:
    for fld in list(p.iter(x.FLD_SIMPLE)):
        complex_field(fld)
    edits.wrap_runs(p, "ins")
    mark_math(edits.rev, p, "ins")
    edits.rev.paragraph_mark(p, "ins")


def mark_math(rev, p, tag: str) -> None:
    """Every equation's content in one w:ins or w:del (allowed in m:oMath by the
    schema: a run-level track change holds math elements)."""
    for math in list(p.iter(x.O_MATH)):
        content = [c for c in math if isinstance(c.tag, str) and c.tag not in (x.INS, x.DEL)]
        if content:
            rev.wrap(content, tag)


def complex_field(fld) -> None:
    """A w:fldSimple as the begin/instruction/separate/result/end runs Word tracks."""

    def run(child):
        r = etree.Element(x.R)
        r.append(child)
        return r

    begin = etree.Element(x.FLD_CHAR)
    begin.set(w("fldCharType"), "begin")
    instr_tag = x.DEL_INSTR if next(fld.iter(x.DEL_TEXT), None) is not None else x.INSTR
    instr = etree.Element(instr_tag)
    instr.text = fld.get(w("instr")) or ""
    instr.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")
    sep = etree.Element(x.FLD_CHAR)
    sep.set(w("fldCharType"), "separate")
    end = etree.Element(x.FLD_CHAR)
    end.set(w("fldCharType"), "end")
    runs = [run(begin), run(instr), run(sep), *[c for c in fld if c.tag == x.R], run(end)]
    parent = fld.getparent()
    at = parent.index(fld)
    for r in runs:
        parent.insert(at, r)
        at += 1
    parent.remove(fld)


def _fresh_drawing_ids(p, copier: PartCopier) -> None:
    """Drawing ids are unique across the document's parts: the copy's take new ones."""
    for docpr in p.iter(_WP_DOCPR):
        docpr.set("id", str(copier.drawing_id()))
