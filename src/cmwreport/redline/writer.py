"""The redline: the new draft with native tracked changes against the old one.

Reviewers open it in Word or LibreOffice and accept or reject each change, so it is
the new draft itself (its styles, numbering, headers, fields), with:
- inserted text in `w:ins`, deleted text put back in `w:del`/`w:delText`, word by word
  inside edited paragraphs (redline/edits.py);
- added paragraphs with an inserted paragraph mark, removed ones put back at their
  old place with a deleted mark, so "Reject All" gives the old text back;
- table rows inserted or deleted with `w:trPr/w:ins|w:del`;
- a paragraph moved unchanged as a native move (`w:moveFrom`/`w:moveTo` with their
  range marks); one moved and edited as deleted at its old place, inserted at the new;
- formatting changes as `w:rPrChange`/`w:pPrChange` (redline/format.py).

Tracked changes the new draft already held are accepted first: the redline shows the
same differences the text report lists. The package is the one the reader opened
(docx/package.py), written back through it.
"""

from __future__ import annotations

from lxml import etree

from cmwreport.diff.align import Pair
from cmwreport.diff.beside import identity_key
from cmwreport.diff.compare import Result
from cmwreport.docx import wordml as n
from cmwreport.docx.identity import modified
from cmwreport.docx.part_copy import PartCopier
from cmwreport.docx.revisions import RevisionWriter, max_revision_id
from cmwreport.docx.xml import w
from cmwreport.draft.model import TABLE, Block
from cmwreport.draft.stories import cell_paragraphs
from cmwreport.redline.edits import Edits
from cmwreport.redline.notes import comments, notes
from cmwreport.redline.objects import DrawingIds, has_math, inserted_whole, kept_copy

FIXED_DATE = "1980-01-01T00:00:00Z"


def redline_bytes(
    result: Result, author: str = "cmwreport", date: str | None = None, *, drop_old: bool = False
) -> bytes:
    """NEW with tracked changes against OLD, as the bytes of a .docx package. `drop_old`:
    the old draft's trees are forgotten once the changes are marked (what is copied from
    them is copied by then), before the package is serialised: the caller needs only the
    model of the old draft after this."""
    new = result.new
    package = new.package
    date = date or _modified(package) or FIXED_DATE
    rev = RevisionWriter(author, date, max_revision_id(new.parts.values()) + 1)
    styles, nums = _known_ids(package, new.main_part)
    writer = _Places(rev, styles, nums, (result.old.objects, new.objects))
    writer.restyled = {id(c.new) for c in result.changes if c.kind == "formatting"}
    writer.moves = {}
    writer.copier = PartCopier(result.old.package, package)
    writer.drawings = DrawingIds(list(new.parts.values()))
    writer.parts = (result.old.main_part, new.main_part)

    writer.body(result.pairs.get("body", []), new.parts[new.main_part].find(w("body")))
    # A part shown in several sections may pair with several old ones: marked once.
    marked: set[str | None] = {None}
    for place, pairs in result.pairs.items():
        if place.startswith(("header:", "footer:")):
            part = new.part_names.get(place)
            if part not in marked:
                marked.add(part)
                parts = (result.old.part_names.get(place), part)
                writer.loose(pairs, new.parts[part], parts)
    for place in result.pairs:
        if place.startswith(("header:", "footer:")) and place not in new.part_names:
            old_part = result.old.part_names.get(place)
            if old_part not in marked:
                # Imported here, as restyle is below: most redlines need neither (each
                # module 0.5 M instructions of a small diff; issue 21).
                from cmwreport.redline.stories import story_back

                marked.add(old_part)
                story_back(writer, result, place)
    writer.boxes(result.pairs.get("boxes", []), (result.old, new))
    for kind in ("footnote", "endnote"):
        notes(writer, result, kind)
    comments(writer, result)
    if drop_old:
        del writer  # it holds the old package (its part copier)
        result.old.drop_trees()
    # The trees edited are the package's own parsed parts: writing it writes them, and
    # the parts only read are written as they came (the package keeps those its own
    # methods changed: relationships, content types, parts added).
    package.forget_trees(set(new.parts))
    data = package.to_bytes(stream=True)
    # Serialised, each part's bytes are in the package written: held on, they would
    # add to the peak of whatever report is made next (18 MB on `stress`).
    for part in new.parts:
        package.release(part)
    return data


def _modified(package) -> str | None:
    """The new draft's last-modified date, for revisions when none is given."""
    from cmwreport.timestamps import DateError, w3c_of

    text = modified(package)
    if text is None:
        return None
    try:
        return w3c_of(text)
    except DateError:
        return None


def _known_ids(package, main: str) -> tuple[set[str] | None, set[str]]:
    """Style ids and numbering ids of the new draft: a deleted copy of an old paragraph
    may only point at what the new package defines."""
    found = package.styles(main)
    styles = set(found.names) if found.exists else None
    nums: set[str] = set()
    for part in package.related(main, "numbering")[:1]:
        nums = {num.get(w("numId")) for num in package.xml(part).iter(w("num"))}
    return styles, nums


