"""Formatting changes in the redline: the old run properties recorded in `w:rPrChange`,
the old paragraph style in `w:pPrChange`, so that Reject All gives the old look back."""

from __future__ import annotations

from lxml import etree

from cmwreport.docx import wordml as n
from cmwreport.docx.revisions import RevisionWriter
from cmwreport.docx.runs import atom_offsets, explode, spans_of, split_at
from cmwreport.docx.xml import w

#: What a property-change record may not hold (CT_RPrOriginal / CT_PPrBase).
_NOT_IN_RECORD = {w("rPrChange"), w("pPrChange"), n.INS, n.DEL, n.MOVE_FROM, n.MOVE_TO}
_NOT_IN_PPR_RECORD = _NOT_IN_RECORD | {n.RPR, n.SECT_PR}


def restyle(rev: RevisionWriter, old_p, new_p, objects) -> None:
    """Record, on every run of `new_p` whose direct formatting differs from the old
    run at the same place, the old run properties; and the old paragraph style."""
    old_objects, new_objects = objects
    old_runs = [(run, start) for run, _, _, start in atom_offsets(old_p, old_objects)]
    if any(run.tag != n.R for run, _ in old_runs):
        return
    explode(new_p, new_objects)
    split_at(new_p, {start for _, start in old_runs}, new_objects)
    for run, start, _ in spans_of(new_p, new_objects):
        if run.tag != n.R:
            continue
        old_run = next((r for r, s in reversed(old_runs) if s <= start), None)
        old_rpr = old_run.find(n.RPR) if old_run is not None else None
        new_rpr = run.find(n.RPR)
        if _key(old_rpr) != _key(new_rpr):
            _record(rev, run, n.RPR, old_rpr, new_rpr, "rPrChange", _NOT_IN_RECORD)
    _paragraph_style(rev, old_p, new_p)


def _paragraph_style(rev: RevisionWriter, old_p, new_p) -> None:
    old_ppr, new_ppr = old_p.find(n.PPR), new_p.find(n.PPR)
    if _style(old_ppr) != _style(new_ppr):
        _record(rev, new_p, n.PPR, old_ppr, new_ppr, "pPrChange", _NOT_IN_PPR_RECORD)


def _record(rev: RevisionWriter, holder, tag: str, old, new, change_name: str, skip) -> None:
    """Append to `holder`'s properties (`tag`, made first if it has none) a change mark
    recording the old properties, less what such a record may not hold."""
    if new is None:
        new = etree.Element(tag)
        holder.insert(0, new)
    change = rev.mark(change_name)
    record = etree.SubElement(change, tag)
    for child in old if old is not None else ():
        if child.tag not in skip:
            record.append(child.__copy__())
    new.append(change)


def _style(ppr) -> str | None:
    style = ppr.find(n.PSTYLE) if ppr is not None else None
    return style.get(n.VAL) if style is not None else None


def _key(rpr) -> tuple:
    if rpr is None:
        return ()
    return tuple(
        (el.tag, tuple(sorted(el.attrib.items()))) for el in rpr if el.tag not in _NOT_IN_RECORD
    )
