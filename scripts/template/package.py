"""The parts of the template's Word package besides its styles: numbering, settings,
fonts, theme, section, headers and footers, content types and relationships.

Used by scripts/make_template.py only; the build never calls it (it works on whatever
template the drafters have edited, keeping their styles).
"""

from __future__ import annotations

import datetime as dt

from lxml import etree

from cmwreport.docx import rtl
from cmwreport.docx.content import Bookmarks, Content, Para, render
from cmwreport.docx.core import core_properties, document_moment
from cmwreport.docx.order import ordered
from cmwreport.docx.package import Package
from cmwreport.docx.xml import CT_NS, CT_WML, PKG_REL_NS, R_NS, REL_TYPE, el, serialize
from cmwreport.docx.xml import root as xml_root
from template import styles as style_data

CT_OFFICE = "application/vnd.openxmlformats-officedocument."

#: A4 with UN-like margins, in twentieths of a point.
PAGE_WIDTH, PAGE_HEIGHT = 11906, 16838
MARGIN_SIDE, MARGIN_TOP, MARGIN_BOTTOM = 1418, 1418, 1134
TEXT_WIDTH = PAGE_WIDTH - 2 * MARGIN_SIDE


def settings() -> bytes:
    root = xml_root("settings")
    root.append(el("zoom", {"percent": "100"}))
    root.append(el("defaultTabStop", {"val": "720"}))
    # Page headers differ on odd and even pages: the symbol on the outer edge.
    root.append(el("evenAndOddHeaders"))
    root.append(el("characterSpacingControl", {"val": "doNotCompress"}))
    root.append(el("footnotePr", None, el("footnote", {"id": "-1"}), el("footnote", {"id": "0"})))
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


def font_table(font: str, fallback: str) -> bytes:
    root = xml_root("fonts")
    for name, alt in ((font, fallback), (fallback, None)):
        font = el("font", {"name": name})
        if alt:
            font.append(el("altName", {"val": alt}))
        font.append(el("charset", {"val": "B2"}))  # Arabic
        font.append(el("family", {"val": "roman"}))
        font.append(el("pitch", {"val": "variable"}))
        root.append(font)
    return serialize(root)


def section() -> etree._Element:
    """A4, right to left; a first page of its own (the masthead, no running header),
    then odd and even pages with their own headers and footers."""

    def ref(kind: str, which: str, rid: str) -> etree._Element:
        return el(f"{kind}Reference", {"type": which, f"{{{R_NS}}}id": rid})

    children = [
        ref("header", "even", "rIdHeaderEven"),
        ref("header", "default", "rIdHeader"),
        ref("footer", "even", "rIdFooterEven"),
        ref("footer", "default", "rIdFooter"),
        ref("header", "first", "rIdHeaderFirst"),
        ref("footer", "first", "rIdFooterFirst"),
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
        el("titlePg"),
        el("bidi"),
    ]
    return ordered("sectPr", children)


def footnotes() -> bytes:
    """The separators Word draws above the footnotes; footnotes themselves are added by
    the build (from the sources and the report's flags) or by drafters."""
    root = xml_root("footnotes")
    for fid, kind, mark in (("-1", "separator", "separator"),
                            ("0", "continuationSeparator", "continuationSeparator")):  # fmt: skip
        note = el("footnote", {"type": kind, "id": fid})
        paragraph = el("p", None, el("pPr", None, el("spacing", {"after": "0", "line": "240",
                                                                 "lineRule": "auto"})))  # fmt: skip
        paragraph.append(el("r", None, el(mark)))
        note.append(paragraph)
        root.append(note)
    return serialize(root)


def custom_properties(properties: dict[str, str]) -> bytes:
    ns = "http://schemas.openxmlformats.org/officeDocument/2006/custom-properties"
    vt = "http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes"
    root = etree.Element(f"{{{ns}}}Properties", nsmap={None: ns, "vt": vt})
    for pid, (name, value) in enumerate(properties.items(), start=2):
        prop = etree.SubElement(
            root,
            f"{{{ns}}}property",
            fmtid="{D5CDD505-2E9C-101B-9397-08002B2CF9AE}",
            pid=str(pid),
            name=name,
        )
        etree.SubElement(prop, f"{{{vt}}}lpwstr").text = value
    return serialize(root)


