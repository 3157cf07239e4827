"""The edits a redline writes into the new draft, block by block: inserted and deleted
paragraphs and rows, and word-level changes inside an edited paragraph."""

from __future__ import annotations

from difflib import SequenceMatcher

from lxml import etree

from cmwreport.diff.beside import identity_key
from cmwreport.diff.words import comparable, word_ops
from cmwreport.docx import wordml as n
from cmwreport.docx.revisions import RevisionWriter, unwrap
from cmwreport.docx.runs import explode, spans_of, split_at, text_children
from cmwreport.docx.text import Objects, read_paragraph
from cmwreport.docx.xml import w
from cmwreport.draft.model import TABLE, Block
from cmwreport.draft.stories import cell_paragraphs

#: Run children that carry text and survive into a deleted copy; anything else (drawings,
#: note references, field characters) points into the old package or means nothing deleted.
_TEXT_CHILDREN = {n.T, n.TAB, n.BR, n.CR, n.NB_HYPHEN, w("softHyphen"), n.SYM}
#: Containers inside a paragraph whose runs are text too.
RUN_CONTAINERS = {
    n.HYPERLINK,
    n.SMART_TAG,
    n.FLD_SIMPLE,
    n.SDT,
    n.SDT_CONTENT,
    n.CUSTOM_XML,
    w("dir"),
    w("bdo"),
}
DROPPED_IN_COPIES = (
    n.BOOKMARK_START,
    n.BOOKMARK_END,
    n.COMMENT_START,
    w("commentRangeEnd"),
    w("proofErr"),
    w("permStart"),
    w("permEnd"),
)


