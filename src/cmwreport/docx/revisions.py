"""Rejecting tracked changes: a draft as it was before the pending revisions.

`absorb --only-accepted` takes what reviewers have settled and leaves out what is
still proposed: rejecting every pending revision gives exactly that. Formatting
revisions only lose their record (absorb compares text, not formatting).
"""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

from lxml import etree

from cmwreport.docx.xml import serialize, w

_INS, _DEL, _MOVE_FROM, _MOVE_TO = w("ins"), w("del"), w("moveFrom"), w("moveTo")
_P, _PPR, _RPR, _TR, _TRPR = w("p"), w("pPr"), w("rPr"), w("tr"), w("trPr")
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
_MARKS = tuple(
    w(t)
    for t in (
        "moveFromRangeStart",
        "moveFromRangeEnd",
        "moveToRangeStart",
        "moveToRangeEnd",
        "cellIns",
        "cellDel",
    )
)
_PARSER = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=True)


def reject_all(root) -> int:
    """Reject every tracked change in place; return how many there were."""
    count = 0
    for mark in list(root.iter(_INS, _DEL)):
        parent = mark.getparent()
        if parent is None:
            continue
        if parent.tag == _TRPR:  # a row inserted goes; a row deleted stays
            count += 1
            row = parent.getparent()
            if mark.tag == _INS and row is not None and row.getparent() is not None:
                row.getparent().remove(row)
            else:
                parent.remove(mark)
        elif (
            parent.tag == _RPR
            and parent.getparent() is not None
            and (parent.getparent().tag == _PPR)
        ):
            count += 1
            parent.remove(mark)
            if mark.tag == _INS:  # an inserted paragraph mark: join with the next paragraph
                _join_next(parent.getparent().getparent())
    for el in list(root.iter(_INS, _MOVE_TO)):
        parent = el.getparent()
        if parent is not None:
            count += 1
            parent.remove(el)
    for el in list(root.iter(_DEL, _MOVE_FROM)):
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
    for el in list(root.iter(*_PROPERTY_CHANGES, *_MARKS)):
        if el.tag in _PROPERTY_CHANGES:
            count += 1
        el.getparent().remove(el)
    return count


def _join_next(p) -> None:
    if p is None or p.tag != _P:
        return
    nxt = p.getnext()
    if nxt is None or nxt.tag != _P:
        return
    content = [c for c in p if c.tag != _PPR]
    at = 1 if nxt.find(_PPR) is not None else 0
    for child in content:
        nxt.insert(at, child)
        at += 1
    p.getparent().remove(p)


def rejected_package(path: Path, main_part: str = "word/document.xml") -> tuple[bytes, int]:
    """The package with every pending change of its main part rejected, and their count."""
    with zipfile.ZipFile(path) as src:
        root = etree.fromstring(src.read(main_part), _PARSER)
        count = reject_all(root)
        out = io.BytesIO()
        with zipfile.ZipFile(out, "w") as dst:
            for info in src.infolist():
                data = serialize(root) if info.filename == main_part else src.read(info.filename)
                dst.writestr(info, data, compress_type=info.compress_type)
    return out.getvalue(), count
