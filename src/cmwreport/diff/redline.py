"""The redline: the new draft with native tracked changes against the old one.

Reviewers open it in Word or LibreOffice and accept or reject each change, so it is
the new draft itself (its styles, numbering, headers, fields), with:
- inserted text in `w:ins`, deleted text put back in `w:del`/`w:delText`, word by word
  inside edited paragraphs;
- added paragraphs with an inserted paragraph mark, removed ones put back at their
  old place with a deleted mark, so "Reject All" gives the old text back;
- table rows inserted or deleted with `w:trPr/w:ins|w:del`;
- a moved paragraph shown as deleted at its old place and inserted at its new one.

Tracked changes the new draft already held are accepted first: the redline shows the
same differences the text report lists.
"""

from __future__ import annotations

import copy
import io
import re
import zipfile
from datetime import UTC, datetime
from difflib import SequenceMatcher
from pathlib import Path

from cmwreport.diff import ooxml as x
from cmwreport.diff.align import Pair
from cmwreport.diff.compare import Result
from cmwreport.diff.model import TABLE, Block
from cmwreport.diff.read import cell_paragraphs
from cmwreport.diff.words import comparable, word_ops
from cmwreport.docx.package import write_atomic

FIXED_DATE = "1980-01-01T00:00:00Z"

#: Run children that carry text and survive into a deleted copy; anything else (drawings,
#: note references, field characters) points into the old package or means nothing deleted.
_TEXT_CHILDREN = {x.T, x.TAB, x.BR, x.CR, x.NB_HYPHEN, x.w("softHyphen"), x.w("sym")}
#: Containers inside a paragraph whose runs are text too.
_RUN_CONTAINERS = {
    x.w("hyperlink"),
    x.w("smartTag"),
    x.w("fldSimple"),
    x.SDT,
    x.SDT_CONTENT,
    x.w("customXml"),
    x.w("dir"),
    x.w("bdo"),
}
#: Paragraph properties that come after w:rPr in schema order.
_AFTER_RPR = {x.SECT_PR, x.w("pPrChange")}


def revision_date(given: str | None, source_date_epoch: str | None) -> str | None:
    """The w:date of every revision: --date, else SOURCE_DATE_EPOCH, else None (derived)."""
    if given:
        text = given.strip()
        try:
            when = datetime.fromisoformat(text.replace("Z", "+00:00"))
        except ValueError:
            raise ValueError(f"--date {given!r}: not an ISO 8601 date (e.g. 2024-03-01)") from None
        if when.tzinfo is not None:
            when = when.astimezone(UTC).replace(tzinfo=None)
        return when.strftime("%Y-%m-%dT%H:%M:%SZ")
    if source_date_epoch:
        try:
            when = datetime.fromtimestamp(int(source_date_epoch), UTC)
        except (ValueError, OverflowError, OSError):
            raise ValueError(
                f"SOURCE_DATE_EPOCH={source_date_epoch!r}: not a number of seconds"
            ) from None
        return when.strftime("%Y-%m-%dT%H:%M:%SZ")
    return None


class _Rev:
    """Author, date and fresh ids for the revisions written."""

    def __init__(self, author: str, date: str, first_id: int) -> None:
        self.author = author
        self.date = date
        self.next = first_id

    def mark(self, tag: str):
        from lxml import etree

        el = etree.Element(x.w(tag))
        el.set(x.ID, str(self.next))
        el.set(x.w("author"), self.author)
        el.set(x.w("date"), self.date)
        self.next += 1
        return el


