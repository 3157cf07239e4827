"""Where the body cites notes and comments, and which paragraphs carry an identity
bookmark: found in one pass over the body (draft/stories.py asks per paragraph)."""

from __future__ import annotations

from cmwreport.contract import identity_of
from cmwreport.docx import wordml as n

TYPE_CHECKING = False  # typing is imported by type checkers alone (issue 21)
if TYPE_CHECKING:
    from cmwreport.draft.stories import Walk

_NOTE_KIND = {n.FOOTNOTE_REF: "footnote", n.ENDNOTE_REF: "endnote"}
_CITES = (n.FOOTNOTE_REF, n.ENDNOTE_REF, n.COMMENT_START, n.COMMENT_REF, n.BOOKMARK_START)


def citing(body) -> tuple[set, dict]:
    """The paragraphs and rows holding a note or comment reference, and the first
    identity bookmark of each holding one, found in one pass over the body: most
    paragraphs hold no reference, and asking each cost more."""
    out: set = set()
    idents: dict = {}
    holders = (n.P, n.TR)
    bookmark = n.BOOKMARK_START
    # The walks up stop at the body: nothing above it is a paragraph or a row.
    for el in body.iter(_CITES):
        parent = el.getparent()
        if el.tag == bookmark:
            # The first in document order is what `note_hosts` finds in each holder.
            ident = identity_of(el.get(n.NAME) or "")
            while ident is not None and parent is not None and parent is not body:
                if parent.tag in holders:
                    if parent in idents:
                        break  # and so do the paragraphs and rows around it
                    idents[parent] = ident
                parent = parent.getparent()
            continue
        while parent is not None and parent is not body:
            if parent.tag in holders:
                if parent in out:
                    break  # and so are the paragraphs and rows around it
                out.add(parent)
            parent = parent.getparent()
    return out, idents


def note_hosts(el, walk: Walk, number, after, text: str, host: int | None) -> str | None:
    """Record the notes and comments `el` cites; return its identity bookmark's id (one
    pass over the element for both). For the paragraphs `citing` found citing one."""
    ident = None
    for ref in el.iter(_CITES):
        if ref.tag == n.BOOKMARK_START:
            if ident is None:
                ident = identity_of(ref.get(n.NAME) or "")
            continue
        kind = _NOTE_KIND.get(ref.tag)
        if kind is not None:
            walk.hosts[kind].setdefault(ref.get(n.ID), (number, after, walk.section))
        else:
            hosted = (number, after, walk.section, text, host)
            walk.comment_hosts.setdefault(ref.get(n.ID), hosted)
    return ident
