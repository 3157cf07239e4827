"""Which header and footer each section shows, as Word decides it.

A section without a reference of some type inherits the previous section's (Word's "Link
to Previous"); the first-page header shows only in a section with `w:titlePg`, the
even-page one only when the settings have `w:evenAndOddHeaders` (ECMA-376 Part 1,
17.10.1-17.10.6 and 17.15.1.35); a type shown with no part anywhere above is blank.
Comparing what each section shows, not which parts the package holds, is what makes a
first-page header that never shows no difference, and a header written once per
section by LibreOffice the same as one shared by all of them.
"""

from __future__ import annotations

from cmwreport.docx import wordml as n
from cmwreport.docx.xml import R_NS, w

KINDS = ("header", "footer")
_TAGS = {w("headerReference"): "header", w("footerReference"): "footer"}
_OFF = ("0", "false", "off")

#: (kind, type) -> part name or None (blank), for one section.
Slots = dict[tuple[str, str], "str | None"]


def shown(package, doc, main: str) -> list[Slots]:
    """Per section in document order, the header and footer part each type shows."""
    rels = {r.id: r.target for r in package.relationships(main) if r.kind in KINDS}
    even = _even_and_odd(package, main)
    current: dict[tuple[str, str], str] = {}
    out: list[Slots] = []
    for sect in doc.iter(n.SECT_PR):
        if sect.getparent() is not None and sect.getparent().tag == w("sectPrChange"):
            continue
        for ref in sect:
            kind = _TAGS.get(ref.tag)
            target = rels.get(ref.get(f"{{{R_NS}}}id") or "")
            if kind is not None and target is not None and package.has(target):
                current[(kind, ref.get(w("type")) or "default")] = target
        types = ["default"]
        if _on(sect.find(w("titlePg"))):
            types.append("first")
        if even:
            types.append("even")
        out.append({(kind, t): current.get((kind, t)) for kind in KINDS for t in types})
    return out


def _on(el) -> bool:
    return el is not None and (el.get(w("val")) or "true") not in _OFF


def _even_and_odd(package, main: str) -> bool:
    from cmwreport.docx.opc import PackageError

    for part in package.related(main, "settings")[:1]:
        try:
            return _on(package.xml(part).find(w("evenAndOddHeaders")))
        except PackageError:
            return False
    return False
