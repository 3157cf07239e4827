"""Valid packages Word or another producer may write that differ from a built draft in
their packaging only: Strict OOXML names, a main part under another name."""

from __future__ import annotations

import zipfile
from pathlib import Path

#: Transitional -> Strict namespace and relationship-type URIs (ISO/IEC 29500-1 strict).
STRICT = (
    (
        "http://schemas.openxmlformats.org/officeDocument/2006/relationships",
        "http://purl.oclc.org/ooxml/officeDocument/relationships",
    ),
    (
        "http://schemas.openxmlformats.org/wordprocessingml/2006/main",
        "http://purl.oclc.org/ooxml/wordprocessingml/main",
    ),
    (
        "http://schemas.openxmlformats.org/drawingml/2006/main",
        "http://purl.oclc.org/ooxml/drawingml/main",
    ),
    (
        "http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing",
        "http://purl.oclc.org/ooxml/drawingml/wordprocessingDrawing",
    ),
)


def _rewrite(src: Path, dst: Path, edit) -> Path:
    with zipfile.ZipFile(src) as zin, zipfile.ZipFile(dst, "w", zipfile.ZIP_DEFLATED) as zout:
        for info in zin.infolist():
            name, data = edit(info.filename, zin.read(info.filename))
            zout.writestr(name, data)
    return dst


def strict(src: Path, dst: Path) -> Path:
    """The package in Strict OOXML: its names and a main part saying so."""

    def edit(name: str, data: bytes) -> tuple[str, bytes]:
        if name.endswith((".xml", ".rels")):
            for usual, strict_uri in STRICT:
                data = data.replace(usual.encode(), strict_uri.encode())
            if name == "word/document.xml":
                data = data.replace(b"<w:document ", b'<w:document w:conformance="strict" ', 1)
        return name, data

    return _rewrite(src, dst, edit)


def main_part_renamed(src: Path, dst: Path, name: str = "word/main.xml") -> Path:
    """The package with its main part at `name`, found by its relationship, as the Open
    Packaging Conventions allow (part names are the producer's choice)."""
    base = name.rpartition("/")[2]

    def edit(entry: str, data: bytes) -> tuple[str, bytes]:
        if entry == "word/document.xml":
            return name, data
        if entry == "word/_rels/document.xml.rels":
            return f"word/_rels/{base}.rels", data
        if entry in ("_rels/.rels", "[Content_Types].xml"):
            data = data.replace(b"word/document.xml", name.encode())
        return entry, data

    return _rewrite(src, dst, edit)
