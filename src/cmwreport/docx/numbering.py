"""List labels written by the build: (أ) (ب) ... (هـ) and ’1‘ ’2‘, the same in Word and
LibreOffice.

Word letters `arabicAbjad` (أ) ... (ه) and LibreOffice (ا) ... (ه); neither writes
the (هـ) UN Arabic texts print, and no numbering format both honour does. So each
sub-paragraph gets a `w:num` of its own whose level, copied from the template's list
(its indents, tab and font kept), shows a literal label (numFmt `none`, lvlText
"(أ)"): plain WordprocessingML that both programs read alike. Paragraph numbers
(1-, 2- ...) stay automatic; a sub-paragraph a drafter adds is lettered at the next
build (until then Word shows its own letter).
"""

from __future__ import annotations

import copy
from collections.abc import Callable, Iterable

from lxml import etree

from cmwreport.docx.order import place
from cmwreport.docx.package import Package
from cmwreport.docx.wordml import first_child
from cmwreport.docx.xml import el, w


class Labels:
    """Literal list labels of one document: one `w:num` per (list level, label)."""

    def __init__(self, package: Package, main: str) -> None:
        found = package.related(main, "numbering")
        self.root = package.xml(found[0]) if found else None
        self.styles = package.styles(main)
        nums = [] if self.root is None else self.root.findall(w("num"))
        self.next_id = max([0, *(int(n.get(w("numId"), "0")) for n in nums)]) + 1
        self.made: dict[tuple[str, str, str], str] = {}

    def style_level(self, style_id: str) -> tuple[str, str] | None:
        """(numId, ilvl) a paragraph style numbers with (docx/styles.py's rule: the
        numbering the draft reader counts by), the level 0 when the style names none."""
        num_id, ilvl = self.styles.numbering(style_id) if style_id else (None, None)
        return None if num_id is None else (num_id, ilvl or "0")

    def abstract_of(self, num_id: str) -> str | None:
        """The abstractNumId behind a numId."""
        return self._abstract(num_id)

    def _abstract(self, num_id: str) -> str | None:
        num = None if self.root is None else self.root.find(f"{w('num')}[@{w('numId')}='{num_id}']")
        abstract = None if num is None else num.find(w("abstractNumId"))
        return None if abstract is None else abstract.get(w("val"))

    def _same_list(self, num_id: str, style_num_id: str) -> bool:
        return num_id == style_num_id or (
            self._abstract(num_id) is not None
            and self._abstract(num_id) == self._abstract(style_num_id)
        )

    def _num_for(self, num_id: str, ilvl: str, label: str) -> str | None:
        key = (num_id, ilvl, label)
        if key in self.made:
            return self.made[key]
        if self.root is None:
            return None
        num = self.root.find(f"{w('num')}[@{w('numId')}='{num_id}']")
        if num is None or num.find(w("abstractNumId")) is None:
            return None
        abstract_id = num.find(w("abstractNumId")).get(w("val"))
        abstract = self.root.find(f"{w('abstractNum')}[@{w('abstractNumId')}='{abstract_id}']")
        level = None if abstract is None else abstract.find(f"{w('lvl')}[@{w('ilvl')}='{ilvl}']")
        if level is None:
            return None
        level = copy.deepcopy(level)
        place(level, el("numFmt", {"val": "none"}))
        place(level, el("lvlText", {"val": label}))
        new_id = str(self.next_id)
        self.next_id += 1
        override = el("lvlOverride", {"ilvl": ilvl}, level)
        node = el("num", {"numId": new_id}, el("abstractNumId", {"val": abstract_id}), override)
        cleanup = self.root.find(w("numIdMacAtCleanup"))
        if cleanup is not None:
            cleanup.addprevious(node)
        else:
            self.root.append(node)
        self.made[key] = new_id
        return new_id

    def apply(
        self,
        paragraphs: Iterable[etree._Element],
        label_of: Callable[[etree._Element], str | None],
    ) -> list[etree._Element]:
        """Give every paragraph `label_of` labels its literal label; returns them."""
        labelled = []
        ppr_tag, style_tag, val = w("pPr"), w("pStyle"), w("val")
        num_path = f"{w('numPr')}/{w('numId')}"
        for p in paragraphs:
            label = label_of(p)
            if label is None:
                continue
            ppr = first_child(p, ppr_tag)
            style = first_child(ppr, style_tag) if ppr is not None else None
            if style is None:
                continue
            level = self.style_level(style.get(val, ""))
            if not level:
                continue
            direct = ppr.find(num_path)
            # A paragraph put in another list by hand keeps it; one whose own numbering
            # repeats its style's list (LibreOffice writes it on every list paragraph
            # it saves) is labelled.
            if direct is not None and not self._same_list(direct.get(val, ""), level[0]):
                continue
            num_id = self._num_for(level[0], level[1], label)
            if not num_id:
                continue
            place(
                ppr, el("numPr", None, el("ilvl", {"val": level[1]}), el("numId", {"val": num_id}))
            )
            labelled.append(p)
        return labelled


def unlabel(paragraphs: list[etree._Element]) -> None:
    """Remove the labels `apply` wrote (before the paragraphs move to another document)."""
    for p in paragraphs:
        ppr = p.find(w("pPr"))
        for num in ppr.findall(w("numPr")):
            ppr.remove(num)
