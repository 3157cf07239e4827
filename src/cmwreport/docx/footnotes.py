"""Footnotes: the part that holds them, their ids, the marks in the text.

Word numbers footnotes by the order of their marks in the document, not by id, so
ids only have to be unique in the footnotes part; they are allocated above the
template's own (its separators, and any footnote a drafter wrote, which stay).
A footnote with a custom mark (`*`, as UN mastheads print it) does not take a number.
"""

from __future__ import annotations

import copy

from lxml import etree

from cmwreport.docx import rtl
from cmwreport.docx.order import ordered
from cmwreport.docx.package import Package
from cmwreport.docx.xml import (
    CT_WML,
    REL_TYPE,
    el,
    root,
    text_element,
    w,
)

TEXT_STYLE = "FootnoteText"
MARK_STYLE = "FootnoteReference"


class Footnotes:
    """The footnotes of one document being built."""

    def __init__(self, package: Package, main: str, style_ids: set[str], cs_font: str | None):
        self.package = package
        found = package.related(main, "footnotes")
        self.part = found[0] if found else _create_part(package, main)
        self.root = package.xml(self.part)
        values = [n.get(w("id"), "") for n in self.root.iter(w("footnote"))]
        ids = [int(v) for v in values if v.lstrip("-").isdigit()]
        self.next_id = max([0, *ids]) + 1
        self.styles = style_ids
        self.cs_font = cs_font

    def _mark_props(self) -> etree._Element:
        if MARK_STYLE in self.styles:
            return ordered("rPr", [el("rStyle", {"val": MARK_STYLE})])
        return ordered("rPr", [el("vertAlign", {"val": "superscript"})])

    def add(self, text: str, mark: str | None = None) -> list[etree._Element]:
        """Add a footnote; returns the runs of its mark, to end a paragraph with.

        A custom `mark` is one character: LibreOffice (7.4) numbers a footnote whose
        custom mark is longer ("1**"), and gets the text of any custom-mark footnote but
        the first of a document wrong on import (it adds its mark to the one written
        there, "***"), so a document carries one such footnote at most.
        """
        if mark is not None and len(mark) != 1:
            raise ValueError(f"a custom footnote mark is one character, not {mark!r}")
        fid = str(self.next_id)
        self.next_id += 1
        note = el("footnote", {"id": fid})
        ppr = [el("bidi")]
        if TEXT_STYLE in self.styles:
            ppr.append(el("pStyle", {"val": TEXT_STYLE}))
        p = el("p", None, ordered("pPr", ppr))
        if mark is None:
            p.append(el("r", None, self._mark_props(), el("footnoteRef")))
        else:
            p.append(el("r", None, self._mark_props(), text_element("t", mark)))
        p.append(el("r", None, text_element("t", " ")))
        for segment, is_rtl in rtl.split_scripts(text):
            p.append(rtl.run(segment, rtl=is_rtl, cs_font=self.cs_font))
        note.append(p)
        self.root.append(note)
        reference = el("footnoteReference", {"id": fid})
        if mark is None:
            return [el("r", None, self._mark_props(), reference)]
        reference.set(w("customMarkFollows"), "1")
        return [
            el("r", None, self._mark_props(), reference),
            el("r", None, self._mark_props(), text_element("t", mark)),
        ]

    def added(self) -> list[etree._Element]:
        """Copies of the footnotes added so far (to give a second document the same)."""
        return [copy.deepcopy(n) for n in self.root.iter(w("footnote")) if int(n.get(w("id"))) > 0]

    def adopt(self, notes: list[etree._Element]) -> None:
        """Take footnotes made for another copy of the same template, with their ids."""
        for note in notes:
            self.root.append(note)
            self.next_id = max(self.next_id, int(note.get(w("id"))) + 1)


def _create_part(package: Package, main: str) -> str:
    """A footnotes part with Word's two separators, for a template that has none."""
    notes = root("footnotes")
    for fid, kind in (("-1", "separator"), ("0", "continuationSeparator")):
        p = el("p", None, el("r", None, el(kind)))
        notes.append(el("footnote", {"type": kind, "id": fid}, p))
    folder = main.rpartition("/")[0]
    name = package.free_name(f"{folder}/footnotes" if folder else "footnotes", ".xml")
    package.add_part(
        name,
        notes,
        CT_WML + "footnotes+xml",
        related_from=main,
        rel_type=REL_TYPE + "footnotes",
        rid="rIdFootnotes1",
    )
    return name
