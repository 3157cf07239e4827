"""Paragraphs a reviewer moved where absorb cannot follow them. Items are moved by
rebuilding each list in the draft's order, which follows a move within a list or
into another list of the same kind (a recommendation to another axis); a paragraph
moved anywhere else (a recommendation among the participants, a context paragraph
after a recommendation, a row of the table of meetings, the template's own text
moved at all) would otherwise be put back where the build writes it, in silence. It
is reported, and the item stays where it was, unchanged.
"""

from __future__ import annotations

from cmwreport.absorb import guard
from cmwreport.absorb import origins as o
from cmwreport.absorb.model import Unabsorbed, where
from cmwreport.i18n import _


def check(plan, pairs, origin_of: dict, built_body) -> None:
    """Report the moves the plan does not follow; keep those items where they were."""
    group_of = {e.item_id: g for g, (_r, entries) in plan.lists.items() for e in entries}
    edges = _edges(plan, origin_of, built_body)
    paired = [p for p in pairs if p.old is not None and p.new is not None]
    stuck: set[str] = set()
    for k, pair in enumerate(paired):
        if pair.kind != "moved":
            continue
        org = origin_of.get(pair.old.index)
        if org is not None and org.kind == o.ITEM:
            group = group_of.get(org.item_id)
            if group is None:
                continue  # held or deleted: said elsewhere
            before = paired[k - 1].old if k else None
            after = paired[k + 1].old if k + 1 < len(paired) else None
            if _fits(group, before, after, origin_of, group_of, edges):
                continue
            stuck.add(org.item_id)
            label = o.shown(org.label)
        else:
            label = o.shown(org.label) if org is not None else _("a paragraph")
        plan.unabsorbed.append(
            Unabsorbed(
                where(pair.new),
                pair.old.text,
                pair.new.text,
                _(
                    "moved where absorb cannot follow: {label} stays where the build writes it",
                    label=label,
                ),
                _(
                    "move items within their list or to another list of the same kind; "
                    "move the template's own text in the template with Word"
                ),
            )
        )
    if stuck:
        plan.text_edits = [
            e for e in plan.text_edits if e.origin.kind != o.ITEM or e.origin.item_id not in stuck
        ]
        guard.keep_in_place(plan, stuck)


def _edges(plan, origin_of: dict, built_body) -> tuple[dict, dict]:
    """Built block index -> the lists it stands right before (an axis heading, the
    participants' introduction), and right after: a paragraph just after (before) it
    is in that list."""
    opens: dict[int, set[str]] = {}
    closes: dict[int, set[str]] = {}
    blocks = list(built_body)
    first = {ids[0]: g for g, ids in plan.current.items() if ids}
    last = {ids[-1]: g for g, ids in plan.current.items() if ids}
    for n, block in enumerate(blocks):
        org = origin_of.get(block.index)
        if org is None or org.kind != o.ITEM:
            continue
        if org.item_id in first and n > 0:
            opens.setdefault(blocks[n - 1].index, set()).add(first[org.item_id])
        if org.item_id in last and n + 1 < len(blocks):
            closes.setdefault(blocks[n + 1].index, set()).add(last[org.item_id])
    return opens, closes


def _fits(group: str, before, after, origin_of, group_of, edges) -> bool:
    opens, closes = edges
    for block in (before, after):
        if block is None:
            continue
        org = origin_of.get(block.index)
        if org is not None and org.kind == o.ITEM and group_of.get(org.item_id) == group:
            return True
    if before is not None:
        org = origin_of.get(before.index)
        heading = org is not None and org.kind == o.FIELD and org.path == ("title",)
        if heading and org.prefix and group == f"axis:{org.item_id}":
            return True
        if group in opens.get(before.index, ()):
            return True
    return after is not None and group in closes.get(after.index, ())