def write_redline(
    result: Result, new_path: Path, out: Path, author: str = "cmwreport", date: str | None = None
) -> None:
    from lxml import etree

    new = result.new
    with zipfile.ZipFile(new_path) as zf:
        entries = [(info, zf.read(info.filename)) for info in zf.infolist()]
    names = {info.filename for info, _ in entries}
    blobs = {info.filename: data for info, data in entries}
    date = date or _modified(blobs.get("docProps/core.xml")) or FIXED_DATE
    rev = _Rev(author, date, _max_id(new.parts.values()) + 1)
    writer = _Writer(rev, _ids(blobs, "word/styles.xml", "styleId"), _num_ids(blobs))

    writer.body(result.pairs.get("body", []), new.parts[new.main_part].find(x.w("body")))
    for place, pairs in result.pairs.items():
        if place.startswith(("header:", "footer:")):
            part = new.part_names.get(place)
            if part is not None:
                writer.loose(pairs, new.parts[part])
    if new.footnotes_part:
        writer.footnotes(result.pairs.get("footnotes", []), new.parts[new.main_part])

    changed = {name: root for name, root in new.parts.items() if name in names}
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as zout:
        for info, data in entries:
            if info.filename in changed:
                data = etree.tostring(
                    changed[info.filename],
                    xml_declaration=True,
                    encoding="UTF-8",
                    standalone=True,
                )
            zout.writestr(info, data, compress_type=zipfile.ZIP_DEFLATED)
    # Same atomic, umask-respecting write as the build's outputs.
    write_atomic([(out, buffer.getvalue())])


def _modified(core: bytes | None) -> str | None:
    if not core:
        return None
    m = re.search(rb"<dcterms:modified[^>]*>([^<]+)</dcterms:modified>", core)
    if not m:
        return None
    try:
        return revision_date(m.group(1).decode("ascii", "replace"), None)
    except ValueError:
        return None


def _max_id(roots) -> int:
    top = 0
    for root in roots:
        for el in root.iter():
            value = el.get(x.ID) if isinstance(el.tag, str) else None
            if value is not None and value.lstrip("-").isdigit():
                top = max(top, int(value))
    return top


def _ids(blobs: dict, part: str, attr: str) -> set[str] | None:
    data = blobs.get(part)
    if data is None:
        return None
    return {m.decode() for m in re.findall(rb"w:" + attr.encode() + rb'="([^"]+)"', data)}


def _num_ids(blobs: dict) -> set[str] | None:
    data = blobs.get("word/numbering.xml")
    if data is None:
        return set()
    return {m.decode() for m in re.findall(rb'<w:num\b[^>]*w:numId="([^"]+)"', data)}


