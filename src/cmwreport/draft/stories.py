"""The blocks of each story of a draft: body (paragraphs, tables, text boxes), headers
and footers, footnotes and endnotes, comments."""

from __future__ import annotations

from cmwreport.contract import style_key
from cmwreport.docx import wordml as n
from cmwreport.docx.plain import plain_text, written
from cmwreport.docx.text import Inline, Objects, identity, read_paragraph
from cmwreport.docx.xml import w
from cmwreport.draft.citing import citing, note_hosts
from cmwreport.draft.model import BODY, COMMENT, TABLE, TEXTBOX, Block
from cmwreport.draft.numbering import Numbering

TYPE_CHECKING = False  # typing is imported by type checkers alone (issue 21)
if TYPE_CHECKING:
    from cmwreport.docx.formatting import StyleSheet
    from cmwreport.docx.styles import Styles

#: A draft with more blocks than this is refused: past it, memory and time grow with a
#: document no reviewer reads (docs/architecture.md, "Bounds").
MAX_BLOCKS = 100_000


class TooLarge(Exception):
    """Raised past MAX_BLOCKS; the reader turns it into a DraftError naming the draft."""


def check_size(body) -> None:
    """Refuse before walking: counting paragraphs and rows is a C loop in lxml."""
    count = 0
    for _ in body.iter(n.P, n.TR):
        count += 1
        if count > MAX_BLOCKS:
            raise TooLarge


class Walk:
    """The body read in document order: numbering, sections, where notes are cited."""

    def __init__(self, styles: Styles, objects: Objects, out: list[Block]) -> None:
        self.styles = styles
        self.objects = objects
        self.numbering = Numbering(styles)
        self.out = out
        self.section: str | None = None
        self.tables = 0
        self.pending_ident: str | None = None
        self.location = BODY
        #: What holds the text box being read, when not the body ("table 2, row 3, cell 1").
        self.box_part: str | None = None
        #: note id -> (number, after, section) of the paragraph that cites it, per kind.
        self.hosts: dict[str, dict[str, tuple]] = {"footnote": {}, "endnote": {}}
        #: comment id -> (number, after, section, text of the paragraph it is anchored
        #: to, index of that paragraph's block in the body or None)
        self.comment_hosts: dict[str, tuple] = {}
        #: Constructs read only in part, by name, with their count.
        self.partial: dict[str, int] = {}
        #: Paragraphs and rows holding a note or comment reference (draft/citing.py), and
        #: the first identity bookmark in each paragraph and row holding one.
        self.citing: set = set()
        self.idents: dict = {}
        #: Plain body paragraphs already read, by their bytes less ids (docx/plain.written):
        #: (text, numbering key). Shared by the two drafts of a diff, so that the new
        #: one's unchanged paragraphs are not read again; None: nothing is kept.
        self.seen: dict | None = None

    def add(self, block: Block) -> None:
        if len(self.out) >= MAX_BLOCKS:
            raise TooLarge
        self.out.append(block)


def read_body(body, walk: Walk) -> None:
    walk.citing, walk.idents = citing(body)
    _walk(body, walk)
    for i, block in enumerate(walk.out):
        block.index = i


def _walk(container, walk: Walk) -> None:
    for el in container:
        tag = el.tag
        if tag == n.P:
            _paragraph(el, walk)
        elif tag == n.TBL:
            _table(el, walk)
        elif tag == n.BOOKMARK_START:
            ident = identity(el) if el.get(n.NAME) else None
            if ident is not None:
                walk.pending_ident = ident
        elif tag in (n.SDT_CONTENT, n.CUSTOM_XML, n.SDT, n.INS, n.MOVE_TO):
            _walk(el, walk)
        elif tag == n.ALTERNATE:
            choice = el.find(n.CHOICE)
            if choice is not None:
                _walk(choice, walk)
        elif tag == w("altChunk"):
            walk.partial["embedded document (altChunk)"] = (
                walk.partial.get("embedded document (altChunk)", 0) + 1
            )


def _paragraph(p, walk: Walk) -> None:
    # Runs for every paragraph of both drafts: attributes read once into locals.
    location = walk.location
    numbering = walk.numbering
    after = numbering.last
    seen = walk.seen if location == BODY else None
    kept = known = None
    if seen is not None and p not in walk.citing:
        # Notes and comments a paragraph cites are recorded where it stands: read whole.
        kept = written(p)
        known = seen.get(kept)
    inline, fields, links, objects = None, (), (), ()
    if known is not None:
        text, key = known
        number = numbering.number_for(*key)
    else:
        key = numbering.key(p) if location == BODY else None
        number = numbering.number_for(*key) if key is not None else None
        text = plain_text(p)
        if text is None:
            kept = None
            text, inline, _ = read_formatted(p, walk.objects, None)
            fields, links = tuple(inline.fields), tuple(inline.links)
            objects = tuple(inline.objects)
        elif kept is not None:
            seen[kept] = (text, key)
    stripped = text.strip()
    host = len(walk.out) if stripped else None
    if p in walk.citing:
        ident = note_hosts(p, walk, number, number or after, text, host)
    else:
        ident = walk.idents.get(p)
    ident = ident or walk.pending_ident
    if stripped:
        walk.pending_ident = None
        # The style number() found: its heading level is one dict look-up.
        heading = location == BODY and walk.styles.level(numbering.style) is not None
        block = Block(
            location=location,
            text=text,
            ident=ident if location == BODY else None,
            number=number,
            after=None if number else after,
            section=walk.section,
            heading=heading,
            part=walk.box_part if location == TEXTBOX else None,
            element=p,
            fields=fields,
            links=links,
            objects=objects,
        )
        if kept is not None:
            # diff/formatting.py compares an equal pair's blocks by these bytes.
            block.written = kept
        walk.add(block)
        if heading:
            walk.section = stripped
    if inline is not None:
        _boxes(inline.boxes, walk, walk.box_part)


