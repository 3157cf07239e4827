"""Read a .docx draft into blocks: body, tables, headers, footers, footnotes.

Parts are parsed with lxml directly rather than through python-docx objects: a
5,000-paragraph draft must read in a fraction of a second, and the text inside
tracked changes needs its own reading anyway (python-docx drops inserted text).
"""

from __future__ import annotations

import posixpath
import zipfile
from pathlib import Path

from cmwreport.diff import ooxml as x
from cmwreport.diff.model import (
    BODY,
    FOOTER,
    FOOTNOTE,
    HEADER,
    TABLE,
    Block,
    Draft,
    DraftError,
    Tracked,
)
from cmwreport.docx import package
from cmwreport.docx.xml import R_NS

_OFFICE_DOC = (
    "http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument",
    "http://purl.oclc.org/ooxml/officeDocument/relationships/officeDocument",
)
_WORD_MAIN_TYPES = (
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml",
    "application/vnd.ms-word.document.macroEnabled.main+xml",
    "application/vnd.openxmlformats-officedocument.wordprocessingml.template.main+xml",
    "application/vnd.ms-word.template.macroEnabledTemplate.main+xml",
)
_HEADINGS = {"heading1": 1, "heading2": 2, "heading3": 3, "annextitle": 0}
_ABJAD = "أبجدهوزحطيكلمنسعفصقرشتثخذضظغ"
_ROMAN = ["i", "ii", "iii", "iv", "v", "vi", "vii", "viii", "ix", "x", "xi", "xii"]


def read_draft(path: Path) -> Draft:
    """Read one draft in its accepted view, or raise DraftError with a one-line reason."""
    from lxml import etree

    name = str(path)
    if not path.exists():
        raise DraftError(f"{name}: no such file")
    if path.is_dir():
        raise DraftError(f"{name}: is a directory, not a .docx file")
    try:
        zf = zipfile.ZipFile(path)
    except zipfile.BadZipFile:
        raise DraftError(f"{name}: not a .docx file (not a zip archive)") from None
    except OSError as exc:
        raise DraftError(f"{name}: cannot read: {exc.strerror or exc}") from None
    # The same bound as for templates: a zip bomb must not exhaust a reviewer's memory.
    if sum(info.file_size for info in zf.infolist()) > package.MAX_INFLATED:
        zf.close()
        raise DraftError(
            f"{name}: too large once uncompressed (over {package.MAX_INFLATED >> 20} MiB) "
            "to be a draft"
        )
    parser = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=True)

    def load(part: str):
        try:
            data = zf.read(part)
        except KeyError:
            return None
        except (zipfile.BadZipFile, OSError, EOFError, RuntimeError) as exc:
            raise DraftError(f"{name}: corrupt .docx: cannot read {part}: {exc}") from None
        try:
            return etree.fromstring(data, parser)
        except etree.XMLSyntaxError as exc:
            raise DraftError(
                f"{name}: corrupt .docx: {part} is not well-formed XML: {exc}"
            ) from None

    with zf:
        main = _main_part(zf, load, name)
        doc = load(main)
        if doc is None or doc.tag != x.w("document"):
            raise DraftError(f"{name}: not a Word document (no WordprocessingML body)")
        body = doc.find(x.w("body"))
        if body is None:
            raise DraftError(f"{name}: not a Word document (no WordprocessingML body)")
        rels = _relationships(load, main)
        styles_root = load(rels["styles"][0]) if rels.get("styles") else None
        tracked = Tracked()
        parts = {main: doc}
        _count(tracked, x.accept_all(doc))
        styles = _Styles(styles_root)

        draft = Draft(
            path=name, body=[], headers={}, footers={}, footnotes=[], tracked=tracked, parts=parts
        )
        draft.main_part = main
        hosts = _read_body(body, styles, draft.body)

        by_id = {rid: target for kind in ("header", "footer") for rid, target in rels.get(kind, [])}
        seen: dict[str, str] = {}
        counts: dict[tuple[str, str], int] = {}
        for sect in doc.iter(x.SECT_PR):
            for ref in sect:
                kind = "header" if ref.tag == x.w("headerReference") else None
                kind = "footer" if ref.tag == x.w("footerReference") else kind
                target = by_id.get(ref.get(f"{{{R_NS}}}id") or "")
                if kind is None or target is None or target in seen:
                    continue
                kind_type = ref.get(x.w("type")) or "default"
                n = counts[(kind, kind_type)] = counts.get((kind, kind_type), 0) + 1
                key = kind_type if n == 1 else f"{kind_type} {n}"
                seen[target] = key
                root = load(target)
                if root is None:
                    continue
                _count(tracked, x.accept_all(root))
                parts[target] = root
                draft.part_names[f"{kind}:{key}"] = target
                location = HEADER if kind == "header" else FOOTER
                blocks = _read_loose(root, location, key)
                (draft.headers if kind == "header" else draft.footers)[key] = blocks

        if rels.get("footnotes"):
            target = rels["footnotes"][0]
            root = load(target)
            if root is not None:
                _count(tracked, x.accept_all(root))
                parts[target] = root
                draft.footnotes_part = target
                draft.footnotes = _read_footnotes(root, hosts)
    return draft


