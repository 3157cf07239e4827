"""One custom document property (docProps/custom.xml) written into, or read from, a
.docx. Word keeps custom properties through editing (File > Properties > Custom) and
LibreOffice keeps them as user-defined properties when it saves as .docx, so they
are where a build can leave a note that survives the reviewers' round.
"""

from __future__ import annotations

import io
import zipfile

from lxml import etree

from cmwreport.docx.package import escape

PART = "docProps/custom.xml"
CT = "application/vnd.openxmlformats-officedocument.custom-properties+xml"
REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/custom-properties"
CUSTOM_NS = "http://schemas.openxmlformats.org/officeDocument/2006/custom-properties"
VT_NS = "http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes"
CT_NS = "http://schemas.openxmlformats.org/package/2006/content-types"
PKG_REL_NS = "http://schemas.openxmlformats.org/package/2006/relationships"
#: The format id every custom property carries (ECMA-376 part 1, 22.3.2.2).
FMTID = "{D5CDD505-2E9C-101B-9397-08002B2CF9AE}"
_PARSER = etree.XMLParser(resolve_entities=False, no_network=True)


def with_property(package: bytes, name: str, value: str) -> bytes:
    """The package with custom property `name` set to `value` (the only custom one)."""
    custom = (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        f'<Properties xmlns="{CUSTOM_NS}" xmlns:vt="{VT_NS}">'
        f'<property fmtid="{FMTID}" pid="2" name="{escape(name)}">'
        f"<vt:lpwstr>{escape(value)}</vt:lpwstr></property></Properties>"
    ).encode()
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(package)) as src, zipfile.ZipFile(out, "w") as dst:
        names = src.namelist()
        for info in src.infolist():
            if info.filename == PART:
                continue
            data = src.read(info.filename)
            if info.filename == "[Content_Types].xml" and PART not in names:
                data = _content_types(data)
            elif info.filename == "_rels/.rels" and PART not in names:
                data = _rels(data)
            dst.writestr(info, data, compress_type=info.compress_type)
        template = src.infolist()[-1]
        info = zipfile.ZipInfo(PART, date_time=template.date_time)
        info.compress_type = zipfile.ZIP_DEFLATED
        dst.writestr(info, custom)
    return out.getvalue()


def read_property(package: zipfile.ZipFile, name: str) -> str | None:
    try:
        root = etree.fromstring(package.read(PART), _PARSER)
    except (KeyError, etree.XMLSyntaxError):
        return None
    for prop in root:
        if prop.get("name") == name:
            return "".join(prop.itertext())
    return None


def _content_types(data: bytes) -> bytes:
    root = etree.fromstring(data, _PARSER)
    override = etree.SubElement(root, f"{{{CT_NS}}}Override")
    override.set("PartName", "/" + PART)
    override.set("ContentType", CT)
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)


def _rels(data: bytes) -> bytes:
    root = etree.fromstring(data, _PARSER)
    ids = {rel.get("Id") for rel in root}
    n = 1
    while f"rIdCustom{n}" in ids:
        n += 1
    rel = etree.SubElement(root, f"{{{PKG_REL_NS}}}Relationship")
    rel.set("Id", f"rIdCustom{n}")
    rel.set("Type", REL)
    rel.set("Target", PART)
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)
