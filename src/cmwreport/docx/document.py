"""A Word document opened for filling: its body, headers, footers, styles, metadata."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from lxml import etree

from cmwreport.contract import Style
from cmwreport.docx import slots as slotlib
from cmwreport.docx.content import Bookmarks
from cmwreport.docx.core import core_properties
from cmwreport.docx.footnotes import Footnotes
from cmwreport.docx.order import place
from cmwreport.docx.package import Package, PackageError
from cmwreport.docx.rtl import on
from cmwreport.docx.styles import Styles
from cmwreport.docx.text import paragraph_text
from cmwreport.docx.xml import PKG_REL_NS, w
from cmwreport.i18n import _

#: Used when a template's section gives no usable page size (A4, 2.5 cm margins).
DEFAULT_TEXT_WIDTH = 9070


class WordDocument:
    def __init__(self, package: Package) -> None:
        self.package = package
        self.main = package.main_part()
        self.root = package.xml(self.main)
        self.body = self.root.find(w("body"))
        if self.body is None:
            raise PackageError(_("{main} has no document body", main=self.main))
        self.stories = package.related(self.main, "header") + package.related(self.main, "footer")

    @classmethod
    def open(cls, path: Path | bytes) -> WordDocument:
        """A document from a file, or from the bytes of one (no temporary file)."""
        return cls(Package.read(path))

    def copy(self, *, body: bool = True) -> WordDocument:
        """A second document from the same, unmodified package parts; the main part's
        tree copied rather than parsed again (the other parts parse as they are needed,
        and are written from their bytes when they are not). `body=False`: its body
        holds only the last section's properties, for a caller that replaces the body
        (`replace_body`) and would copy the template's paragraphs only to drop them."""
        package = Package(list(self.package.names), dict(self.package.parts))
        package.hold_tree(self.main, self.root.__copy__() if body else self._shell())
        return WordDocument(package)

    def _shell(self) -> etree._Element:
        """The main part's root copied with its body empty but for its w:sectPr: the
        root's own namespace declarations, attributes and text as they are."""
        root = self.root
        shell = etree.Element(root.tag, dict(root.attrib), nsmap=root.nsmap)
        shell.text = root.text
        for child in root:
            if child is not self.body:
                shell.append(child.__copy__())
                continue
            body = etree.SubElement(shell, child.tag, dict(child.attrib), nsmap=child.nsmap)
            body.text, body.tail = child.text, child.tail
            sect = child.find(w("sectPr"))
            if sect is not None:
                body.append(sect.__copy__())
        return shell

    def slot_paragraphs(self, *, body: bool = True) -> list[slotlib.SlotParagraph]:
        found = list(slotlib.paragraphs_with_slots(self.root, "body")) if body else []
        for story in self.stories:
            found += slotlib.paragraphs_with_slots(self.package.xml(story), story)
        return found

    def styles(self) -> Styles:
        """The styles of the main part (docx/styles.py), read once per package."""
        return self.package.styles(self.main)

    def footnotes(self, cs_font: str | None) -> Footnotes:
        return Footnotes(self.package, self.main, set(self.styles().names), cs_font)

    def story_texts(self) -> dict[str, list[str]]:
        """Paragraph texts of the headers, footers and footnotes, by part."""
        parts = [*self.stories, *self.package.related(self.main, "footnotes")]
        return {
            part: [paragraph_text(p) for p in self.package.xml(part).iter(w("p"))] for part in parts
        }

    def cs_font(self) -> str | None:
        """The complex-script font the document's text defaults to: Arabic runs that the
        build writes name it."""
        return self.styles().cs_font()

    def resolve_styles(self, wanted: tuple[Style, ...]) -> tuple[dict[str, str], list[Style]]:
        """Map the contract styles generated text uses to the template's own ids.

        Word keeps style ids; LibreOffice rewrites them from the style names when it
        saves a .docx ("UN Numbered Paragraph" becomes UNNumberedParagraph), so a
        style is found by its id, or else by its name (`contract.role`). Returns the
        map and the contract styles not found at all.
        """
        styles = self.styles()
        ids = styles.names
        found: dict[str, str] = {}
        for sid, style in styles.roles.items():
            if style.id not in found:
                found[style.id] = sid
        mapping = {s.id: s.id if s.id in ids else found[s.id] for s in wanted if s.id in found}
        missing = [s for s in wanted if s.id not in mapping]
        return mapping, missing

    def bookmarks(self) -> Bookmarks:
        """An allocator above every bookmark id and name the document already has."""
        highest = -1
        names: set[str] = set()
        for part in (self.main, *self.stories):
            for node in self.package.xml(part).iter(w("bookmarkStart")):
                value = node.get(w("id"), "")
                if value.lstrip("-").isdigit():
                    highest = max(highest, int(value))
                names.add(node.get(w("name"), ""))
        return Bookmarks(first_id=highest + 1, taken=names)

    def text_width(self) -> int:
        """Width between the margins of the last section, for table columns."""
        sect = self.body.find(w("sectPr"))
        try:
            size = sect.find(w("pgSz"))
            margins = sect.find(w("pgMar"))
            width = (
                int(size.get(w("w")))
                - int(margins.get(w("left"), "0"))
                - int(margins.get(w("right"), "0"))
            )
        except (AttributeError, TypeError, ValueError):
            return DEFAULT_TEXT_WIDTH
        return width if width > 0 else DEFAULT_TEXT_WIDTH

    def replace_body(self, nodes: list[etree._Element]) -> None:
        """The body becomes `nodes`, in the template's last section (its first page
        as the template sets it)."""
        sect = self.body.find(w("sectPr"))
        for node in list(self.body):
            self.body.remove(node)
        for node in nodes:
            self.body.append(node)
        if sect is not None:
            self.body.append(sect)

    def take_body(self) -> list[etree._Element]:
        """The body's content (its sectPr excepted) as free elements; the body keeps
        only its sectPr.

        Copies, then frees the originals: lxml takes time quadratic in a subtree's
        element count to move it out of its tree (measured: 17 s for one paragraph
        of 60,000 runs), while a copy is linear.
        """
        taken = []
        for node in list(self.body):
            if node.tag == w("sectPr"):
                continue
            taken.append(node.__copy__())  # lxml's deep copy, without copy.deepcopy's memo
            node.clear()
            self.body.remove(node)
        return taken

    def set_core(self, title: str, created: dt.datetime, modified: dt.datetime) -> None:
        for rel in self.package.xml("_rels/.rels").iter(f"{{{PKG_REL_NS}}}Relationship"):
            if rel.get("Type", "").endswith("/metadata/core-properties"):
                name = rel.get("Target", "").lstrip("/")
                if name in self.package.parts:
                    self.package.set_bytes(
                        name,
                        core_properties(
                            title=title,
                            creator="cmwreport",
                            language="ar-MA",
                            created=created,
                            modified=modified,
                        ),
                    )
                return

    def to_bytes(self) -> bytes:
        return self.package.to_bytes()


def set_page_break_before(paragraph: etree._Element, value: bool | None) -> None:
    """Override (or, with None, stop overriding) the style's page break before."""
    ppr = paragraph.find(w("pPr"))
    if ppr is None:
        ppr = etree.Element(w("pPr"))
        paragraph.insert(0, ppr)
    for old in ppr.findall(w("pageBreakBefore")):
        ppr.remove(old)
    if value is not None:
        place(ppr, on("pageBreakBefore", value))
