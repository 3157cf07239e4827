"""Several reviewers' drafts of one build, taken home together: their plans (each made
against the same fresh build) merged into one, item by item.

Edits of different items are all kept. Two reviewers' edits of one text are merged
word by word when they touch different words; otherwise it is a conflict, reported
with each reviewer's version (and the authors of their tracked changes), and nothing
is written for that item. An item one reviewer deleted and another edited or moved is
a conflict too, and stays as it is. Lists take every reviewer's removals and
additions; a list two reviewers reordered differently keeps its order (reported).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from difflib import SequenceMatcher

from cmwreport.absorb import guard
from cmwreport.absorb import origins as o
from cmwreport.absorb.model import Entry, Plan, TemplateEdit, TextEdit, Unabsorbed
from cmwreport.i18n import _

_TOKENS = re.compile(r"\s+|[^\s]+")


@dataclass
class Review:
    """One reviewer's draft: its name for messages, its plan, its tracked changes'
    authors by draft block index."""

    name: str
    plan: Plan
    authors: dict[int, tuple[str, ...]]

    def version(self, after: str, shown) -> str:
        who = self.authors.get(shown.index, ()) if shown is not None else ()
        if who:
            return _(
                "{name} (tracked changes by {who}): {text}",
                name=self.name,
                who=", ".join(who),
                text=after,
            )
        return _("{name}: {text}", name=self.name, text=after)


def merge(reviews: list[Review]) -> Plan:
    if len(reviews) == 1:
        return reviews[0].plan
    out = Plan(current=dict(reviews[0].plan.current))
    for review in reviews:
        out.unabsorbed += [
            replace(u, where=_("{name}: {where}", name=review.name, where=u.where))
            for u in review.plan.unabsorbed
        ]
    held = _deleted_and_edited(reviews, out)
    out.text_edits = _texts(reviews, out, held)
    out.lists = _lists(reviews, out, held)
    guard.keep_in_place(out, _moved_apart(reviews, out, held))
    out.template = _template(reviews, out)
    out.notes = _notes(reviews, out, held)
    return out


def _notes(reviews: list[Review], out: Plan, held: set[str]) -> list:
    """Items' footnotes: one reviewer's change kept; two different ones a conflict."""
    by_item: dict[str, list] = {}
    for review in reviews:
        for edit in review.plan.notes:
            if edit.origin.item_id not in held:
                by_item.setdefault(edit.origin.item_id, []).append((review, edit))
    kept = []
    for edits in by_item.values():
        first = edits[0][1]
        if len({tuple(e.after) for _r, e in edits}) == 1:
            kept.append(first)
            continue
        versions = [(r, " | ".join(e.after) or _("(none)"), None) for r, e in edits]
        out.unabsorbed.append(
            _conflict(
                first.where,
                " | ".join(first.before),
                versions,
                _("the footnotes of {label}", label=o.shown(first.origin.label)),
            )
        )
    return kept


# -- words ------------------------------------------------------------------------------


def merge_words(base: str, versions: list[str]) -> str | None:
    """Each version's word changes to `base` applied together, or None where two touch
    the same words (or insert at one place) differently."""
    old = _TOKENS.findall(base)
    changes: list[tuple[int, int, list[str]]] = []
    for text in versions:
        new = _TOKENS.findall(text)
        for tag, i1, i2, j1, j2 in SequenceMatcher(None, old, new, autojunk=False).get_opcodes():
            if tag != "equal":
                changes.append((i1, i2, new[j1:j2]))
    changes = sorted(set((a, b, tuple(t)) for a, b, t in changes))
    for (a1, a2, _ta), (b1, _b2, _tb) in zip(changes, changes[1:], strict=False):
        if b1 < a2 or b1 == a1:  # overlapping, or two changes (or insertions) at one place
            return None
    for i1, i2, tokens in reversed(changes):
        old[i1:i2] = list(tokens)
    return "".join(old)


# -- items deleted by one, edited or moved by another -------------------------------------


def _present(plan: Plan) -> dict[str, str]:
    """Item id -> the list it is in, as this reviewer left them."""
    changed = plan.changed_lists()
    out = {i: g for g, ids in plan.current.items() if g not in changed for i in ids}
    for group, (_ref, entries) in changed.items():
        out.update({e.item_id: group for e in entries if e.item_id is not None})
    return out


def _deleted_and_edited(reviews: list[Review], out: Plan) -> set[str]:
    current = {i: g for g, ids in out.current.items() for i in ids}
    present = [_present(r.plan) for r in reviews]
    edited = [
        {e.origin.item_id for e in r.plan.text_edits if e.origin.kind == o.ITEM} for r in reviews
    ]
    held: set[str] = set()
    for item_id, group in current.items():
        deleted = [r for r, p in zip(reviews, present, strict=True) if item_id not in p]
        touched = [
            r
            for r, p, e in zip(reviews, present, edited, strict=True)
            if item_id in p and (p[item_id] != group or item_id in e)
        ]
        if deleted and touched:
            held.add(item_id)
            who = ", ".join(r.name for r in deleted)
            others = ", ".join(r.name for r in touched)
            out.unabsorbed.append(
                Unabsorbed(
                    _("{list}: item {id}", list=_list_name(group), id=item_id),
                    None,
                    None,
                    _(
                        "conflict: deleted in {who}, edited or moved in {others}; "
                        "nothing was written for it",
                        who=who,
                        others=others,
                    ),
                    _("agree on one version, then absorb that draft again"),
                )
            )
    return held


# -- texts --------------------------------------------------------------------------------


def _key(origin: o.Origin) -> tuple:
    return (str(origin.file), origin.item_id, origin.path, origin.label)


def _texts(reviews: list[Review], out: Plan, held: set[str]) -> list[TextEdit]:
    groups: dict[tuple, list[tuple[Review, TextEdit]]] = {}
    for review in reviews:
        for edit in review.plan.text_edits:
            if edit.origin.kind == o.ITEM and edit.origin.item_id in held:
                continue
            groups.setdefault(_key(edit.origin), []).append((review, edit))
    kept = []
    for edits in groups.values():
        first = edits[0][1]
        afters = list(dict.fromkeys(e.after for _r, e in edits))
        if len(afters) == 1:
            kept.append(first)
            continue
        base = o.source_value(first.origin, first.before)
        merged = merge_words(base, afters) if base is not None else None
        if merged is not None:
            kept.append(replace(first, after=merged))
            continue
        versions = [(r, e.after, e.shown) for r, e in edits]
        out.unabsorbed.append(
            _conflict(first.where, first.before, versions, o.shown(first.origin.label))
        )
    return kept


def _conflict(where: str, before: str | None, versions, label: str) -> Unabsorbed:
    """`versions`: (review, its text, the draft block it is in)."""
    shown = "; ".join(r.version(text, block) for r, text, block in versions)
    return Unabsorbed(
        where,
        before,
        None,
        _(
            "conflict: reviewers changed the same words of {label} differently, so "
            "nothing was written for it: {versions}",
            label=label,
            versions=shown,
        ),
        _("agree on one version, then make it in one draft and absorb that"),
    )


def _list_name(group: str) -> str:
    """A list as the report names it: "axis 2" for an axis's recommendations."""
    if group.startswith("axis:"):
        return _("axis {id}", id=group.removeprefix("axis:"))
    return group


