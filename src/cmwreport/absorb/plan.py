"""From the paired blocks of a fresh build and a reviewed draft to a plan of edits.

Each list of items (an axis's recommendations, the participants ...) is rebuilt in
the order the draft shows it: an item paired with a built paragraph keeps its id,
a paragraph added among items of one list becomes a new item of that list, an item
missing from the draft is removed. Scalar edits, template edits and what cannot be
absorbed (generated prose) are listed beside.
"""

from __future__ import annotations

import unicodedata

from cmwreport.absorb import guard, moves
from cmwreport.absorb import origins as o
from cmwreport.absorb.model import Entry, Plan, TemplateEdit, TextEdit, Unabsorbed, where
from cmwreport.draft.numbering import list_level
from cmwreport.i18n import _

__all__ = ["Entry", "Plan", "TemplateEdit", "TextEdit", "Unabsorbed", "make", "where"]


def _norm(text: str) -> str:
    return unicodedata.normalize("NFC", text)


def _level(block) -> int:
    return list_level(block.number)


def _fit(olds, news, gap: int) -> int:
    """How many levels agree when the old block at `gap` is the one removed."""
    rest = [b for n, b in enumerate(olds) if n != gap]
    return sum(_level(a) == _level(b) for a, b in zip(rest, news, strict=True))


def realign_identical(pairs) -> None:
    """Among identical paragraphs in a row (the template's placeholders), the one a
    reviewer deleted is told by the numbering levels of those that remain: pairing by
    text alone would remove the last of them, whatever its style."""
    by_old = {p.old.index: p for p in pairs if p.old is not None}
    for removed in [p for p in pairs if p.kind == "removed"]:
        text, at = removed.old.text, removed.old.index
        run = [at]
        k = at - 1
        while k in by_old and by_old[k].kind == "equal" and by_old[k].old.text == text:
            run.insert(0, k)
            k -= 1
        k = at + 1
        while k in by_old and by_old[k].kind == "equal" and by_old[k].old.text == text:
            run.append(k)
            k += 1
        if len(run) < 2:
            continue
        olds = [by_old[k].old for k in run]
        kept = [by_old[k] for k in run if k != at]
        news = [p.new for p in kept]

        current = run.index(at)
        best = max(
            range(len(olds)), key=lambda g, o=olds, n=news: (_fit(o, n, g), g == current, -g)
        )
        if best == current:
            continue
        removed.old = olds[best]
        for pair, block in zip(kept, [b for n, b in enumerate(olds) if n != best], strict=True):
            pair.old = block


def make(pairs, origin_of: dict[int, o.Origin], built_body, held: dict | None = None) -> Plan:
    """`held`: draft block index -> identity.Held, paragraphs whose identity cannot be
    known; their candidates are kept as they are and the paragraph is reported."""
    plan = Plan()
    held = held or {}
    by_ident = {b.ident: b for b in built_body if b.ident}
    kept_as_is: set[str] = set()
    realign_identical(pairs)
    held = dict(held)
    skip_old, skip_new = guard.carried(pairs, held)
    for block in built_body:
        origin = origin_of.get(block.index)
        if origin is not None and origin.kind == o.ITEM:
            plan.current.setdefault(origin.ref.group, []).append(origin.item_id)
            plan.lists.setdefault(origin.ref.group, (origin.ref, []))
    current_axis: str | None = None
    previous: tuple[o.Origin | None, object | None] = (None, None)
    pending_added: list = []

    def origin(block) -> o.Origin | None:
        return origin_of.get(block.index) if block is not None else None

    for pair in pairs:
        kind, old, new = pair.kind, pair.old, pair.new
        org = origin(old)
        if kind == "removed":
            if old.index not in skip_old:
                _removed(plan, org, old)
            if _axis_title(org):
                # The items after a heading the draft lost stay in their own axis:
                # not moved under the previous heading.
                current_axis = None
            continue
        if kind == "added":
            if new.index in held:
                # Paired with no built paragraph (a copy of an item, reworded): still
                # not a new item, since it carries an item's identity.
                kept_as_is |= guard.hold(plan, held[new.index], None, new, origin_of, by_ident)
            elif new.index not in skip_new:
                pending_added.append(new)
            continue
        # equal, changed, moved: the draft block `new` stands for built block `old`.
        if pending_added:
            _added(plan, pending_added, previous, (org, old), current_axis)
            pending_added = []
        if new.index in held:
            kept_as_is |= guard.hold(plan, held[new.index], old, new, origin_of, by_ident)
            if any(_axis_title(origin(by_ident.get(c))) for c in held[new.index].candidates):
                current_axis = None  # an axis heading joined to an item: as if lost
            previous = (org, old)
            continue
        if _axis_title(org):
            current_axis = f"axis:{org.item_id}"
        if org is not None and org.kind == o.ITEM:
            group = org.ref.group
            if group.startswith("axis:") and current_axis is not None:
                group = current_axis
            ref = plan.lists[group][0] if group in plan.lists else org.ref
            plan.lists.setdefault(group, (ref, []))[1].append(Entry(org.item_id, origin=org))
        if kind in ("changed", "moved") and _norm(old.text) != _norm(new.text):
            _changed(plan, org, old, new)
        previous = (org, old)
    if pending_added:
        _added(plan, pending_added, previous, (None, None), current_axis)
    guard.keep(plan, kept_as_is)
    moves.check(plan, pairs, origin_of, built_body)
    return plan


def _axis_title(org: o.Origin | None) -> bool:
    return org is not None and org.kind == o.FIELD and org.path == ("title",) and bool(org.prefix)


