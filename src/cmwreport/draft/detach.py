"""The old draft's plain body paragraphs kept as their bytes, out of its tree.

Two drafts read at once hold two lxml trees, each about six times its XML (112 MB for
the 18 MB of a `stress` report): they were most of a large diff's peak memory. Of the
old draft, the comparison needs a body paragraph's bytes (the "no formatting change"
test) and, for the few paragraphs that changed, its element; so the old draft's plain
paragraphs (runs of one text and childless marks, as a built draft is made of) leave
its tree once read, each kept as the bytes lxml writes for it, and are parsed again
only when asked for. Paragraphs that anything reads through the old tree stay in it:
those holding a section break (the lost headers' sections), comment ranges, or
anything but runs of text (notes, fields, objects).
"""

from __future__ import annotations

from lxml.etree import cleanup_namespaces, tostring

from cmwreport.docx import wordml as n
from cmwreport.docx.plain import plain_text
from cmwreport.docx.xml import parse, w
from cmwreport.draft.model import BODY, Block, Draft

#: What a detached paragraph may hold besides its properties: runs and bookmarks, as
#: a built draft writes them (anything else may be read through the old tree).
_PLAIN = {n.R, n.BOOKMARK_START, n.BOOKMARK_END, w("proofErr")}


class DetachedBlock(Block):
    """A block whose element is out of its tree: `xml` holds the bytes lxml wrote for it
    there, and `element` parses them on first use (one fragment, then the same one)."""

    xml: bytes | None = None
    tail: str | None = None

    @property  # type: ignore[override]
    def element(self):
        found = self.__dict__.get("_element")
        if found is None and self.xml is not None:
            found = parse(self.xml)
            # Written out of its tree, the paragraph declares every namespace in scope
            # there; a copy of it in the redline must declare only those it uses, as a
            # copy of the paragraph in its tree does.
            cleanup_namespaces(found)
            # Copies of a paragraph carry its tail (a pretty-printed draft's line breaks).
            found.tail = self.tail
            self.__dict__["_element"] = found
        return found

    @element.setter
    def element(self, value) -> None:
        self.__dict__["_element"] = value
        if value is None:
            self.xml = None


def detach_plain(draft: Draft) -> None:
    """Take the old draft's plain body paragraphs out of its tree (see the module)."""
    doc = draft.parts.get(draft.main_part)
    body = doc.find(w("body")) if doc is not None else None
    if body is None:
        return
    blocks = draft.body
    for i, block in enumerate(blocks):
        el = block.element
        if block.location != BODY or el is None or el.getparent() is not body:
            continue
        if plain_text(el) is None or not _detachable(el):
            continue
        values = {name: getattr(block, name) for name in Block._FIELDS}
        values["element"] = None
        detached = DetachedBlock(**values)
        detached.xml = tostring(el, encoding="utf-8", with_tail=False)
        detached.tail = el.tail
        body.remove(el)
        blocks[i] = detached


def _detachable(p) -> bool:
    for child in p:
        tag = child.tag
        if tag == n.PPR:
            if child.find(n.SECT_PR) is not None:
                return False
        elif tag not in _PLAIN:
            return False
    return True
