"""What a reviewer asked of one comparison: one object from the command line to the
reader, the comparison and the renderers (instead of ten parameters passed three times)."""

from __future__ import annotations

from collections import namedtuple


# A named tuple (immutable, compared field by field like the frozen dataclass it was):
# cheaper to create at import, which every diff pays; collections' namedtuple, not
# typing.NamedTuple, which evaluates every annotation at import (issue 21).
class DiffOptions(
    namedtuple(
        "DiffOptions",
        (
            # Name of the renderer for standard output ("text", "json"; see diff/render*).
            "format",  # str = "text"
            # Also write a side-by-side HTML page / NEW with tracked changes against OLD.
            "html",  # Path | None
            "redline",  # Path | None
            "ignore_diacritics",  # bool
            "ignore_formatting",  # bool
            # Terminal display only: pre-shaped Arabic for terminals without bidi support.
            "reshape",  # bool
            "color",  # bool
            # Words of unchanged text shown around each change in the terminal (None:
            # whole paragraphs).
            "context",  # int | None
            # Author and date of the redline's revisions (the date parsed and checked,
            # written as Word writes it: 2024-03-01T09:30:00Z).
            "author",  # str = "cmwreport"
            "date",  # str | None
        ),
        defaults=("text", None, None, False, False, False, False, None, "cmwreport", None),
    )
):
    __slots__ = ()
