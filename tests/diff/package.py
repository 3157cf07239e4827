"""Minimal WordprocessingML packages written part by part, for the reader's tests.

Each test states the XML Word writes for one construct; the package around it is the
least a valid .docx needs, so a missing optional part is a missing part indeed.
"""

from __future__ import annotations

import zipfile
from pathlib import Path

from cmwreport.docx.xml import R_NS, W_NS

NS = (
    f'xmlns:w="{W_NS}" xmlns:r="{R_NS}" '
    'xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" '
    'xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing" '
    'xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" '
    'xmlns:pic="http://schemas.openxmlformats.org/drawingml/2006/picture" '
    'xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape" '
    'xmlns:v="urn:schemas-microsoft-com:vml" '
    'xmlns:m="http://schemas.openxmlformats.org/officeDocument/2006/math"'
)
CT = "application/vnd.openxmlformats-officedocument.wordprocessingml."
REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/"


def p(text: str, extra: str = "") -> str:
    return f'<w:p>{extra}<w:r><w:t xml:space="preserve">{text}</w:t></w:r></w:p>'


def write(
    path: Path,
    body: str,
    *,
    parts: dict[str, tuple[str, str, str | bytes]] | None = None,
    absolute: bool = False,
    document: str = "word/document.xml",
    ns: str = NS,
) -> Path:
    """A package with `body` as the document body; `parts` maps an r:id to
    (relationship type, part name under word/, content) and goes in its relationships."""
    parts = parts or {}
    slash = "/" if absolute else ""
    overrides = [f'<Override PartName="/{document}" ContentType="{CT}document.main+xml"/>']
    rels = []
    for rid, (kind, name, _) in parts.items():
        if name.endswith(".xml"):
            overrides.append(f'<Override PartName="/word/{name}" ContentType="{CT}{kind}+xml"/>')
        target = f"/word/{name}" if absolute else name
        rels.append(f'<Relationship Id="{rid}" Type="{REL}{kind}" Target="{target}"/>')
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr(
            "[Content_Types].xml",
            '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
            '<Default Extension="rels" '
            'ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
            '<Default Extension="xml" ContentType="application/xml"/>'
            '<Default Extension="png" ContentType="image/png"/>' + "".join(overrides) + "</Types>",
        )
        zf.writestr(
            "_rels/.rels",
            '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
            f'<Relationship Id="rId1" Type="{REL}officeDocument" Target="{slash}{document}"/>'
            "</Relationships>",
        )
        zf.writestr(document, f"<w:document {ns}><w:body>{body}</w:body></w:document>")
        folder, _, base = document.rpartition("/")
        zf.writestr(
            f"{folder}/_rels/{base}.rels",
            '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
            + "".join(rels)
            + "</Relationships>",
        )
        for _, name, content in parts.values():
            zf.writestr(f"word/{name}", content)
    return path
