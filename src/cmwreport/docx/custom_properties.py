"""Custom document properties (the custom-properties part): set in a package being
built (`set_property`, the build's properties hook), read from a package (`get`) or a
.docx on disk (`property_of`). Word keeps custom properties through editing (File >
Properties > Custom) and LibreOffice keeps them as user-defined properties when it
saves as .docx, so they are where a build can leave a note that survives the
reviewers' round.
"""

from __future__ import annotations

from lxml import etree

from cmwreport.docx.opc import PackageError
from cmwreport.docx.package import Package

# pathlib only for type checkers: a diff imports none (cmwreport/pathtext.py).
TYPE_CHECKING = False
if TYPE_CHECKING:
    from pathlib import Path

CT = "application/vnd.openxmlformats-officedocument.custom-properties+xml"
REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/custom-properties"
CUSTOM_NS = "http://schemas.openxmlformats.org/officeDocument/2006/custom-properties"
VT_NS = "http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes"
#: The format id every custom property carries (ECMA-376 part 1, 22.3.2.2).
FMTID = "{D5CDD505-2E9C-101B-9397-08002B2CF9AE}"
#: A custom-properties part larger than this is not read (Word's are a few hundred bytes).
MAX_PART = 1 << 20
#: Desktop Word cuts a custom property's text to this many characters when it saves
#: (LibreOffice keeps any length): a longer text is written in pieces (`split`).
WORD_LIMIT = 255


def _part(package: Package) -> str | None:
    found = package.related("", "custom-properties")
    return found[0] if found else None


def set_property(package: Package, name: str, value: str) -> None:
    """Set a text custom property in a package being built, keeping the others; creates
    the part, its content type and its relationship when missing."""
    set_properties(package, {name: value})


def set_properties(package: Package, values: dict[str, str]) -> None:
    """`set_property` for each name in order, the part searched once: a build writes a
    hundred pieces of its item record on a long report, and a search per piece made
    writing them quadratic."""
    part = _part(package)
    if part is not None:
        root = package.edit(part)
    else:
        root = etree.Element(f"{{{CUSTOM_NS}}}Properties", nsmap={None: CUSTOM_NS, "vt": VT_NS})
        # Where Word puts it (an existing one is found by relationship, whatever its name).
        part = package.free_name("docProps/custom", ".xml")
        package.add_part(part, root, CT, related_from="", rel_type=REL)
    tag = f"{{{CUSTOM_NS}}}property"
    by_name: dict[str, list] = {}
    for prop in root.findall(tag):
        by_name.setdefault(prop.get("name"), []).append(prop)
    pids = [int(p.get("pid", "1")) for p in root if (p.get("pid") or "").isdigit()]
    top = max(pids, default=1)
    for name, value in values.items():
        removed = False
        for prop in by_name.pop(name, ()):
            root.remove(prop)
            removed = True
        if removed:  # the highest pid may have gone with it
            pids = [int(p.get("pid", "1")) for p in root if (p.get("pid") or "").isdigit()]
            top = max(pids, default=1)
        top += 1
        prop = etree.SubElement(root, tag, fmtid=FMTID, pid=str(top), name=name)
        etree.SubElement(prop, f"{{{VT_NS}}}lpwstr").text = value
        by_name[name] = [prop]


def get(package: Package, name: str) -> str | None:
    """A text custom property of a package; None if absent or its part unreadable."""
    part = _part(package)
    if part is None:
        return None
    try:
        if len(package.bytes(part)) > MAX_PART:
            return None
        root = package.xml(part)
    except PackageError:
        return None
    for prop in root:
        if prop.get("name") == name:
            return "".join(prop.itertext())
    return None


def property_of(path: Path, name: str) -> str | None:
    """A text custom property of a .docx on disk; None if absent or unreadable (a
    damaged earlier output is simply rewritten)."""
    try:
        return get(Package.read(path, lazy=True), name)
    except PackageError:
        return None


def properties_of(path: Path) -> dict[str, str]:
    """Every text custom property of a .docx on disk, read once; {} if unreadable."""
    try:
        package = Package.read(path, lazy=True)
        part = _part(package)
        if part is None or len(package.bytes(part)) > MAX_PART:
            return {}
        root = package.xml(part)
    except PackageError:
        return {}
    return {p.get("name"): "".join(p.itertext()) for p in root if p.get("name")}


def split(name: str, text: str, version: str) -> dict[str, str]:
    """A text of any length as properties Word keeps whole: `name` holds the version
    and the number of pieces ("2 3"), `name.1` ... `name.N` the pieces in order."""
    pieces = [text[i : i + WORD_LIMIT] for i in range(0, len(text), WORD_LIMIT)] or [""]
    out = {name: f"{version} {len(pieces)}"}
    for n, piece in enumerate(pieces, start=1):
        out[f"{name}.{n}"] = piece
    return out


def joined(get, name: str, version: str) -> str | None:
    """The text `split` wrote, from `get(name) -> str | None`; None when it is absent,
    of another version, or not whole (a piece missing or longer than Word keeps)."""
    head = (get(name) or "").split()
    if len(head) != 2 or head[0] != version or not head[1].isdigit():
        return None
    pieces = [get(f"{name}.{n}") for n in range(1, int(head[1]) + 1)]
    if any(p is None or len(p) > WORD_LIMIT for p in pieces):
        return None
    return "".join(pieces)
