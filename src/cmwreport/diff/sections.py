"""Headers and footers compared as each section shows them (draft/sections.py).

Section by section, each shown type pairs the old draft's part with the new one's; the
sections where the same two parts show are compared once, and a change is reported for
those sections: "default" when it shows in every section, "first, section 2",
"default, sections 1-3" otherwise.
"""

from __future__ import annotations

from cmwreport.diff.align import Pair, align
from cmwreport.draft.model import TEXTBOX, Block, Draft


def header_pairs(old: Draft, new: Draft, strip: bool) -> dict[str, list[Pair]]:
    """Place ("header:default", "footer:first, section 2") -> the pairs of its blocks;
    sets both drafts' `part_names` for the places (the redline marks those parts)."""
    count = max(len(old.shown), len(new.shown))
    groups: dict[tuple, list[int]] = {}
    for i in range(count):
        before = old.shown[i] if i < len(old.shown) else {}
        after = new.shown[i] if i < len(new.shown) else {}
        for slot in [*after, *(s for s in before if s not in after)]:
            parts = before.get(slot), after.get(slot)
            if parts != (None, None):
                groups.setdefault((*slot, *parts), []).append(i + 1)
    per_type: dict[tuple[str, str], int] = {}
    for kind, kind_type, _, _ in groups:
        per_type[(kind, kind_type)] = per_type.get((kind, kind_type), 0) + 1
    out: dict[str, list[Pair]] = {}
    for (kind, kind_type, old_part, new_part), numbers in groups.items():
        whole = count == 1 or (per_type[(kind, kind_type)] == 1 and len(numbers) == count)
        key = kind_type if whole else f"{kind_type}, {_sections(numbers)}"
        place = f"{kind}:{key}"
        for draft, part in ((old, old_part), (new, new_part)):
            if part is not None:
                draft.part_names[place] = part
        out[place] = align(
            _blocks(old, old_part, kind, key), _blocks(new, new_part, kind, key), strip
        )
    return out


def _blocks(draft: Draft, part: str | None, kind: str, key: str) -> list[Block]:
    if part is None:
        return []
    return [
        b.replace(part=f"{kind} {key}" if b.location == TEXTBOX else key)
        for b in draft.stories.get(part, [])
    ]


def _sections(numbers: list[int]) -> str:
    """[1, 2, 3, 5] -> "sections 1-3, 5"."""
    runs: list[list[int]] = []
    for number in numbers:
        if runs and number == runs[-1][-1] + 1:
            runs[-1].append(number)
        else:
            runs.append([number])
    text = ", ".join(f"{r[0]}-{r[-1]}" if len(r) > 1 else str(r[0]) for r in runs)
    return f"section {text}" if len(numbers) == 1 else f"sections {text}"
