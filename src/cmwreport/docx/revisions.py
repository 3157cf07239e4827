"""Revision markup: accepting a draft's tracked changes, rejecting them, writing new ones.

Accepting first gives one reading of the text for comparing and for redlining: what
Word shows after "Accept All Changes" (diff). Rejecting gives the draft as it was
before the pending revisions (`absorb --only-accepted`). Writing gives the redline its
`w:ins`/`w:del`, `w:moveFrom`/`w:moveTo`, `w:rPrChange` marks, with author, date and
unique ids.
"""

from __future__ import annotations

from lxml import etree

from cmwreport.docx import wordml as n
from cmwreport.docx.package import Package
from cmwreport.docx.xml import W_NS, w
from cmwreport.plain import Plain

#: Formatting revisions: accepting them means dropping the record of the old formatting.
_PROPERTY_CHANGES = tuple(
    w(t)
    for t in (
        "rPrChange",
        "pPrChange",
        "sectPrChange",
        "tblPrChange",
        "tblPrExChange",
        "trPrChange",
        "tcPrChange",
        "tblGridChange",
        "numberingChange",
    )
)
_RANGE_MARKS = tuple(
    w(t) for t in ("moveFromRangeStart", "moveFromRangeEnd", "moveToRangeStart", "moveToRangeEnd")
)
#: Properties that come after w:rPr in a paragraph's w:pPr (schema order).
_AFTER_RPR = {n.SECT_PR, w("pPrChange")}


class Tracked(Plain):
    """Tracked changes found in a draft, which diff reads in their accepted view.

    A plain class with a dataclass's equality and repr: creating dataclasses is a large
    part of what a diff of two small drafts spends importing."""

    _compared = ("insertions", "deletions", "moves", "formatting")

    def __init__(
        self, insertions: int = 0, deletions: int = 0, moves: int = 0, formatting: int = 0
    ) -> None:
        self.insertions = insertions
        self.deletions = deletions
        self.moves = moves
        self.formatting = formatting

    @property
    def any(self) -> bool:
        return bool(self.insertions or self.deletions or self.moves or self.formatting)

    def as_json(self) -> dict:
        return {
            "insertions": self.insertions,
            "deletions": self.deletions,
            "moves": self.moves,
            "formatting": self.formatting,
        }


def accept_all(root, tracked: Tracked) -> bool:
    """Accept every tracked change in place, counting them into `tracked`; whether
    anything changed (not every mark it removes is counted)."""
    # Deleted rows and cells go with everything in them.
    marks = list(root.iter(n.DEL, w("cellDel")))
    for mark in marks:
        parent = mark.getparent()
        holder = parent.getparent() if parent is not None else None
        if parent is None or holder is None or parent.tag not in (n.TRPR, n.TCPR):
            continue
        if holder.getparent() is not None:
            holder.getparent().remove(holder)
            tracked.deletions += 1
    gone = list(root.iter(n.DEL, n.MOVE_FROM))
    for el in gone:
        parent = el.getparent()
        if parent is None:
            continue
        if el.tag == n.MOVE_FROM:
            tracked.moves += 1
        else:
            tracked.deletions += 1
        if parent.tag == n.RPR and _parent_tag(parent) == n.PPR:
            _merge_with_next(parent.getparent().getparent())
        parent.remove(el)
    added = list(root.iter(n.INS, n.MOVE_TO))
    for el in added:
        parent = el.getparent()
        if parent is None:
            continue
        if el.tag == n.INS:
            tracked.insertions += 1
        if parent.tag in (n.RPR, n.TRPR, n.TCPR) or len(el) == 0:
            parent.remove(el)
            continue
        unwrap(el)
    rest = list(root.iter(*_PROPERTY_CHANGES, w("cellIns"), w("cellMerge"), *_RANGE_MARKS))
    for el in rest:
        if el.tag in _PROPERTY_CHANGES:
            tracked.formatting += 1
        el.getparent().remove(el)
    return bool(marks or gone or added or rest)


