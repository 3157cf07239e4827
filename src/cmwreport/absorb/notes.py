"""What absorb says beside the edits: headers, footers and footnotes it leaves to Word,
generated paragraphs the next build updates, and the reviewers' comments."""

from __future__ import annotations

from cmwreport.absorb import adapter, origins, plan
from cmwreport.absorb.plan import Unabsorbed


def elsewhere(base, draft, the_plan, handled: set[int] = frozenset()) -> None:
    """Headers, footers and the template's footnotes: template matters absorb leaves to
    Word (`handled`: footnotes of source items, taken home into their `footnotes:`)."""
    for place, pairs in adapter.place_pairs(base, draft).items():
        for pair in pairs:
            if pair.kind == "equal" or id(pair.old) in handled or id(pair.new) in handled:
                continue
            old, new = pair.old, pair.new
            the_plan.unabsorbed.append(
                Unabsorbed(
                    place,
                    old.text if old is not None else None,
                    new.text if new is not None else None,
                    "headers, footers and footnotes are not absorbed",
                    "make this change in the template with Word",
                )
            )


def generated_follow(the_plan, base, origin_of) -> list[str]:
    """Generated paragraphs that list or count what absorbing changes (participants,
    meetings, axis titles, the number of recommendations): the draft still shows them
    as they were, the next build updates them."""

    def members(prefix: str) -> tuple[int, int]:
        before = sum(len(v) for g, v in the_plan.current.items() if g.startswith(prefix))
        after = sum(len(e) for g, (_r, e) in the_plan.lists.items() if g.startswith(prefix))
        return before, after

    recs = members("axis:")
    edited = {edit.origin.label.split(" ", 1)[0] for edit in the_plan.text_edits}
    first, second = [], []
    if "participants" in the_plan.changed_lists() or "participant" in edited:
        first.append("the participants")
    if edited & {"city", "region"}:
        first.append("the meetings")
    if any(e.origin.label.startswith("title of axis") for e in the_plan.text_edits):
        second.append("the axis titles")
    if recs[0] != recs[1]:
        second.append(f"the number of recommendations ({recs[0]} in the draft, {recs[1]} after)")
    out = []
    for block in base.body:
        origin = origin_of.get(block.index)
        if origin is None or origin.data != origins.PRESENTATION_DATA or not block.ident:
            continue
        what = first if block.ident.endswith("gp1") else second
        if what:
            out.append(
                f"{plan.where(block)} is generated from {' and '.join(what)}, which absorbing "
                "changes: the next build updates it"
            )
    return out


def comments(draft, pairs, origin_of) -> list[str]:
    """The draft's comments (the reader's, with the body block each is anchored in),
    each beside the source item or template paragraph of its block."""
    by_new = {pair.new.index: pair for pair in pairs if pair.new is not None}
    out = []
    for comment in draft.comments:
        pair = by_new.get(comment.host) if comment.host is not None else None
        if pair is None:
            continue
        origin = origin_of.get(pair.old.index) if pair.old is not None else None
        if origin is not None and origin.file is not None:
            place = f"{origin.file}:{origin.line}"
        elif origin is not None and origin.kind == origins.TEMPLATE:
            place = "template"
        else:
            place = "draft"
        label = origin.label if origin is not None else "new paragraph"
        at = plan.where(pair.new)
        out.append(f"{place}: comment by {comment.part or '?'} on {label} ({at}): {comment.text}")
    return out
