"""The parts of a new right-to-left Word package: styles, numbering, settings, fonts.

Used by scripts/make_template.py to produce templates/periodic-report.docx. The build
never calls it: it works on whatever template the drafters have edited, keeping their
styles. Style ids here are the contract in docs/architecture.md (UNPara, UNSubPara,
UNSubSubPara, AnnexPara, Heading1-3, AnnexTitle).
"""

from __future__ import annotations

import datetime as dt

from lxml import etree

from cmwreport.docx import rtl
from cmwreport.docx.content import Block, Bookmarks, Para, render
from cmwreport.docx.package import Package, core_properties, document_moment
from cmwreport.docx.xml import CT_NS, CT_WML, PKG_REL_NS, R_NS, REL_TYPE, el, serialize, w
from cmwreport.docx.xml import root as xml_root

CT_OFFICE = "application/vnd.openxmlformats-officedocument."
FONT = "Amiri"
#: Tried in this order when Amiri is missing (fontTable altName, docs/template.md).
FALLBACK_FONT = "Noto Naskh Arabic"

#: A4 with UN-like margins, in twentieths of a point.
PAGE_WIDTH, PAGE_HEIGHT = 11906, 16838
MARGIN_SIDE, MARGIN_TOP, MARGIN_BOTTOM = 1418, 1418, 1134
TEXT_WIDTH = PAGE_WIDTH - 2 * MARGIN_SIDE

UN_LIST, ANNEX_LIST, ANNEX_LETTERED = 1, 2, 3
HANG = 567  # 1 cm between a paragraph number and its text


def _spacing(before: int = 0, after: int = 0, line: int | None = None) -> etree._Element:
    attrs = {"before": str(before), "after": str(after)}
    if line:
        attrs.update(line=str(line), lineRule="auto")
    return el("spacing", attrs)


def _num(num_id: int, level: int) -> etree._Element:
    return el("numPr", None, el("ilvl", {"val": str(level)}), el("numId", {"val": str(num_id)}))


def _style(
    kind: str,
    sid: str,
    name: str,
    *,
    based: str | None = None,
    next_: str | None = None,
    ppr: list[etree._Element] | None = None,
    rpr: list[etree._Element] | None = None,
    default: bool = False,
    ui: int | None = None,
    quick: bool = True,
    semi_hidden: bool = False,
) -> etree._Element:
    attrs = {"type": kind, "styleId": sid}
    if default:
        attrs["default"] = "1"
    else:
        attrs["customStyle"] = "0" if sid.startswith("Heading") else "1"
    children = [el("name", {"val": name})]
    if based:
        children.append(el("basedOn", {"val": based}))
    if next_:
        children.append(el("next", {"val": next_}))
    if ui is not None:
        children.append(el("uiPriority", {"val": str(ui)}))
    if semi_hidden:
        children += [el("semiHidden"), el("unhideWhenUsed")]
    if quick and not semi_hidden:
        children.append(el("qFormat"))
    if ppr:
        children.append(rtl.ordered("pPr", ppr))
    if rpr:
        children.append(rtl.ordered("rPr", rpr))
    node = rtl.ordered("style", children)
    for key, value in attrs.items():
        node.set(w(key), value)
    return node


def _heading(level: int, *, before: int, after: int, size: int) -> etree._Element:
    # Fresh elements for each style: an lxml element appended to a second parent
    # leaves the first (three headings sharing one keepNext kept it only in the last).
    return _style(
        "paragraph",
        f"Heading{level}",
        f"heading {level}",
        based="Normal",
        next_="UNPara",
        ui=9,
        ppr=[
            el("keepNext"),
            el("keepLines"),
            el("bidi"),
            _spacing(before, after),
            el("jc", {"val": "left"}),
            el("outlineLvl", {"val": str(level - 1)}),
        ],
        rpr=[*rtl.bold(), *rtl.size(size)],
    )


