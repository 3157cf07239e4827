"""What a draft is to `diff`: a sequence of blocks per place in the document.

A block is the unit reviewers talk about and that `summary` counts: a body paragraph
or heading, a table row (its cells compared one by one), a paragraph of a text box,
a header or footer paragraph, a footnote, an endnote, a comment.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property
from typing import Any

from cmwreport.docx.opc import PackageError
from cmwreport.docx.revisions import Tracked

BODY = "body"
TABLE = "table"
HEADER = "header"
FOOTER = "footer"
FOOTNOTE = "footnote"
ENDNOTE = "endnote"
TEXTBOX = "textbox"
COMMENT = "comment"


class DraftError(PackageError):
    """A draft that cannot be read: the message is one line for stderr, path first."""


@dataclass(eq=False)
class Block:
    location: str
    text: str
    #: Cell texts of a table row (None for anything else).
    cells: tuple[str, ...] | None = None
    #: Source id from a `_cmw_` bookmark (without the prefix), when the build wrote one.
    ident: str | None = None
    #: UN paragraph number as printed: "12", "12 (أ)", "12 (أ) ’2‘", "annex 3".
    number: str | None = None
    #: The UN number of the nearest numbered paragraph above, to locate unnumbered blocks.
    after: str | None = None
    section: str | None = None
    heading: bool = False
    #: 1-based table index in the body and row index in that table.
    table: int | None = None
    row: int | None = None
    #: Which header/footer part ("default", "first", "even" + ordinal), note ordinal,
    #: comment author.
    part: str | None = None
    #: What the text alone does not show, compared by identity: field codes, link
    #: targets, pictures and objects (kind, content digest, alternative text).
    fields: tuple[str, ...] = ()
    links: tuple[str, ...] = ()
    objects: tuple[tuple[str, str, str], ...] = ()
    #: Effective formatting per paragraph, (text, style key, spans), read on demand
    #: (diff/formatting.py) for blocks whose text is unchanged; None until then.
    formatting: tuple | None = None
    #: For a comment: the text of the paragraph it is anchored to, and the index of that
    #: paragraph's (or row's) block in the body (None: anchored elsewhere or in no text).
    anchor: str | None = None
    host: int | None = None
    #: Position in its sequence, set by the reader.
    index: int = 0
    #: The XML element(s) behind the block: w:p, w:tr or w:footnote (for the redline).
    element: Any = field(default=None, repr=False)


@dataclass
class Draft:
    path: str
    body: list[Block]
    #: Header and footer paragraphs grouped by part key, in document order.
    headers: dict[str, list[Block]]
    footers: dict[str, list[Block]]
    footnotes: list[Block]
    tracked: Tracked
    endnotes: list[Block] = field(default_factory=list)
    comments: list[Block] = field(default_factory=list)
    #: Text boxes held by footnotes, endnotes and comments (those of the body, its
    #: tables, headers and footers are read where they stand).
    boxes: list[Block] = field(default_factory=list)
    #: Parts no reader compares (charts' data, OLE objects, unknown parts): part name
    #: -> (what, content digest); listed as "not compared", and their differences count.
    unread: dict[str, tuple[str, str]] = field(default_factory=dict)
    #: Constructs read only in part ("1 embedded document (altChunk)").
    not_compared: list[str] = field(default_factory=list)
    #: Part name -> parsed XML root, for the redline writer (accepted view).
    parts: dict[str, Any] = field(default_factory=dict, repr=False)
    #: Place ("header:default, sections 1-2") -> part name for headers and footers,
    #: set when two drafts are compared (diff/sections.py), for the redline.
    part_names: dict[str, str] = field(default_factory=dict, repr=False)
    #: Header and footer part name -> its blocks, each part read once.
    stories: dict[str, list[Block]] = field(default_factory=dict, repr=False)
    #: Per section, the header and footer part each shown type shows (draft/sections.py).
    shown: list = field(default_factory=list, repr=False)
    #: The main document part, found by its relationship (set by the reader).
    main_part: str = ""
    footnotes_part: str | None = None
    #: The draft's package (the redline writes the new one back) and its objects reader.
    package: Any = field(default=None, repr=False)
    objects: Any = field(default=None, repr=False)
    #: A table's properties as written, per table element (diff/formatting.py).
    table_props: dict = field(default_factory=dict, repr=False)
    #: Body block index -> identity.Held: paragraphs whose source item cannot be known
    #: (two items joined, one identity in two places); they carry no identity.
    held: dict[int, Any] = field(default_factory=dict, repr=False)
    #: Body block index -> authors of the tracked changes in it.
    authors: dict[int, tuple[str, ...]] = field(default_factory=dict, repr=False)

    @cached_property
    def sheet(self) -> Any:
        """The effective formatting reader of the draft's styles and theme, made when a
        block's formatting is first needed (diff/formatting.py)."""
        from cmwreport.docx.formatting import StyleSheet

        _styles, theme = self._styles_and_theme()
        return StyleSheet(
            self.package.styles(self.main_part), self.package.xml(theme) if theme else None
        )

    @cached_property
    def styles_digest(self) -> bytes:
        """The bytes of the styles and theme parts: two drafts with the same bytes format
        the same XML the same way."""
        return b"".join(self.package.bytes(part) for part in self._styles_and_theme() if part)

    def _styles_and_theme(self) -> tuple[str | None, str | None]:
        styles = self.package.related(self.main_part, "styles")
        themes = self.package.related(self.main_part, "theme")
        return (styles[0] if styles else None, themes[0] if themes else None)
