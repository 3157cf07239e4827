"""What a reviewer asked of one comparison: one object from the command line to the
reader, the comparison and the renderers (instead of ten parameters passed three times)."""

from __future__ import annotations

from cmwreport.plain import Frozen

TYPE_CHECKING = False
if TYPE_CHECKING:
    from pathlib import Path


# Immutable and compared field by field, like the frozen dataclass and then the named
# tuple it was: cmwreport.plain's Frozen, which the diff imports anyway, costs one class
# where a named tuple compiled its __new__ and made two (0.4 M instructions; issue 21).
class DiffOptions(Frozen):
    __slots__ = _compared = (
        # Name of the renderer for standard output ("text", "json"; see diff/render*).
        "format",
        # Also write a side-by-side HTML page / NEW with tracked changes against OLD.
        "html",
        "redline",
        "ignore_diacritics",
        "ignore_formatting",
        # Terminal display only: pre-shaped Arabic for terminals without bidi support.
        "reshape",
        "color",
        # Words of unchanged text shown around each change in the terminal (None:
        # whole paragraphs).
        "context",
        # Author and date of the redline's revisions (the date parsed and checked,
        # written as Word writes it: 2024-03-01T09:30:00Z).
        "author",
        "date",
    )

    def __init__(
        self,
        format: str = "text",
        html: Path | str | None = None,
        redline: Path | str | None = None,
        ignore_diacritics: bool = False,
        ignore_formatting: bool = False,
        reshape: bool = False,
        color: bool = False,
        context: int | None = None,
        author: str = "cmwreport",
        date: str | None = None,
    ) -> None:
        self._set(
            format=format,
            html=html,
            redline=redline,
            ignore_diacritics=ignore_diacritics,
            ignore_formatting=ignore_formatting,
            reshape=reshape,
            color=color,
            context=context,
            author=author,
            date=date,
        )