def styles() -> bytes:
    root = xml_root("styles")
    defaults = el("docDefaults")
    defaults.append(
        el(
            "rPrDefault",
            None,
            rtl.ordered(
                "rPr",
                [
                    rtl.fonts(FONT),
                    *rtl.size(26),
                    el("lang", {"val": "en-GB", "eastAsia": "en-GB", "bidi": rtl.LANG_BIDI}),
                ],
            ),
        )
    )
    defaults.append(el("pPrDefault", None, rtl.ordered("pPr", [_spacing(0, 0)])))
    root.append(defaults)
    for node in (
        # Every paragraph style is right-to-left and starts at the right margin: no
        # `w:jc`, or `both`, never `right` (that is the left edge in a bidi paragraph).
        _style(
            "paragraph",
            "Normal",
            "Normal",
            default=True,
            ppr=[el("bidi"), _spacing(0, 120, 264), el("jc", {"val": "both"})],
        ),
        _heading(1, before=360, after=240, size=30),
        _heading(2, before=240, after=120, size=28),
        _heading(3, before=240, after=120, size=26),
        _style(
            "paragraph",
            "UNPara",
            "UN Numbered Paragraph",
            based="Normal",
            next_="UNPara",
            ppr=[_num(UN_LIST, 0)],
        ),
        _style(
            "paragraph",
            "UNSubPara",
            "UN Sub-paragraph",
            based="Normal",
            next_="UNSubPara",
            ppr=[_num(UN_LIST, 1)],
        ),
        _style(
            "paragraph",
            "UNSubSubPara",
            "UN Sub-sub-paragraph",
            based="Normal",
            next_="UNSubSubPara",
            ppr=[_num(UN_LIST, 2)],
        ),
        _style(
            "paragraph",
            "BodyText",
            "UN Body Text (unnumbered)",
            based="Normal",
            next_="BodyText",
        ),
        _style(
            "paragraph",
            "AnnexTitle",
            "Annex Title",
            based="Normal",
            next_="AnnexSubtitle",
            ppr=[
                el("keepNext"),
                el("pageBreakBefore"),
                el("bidi"),
                _spacing(0, 240),
                el("jc", {"val": "center"}),
            ],
            rpr=[*rtl.bold(), *rtl.size(34)],
        ),
        _style(
            "paragraph",
            "AnnexSubtitle",
            "Annex Subtitle",
            based="Normal",
            next_="Heading1",
            ppr=[el("keepNext"), el("bidi"), _spacing(0, 360), el("jc", {"val": "center"})],
            rpr=[*rtl.bold(), *rtl.size(30)],
        ),
        _style("paragraph", "AnnexText", "Annex Text", based="Normal", next_="AnnexText"),
        _style(
            "paragraph",
            "AnnexPara",
            "Annex Paragraph",
            based="Normal",
            next_="AnnexPara",
            ppr=[_num(ANNEX_LIST, 0)],
        ),
        _style(
            "paragraph",
            "AnnexSubPara",
            "Annex Sub-paragraph",
            based="Normal",
            next_="AnnexSubPara",
            ppr=[_num(ANNEX_LIST, 1), _spacing(0, 60)],
        ),
        # A lettered list of its own: level-1 items of the annex list before its first
        # numbered paragraph would make Word and LibreOffice start that one at 2.
        _style(
            "paragraph",
            "AnnexList",
            "Annex Lettered List",
            based="Normal",
            next_="AnnexList",
            ppr=[_num(ANNEX_LETTERED, 0), _spacing(0, 60)],
        ),
        _style(
            "paragraph",
            "MastheadOrg",
            "Masthead Organization",
            based="Normal",
            ppr=[el("bidi"), _spacing(0, 0), el("jc", {"val": "left"})],
            rpr=[*rtl.bold(), *rtl.size(36)],
        ),
        _style(
            "paragraph",
            "MastheadSymbol",
            "Masthead Symbol",
            based="Normal",
            ppr=[_spacing(0, 0), el("jc", {"val": "left"})],
            rpr=[*rtl.bold(), *rtl.size(36)],
        ),
        _style(
            "paragraph",
            "MastheadTitle",
            "Masthead Treaty",
            based="Normal",
            ppr=[el("bidi"), _spacing(120, 0), el("jc", {"val": "left"})],
            rpr=[*rtl.bold(), *rtl.size(26)],
        ),
        _style(
            "paragraph",
            "MastheadInfo",
            "Masthead Distribution",
            based="Normal",
            ppr=[el("bidi"), _spacing(0, 0), el("jc", {"val": "left"})],
            rpr=[*rtl.size(22)],
        ),
        _style(
            "paragraph",
            "CommitteeName",
            "Committee Name",
            based="Normal",
            ppr=[el("keepNext"), el("bidi"), _spacing(480, 240), el("jc", {"val": "left"})],
            rpr=[*rtl.bold(), *rtl.size(28)],
        ),
        _style(
            "paragraph",
            "ReportTitle",
            "Report Title",
            based="Normal",
            ppr=[el("keepNext"), el("bidi"), _spacing(0, 240), el("jc", {"val": "left"})],
            rpr=[*rtl.bold(), *rtl.size(32)],
        ),
        _style(
            "paragraph",
            "DateReceived",
            "Date Received",
            based="Normal",
            next_="Heading1",
            ppr=[el("bidi"), _spacing(0, 480), el("jc", {"val": "left"})],
            rpr=[*rtl.size(24)],
        ),
        _style(
            "paragraph",
            "TableText",
            "Table Text",
            based="Normal",
            ppr=[el("bidi"), _spacing(40, 40), el("jc", {"val": "left"})],
            rpr=[*rtl.size(24)],
        ),
        _style(
            "paragraph",
            "TableHeading",
            "Table Heading",
            based="TableText",
            rpr=[*rtl.bold()],
        ),
        _style(
            "paragraph",
            "TableCaption",
            "Table Caption",
            based="Normal",
            ppr=[el("keepNext"), el("bidi"), _spacing(240, 120), el("jc", {"val": "left"})],
            rpr=[*rtl.bold()],
        ),
        _style(
            "paragraph",
            "Header",
            "header",
            based="Normal",
            ui=99,
            semi_hidden=True,
            ppr=[el("bidi"), _spacing(0, 0), el("jc", {"val": "left"})],
            rpr=[*rtl.bold(), *rtl.size(20)],
        ),
        _style(
            "paragraph",
            "Footer",
            "footer",
            based="Normal",
            ui=99,
            semi_hidden=True,
            ppr=[el("bidi"), _spacing(0, 0), el("jc", {"val": "center"})],
            rpr=[*rtl.size(20)],
        ),
        _style(
            "character",
            "DefaultParagraphFont",
            "Default Paragraph Font",
            default=True,
            ui=1,
            semi_hidden=True,
            quick=False,
        ),
    ):
        root.append(node)
    root.append(_table_style("TableNormal", "Normal Table", default=True))
    root.append(_table_style("UNTable", "UN Table", based="TableNormal"))
    numbering_style = el("style", {"type": "numbering", "default": "1", "styleId": "NoList"})
    numbering_style.extend(
        [
            el("name", {"val": "No List"}),
            el("uiPriority", {"val": "99"}),
            el("semiHidden"),
            el("unhideWhenUsed"),
        ]
    )
    root.append(numbering_style)
    return serialize(root)


