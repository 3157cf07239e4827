"""Realistic report drafts and the edits reviewers make to them, for the diff tests.

A draft follows the build's contracts (docs/architecture.md): UNPara paragraphs
numbered by Word, `_cmw_` identity bookmarks, Heading1/Heading2 sections, Arabic
right-to-left paragraphs and runs, a table with `w:bidiVisual`, a header, a footer
with a PAGE field, a footnote. Edits work on the XML the way Word leaves it: text
typed into a run, paragraphs inserted without bookmarks, tracked changes as Word
writes them.
"""

from __future__ import annotations

import copy
from collections.abc import Callable
from pathlib import Path

from docx import Document
from docx.enum.table import WD_TABLE_DIRECTION
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.opc.packuri import PackURI
from docx.opc.part import XmlPart
from docx.oxml import parse_xml
from docx.oxml.ns import qn

from cmwreport.docx.xml import W_NS as W

NS = f'xmlns:w="{W}"'
FOOTNOTES_CT = "application/vnd.openxmlformats-officedocument.wordprocessingml.footnotes+xml"
UN_NUM_ID = "7"

#: Items of the default draft: (kind, id, text). Kinds: h1, h2, para, sub, table, annex.
REPORT = [
    ("h1", None, "أولاً - مقدمة"),
    (
        "para",
        "intro-01",
        "يقدم المغرب هذا التقرير الدوري الثاني عملاً بالإجراء المبسط لتقديم التقارير.",
    ),
    (
        "para",
        "intro-02",
        "أُعدّ التقرير في إطار تشاوري، بمشاركة القطاعات الحكومية والمؤسسات الوطنية "
        "وهيئات المجتمع المدني.",
    ),
    ("para", "intro-03", "نُظمت ثلاث مشاورات جهوية في طنجة ووجدة وأكادير خلال سنة 2022."),
    ("h2", None, "ألف - الإطار القانوني"),
    (
        "para",
        "harmonise-law-01",
        "مواصلة الجهود في مجال ملاءمة التشريع الوطني مع أحكام الاتفاقية الدولية "
        "لحماية حقوق جميع العمال المهاجرين وأفراد أسرهم.",
    ),
    ("sub", "harmonise-law-01-a", "مراجعة القانون رقم 02.03 المتعلق بدخول وإقامة الأجانب؛"),
    ("sub", "harmonise-law-01-b", "اعتماد القانون رقم 27.14 المتعلق بمكافحة الاتجار بالبشر."),
    (
        "para",
        "harmonise-law-02",
        "تعزيز ولوج المهاجرين إلى العدالة، وتيسير حصولهم على المساعدة القضائية.",
    ),
    ("h2", None, "باء - السياسات العمومية"),
    (
        "para",
        "education-of-migrant-children",
        "مواصلة الجهود في مجال تعليم أبناء المهاجرين ودعم عمل وزارة التربية الوطنية "
        "في مجال إدماج أبناء المهاجرين في المنظومة التعليمية.",
    ),
    (
        "para",
        "health-services",
        "مواصلة الجهود في مجال الخدمات الصحية الموجهة للمهاجرين والمواكبة الصحية.",
    ),
    (
        "para",
        "vocational-training",
        "تكثيف برامج التكوين لفائدة المهاجرين لتعزيز فرص إدماجهم في سوق الشغل.",
    ),
    ("para", "access-to-housing", "تيسير الولوج للسكن عبر عقود استثنائية لفائدة المهاجرين."),
    (
        "table",
        None,
        [
            ("", ("المدينة", "التاريخ", "عدد المشاركين")),
            ("tangier", ("طنجة", "2022-05-18", "45")),
            ("oujda", ("وجدة", "2022-06-09", "38")),
            ("agadir", ("أكادير", "2022-07-14", "52")),
        ],
    ),
    (
        "para",
        "conclusion-01",
        "تؤكد المملكة المغربية التزامها بمواصلة الحوار البناء مع اللجنة.",
    ),
]
HEADER = "CMW/C/MAR/2"
FOOTER = "GE.22-12345"
#: Footnote text and the id of the paragraph that cites it.
FOOTNOTE = ("harmonise-law-02", "القانون رقم 27.14 الصادر بتاريخ 25 غشت 2016.")