class _Writer:
    def __init__(self, rev: _Rev, styles: set[str] | None, nums: set[str]) -> None:
        self.rev = rev
        self.styles = styles
        self.nums = nums

    # --- places ----------------------------------------------------------------

    def body(self, pairs: list[Pair], body) -> None:
        removals = []
        for pair in pairs:
            if pair.kind == "added":
                self.inserted_block(pair.new)
            elif pair.kind == "changed":
                self.changed_block(pair.old, pair.new)
            elif pair.kind == "moved":
                self.inserted_block(pair.new)
                removals.append(pair)
            elif pair.kind == "removed":
                removals.append(pair)
        removals.sort(key=lambda p: p.old.index)
        cursors: dict[int, object] = {}
        for pair in removals:
            old = pair.old
            copy_el = self.deleted_row(old.element) if old.location == TABLE else None
            if copy_el is None:
                copy_el = self.deleted_paragraph(old.element)
            key = id(pair.anchor)
            after = cursors.get(key)
            if after is None and pair.anchor is not None:
                after = pair.anchor.element
            cursors[key] = _place(copy_el, after, body, old)

    def loose(self, pairs: list[Pair], root) -> None:
        """Header or footer paragraphs: the same as the body, without tables."""
        cursors: dict[int, object] = {}
        for pair in pairs:
            if pair.kind == "added":
                self.inserted_paragraph(pair.new.element)
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
                first = next(root.iter(x.P), None)
                if first is None:
                    continue
                first.addprevious(copy_el)
            else:
                after.addnext(copy_el)
            cursors[key] = copy_el

    def footnotes(self, pairs: list[Pair], document) -> None:
        """Edited and added footnotes; a removed footnote has no citation left to hang on."""
        for pair in pairs:
            if pair.kind in ("changed", "moved") and pair.old.text != pair.new.text:
                self.changed_container(pair.old.element, pair.new.element)
            elif pair.kind == "added":
                for p in cell_paragraphs(pair.new.element):
                    self.wrap_runs(p, "ins")
                fid = pair.new.element.get(x.ID)
                for ref in document.iter(x.FOOTNOTE_REF):
                    run = ref.getparent()
                    if ref.get(x.ID) == fid and run.getparent().tag != x.INS:
                        _wrap([run], self.rev.mark("ins"))

    # --- blocks ----------------------------------------------------------------

    def inserted_block(self, block: Block) -> None:
        if block.location == TABLE:
            tr = block.element
            _trpr(tr).append(self.rev.mark("ins"))
            for p in tr.iter(x.P):
                self.wrap_runs(p, "ins")
        else:
            self.inserted_paragraph(block.element)

    def changed_block(self, old: Block, new: Block) -> None:
        if new.location != TABLE:
            self.changed_paragraph(old.element, new.element, old.text)
            return
        old_cells = [c for c in old.element if c.tag == x.TC]
        new_cells = [c for c in new.element if c.tag == x.TC]
        for c, cell in enumerate(new_cells):
            a = old.cells[c] if c < len(old.cells) else ""
            if c < len(old_cells) and a != new.cells[c]:
                self.changed_container(old_cells[c], cell)
            elif c >= len(old_cells):
                for p in cell.iter(x.P):
                    self.wrap_runs(p, "ins")

    def changed_container(self, old_el, new_el) -> None:
        """A cell or footnote: its paragraphs aligned, then edited word by word."""
        olds = [p for p in cell_paragraphs(old_el) if x.paragraph_text(p).strip()]
        news = [p for p in cell_paragraphs(new_el) if x.paragraph_text(p).strip()]
        a = [x.paragraph_text(p) for p in olds]
        b = [x.paragraph_text(p) for p in news]
        for tag, i1, i2, j1, j2 in SequenceMatcher(None, a, b, autojunk=False).get_opcodes():
            if tag == "equal":
                continue
            pairs = min(i2 - i1, j2 - j1)
            for k in range(pairs):
                self.changed_paragraph(olds[i1 + k], news[j1 + k], a[i1 + k])
            for j in range(j1 + pairs, j2):
                self.inserted_paragraph(news[j])
            after = news[j1 + pairs - 1] if pairs else (news[j1 - 1] if j1 else None)
            for i in range(i1 + pairs, i2):
                copy_el = self.deleted_paragraph(olds[i])
                if after is not None:
                    after.addnext(copy_el)
                elif news:
                    news[0].addprevious(copy_el)
                else:
                    continue
                after = copy_el

    def inserted_paragraph(self, p) -> None:
        self.wrap_runs(p, "ins")
        _mark_rpr(p).insert(0, self.rev.mark("ins"))

    def deleted_paragraph(self, old_p):
        p = copy.deepcopy(old_p)
        self._clean_copy(p)
        self.wrap_runs(p, "del")
        _mark_rpr(p).insert(0, self.rev.mark("del"))
        return p

    def deleted_row(self, old_tr):
        tr = copy.deepcopy(old_tr)
        for p in list(tr.iter(x.P)):
            self._clean_copy(p)
            self.wrap_runs(p, "del")
        for el in list(tr.iter(x.BOOKMARK_START, x.BOOKMARK_END)):
            el.getparent().remove(el)
        _trpr(tr).append(self.rev.mark("del"))
        return tr

    def _clean_copy(self, p) -> None:
        """Make an old paragraph safe to live in the new package, text as deleted text."""
        ppr = p.find(x.PPR)
        if ppr is not None:
            for el in list(ppr):
                if el.tag in (x.SECT_PR, x.w("pPrChange")):
                    ppr.remove(el)
            style = ppr.find(x.PSTYLE)
            if (
                style is not None
                and self.styles is not None
                and style.get(x.VAL) not in self.styles
            ):
                ppr.remove(style)
            num = ppr.find(f"{x.NUMPR}/{x.w('numId')}")
            if num is not None and num.get(x.VAL) not in self.nums and num.get(x.VAL) != "0":
                ppr.remove(ppr.find(x.NUMPR))
        for el in list(p.iter()):
            if el.getparent() is None or not isinstance(el.tag, str):
                continue
            if el.tag in _RUN_CONTAINERS:
                _unwrap(el)
            elif el.tag in (
                x.BOOKMARK_START,
                x.BOOKMARK_END,
                x.w("commentRangeStart"),
                x.w("commentRangeEnd"),
                x.w("proofErr"),
                x.w("permStart"),
                x.w("permEnd"),
            ):
                el.getparent().remove(el)
        for r in list(p.iter(x.R)):
            for child in list(r):
                if child.tag == x.RPR:
                    rstyle = child.find(x.w("rStyle"))
                    if (
                        rstyle is not None
                        and self.styles is not None
                        and (rstyle.get(x.VAL) not in self.styles)
                    ):
                        child.remove(rstyle)
                elif child.tag not in _TEXT_CHILDREN:
                    r.remove(child)
                elif child.tag == x.T:
                    child.tag = x.DEL_TEXT
            if not any(c.tag != x.RPR for c in r):
                r.getparent().remove(r)

    def wrap_runs(self, p, tag: str) -> None:
        """Put every run of a paragraph (also inside hyperlinks) into w:ins or w:del."""
        for container in [p, *[el for el in p.iter(*_RUN_CONTAINERS)]]:
            group: list = []
            for child in list(container):
                if child.tag == x.R:
                    if group and group[-1].getnext() is not child:
                        _wrap(group, self.rev.mark(tag))
                        group = []
                    group.append(child)
            if group:
                _wrap(group, self.rev.mark(tag))

    def changed_paragraph(self, old_p, new_p, old_text: str) -> None:
        """Word-level tracked changes inside one paragraph of the new draft."""
        new_text = x.paragraph_text(new_p)
        if comparable(old_text, False) == comparable(new_text, False):
            return
        ops = word_ops(old_text, new_text)
        _explode(new_p)
        cuts = set()
        for op in ops:
            cuts.add(op.new_at)
            cuts.add(op.new_at + len(op.new))
        _split_at(new_p, cuts)
        spans = _spans(new_p)
        if not spans:
            return
        for op in ops:
            end_at = op.new_at + len(op.new)
            covered = [run for run, start, end in spans if op.new_at <= start and end <= end_at]
            if op.old:
                at = next((run for run, start, _ in spans if start >= op.new_at), None)
                # Deleted words take the look of the text around them.
                deleted = self._deleted_run(at if at is not None else spans[-1][0], op.old)
                d = self.rev.mark("del")
                d.append(deleted)
                if at is not None:
                    _outer(at).addprevious(d)
                else:
                    _outer(spans[-1][0]).addnext(d)
            if covered:
                groups: list[list] = []
                for run in covered:
                    if groups and groups[-1][-1].getnext() is run:
                        groups[-1].append(run)
                    else:
                        groups.append([run])
                for group in groups:
                    _wrap(group, self.rev.mark("ins"))

    def _deleted_run(self, template, text: str):
        from lxml import etree

        r = etree.Element(x.R)
        rpr = template.find(x.RPR)
        if rpr is not None:
            r.append(copy.deepcopy(rpr))
        for piece in re.split(r"([\t\n])", text):
            if piece == "\t":
                etree.SubElement(r, x.TAB)
            elif piece == "\n":
                etree.SubElement(r, x.BR)
            elif piece:
                t = etree.SubElement(r, x.DEL_TEXT)
                t.text = piece
                t.set(x.XML_SPACE, "preserve")
        return r