def _table_style(sid: str, name: str, *, based: str | None = None, default: bool = False):
    node = el("style", {"type": "table", "styleId": sid, **({"default": "1"} if default else {})})
    node.append(el("name", {"val": name}))
    if based:
        node.append(el("basedOn", {"val": based}))
    node.append(el("uiPriority", {"val": "99"}))
    if default:
        node.extend([el("semiHidden"), el("unhideWhenUsed")])
    margins = el("tblCellMar")
    for side, width in (("top", 0), ("left", 108), ("bottom", 0), ("right", 108)):
        margins.append(el(side, {"w": str(width), "type": "dxa"}))
    node.append(rtl.ordered("tblPr", [el("tblInd", {"w": "0", "type": "dxa"}), margins]))
    return node


def _level_node(level: int, fmt: str, text: str, indent: int) -> etree._Element:
    node = rtl.ordered(
        "lvl",
        [
            el("start", {"val": "1"}),
            el("numFmt", {"val": fmt}),
            el("suff", {"val": "tab"}),
            el("lvlText", {"val": text}),
            el("lvlJc", {"val": "left"}),
            rtl.ordered(
                "pPr",
                [
                    el("tabs", None, el("tab", {"val": "num", "pos": str(indent)})),
                    el("ind", {"left": str(indent), "hanging": str(HANG)}),
                ],
            ),
        ],
    )
    node.set(w("ilvl"), str(level))
    return node


def numbering() -> bytes:
    """UN paragraph numbering as Arabic UN documents write it: 1- then (أ) then (i)."""
    root = xml_root("numbering")
    for abstract_id, nsid, name in (
        (UN_LIST, "3C4D5E01", "UN paragraphs"),
        (ANNEX_LIST, "3C4D5E02", "Annex paragraphs"),
    ):
        node = el("abstractNum", {"abstractNumId": str(abstract_id)})
        node.append(el("nsid", {"val": nsid}))
        node.append(el("multiLevelType", {"val": "multilevel"}))
        node.append(el("name", {"val": name}))
        node.append(_level_node(0, "decimal", "%1-", HANG))
        node.append(_level_node(1, "arabicAbjad", "(%2)", 2 * HANG))
        node.append(_level_node(2, "lowerRoman", "(%3)", 3 * HANG))
        root.append(node)
    lettered = el("abstractNum", {"abstractNumId": str(ANNEX_LETTERED)})
    lettered.append(el("nsid", {"val": "3C4D5E03"}))
    lettered.append(el("multiLevelType", {"val": "singleLevel"}))
    lettered.append(el("name", {"val": "Annex lettered list"}))
    lettered.append(_level_node(0, "arabicAbjad", "(%1)", 2 * HANG))
    root.append(lettered)
    for num_id in (UN_LIST, ANNEX_LIST, ANNEX_LETTERED):
        root.append(el("num", {"numId": str(num_id)}, el("abstractNumId", {"val": str(num_id)})))
    return serialize(root)


