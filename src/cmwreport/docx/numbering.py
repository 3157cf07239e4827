"""List labels of sub-paragraphs: (أ) (ب) ... (هـ) and ’1‘ ’2‘, the same in Word and
LibreOffice, counted wherever a numbering format prints them.

A label the template's list level prints right in both programs is counted: the run
of such paragraphs gets a `w:num` of its own that restarts the level at the run's
first number, so a sub-paragraph a drafter adds inside it takes the next letter and
the rest move on. `’%3‘` in `decimal` prints ’1‘ ’2‘ ... everywhere. `arabicAbjad`
does not print every UN letter (docs/template.md, "Styles"): LibreOffice 7.4 letters
it ا ب ج د ه و ... (i18npool's table_Alphabet_ar_abjad, and its PDF), Word is
reported to print أ ب ج د ه و ...; neither writes the (هـ) UN Arabic texts print. So
(أ) and (هـ) stay literal: a `w:num` whose level, copied from the template's list (its
indents, tab and font kept), shows the label itself (numFmt `none`, lvlText "(أ)"),
which both programs read alike. A sub-paragraph a drafter adds right after one of
them repeats it until the next build.
"""

from __future__ import annotations

import copy
import re
from collections.abc import Callable, Iterable

from lxml import etree

from cmwreport.docx.order import place
from cmwreport.docx.package import Package
from cmwreport.docx.wordml import first_child
from cmwreport.docx.xml import el, w

#: What LibreOffice 7.4 and Word print for the n-th (1-based) number of a level in a
#: numbering format; a format not listed is never counted.
_ABJAD_LIBREOFFICE = "ا ب ج د ه و ز ح ط ي ك ل م ن س ع ف ص ق ر ش ت ث خ ذ ض ظ غ".split()
_ABJAD_WORD = ["أ", *_ABJAD_LIBREOFFICE[1:]]
_PRINTED: dict[str, Callable[[int], set[str]]] = {
    "decimal": lambda n: {str(n)},
    "arabicAbjad": lambda n: (
        {_ABJAD_LIBREOFFICE[n - 1], _ABJAD_WORD[n - 1]} if n <= len(_ABJAD_WORD) else set()
    ),
}
_PLACEHOLDER = re.compile(r"%[1-9]")


class Labels:
    """Sub-paragraph labels of one document: one `w:num` per (list level, literal
    label), and one per run of counted labels."""

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

    def _level(self, num_id: str, ilvl: str) -> tuple[str, etree._Element] | None:
        """(abstractNumId, its w:lvl) a numId numbers level `ilvl` with."""
        abstract_id = None if self.root is None else self._abstract(num_id)
        if abstract_id is None:
            return None
        abstract = self.root.find(f"{w('abstractNum')}[@{w('abstractNumId')}='{abstract_id}']")
        level = None if abstract is None else abstract.find(f"{w('lvl')}[@{w('ilvl')}='{ilvl}']")
        return None if level is None else (abstract_id, level)

    def counts(self, num_id: str, ilvl: str, position: int, label: str) -> bool:
        """Whether the level prints `label` as its `position`-th number in Word and in
        LibreOffice alike."""
        found = self._level(num_id, ilvl)
        if found is None:
            return False
        level = found[1]
        fmt, text = level.find(w("numFmt")), level.find(w("lvlText"))
        printed = _PRINTED.get(fmt.get(w("val"), "") if fmt is not None else "decimal")
        pattern = text.get(w("val"), "") if text is not None else ""
        own = f"%{int(ilvl) + 1}"
        if printed is None or _PLACEHOLDER.search(pattern.replace(own, "")):
            return False  # a level that prints another level's number too
        return {pattern.replace(own, number) for number in printed(position)} == {label}

    def _add(self, abstract_id: str, ilvl: str, level: etree._Element, *first) -> str:
        new_id = str(self.next_id)
        self.next_id += 1
        override = el("lvlOverride", {"ilvl": ilvl}, *first, level)
        node = el("num", {"numId": new_id}, el("abstractNumId", {"val": abstract_id}), override)
        cleanup = self.root.find(w("numIdMacAtCleanup"))
        if cleanup is not None:
            cleanup.addprevious(node)
        else:
            self.root.append(node)
        return new_id

    def _counted_num(self, num_id: str, ilvl: str, start: int) -> str | None:
        """A list instance of its own counting the level from `start`: startOverride,
        which Word needs to restart a list sharing its abstractNum with others, and
        the level copied with that start, which LibreOffice reads."""
        found = self._level(num_id, ilvl)
        if found is None:
            return None
        abstract_id, level = found
        level = copy.deepcopy(level)
        place(level, el("start", {"val": str(start)}))
        return self._add(abstract_id, ilvl, level, el("startOverride", {"val": str(start)}))

    def _num_for(self, num_id: str, ilvl: str, label: str) -> str | None:
        key = (num_id, ilvl, label)
        if key in self.made:
            return self.made[key]
        found = self._level(num_id, ilvl)
        if found is None:
            return None
        abstract_id, level = found
        level = copy.deepcopy(level)
        place(level, el("numFmt", {"val": "none"}))
        place(level, el("lvlText", {"val": label}))
        self.made[key] = self._add(abstract_id, ilvl, level)
        return self.made[key]

    def apply(
        self,
        paragraphs: Iterable[etree._Element],
        label_of: Callable[[etree._Element], tuple[str, int] | None],
    ) -> list[etree._Element]:
        """Give every paragraph `label_of` labels ((label, its number in its list)) that
        label, counted or literal; returns them."""
        labelled = []
        # The counted run each list level is in: (its numId, the last number given).
        runs: dict[tuple[str, str], tuple[str, int]] = {}
        ppr_tag, style_tag, val = w("pPr"), w("pStyle"), w("val")
        num_path = f"{w('numPr')}/{w('numId')}"
        for p in paragraphs:
            found = label_of(p)
            if found is None:
                continue
            label, position = found
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
            run = runs.pop(level, None)
            if not self.counts(level[0], level[1], position, label):
                num_id = self._num_for(level[0], level[1], label)
            else:
                if run is not None and run[1] == position - 1:
                    num_id = run[0]
                else:
                    num_id = self._counted_num(level[0], level[1], position)
                if num_id:
                    runs[level] = (num_id, position)
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
