"""What a draft is to `diff`: a sequence of blocks per place in the document.

A block is the unit reviewers talk about and that `summary` counts: a body paragraph
or heading, a table row (its cells compared one by one), a paragraph of a text box,
a header or footer paragraph, a footnote, an endnote, a comment.
"""

from __future__ import annotations

from functools import cached_property

from cmwreport.docx.opc import PackageError
from cmwreport.docx.revisions import Tracked
from cmwreport.plain import Plain

TYPE_CHECKING = False  # typing is imported by type checkers alone (issue 21)
if TYPE_CHECKING:
    from typing import Any

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


class Block:
    """One block of a draft (see the module's docstring).

    A plain class, not a dataclass: creating the dataclass was a large part of what a
    diff of two small drafts spends importing. Equality is identity, as it was (eq=False);
    `replace` is dataclasses.replace's. absorb sets attributes of its own on the blocks
    of a draft (absorb/model.py), which is why there are no __slots__."""

    _FIELDS = (
        "location",
        "text",
        "cells",
        "ident",
        "number",
        "after",
        "section",
        "heading",
        "table",
        "row",
        "part",
        "fields",
        "links",
        "objects",
        "formatting",
        "anchor",
        "host",
        "index",
        "element",
    )

    def __init__(
        self,
        location: str,
        text: str,
        #: Cell texts of a table row (None for anything else).
        cells: tuple[str, ...] | None = None,
        #: Source id from a `_cmw_` bookmark (without the prefix), when the build wrote one.
        ident: str | None = None,
        #: UN paragraph number as printed: "12", "12 (أ)", "12 (أ) ’2‘", "annex 3".
        number: str | None = None,
        #: The UN number of the nearest numbered paragraph above, to locate unnumbered blocks.
        after: str | None = None,
        section: str | None = None,
        heading: bool = False,
        #: 1-based table index in the body and row index in that table.
        table: int | None = None,
        row: int | None = None,
        #: Which header/footer part ("default", "first", "even" + ordinal), note ordinal,
        #: comment author.
        part: str | None = None,
        #: What the text alone does not show, compared by identity: field codes, link
        #: targets, pictures and objects (kind, content digest, alternative text).
        fields: tuple[str, ...] = (),
        links: tuple[str, ...] = (),
        objects: tuple[tuple[str, str, str], ...] = (),
        #: Effective formatting per paragraph, (text, style key, spans), read on demand
        #: (diff/formatting.py) for blocks whose text is unchanged; None until then.
        formatting: tuple | None = None,
        #: For a comment: the text of the paragraph it is anchored to, and the index of that
        #: paragraph's (or row's) block in the body (None: anchored elsewhere or in no text).
        anchor: str | None = None,
        host: int | None = None,
        #: Position in its sequence, set by the reader.
        index: int = 0,
        #: The XML element(s) behind the block: w:p, w:tr or w:footnote (for the redline).
        element: Any = None,
    ) -> None:
        self.location = location
        self.text = text
        self.cells = cells
        self.ident = ident
        self.number = number
        self.after = after
        self.section = section
        self.heading = heading
        self.table = table
        self.row = row
        self.part = part
        self.fields = fields
        self.links = links
        self.objects = objects
        self.formatting = formatting
        self.anchor = anchor
        self.host = host
        self.index = index
        self.element = element

    def replace(self, **changes: Any) -> Block:
        """A copy with `changes`, as dataclasses.replace makes one."""
        values = {name: getattr(self, name) for name in self._FIELDS}
        values.update(changes)
        return Block(**values)

    def __repr__(self) -> str:
        return (
            "Block("
            f"location={self.location!r}, text={self.text!r}, cells={self.cells!r}, "
            f"ident={self.ident!r}, number={self.number!r}, after={self.after!r}, "
            f"section={self.section!r}, heading={self.heading!r}, "
            f"table={self.table!r}, row={self.row!r}, part={self.part!r}, "
            f"fields={self.fields!r}, links={self.links!r}, "
            f"objects={self.objects!r}, formatting={self.formatting!r}, "
            f"anchor={self.anchor!r}, host={self.host!r}, index={self.index!r}"
            ")"
        )


