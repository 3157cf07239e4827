"""Runs cut at text offsets of a paragraph, on the one model of its text (`text.atoms`):
the redline wraps words in w:ins/w:del this way, and absorb splices a rewording into a
template paragraph.

Offsets count the characters `atoms` reads: a tab is one ("\\t"), a break one ("\\n"),
a picture its label. Only w:t atoms are ever cut or written; a change that would touch
another atom is the caller's to refuse.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from lxml import etree

from cmwreport.docx import wordml as n
from cmwreport.docx.text import Objects, atoms

#: Characters that are run children of their own, not text (compiled by re for the
#: first text that holds one; issue 21).
_SPECIAL = r"([\t\n])"


def atom_offsets(p, objects: Objects | None = None) -> Iterator[tuple]:
    """(run, element, text, start) for each atom of a paragraph, in reading order."""
    at = 0
    for run, child, text in atoms(p, objects):
        yield run, child, text, at
        at += len(text)


def explode(p, objects: Objects | None = None) -> None:
    """One child per run, so that any run can be wrapped on its own."""
    runs = []
    for run, _, _ in atoms(p, objects):
        # An equation (m:oMath) stands for itself: never cut into runs.
        if run.tag == n.R and (not runs or runs[-1] is not run):
            runs.append(run)
    for run in runs:
        content = [c for c in run if c.tag != n.RPR]
        rpr = run.find(n.RPR)
        last = run
        for child in content[1:]:
            piece = etree.Element(n.R)
            if rpr is not None:
                piece.append(rpr.__copy__())
            piece.append(child)
            last.addnext(piece)
            last = piece


def split_at(p, cuts: set[int], objects: Objects | None = None) -> None:
    """Split w:t runs (after `explode`) so that every cut offset falls between runs."""
    for run, child, text, start in list(atom_offsets(p, objects)):
        inner = sorted(c - start for c in cuts if start < c < start + len(text))
        if not inner or child.tag != n.T:
            continue
        pieces = [text[a:b] for a, b in zip([0, *inner], [*inner, len(text)], strict=True)]
        child.text = pieces[0]
        child.set(n.XML_SPACE, "preserve")
        last = run
        for piece in pieces[1:]:
            clone = run.__copy__()
            clone.find(n.T).text = piece
            last.addnext(clone)
            last = clone


def spans_of(p, objects: Objects | None = None) -> list[tuple[object, int, int]]:
    """(run, start, end) per atom in reading order (one atom per run after `explode`)."""
    return [(run, start, start + len(text)) for run, _, text, start in atom_offsets(p, objects)]


def text_children(text: str, text_tag: str = n.T) -> list:
    """Run children that read back as `text`: w:tab for a tab, w:br for a line break,
    `text_tag` (w:t, w:delText) for the rest."""
    out = []
    for piece in re.split(_SPECIAL, text) if "\t" in text or "\n" in text else (text,):
        if piece == "\t":
            out.append(etree.Element(n.TAB))
        elif piece == "\n":
            out.append(etree.Element(n.BR))
        elif piece:
            t = etree.Element(text_tag)
            t.text = piece
            t.set(n.XML_SPACE, "preserve")
            out.append(t)
    return out
