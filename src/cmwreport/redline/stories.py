"""A header or footer the new draft no longer has: put back as a part of its own whose
text is all deleted, referenced from the section that had it. Reject All gives the old
header back; Accept All leaves an empty one, which shows nothing (and which diff, like
Word, does not tell from no header at all). A header only the new draft has is already
in its part: its paragraphs are marked inserted like any others (redline.py)."""

from __future__ import annotations

from lxml import etree

from cmwreport.docx import wordml as n
from cmwreport.docx.xml import CT_WML, R_NS, REL_TYPE, w
from cmwreport.redline.objects import kept_copy


def story_back(writer, result, place: str) -> None:
    """Put back the old draft's header or footer `place` ("header:default" ...)."""
    old, new = result.old, result.new
    old_name = old.part_names.get(place)
    if old_name is None or old_name not in old.parts:
        return
    kind = place.partition(":")[0]
    old_root = old.parts[old_name]
    package = new.package
    folder = new.main_part.rpartition("/")[0]
    name = package.free_name(f"{folder}/{kind}_old" if folder else f"{kind}_old", ".xml", 1)
    root = etree.Element(old_root.tag, nsmap=old_root.nsmap)
    package.add_part(name, root)
    for block in old_root:
        copied = _deleted_block(writer, block, old_name, name)
        if copied is not None:
            root.append(copied)
    if root.find(n.P) is None or root[-1].tag != n.P:
        root.append(etree.Element(n.P))  # a header ends with a paragraph
    package.declare(name, f"{CT_WML}{kind}+xml")
    rid = writer.copier.add_relationship(
        new.main_part, f"{REL_TYPE}{kind}", name.rpartition("/")[2]
    )
    reference = etree.Element(w(f"{kind}Reference"))
    reference.set(w("type"), _type_of(place))
    reference.set(f"{{{R_NS}}}id", rid)
    _section(new.parts[new.main_part], old.parts[old.main_part], old_name, old).insert(0, reference)


def _deleted_block(writer, block, old_part: str, new_part: str):
    if block.tag == n.P:
        return kept_copy(writer, block, writer.copier, old_part, new_part)
    if block.tag == n.TBL:
        table = block.__copy__()
        for tr in list(table.iter(n.TR)):
            if tr.getparent() is table:
                tr.addprevious(writer.deleted_row(tr))
                table.remove(tr)
        return table
    if block.tag == n.SDT:
        content = block.find(n.SDT_CONTENT)
        paragraphs = [p for p in (content if content is not None else ()) if p.tag == n.P]
        if paragraphs:
            return kept_copy(writer, paragraphs[0], writer.copier, old_part, new_part)
    return None


def _type_of(place: str) -> str:
    key = place.partition(":")[2]
    return key.replace(",", " ").split()[0] if key else "default"


def _section(new_doc, old_doc, old_name: str, old_draft):
    """The new draft's section at the place of the old section that referenced the part
    (the same ordinal, else the last one); a body without one gets one."""
    rels = {r.id: r.target for r in old_draft.package.relationships(old_draft.main_part)}
    old_sections = list(old_doc.iter(n.SECT_PR))
    at = next(
        (
            i
            for i, sect in enumerate(old_sections)
            for ref in sect
            if rels.get(ref.get(f"{{{R_NS}}}id") or "") == old_name
        ),
        len(old_sections) - 1,
    )
    sections = list(new_doc.iter(n.SECT_PR))
    if not sections:
        body = new_doc.find(w("body"))
        sect = etree.SubElement(body, n.SECT_PR)
        return sect
    return sections[at] if 0 <= at < len(sections) - 1 else sections[-1]
