"""What a draft is to `diff`: a sequence of blocks per place in the document.

A block is the unit reviewers talk about and that `summary` counts: a body paragraph
or heading, a table row (its cells compared one by one), a header or footer
paragraph, a footnote.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from cmwreport.errors import CmwError

BODY = "body"
TABLE = "table"
HEADER = "header"
FOOTER = "footer"
FOOTNOTE = "footnote"


class DraftError(CmwError):
    """A draft that cannot be read: the message is one line for stderr."""


@dataclass(eq=False)
class Block:
    location: str
    text: str
    #: Cell texts of a table row (None for anything else).
    cells: tuple[str, ...] | None = None
    #: Source id from a `_cmw_` bookmark (without the prefix), when the build wrote one.
    ident: str | None = None
    #: UN paragraph number as printed: "12", "12 (أ)", "12 (أ) (ii)", "annex 3".
    number: str | None = None
    #: The UN number of the nearest numbered paragraph above, to locate unnumbered blocks.
    after: str | None = None
    section: str | None = None
    heading: bool = False
    #: 1-based table index in the body and row index in that table.
    table: int | None = None
    row: int | None = None
    #: Which header/footer part ("default", "first", "even" + ordinal) or footnote ordinal.
    part: str | None = None
    #: Position in its sequence, set by the reader.
    index: int = 0
    #: The XML element(s) behind the block: w:p, w:tr or w:footnote (for the redline).
    element: Any = field(default=None, repr=False)


@dataclass
class Tracked:
    """Tracked changes found in a draft, which diff reads in their accepted view."""

    insertions: int = 0
    deletions: int = 0
    moves: int = 0
    formatting: int = 0

    @property
    def any(self) -> bool:
        return bool(self.insertions or self.deletions or self.moves or self.formatting)

    def as_json(self) -> dict:
        return {
            "insertions": self.insertions,
            "deletions": self.deletions,
            "moves": self.moves,
            "formatting": self.formatting,
        }


@dataclass
class Draft:
    path: str
    body: list[Block]
    #: Header and footer paragraphs grouped by part key, in document order.
    headers: dict[str, list[Block]]
    footers: dict[str, list[Block]]
    footnotes: list[Block]
    tracked: Tracked
    #: Part name -> parsed XML root, for the redline writer (accepted view).
    parts: dict[str, Any] = field(default_factory=dict, repr=False)
    #: Part key -> part name for headers and footers.
    part_names: dict[str, str] = field(default_factory=dict, repr=False)
    main_part: str = "word/document.xml"
    footnotes_part: str | None = None
