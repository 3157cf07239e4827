"""Reviewers' comments in a .docx: their text and the paragraphs they are anchored in."""

from __future__ import annotations

import zipfile
from dataclasses import dataclass
from pathlib import Path

from lxml import etree

from cmwreport.docx.xml import w

_PARSER = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=True)
_ANCHORS = (w("commentRangeStart"), w("commentReference"))


@dataclass
class Comment:
    id: str
    author: str
    text: str


def read(path: Path) -> dict[str, Comment]:
    """Comments by id (word/comments.xml); none when the draft has no comments part."""
    try:
        with zipfile.ZipFile(path) as zf:
            data = zf.read("word/comments.xml")
    except (KeyError, zipfile.BadZipFile, OSError):
        return {}
    try:
        root = etree.fromstring(data, _PARSER)
    except etree.XMLSyntaxError:
        return {}
    out = {}
    for c in root.iter(w("comment")):
        paragraphs = ["".join(t.text or "" for t in p.iter(w("t"))) for p in c.iter(w("p"))]
        cid = c.get(w("id"), "")
        out[cid] = Comment(cid, c.get(w("author"), ""), "\n".join(x for x in paragraphs if x))
    return out


def anchored(element) -> list[str]:
    """Ids of the comments that start (or are referenced) in an element, in order."""
    seen: list[str] = []
    for mark in element.iter(*_ANCHORS):
        cid = mark.get(w("id"), "")
        if cid not in seen:
            seen.append(cid)
    return seen
