"""Formatting changes of a block whose text is unchanged, in reviewers' words:
"bold added: «the words»", "size 12 pt -> 14 pt: «...»", "paragraph style: A -> B"."""

from __future__ import annotations

from lxml.etree import tostring as _tostring

from cmwreport.docx.plain import IDS as _IDS
from cmwreport.docx.wordml import PPR as _PPR
from cmwreport.docx.wordml import RPR as _RPR
from cmwreport.docx.wordml import TC as w_tc
from cmwreport.draft.model import COMMENT, TABLE, Block, Draft
from cmwreport.draft.notes import note_text
from cmwreport.draft.stories import cell_text, read_formatted
from cmwreport.i18n import N_, _

_SHOWN = 40
_TBL_PR = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}tblPr"


def changed(old_draft: Draft, new_draft: Draft, old: Block, new: Block) -> list[str]:
    """What formatting changed on a block whose text did not, in reviewers' words."""
    if old.location == COMMENT:
        return []
    if old_draft.styles_digest == new_draft.styles_digest:
        # Same styles, same XML: the same look (most blocks of two drafts of one report).
        # The effective formatting is read only when the properties written differ.
        # The whole block's bytes first: in UTF-8 one serialisation of a paragraph
        # costs less than one per property element (in ASCII, Arabic text as
        # character references tripled it), and most unchanged blocks are byte-equal.
        # A row's look also comes from its table's properties (style, w:tblLook).
        table = old.location != TABLE or _table_props(old_draft, old) == _table_props(
            new_draft, new
        )
        if table:
            kept_old, kept_new = old.__dict__.get("written"), new.__dict__.get("written")
            if kept_old is not None and kept_new is not None:
                # The reader's entries for both (draft/stories.py `Walk.seen`): one
                # entry, written alike less ids.
                if kept_old is kept_new:
                    return []
            else:
                written_old, written_new = _written(old), _written(new)
                # Equal as written (two thirds of `full`'s equal pairs differ in their
                # bookmark ids): the ids are taken out only of those that differ.
                if written_old == written_new or _IDS.sub(b"", written_old) == _IDS.sub(
                    b"", written_new
                ):
                    return []
            if _properties(old.element) == _properties(new.element):
                return []
    if _of(old_draft, old) == _of(new_draft, new):
        return []
    return describe(old, new)


def _written(block: Block) -> bytes:
    """The block as written. Less `_IDS`, what differs between two drafts of one text
    without being formatting: bookmark and revision ids (renumbered when anything is
    inserted before) and Word's editing-session ids. Not read: only a fast "no change"
    answer (a draft written with another prefix than w: just goes on to the next
    test). A block taken out of its tree (draft/detach.py) kept the bytes written
    there; a Block has no `xml` (asked of it, the AttributeError cost more than the
    rest of this)."""
    written = None if type(block) is Block else getattr(block, "xml", None)
    if written is None:
        written = _tostring(block.element, encoding="utf-8", with_tail=False)
    return written


def _table_props(draft: Draft, block: Block) -> bytes:
    """The table's properties as written, once per table (the dict keeps the table's
    element alive, so its key stays the same)."""
    table = block.element.getparent() if block.element is not None else None
    cache = draft.table_props
    found = cache.get(table)
    if found is None:
        props = table.find(_TBL_PR) if table is not None else None
        found = cache[table] = _tostring(props) if props is not None else b""
    return found


def _properties(element) -> bytes:
    """The paragraph and run properties as written: one C call per property element
    (no per-call imports or generator), the test most blocks stop at."""
    return b"".join(map(_tostring, element.iter(_PPR, _RPR)))


def _of(draft: Draft, block: Block) -> tuple:
    if block.formatting is None:
        if block.location == TABLE:
            cells = [c for c in block.element.iter(w_tc) if _owner(c) is block.element]
            block.formatting = tuple(
                f for c in cells for f in cell_text(c, draft.objects, draft.sheet)[2]
            )
        elif block.location in ("footnote", "endnote"):
            block.formatting = note_text(block.element, draft.objects, draft.sheet)[2]
        else:
            block.formatting = (read_formatted(block.element, draft.objects, draft.sheet)[2],)
    return block.formatting