def _count(tracked: Tracked, counts: tuple[int, int, int, int]) -> None:
    tracked.insertions += counts[0]
    tracked.deletions += counts[1]
    tracked.moves += counts[2]
    tracked.formatting += counts[3]


def _main_part(zf: zipfile.ZipFile, load, name: str) -> str:
    rels = load("_rels/.rels")
    if rels is not None:
        for rel in rels:
            if rel.get("Type") in _OFFICE_DOC:
                return rel.get("Target", "").lstrip("/")
    types = load("[Content_Types].xml")
    if types is not None:
        for override in types:
            if override.get("ContentType") in _WORD_MAIN_TYPES:
                return override.get("PartName", "").lstrip("/")
    if "word/document.xml" in zf.namelist():
        return "word/document.xml"
    raise DraftError(f"{name}: not a .docx file (no Word document inside the zip)")


def _relationships(load, part: str) -> dict[str, list]:
    folder, base = posixpath.split(part)
    root = load(posixpath.join(folder, "_rels", base + ".rels"))
    out: dict[str, list] = {}
    if root is None:
        return out
    for rel in root:
        kind = (rel.get("Type") or "").rsplit("/", 1)[-1]
        if rel.get("TargetMode") == "External":
            continue
        target = posixpath.normpath(posixpath.join(folder, rel.get("Target") or ""))
        if kind in ("header", "footer"):
            out.setdefault(kind, []).append((rel.get("Id"), target))
        else:
            out.setdefault(kind, []).append(target)
    return out


class _Styles:
    """What numbering and sections need from styles.xml: inheritance and numbering."""

    def __init__(self, root) -> None:
        self.based: dict[str, str] = {}
        self.num: dict[str, tuple[str | None, str | None]] = {}
        self.key: dict[str, str] = {}
        self.default_para: str | None = None
        if root is None:
            return
        for st in root.iter(x.w("style")):
            if st.get(x.w("type")) != "paragraph":
                continue
            sid = st.get(x.w("styleId")) or ""
            name_el = st.find(x.w("name"))
            name = name_el.get(x.VAL) if name_el is not None else ""
            self.key[sid] = _style_key(sid, name or "")
            based = st.find(x.w("basedOn"))
            if based is not None:
                self.based[sid] = based.get(x.VAL)
            numpr = st.find(f"{x.PPR}/{x.NUMPR}")
            if numpr is not None:
                self.num[sid] = _numpr(numpr)
            if st.get(x.w("default")) in ("1", "true", "on"):
                self.default_para = sid
        self._chains: dict[str, tuple[str, ...]] = {}
        self.un_num = self.numbering(self._find("unpara"))[0]

    def _find(self, key: str) -> str | None:
        return next((sid for sid, k in self.key.items() if k == key), None)

    def chain(self, sid: str | None) -> tuple[str, ...]:
        """Keys of a style and the styles it is based on, nearest first."""
        if sid is None:
            return ()
        cached = self._chains.get(sid)
        if cached is None:
            keys, seen, cur = [], set(), sid
            while cur is not None and cur not in seen:
                seen.add(cur)
                keys.append(self.key.get(cur, cur.lower()))
                cur = self.based.get(cur)
            cached = self._chains[sid] = tuple(keys)
        return cached

    def numbering(self, sid: str | None) -> tuple[str | None, str | None]:
        seen = set()
        while sid is not None and sid not in seen:
            seen.add(sid)
            if sid in self.num:
                return self.num[sid]
            sid = self.based.get(sid)
        return None, None