class Draft(Plain):
    """Two of these are compared by a diff. A plain class with a dataclass's equality and
    repr: creating the dataclass was a large part of what a diff of two small drafts
    spends importing."""

    _compared = (
        "path",
        "body",
        "headers",
        "footers",
        "footnotes",
        "tracked",
        "endnotes",
        "comments",
        "boxes",
        "unread",
        "not_compared",
        "parts",
        "part_names",
        "stories",
        "shown",
        "main_part",
        "footnotes_part",
        "package",
        "objects",
        "table_props",
        "held",
        "authors",
    )
    #: Not shown: the parsed trees, the package and what is cached from them.
    _shown = tuple(
        name
        for name in _compared
        if name
        not in (
            "parts",
            "part_names",
            "stories",
            "shown",
            "package",
            "objects",
            "table_props",
            "held",
            "authors",
        )
    )

    def __init__(
        self,
        path: str,
        body: list[Block],
        #: Header and footer paragraphs grouped by part key, in document order.
        headers: dict[str, list[Block]],
        footers: dict[str, list[Block]],
        footnotes: list[Block],
        tracked: Tracked,
        endnotes: list[Block] | None = None,
        comments: list[Block] | None = None,
        #: Text boxes held by footnotes, endnotes and comments (those of the body, its
        #: tables, headers and footers are read where they stand).
        boxes: list[Block] | None = None,
        #: Parts no reader compares (charts' data, OLE objects, unknown parts): part name
        #: -> (what, content digest); listed as "not compared", and their differences count.
        unread: dict[str, tuple[str, str]] | None = None,
        #: Constructs read only in part ("1 embedded document (altChunk)").
        not_compared: list[str] | None = None,
        #: Part name -> parsed XML root, for the redline writer (accepted view).
        parts: dict[str, Any] | None = None,
        #: Place ("header:default, sections 1-2") -> part name for headers and footers,
        #: set when two drafts are compared (diff/sections.py), for the redline.
        part_names: dict[str, str] | None = None,
        #: Header and footer part name -> its blocks, each part read once.
        stories: dict[str, list[Block]] | None = None,
        #: Per section, the header and footer part each shown type shows (draft/sections.py).
        shown: list | None = None,
        #: The main document part, found by its relationship (set by the reader).
        main_part: str = "",
        footnotes_part: str | None = None,
        #: The draft's package (the redline writes the new one back) and its objects reader.
        package: Any = None,
        objects: Any = None,
        #: A table's properties as written, per table element (diff/formatting.py).
        table_props: dict | None = None,
        #: Body block index -> identity.Held: paragraphs whose source item cannot be known
        #: (two items joined, one identity in two places); they carry no identity.
        held: dict[int, Any] | None = None,
        #: Body block index -> authors of the tracked changes in it.
        authors: dict[int, tuple[str, ...]] | None = None,
    ) -> None:
        self.path = path
        self.body = body
        self.headers = headers
        self.footers = footers
        self.footnotes = footnotes
        self.tracked = tracked
        self.endnotes = [] if endnotes is None else endnotes
        self.comments = [] if comments is None else comments
        self.boxes = [] if boxes is None else boxes
        self.unread = {} if unread is None else unread
        self.not_compared = [] if not_compared is None else not_compared
        self.parts = {} if parts is None else parts
        self.part_names = {} if part_names is None else part_names
        self.stories = {} if stories is None else stories
        self.shown = [] if shown is None else shown
        self.main_part = main_part
        self.footnotes_part = footnotes_part
        self.package = package
        self.objects = objects
        self.table_props = {} if table_props is None else table_props
        self.held = {} if held is None else held
        self.authors = {} if authors is None else authors

    def drop_trees(self) -> None:
        """Forget the parsed XML, keeping the blocks' text and numbers: what the text and
        JSON reports need. The old draft's tree is a third of a large diff's peak memory,
        and any element still referenced keeps the whole of it."""
        stories = (self.body, self.footnotes, self.endnotes, self.comments, self.boxes)
        for blocks in (*stories, *self.headers.values(), *self.footers.values()):
            for block in blocks:
                block.element = None
        for blocks in self.stories.values():
            for block in blocks:
                block.element = None
        self.parts = {}
        self.table_props = {}
        self.objects = None
        self.__dict__.pop("sheet", None)
        if self.package is not None:
            self.package.drop()

    @cached_property
    def sheet(self) -> Any:
        """The effective formatting reader of the draft's styles and theme, made when a
        block's formatting is first needed (diff/formatting.py)."""
        from cmwreport.docx.formatting import StyleSheet

        _styles, theme = self._styles_and_theme()
        numbering = self.package.related(self.main_part, "numbering")
        return StyleSheet(
            self.package.styles(self.main_part),
            self.package.xml(theme) if theme else None,
            self.package.xml(numbering[0]) if numbering else None,
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
