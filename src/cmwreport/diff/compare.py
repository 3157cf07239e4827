"""Compare two drafts: pair their blocks place by place and list the changes."""

from __future__ import annotations

from dataclasses import dataclass, field

from cmwreport.diff.align import Pair, align
from cmwreport.diff.model import FOOTER, HEADER, TABLE, Block, Draft
from cmwreport.diff.words import Op, comparable, word_ops

KINDS = ("added", "removed", "changed", "moved")

NOTE_TRACKED = (
    "Tracked changes in the inputs were read in their accepted view "
    "(inserted text counts, deleted text does not)."
)


@dataclass
class Change:
    kind: str
    location: str
    old: Block | None
    new: Block | None
    old_text: str | None
    new_text: str | None
    ops: list[Op]
    #: 1-based column, for a changed table cell.
    col: int | None = None

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
        if self.location in (HEADER, FOOTER):
            out["part"] = block.part
        if self.location == "footnote":
            out["footnote"] = {
                "old": self.old.part if self.old else None,
                "new": self.new.part if self.new else None,
            }
        return out


def _cell_json(block: Block | None, col: int | None) -> dict | None:
    if block is None:
        return None
    out = {"index": block.table, "row": block.row}
    if col is not None:
        out["col"] = col
    return out


@dataclass
class Renumbered:
    old_number: str | None
    new_number: str | None
    block: Block

    def as_json(self) -> dict:
        return {"old_number": self.old_number, "new_number": self.new_number}


@dataclass
class Result:
    old: Draft
    new: Draft
    changes: list[Change]
    renumbered: list[Renumbered]
    summary: dict[str, int]
    #: Pairs per place ("body", "header:<key>", "footer:<key>", "footnotes"), for the redline.
    pairs: dict[str, list[Pair]] = field(default_factory=dict)

    @property
    def differs(self) -> bool:
        return any(self.summary.values())

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
            "tracked_changes": {
                "old": self.old.tracked.as_json(),
                "new": self.new.tracked.as_json(),
            },
        }
        if self.tracked_inputs:
            out["note"] = NOTE_TRACKED
        return out


def compare(old: Draft, new: Draft, ignore_diacritics: bool = False) -> Result:
    pairs: dict[str, list[Pair]] = {"body": align(old.body, new.body, ignore_diacritics)}
    for kind, old_parts, new_parts in (
        ("header", old.headers, new.headers),
        ("footer", old.footers, new.footers),
    ):
        for key in list(new_parts) + [k for k in old_parts if k not in new_parts]:
            pairs[f"{kind}:{key}"] = align(
                old_parts.get(key, []), new_parts.get(key, []), ignore_diacritics
            )
    pairs["footnotes"] = align(old.footnotes, new.footnotes, ignore_diacritics)

    changes: list[Change] = []
    summary = dict.fromkeys((*KINDS, "renumbered"), 0)
    renumbered: list[Renumbered] = []
    for place, place_pairs in pairs.items():
        for pair in place_pairs:
            if pair.kind != "equal":
                summary[pair.kind] += 1
            changes.extend(_changes(pair, ignore_diacritics))
            if (
                place == "body"
                and pair.kind in ("equal", "changed")
                and pair.old.number != pair.new.number
            ):
                renumbered.append(Renumbered(pair.old.number, pair.new.number, pair.new))
    summary["renumbered"] = len(renumbered)
    return Result(old, new, changes, renumbered, summary, pairs)


def _changes(pair: Pair, ignore_diacritics: bool) -> list[Change]:
    old, new = pair.old, pair.new
    if pair.kind == "equal":
        return []
    block = new if new is not None else old
    location = block.location
    if pair.kind == "added":
        return [Change("added", location, None, new, None, new.text, [])]
    if pair.kind == "removed":
        return [Change("removed", location, old, None, old.text, None, [])]
    if pair.kind == "changed" and old.cells is not None and new.cells is not None:
        out = []
        width = max(len(old.cells), len(new.cells))
        for c in range(width):
            a = old.cells[c] if c < len(old.cells) else ""
            b = new.cells[c] if c < len(new.cells) else ""
            if comparable(a, ignore_diacritics) != comparable(b, ignore_diacritics):
                ops = word_ops(a, b, ignore_diacritics)
                out.append(Change("changed", location, old, new, a, b, ops, col=c + 1))
        if out:
            return out
        # Only the shape of the row changed (a cell added or removed, left empty).
        return [Change("changed", location, old, new, old.text, new.text, [])]
    ops = (
        word_ops(old.text, new.text, ignore_diacritics)
        if comparable(old.text, ignore_diacritics) != comparable(new.text, ignore_diacritics)
        else []
    )
    return [Change(pair.kind, location, old, new, old.text, new.text, ops)]
