"""What absorb says beside the edits: headers, footers and footnotes it leaves to Word,
generated paragraphs the next build updates, and the reviewers' comments."""

from __future__ import annotations

import functools

from cmwreport.absorb import adapter, origins, plan
from cmwreport.absorb.plan import Unabsorbed
from cmwreport.i18n import _


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
                    _("headers, footers and footnotes are not absorbed"),
                    _("make this change in the template with Word"),
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
        first.append(_("the participants"))
    if edited & {"city", "region"}:
        first.append(_("the meetings"))
    if any(e.origin.label.startswith("title of axis") for e in the_plan.text_edits):
        second.append(_("the axis titles"))
    if recs[0] != recs[1]:
        second.append(
            _(
                "the number of recommendations ({before} in the draft, {after} after)",
                before=recs[0],
                after=recs[1],
            )
        )
    out = []
    for block in base.body:
        origin = origin_of.get(block.index)
        if origin is None or origin.data != origins.PRESENTATION_DATA or not block.ident:
            continue
        what = first if block.ident.endswith("gp1") else second
        if what:
            out.append(
                _(
                    "{where} is generated from {what}, which absorbing changes: the next "
                    "build updates it",
                    where=plan.where(block),
                    what=functools.reduce(lambda a, b: _("{a} and {b}", a=a, b=b), what),
                )
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
            # Its anchor went with the text it was on (a paragraph deleted whole).
            out.append(
                _(
                    "{place}: comment by {author} on text the draft no longer has: {text}",
                    place=_("draft"),
                    author=comment.part or "?",
                    text=comment.text,
                )
            )
            continue
        origin = origin_of.get(pair.old.index) if pair.old is not None else None
        if origin is not None and origin.file is not None:
            place = f"{origin.file}:{origin.line}"
        elif origin is not None and origin.kind == origins.TEMPLATE:
            place = _("template")
        else:
            place = _("draft")
        label = origins.shown(origin.label) if origin is not None else _("new paragraph")
        at = plan.where(pair.new)
        out.append(
            _(
                "{place}: comment by {author} on {label} ({where}): {text}",
                place=place,
                author=comment.part or "?",
                label=label,
                where=at,
                text=comment.text,
            )
        )
    return out