def _style_key(sid: str, name: str) -> str:
    """One spelling per style whether Word (ids) or LibreOffice (names) wrote the file."""
    name_key = name.replace(" ", "").lower()
    known = {
        "unnumberedparagraph": "unpara",
        "annexparagraph": "annexpara",
        "annextitle": "annextitle",
    }
    if name_key in known:
        return known[name_key]
    sid_key = sid.lower()
    if sid_key in ("unpara", "unsubpara", "unsubsubpara", "annexpara", "annextitle"):
        return sid_key
    if name_key.startswith("heading") and name_key[7:] in ("1", "2", "3"):
        return "heading" + name_key[7:]
    return sid_key


def _numpr(numpr) -> tuple[str | None, str | None]:
    num_id = numpr.find(x.w("numId"))
    ilvl = numpr.find(x.w("ilvl"))
    return (
        num_id.get(x.VAL) if num_id is not None else None,
        ilvl.get(x.VAL) if ilvl is not None else None,
    )


class _Numbering:
    """Counts UN paragraph numbers the way Word's automatic numbering prints them."""

    def __init__(self, styles: _Styles) -> None:
        self.styles = styles
        self.levels = [0, 0, 0]
        self.annex = 0
        self.last: str | None = None

    def number(self, p) -> str | None:
        ppr = p.find(x.PPR)
        sid = None
        direct = (None, None)
        if ppr is not None:
            ps = ppr.find(x.PSTYLE)
            sid = ps.get(x.VAL) if ps is not None else None
            numpr = ppr.find(x.NUMPR)
            if numpr is not None:
                direct = _numpr(numpr)
        if sid is None:
            sid = self.styles.default_para
        chain = self.styles.chain(sid)
        style_num = self.styles.numbering(sid)
        num_id = direct[0] if direct[0] is not None else style_num[0]
        ilvl = direct[1] if direct[1] is not None else style_num[1]
        if num_id == "0":
            return None
        if "annexpara" in chain:
            self.annex += 1
            return self._set(f"annex {self.annex}")
        un = self.styles.un_num
        # build labels sub-paragraphs with a w:num of their own (docx/numbering.py): a
        # paragraph whose style is in the UN list stays in it at its own level.
        in_un = un is not None and un in (num_id, style_num[0])
        if in_un or "unpara" in chain:
            level = _int(ilvl) if in_un else 0
            return self._set(self._count(level))
        return None

    def _count(self, level: int) -> str:
        level = min(max(level, 0), 2)
        self.levels[level] += 1
        for deeper in range(level + 1, 3):
            self.levels[deeper] = 0
        label = str(self.levels[0])
        if level >= 1:
            label += f" ({_letter(self.levels[1])})"
        if level >= 2:
            n = self.levels[2]
            label += f" ({_ROMAN[n - 1] if n <= len(_ROMAN) else n})"
        return label

    def _set(self, label: str) -> str:
        self.last = label
        return label


def _int(value: str | None) -> int:
    try:
        return int(value or 0)
    except ValueError:
        return 0


def _letter(n: int) -> str:
    return _ABJAD[n - 1] if 0 < n <= len(_ABJAD) else str(n)


class _Walk:
    def __init__(self, styles: _Styles, out: list[Block]) -> None:
        self.styles = styles
        self.numbering = _Numbering(styles)
        self.out = out
        self.section: str | None = None
        self.tables = 0
        self.pending_ident: str | None = None
        #: footnote id -> (number, after, section) of the paragraph that cites it.
        self.hosts: dict[str, tuple[str | None, str | None, str | None]] = {}


def _read_body(body, styles: _Styles, out: list[Block]) -> dict:
    walk = _Walk(styles, out)
    _walk(body, walk)
    for i, block in enumerate(out):
        block.index = i
    return walk.hosts