class _Places(Edits):
    """The edits placed story by story."""

    #: Blocks (by id) whose formatting changed while their text did not.
    restyled: set[int] = set()

    def formatting(self, old: Block, new: Block) -> None:
        if old.location == TABLE:
            olds = [p for p in cell_paragraphs(old.element) if self.text(p, 0).strip()]
            news = [p for p in cell_paragraphs(new.element) if self.text(p).strip()]
        else:
            olds, news = [old.element], [new.element]
        from cmwreport.redline.format import restyle

        for old_p, new_p in zip(olds, news, strict=False):
            restyle(self.rev, old_p, new_p, self.objects)

    copier: PartCopier
    drawings: DrawingIds
    #: The old and the new main part's names.
    parts: tuple = ()

    def replaced(self, old_p, new_p, parts: tuple | None = None) -> None:
        """Old paragraph deleted whole (its objects kept), the new one inserted whole."""
        old_part, new_part = parts or self.parts
        new_p.addprevious(kept_copy(self, old_p, self.copier, old_part, new_part))
        inserted_whole(self, new_p)

    def replaced_container(self, old_el, new_el, old_part: str, new_part: str) -> None:
        """A comment or note whose objects changed: old paragraphs deleted whole before
        the new ones, inserted whole."""
        news = cell_paragraphs(new_el)
        if not news:
            return
        for old_p in cell_paragraphs(old_el):
            news[0].addprevious(kept_copy(self, old_p, self.copier, old_part, new_part))
        for new_p in news:
            inserted_whole(self, new_p)

    #: Move names (w:name of the range marks) of paragraphs moved unchanged, by pair.
    moves: dict[int, str] = {}

    def moved_to(self, pair: Pair) -> None:
        """A paragraph moved unchanged: w:moveTo here, w:moveFrom at its old place."""
        name = self.moves[id(pair)] = f"move{self.rev.next}"
        self.wrap_runs(pair.new.element, "moveTo")
        self.rev.paragraph_mark(pair.new.element, "moveTo")
        self._move_range(pair.new.element, "moveTo", name)

    def moved_from(self, pair: Pair):
        p = pair.old.element.__copy__()
        self._clean_copy(p)
        for text in p.iter(n.DEL_TEXT):
            text.tag = n.T  # moved text is w:t inside w:moveFrom, not w:delText
        self.wrap_runs(p, "moveFrom")
        self.rev.paragraph_mark(p, "moveFrom")
        self._move_range(p, "moveFrom", self.moves[id(pair)])
        return p

    def _move_range(self, p, kind: str, name: str) -> None:
        start = self.rev.mark(f"{kind}RangeStart")
        start.set(w("name"), name)
        end = etree.Element(w(f"{kind}RangeEnd"))
        end.set(n.ID, start.get(n.ID))
        p.insert(1 if p.find(n.PPR) is not None else 0, start)
        p.append(end)

    def body(self, pairs: list[Pair], body) -> None:
        removals = []
        for pair in pairs:
            if pair.kind == "added" and pair.new.location != TABLE:
                inserted_whole(self, pair.new.element)
            elif pair.kind == "added":
                self.inserted_block(pair.new)
            elif pair.kind == "changed" and _replaced_whole(pair):
                self.replaced(pair.old.element, pair.new.element)
            elif pair.kind == "changed":
                self.changed_block(pair.old, pair.new)
            elif pair.kind == "moved" and _unchanged_paragraph(pair):
                self.moved_to(pair)
                removals.append(pair)
            elif pair.kind == "moved":
                self.inserted_block(pair.new)
                removals.append(pair)
            elif pair.kind == "removed":
                removals.append(pair)
            elif pair.kind == "equal" and id(pair.new) in self.restyled:
                self.formatting(pair.old, pair.new)
        removals.sort(key=lambda p: p.old.index)
        cursors: dict[int, object] = {}
        for pair in removals:
            old = pair.old
            copy_el = self.deleted_row(old.element) if old.location == TABLE else None
            if id(pair) in self.moves:
                copy_el = self.moved_from(pair)
            elif copy_el is None and (identity_key(old) or has_math(old.element)):
                old_part, new_part = self.parts
                copy_el = kept_copy(self, old.element, self.copier, old_part, new_part)
            elif copy_el is None:
                copy_el = self.deleted_paragraph(old.element)
            key = id(pair.anchor)
            after = cursors.get(key)
            if after is None and pair.anchor is not None:
                after = pair.anchor.element
            cursors[key] = _place(copy_el, after, body, old)

    def boxes(self, pairs: list[Pair], drafts: tuple) -> None:
        """Paragraphs of text boxes held by notes and comments, word by word like the
        body's; a removed one put back deleted after the paragraph it followed (or
        before the one that now follows it)."""
        for pair in pairs:
            if pair.kind == "changed" and _replaced_whole(pair):
                parts = (
                    _part_of(drafts[0], pair.old.element),
                    _part_of(drafts[1], pair.new.element),
                )
                if None not in parts:
                    self.replaced(pair.old.element, pair.new.element, parts)
                else:
                    self.changed_paragraph(pair.old.element, pair.new.element, pair.old.text)
            elif pair.kind == "changed":
                self.changed_paragraph(pair.old.element, pair.new.element, pair.old.text)
            elif pair.kind in ("added", "moved"):
                self.inserted_paragraph(pair.new.element)
        for k, pair in enumerate(pairs):
            if pair.kind not in ("removed", "moved"):
                continue
            copy_el = self.deleted_paragraph(pair.old.element)
            if pair.anchor is not None:
                pair.anchor.element.addnext(copy_el)
                continue
            following = next((q.new for q in pairs[k + 1 :] if q.new is not None), None)
            if following is not None:
                following.element.addprevious(copy_el)

    def loose(self, pairs: list[Pair], root, parts: tuple) -> None:
        """Header or footer paragraphs: the same as the body, without tables."""
        cursors: dict[int, object] = {}
        for pair in pairs:
            if pair.kind == "changed" and parts[0] is not None and _replaced_whole(pair):
                self.replaced(pair.old.element, pair.new.element, parts)
            elif pair.kind == "added":
                self.inserted_paragraph(pair.new.element)
            elif pair.kind == "equal" and id(pair.new) in self.restyled:
                self.formatting(pair.old, pair.new)
            elif pair.kind == "changed":
                self.changed_paragraph(pair.old.element, pair.new.element, pair.old.text)
            elif pair.kind == "moved":
                self.inserted_paragraph(pair.new.element)
        for pair in sorted(
            (p for p in pairs if p.kind in ("removed", "moved")), key=lambda p: p.old.index
        ):
            copy_el = self.deleted_paragraph(pair.old.element)
            key = id(pair.anchor)
            after = cursors.get(key)
            if after is None and pair.anchor is not None:
                after = pair.anchor.element
            if after is None:
                first = next(root.iter(n.P), None)
                if first is None:
                    continue
                first.addprevious(copy_el)
            else:
                after.addnext(copy_el)
            cursors[key] = copy_el