def _boxes(boxes: list, walk: Walk, part: str | None) -> None:
    """Text boxes anchored in a paragraph or a table cell, read as blocks of their own
    where they stand, named with what holds them ("table 2, row 3, cell 1")."""
    if not boxes:
        return
    outer = walk.location, walk.box_part
    walk.location, walk.box_part = TEXTBOX, part
    for box in boxes:
        _walk(box, walk)
    walk.location, walk.box_part = outer


def _table(tbl, walk: Walk) -> None:
    walk.tables += 1
    table = walk.tables
    rows = 0
    for tr in tbl.iter(n.TR):
        # Rows of nested tables belong to their cell's text, not to this table.
        if _owning_table(tr) is not tbl:
            continue
        rows += 1
        cells = [c for c in tr.iter(n.TC) if _owning_table(c) is tbl]
        read = [cell_text(c, walk.objects) for c in cells]
        texts = tuple(text for text, _, _ in read)
        note_hosts(tr, walk, None, walk.numbering.last, " | ".join(texts), len(walk.out))
        walk.add(
            Block(
                location=TABLE,
                text=" | ".join(texts),
                cells=texts,
                ident=identity(cells[0]) if cells else None,
                after=walk.numbering.last,
                section=walk.section,
                table=table,
                row=rows,
                element=tr,
                fields=tuple(f for _, inline, _ in read for f in inline.fields),
                links=tuple(f for _, inline, _ in read for f in inline.links),
                objects=tuple(f for _, inline, _ in read for f in inline.objects),
            )
        )
        for col, (_, inline, _) in enumerate(read, start=1):
            _boxes(inline.boxes, walk, f"table {table}, row {rows}, cell {col}")


def _owning_table(el):
    parent = el.getparent()
    while parent is not None and parent.tag != n.TBL:
        parent = parent.getparent()
    return parent


def cell_paragraphs(cell) -> list:
    """The paragraphs of a cell or note, nested tables and text boxes included."""
    return [p for p in cell.iter(n.P) if not _in_fallback(p, cell) and not _in_box(p, cell)]


def read_formatted(p, objects: Objects | None, sheet: StyleSheet | None):
    """A paragraph's text, what it holds, and its formatting: (text, style key, spans,
    paragraph properties)."""
    if sheet is None:
        text, inline = read_paragraph(p, objects)
        return text, inline, None
    pieces: list = []
    text, inline = read_paragraph(p, objects, pieces)
    from cmwreport.docx.formatting import paragraph_formatting

    style, spans, look = paragraph_formatting(p, pieces, sheet)
    return text, inline, (text, style_key(style or ""), tuple(spans), look)


def cell_text(cell, objects: Objects | None, sheet: StyleSheet | None = None):
    """The text of a cell or note (paragraphs joined), what it holds, its formatting."""
    texts = []
    formats = []
    inline = Inline()
    for p in cell_paragraphs(cell):
        text, found, formatting = read_formatted(p, objects, sheet)
        inline.fields += found.fields
        inline.links += found.links
        inline.objects += found.objects
        inline.boxes += found.boxes
        if text.strip():
            texts.append(text)
            formats.append(formatting)
    return "\n".join(texts), inline, tuple(formats)


def _in_fallback(el, stop) -> bool:
    return _under(el, stop, n.FALLBACK)


def _in_box(el, stop) -> bool:
    return _under(el, stop, n.TXBX)


def _under(el, stop, tag) -> bool:
    parent = el.getparent()
    while parent is not None and parent is not stop:
        if parent.tag == tag:
            return True
        parent = parent.getparent()
    return False


def read_loose(root, location: str, part: str, objects: Objects) -> list[Block]:
    """Header and footer paragraphs, including those in their tables and text boxes."""
    out = []
    for p in root.iter(n.P):
        if _in_fallback(p, root):
            continue
        text, inline, _ = read_formatted(p, objects, None)
        boxed = _in_box(p, root)
        if text.strip():
            out.append(
                Block(
                    location=TEXTBOX if boxed else location,
                    text=text,
                    part=f"{location} {part}" if boxed else part,
                    element=p,
                    fields=tuple(inline.fields),
                    links=tuple(inline.links),
                    objects=tuple(inline.objects),
                )
            )
    for i, block in enumerate(out):
        block.index = i
    return out


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
            if _in_fallback(p, box):
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