class _Ids:
    def __init__(self) -> None:
        self.n = 100

    def __call__(self) -> str:
        self.n += 1
        return str(self.n)


def make_draft(
    path: Path,
    items=None,
    header: str = HEADER,
    footer: str = FOOTER,
    footnote: tuple[str, str] | None = FOOTNOTE,
) -> Path:
    """Write a draft as the build would: one UNPara paragraph per source item."""
    items = REPORT if items is None else items
    doc = Document()
    _drop_styles_with_effects(doc)
    _add_styles(doc)
    ids = _Ids()
    body = doc.element.body
    sect = body.find(qn("w:sectPr"))
    for kind, ident, text in items:
        if kind == "table":
            table = doc.add_table(rows=len(text), cols=len(text[0][1]))
            table.style = doc.styles["Table Grid"]
            table.table_direction = WD_TABLE_DIRECTION.RTL
            for r, (row_id, cells) in enumerate(text):
                for c, cell_text in enumerate(cells):
                    p = table.cell(r, c).paragraphs[0]._p
                    p.append(_ppr(None))
                    bm = f"_cmw_{row_id.replace('-', '_')}" if row_id and c == 0 else None
                    _fill(p, cell_text, bm, ids)
            continue
        style = {"h1": "Heading1", "h2": "Heading2", "para": "UNPara", "sub": "UNSubPara"}[kind]
        style = {"annex": "AnnexPara", "annextitle": "AnnexTitle"}.get(kind, style)
        p = parse_xml(f"<w:p {NS}/>")
        p.append(_ppr(style))
        bookmark = f"_cmw_{ident.replace('-', '_')}"[:40] if ident else None
        _fill(p, text, bookmark, ids)
        if footnote and ident == footnote[0]:
            p.append(
                parse_xml(
                    f'<w:r {NS}><w:rPr><w:vertAlign w:val="superscript"/></w:rPr>'
                    '<w:footnoteReference w:id="1"/></w:r>'
                )
            )
        sect.addprevious(p)
    section = doc.sections[0]
    hp = section.header.paragraphs[0]._p
    hp.get_or_add_pPr().append(parse_xml(f"<w:bidi {NS}/>"))
    _fill(hp, header, None, ids)
    fp = section.footer.paragraphs[0]._p
    fp.get_or_add_pPr().append(parse_xml(f"<w:bidi {NS}/>"))
    _fill(fp, footer, None, ids)
    fp.append(parse_xml(f"<w:r {NS}><w:tab/></w:r>"))
    for xml in (
        '<w:r><w:fldChar w:fldCharType="begin"/></w:r>',
        '<w:r><w:instrText xml:space="preserve"> PAGE </w:instrText></w:r>',
        '<w:r><w:fldChar w:fldCharType="separate"/></w:r>',
        "<w:r><w:t>1</w:t></w:r>",
        '<w:r><w:fldChar w:fldCharType="end"/></w:r>',
    ):
        fp.append(parse_xml(xml.replace("<w:r>", f"<w:r {NS}>", 1)))
    sect.find(qn("w:docGrid")).addprevious(parse_xml(f"<w:bidi {NS}/>"))
    if footnote:
        _add_footnotes(doc, footnote[1])
    doc.save(path)
    return path


def _drop_styles_with_effects(doc) -> None:
    # The default template's stylesWithEffects part fails openxml-audit.
    for rid, rel in list(doc.part.rels.items()):
        if rel.reltype.endswith("/stylesWithEffects"):
            doc.part.drop_rel(rid)