class Edits:
    def __init__(
        self, rev: RevisionWriter, styles: set[str] | None, nums: set[str], objects
    ) -> None:
        self.rev = rev
        self.styles = styles
        self.nums = nums
        #: The objects readers of the old and the new draft, for their paragraphs' text.
        self.objects: tuple[Objects | None, Objects | None] = objects

    def text(self, p, side: int = 1) -> str:
        return read_paragraph(p, self.objects[side])[0]

    # --- blocks ----------------------------------------------------------------

    def inserted_block(self, block: Block) -> None:
        if block.location == TABLE:
            tr = block.element
            self.rev.row(tr, "ins")
            for p in tr.iter(n.P):
                self.wrap_runs(p, "ins")
        else:
            self.inserted_paragraph(block.element)

    def changed_block(self, old: Block, new: Block) -> None:
        if new.location != TABLE:
            self.changed_paragraph(old.element, new.element, old.text)
            return
        old_cells = [c for c in old.element if c.tag == n.TC]
        new_cells = [c for c in new.element if c.tag == n.TC]
        if len(old_cells) > len(new_cells) == len(new.cells) and len(old_cells) == len(old.cells):
            self._cells_removed(old, new, old_cells, new_cells)
            return
        parts = getattr(self, "parts", None)
        beside = identity_key(old) != identity_key(new)
        for c, cell in enumerate(new_cells):
            a = old.cells[c] if c < len(old.cells) else ""
            if c < len(old_cells) and (a != new.cells[c] or beside):
                self.changed_container(old_cells[c], cell, parts)
            elif c >= len(old_cells):
                for p in cell.iter(n.P):
                    self.wrap_runs(p, "ins")

    def _cells_removed(self, old: Block, new: Block, old_cells, new_cells) -> None:
        """A row that lost cells: cells matched by text, the lost ones put back with
        w:cellDel (Reject All keeps them, Accept All removes them)."""
        a = [comparable(t, False) for t in old.cells]
        b = [comparable(t, False) for t in new.cells]
        after = None
        for tag, i1, i2, j1, j2 in SequenceMatcher(None, a, b, autojunk=False).get_opcodes():
            pairs = min(i2 - i1, j2 - j1)
            for k in range(pairs):
                if tag != "equal":
                    self.changed_container(old_cells[i1 + k], new_cells[j1 + k])
                after = new_cells[j1 + k]
            for j in range(j1 + pairs, j2):
                for p in new_cells[j].iter(n.P):
                    self.wrap_runs(p, "ins")
                after = new_cells[j]
            for i in range(i1 + pairs, i2):
                cell = self.deleted_cell(old_cells[i])
                if after is not None:
                    after.addnext(cell)
                else:
                    new_cells[0].addprevious(cell)
                after = cell

    def deleted_cell(self, old_tc):
        # __copy__ is lxml's deep copy (what copy.deepcopy calls, without its memo and
        # without importing copy).
        tc = old_tc.__copy__()
        for p in list(tc.iter(n.P)):
            self._clean_copy(p)
            self.wrap_runs(p, "del")
        tcpr = tc.find(n.TCPR)
        if tcpr is None:
            tcpr = etree.Element(n.TCPR)
            tc.insert(0, tcpr)
        for el in list(tcpr):
            if el.tag in (w("cellIns"), w("cellDel"), w("cellMerge"), w("tcPrChange")):
                tcpr.remove(el)
        tcpr.append(self.rev.mark("cellDel"))
        return tc

    def changed_container(self, old_el, new_el, parts: tuple | None = None) -> None:
        """A cell or note: its paragraphs aligned, then edited word by word; one whose
        picture, field, link or equation changed is replaced whole when `parts` (old
        and new part holding the container) are given."""
        olds = [p for p in cell_paragraphs(old_el) if self.text(p, 0).strip()]
        news = [p for p in cell_paragraphs(new_el) if self.text(p).strip()]
        a = [self.text(p, 0) for p in olds]
        b = [self.text(p) for p in news]
        keys_a = [t + self._identity(p, 0) for t, p in zip(a, olds, strict=True)]
        keys_b = [t + self._identity(p, 1) for t, p in zip(b, news, strict=True)]
        matcher = SequenceMatcher(None, keys_a, keys_b, autojunk=False)
        for tag, i1, i2, j1, j2 in matcher.get_opcodes():
            if tag == "equal":
                continue
            pairs = min(i2 - i1, j2 - j1)
            for k in range(pairs):
                old_p, new_p = olds[i1 + k], news[j1 + k]
                if (
                    parts is not None
                    and None not in parts
                    and keys_a[i1 + k][len(a[i1 + k]) :] != keys_b[j1 + k][len(b[j1 + k]) :]
                ):
                    self.replaced(old_p, new_p, parts)  # type: ignore[attr-defined]
                else:
                    self.changed_paragraph(old_p, new_p, a[i1 + k])
            for j in range(j1 + pairs, j2):
                self.inserted_paragraph(news[j])
            after = news[j1 + pairs - 1] if pairs else (news[j1 - 1] if j1 else None)
            for i in range(i1 + pairs, i2):
                copy_el = self.deleted_paragraph(olds[i])
                if after is not None:
                    after.addnext(copy_el)
                elif news:
                    news[0].addprevious(copy_el)
                else:
                    # The new cell or note has no paragraph with text: the old text
                    # goes into it as deleted text (Reject All must give it back).
                    new_el.append(copy_el)
                after = copy_el
        with_paragraph(new_el)

    def _identity(self, p, side: int) -> str:
        """What a paragraph holds beside its text, as one string (empty for most)."""
        inline = read_paragraph(p, self.objects[side])[1]
        if not (inline.fields or inline.links or inline.objects):
            return ""
        return "\x1e" + repr((inline.fields, inline.links, inline.objects))

    def inserted_paragraph(self, p) -> None:
        self.wrap_runs(p, "ins")
        self.rev.paragraph_mark(p, "ins")

    def deleted_paragraph(self, old_p):
        p = old_p.__copy__()
        self._clean_copy(p)
        self.wrap_runs(p, "del")
        self.rev.paragraph_mark(p, "del")
        return p

    def deleted_row(self, old_tr):
        tr = old_tr.__copy__()
        for p in list(tr.iter(n.P)):
            self._clean_copy(p)
            self.wrap_runs(p, "del")
        for el in list(tr.iter(n.BOOKMARK_START, n.BOOKMARK_END)):
            el.getparent().remove(el)
        for tc in tr.iter(n.TC):
            with_paragraph(tc)
        self.rev.row(tr, "del")
        return tr

    def fit_properties(self, p) -> None:
        """An old paragraph's properties, fitted to the new package: no section break or
        property change of its own, no style, run style or list the new package does
        not define."""
        ppr = p.find(n.PPR)
        if ppr is not None:
            for el in list(ppr):
                if el.tag in (n.SECT_PR, w("pPrChange")):
                    ppr.remove(el)
            style = ppr.find(n.PSTYLE)
            if (
                style is not None
                and self.styles is not None
                and style.get(n.VAL) not in self.styles
            ):
                ppr.remove(style)
            num = ppr.find(f"{n.NUMPR}/{w('numId')}")
            if num is not None and num.get(n.VAL) not in self.nums and num.get(n.VAL) != "0":
                ppr.remove(ppr.find(n.NUMPR))
        if self.styles is None:
            return
        for rstyle in list(p.iter(w("rStyle"))):
            rpr = rstyle.getparent()
            if rpr.tag == n.RPR and rpr.getparent().tag == n.R:
                if rstyle.get(n.VAL) not in self.styles:
                    rpr.remove(rstyle)

    def _clean_copy(self, p) -> None:
        """Make an old paragraph safe to live in the new package, text as deleted text."""
        self.fit_properties(p)
        for el in list(p.iter()):
            if el.getparent() is None or not isinstance(el.tag, str):
                continue
            if el.tag in RUN_CONTAINERS:
                unwrap(el, _UNWRAP_DROP)
            elif el.tag in DROPPED_IN_COPIES:
                el.getparent().remove(el)
        for r in list(p.iter(n.R)):
            for child in list(r):
                if child.tag == n.T:
                    child.tag = n.DEL_TEXT
                elif child.tag != n.RPR and child.tag not in _TEXT_CHILDREN:
                    r.remove(child)
            if not any(c.tag != n.RPR for c in r):
                r.getparent().remove(r)

    def wrap_runs(self, p, tag: str) -> None:
        """Put every run of a paragraph (also inside hyperlinks) into w:ins or w:del."""
        for container in [p, *[el for el in p.iter(*RUN_CONTAINERS)]]:
            group: list = []
            for child in list(container):
                if child.tag == n.R:
                    if group and group[-1].getnext() is not child:
                        self.rev.wrap(group, tag)
                        group = []
                    group.append(child)
            if group:
                self.rev.wrap(group, tag)

    def changed_paragraph(self, old_p, new_p, old_text: str) -> None:
        """Word-level tracked changes inside one paragraph of the new draft."""
        new_text = self.text(new_p)
        if comparable(old_text, False) == comparable(new_text, False):
            return
        objects = self.objects[1]
        ops = word_ops(old_text, new_text)
        # An equation is not made of runs that can be cut: words changed around it are
        # marked as words and it stays as it is; a change that touches it takes the
        # paragraph as a whole (the old one deleted above the new one inserted).
        whole = [(a, b) for run, a, b in spans_of(new_p, objects) if run.tag != n.R]
        if any(_touches(op, a, b) for op in ops for a, b in whole):
            copy_el = self.deleted_paragraph(old_p)
            new_p.addprevious(copy_el)
            self.inserted_paragraph(new_p)
            return
        explode(new_p, objects)
        cuts = set()
        for op in ops:
            cuts.add(op.new_at)
            cuts.add(op.new_at + len(op.new))
        split_at(new_p, cuts, objects)
        spans = [span for span in spans_of(new_p, objects) if span[0].tag == n.R]
        if not spans:
            return
        for op in ops:
            end_at = op.new_at + len(op.new)
            covered = [run for run, start, end in spans if op.new_at <= start and end <= end_at]
            if op.old:
                at = next((run for run, start, _ in spans if start >= op.new_at), None)
                # Deleted words take the look of the text around them.
                deleted = self._deleted_run(at if at is not None else spans[-1][0], op.old)
                d = self.rev.mark("del")
                d.append(deleted)
                if at is not None:
                    _outer(at).addprevious(d)
                else:
                    _outer(spans[-1][0]).addnext(d)
            if covered:
                groups: list[list] = []
                for run in covered:
                    if groups and groups[-1][-1].getnext() is run:
                        groups[-1].append(run)
                    else:
                        groups.append([run])
                for group in groups:
                    self.rev.wrap(group, "ins")

    def _deleted_run(self, template, text: str):
        r = etree.Element(n.R)
        rpr = template.find(n.RPR)
        if rpr is not None:
            r.append(rpr.__copy__())
        r.extend(text_children(text, n.DEL_TEXT))
        return r


_UNWRAP_DROP = (w("sdtPr"), w("sdtEndPr"), w("smartTagPr"))


def with_paragraph(container) -> None:
    """A table cell ends with a paragraph (the schema wants one, Word writes one); an
    old cell written without one (Word opens those) gets an empty one in the redline."""
    if container.tag == n.TC and (len(container) == 0 or container[-1].tag != n.P):
        container.append(etree.Element(n.P))


def _touches(op, start: int, end: int) -> bool:
    """Whether a word operation reaches into (or right up to) the span [start, end)."""
    return op.new_at <= end and op.new_at + len(op.new) >= start


def _outer(run):
    """The element to put a sibling next to: the run, or the w:ins already around it."""
    parent = run.getparent()
    return parent if parent.tag in (n.INS, n.DEL) else run