# -- lists --------------------------------------------------------------------------------


def _lists(reviews: list[Review], out: Plan, held: set[str]) -> dict:
    result = {}
    for group, base in out.current.items():
        ref = reviews[0].plan.lists[group][0]
        views = []
        for r in reviews:
            ref_r, entries = r.plan.lists.get(group, (ref, []))
            if [e.item_id for e in entries] != base:
                views.append((r, entries))
        if not views:
            result[group] = (ref, [Entry(i) for i in base])
            continue
        order = _order(base, views, out, group)
        removed = {i for _r, es in views for i in base if i not in {e.item_id for e in es}}
        removed -= held
        merged: list[Entry] = [Entry(i) for i in order if i not in removed]
        placed: set[tuple] = set()  # one paragraph added alike by several reviewers
        for _r, entries in views:
            # New items and items moved in go after the entry before them in that
            # reviewer's list (after the last one placed, for several in a row).
            previous, at = None, 0
            for entry in entries:
                if entry.item_id is not None and entry.item_id in base:
                    previous = entry.item_id
                    at = next((n + 1 for n, e in enumerate(merged) if e.item_id == previous), at)
                    continue
                key = (previous, entry.text) if entry.item_id is None else (entry.item_id,)
                if key not in placed:
                    placed.add(key)
                    merged.insert(at, entry)
                    at += 1
                previous = entry.item_id or previous
        result[group] = (ref, merged)
    # An item held (deleted and edited) stays in its own list only.
    for group, (ref, entries) in result.items():
        result[group] = (
            ref,
            [e for e in entries if e.item_id not in held or e.item_id in out.current[group]],
        )
    return result


