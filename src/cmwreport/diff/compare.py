"""Compare two drafts: pair their blocks place by place and list the changes."""

from __future__ import annotations

from cmwreport.diff.align import Pair, align
from cmwreport.diff.beside import details_of
from cmwreport.diff.formatting import changed as formatting_changes
from cmwreport.diff.options import DiffOptions
from cmwreport.diff.sections import header_pairs
from cmwreport.diff.words import Op, comparable, word_ops
from cmwreport.draft.model import (
    COMMENT,
    ENDNOTE,
    FOOTER,
    FOOTNOTE,
    HEADER,
    TABLE,
    TEXTBOX,
    Block,
    Draft,
)
from cmwreport.draft.unread import NotCompared, not_compared
from cmwreport.plain import Plain

KINDS = ("added", "removed", "changed", "moved", "formatting")
#: The places compared, each aligned on its own: (name in `pairs`, attribute of Draft).
NOTES = (("footnotes", "footnotes"), ("endnotes", "endnotes"), ("comments", "comments"))

NOTE_TRACKED = (
    "Tracked changes in the inputs were read in their accepted view "
    "(inserted text counts, deleted text does not)."
)


class Change(Plain):
    """One change between the drafts.

    Change, Renumbered and Result are plain classes with the equality and repr a dataclass
    would give them: creating dataclasses is a large part of what a diff of two small
    drafts spends importing."""

    _compared = ("kind", "location", "old", "new", "old_text", "new_text", "ops", "col", "details")

    def __init__(
        self,
        kind: str,
        location: str,
        old: Block | None,
        new: Block | None,
        old_text: str | None,
        new_text: str | None,
        ops: list[Op],
        #: 1-based column, for a changed table cell.
        col: int | None = None,
        #: What changed beside the words: "field code: ...", "image replaced", "bold added".
        details: list[str] | None = None,
    ) -> None:
        self.kind = kind
        self.location = location
        self.old = old
        self.new = new
        self.old_text = old_text
        self.new_text = new_text
        self.ops = ops
        self.col = col
        self.details = [] if details is None else details

    @property
    def block(self) -> Block:
        return self.new if self.new is not None else self.old  # type: ignore[return-value]

    @property
    def section(self) -> str | None:
        return self.block.section

    def as_json(self) -> dict:
        out = {
            "kind": self.kind,
            "old_number": self.old.number if self.old else None,
            "new_number": self.new.number if self.new else None,
            "old_text": self.old_text,
            "new_text": self.new_text,
            "location": self.location,
            "section": self.section,
            "ops": [op.as_json() for op in self.ops],
        }
        if self.details:
            out["details"] = self.details
        block = self.block
        out["after"] = {
            "old": self.old.after if self.old else None,
            "new": self.new.after if self.new else None,
        }
        if block.ident:
            out["identity"] = block.ident
        if self.location == TABLE:
            out["table"] = {
                "old": _cell_json(self.old, self.col),
                "new": _cell_json(self.new, self.col),
            }
        if self.location in (HEADER, FOOTER) or (self.location == TEXTBOX and block.part):
            out["part"] = block.part
        if self.location in (FOOTNOTE, ENDNOTE):
            out[self.location] = {
                "old": self.old.part if self.old else None,
                "new": self.new.part if self.new else None,
            }
        if self.location == COMMENT:
            out["comment"] = {"author": block.part, "anchor": block.anchor}
        return out


def _cell_json(block: Block | None, col: int | None) -> dict | None:
    if block is None:
        return None
    out = {"index": block.table, "row": block.row}
    if col is not None:
        out["col"] = col
    return out


class Renumbered(Plain):
    _compared = ("old_number", "new_number", "block")

    def __init__(self, old_number: str | None, new_number: str | None, block: Block) -> None:
        self.old_number = old_number
        self.new_number = new_number
        self.block = block

    def as_json(self) -> dict:
        return {"old_number": self.old_number, "new_number": self.new_number}


class Result(Plain):
    _compared = ("old", "new", "changes", "renumbered", "summary", "pairs", "unread")

    def __init__(
        self,
        old: Draft,
        new: Draft,
        changes: list[Change],
        renumbered: list[Renumbered],
        summary: dict[str, int],
        #: Pairs per place ("body", "header:<key>", "footer:<key>", "footnotes",
        #: "endnotes", "comments"), for the redline.
        pairs: dict[str, list[Pair]] | None = None,
        #: What no reader compared, and whether it differs between the drafts.
        unread: list[NotCompared] | None = None,
    ) -> None:
        self.old = old
        self.new = new
        self.changes = changes
        self.renumbered = renumbered
        self.summary = summary
        self.pairs = {} if pairs is None else pairs
        self.unread = [] if unread is None else unread

    @property
    def differs(self) -> bool:
        return any(self.summary.values()) or any(u.differs for u in self.unread)

    @property
    def tracked_inputs(self) -> bool:
        return self.old.tracked.any or self.new.tracked.any

    def as_json(self) -> dict:
        out = {
            "old": self.old.path,
            "new": self.new.path,
            "summary": self.summary,
            "changes": [c.as_json() for c in self.changes],
            "renumbered": [r.as_json() for r in self.renumbered],
            "not_compared": [u.as_json() for u in self.unread],
            "tracked_changes": {
                "old": self.old.tracked.as_json(),
                "new": self.new.tracked.as_json(),
            },
        }
        if self.tracked_inputs:
            out["note"] = NOTE_TRACKED
        return out