def settings() -> bytes:
    root = xml_root("settings")
    root.append(el("zoom", {"percent": "100"}))
    root.append(el("defaultTabStop", {"val": "720"}))
    root.append(el("characterSpacingControl", {"val": "doNotCompress"}))
    compat = el("compat")
    compat.append(
        el(
            "compatSetting",
            {
                "name": "compatibilityMode",
                "uri": "http://schemas.microsoft.com/office/word",
                "val": "15",
            },
        )
    )
    root.append(compat)
    root.append(el("themeFontLang", {"val": "en-GB", "bidi": rtl.LANG_BIDI}))
    root.append(el("decimalSymbol", {"val": "."}))
    root.append(el("listSeparator", {"val": ";"}))
    return serialize(root)


def font_table() -> bytes:
    root = xml_root("fonts")
    for name, alt in ((FONT, FALLBACK_FONT), (FALLBACK_FONT, None)):
        font = el("font", {"name": name})
        if alt:
            font.append(el("altName", {"val": alt}))
        font.append(el("charset", {"val": "B2"}))  # Arabic
        font.append(el("family", {"val": "roman"}))
        font.append(el("pitch", {"val": "variable"}))
        root.append(font)
    return serialize(root)


def section(*, first_page_different: bool = True) -> etree._Element:
    def ref(kind: str, which: str, rid: str) -> etree._Element:
        return el(f"{kind}Reference", {"type": which, f"{{{R_NS}}}id": rid})

    children = [ref("header", "default", "rIdHeader"), ref("footer", "default", "rIdFooter")]
    if first_page_different:
        children += [
            ref("header", "first", "rIdHeaderFirst"),
            ref("footer", "first", "rIdFooterFirst"),
        ]
    children += [
        el("pgSz", {"w": str(PAGE_WIDTH), "h": str(PAGE_HEIGHT)}),
        el(
            "pgMar",
            {
                "top": str(MARGIN_TOP),
                "right": str(MARGIN_SIDE),
                "bottom": str(MARGIN_BOTTOM),
                "left": str(MARGIN_SIDE),
                "header": "567",
                "footer": "567",
                "gutter": "0",
            },
        ),
        el("cols", {"space": "720"}),
    ]
    if first_page_different:
        children.append(el("titlePg"))
    children.append(el("bidi"))
    node = el("sectPr")
    for child in sorted(
        children, key=lambda c: rtl.ORDER["sectPr"].index(etree.QName(c).localname)
    ):
        node.append(child)
    return node


def _story(tag: str, blocks: list[Block], bookmarks: Bookmarks) -> bytes:
    root = xml_root(tag)
    elements = render(blocks, bookmarks) or [el("p")]
    root.extend(elements)
    return serialize(root)


