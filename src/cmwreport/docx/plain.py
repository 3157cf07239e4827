"""The text of a plain paragraph, read without `text.atoms`.

Most paragraphs of a built or edited draft hold only their properties, runs of
properties and one text, and childless marks (bookmarks, proofing marks). Their text
is the runs' texts joined, and reading it so costs a third of `atoms` (no generator,
no Inline): the draft reader asks here first and walks `atoms` only for the others.
"""

from __future__ import annotations

import re

from lxml.etree import tostring

from cmwreport.docx import wordml as n

#: Childless paragraph children that still say something: a field, an equation, a choice.
_NOT_EMPTY = {n.FLD_SIMPLE, n.O_MATH, n.O_MATH_PARA, n.ALTERNATE, n.R}


def plain_text(p) -> str | None:
    """The paragraph's text as `text.read_paragraph` reads it, when it is plain (it then
    holds no field, link or object either); None for any other paragraph."""
    texts = []
    run_tag, t_tag, rpr_tag, ppr_tag = n.R, n.T, n.RPR, n.PPR
    for el in p:
        tag = el.tag
        if tag == run_tag:
            size = len(el)
            if size == 0:
                continue
            if size > 2:
                return None
            last = el[-1]
            if last.tag != t_tag or (size == 2 and el[0].tag != rpr_tag):
                return None
            text = last.text
            if text:
                texts.append(text)
        elif tag == ppr_tag or (len(el) == 0 and tag not in _NOT_EMPTY):
            continue
        else:
            return None
    return "".join(texts)


#: What differs between two drafts of one text without being text or formatting:
#: bookmark and revision ids (renumbered when anything is inserted before) and Word's
#: editing-session ids.
IDS = re.compile(rb' w:(?:id|rsid[A-Za-z]*)="[^"]*"')
#: Text that reads like an id (` w:id="3"` typed in a paragraph: lxml and Word leave
#: `"` unescaped in text), and the same substitution that keeps every text run as is.
_IN_TEXT = re.compile(rb">[^<]* w:(?:id|rsid)")
_ATTRIBUTES_ONLY = re.compile(rb'(>[^<]+)| w:(?:id|rsid[A-Za-z]*)="[^"]*"')


def less_ids(data: bytes) -> bytes:
    """`data` (an element as written) less `IDS` where they are attributes. Two
    paragraphs differing only by id-like text must not key alike, or one would be read
    for the other and the change reported as none. The careful substitution costs five
    times the plain one, so it runs only where text might hold such an id."""
    if _IN_TEXT.search(data) is None:
        return IDS.sub(b"", data)
    return _ATTRIBUTES_ONLY.sub(rb"\1", data)


def written(p) -> bytes:
    """The element as written, less its `IDS`: two plain paragraphs written the same read
    the same (text, style, numbering: `IDS` names none of them) and look the same. One
    C call and one substitution, for a third of what reading the paragraph costs. A
    draft written with another prefix than w: keeps its ids, and equal bytes still mean
    an equal paragraph."""
    return less_ids(tostring(p, encoding="utf-8", with_tail=False))
