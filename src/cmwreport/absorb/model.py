"""What absorb plans: edits of source texts, lists as the draft shows them, template
edits, and what it reports instead of writing."""

from __future__ import annotations

from dataclasses import dataclass, field

from cmwreport.absorb import origins as o


@dataclass
class TextEdit:
    origin: o.Origin
    before: str
    after: str
    where: str
    #: The draft block it was read from (its tracked changes' authors, for conflicts).
    shown: object | None = field(default=None, repr=False)


@dataclass
class Entry:
    """One member of a list as the draft shows it: an existing item or a new one."""

    item_id: str | None
    text: str | None = None  # for a new item
    origin: o.Origin | None = None


@dataclass
class TemplateEdit:
    kind: str  # "changed" | "removed" | "added"
    block: object | None  # the template's block (changed, removed) or the one after which
    text: str = ""
    before: str = ""
    where: str = ""
    draft_element: object | None = None
    shown: object | None = field(default=None, repr=False)


@dataclass
class Unabsorbed:
    where: str
    before: str | None
    after: str | None
    why: str
    data: str = ""
    #: A paragraph the build composes from data differs: the reviewer's edit, or (in a
    #: draft built from other versions of the sources) those versions' data.
    generated: bool = False


@dataclass
class Plan:
    text_edits: list[TextEdit] = field(default_factory=list)
    lists: dict[str, tuple[o.ListRef, list[Entry]]] = field(default_factory=dict)
    #: Items of each list as built, in order.
    current: dict[str, list[str]] = field(default_factory=dict)
    template: list[TemplateEdit] = field(default_factory=list)
    unabsorbed: list[Unabsorbed] = field(default_factory=list)
    #: Items whose footnotes the draft changed (footnotes.NotesEdit).
    notes: list = field(default_factory=list)

    def changed_lists(self) -> dict[str, tuple[o.ListRef, list[Entry]]]:
        return {
            g: (ref, entries)
            for g, (ref, entries) in self.lists.items()
            if [e.item_id for e in entries] != self.current.get(g, [])
        }


def where(block) -> str:
    """A block's place as `diff` gives it (the UN paragraph number as printed, the
    annex's own numbering, "heading after annex para. 4"), with its section (§) when
    it has no number of its own."""
    from cmwreport.diff.render.text import where as shown
    from cmwreport.i18n import _

    if block is None:
        return "?"
    ahead = getattr(block, "annex_next", None)
    if ahead is not None:
        # In the annex of a report draft, before its first numbered paragraph: the last
        # report paragraph ("after para. 12") is not where a reviewer would look.
        if block.heading:
            at = _("heading before annex para. {number}", number=ahead[6:])
        else:
            at = _("unnumbered paragraph before annex para. {number}", number=ahead[6:])
    else:
        at = shown(block)
    if not block.number and not block.heading and block.cells is None and block.section:
        at += f" § {block.section}"
    return at


def locate(blocks) -> None:
    """Mark the unnumbered blocks of an annex that come before its first numbered
    paragraph with that paragraph's number (read by `where`)."""
    ahead = None
    for block in reversed(blocks):
        if block.number:
            ahead = block.number
        elif (
            ahead is not None
            and ahead.startswith("annex ")
            and block.cells is None
            and not (block.after or "").startswith("annex ")
        ):
            block.annex_next = ahead