def _changed(plan: Plan, org: o.Origin | None, old, new) -> None:
    if org is None:
        plan.unabsorbed.append(Unabsorbed(where(new), old.text, new.text, _("not traced")))
        return
    if old.cells is not None and org.cells:
        for col, (a, b) in enumerate(zip(old.cells, new.cells, strict=False)):
            if _norm(a) == _norm(b):
                continue
            cell = org.cells[col] if col < len(org.cells) else None
            at = _("{where}, col {col}", where=where(new), col=col + 1)
            if cell is None or cell.kind != o.FIELD:
                plan.unabsorbed.append(
                    Unabsorbed(at, a, b, _("generated"), cell.data if cell else org.data, True)
                )
            else:
                plan.text_edits.append(TextEdit(cell, a, _norm(b), at, new))
        return
    if org.kind in (o.ITEM, o.FIELD) and old.cells is None:
        value = o.source_value(org, _norm(new.text))
        if value is None or not value.strip():
            plan.unabsorbed.append(
                Unabsorbed(
                    where(new),
                    old.text,
                    new.text,
                    _("the text the build adds around this value was changed"),
                    _(
                        "{label}: keep “{prefix}” at the start",
                        label=o.shown(org.label),
                        prefix=org.prefix,
                    ),
                )
            )
        elif value != o.source_value(org, old.text):
            plan.text_edits.append(TextEdit(org, old.text, value, where(new), new))
        return
    if org.kind == o.TEMPLATE:
        text = _norm(new.text)
        if org.filled is not None:
            text = o.unfill(org.template_block.text, old.text, text)
            if text is None:
                plan.unabsorbed.append(
                    Unabsorbed(
                        where(new),
                        old.text,
                        new.text,
                        _("a value the build fills in was changed"),
                        org.data,
                    )
                )
                return
        if guard.typed_slot(text, org.template_block.text):
            plan.unabsorbed.append(guard.slot_typed(where(new), old.text, new.text))
            return
        plan.template.append(
            TemplateEdit("changed", org.template_block, text, old.text, where(new), shown=new)
        )
        return
    plan.unabsorbed.append(
        Unabsorbed(where(new), old.text, new.text, org.label, org.data or org.label, org.generated)
    )


def _removed(plan: Plan, org: o.Origin | None, old) -> None:
    if org is not None and org.kind == o.ITEM:
        return  # it is missing from its list's entries: the list rewrite removes it
    if org is not None and org.kind == o.TEMPLATE:
        plan.template.append(
            TemplateEdit("removed", org.template_block, before=old.text, where=where(old))
        )
        return
    plan.unabsorbed.append(
        Unabsorbed(
            where(old),
            old.text,
            None,
            _("removed, but {label}", label=o.shown(org.label))
            if org
            else _("removed, but its origin is unknown"),
            (org.data or f"{org.file}:{org.line}") if org else "",
        )
    )


def _added(plan: Plan, blocks, previous, following, current_axis: str | None) -> None:
    """Paragraphs added between `previous` and `following` (origin, built block)."""
    prev_org, _prev = previous
    next_org, _next = following
    target = None
    if prev_org is not None and prev_org.kind == o.ITEM:
        target = prev_org.ref.group
        if target.startswith("axis:") and current_axis:
            target = current_axis
    elif next_org is not None and next_org.kind == o.ITEM:
        target = next_org.ref.group
    elif prev_org is not None and prev_org.kind == o.FIELD and prev_org.prefix and current_axis:
        target = current_axis  # right under an axis heading
    if target is not None and target in plan.lists:
        ref, entries = plan.lists[target]
        if not ref.creatable:
            for block in blocks:
                plan.unabsorbed.append(
                    Unabsorbed(
                        where(block),
                        None,
                        block.text,
                        _(
                            "a new {kind} needs fields a paragraph does not give",
                            kind=o.kind_name(ref.kind),
                        ),
                        _("add it to {file} by hand (id, kind, title, text)", file=ref.file),
                    )
                )
            return
        heading = next((k for k, b in enumerate(blocks) if b.heading), len(blocks))
        for block in blocks[:heading]:
            text = _norm(block.text)
            text = o.strip_separator(text) if ref.separated else text.strip()
            entries.append(Entry(None, text=text))
        # A heading typed among items starts a list of its own (a new axis): not an item,
        # and neither are the paragraphs under it.
        for block in blocks[heading:]:
            plan.unabsorbed.append(
                Unabsorbed(
                    where(block),
                    None,
                    block.text,
                    _("a heading added among the items of a list, or a paragraph under it"),
                    _(
                        "make the new list by hand (an axis is a file of its own, beside {file})",
                        file=ref.file,
                    ),
                )
            )
        return
    if (
        prev_org is not None
        and prev_org.kind == o.TEMPLATE
        or (prev_org is None and next_org is not None and next_org.kind == o.TEMPLATE)
    ):
        anchor = prev_org.template_block if prev_org is not None else None
        for block in blocks:
            if guard.typed_slot(block.text, ""):
                plan.unabsorbed.append(guard.slot_typed(where(block), None, block.text))
                continue
            plan.template.append(
                TemplateEdit(
                    "added",
                    anchor,
                    _norm(block.text),
                    where=where(block),
                    draft_element=block.element,
                )
            )
        return
    for block in blocks:
        plan.unabsorbed.append(
            Unabsorbed(
                where(block),
                None,
                block.text,
                _("added where the build writes generated text"),
                _("move it into the template's own text or among items of one list"),
            )
        )
