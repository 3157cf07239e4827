"""The contract between `build`, `diff` and the template script: style ids and names,
heading levels, the identity bookmark, and how a paragraph's style is matched.

Change it here and nowhere else: build writes what this module names, the template
script defines these styles, and diff reads drafts by them (docs/architecture.md).
"""

from __future__ import annotations


class Style:
    """A paragraph style as build writes it and diff reads it.

    Immutable, compared and hashed by its fields as the frozen dataclass it was; a plain
    class because creating the dataclass cost every command more than the rest of this
    module (and typing.NamedTuple would import typing into validate)."""

    __slots__ = ("id", "name", "heading", "_hash")

    id: str
    #: The name Word shows; LibreOffice rewrites ids from names when it saves a .docx
    #: ("UN Numbered Paragraph" -> UNNumberedParagraph), so both identify a style.
    name: str
    #: Heading level a reader gives the style (0: the annex title), None for text.
    heading: int | None

    def __init__(self, id: str, name: str, heading: int | None = None) -> None:
        object.__setattr__(self, "id", id)
        object.__setattr__(self, "name", name)
        object.__setattr__(self, "heading", heading)
        # Hashed once: build looks styles up in sets some 5,000 times on a full report.
        object.__setattr__(self, "_hash", hash((id, name, heading)))

    def __setattr__(self, name: str, value: object) -> None:
        raise AttributeError(f"cannot assign to field {name!r}")

    def __eq__(self, other: object) -> bool:
        if other.__class__ is not self.__class__:
            return NotImplemented
        return (self.id, self.name, self.heading) == (other.id, other.name, other.heading)  # type: ignore[attr-defined]

    def __hash__(self) -> int:
        return self._hash

    def __repr__(self) -> str:
        return f"Style(id={self.id!r}, name={self.name!r}, heading={self.heading!r})"


UN_PARA = Style("UNPara", "UN Numbered Paragraph")
UN_SUB_PARA = Style("UNSubPara", "UN Sub-paragraph")
UN_SUB_SUB_PARA = Style("UNSubSubPara", "UN Sub-sub-paragraph")
HEADING1 = Style("Heading1", "heading 1", heading=1)
HEADING2 = Style("Heading2", "heading 2", heading=2)
HEADING3 = Style("Heading3", "heading 3", heading=3)
ANNEX_TITLE = Style("AnnexTitle", "Annex Title", heading=0)
ANNEX_SUBTITLE = Style("AnnexSubtitle", "Annex Subtitle")
ANNEX_TEXT = Style("AnnexText", "Annex Text")
ANNEX_PARA = Style("AnnexPara", "Annex Paragraph")
ANNEX_LIST = Style("AnnexList", "Annex Lettered List")
TABLE_TEXT = Style("TableText", "Table Text")
TABLE_HEADING = Style("TableHeading", "Table Heading")
TABLE_CAPTION = Style("TableCaption", "Table Caption")

#: Every style generated text uses; a template without one of them would silently
#: lose numbering or direction, so its absence stops the build.
GENERATED = (
    UN_PARA,
    ANNEX_TITLE,
    ANNEX_SUBTITLE,
    ANNEX_TEXT,
    ANNEX_PARA,
    ANNEX_LIST,
    HEADING1,
    HEADING2,
    TABLE_TEXT,
    TABLE_HEADING,
    TABLE_CAPTION,
)
#: Every style the contract names, for matching a draft's styles to their role.
ALL = (*GENERATED, UN_SUB_PARA, UN_SUB_SUB_PARA, HEADING3)

#: The custom document property in which a template names its drafting placeholder
#: text (build's readiness gate looks for it; `replies --template` writes it).
PLACEHOLDER_PROPERTY = "cmwreport.placeholder"

#: Identity bookmarks: `_cmw_` + the source item's id with `-` as `_`, cut to Word's
#: 40 characters. The leading underscore hides them in Word and LibreOffice.
BOOKMARK_PREFIX = "_cmw_"
BOOKMARK_MAX = 40


def bookmark_name(item_id: str, suffix: str = "") -> str:
    """The identity bookmark of a source item (the suffix is kept when the id is cut)."""
    base = (BOOKMARK_PREFIX + item_id.replace("-", "_"))[: BOOKMARK_MAX - len(suffix)]
    return base + suffix


def identity_of(bookmark: str) -> str | None:
    """The identity a bookmark name carries (without the prefix), or None."""
    if bookmark.startswith(BOOKMARK_PREFIX):
        return bookmark[len(BOOKMARK_PREFIX) :]
    return None


def style_key(text: str) -> str:
    """Letters and digits, lower-cased: `UN Numbered Paragraph`, `UNNumberedParagraph`
    and `unnumbered-paragraph` are one key."""
    return "".join(c for c in text if c.isalnum()).lower()


_BY_KEY = {style_key(k): s for s in ALL for k in (s.id, s.name)}


def role(style_id: str, style_name: str = "") -> Style | None:
    """The contract style a document's style plays, matched by id, then by name."""
    return _BY_KEY.get(style_key(style_id)) or _BY_KEY.get(style_key(style_name))
