"""What the plan must not guess or write: draft paragraphs whose item cannot be known
(two items joined, one identity in two places), and slot marks a reviewer typed into
the template's text."""

from __future__ import annotations

import functools

from cmwreport.absorb import origins as o
from cmwreport.absorb.model import Entry, Unabsorbed, where
from cmwreport.i18n import _


def hold(plan, held, old, new, origin_of, by_ident) -> set[str]:
    """A draft paragraph whose identity cannot be known: each candidate item stays in
    its list as it is (`keep` puts it back where it was); the paragraph is reported
    with the candidates."""
    blocks = [by_ident[c] for c in held.candidates if c in by_ident]
    if old is not None and all(b is not old for b in blocks):
        blocks.append(old)
    kept: set[str] = set()
    labels, texts = [], []
    for block in blocks:
        org = origin_of.get(block.index)
        labels.append(
            _("{label} ({where})", label=o.shown(org.label), where=where(block))
            if org
            else where(block)
        )
        texts.append(block.text)
        if org is not None and org.kind == o.ITEM:
            kept.add(org.item_id)
    plan.unabsorbed.append(
        Unabsorbed(
            where(new),
            " / ".join(texts) or None,
            new.text,
            _(
                "{why}: which item it is cannot be known, so nothing was written for {items}",
                why=held.why,
                items=functools.reduce(lambda a, b: _("{a} or {b}", a=a, b=b), labels)
                if labels
                else _("it"),
            ),
            _("make the edit again on that item's own paragraph in a fresh build"),
        )
    )
    return kept


def keep(plan, kept: set[str]) -> None:
    """Items held as they are get no text edit and stay in their own list where they
    were; no list names an item twice."""
    plan.text_edits = [
        e for e in plan.text_edits if e.origin.kind != o.ITEM or e.origin.item_id not in kept
    ]
    for group, (ref, entries) in plan.lists.items():
        current = plan.current.get(group, [])
        entries = [e for e in entries if e.item_id not in kept or e.item_id in current]
        seen: set[str] = set()
        unique = []
        for entry in entries:
            if entry.item_id is not None and entry.item_id in seen:
                continue
            if entry.item_id is not None:
                seen.add(entry.item_id)
            unique.append(entry)
        for n, item_id in enumerate(current):
            if item_id in kept and item_id not in seen:
                before = {i for i in current[:n]}
                at = max((k + 1 for k, e in enumerate(unique) if e.item_id in before), default=0)
                unique.insert(at, Entry(item_id))
        plan.lists[group] = (ref, unique)


def keep_in_place(plan, ids: set[str]) -> None:
    """Items put back in their own list, after the item that came before them as built
    (a move not followed, or two reviewers' moves that disagree)."""
    if not ids:
        return
    for group, (ref, entries) in plan.lists.items():
        plan.lists[group] = (ref, [e for e in entries if e.item_id not in ids])
    for group, built in plan.current.items():
        for n, item_id in enumerate(built):
            if item_id not in ids:
                continue
            _ref, entries = plan.lists[group]
            before = set(built[:n])
            at = max((k + 1 for k, e in enumerate(entries) if e.item_id in before), default=0)
            entries.insert(at, Entry(item_id))


def carried(pairs, held: dict) -> tuple[set[int], set[int]]:
    """An identity bookmark cut and pasted, with some words, into another paragraph:
    the paragraph carrying it reads like a paragraph the draft otherwise lost (the
    one it was pasted into), not like the item. Held (reported), and neither that
    lost paragraph removed nor the item's remaining words added as a new item.
    Returns the built and draft block indexes left alone."""
    from cmwreport.diff.similarity import scorers
    from cmwreport.draft.identity import Held

    # rapidfuzz's own ratio only when there is much to compare: importing it costs a
    # short review more than these few scores (diff/similarity.py).
    removed = [p for p in pairs if p.kind == "removed"]
    changed = [p for p in pairs if p.kind in ("changed", "moved")]
    compared = sum(len(p.old.text) + len(p.new.text) for p in changed)
    ratio = scorers(compared + sum(len(p.old.text) for p in removed))[0]
    added = [p for p in pairs if p.kind == "added"]
    skip_old: set[int] = set()
    skip_new: set[int] = set()
    for pair in changed:
        old, new = pair.old, pair.new
        if not old.ident or old.ident != new.ident:
            continue
        if ratio(old.text, new.text) >= 50:
            continue
        host = next((r for r in removed if ratio(r.old.text, new.text) >= 80), None)
        if host is None:
            continue
        held[new.index] = Held(
            [old.ident],
            _(
                "this paragraph reads like “{text}” but carries the identity of another "
                "item (cut and pasted with some of its words?)",
                text=host.old.text[:60],
            ),
        )
        skip_old.add(host.old.index)
        skip_new.update(a.new.index for a in added if ratio(a.new.text, old.text) >= 80)
    return skip_old, skip_new


_SLOT_MARKS = ("{{", "}}", "{%", "%}")


def typed_slot(text: str, template_text: str) -> bool:
    """Slot marks in a reviewer's text beyond the template's own: the next build would
    read `{{ qpr_symbol }}` typed as text as a slot (or fail on a stray `{{`)."""
    return any(text.count(m) > template_text.count(m) for m in _SLOT_MARKS)


def slot_typed(at: str, before: str | None, after: str) -> Unabsorbed:
    return Unabsorbed(
        at,
        before,
        after,
        _(
            "“{open}” or “{tag}” typed in the template's text: the next build would read "
            "it as a slot to fill in",
            open="{{",
            tag="{%",
        ),
        _("write it another way (the template's own slots stay where they are)"),
    )