def compare(old: Draft, new: Draft, options: DiffOptions | None = None) -> Result:
    options = options or DiffOptions()
    strip = options.ignore_diacritics
    pairs: dict[str, list[Pair]] = {"body": align(old.body, new.body, strip)}
    pairs.update(header_pairs(old, new, strip))
    for place, attr in (*NOTES, ("boxes", "boxes")):
        pairs[place] = align(getattr(old, attr), getattr(new, attr), strip)

    changes: list[Change] = []
    summary = dict.fromkeys((*KINDS, "renumbered"), 0)
    renumbered: list[Renumbered] = []
    for place, place_pairs in pairs.items():
        for pair in place_pairs:
            found = _changes(pair, options, (old, new))
            if found:
                summary[found[0].kind] += 1
            changes.extend(found)
            if (
                place == "body"
                and pair.kind in ("equal", "changed")
                and pair.old.number != pair.new.number
            ):
                renumbered.append(Renumbered(pair.old.number, pair.new.number, pair.new))
    summary["renumbered"] = len(renumbered)
    _comments_left_out(new, changes)
    return Result(old, new, changes, renumbered, summary, pairs, not_compared(old, new))


def _comments_left_out(new: Draft, changes: list[Change]) -> None:
    """A draft cmwreport built carries no reviewer's comment: a comment missing from it
    was not removed by anyone, it was left in the reviewer's draft (absorb lists the
    comments, it does not take them home). Said so, still counted as removed."""
    from cmwreport.docx.identity import identity
    from cmwreport.i18n import _

    if identity(getattr(new, "package", None)).build is None:
        return
    for change in changes:
        if change.kind == "removed" and change.location == COMMENT:
            change.details.append(
                _(
                    "not carried by the build: a build holds no reviewers' comments "
                    "(absorb lists them, it does not take them home)"
                )
            )


def _cell_pairs(old: tuple[str, ...], new: tuple[str, ...], strip: bool):
    """(column, old text, new text) per cell; when a cell was added or removed, the cells
    are matched by content so that the others are not shown as all changed."""
    if len(old) == len(new):
        return [(c, a, b) for c, (a, b) in enumerate(zip(old, new, strict=True))]
    from difflib import SequenceMatcher

    keys_a = [comparable(t, strip) for t in old]
    keys_b = [comparable(t, strip) for t in new]
    out = []
    for _, i1, i2, j1, j2 in SequenceMatcher(None, keys_a, keys_b).get_opcodes():
        for k in range(max(i2 - i1, j2 - j1)):
            a = old[i1 + k] if i1 + k < i2 else ""
            b = new[j1 + k] if j1 + k < j2 else ""
            out.append((j1 + k if j1 + k < j2 else i1 + k, a, b))
    return out


def _changes(pair: Pair, options: DiffOptions, drafts: tuple[Draft, Draft]) -> list[Change]:
    strip = options.ignore_diacritics
    old, new = pair.old, pair.new
    if pair.kind == "equal":
        if options.ignore_formatting:
            return []
        details = formatting_changes(drafts[0], drafts[1], old, new)
        if not details:
            return []
        return [Change("formatting", new.location, old, new, old.text, new.text, [], None, details)]
    block = new if new is not None else old
    location = block.location
    if pair.kind == "added":
        return [Change("added", location, None, new, None, new.text, [])]
    if pair.kind == "removed":
        return [Change("removed", location, old, None, old.text, None, [])]
    details = details_of(old, new)
    if pair.kind == "changed" and old.cells is not None and new.cells is not None:
        out = []
        for c, a, b in _cell_pairs(old.cells, new.cells, strip):
            if comparable(a, strip) != comparable(b, strip):
                ops = word_ops(a, b, strip)
                out.append(Change("changed", location, old, new, a, b, ops, col=c + 1))
        if out:
            out[0].details = details
            return out
        # Only the shape of the row changed (a cell added or removed, left empty), or
        # what is in it beside its words.
        return [Change("changed", location, old, new, old.text, new.text, [], None, details)]
    ops = (
        word_ops(old.text, new.text, strip)
        if comparable(old.text, strip) != comparable(new.text, strip)
        else []
    )
    return [Change(pair.kind, location, old, new, old.text, new.text, ops, None, details)]