def new_package(
    body: list[Block],
    header: list[Block],
    footer: list[Block],
    *,
    title: str,
    day: dt.date,
) -> Package:
    bookmarks = Bookmarks()
    document = xml_root("document")
    content = el("body")
    content.extend(render(body, bookmarks))
    content.append(section())
    document.append(content)

    parts: dict[str, bytes] = {}
    wml = CT_WML
    overrides = {
        "/word/document.xml": wml + "document.main+xml",
        "/word/styles.xml": wml + "styles+xml",
        "/word/numbering.xml": wml + "numbering+xml",
        "/word/settings.xml": wml + "settings+xml",
        "/word/fontTable.xml": wml + "fontTable+xml",
        "/word/theme/theme1.xml": "application/vnd.openxmlformats-officedocument.theme+xml",
        "/word/header1.xml": wml + "header+xml",
        "/word/header2.xml": wml + "header+xml",
        "/word/footer1.xml": wml + "footer+xml",
        "/word/footer2.xml": wml + "footer+xml",
        "/docProps/core.xml": "application/vnd.openxmlformats-package.core-properties+xml",
        "/docProps/app.xml": CT_OFFICE + "extended-properties+xml",
    }
    types = etree.Element(f"{{{CT_NS}}}Types", nsmap={None: CT_NS})
    for ext, ctype in (
        ("rels", "application/vnd.openxmlformats-package.relationships+xml"),
        ("xml", "application/xml"),
    ):
        etree.SubElement(types, f"{{{CT_NS}}}Default", Extension=ext, ContentType=ctype)
    for name, ctype in overrides.items():
        etree.SubElement(types, f"{{{CT_NS}}}Override", PartName=name, ContentType=ctype)
    parts["[Content_Types].xml"] = serialize(types)
    parts["_rels/.rels"] = _rels(
        [
            ("rId1", "officeDocument", "word/document.xml"),
            (
                "rId2",
                "http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties",
                "docProps/core.xml",
            ),
            ("rId3", "extended-properties", "docProps/app.xml"),
        ]
    )
    parts["word/document.xml"] = serialize(document)
    parts["word/_rels/document.xml.rels"] = _rels(
        [
            ("rIdStyles", "styles", "styles.xml"),
            ("rIdNumbering", "numbering", "numbering.xml"),
            ("rIdSettings", "settings", "settings.xml"),
            ("rIdFonts", "fontTable", "fontTable.xml"),
            ("rIdTheme", "theme", "theme/theme1.xml"),
            ("rIdHeader", "header", "header1.xml"),
            ("rIdHeaderFirst", "header", "header2.xml"),
            ("rIdFooter", "footer", "footer1.xml"),
            ("rIdFooterFirst", "footer", "footer2.xml"),
        ]
    )
    parts["word/styles.xml"] = styles()
    parts["word/numbering.xml"] = numbering()
    parts["word/settings.xml"] = settings()
    parts["word/fontTable.xml"] = font_table()
    parts["word/theme/theme1.xml"] = theme()
    parts["word/header1.xml"] = _story("hdr", header, bookmarks)
    # The first page carries the masthead instead of a running header and footer.
    parts["word/header2.xml"] = _story("hdr", [Para("Header")], bookmarks)
    parts["word/footer1.xml"] = _story("ftr", footer, bookmarks)
    parts["word/footer2.xml"] = _story("ftr", [Para("Footer")], bookmarks)
    moment = document_moment(day)
    parts["docProps/core.xml"] = core_properties(
        title=title, creator="cmwreport", language="ar-MA", created=moment, modified=moment
    )
    parts["docProps/app.xml"] = (
        b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        b'<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties">'
        b"<Application>cmwreport</Application></Properties>"
    )
    return Package(list(parts), parts)


def _rels(items: list[tuple[str, str, str]]) -> bytes:
    root = etree.Element(f"{{{PKG_REL_NS}}}Relationships", nsmap={None: PKG_REL_NS})
    for rid, kind, target in items:
        rel_type = kind if kind.startswith("http") else REL_TYPE + kind
        etree.SubElement(
            root, f"{{{PKG_REL_NS}}}Relationship", Id=rid, Type=rel_type, Target=target
        )
    return serialize(root)


def theme() -> bytes:
    """The smallest theme Word and validators accept; styles name fonts directly."""
    colours = "".join(
        f'<a:{name}><a:srgbClr val="{value}"/></a:{name}>'
        for name, value in (
            ("dk1", "000000"),
            ("lt1", "FFFFFF"),
            ("dk2", "1F3864"),
            ("lt2", "E7E6E6"),
            ("accent1", "4472C4"),
            ("accent2", "ED7D31"),
            ("accent3", "A5A5A5"),
            ("accent4", "FFC000"),
            ("accent5", "5B9BD5"),
            ("accent6", "70AD47"),
            ("hlink", "0563C1"),
            ("folHlink", "954F72"),
        )
    )
    fonts = f'<a:latin typeface="{FONT}"/><a:ea typeface=""/><a:cs typeface="{FONT}"/>'
    fill = '<a:solidFill><a:schemeClr val="phClr"/></a:solidFill>'
    line = f'<a:ln w="6350">{fill}</a:ln>'
    effect = "<a:effectStyle><a:effectLst/></a:effectStyle>"
    return (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        '<a:theme xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" name="cmwreport">'
        f'<a:themeElements><a:clrScheme name="cmwreport">{colours}</a:clrScheme>'
        f'<a:fontScheme name="cmwreport"><a:majorFont>{fonts}</a:majorFont>'
        f"<a:minorFont>{fonts}</a:minorFont></a:fontScheme>"
        f'<a:fmtScheme name="cmwreport"><a:fillStyleLst>{fill * 3}</a:fillStyleLst>'
        f"<a:lnStyleLst>{line * 3}</a:lnStyleLst>"
        f"<a:effectStyleLst>{effect * 3}</a:effectStyleLst>"
        f"<a:bgFillStyleLst>{fill * 3}</a:bgFillStyleLst></a:fmtScheme>"
        "</a:themeElements></a:theme>"
    ).encode()