def _owner(cell):
    from cmwreport.docx.wordml import TR

    parent = cell.getparent()
    while parent is not None and parent.tag != TR:
        parent = parent.getparent()
    return parent


def describe(old: Block, new: Block) -> list[str]:
    out: list[str] = []
    assert old.formatting is not None and new.formatting is not None
    for a, b in zip(old.formatting, new.formatting, strict=False):
        if a == b or a is None or b is None:
            continue
        text, style_a, spans_a = a[:3]
        _text, style_b, spans_b = b[:3]
        if style_a != style_b:
            out.append(
                _(
                    "paragraph style: {old} -> {new}",
                    old=style_a or _("default"),
                    new=style_b or _("default"),
                )
            )
        out.extend(paragraph_words(a, b))
        out.extend(_runs(text, spans_a, spans_b))
    return out


def _runs(text: str, spans_a, spans_b) -> list[str]:
    """One line per property change over a stretch of text."""
    from cmwreport.docx.formatting import PROPERTIES

    cuts = sorted({0, len(text), *(s for s, _, _ in spans_a), *(s for s, _, _ in spans_b)})
    changes: list[tuple[int, int, str]] = []
    for start, end in zip(cuts, cuts[1:], strict=False):
        a, b = span_at(spans_a, start), span_at(spans_b, start)
        if a == b or a is None or b is None or not text[start:end].strip():
            continue
        for name, before, after in zip(PROPERTIES, a, b, strict=True):
            if before != after:
                what = change_words(name, before, after)
                if changes and changes[-1][2] == what and changes[-1][1] >= start - 1:
                    changes[-1] = (changes[-1][0], end, what)
                else:
                    changes.append((start, end, what))
    out = []
    for start, end, what in changes:
        shown = text[start:end].strip()
        if len(shown) > _SHOWN:
            shown = shown[:_SHOWN] + "…"
        out.append(_("{what}: «{text}»", what=what, text=shown))
    return out


def paragraph_words(a: tuple, b: tuple) -> list[str]:
    """The paragraph's alignment, indentation and spacing changes between two read
    paragraphs (text, style, spans, paragraph properties), in reviewers' words."""
    from cmwreport.diff.paragraph_words import changes

    if len(a) < 4 or len(b) < 4 or a[3] == b[3]:
        return []
    return changes(a[3], b[3])


def span_at(spans, at: int):
    """The properties of the span holding offset `at`, or None."""
    for start, end, props in spans:
        if start <= at < end:
            return props
    return None


def change_words(name: str, before, after) -> str:
    """One property's change as reviewers read it, in the terminal and on the review
    page alike ("bold added", "size 12 pt -> 16 pt")."""
    if isinstance(before, bool) or isinstance(after, bool):
        named = _SWITCHED.get((name, bool(after)))
        if named:
            return _(named)
        if after:
            return _("{property} added", property=name)
        return _("{property} removed", property=name)
    if name == "size":
        return _("size {before} -> {after}", before=_pt(before), after=_pt(after))
    return _(
        "{property} {before} -> {after}",
        property=name,
        before=before or _("none"),
        after=after or _("none"),
    )


#: Properties switched on or off, as reviewers say it (the review page shares the words).
_SWITCHED = {
    ("bold", True): N_("bold added"),
    ("bold", False): N_("bold removed"),
    ("italic", True): N_("italic added"),
    ("italic", False): N_("italic removed"),
    ("underline", True): N_("underline added"),
    ("underline", False): N_("underline removed"),
    ("strike", True): N_("strike added"),
    ("strike", False): N_("strike removed"),
    ("hidden", True): N_("made hidden"),
    ("hidden", False): N_("hidden text shown"),
}


def _pt(half_points) -> str:
    if half_points is None:
        return _("default")
    try:
        value = int(half_points) / 2
    except ValueError:
        return str(half_points)
    return f"{value:g} pt"
