"""Content described above the XML level, and its rendering to WordprocessingML.

The merge and the template script say *what* goes in the document (`Para`, `Table`);
this module decides *how* it is written: paragraph and run direction, schema order,
bookmarks around generated content, lxml elements built directly (python-docx's
`add_paragraph` and style lookups by name are far slower and cannot write `w:bidi`).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from lxml import etree

from cmwreport.contract import BOOKMARK_PREFIX, bookmark_name
from cmwreport.docx import rtl
from cmwreport.docx.order import ordered
from cmwreport.docx.xml import el, set_text, sub, w
from cmwreport.plain import Plain

if TYPE_CHECKING:
    from cmwreport.docx.footnotes import Footnotes


# Plain classes rather than dataclasses: creating a dataclass compiles its methods,
# 2.4 M instructions a class at every build (issue 21).


class Para(Plain):
    """A paragraph to write. `bookmark`: the source item id, the paragraph's content is
    wrapped in bookmark `_cmw_<id>`; `bookmark_suffix`: appended to the bookmark name
    (kept when the id is cut to 40 characters), for several paragraphs generated from
    one source item; `align`: "center" or "both", None keeps the style's (logical)
    alignment; `field`: a simple field, e.g. "PAGE", written after the text; `marks`:
    (text, character style id), occurrences of the text get the style (the template's
    drafting placeholders); `footnotes`: footnote texts, their marks after the
    paragraph's text (see docx/footnotes.py)."""

    __slots__ = (
        "align",
        "bold",
        "bookmark",
        "bookmark_suffix",
        "field",
        "footnotes",
        "marks",
        "page_break_before",
        "rtl",
        "style",
        "text",
    )
    _compared = (
        "style",
        "text",
        "bookmark",
        "bookmark_suffix",
        "rtl",
        "align",
        "page_break_before",
        "field",
        "bold",
        "marks",
        "footnotes",
    )

    def __init__(
        self,
        style: str,
        text: str = "",
        bookmark: str | None = None,
        bookmark_suffix: str = "",
        rtl: bool = True,
        align: str | None = None,
        page_break_before: bool | None = None,
        field: str | None = None,
        bold: bool = False,
        marks: tuple[str, str] | None = None,
        footnotes: tuple[str, ...] = (),
    ) -> None:
        self.style, self.text, self.bookmark, self.bookmark_suffix = (
            style,
            text,
            bookmark,
            bookmark_suffix,
        )
        self.rtl, self.align, self.page_break_before = rtl, align, page_break_before
        self.field, self.bold, self.marks, self.footnotes = field, bold, marks, footnotes


class Row(Plain):
    """A table row. `rule_below`: a rule under the row without the row repeating as a
    header (the masthead); `bookmark`: the source item id, bookmarked in the first cell
    (see docs/architecture.md)."""

    __slots__ = ("bookmark", "cells", "header", "rule_below")
    _compared = ("cells", "header", "rule_below", "bookmark")

    def __init__(
        self,
        cells: list[list[Para]],
        header: bool = False,
        rule_below: bool = False,
        bookmark: str | None = None,
    ) -> None:
        self.cells, self.header, self.rule_below, self.bookmark = (
            cells,
            header,
            rule_below,
            bookmark,
        )


class Table(Plain):
    """A table. `widths`: twentieths of a point, one per column; `borders`: "rules",
    horizontal rules above, below and under the header (UN tables), or "none", a
    layout table such as the masthead."""

    __slots__ = ("bookmark", "borders", "caption", "cell_margins", "rows", "rtl", "widths")
    _compared = ("widths", "rows", "rtl", "borders", "caption", "bookmark", "cell_margins")

    def __init__(
        self,
        widths: list[int],
        rows: list[Row],
        rtl: bool = True,
        borders: str = "rules",
        caption: str | None = None,
        bookmark: str | None = None,
        cell_margins: dict[str, int] | None = None,
    ) -> None:
        self.widths, self.rows, self.rtl, self.borders = widths, rows, rtl, borders
        self.caption, self.bookmark = caption, bookmark
        self.cell_margins = {} if cell_margins is None else cell_margins


Content = Para | Table


