"""What a reviewer asked of one comparison: one object from the command line to the
reader, the comparison and the renderers (instead of ten parameters passed three times)."""

from __future__ import annotations

from typing import TYPE_CHECKING, NamedTuple

if TYPE_CHECKING:  # annotations only: a diff without --redline needs no datetime
    import datetime as dt
    from pathlib import Path


# A NamedTuple (immutable, compared field by field like the frozen dataclass it was):
# cheaper to create at import, which every diff pays.
class DiffOptions(NamedTuple):
    #: Name of the renderer for standard output ("text", "json"; see diff/render*).
    format: str = "text"
    #: Also write a side-by-side HTML page / NEW with tracked changes against OLD.
    html: Path | None = None
    redline: Path | None = None
    ignore_diacritics: bool = False
    ignore_formatting: bool = False
    #: Terminal display only: pre-shaped Arabic for terminals without bidi support.
    reshape: bool = False
    color: bool = False
    #: Words of unchanged text shown around each change in the terminal (None: whole
    #: paragraphs).
    context: int | None = None
    #: Author and date of the redline's revisions (the date already parsed and checked).
    author: str = "cmwreport"
    date: dt.datetime | None = None
