"""The bytes each top-level body paragraph was read from, found in the part's bytes.

The draft reader keys a plain body paragraph by its bytes less ids (docx/plain.py
`written`) so that the two drafts of a diff read each paragraph they share once.
Serialising every paragraph again to key it was a tenth of a diff (lxml writes every
namespace in scope into each one); the bytes it was parsed from are already here. Two
slices equal in one context (the document's and the body's start tags, namespaces
and all, in a part encoded in UTF-8) parse to equal paragraphs, so they key as well.

Found only where the body's bytes are simple enough to read exactly with a few regular
expressions: no comment, CDATA section, processing instruction or DOCTYPE, its
children paragraphs, tables, bookmarks and the final section properties, all written
with the w: prefix; and only where the tree is still what the bytes say (the reader
asks before anything changes it). Anything else gives None, and the reader
serialises as before.
"""

from __future__ import annotations

import re

from cmwreport.docx import wordml as n
from cmwreport.docx.plain import less_ids

_ATTRS = rb"""(?:\s+[^\s=/<>]+\s*=\s*(?:"[^"<]*"|'[^'<]*'))*\s*"""
#: The prolog, the document's start tag and the body's, with nothing between.
_HEAD = re.compile(
    rb"(?:\xef\xbb\xbf)?(<\?xml[^<>]*\?>)?\s*(<w:document"
    + _ATTRS
    + rb">\s*<w:body"
    + _ATTRS
    + rb">)"
)
_ENCODING = re.compile(rb"""\sencoding\s*=\s*["']([^"']*)["']""")
_TAIL = re.compile(rb"</w:body>\s*</w:document>\s*")
#: Start and end tags of the elements whose nesting bounds a top-level block. An end
#: tag written with a space before its ">" is not found: the nesting then never closes.
_TAG = re.compile(rb"<w:(p|tbl)(?=[\s/>])|</w:(p|tbl)>")
_BLOCK = re.compile(rb"<w:(p|tbl)[\s/>]")
_ENDS = {
    b"p": (b"</w:p>", re.compile(rb"<w:p[\s/>]").search),
    b"tbl": (b"</w:tbl>", re.compile(rb"<w:tbl[\s/>]").search),
}
#: Between blocks: white space and childless bookmarks.
_MARK = re.compile(rb"\s*<w:bookmark(Start|End)" + _ATTRS + rb"/>")
_SPACE = re.compile(rb"\s*")
_SECT = re.compile(
    rb"\s*<w:sectPr" + _ATTRS + rb"(?:/>|>[^<]*(?:<(?!/?w:sectPr[\s/>])[^<]*)*</w:sectPr>)\s*"
)
_KIND = {b"p": n.P, b"tbl": n.TBL}
_MARKS = {b"Start": n.BOOKMARK_START, b"End": n.BOOKMARK_END}


def paragraph_keys(data: bytes, body) -> tuple[bytes, dict] | None:
    """(the context, {top-level w:p element: (first byte, past its last)}) for the body
    `body` parsed from `data` and not changed since; None where they cannot be found
    exactly (see the module)."""
    head = _HEAD.match(data)
    if head is None or b"purl.oclc.org/ooxml" in head.group():
        return None
    encoding = head.group(1) and _ENCODING.search(head.group(1))
    if encoding and encoding.group(1).lower() not in (b"utf-8", b"utf8"):
        return None
    start = head.end()
    end = data.rfind(b"</w:body")
    if end < start or _TAIL.fullmatch(data, end) is None:
        return None
    if _marked(data, b"!", start, end) or _marked(data, b"?", start, end):
        return None  # a comment, CDATA section or processing instruction
    items: list = []  # (tag, first byte, past the last byte) of each child
    at = start
    search, find, count = _BLOCK.search, data.find, data.count
    while True:
        found = search(data, at, end)
        if found is None:
            break
        pos = found.start()
        if pos != at and not _gap(data, at, pos, items):
            return None
        close = find(b">", pos, end)
        # A ">" in an attribute's value would end the tag early: quotes left open.
        if close < 0 or count(b'"', pos, close) & 1 or find(b"'", pos, close) >= 0:
            return None
        name = found.group(1)
        if data[close - 1] == 47:  # "/>": no content
            at = close + 1
        else:
            # The first end tag of its name closes it unless one of that name opens
            # before (the rest nest within: a table's paragraphs end before it does).
            ending, opening = _ENDS[name]
            at = find(ending, close, end)
            if at < 0:
                return None
            at += len(ending)
            if opening(data, close, at) is not None:
                at = _nested(data, pos, end)
                if at is None:
                    return None
        items.append((_KIND[name], pos, at))
    if not _gap(data, at, end, items, last=True) or len(body) != len(items):
        return None
    spans = {}
    p_tag = n.P
    for el, (tag, first, last) in zip(body, items, strict=True):
        if el.tag != tag:
            return None
        if tag is p_tag:
            spans[el] = first, last
    # The declaration's quotes and standalone flag change no paragraph: a tree written
    # by lxml (a build, a draft whose changes were accepted) meets Word's bytes.
    return head.group(2), spans


def key(data: bytes, span: tuple[int, int]) -> bytes:
    """The key of the paragraph at `span` (`paragraph_keys`): its bytes less ids (`plain.less_ids`).
    Cut when asked, so that a large draft's are not all held at once."""
    return less_ids(data[span[0] : span[1]])


def _nested(data: bytes, pos: int, end: int) -> int | None:
    """Past the end of the paragraph or table starting at `pos` that holds others (a
    text box's), by their nesting; None where it cannot be told."""
    opened: list = []
    for match in _TAG.finditer(data, pos, end):
        name = match.group(1)
        if name is None:
            if not opened or opened.pop() != match.group(2):
                return None
            if not opened:
                return match.end()
            continue
        close = data.find(b">", match.start(), end)
        if close < 0 or data.count(b'"', match.start(), close) & 1:
            return None
        if data.find(b"'", match.start(), close) >= 0:
            return None
        if data[close - 1] != 47:
            opened.append(name)
        elif not opened:
            return close + 1
    return None


def _marked(data: bytes, char: bytes, start: int, end: int) -> bool:
    """Whether "<" + `char` occurs in data[start:end] (found by the rarer byte)."""
    at = data.find(char, start, end)
    while at >= 0:
        if data[at - 1] == 60:
            return True
        at = data.find(char, at + 1, end)
    return False


def _gap(data: bytes, at: int, end: int, items: list, last: bool = False) -> bool:
    """Whether data[at:end] holds only white space and childless bookmarks (and, last,
    the section properties), which go to `items`."""
    while at < end:
        mark = _MARK.match(data, at, end)
        if mark is None:
            break
        items.append((_MARKS[mark.group(1)], None, None))
        at = mark.end()
    if last:
        sect = _SECT.match(data, at, end)
        if sect is not None and sect.end() == end:
            items.append((n.SECT_PR, None, None))
            return True
    return _SPACE.match(data, at, end).end() == end
