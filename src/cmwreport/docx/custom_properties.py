"""Custom document properties (docProps/custom.xml) written into, or read from, a
.docx: into serialised bytes (`with_property`) or into a package being built
(`set_property`, the build's properties hook). Word keeps custom properties through
editing (File > Properties > Custom) and LibreOffice keeps them as user-defined
properties when it saves as .docx, so they are where a build can leave a note that
survives the reviewers' round.
"""

from __future__ import annotations

import io
import zipfile
import zlib
from pathlib import Path

from lxml import etree

from cmwreport.docx.package import CONTENT_TYPES, Package, escape

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


def set_property(package: Package, name: str, value: str) -> None:
    """Set a text custom property in a package being built, keeping the others; creates
    docProps/custom.xml, its content type and its relationship when missing."""
    if package.has(PART):
        root = package.xml(PART)
    else:
        root = etree.Element(f"{{{CUSTOM_NS}}}Properties", nsmap={None: CUSTOM_NS, "vt": VT_NS})
        package.add_part(PART, root)
        _declare(package)
    for prop in root.findall(f"{{{CUSTOM_NS}}}property"):
        if prop.get("name") == name:
            root.remove(prop)
    pids = [int(p.get("pid", "1")) for p in root if (p.get("pid") or "").isdigit()]
    prop = etree.SubElement(
        root, f"{{{CUSTOM_NS}}}property", fmtid=FMTID, pid=str(max(pids, default=1) + 1), name=name
    )
    etree.SubElement(prop, f"{{{VT_NS}}}lpwstr").text = value


def _declare(package: Package) -> None:
    types = package.xml(CONTENT_TYPES)
    if not any(o.get("PartName") == "/" + PART for o in types.iter(f"{{{CT_NS}}}Override")):
        etree.SubElement(types, f"{{{CT_NS}}}Override", PartName="/" + PART, ContentType=CT)
    rels = package.xml("_rels/.rels")
    found = list(rels.iter(f"{{{PKG_REL_NS}}}Relationship"))
    if any(rel.get("Type") == REL for rel in found):
        return
    taken = {rel.get("Id") for rel in found}
    number = 1
    while f"rId{number}" in taken:
        number += 1
    etree.SubElement(
        rels, f"{{{PKG_REL_NS}}}Relationship", Id=f"rId{number}", Type=REL, Target=PART
    )


def property_of(path: Path, name: str) -> str | None:
    """A text custom property of a .docx on disk; None if absent or unreadable (a
    damaged earlier output is simply rewritten)."""
    try:
        with zipfile.ZipFile(path) as zf:
            if zf.getinfo(PART).file_size > 1 << 20:
                return None
            return read_property(zf, name)
    except (OSError, KeyError, zipfile.BadZipFile, EOFError, ValueError, zlib.error):
        return None
