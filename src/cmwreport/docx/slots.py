"""Slots `{{ name }}` in a template: found across runs, located, replaced.

Word splits text into runs wherever it likes (spell-check marks, an edit in the
middle of a word, a revision id), so a slot is looked for in the paragraph's text as
every reader reads it (`text.atoms`: tabs, breaks and fields count), never in one run;
only `w:t` elements are cut. An inline slot is replaced in place and
takes the formatting of the run its first character is in; a paragraph holding only a
block slot is replaced by generated blocks.
"""

from __future__ import annotations

import copy
import re
from collections.abc import Iterator

from lxml import etree

from cmwreport.docx import rtl
from cmwreport.docx.order import ordered
from cmwreport.docx.plain import plain_text
from cmwreport.docx.text import atoms, paragraph_text
from cmwreport.docx.xml import XML_NS, w
from cmwreport.plain import Plain

SLOT = re.compile(r"\{\{([^{}]*)\}\}")
NAME = re.compile(r"[A-Za-z_][A-Za-z0-9_]*\Z")
_PRESERVE = f"{{{XML_NS}}}space"


# Plain classes rather than dataclasses: creating a dataclass compiles its methods,
# 2.4 M instructions a class at every build (issue 21).


class Occurrence(Plain):
    """A slot in a paragraph's text: `name` as written, stripped (may be malformed)."""

    _compared = ("name", "start", "end")

    def __init__(self, name: str, start: int, end: int) -> None:
        self.name, self.start, self.end = name, start, end


class SlotParagraph(Plain):
    """A paragraph holding slots. `part`: "body", "header (word/header1.xml)", ...;
    `where`: "body paragraph 12", "body table 1, row 2, cell 1, paragraph 1", ...;
    `pieces`: (element, text) per atom of the paragraph's text, in reading order."""

    _compared = ("part", "where", "paragraph", "pieces", "text", "slots")

    def __init__(
        self,
        part: str,
        where: str,
        paragraph: etree._Element,
        pieces: list[tuple[etree._Element, str]],
        text: str,
        slots: list[Occurrence],
    ) -> None:
        self.part, self.where, self.paragraph = part, where, paragraph
        self.pieces, self.text, self.slots = pieces, text, slots

    @property
    def is_block(self) -> bool:
        """A paragraph that holds one slot and nothing else but spaces."""
        return len(self.slots) == 1 and not (
            self.text[: self.slots[0].start].strip() or self.text[self.slots[0].end :].strip()
        )


def paragraphs_with_slots(root: etree._Element, part: str) -> Iterator[SlotParagraph]:
    """Every paragraph of a part that contains `{{`, with a human location."""
    texts: dict[etree._Element, list[etree._Element]] = {}
    order: list[etree._Element] = []
    for t in root.iter(w("t")):
        p = next(t.iterancestors(w("p")), None)
        if p is None:
            continue
        if p not in texts:
            texts[p] = []
            order.append(p)
        texts[p].append(t)
    if not order:
        return
    numbers = {p: n for n, p in enumerate(root.iter(w("p")), start=1)}
    tables = {tbl: n for n, tbl in enumerate(root.iter(w("tbl")), start=1)}
    for p in order:
        # A paragraph without `{{` in its w:t elements holds no slot: read no further.
        if "{{" not in "".join(t.text or "" for t in texts[p]):
            continue
        pieces = [(el, text) for _, el, text in atoms(p)]
        text = "".join(piece for _, piece in pieces)
        slots = [Occurrence(m.group(1).strip(), m.start(), m.end()) for m in SLOT.finditer(text)]
        if not slots:
            slots = [Occurrence("", text.index("{{"), -1)]  # an unclosed `{{`
        yield SlotParagraph(part, _where(p, part, numbers, tables), p, pieces, text, slots)


def _where(
    p: etree._Element,
    part: str,
    numbers: dict[etree._Element, int],
    tables: dict[etree._Element, int],
) -> str:
    here = f"{part} paragraph {numbers[p]}"
    tc = next(p.iterancestors(w("tc")), None)
    if tc is None:
        return here
    tr = tc.getparent()
    tbl = tr.getparent()
    row = tbl.findall(w("tr")).index(tr) + 1
    cell = tr.findall(w("tc")).index(tc) + 1
    return f"{here} (table {tables[tbl]}, row {row}, cell {cell})"


