"""`absorb --force`, item by item: of the edits to files changed since the draft was
built, which are the reviewer's, which only show the sources as they were, and which
are both (conflicts).

The draft records each item's paragraph as built (build/item_record.py). For an item
X: the reviewer edited it when the draft's paragraph differs from the record; the
sources changed it since when the fresh build's differs. Only the first is absorbed;
an item the reviewer left alone keeps the sources' newer text; an item both changed
is reported with both versions and nothing is written for it. The same for the
members of a list: a deletion, a new paragraph, an order.

What cannot be judged item by item here (an item moved to another list, footnotes,
the template) is left to the per-file judgement (stale._hold_conflicts).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from cmwreport import contract
from cmwreport.absorb import origins as o
from cmwreport.absorb.model import Entry, Unabsorbed, where
from cmwreport.build.item_record import Record, digest
from cmwreport.i18n import _


@dataclass
class Judged:
    #: ids of the text edits judged the reviewer's alone: absorbed although their
    #: file changed since the build.
    edits: set[int] = field(default_factory=set)
    #: Lists judged item by item (their file changed since the build).
    groups: set[str] = field(default_factory=set)
    #: Items the sources changed since the build that the draft shows as built.
    untouched: int = 0


def _ident(item_id: str) -> str | None:
    return contract.identity_of(contract.bookmark_name(item_id))


def _conflict(at: str, now_text: str | None, draft_text: str | None, why: str, label: str):
    return Unabsorbed(
        at,
        now_text,
        draft_text,
        why,
        _("{label}; before: the sources now, after: the draft", label=label),
    )


def judge(record: Record, base, draft, pairs, plan, conflicted) -> Judged:
    """Judge the plan's edits to changed files item by item; the plan is changed in
    place (edits dropped, conflicts reported, lists rebuilt)."""
    judged = Judged()
    now = {b.ident: b for b in base.body if b.ident}
    kept = []
    for edit in plan.text_edits:
        ident = getattr(edit.shown, "ident", None)
        then = record.get(ident)
        if not conflicted(edit.origin.file) or then is None or ident not in now:
            kept.append(edit)
            continue
        mine, theirs = digest(edit.shown.text), digest(now[ident].text)
        if mine == then:
            judged.untouched += 1  # the draft shows it as built: the sources' text stands
        elif theirs == then:
            kept.append(edit)
            judged.edits.add(id(edit))
        else:
            plan.unabsorbed.append(
                _conflict(
                    edit.where,
                    now[ident].text,
                    edit.shown.text,
                    _(
                        "conflict: edited in the draft, and changed in {file} since the "
                        "draft was built; nothing was written for it",
                        file=edit.origin.file,
                    ),
                    o.shown(edit.origin.label) or "",
                )
            )
    plan.text_edits = kept
    _generated_as_built(record, now, pairs, plan)
    home = {i: g for g, ids in plan.current.items() for i in ids}
    for group, (ref, _entries) in list(plan.lists.items()):
        if not conflicted(ref.file) or _crosses(plan, group, home):
            continue
        plan.lists[group] = (ref, _members(record, now, draft, pairs, plan, group, judged))
        judged.groups.add(group)
    return judged


def _generated_as_built(record: Record, now, pairs, plan) -> None:
    """Prose the build composes from the data (the general presentation's count of
    recommendations) that the draft shows as built: the sources changed, not the
    reviewer; the next build updates it, nothing to report."""
    for pair in pairs:
        block = pair.new
        if pair.kind not in ("changed", "moved") or not block.ident or block.ident not in now:
            continue
        if digest(block.text) == record.get(block.ident):
            at = where(block)
            plan.unabsorbed = [u for u in plan.unabsorbed if not (u.generated and u.where == at)]


def _crosses(plan, group: str, home: dict[str, str]) -> bool:
    """An item moved into or out of this list: left to the per-file judgement."""
    ref, entries = plan.lists[group]
    if any(e.item_id is not None and home.get(e.item_id, group) != group for e in entries):
        return True
    mine = set(plan.current.get(group, []))
    return any(e.item_id in mine for g, (_r, es) in plan.lists.items() if g != group for e in es)


def _members(record: Record, now, draft, pairs, plan, group: str, judged: Judged) -> list:
    ref, entries = plan.lists[group]
    current = plan.current.get(group, [])
    shown = {e.item_id for e in entries if e.item_id is not None}
    restore: list[str] = []
    for item_id in current:
        if item_id in shown:
            continue
        ident = _ident(item_id)
        then = record.get(ident)
        if then is None:
            restore.append(item_id)  # added to the sources since the build
        elif ident in now and digest(now[ident].text) != then:
            restore.append(item_id)
            plan.unabsorbed.append(
                _conflict(
                    where(now[ident]),
                    now[ident].text,
                    None,
                    _(
                        "conflict: deleted in the draft, and changed in {file} since the "
                        "draft was built; it stays",
                        file=ref.file,
                    ),
                    item_id,
                )
            )
    entries = _without_removed_since(record, now, pairs, plan, entries, ref)
    entries = _order(record, entries, current, plan, group)
    return _restore(entries, current, restore)


def _without_removed_since(record: Record, now, pairs, plan, entries, ref) -> list:
    """A paragraph the draft shows for an item removed from the sources since the build
    is not a new item: left out when the reviewer left it as built, a conflict if not."""
    out = list(entries)
    for pair in pairs:
        block = pair.new
        if pair.kind != "added" or not block.ident or block.ident in now:
            continue
        then = record.get(block.ident)
        if then is None:
            continue
        text = o.strip_separator(block.text) if ref.separated else block.text.strip()
        match = next((e for e in out if e.item_id is None and e.text == text), None)
        if match is None:
            continue
        out.remove(match)
        if digest(block.text) != then:
            plan.unabsorbed.append(
                _conflict(
                    where(block),
                    None,
                    block.text,
                    _(
                        "conflict: edited in the draft, and removed from {file} since the "
                        "draft was built; nothing was written for it",
                        file=ref.file,
                    ),
                    block.ident,
                )
            )
    return out


def _order(record: Record, entries, current: list[str], plan, group: str) -> list:
    """The draft's order where the reviewer moved items; the sources' where they did."""
    mine = [e.item_id for e in entries if e.item_id is not None and e.item_id in current]
    theirs = [i for i in current if i in set(mine)]
    if mine == theirs:
        return entries
    where_then = {i: record.position(_ident(i) or "") for i in mine}
    if any(p is None for p in where_then.values()):
        return _reordered(entries, theirs, plan, group, conflict=True)
    then = sorted(mine, key=lambda i: where_then[i])
    if theirs == then:
        return entries  # the reviewer moved them; the sources did not
    return _reordered(entries, theirs, plan, group, conflict=mine != then)


def _reordered(entries, order: list[str], plan, group: str, conflict: bool) -> list:
    """Existing items in the sources' order, each new paragraph after the item it
    followed in the draft."""
    if conflict:
        ref = plan.lists[group][0]
        plan.unabsorbed.append(
            Unabsorbed(
                ref.file.as_posix(),
                None,
                None,
                _(
                    "conflict: items of {file} were moved in the draft, and moved "
                    "otherwise in the sources since the draft was built; they keep the "
                    "sources' order",
                    file=ref.file,
                ),
            )
        )
    head: list = []
    after: dict[str, list] = {}
    last = None
    for entry in entries:
        if entry.item_id is not None and entry.item_id in order:
            last = entry
            after[entry.item_id] = [entry]
        elif last is None:
            head.append(entry)
        else:
            after[last.item_id].append(entry)
    return head + [e for i in order for e in after[i]]


def _restore(entries, current: list[str], restore: list[str]) -> list:
    """Items that stay put back after the item that comes before them in the sources."""
    out = list(entries)
    for item_id in restore:
        before = set(current[: current.index(item_id)])
        at = max((k + 1 for k, e in enumerate(out) if e.item_id in before), default=0)
        out.insert(at, Entry(item_id))
    return out
