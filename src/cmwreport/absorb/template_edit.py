"""Apply a plan's template edits: reworded, removed and added paragraphs of the
template's own text. Only the main document part is rewritten; every other part of
the package (styles, numbering, headers, settings, media) keeps its bytes.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from cmwreport import contract
from cmwreport.absorb.plan import TemplateEdit, Unabsorbed
from cmwreport.docx import paragraph_edit as pe
from cmwreport.docx.package import Package
from cmwreport.docx.xml import w
from cmwreport.i18n import _


@dataclass
class Outcome:
    data: bytes | None = None
    #: The package `data` was written from, its trees as written (checked in memory).
    package: Package | None = None
    done: list[str] = field(default_factory=list)
    unabsorbed: list[Unabsorbed] = field(default_factory=list)


def apply(template: Path, package: Package, main_part: str, edits: list[TemplateEdit]) -> Outcome:
    """`package` is the template as the draft reader read it (the blocks of `edits` point
    into its main part); `template` names it in messages."""
    out = Outcome()
    if not edits:
        return out
    root = package.xml(main_part)
    style_ids = _style_ids(package, main_part)
    after: dict[int, object] = {}
    for edit in edits:
        if edit.kind == "changed":
            p = edit.block.element
            if not pe.replace_text(p, edit.text):
                out.unabsorbed.append(
                    Unabsorbed(
                        edit.where,
                        edit.before,
                        edit.text,
                        _("a template paragraph with tabs, breaks or fields"),
                        _("edit it in {template} with Word", template=template),
                    )
                )
                continue
            out.done.append(
                _(
                    "{template}: template text reworded ({where})",
                    template=template,
                    where=edit.where,
                )
            )
        elif edit.kind == "removed":
            p = edit.block.element
            p.getparent().remove(p)
            out.done.append(
                _(
                    "{template}: template paragraph removed ({where})",
                    template=template,
                    where=edit.where,
                )
            )
        else:
            anchor = edit.block.element if edit.block is not None else None
            new = _new_paragraph(edit, style_ids)
            key = id(anchor)
            previous = after.get(key, anchor)
            if previous is None:
                body = root.find(w("body"))
                body.insert(0, new)
            else:
                previous.addnext(new)
            after[key] = new
            out.done.append(
                _(
                    "{template}: paragraph added to the template text ({where})",
                    template=template,
                    where=edit.where,
                )
            )
    # The reader's other trees (headers, notes: their revisions accepted) are not
    # written back: those parts keep the bytes they had.
    package.forget_trees({main_part})
    out.data = package.to_bytes()
    out.package = package
    return out


def _new_paragraph(edit: TemplateEdit, style_ids: set[str]):
    p = pe.clone(edit.draft_element)
    for el in list(p.iter()):
        for name in list(el.attrib):
            if "rsid" in name:
                del el.attrib[name]
    ppr = p.find(w("pPr"))
    if ppr is not None:
        # Direct numbering would point at the draft's own list definitions: the
        # template's style carries the UN numbering.
        for numpr in ppr.findall(w("numPr")):
            ppr.remove(numpr)
        style = ppr.find(w("pStyle"))
        if style is not None:
            sid = style.get(w("val"), "")
            if sid not in style_ids:
                role = contract.role(sid)
                if role is not None and role.id in style_ids:
                    style.set(w("val"), role.id)
                else:
                    ppr.remove(style)
    if pe.plain_text(p) != edit.text:
        pe.set_text_like(p, edit.text)
    return p


def _style_ids(package: Package, main_part: str) -> set[str]:
    return set(package.styles(main_part).names)