class Bookmarks:
    """Allocates bookmark ids above those a template already uses, and unique names.

    Ids are unique across the source tree, but two long ids may share their first 35
    characters; the later one then gets a numbered tail, deterministically.
    """

    def __init__(self, first_id: int = 0, taken: set[str] | None = None) -> None:
        self.next_id = first_id
        self.names: set[str] = set(taken or ())

    def name_for(self, item_id: str, suffix: str = "") -> str:
        name = bookmark_name(item_id, suffix)
        n = 2
        while name in self.names:
            name = bookmark_name(item_id, f"{suffix}_{n}")
            n += 1
        self.names.add(name)
        return name

    def allocate(self, item_id: str, suffix: str = "") -> tuple[str, str]:
        """The next bookmark's id and name."""
        bid = str(self.next_id)
        self.next_id += 1
        return bid, self.name_for(item_id, suffix)

    def wrap(
        self,
        parent: etree._Element,
        item_id: str,
        content: list[etree._Element],
        suffix: str = "",
    ) -> None:
        bid, name = self.allocate(item_id, suffix)
        sub(parent, "bookmarkStart", {"id": bid, "name": name})
        parent.extend(content)
        sub(parent, "bookmarkEnd", {"id": bid})


def paragraph(
    p: Para,
    bookmarks: Bookmarks,
    styles: dict[str, str] | None = None,
    cs_font: str | None = None,
    footnotes: Footnotes | None = None,
    read: dict[etree._Element, tuple[str, str, str]] | None = None,
) -> etree._Element:
    style = styles.get(p.style, p.style) if styles else p.style
    key = (style, p.page_break_before, p.rtl, p.align)
    ppr = _PPR.get(key)
    if ppr is None:
        ppr = _PPR[key] = _paragraph_props(*key)
    if (
        p.bookmark
        and p.rtl
        and p.text
        and not (p.bold or p.field or (p.marks and p.marks[0] in p.text))
        and rtl.one_script(p.text)
    ):
        node, name = _bookmarked(key, ppr, cs_font, p, bookmarks)
        if read is not None and not p.footnotes:
            read[node] = (name[len(BOOKMARK_PREFIX) :], p.text, style)
    else:
        node = _paragraph(p, ppr, bookmarks, cs_font)
    if p.footnotes and footnotes is None:
        raise ValueError("footnotes to write but no footnotes part given")
    for text in p.footnotes:
        node.extend(footnotes.add(text))
    return node


#: Most generated paragraphs are one bookmarked run of Arabic text: a copy of this
#: paragraph (by its properties and font) with the bookmark and text filled in costs
#: less than half of building one element by element (the full annex: 57 -> 25 ms).
_BOOKMARKED: dict[tuple, etree._Element] = {}
_ID, _NAME = w("id"), w("name")


def _bookmarked(
    key: tuple, ppr, cs_font, p: Para, bookmarks: Bookmarks
) -> tuple[etree._Element, str]:
    """The paragraph and its bookmark's name."""
    made = _BOOKMARKED.get((key, cs_font))
    if made is None:
        made = _BOOKMARKED[(key, cs_font)] = el("p")
        made.append(ppr.__copy__())
        sub(made, "bookmarkStart", {"id": "", "name": ""})
        made.append(rtl.run("x", rtl=True, cs_font=cs_font))
        sub(made, "bookmarkEnd", {"id": ""})
    node = made.__copy__()
    bid, name = bookmarks.allocate(p.bookmark, p.bookmark_suffix)
    start, run, end = node[1], node[2], node[3]
    start.set(_ID, bid)
    start.set(_NAME, name)
    end.set(_ID, bid)
    set_text(run[-1], p.text)
    return node, name


def _paragraph(p: Para, ppr, bookmarks: Bookmarks, cs_font) -> etree._Element:
    node = el("p")
    # __copy__ is lxml's deep copy: a copy of the properties built once per kind of
    # paragraph costs a fraction of building them (thousands of annex paragraphs).
    node.append(ppr.__copy__())
    extra = rtl.bold() if p.bold else None
    content = []
    for chunk, style in _marked(p.text, p.marks):
        chunk_extra = [*(extra or ()), el("rStyle", {"val": style})] if style else extra
        content += [
            rtl.run(seg, rtl=is_rtl, extra=chunk_extra, cs_font=cs_font)
            for seg, is_rtl in (rtl.split_scripts(chunk) if p.rtl else [(chunk, False)])
            if seg
        ]
    if p.field:
        fld = el("fldSimple", {"instr": f" {p.field} "})
        fld.append(rtl.run("1", rtl=False))
        content.append(fld)
    if p.bookmark:
        bookmarks.wrap(node, p.bookmark, content, p.bookmark_suffix)
    else:
        node.extend(content)
    return node


#: A paragraph's `w:pPr` by (style, page break before, rtl, alignment): never appended
#: itself, only copied.
_PPR: dict[tuple, etree._Element] = {}


