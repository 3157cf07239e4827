"""The old draft's plain body paragraphs kept as their bytes, out of its tree.

Two drafts read at once hold two lxml trees, each about six times its XML (112 MB for
the 18 MB of a `stress` report): they were most of a large diff's peak memory. Of the
old draft, the comparison needs a body paragraph's bytes (the "no formatting change"
test) and, for the few paragraphs that changed, its element; so the old draft's plain
paragraphs (runs of one text and childless marks, as a built draft is made of) leave
its tree once read, each kept as the bytes lxml writes for it, and are parsed again
only when asked for. Paragraphs that anything reads through the old tree stay in it:
those holding a section break (the lost headers' sections), comment ranges, or
anything but runs of text (notes, fields, objects). absorb takes a long reviewed draft
and its build out of their trees the same way (absorb/engine.py `_slim`).
"""

from __future__ import annotations

from lxml.etree import cleanup_namespaces, tostring

from cmwreport.docx import wordml as n
from cmwreport.docx.xml import parse, w
from cmwreport.draft.model import BODY, Block, Draft

#: What a detached paragraph may hold besides its properties and runs, as a built
#: draft writes it (anything else may be read through the old tree).
_MARKS = {n.BOOKMARK_START, n.BOOKMARK_END, w("proofErr")}


class DetachedBlock(Block):
    """A block whose element is out of its tree. Until asked for, the instance's
    `element` entry holds (the bytes lxml wrote for it there, its tail), which the
    property below parses on first use (one fragment, then the same one). Kept in that
    entry rather than in attributes of their own: a new attribute would turn each
    block's key-sharing dict into a larger one of its own (18 MB on `stress`)."""

    @property
    def xml(self) -> bytes | None:
        """The bytes written in the tree, until the element is parsed from them."""
        held = self.__dict__.get("element")
        return held[0] if type(held) is tuple else None

    @property  # type: ignore[override]
    def element(self):
        held = self.__dict__.get("element")
        if type(held) is tuple:
            written, tail = held
            held = parse(written)
            # Written out of its tree, the paragraph declares every namespace in scope
            # there; a copy of it in the redline must declare only those it uses, as a
            # copy of the paragraph in its tree does.
            cleanup_namespaces(held)
            # Copies of a paragraph carry its tail (a pretty-printed draft's line breaks).
            held.tail = tail
            self.__dict__["element"] = held
        return held

    @element.setter
    def element(self, value) -> None:
        self.__dict__["element"] = value


def detach_plain(draft: Draft) -> None:
    """Take the old draft's plain body paragraphs out of its tree (see the module)."""
    doc = draft.parts.get(draft.main_part)
    body = doc.find(w("body")) if doc is not None else None
    if body is None:
        return
    taken = []
    for block in draft.body:
        el = block.element
        if block.location != BODY or el is None or el.getparent() is not body:
            continue
        if not _detachable(el):
            continue
        # The block itself becomes a DetachedBlock, rather than a copy made field by
        # field (most of what detaching cost): whatever holds it keeps holding it.
        block.__class__ = DetachedBlock
        block.__dict__["element"] = (tostring(el, encoding="utf-8", with_tail=False), el.tail)
        taken.append(el)
    # Removed once all are written: the bytes then lie apart from the freed elements
    # rather than in their holes, so the memory the tree held can go back whole.
    for el in taken:
        body.remove(el)


def _detachable(p) -> bool:
    """Plain as docx/plain.py reads a paragraph (runs of properties and one text), with
    nothing beside its runs and properties but childless bookmarks, and no section
    break in its properties."""
    for child in p:
        tag = child.tag
        if tag == n.R:
            size = len(child)
            if size > 2 or (size and child[-1].tag != n.T):
                return False
            if size == 2 and child[0].tag != n.RPR:
                return False
        elif tag == n.PPR:
            if child.find(n.SECT_PR) is not None:
                return False
        elif tag not in _MARKS or len(child):
            return False
    return True
