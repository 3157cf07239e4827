"""Where a change is, as the document prints it and in the reader's language:
"الفقرة 12"، "الفقرة 12 (ب) ’2‘"، "المرفق، الفقرة 5"، "الجدول 2، الصف 3"؛ and what
kind of change it is. Used by the review page (html.py)."""

from __future__ import annotations

from cmwreport.draft.model import BODY, COMMENT, ENDNOTE, FOOTER, FOOTNOTE, HEADER, TABLE, Block
from cmwreport.i18n import _

_ANNEX = "annex "


def paragraph(number: str) -> str:
    """A UN paragraph number as printed ("12 (أ) ’2‘"), or an annex one ("annex 5")."""
    if number.startswith(_ANNEX):
        return _("annex, para. {number}", number=number[len(_ANNEX) :])
    return _("para. {number}", number=number)


def place(block: Block | None) -> str:
    """A block's place in the reader's words."""
    if block is None:
        return ""
    if block.location == TABLE:
        return _("table {table}, row {row}", table=block.table, row=block.row)
    if block.location == BODY:
        if block.number:
            return paragraph(block.number)
        if block.heading:
            return _("heading")
        if block.after:
            return _("unnumbered paragraph after {place}", place=paragraph(block.after))
        return _("unnumbered paragraph")
    host = block.number or block.after
    if block.location in (FOOTNOTE, ENDNOTE):
        note = (
            _("footnote {mark}", mark=block.part)
            if block.location == FOOTNOTE
            else _("endnote {mark}", mark=block.part)
        )
        return _("{note} ({place})", note=note, place=paragraph(host)) if host else note
    if block.location == COMMENT:
        if block.part and host:
            return _("comment by {author} on {place}", author=block.part, place=paragraph(host))
        if block.part:
            return _("comment by {author}", author=block.part)
        return _("comment")
    if block.location == HEADER:
        return _("page header")
    if block.location == FOOTER:
        return _("page footer")
    return _("text box")


def kind(name: str) -> str:
    """The kind of a change, as a label."""
    return {
        "added": _("added"),
        "removed": _("removed"),
        "changed": _("changed"),
        "moved": _("moved"),
        "formatting": _("formatting"),
    }[name]


def counted(name: str, n: int) -> str:
    """ "3 added", for the summary."""
    from cmwreport.i18n import ngettext

    return {
        "added": lambda: ngettext("{n} added", "{n} added", n),
        "removed": lambda: ngettext("{n} removed", "{n} removed", n),
        "changed": lambda: ngettext("{n} changed", "{n} changed", n),
        "moved": lambda: ngettext("{n} moved", "{n} moved", n),
        "formatting": lambda: ngettext("{n} formatting change", "{n} formatting changes", n),
        "renumbered": lambda: ngettext("{n} renumbered", "{n} renumbered", n),
    }[name]()
