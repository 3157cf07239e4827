"""absorb's plan (absorb/plan.py) from paired blocks built here: one rule per test."""

from __future__ import annotations

from pathlib import Path

from cmwreport.absorb import origins as o
from cmwreport.absorb.plan import make, realign_identical
from cmwreport.diff.align import Pair
from cmwreport.draft.model import Block

PLACEHOLDER = "[نص يحرره فريق الصياغة]"
AXIS = o.ListRef("recommendation", "axis:a", Path("axes/a.yaml"), ("recommendations",), "text")


def block(text: str, index: int, number: str | None = None) -> Block:
    return Block(location="body", text=text, number=number, index=index)


def item(item_id: str) -> o.Origin:
    return o.Origin(o.ITEM, f"recommendation {item_id}", AXIS.file, 3, item_id, AXIS)


def test_the_placeholder_deleted_is_told_by_the_levels_of_those_that_remain() -> None:
    olds = [
        block(PLACEHOLDER, 0, "4 (أ)"),
        block(PLACEHOLDER, 1, "4 (ب)"),
        block(PLACEHOLDER, 2, "4 (ب) ’1‘"),
    ]
    # The reviewer deleted (أ): the draft renumbers the others (أ) and (أ) ’1‘; pairing
    # by text alone takes the last one as removed.
    news = [block(PLACEHOLDER, 0, "4 (أ)"), block(PLACEHOLDER, 1, "4 (أ) ’1‘")]
    pairs = [
        Pair("equal", olds[0], news[0]),
        Pair("equal", olds[1], news[1]),
        Pair("removed", olds[2], None),
    ]
    realign_identical(pairs)
    assert pairs[2].old is olds[0]
    assert [p.old for p in pairs[:2]] == [olds[1], olds[2]]


def test_a_reworded_item_is_a_text_edit_of_its_source() -> None:
    old, new = block("النص الأول؛", 0, "annex 1"), block("النص المعدل؛", 0, "annex 1")
    plan = make([Pair("changed", old, new)], {0: item("first")}, [old])
    [edit] = plan.text_edits
    assert (edit.origin.item_id, edit.before, edit.where) == (
        "first",
        "النص الأول؛",
        "annex para. 1",
    )
    assert edit.after.startswith("النص المعدل")
    assert plan.unabsorbed == [] and plan.changed_lists() == {}


def test_an_item_missing_from_the_draft_leaves_its_list() -> None:
    first, second = block("الأول؛", 0, "annex 1"), block("الثاني.", 1, "annex 2")
    pairs = [Pair("equal", first, first), Pair("removed", second, None)]
    plan = make(pairs, {0: item("first"), 1: item("second")}, [first, second])
    [(ref, entries)] = plan.changed_lists().values()
    assert ref is AXIS and [e.item_id for e in entries] == ["first"]


def test_a_change_to_a_paragraph_nobody_traced_is_reported_not_absorbed() -> None:
    old, new = block("نص", 0), block("نص آخر", 0)
    plan = make([Pair("changed", old, new)], {}, [old])
    assert plan.text_edits == [] and [u.why for u in plan.unabsorbed] == ["not traced"]