def _parent_tag(el) -> str | None:
    parent = el.getparent()
    return parent.tag if parent is not None else None


def _merge_with_next(p) -> None:
    """A deleted paragraph mark joins the paragraph to the next one, as Word does on
    accept: the content "combined with the following paragraph" (ECMA-376 Part 1,
    17.13.5.15), whose mark and so whose paragraph properties the result keeps."""
    if p is None or p.tag != n.P:
        return
    nxt = p.getnext()
    if nxt is None or nxt.tag != n.P:
        # Nothing to join (a table follows): a paragraph deleted whole goes, as in Word.
        if not any(_kept(t) for t in p.iter(n.T)):
            p.getparent().remove(p)
        return
    content = [c for c in p if c.tag != n.PPR]
    at = 0 if nxt.find(n.PPR) is None else 1
    for child in content:
        nxt.insert(at, child)
        at += 1
    p.getparent().remove(p)


def _kept(t) -> bool:
    parent = t.getparent()
    while parent is not None and parent.tag != n.P:
        if parent.tag in (n.DEL, n.MOVE_FROM):
            return False
        parent = parent.getparent()
    return True


def unwrap(el, drop: tuple[str, ...] = ()) -> None:
    """Put an element's children in its place (less the `drop` ones), removing it."""
    parent = el.getparent()
    at = parent.index(el)
    for child in [c for c in el if c.tag not in drop]:
        parent.insert(at, child)
        at += 1
    parent.remove(el)


class RevisionWriter:
    """Author, date and fresh ids for the revisions a redline writes."""

    def __init__(self, author: str, date: str, first_id: int) -> None:
        self.author = author
        self.date = date
        self.next = first_id

    def mark(self, tag: str):
        el = etree.Element(w(tag))
        el.set(n.ID, str(self.next))
        el.set(w("author"), self.author)
        el.set(w("date"), self.date)
        self.next += 1
        return el

    def wrap(self, runs: list, tag: str) -> None:
        """Wrap consecutive sibling runs in one new revision element."""
        mark = self.mark(tag)
        runs[0].addprevious(mark)
        for run in runs:
            mark.append(run)

    def paragraph_mark(self, p, tag: str) -> None:
        """Mark the paragraph mark itself inserted or deleted."""
        mark_rpr(p).insert(0, self.mark(tag))

    def row(self, tr, tag: str) -> None:
        trpr(tr).append(self.mark(tag))


def max_revision_id(roots) -> int:
    """The largest w:id in use (bookmarks, comments and revisions share the space)."""
    global _ALL_IDS
    if _ALL_IDS is None:
        # One XPath collecting the attribute values in C: walking every element of
        # the parts in Python cost the redline about 17 ms per draft.
        _ALL_IDS = etree.XPath("descendant-or-self::*/@w:id", namespaces={"w": W_NS})
    # Each value once: a bookmark's start and end, and a comment's range and
    # reference, share theirs.
    values: set[str] = set()
    for root in roots:
        values.update(_ALL_IDS(root))
    return max(0, max((int(v) for v in values if v.lstrip("-").isdigit()), default=0))


_ALL_IDS = None


def trpr(tr):
    """The row's w:trPr, created in schema order, with a property before any mark."""
    props = tr.find(n.TRPR)
    if props is None:
        props = etree.Element(n.TRPR)
        prex = tr.find(w("tblPrEx"))
        if prex is not None:
            prex.addnext(props)
        else:
            tr.insert(0, props)
    if not any(c.tag not in (n.INS, n.DEL, w("trPrChange")) for c in props):
        # The schema wants one row property before the revision mark; this one is the
        # default (rows may split across pages), so it changes nothing.
        split = etree.Element(w("cantSplit"))
        split.set(n.VAL, "off")
        props.insert(0, split)
    return props


