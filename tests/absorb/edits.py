"""Reviewer edits made the way Word would make them, through python-docx, on a built draft.

Paragraphs are found by their identity bookmark (`_cmw_<id>`) or by their text, and
edited in place: the run structure and bookmarks stay, as when a reviewer types.
"""

from __future__ import annotations

import copy
from pathlib import Path

import docx
from docx.oxml.ns import qn

from cmwreport import contract


def open_draft(path: Path):
    return docx.Document(str(path))


def paragraphs(document):
    return list(document.element.body.iter(qn("w:p")))


def text_of(p) -> str:
    return "".join(t.text or "" for t in p.iter(qn("w:t")))


def by_id(document, item_id: str, suffix: str = ""):
    name = contract.bookmark_name(item_id, suffix)
    for p in paragraphs(document):
        for bm in p.iter(qn("w:bookmarkStart")):
            if bm.get(qn("w:name")) == name:
                return p
    raise LookupError(item_id)


def by_text(document, start: str):
    for p in paragraphs(document):
        if text_of(p).startswith(start):
            return p
    raise LookupError(start)


def row_of(p):
    """The table row a (first-cell) paragraph stands in."""
    while p.tag != qn("w:tr"):
        p = p.getparent()
    return p


def replace_words(p, old: str, new: str) -> None:
    """Replace `old` with `new` inside one run's text, as typing over a word does."""
    for t in p.iter(qn("w:t")):
        if t.text and old in t.text:
            t.text = t.text.replace(old, new, 1)
            return
    raise LookupError(old)


def set_text(p, text: str) -> None:
    ts = list(p.iter(qn("w:t")))
    ts[0].text = text
    for t in ts[1:]:
        t.text = ""


def delete(p) -> None:
    p.getparent().remove(p)


def insert_after(p, text: str):
    """A new paragraph after `p`, in its style, without its bookmark (typed by hand)."""
    new = copy.deepcopy(p)
    for bm in list(new.iter(qn("w:bookmarkStart"), qn("w:bookmarkEnd"))):
        bm.getparent().remove(bm)
    set_text(new, text)
    p.addnext(new)
    return new


def move_after(p, anchor) -> None:
    anchor.addnext(p)


def comment(document, p, text: str, author: str = "Reviewer") -> None:
    from docx.text.paragraph import Paragraph

    para = Paragraph(p, document._body)
    document.add_comment(para.runs, text=text, author=author)