def _paragraph_props(
    style: str, page_break_before: bool | None, is_rtl: bool, align: str | None
) -> etree._Element:
    props = [el("pStyle", {"val": style})]
    if page_break_before is not None:
        props.append(rtl.on("pageBreakBefore", page_break_before))
    if is_rtl:
        props.append(el("bidi"))
    else:
        # Styles are right-to-left; a Latin-only paragraph (the masthead symbol)
        # switches it off explicitly.
        props.append(rtl.on("bidi", False))
    if align:
        props.append(rtl.jc(align, bidi=is_rtl))
    return ordered("pPr", props)


def _marked(text: str, marks: tuple[str, str] | None) -> list[tuple[str, str | None]]:
    if not marks or marks[0] not in text:
        return [(text, None)]
    marker, style = marks
    out: list[tuple[str, str | None]] = []
    for n, piece in enumerate(text.split(marker)):
        if n:
            out.append((marker, style))
        if piece:
            out.append((piece, None))
    return out


def _borders(kind: str) -> etree._Element | None:
    if kind == "none":
        return None
    rule = {"val": "single", "sz": "4", "space": "0", "color": "auto"}
    return ordered("tblBorders", [el("top", rule), el("bottom", rule)])


def table(
    t: Table,
    bookmarks: Bookmarks,
    styles: dict[str, str] | None = None,
    cs_font: str | None = None,
    footnotes: Footnotes | None = None,
) -> etree._Element:
    total = sum(t.widths)
    props = [
        el("tblStyle", {"val": "UNTable" if t.borders == "rules" else "TableNormal"}),
        el("tblW", {"w": str(total), "type": "dxa"}),
        el("tblLayout", {"type": "fixed"}),
        el("tblLook", {"val": "0000"}),
    ]
    if t.rtl:
        props.append(el("bidiVisual"))
    borders = _borders(t.borders)
    if borders is not None:
        props.append(borders)
    if t.cell_margins:
        mar = el("tblCellMar")
        for side in ("top", "left", "bottom", "right"):
            if side in t.cell_margins:
                mar.append(el(side, {"w": str(t.cell_margins[side]), "type": "dxa"}))
        props.append(mar)
    if t.caption:
        props.append(el("tblCaption", {"val": t.caption}))
    node = el("tbl")
    node.append(ordered("tblPr", props))
    grid = el("tblGrid")
    for width in t.widths:
        grid.append(el("gridCol", {"w": str(width)}))
    node.append(grid)
    rule = {"val": "single", "sz": "4", "space": "0", "color": "auto"}
    for row in t.rows:
        tr = el("tr")
        if row.header and t.borders == "rules":
            tr.append(el("trPr", None, el("cantSplit"), el("tblHeader")))
        else:
            tr.append(el("trPr", None, el("cantSplit")))
        for index, (width, cell) in enumerate(zip(t.widths, row.cells, strict=True)):
            tc_props = [el("tcW", {"w": str(width), "type": "dxa"})]
            if row.rule_below or (row.header and t.borders == "rules"):
                tc_props.append(ordered("tcBorders", [el("bottom", rule)]))
            tc = el("tc")
            tc.append(ordered("tcPr", tc_props))
            paras = cell or [Para("TableText")]
            for n, para in enumerate(paras):
                if index == 0 and n == 0 and row.bookmark and not para.bookmark:
                    given = {name: getattr(para, name) for name in Para._compared}
                    para = Para(**{**given, "bookmark": row.bookmark})
                tc.append(paragraph(para, bookmarks, styles, cs_font, footnotes))
            tr.append(tc)
        node.append(tr)
    return node


def render(
    blocks: list[Content],
    bookmarks: Bookmarks,
    styles: dict[str, str] | None = None,
    cs_font: str | None = None,
    footnotes: Footnotes | None = None,
    read: dict[etree._Element, tuple[str, str, str]] | None = None,
) -> list[etree._Element]:
    """Elements for `blocks`; `styles` maps the style ids used to the document's own,
    `cs_font` is the complex-script font Arabic runs name (the document's default),
    `footnotes` receives the paragraphs' footnotes. `read`, when given, receives for
    each paragraph of one bookmarked run (most) its identity and text as a reader of
    the built document reads them (build/item_record.py), known without reading, and
    its style id (the only style it names)."""
    out: list[etree._Element] = []
    for block in blocks:
        if isinstance(block, Para):
            out.append(paragraph(block, bookmarks, styles, cs_font, footnotes, read))
        else:
            out.append(table(block, bookmarks, styles, cs_font, footnotes))
    return out