def mark_rpr(p):
    """The paragraph mark's w:rPr, created in schema order (before sectPr and pPrChange)."""
    ppr = p.find(n.PPR)
    if ppr is None:
        ppr = etree.Element(n.PPR)
        p.insert(0, ppr)
    rpr = ppr.find(n.RPR)
    if rpr is None:
        rpr = etree.Element(n.RPR)
        after = next((c for c in ppr if c.tag in _AFTER_RPR), None)
        if after is not None:
            after.addprevious(rpr)
        else:
            ppr.append(rpr)
    return rpr


def reject_all(package: Package) -> int:
    """Reject every pending change of the document's stories (the main part, its
    headers, footers, notes and comments: each found by relationship) in the package's
    parsed parts; return how many there were."""
    main = package.main_part()
    count = reject(package.xml(main))
    for kind in ("header", "footer", "footnotes", "endnotes", "comments"):
        for part in package.related(main, kind):
            count += reject(package.xml(part))
    return count


def reject(root) -> int:
    """Reject every tracked change under `root` in place; return how many there were."""
    count = 0
    for mark in list(root.iter(n.INS, n.DEL)):
        parent = mark.getparent()
        if parent is None:
            continue
        if parent.tag == n.TRPR:  # a row inserted goes; a row deleted stays
            count += 1
            row = parent.getparent()
            if mark.tag == n.INS and row is not None and row.getparent() is not None:
                row.getparent().remove(row)
            else:
                parent.remove(mark)
        elif (
            parent.tag == n.RPR
            and parent.getparent() is not None
            and (parent.getparent().tag == n.PPR)
        ):
            count += 1
            parent.remove(mark)
            if mark.tag == n.INS:  # an inserted paragraph mark: join with the next paragraph
                _join_next(parent.getparent().getparent())
    added = list(root.iter(n.INS, n.MOVE_TO))
    for el in added:
        parent = el.getparent()
        if parent is not None:
            count += 1
            parent.remove(el)
    gone = list(root.iter(n.DEL, n.MOVE_FROM))
    for el in gone:
        parent = el.getparent()
        if parent is None:
            continue
        count += 1
        for t in el.iter(w("delText")):
            t.tag = w("t")
        for t in el.iter(w("delInstrText")):
            t.tag = w("instrText")
        at = parent.index(el)
        for child in list(el):
            parent.insert(at, child)
            at += 1
        parent.remove(el)
    for el in list(root.iter(*_PROPERTY_CHANGES, *_RANGE_MARKS, w("cellIns"), w("cellDel"))):
        if el.tag in _PROPERTY_CHANGES:
            count += 1
            _restore(el)
        el.getparent().remove(el)
    return count


#: What a properties element keeps of its own when a change to it is rejected: the
#: parts its recorded former version cannot hold (ECMA-376 Part 1, 17.13.5).
_KEEP = {
    n.PPR: (n.RPR, n.SECT_PR),
    n.SECT_PR: (w("headerReference"), w("footerReference")),
}


def _restore(change) -> None:
    """Rejecting a formatting change (w:rPrChange, w:pPrChange, ...): the properties
    it recorded as they were come back, in place of the changed ones."""
    parent = change.getparent()
    former = change[0] if len(change) else None
    if parent is None or former is None or not isinstance(former.tag, str):
        return
    keep = _KEEP.get(parent.tag, ()) + (change.tag,)
    for child in list(parent):
        if child.tag not in keep:
            parent.remove(child)
    for k, child in enumerate(list(former)):
        parent.insert(k, child)


def _join_next(p) -> None:
    if p is None or p.tag != n.P:
        return
    nxt = p.getnext()
    if nxt is None or nxt.tag != n.P:
        return
    content = [c for c in p if c.tag != n.PPR]
    at = 1 if nxt.find(n.PPR) is not None else 0
    for child in content:
        nxt.insert(at, child)
        at += 1
    p.getparent().remove(p)