def replace_inline(sp: SlotParagraph, values: dict[str, str]) -> None:
    """Replace every slot of the paragraph; right to left so offsets stay valid."""
    for occ in reversed(sp.slots):
        _splice(sp.pieces, occ.start, occ.end, values[occ.name])


def _splice(pieces: list[tuple[etree._Element, str]], start: int, end: int, value: str) -> None:
    pos = 0
    first = True
    t_tag = w("t")
    for t, piece in pieces:
        text = (t.text or "") if t.tag == t_tag else piece
        lo_abs, hi_abs = pos, pos + len(text)
        pos = hi_abs
        if hi_abs <= start or lo_abs >= end or t.tag != t_tag:
            continue
        lo, hi = max(start, lo_abs) - lo_abs, min(end, hi_abs) - lo_abs
        if first:
            _insert(t, lo, hi, value)
            first = False
        else:
            _set_text(t, text[:lo] + text[hi:])
            _drop_if_empty(t)


def _drop_if_empty(t: etree._Element) -> None:
    """Remove a run left holding only an empty w:t once a slot's tail was cut from it."""
    run = t.getparent()
    if t.text or run.tag != w("r"):
        return
    if all(c is t or c.tag == w("rPr") for c in run):
        run.getparent().remove(run)


def _set_text(t: etree._Element, text: str) -> None:
    t.text = text
    if text != text.strip() or "  " in text:
        t.set(_PRESERVE, "preserve")


def _insert(t: etree._Element, lo: int, hi: int, value: str) -> None:
    """Put `value` in place of t.text[lo:hi], in runs shaped like t's own run.

    The value gets the run's formatting (font, size, bold) but a direction of its
    own, per script: an Arabic title typed into a left-to-right slot run still gets
    `w:rtl`, and a UN symbol in an Arabic run does not.
    """
    text = t.text or ""
    run = t.getparent()
    if run.tag != w("r"):
        _set_text(t, text[:lo] + value + text[hi:])
        return
    rpr = run.find(w("rPr"))
    props = list(rpr) if rpr is not None else []

    def new_run(segment: str, is_rtl: bool | None) -> etree._Element:
        r = etree.Element(w("r"))
        children = [copy.deepcopy(c) for c in props]
        if is_rtl is not None:
            children = rtl.set_direction(children, is_rtl)
        if children:
            r.append(ordered("rPr", children))
        t_new = etree.SubElement(r, w("t"))
        _set_text(t_new, segment)
        return r

    tail = new_run(text[hi:], None)
    # What followed this w:t inside its run (a tab, more text) moves after the value.
    for sibling in list(t.itersiblings()):
        tail.append(sibling)
    _set_text(t, text[:lo])
    anchor = run
    for segment, is_rtl in rtl.split_scripts(value):
        piece = new_run(segment, is_rtl)
        anchor.addnext(piece)
        anchor = piece
    if text[hi:] or len(tail) > 2:
        anchor.addnext(tail)
    _drop_if_empty(t)


def replace_block(sp: SlotParagraph, elements: list[etree._Element]) -> None:
    """Put generated blocks where the slot paragraph was.

    What the paragraph carried besides its text survives: bookmarks Word attached
    to it move out beside the blocks, and a section break in its properties stays
    in an empty paragraph after them.
    """
    p = sp.paragraph
    parent = p.getparent()
    keep = [node for node in p.iter(w("bookmarkStart"), w("bookmarkEnd")) if node.getparent() is p]
    sect = p.find(f"{w('pPr')}/{w('sectPr')}")
    new = keep + elements
    if sect is not None:
        carrier = etree.Element(w("p"))
        ppr = etree.SubElement(carrier, w("pPr"))
        ppr.append(sect)
        new.append(carrier)
    # addprevious links in place; parent.insert(index) would walk the children for
    # every node, quadratic in the size of the annex.
    for node in new:
        p.addprevious(node)
    parent.remove(p)
    # A table cell must end with a paragraph.
    if parent.tag == w("tc") and parent[-1].tag == w("tbl"):
        etree.SubElement(parent, w("p"))


def paragraph_texts(nodes: list[etree._Element]) -> Iterator[str]:
    """The text of every paragraph in `nodes` (and in their tables), one per paragraph."""
    tag = w("p")
    for node in nodes:
        for p in [node] if node.tag == tag else node.iter(tag):
            # Most paragraphs are plain (runs of one text): read without `atoms`.
            text = plain_text(p)
            yield paragraph_text(p) if text is None else text
