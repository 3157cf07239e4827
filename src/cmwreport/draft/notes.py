"""The blocks of a draft's footnotes, endnotes and comments, and of the text boxes they
hold, each placed where the body cites it (draft/stories.py records the citations)."""

from __future__ import annotations

from cmwreport.docx import wordml as n
from cmwreport.docx.text import Objects, read_paragraph
from cmwreport.docx.xml import w
from cmwreport.draft.model import COMMENT, TEXTBOX, Block
from cmwreport.draft.stories import cell_text, in_fallback

TYPE_CHECKING = False  # typing is imported by type checkers alone (issue 21)
if TYPE_CHECKING:
    from cmwreport.docx.formatting import StyleSheet


def read_notes(root, hosts: dict, kind: str, objects: Objects, boxes: list[Block]) -> list[Block]:
    """Footnotes or endnotes, numbered in the order the body cites them; their text
    boxes go to `boxes`."""
    notes = {}
    for note in root.iter(w(kind)):
        if note.get(w("type")) in (None, "normal"):
            notes[note.get(n.ID)] = note
    out = []
    for ordinal, (note_id, (number, after, section)) in enumerate(hosts.items(), start=1):
        note = notes.get(note_id)
        if note is None:
            continue
        text, inline, _ = note_text(note, objects)
        boxes.extend(box_blocks(inline.boxes, f"{kind} {ordinal}", objects))
        out.append(
            Block(
                location=kind,
                text=text,
                number=number,
                after=after if number is None else None,
                section=section,
                part=str(ordinal),
                index=len(out),
                element=note,
                fields=tuple(inline.fields),
                links=tuple(inline.links),
                objects=tuple(inline.objects),
            )
        )
    return out


def note_text(note, objects: Objects | None, sheet: StyleSheet | None = None):
    text, inline, formats = cell_text(note, objects, sheet)
    return "\n".join(t.strip() for t in text.split("\n") if t.strip()), inline, formats


def read_comments(root, hosts: dict, objects: Objects, boxes: list[Block]) -> list[Block]:
    """Comments in the order of their anchors, each with the paragraph it is anchored to;
    their text boxes go to `boxes`."""
    comments = {c.get(n.ID): c for c in root.iter(w("comment"))}
    order = list(hosts) + [cid for cid in comments if cid not in hosts]
    out = []
    for cid in order:
        comment = comments.get(cid)
        if comment is None:
            continue
        number, after, section, anchor, host = hosts.get(cid, (None,) * 5)
        text, inline, _ = note_text(comment, objects)
        by = comment.get(w("author"))
        boxes.extend(box_blocks(inline.boxes, f"comment by {by}" if by else "comment", objects))
        if not text and not inline.objects:
            # Nothing in it to compare, as an empty paragraph (Reject All leaves an added
            # comment so, Accept All a removed one the redline put back).
            continue
        out.append(
            Block(
                location=COMMENT,
                text=text,
                number=number,
                after=after if number is None else None,
                section=section,
                part=comment.get(w("author")) or None,
                anchor=anchor,
                host=host,
                index=len(out),
                element=comment,
                objects=tuple(inline.objects),
            )
        )
    return out


def box_blocks(boxes: list, part: str, objects: Objects) -> list[Block]:
    """The paragraphs of text boxes held by a note or comment, at any depth (a text box
    in a text box, a table in a text box), each named with what holds it."""
    out = []
    for box in boxes:
        for p in box.iter(n.P):
            if in_fallback(p, box):
                continue
            text, inline = read_paragraph(p, objects)
            if text.strip() or inline.objects:
                out.append(
                    Block(
                        location=TEXTBOX,
                        text=text,
                        part=part,
                        element=p,
                        fields=tuple(inline.fields),
                        links=tuple(inline.links),
                        objects=tuple(inline.objects),
                    )
                )
    return out