def _story(tag: str, blocks: list[Content], bookmarks: Bookmarks) -> bytes:
    root = xml_root(tag)
    elements = render(blocks, bookmarks) or [el("p")]
    root.extend(elements)
    return serialize(root)


def new_package(
    body: list[Content],
    header: list[Content],
    footer: list[Content],
    *,
    title: str,
    day: dt.date,
    even_header: list[Content] | None = None,
    even_footer: list[Content] | None = None,
    properties: dict[str, str] | None = None,
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
        "/word/footnotes.xml": wml + "footnotes+xml",
        "/word/header1.xml": wml + "header+xml",
        "/word/header2.xml": wml + "header+xml",
        "/word/header3.xml": wml + "header+xml",
        "/word/footer1.xml": wml + "footer+xml",
        "/word/footer2.xml": wml + "footer+xml",
        "/word/footer3.xml": wml + "footer+xml",
        "/docProps/core.xml": "application/vnd.openxmlformats-package.core-properties+xml",
        "/docProps/app.xml": CT_OFFICE + "extended-properties+xml",
        "/docProps/custom.xml": CT_OFFICE + "custom-properties+xml",
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
            ("rId4", "custom-properties", "docProps/custom.xml"),
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
            ("rIdFootnotes", "footnotes", "footnotes.xml"),
            ("rIdHeader", "header", "header1.xml"),
            ("rIdHeaderFirst", "header", "header2.xml"),
            ("rIdHeaderEven", "header", "header3.xml"),
            ("rIdFooter", "footer", "footer1.xml"),
            ("rIdFooterFirst", "footer", "footer2.xml"),
            ("rIdFooterEven", "footer", "footer3.xml"),
        ]
    )
    data = style_data.load()
    font = data["defaults"]["font"]
    parts["word/styles.xml"] = style_data.styles_xml(data)
    parts["word/numbering.xml"] = style_data.numbering_xml(data)
    parts["word/settings.xml"] = settings()
    parts["word/fontTable.xml"] = font_table(font, data["defaults"]["fallback_font"])
    parts["word/theme/theme1.xml"] = theme(font)
    parts["word/header1.xml"] = _story("hdr", header, bookmarks)
    # The first page carries the masthead instead of a running header and footer.
    parts["word/header2.xml"] = _story("hdr", [Para("Header")], bookmarks)
    parts["word/header3.xml"] = _story("hdr", even_header or header, bookmarks)
    parts["word/footer1.xml"] = _story("ftr", footer, bookmarks)
    parts["word/footer2.xml"] = _story("ftr", [Para("Footer")], bookmarks)
    parts["word/footer3.xml"] = _story("ftr", even_footer or footer, bookmarks)
    parts["word/footnotes.xml"] = footnotes()
    moment = document_moment(day)
    parts["docProps/core.xml"] = core_properties(
        title=title, creator="cmwreport", language="ar-MA", created=moment, modified=moment
    )
    parts["docProps/app.xml"] = (
        b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        b'<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties">'
        b"<Application>cmwreport</Application></Properties>"
    )
    parts["docProps/custom.xml"] = custom_properties(properties or {})
    return Package(list(parts), parts)


def _rels(items: list[tuple[str, str, str]]) -> bytes:
    root = etree.Element(f"{{{PKG_REL_NS}}}Relationships", nsmap={None: PKG_REL_NS})
    for rid, kind, target in items:
        rel_type = kind if kind.startswith("http") else REL_TYPE + kind
        etree.SubElement(
            root, f"{{{PKG_REL_NS}}}Relationship", Id=rid, Type=rel_type, Target=target
        )
    return serialize(root)


def theme(font: str) -> bytes:
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
    fonts = f'<a:latin typeface="{font}"/><a:ea typeface=""/><a:cs typeface="{font}"/>'
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