def _add_styles(doc) -> None:
    numbering = doc.part.numbering_part.element
    abstract = parse_xml(
        f'<w:abstractNum {NS} w:abstractNumId="70">'
        '<w:multiLevelType w:val="multilevel"/>'
        '<w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="decimal"/>'
        '<w:pStyle w:val="UNPara"/><w:lvlText w:val="%1."/><w:lvlJc w:val="left"/>'
        '<w:pPr><w:bidi/><w:ind w:left="0" w:firstLine="0"/></w:pPr></w:lvl>'
        '<w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="arabicAbjad"/>'
        '<w:pStyle w:val="UNSubPara"/><w:lvlText w:val="(%2)"/><w:lvlJc w:val="left"/>'
        '<w:pPr><w:bidi/><w:ind w:left="567" w:hanging="567"/></w:pPr></w:lvl>'
        '<w:lvl w:ilvl="2"><w:start w:val="1"/><w:numFmt w:val="lowerRoman"/>'
        '<w:lvlText w:val="(%3)"/><w:lvlJc w:val="left"/>'
        '<w:pPr><w:bidi/><w:ind w:left="1134" w:hanging="567"/></w:pPr></w:lvl>'
        "</w:abstractNum>"
    )
    first_num = numbering.find(qn("w:num"))
    if first_num is not None:
        first_num.addprevious(abstract)
    else:
        numbering.append(abstract)
    numbering.append(
        parse_xml(f'<w:num {NS} w:numId="{UN_NUM_ID}"><w:abstractNumId w:val="70"/></w:num>')
    )
    styles = doc.styles.element
    rpr = (
        '<w:rPr><w:rFonts w:ascii="Amiri" w:hAnsi="Amiri" w:cs="Amiri"/>'
        '<w:sz w:val="24"/><w:szCs w:val="28"/><w:lang w:bidi="ar-MA"/></w:rPr>'
    )
    for sid, name, ilvl in (
        ("UNPara", "UN Numbered Paragraph", 0),
        ("UNSubPara", "UN Sub Paragraph", 1),
    ):
        styles.append(
            parse_xml(
                f'<w:style {NS} w:type="paragraph" w:customStyle="1" w:styleId="{sid}">'
                f'<w:name w:val="{name}"/><w:basedOn w:val="Normal"/><w:qFormat/>'
                f'<w:pPr><w:numPr><w:ilvl w:val="{ilvl}"/><w:numId w:val="{UN_NUM_ID}"/>'
                "</w:numPr><w:bidi/></w:pPr>"
                f"{rpr}</w:style>"
            )
        )
    for sid, name in (("AnnexTitle", "Annex Title"), ("AnnexPara", "Annex Paragraph")):
        styles.append(
            parse_xml(
                f'<w:style {NS} w:type="paragraph" w:customStyle="1" w:styleId="{sid}">'
                f'<w:name w:val="{name}"/><w:basedOn w:val="Normal"/><w:pPr><w:bidi/></w:pPr>'
                f"{rpr}</w:style>"
            )
        )


def _ppr(style: str | None):
    ppr = parse_xml(f"<w:pPr {NS}/>")
    if style:
        ppr.append(parse_xml(f'<w:pStyle {NS} w:val="{style}"/>'))
    ppr.append(parse_xml(f"<w:bidi {NS}/>"))
    return ppr


def run_xml(text: str, tag: str = "t") -> str:
    """A run as the build writes Arabic: complex-script font and size, rtl, ar-MA."""
    space = ' xml:space="preserve"' if text != text.strip() else ""
    return (
        f'<w:r {NS}><w:rPr><w:rFonts w:cs="Amiri"/><w:szCs w:val="28"/><w:rtl/>'
        f'<w:lang w:bidi="ar-MA"/></w:rPr><w:{tag}{space}>{_esc(text)}</w:{tag}></w:r>'
    )