# --- helpers -----------------------------------------------------------------------


def _outer(run):
    """The element to put a sibling next to: the run, or the w:ins already around it."""
    parent = run.getparent()
    return parent if parent.tag in (x.INS, x.DEL) else run


def _wrap(runs: list, mark) -> None:
    runs[0].addprevious(mark)
    for run in runs:
        mark.append(run)


def _unwrap(el) -> None:
    parent = el.getparent()
    at = parent.index(el)
    keep = [c for c in el if c.tag not in (x.w("sdtPr"), x.w("sdtEndPr"), x.w("smartTagPr"))]
    for child in keep:
        parent.insert(at, child)
        at += 1
    parent.remove(el)


def _trpr(tr):
    from lxml import etree

    trpr = tr.find(x.w("trPr"))
    if trpr is None:
        trpr = etree.Element(x.w("trPr"))
        prex = tr.find(x.w("tblPrEx"))
        if prex is not None:
            prex.addnext(trpr)
        else:
            tr.insert(0, trpr)
    if not any(c.tag not in (x.INS, x.DEL, x.w("trPrChange")) for c in trpr):
        # The schema wants one row property before the revision mark; this one is the
        # default (rows may split across pages), so it changes nothing.
        split = etree.Element(x.w("cantSplit"))
        split.set(x.VAL, "off")
        trpr.insert(0, split)
    return trpr


