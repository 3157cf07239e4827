"""Footnotes of source items: a reviewer's footnote added to, edited in or removed from
a recommendation (or any item) goes home into the item's `footnotes:` list, in the
order the draft shows them. Footnotes of the template's own paragraphs stay the
template's (reported: edit them in Word)."""

from __future__ import annotations

from dataclasses import dataclass

from cmwreport.absorb import origins as o
from cmwreport.absorb.model import where


@dataclass
class NotesEdit:
    origin: o.Origin
    before: list[str]
    after: list[str]
    where: str


def plan(base, draft, pairs, origin_of) -> tuple[list[NotesEdit], set[int]]:
    """The items whose footnotes the draft changed, and the ids of the footnote blocks
    (of both drafts) they account for, which are then not reported."""
    old_notes = _by_host(base.footnotes)
    new_notes = _by_host(draft.footnotes)
    edits: list[NotesEdit] = []
    handled: set[int] = set()
    for pair in pairs:
        old, new = pair.old, pair.new
        if old is None or new is None:
            continue
        before = old_notes.get(old.number, []) if old.number else []
        after = new_notes.get(new.number, []) if new.number else []
        origin = origin_of.get(old.index)
        if origin is None or origin.kind != o.ITEM:
            continue
        handled.update(id(b) for b in (*before, *after))
        texts_before = [b.text.strip() for b in before]
        texts_after = [b.text.strip() for b in after]
        if texts_before != texts_after:
            edits.append(NotesEdit(origin, texts_before, texts_after, where(new)))
    return edits, handled


def _by_host(notes) -> dict[str, list]:
    out: dict[str, list] = {}
    for note in notes:
        if note.number:
            out.setdefault(note.number, []).append(note)
    return out
