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

    def changed_lists(self) -> dict[str, tuple[o.ListRef, list[Entry]]]:
        return {
            g: (ref, entries)
            for g, (ref, entries) in self.lists.items()
            if [e.item_id for e in entries] != self.current.get(g, [])
        }


def where(block) -> str:
    if block is None:
        return "?"
    if block.number:
        return (
            f"para. {block.number}"
            if not block.number.startswith("annex")
            else (f"annex para. {block.number[6:]}")
        )
    if block.cells is not None:
        return f"table {block.table}, row {block.row}"
    if block.after:
        return f"paragraph after para. {block.after}"
    return f"paragraph {block.index + 1}"