def _mark_rpr(p):
    """The paragraph mark's w:rPr, created in schema order (before sectPr and pPrChange)."""
    from lxml import etree

    ppr = p.find(x.PPR)
    if ppr is None:
        ppr = etree.Element(x.PPR)
        p.insert(0, ppr)
    rpr = ppr.find(x.RPR)
    if rpr is None:
        rpr = etree.Element(x.RPR)
        after = next((c for c in ppr if c.tag in _AFTER_RPR), None)
        if after is not None:
            after.addprevious(rpr)
        else:
            ppr.append(rpr)
    return rpr


def _explode(p) -> None:
    """One text child per run, so that any run can be wrapped on its own."""
    from lxml import etree

    runs = []
    for run, _, _ in x.atoms(p):
        if not runs or runs[-1] is not run:
            runs.append(run)
    for run in runs:
        content = [c for c in run if c.tag != x.RPR]
        rpr = run.find(x.RPR)
        last = run
        for child in content[1:]:
            piece = etree.Element(x.R)
            if rpr is not None:
                piece.append(copy.deepcopy(rpr))
            piece.append(child)
            last.addnext(piece)
            last = piece


def _split_at(p, cuts: set[int]) -> None:
    """Split w:t runs so that every cut offset falls between runs."""
    for run, child, text, start in list(_atom_offsets(p)):
        inner = sorted(c - start for c in cuts if start < c < start + len(text))
        if not inner or child.tag != x.T:
            continue
        pieces = [text[a:b] for a, b in zip([0, *inner], [*inner, len(text)], strict=True)]
        child.text = pieces[0]
        child.set(x.XML_SPACE, "preserve")
        last = run
        for piece in pieces[1:]:
            clone = copy.deepcopy(run)
            clone.find(x.T).text = piece
            last.addnext(clone)
            last = clone


def _atom_offsets(p):
    at = 0
    for run, child, text in x.atoms(p):
        yield run, child, text, at
        at += len(text)


def _spans(p) -> list[tuple[object, int, int]]:
    """(run, start, end) per run in reading order, after _explode: one atom per run."""
    return [(run, start, start + len(text)) for run, _, text, start in _atom_offsets(p)]


def _place(el, after, body, old: Block):
    """Put a deleted copy where the old block stood; return the new cursor."""
    is_row = el.tag == x.TR
    if after is None:
        first = next((c for c in body if c.tag in (x.P, x.TBL, x.SDT)), None)
        if is_row:
            if first is not None and first.tag == x.TBL and _fits(el, first):
                _first_row(first).addprevious(el)
                return el
            el = _shell(el, old)
        if first is not None:
            first.addprevious(el)
        else:
            body.insert(0, el)
        return el.find(x.TR) if el.tag == x.TBL else el
    if after.tag == x.TR and not is_row:
        after = after.getparent()
    if is_row:
        if after.tag == x.TR and _fits(el, after.getparent()):
            after.addnext(el)
            return el
        if after.tag == x.TR:
            after = after.getparent()
        nxt = after.getnext()
        if nxt is not None and nxt.tag == x.TBL and _fits(el, nxt):
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
    return len(first.findall(x.TC)) == len(tr.findall(x.TC))


def _first_row(tbl):
    return tbl.find(x.TR)


def _shell(tr, old: Block):
    """A table around a deleted row whose whole table is gone from the new draft."""
    old_tbl = old.element.getparent()
    shell = copy.deepcopy(old_tbl)
    for child in list(shell):
        if child.tag not in (x.w("tblPr"), x.w("tblGrid")):
            shell.remove(child)
    change = shell.find(f"{x.w('tblPr')}/{x.w('tblPrChange')}")
    if change is not None:
        change.getparent().remove(change)
    shell.append(tr)
    return shell
