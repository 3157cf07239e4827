"""Where the body cites notes and comments, and which paragraphs carry an identity
bookmark: found in one pass over the body (draft/stories.py asks per paragraph)."""

from __future__ import annotations

import re

from cmwreport.contract import identity_of
from cmwreport.docx import wordml as n
from cmwreport.draft.identity import _COPY, _REVISIONS

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


def citing_unresolved(body) -> tuple[set, dict] | None:
    """`citing(body)` for a draft whose identities need no resolving (draft/identity.py
    `_needed`), found in the one pass over the bookmarks that tells; None for a draft
    that needs it (its bookmarks are then rewritten and `citing` asked after)."""
    for _revision in body.iter(*_REVISIONS):
        return None
    out: set = set()
    idents: dict = {}
    holders = (n.P, n.TR)
    bookmark, p_tag, name_tag = n.BOOKMARK_START, n.P, n.NAME
    name_of: dict = {}  # paragraph -> the identity bookmark name in it
    holder_of: dict[str, object] = {}  # name -> the paragraph holding it
    for el in body.iter(_CITES):
        parent = el.getparent()
        if el.tag == bookmark:
            name = el.get(name_tag) or ""
            ident = identity_of(name)
            if ident is None:
                continue
            # Every holder up to the body: `citing` stops at one already given an
            # identity, whose own holders were given theirs then.
            inner = None
            while parent is not None and parent is not body:
                tag = parent.tag
                if tag in holders:
                    if parent not in idents:
                        idents[parent] = ident
                    if tag == p_tag:
                        if inner is not None:
                            return None  # in two paragraphs
                        inner = parent
                parent = parent.getparent()
            if inner is None:
                continue
            if "_C" in name and re.search(_COPY, name):
                return None
            if name_of.setdefault(inner, name) != name:
                return None
            if holder_of.setdefault(name, inner) is not inner:
                return None
            continue
        while parent is not None and parent is not body:
            if parent.tag in holders:
                if parent in out:
                    break
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