def _esc(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def _fill(p, text: str, bookmark: str | None, ids: _Ids) -> None:
    bid = ids()
    if bookmark:
        p.append(parse_xml(f'<w:bookmarkStart {NS} w:id="{bid}" w:name="{bookmark}"/>'))
    # Two runs, as Word leaves a paragraph after any edit: diff must not care.
    cut = text.find(" ", len(text) // 2)
    parts = [text] if cut < 0 else [text[:cut], text[cut:]]
    for part in parts:
        p.append(parse_xml(run_xml(part)))
    if bookmark:
        p.append(parse_xml(f'<w:bookmarkEnd {NS} w:id="{bid}"/>'))


def _add_footnotes(doc, text: str) -> None:
    xml = (
        f"<w:footnotes {NS}>"
        '<w:footnote w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p>'
        "</w:footnote>"
        '<w:footnote w:type="continuationSeparator" w:id="0"><w:p><w:r>'
        "<w:continuationSeparator/></w:r></w:p></w:footnote>"
        '<w:footnote w:id="1"><w:p><w:pPr><w:bidi/></w:pPr>'
        '<w:r><w:rPr><w:vertAlign w:val="superscript"/></w:rPr><w:footnoteRef/></w:r>'
        f'<w:r><w:rPr><w:rtl/></w:rPr><w:t xml:space="preserve"> {_esc(text)}</w:t></w:r>'
        "</w:p></w:footnote></w:footnotes>"
    )
    part = XmlPart(PackURI("/word/footnotes.xml"), FOOTNOTES_CT, parse_xml(xml), doc.part.package)
    doc.part.relate_to(part, RT.FOOTNOTES)


# --- Edits ------------------------------------------------------------------------

Edit = Callable[[object], None]


def edited(src: Path, dst: Path, *edits: Edit) -> Path:
    """Open a draft, apply edits in order, save it elsewhere (the reviewer's new draft)."""
    doc = Document(src)
    for edit in edits:
        edit(doc)
    doc.save(dst)
    return dst


def _body(doc):
    return doc.element.body


def _paragraph(doc, fragment: str):
    for p in _body(doc).iter(qn("w:p")):
        if fragment in "".join(t.text or "" for t in p.iter(qn("w:t"))):
            return p
    raise AssertionError(f"no paragraph contains {fragment!r}")


def change_word(old: str, new: str) -> Edit:
    """Type over a word inside its run, as Word keeps it (formatting and bookmarks stay)."""

    def edit(doc) -> None:
        for t in _body(doc).iter(qn("w:t")):
            if t.text and old in t.text:
                t.text = t.text.replace(old, new, 1)
                return
        raise AssertionError(f"no run contains {old!r}")

    return edit


def insert_paragraph(after: str, text: str, style: str = "UNPara") -> Edit:
    """A paragraph a drafter types in Word: numbered by style, no identity bookmark."""

    def edit(doc) -> None:
        p = parse_xml(f"<w:p {NS}/>")
        p.append(_ppr(style))
        p.append(parse_xml(run_xml(text)))
        _paragraph(doc, after).addnext(p)

    return edit


def strip_identity() -> Edit:
    """A draft that never had identity bookmarks: aligned by content alone."""

    def edit(doc) -> None:
        for bm in list(_body(doc).iter(qn("w:bookmarkStart"), qn("w:bookmarkEnd"))):
            bm.getparent().remove(bm)

    return edit


def delete_paragraph(fragment: str) -> Edit:
    def edit(doc) -> None:
        p = _paragraph(doc, fragment)
        p.getparent().remove(p)

    return edit


def move_paragraph(fragment: str, after: str) -> Edit:
    """Cut and paste: Word carries the paragraph's bookmark along."""

    def edit(doc) -> None:
        p = _paragraph(doc, fragment)
        p.getparent().remove(p)
        _paragraph(doc, after).addnext(p)

    return edit


def edit_cell(table: int, row: int, col: int, text: str) -> Edit:
    """Retype a cell's text (1-based indices), keeping its first run's formatting."""

    def edit(doc) -> None:
        cell = doc.tables[table - 1].cell(row - 1, col - 1)
        p = cell.paragraphs[0]._p
        runs = p.findall(qn("w:r"))
        runs[0].find(qn("w:t")).text = text
        for r in runs[1:]:
            p.remove(r)

    return edit


def add_row(table: int, cells: tuple[str, ...]) -> Edit:
    def edit(doc) -> None:
        tbl = doc.tables[table - 1]._tbl
        last = tbl.findall(qn("w:tr"))[-1]
        row = copy.deepcopy(last)
        for bm in list(row.iter(qn("w:bookmarkStart"), qn("w:bookmarkEnd"))):
            bm.getparent().remove(bm)
        for tc, text in zip(row.findall(qn("w:tc")), cells, strict=True):
            p = tc.find(qn("w:p"))
            for r in p.findall(qn("w:r")):
                p.remove(r)
            p.append(parse_xml(run_xml(text)))
        last.addnext(row)

    return edit


def delete_row(table: int, row: int) -> Edit:
    def edit(doc) -> None:
        tr = doc.tables[table - 1]._tbl.findall(qn("w:tr"))[row - 1]
        tr.getparent().remove(tr)

    return edit


def edit_header(old: str, new: str) -> Edit:
    def edit(doc) -> None:
        for t in doc.sections[0].header._element.iter(qn("w:t")):
            if t.text and old in t.text:
                t.text = t.text.replace(old, new)
                return
        raise AssertionError(f"no header run contains {old!r}")

    return edit


def edit_footnote(old: str, new: str) -> Edit:
    def edit(doc) -> None:
        for rel in doc.part.rels.values():
            if rel.reltype == RT.FOOTNOTES:
                part = rel.target_part
                root = parse_xml(part.blob)
                for t in root.iter(qn("w:t")):
                    if t.text and old in t.text:
                        t.text = t.text.replace(old, new)
                        part._blob = _serialise(root)
                        return
        raise AssertionError(f"no footnote contains {old!r}")

    return edit


def _serialise(root) -> bytes:
    from lxml import etree

    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)


REVISION = 'w:author="Reviewer" w:date="2024-03-01T10:00:00Z"'


def tracked_insert(in_paragraph: str, before_word: str, text: str, rid: int = 901) -> Edit:
    """A tracked insertion as Word writes it: the run split, a w:ins holding a new run."""

    def edit(doc) -> None:
        at = _isolate(_paragraph(doc, in_paragraph), before_word)
        ins = parse_xml(f'<w:ins {NS} w:id="{rid}" {REVISION}>{run_xml(text)}</w:ins>')
        ins[0].replace(ins[0].find(qn("w:rPr")), copy.deepcopy(at.find(qn("w:rPr"))))
        at.addprevious(ins)

    return edit


def tracked_delete(in_paragraph: str, word: str, rid: int = 902) -> Edit:
    """A tracked deletion as Word writes it: the deleted run moved into w:del, w:delText."""

    def edit(doc) -> None:
        run = _isolate(_paragraph(doc, in_paragraph), word)
        d = parse_xml(f'<w:del {NS} w:id="{rid}" {REVISION}/>')
        run.addprevious(d)
        d.append(run)
        run.find(qn("w:t")).tag = qn("w:delText")

    return edit


def tracked_delete_paragraph(fragment: str, rid: int = 903) -> Edit:
    """A whole paragraph deleted with tracking on: runs in w:del and the mark deleted."""

    def edit(doc) -> None:
        p = _paragraph(doc, fragment)
        for bm in list(p.iter(qn("w:bookmarkStart"), qn("w:bookmarkEnd"))):
            p.remove(bm)
        runs = p.findall(qn("w:r"))
        d = parse_xml(f'<w:del {NS} w:id="{rid}" {REVISION}/>')
        runs[0].addprevious(d)
        for r in runs:
            d.append(r)
            for t in r.iter(qn("w:t")):
                t.tag = qn("w:delText")
        ppr = p.find(qn("w:pPr"))
        rpr = parse_xml(f'<w:rPr {NS}><w:del w:id="{rid + 1}" {REVISION}/></w:rPr>')
        ppr.append(rpr)

    return edit


def _isolate(p, word: str):
    """Split the run holding `word` so that the word is a run of its own; return it."""
    space = "{http://www.w3.org/XML/1998/namespace}space"
    for run in list(p.iter(qn("w:r"))):
        t = run.find(qn("w:t"))
        if t is None or not t.text or word not in t.text:
            continue
        i = t.text.index(word)
        target = None
        for piece in (t.text[:i], word, t.text[i + len(word) :]):
            if not piece:
                continue
            r = copy.deepcopy(run)
            r.find(qn("w:t")).text = piece
            r.find(qn("w:t")).set(space, "preserve")
            run.addprevious(r)
            if piece is word and target is None:
                target = r
        run.getparent().remove(run)
        return target
    raise AssertionError(f"no run contains {word!r}")


def accept_tracked(doc) -> None:
    """Accept All Changes, as a reviewer does in Word, written independently of diff's own."""
    body = _body(doc)
    for p in list(body.iter(qn("w:p"))):
        mark = p.find(f"{qn('w:pPr')}/{qn('w:rPr')}/{qn('w:del')}")
        if mark is not None:
            if not "".join(t.text or "" for t in p.iter(qn("w:t"))).strip():
                p.getparent().remove(p)
                continue
            mark.getparent().remove(mark)
    for d in list(body.iter(qn("w:del"))):
        d.getparent().remove(d)
    for ins in list(body.iter(qn("w:ins"))):
        parent = ins.getparent()
        for child in list(ins):
            ins.addprevious(child)
        parent.remove(ins)


def resolve_revisions(src: Path, dst: Path, accept: bool) -> Path:
    """Accept or reject every tracked change in every part, as Word's Accept/Reject All.

    Written apart from diff's own reader so that the redline is checked by a second
    reading of the revisions, not by the code that wrote them.
    """
    import zipfile

    from lxml import etree

    # LibreOffice turns a deleted-and-inserted paragraph into a native move.
    inserted, deleted = ("ins", "moveTo"), ("del", "moveFrom")
    keep, drop = (inserted, deleted) if accept else (deleted, inserted)
    with zipfile.ZipFile(src) as zin, zipfile.ZipFile(dst, "w", zipfile.ZIP_DEFLATED) as zout:
        for info in zin.infolist():
            data = zin.read(info.filename)
            if info.filename.startswith("word/") and info.filename.endswith(".xml"):
                root = etree.fromstring(data)
                # Only WordprocessingML parts hold revisions; a chart is left byte for byte.
                if root.tag.startswith(f"{{{W}}}"):
                    _resolve(root, keep, drop)
                    data = etree.tostring(
                        root, xml_declaration=True, encoding="UTF-8", standalone=True
                    )
            zout.writestr(info, data)
    return dst


def _resolve(root, keep: tuple[str, ...], drop: tuple[str, ...]) -> None:
    # Formatting revisions: accepting drops the record, rejecting puts it back.
    for tag, props in (("w:rPrChange", "w:rPr"), ("w:pPrChange", "w:pPr")):
        for change in list(root.iter(qn(tag))):
            holder = change.getparent()
            holder.remove(change)
            if "ins" in drop:  # rejecting
                kept = [c for c in holder if c.tag in (qn("w:rPr"), qn("w:sectPr"))]
                if tag == "w:rPrChange":
                    kept = []
                for child in list(holder):
                    if child not in kept:
                        holder.remove(child)
                record = change.find(qn(props))
                for child in record if record is not None else ():
                    holder.append(child)
    keep = tuple(qn(f"w:{t}") for t in keep)
    drop = tuple(qn(f"w:{t}") for t in drop)
    ranges = ("moveFromRangeStart", "moveFromRangeEnd", "moveToRangeStart", "moveToRangeEnd")
    for el in list(root.iter(*(qn(f"w:{t}") for t in ranges))):
        el.getparent().remove(el)
    # Rows and paragraphs whose existence is the dropped revision go first.
    for mark in list(root.iter(*drop)):
        parent = mark.getparent()
        if parent is None:
            continue
        if parent.tag == qn("w:trPr"):
            row = parent.getparent()
            row.getparent().remove(row)
        elif parent.tag == qn("w:rPr") and parent.getparent().tag == qn("w:pPr"):
            p = parent.getparent().getparent()
            nxt = p.getnext()
            # Bookmarks inside a rejected insertion go with it, as in Word.
            skip = (qn("w:pPr"), qn("w:bookmarkStart"), qn("w:bookmarkEnd"))
            content = [c for c in p if c.tag not in skip]
            if nxt is not None and nxt.tag == qn("w:p"):
                at = 1 if nxt.find(qn("w:pPr")) is not None else 0
                for c in content:
                    nxt.insert(at, c)
                    at += 1
            p.getparent().remove(p)
    for el in list(root.iter(*drop)):
        if el.getparent() is not None:
            el.getparent().remove(el)
    for el in list(root.iter(*keep)):
        parent = el.getparent()
        if parent is None:
            continue
        if parent.tag in (qn("w:rPr"), qn("w:trPr")):
            parent.remove(el)
            continue
        for child in list(el):
            el.addprevious(child)
        parent.remove(el)
    # A deleted cell goes on Accept and stays on Reject; an inserted one the other way.
    gone, stays = ("w:cellDel", "w:cellIns") if qn("w:del") in drop else ("w:cellIns", "w:cellDel")
    for mark in list(root.iter(qn(gone), qn(stays))):
        tcpr = mark.getparent()
        cell = tcpr.getparent()
        if mark.tag == qn(gone) and cell.getparent() is not None:
            cell.getparent().remove(cell)
        else:
            tcpr.remove(mark)
    for t in list(root.iter(qn("w:delText"))):
        t.tag = qn("w:t")
    for t in list(root.iter(qn("w:delInstrText"))):
        t.tag = qn("w:instrText")