def _walk(container, walk: _Walk) -> None:
    for el in container:
        tag = el.tag
        if tag == x.P:
            _paragraph(el, walk)
        elif tag == x.TBL:
            _table(el, walk)
        elif tag == x.BOOKMARK_START:
            name = el.get(x.NAME) or ""
            if name.startswith(x.IDENTITY_PREFIX):
                walk.pending_ident = name[len(x.IDENTITY_PREFIX) :]
        elif tag in (x.SDT, x.SDT_CONTENT, x.w("customXml")):
            _walk(el, walk)


def _paragraph(p, walk: _Walk) -> None:
    after = walk.numbering.last
    number = walk.numbering.number(p)
    text = x.paragraph_text(p)
    ident = x.identity(p) or walk.pending_ident
    for ref in p.iter(x.FOOTNOTE_REF):
        walk.hosts.setdefault(ref.get(x.ID), (number, number or after, walk.section))
    if not text.strip():
        return
    walk.pending_ident = None
    heading = _heading_level(p, walk.styles) is not None
    walk.out.append(
        Block(
            location=BODY,
            text=text,
            ident=ident,
            number=number,
            after=None if number else after,
            section=walk.section,
            heading=heading,
            element=p,
        )
    )
    if heading:
        walk.section = text.strip()


def _heading_level(p, styles: _Styles) -> int | None:
    ps = p.find(f"{x.PPR}/{x.PSTYLE}")
    if ps is None:
        return None
    for key in styles.chain(ps.get(x.VAL)):
        if key in _HEADINGS:
            return _HEADINGS[key]
    return None


def _table(tbl, walk: _Walk) -> None:
    walk.tables += 1
    rows = 0
    for tr in tbl.iter(x.TR):
        # Rows of nested tables belong to their cell's text, not to this table.
        if _owning_table(tr) is not tbl:
            continue
        rows += 1
        cells = [c for c in tr.iter(x.TC) if _owning_table(c) is tbl]
        texts = tuple(_cell_text(c) for c in cells)
        for ref in tr.iter(x.FOOTNOTE_REF):
            walk.hosts.setdefault(ref.get(x.ID), (None, walk.numbering.last, walk.section))
        walk.out.append(
            Block(
                location=TABLE,
                text=" | ".join(texts),
                cells=texts,
                ident=x.identity(cells[0]) if cells else None,
                after=walk.numbering.last,
                section=walk.section,
                table=walk.tables,
                row=rows,
                element=tr,
            )
        )


def _owning_table(el):
    parent = el.getparent()
    while parent is not None and parent.tag != x.TBL:
        parent = parent.getparent()
    return parent


def cell_paragraphs(cell) -> list:
    return [p for p in cell.iter(x.P) if not _in_fallback(p, cell)]


def _cell_text(cell) -> str:
    texts = [x.paragraph_text(p) for p in cell_paragraphs(cell)]
    return "\n".join(t for t in texts if t.strip())


def _in_fallback(el, stop) -> bool:
    parent = el.getparent()
    while parent is not None and parent is not stop:
        if parent.tag == x.FALLBACK:
            return True
        parent = parent.getparent()
    return False


def _read_loose(root, location: str, part: str) -> list[Block]:
    """Header and footer paragraphs, including those in their tables and text boxes."""
    out = []
    for p in root.iter(x.P):
        if _in_fallback(p, root):
            continue
        text = x.paragraph_text(p)
        if text.strip():
            out.append(Block(location=location, text=text, part=part, element=p))
    for i, block in enumerate(out):
        block.index = i
    return out


def _read_footnotes(root, hosts: dict) -> list[Block]:
    notes = {}
    for fn in root.iter(x.w("footnote")):
        if fn.get(x.w("type")) in (None, "normal"):
            notes[fn.get(x.ID)] = fn
    out = []
    # Footnotes are shown numbered in the order the body cites them.
    for ordinal, (fid, (number, after, section)) in enumerate(hosts.items(), start=1):
        fn = notes.get(fid)
        if fn is None:
            continue
        text = footnote_text(fn)
        out.append(
            Block(
                location=FOOTNOTE,
                text=text,
                number=number,
                after=after if number is None else None,
                section=section,
                part=str(ordinal),
                index=len(out),
                element=fn,
            )
        )
    return out


def footnote_text(fn) -> str:
    texts = [x.paragraph_text(p) for p in cell_paragraphs(fn)]
    return "\n".join(t.strip() for t in texts if t.strip())