def _part_of(draft, element) -> str | None:
    root = element.getroottree().getroot()
    return next((name for name, tree in draft.parts.items() if tree is root), None)


def _replaced_whole(pair: Pair) -> bool:
    """A paragraph whose objects, fields, links or equations changed goes whole."""
    if pair.old.location == TABLE or pair.new.element.tag != n.P:
        return False
    if identity_key(pair.old) != identity_key(pair.new):
        return True
    return has_math(pair.old.element) or has_math(pair.new.element)


def _unchanged_paragraph(pair: Pair) -> bool:
    return pair.old.location != TABLE and pair.old.text == pair.new.text


def _place(el, after, body, old: Block):
    """Put a deleted copy where the old block stood; return the new cursor."""
    is_row = el.tag == n.TR
    if after is None:
        first = next((c for c in body if c.tag in (n.P, n.TBL, n.SDT)), None)
        if is_row:
            if first is not None and first.tag == n.TBL and _fits(el, first):
                _first_row(first).addprevious(el)
                return el
            el = _shell(el, old)
        if first is not None:
            first.addprevious(el)
        else:
            body.insert(0, el)
        return el.find(n.TR) if el.tag == n.TBL else el
    if after.tag == n.TR and not is_row:
        after = after.getparent()
    if is_row:
        if after.tag == n.TR and _fits(el, after.getparent()):
            after.addnext(el)
            return el
        if after.tag == n.TR:
            after = after.getparent()
        nxt = after.getnext()
        if nxt is not None and nxt.tag == n.TBL and _fits(el, nxt):
            _first_row(nxt).addprevious(el)
            return el
        shell = _shell(el, old)
        after.addnext(shell)
        return el
    after.addnext(el)
    return el


def _fits(tr, tbl) -> bool:
    first = _first_row(tbl)
    if first is None:
        return False
    return len(first.findall(n.TC)) == len(tr.findall(n.TC))


def _first_row(tbl):
    return tbl.find(n.TR)


def _shell(tr, old: Block):
    """A table around a deleted row whose whole table is gone from the new draft."""
    old_tbl = old.element.getparent()
    shell = old_tbl.__copy__()
    for child in list(shell):
        if child.tag not in (w("tblPr"), w("tblGrid")):
            shell.remove(child)
    change = shell.find(f"{w('tblPr')}/{w('tblPrChange')}")
    if change is not None:
        change.getparent().remove(change)
    shell.append(tr)
    return shell
