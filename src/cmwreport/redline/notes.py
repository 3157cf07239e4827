"""Footnotes, endnotes and comments in the redline: edited and added ones word by word,
removed notes put back with a deleted reference (so that Reject All cites them again,
even when the new draft lost its notes part)."""

from __future__ import annotations

from lxml import etree

from cmwreport.diff.beside import identity_key
from cmwreport.diff.compare import Result
from cmwreport.docx import wordml as n
from cmwreport.docx.xml import w
from cmwreport.draft.stories import cell_paragraphs
from cmwreport.redline.edits import DROPPED_IN_COPIES, Edits
from cmwreport.redline.objects import kept_copy


def notes(writer: Edits, result: Result, kind: str) -> None:
    new = result.new
    pairs = result.pairs.get(f"{kind}s", [])
    document = new.parts[new.main_part]
    reference = w(f"{kind}Reference")
    parts = (_notes_part(result.old, kind), _notes_part(new, kind))
    for pair in pairs:
        if pair.kind in ("changed", "moved") and (
            pair.old.text != pair.new.text or identity_key(pair.old) != identity_key(pair.new)
        ):
            writer.changed_container(pair.old.element, pair.new.element, parts)
        elif pair.kind == "added":
            for p in cell_paragraphs(pair.new.element):
                writer.wrap_runs(p, "ins")
            note_id = pair.new.element.get(n.ID)
            for ref in document.iter(reference):
                run = ref.getparent()
                if ref.get(n.ID) == note_id and run.getparent().tag != n.INS:
                    writer.rev.wrap([run], "ins")
    removed = [pair for pair in pairs if pair.kind == "removed"]
    part = _notes_part(new, kind)
    if removed and part is None:
        part = _new_notes_part(new, kind)
    if removed:
        hosts = _new_hosts(result, reference)
        for pair in removed:
            host = hosts.get(pair.old.element.get(n.ID))
            if host is not None:
                _put_back(writer, pair.old.element, new.parts[part], host, reference)


def _part_of(draft, tag: str) -> str | None:
    return next((name for name, root in draft.parts.items() if root.tag == w(tag)), None)


def _notes_part(draft, kind: str) -> str | None:
    if kind == "footnote":
        return draft.footnotes_part
    return next((name for name, root in draft.parts.items() if root.tag == w("endnotes")), None)


def _new_notes_part(draft, kind: str) -> str:
    """A notes part for a new draft that lost its last note (LibreOffice then drops the
    part): related from the main part and declared in the content types."""
    from cmwreport.docx.xml import CT_WML, NSMAP, REL_TYPE

    package = draft.package
    folder = draft.main_part.rpartition("/")[0]
    # A part of the usual name the document does not relate to is left alone.
    name = package.free_name(f"{folder}/{kind}s" if folder else f"{kind}s", ".xml")
    root = etree.Element(w(f"{kind}s"), nsmap=NSMAP)
    package.add_part(
        name,
        root,
        f"{CT_WML}{kind}s+xml",
        related_from=draft.main_part,
        rel_type=f"{REL_TYPE}{kind}s",
    )
    draft.parts[name] = root  # a story of the draft now, found by the writer as the others
    return name


def _new_hosts(result: Result, reference: str) -> dict[str, object]:
    """Old note or comment id -> the new draft's paragraph paired with the one citing it."""
    new_of = {
        id(pair.old.element): pair.new.element
        for pair in result.pairs.get("body", [])
        if pair.old is not None and pair.new is not None
    }
    out = {}
    old_doc = result.old.parts[result.old.main_part]
    for ref in old_doc.iter(reference):
        holder = ref.getparent()
        while holder is not None and id(holder) not in new_of:
            holder = holder.getparent()
        if holder is not None:
            target = new_of[id(holder)]
            paragraphs = [target] if target.tag == n.P else list(target.iter(n.P))
            if paragraphs:
                out[ref.get(n.ID)] = paragraphs[-1]
    return out


def _put_back(writer: Edits, old_note, notes_root, host, reference: str) -> None:
    ids = [
        int(note.get(n.ID)) for note in notes_root if (note.get(n.ID) or "").lstrip("-").isdigit()
    ]
    note_id = str(max(ids, default=0) + 1)
    note = old_note.__copy__()
    note.set(n.ID, note_id)
    # The old draft's bookmarks and ranges: their ids are the old draft's, and may be
    # the new one's too (two w:id="0" bookmarks); a deleted note needs none of them.
    for marker in list(note.iter(*DROPPED_IN_COPIES)):
        marker.getparent().remove(marker)
    for p in note.iter(n.P):
        writer.wrap_runs(p, "del")
        for text in p.iter(n.T):
            text.tag = n.DEL_TEXT
    notes_root.append(note)
    run = etree.Element(n.R)
    props = etree.SubElement(run, n.RPR)
    etree.SubElement(props, w("vertAlign")).set(n.VAL, "superscript")
    etree.SubElement(run, reference).set(n.ID, note_id)
    host.append(run)
    writer.rev.wrap([run], "del")


def comments(writer: Edits, result: Result) -> None:
    """Edited comments word by word, added ones as inserted text (a removed comment
    cannot be a tracked change in Word: it is listed by the report only)."""
    parts = (_part_of(result.old, "comments"), _part_of(result.new, "comments"))
    for pair in result.pairs.get("comments", []):
        if (
            pair.kind in ("changed", "moved")
            and identity_key(pair.old) != identity_key(pair.new)
            and None not in parts
        ):
            # A picture replaced or lost: old content deleted whole, its part copied.
            writer.replaced_container(pair.old.element, pair.new.element, *parts)
        elif pair.kind in ("changed", "moved") and pair.old.text != pair.new.text:
            writer.changed_container(pair.old.element, pair.new.element, parts)
        elif pair.kind == "added":
            for p in cell_paragraphs(pair.new.element):
                writer.wrap_runs(p, "ins")
            _mark_references(writer, result.new, pair.new.element.get(n.ID), n.COMMENT_REF)
    removed = [pair for pair in result.pairs.get("comments", []) if pair.kind == "removed"]
    if removed and None not in parts:
        hosts = _new_hosts(result, n.COMMENT_REF)
        root = result.new.parts[parts[1]]
        for pair in removed:
            host = hosts.get(pair.old.element.get(n.ID))
            if host is not None:
                _comment_back(writer, pair.old.element, root, host, parts)


def _mark_references(writer: Edits, draft, ident: str | None, reference: str) -> None:
    """The runs citing an added note or comment, marked inserted."""
    document = draft.parts[draft.main_part]
    for ref in document.iter(reference):
        run = ref.getparent()
        if ref.get(n.ID) == ident and run.tag == n.R and run.getparent().tag != n.INS:
            writer.rev.wrap([run], "ins")


def _comment_back(writer, old_comment, root, host, parts: tuple[str, str]) -> None:
    """A removed comment put back with its text deleted and a deleted reference: Reject
    All shows it again; Accept All leaves an empty comment, which is no content (a
    comment's existence is not a revision Word can track)."""
    ids = [int(c.get(n.ID)) for c in root if (c.get(n.ID) or "").lstrip("-").isdigit()]
    comment_id = str(max(ids, default=0) + 1)
    comment = old_comment.__copy__()
    comment.set(n.ID, comment_id)
    for p in list(comment.iter(n.P)):
        p.addprevious(kept_copy(writer, p, writer.copier, *parts))
        p.getparent().remove(p)
    root.append(comment)
    run = etree.Element(n.R)
    etree.SubElement(run, n.COMMENT_REF).set(n.ID, comment_id)
    host.append(run)
    writer.rev.wrap([run], "del")