def _order(base: list[str], views, out: Plan, group: str) -> list[str]:
    """The list's order: the one reviewer's who reordered it, else as built."""
    orders = []
    for _r, entries in views:
        ids = [e.item_id for e in entries if e.item_id in base]
        if ids != [i for i in base if i in ids]:
            orders.append(ids + [i for i in base if i not in ids])
    unique = list(dict.fromkeys(tuple(x) for x in orders))
    if len(unique) == 1:
        return list(unique[0])
    if len(unique) > 1:
        out.unabsorbed.append(
            Unabsorbed(
                _list_name(group),
                None,
                None,
                _(
                    "conflict: reviewers moved items of this list to different places; "
                    "its order was kept as built"
                ),
                _("agree on one order, then make it in one draft and absorb that"),
            )
        )
    return list(base)


def _moved_apart(reviews: list[Review], out: Plan, held: set[str]) -> set[str]:
    """Items two reviewers put in different places, at least one of them in another
    list (two orders of one list are `_order`'s): a conflict, reported; the item
    stays where it was built. (The first reviewer's place was taken, and the other's
    move dropped in silence.)"""
    places: dict[str, dict[tuple, list[str]]] = {}
    for review in reviews:
        for item_id, place in _placed(review.plan, out).items():
            places.setdefault(item_id, {}).setdefault(place, []).append(review.name)
    home = {i: g for g, ids in out.current.items() for i in ids}
    apart: set[str] = set()
    for item_id, found in places.items():
        if item_id in held or len(found) < 2 or all(g == home[item_id] for g, _b in found):
            continue
        apart.add(item_id)
        shown = "; ".join(
            _(
                "{names}: in {list}, after {item}",
                names=", ".join(names),
                list=_list_name(group),
                item=before,
            )
            if before
            else _("{names}: first in {list}", names=", ".join(names), list=_list_name(group))
            for (group, before), names in found.items()
        )
        out.unabsorbed.append(
            Unabsorbed(
                _("{list}: item {id}", list=_list_name(home[item_id]), id=item_id),
                None,
                None,
                _(
                    "conflict: reviewers moved this item to different places ({places}); "
                    "it was kept where it was",
                    places=shown,
                ),
                _("agree on one place, then make the move in one draft and absorb that"),
            )
        )
    return apart


def _placed(plan: Plan, out: Plan) -> dict[str, tuple]:
    """Item id -> (its list, the item before it) for the items this reviewer moved:
    into another list, or, within its own, after another item than as built (among
    the items the reviewer kept there)."""
    home = {i: g for g, ids in out.current.items() for i in ids}
    moved: dict[str, tuple] = {}
    for group, (_ref, entries) in plan.lists.items():
        ids = [e.item_id for e in entries if e.item_id in home]
        stayed = [i for i in ids if home[i] == group]
        built = [i for i in out.current.get(group, []) if i in stayed]
        for n, item_id in enumerate(ids):
            before = ids[n - 1] if n else None
            if home[item_id] != group:
                moved[item_id] = (group, before)
                continue
            k = stayed.index(item_id)
            b = built.index(item_id)
            if (stayed[k - 1] if k else None) != (built[b - 1] if b else None):
                moved[item_id] = (group, before)
    return moved


# -- the template's own text --------------------------------------------------------------


def _template(reviews: list[Review], out: Plan) -> list[TemplateEdit]:
    """The template edits of all reviewers, in the order they were first met (an added
    paragraph comes after the removal of its neighbour, as in each reviewer's plan)."""
    groups: dict[tuple, list[tuple[Review, TemplateEdit]]] = {}
    for review in reviews:
        for edit in review.plan.template:
            key = (
                ("added", id(edit.block), edit.text) if edit.kind == "added" else (id(edit.block),)
            )
            groups.setdefault(key, []).append((review, edit))
    kept: list[TemplateEdit] = []
    for key, edits in groups.items():
        first = edits[0][1]
        kinds = {e.kind for _r, e in edits}
        texts = list(dict.fromkeys(e.text for _r, e in edits))
        if key[0] == "added" or kinds == {"removed"} or (kinds == {"changed"} and len(texts) == 1):
            kept.append(first)
            continue
        merged = merge_words(first.block.text, texts) if kinds == {"changed"} else None
        if merged is not None:
            kept.append(replace(first, text=merged))
            continue
        versions = [(r, e.text or _("(deleted)"), e.shown) for r, e in edits]
        label = _("the template's text")
        out.unabsorbed.append(_conflict(first.where, first.before, versions, label))
    return kept
