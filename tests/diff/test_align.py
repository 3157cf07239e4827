"""diff/align.py: which block of the old draft is which of the new one.

Blocks are built by hand (no .docx): each test states a reviewer's edit as the two
sequences of blocks the reader would give, and the pairs a reviewer expects.
"""

from __future__ import annotations

from cmwreport.diff.align import MOVE_MIN_CHARS, align
from cmwreport.draft.model import BODY, TABLE, Block

LONG = [
    "The Committee received the report of the Kingdom on time and thanked the delegation.",
    "Migrant workers in an irregular situation have access to emergency health care.",
    "The national strategy on immigration and asylum was adopted in December 2014.",
    "Two regularisation campaigns gave residence permits to fifty thousand people.",
    "Regional consultations were held in Oujda, Tangier and Agadir in April 2022.",
]


def blocks(*items: str | tuple[str, str]) -> list[Block]:
    """Body paragraphs: a text, or (identity, text) for one the build bookmarked."""
    out = []
    for index, item in enumerate(items):
        ident, text = item if isinstance(item, tuple) else (None, item)
        out.append(Block(BODY, text, ident=ident, index=index))
    return out


def row(index: int, *cells: str) -> Block:
    return Block(TABLE, " ".join(cells), cells=cells, index=index)


def kinds(old: list[Block], new: list[Block], **options) -> list[tuple]:
    """(kind, old text, new text) of every pair, in the order align gives them."""
    return [
        (pair.kind, pair.old.text if pair.old else None, pair.new.text if pair.new else None)
        for pair in align(old, new, **options)
    ]


def test_unchanged_drafts_pair_every_block_with_itself() -> None:
    old, new = blocks(*LONG), blocks(*LONG)
    assert kinds(old, new) == [("equal", t, t) for t in LONG]
    assert all(p.old is old[i] and p.new is new[i] for i, p in enumerate(align(old, new)))


def test_one_inserted_paragraph_is_one_addition_whatever_follows() -> None:
    # The paragraphs after it are renumbered in Word; numbers are not compared.
    old = blocks(*LONG)
    new = blocks(*LONG[:2], "A paragraph the drafting team added.", *LONG[2:])
    for block, number in zip(new, range(1, 7), strict=True):
        block.number = str(number)
    assert kinds(old, new) == (
        [("equal", t, t) for t in LONG[:2]]
        + [("added", None, "A paragraph the drafting team added.")]
        + [("equal", t, t) for t in LONG[2:]]
    )


def test_identity_pairs_a_paragraph_rewritten_beyond_recognition() -> None:
    old = blocks(("intro-01", "The report was prepared by the interministerial committee."))
    new = blocks(("intro-01", "Civil society drafted nothing of this."))
    assert kinds(old, new) == [("changed", old[0].text, new[0].text)]


def test_two_different_source_items_are_never_one_edited_paragraph() -> None:
    old = blocks(("rec-01", LONG[0]))
    new = blocks(("rec-02", LONG[0][:-1] + ", warmly."))
    assert [k for k, _, _ in kinds(old, new)] == ["removed", "added"]


def test_an_identity_copied_with_its_paragraph_is_no_identity() -> None:
    # A reviewer copied paragraph rec-01 (and its bookmark) and rewrote the copy: the
    # text, not the bookmark, says which one is the original.
    old = blocks(("rec-01", LONG[1]))
    new = blocks(("rec-01", "Something else entirely, typed over the copy."), ("rec-01", LONG[1]))
    assert kinds(old, new) == [
        ("added", None, "Something else entirely, typed over the copy."),
        ("equal", LONG[1], LONG[1]),
    ]


def test_a_paragraph_moved_unchanged_is_a_move_anchored_where_it_left() -> None:
    old = blocks(*LONG)
    new = blocks(LONG[0], LONG[2], LONG[3], LONG[1], LONG[4])
    pairs = align(old, new)
    assert [(p.kind, p.new.text) for p in pairs] == [
        ("equal", LONG[0]),
        ("equal", LONG[2]),
        ("equal", LONG[3]),
        ("moved", LONG[1]),
        ("equal", LONG[4]),
    ]
    # The redline shows the deletion after the block it followed in the old draft.
    assert pairs[3].anchor is new[0]


def test_a_moved_and_edited_source_item_is_found_by_its_identity() -> None:
    old = blocks(("a", LONG[0]), ("b", LONG[1]), ("c", LONG[2]))
    new = blocks(("b", LONG[1]), ("c", LONG[2]), ("a", "Rewritten where it now stands."))
    assert kinds(old, new) == [
        ("equal", LONG[1], LONG[1]),
        ("equal", LONG[2], LONG[2]),
        ("moved", LONG[0], "Rewritten where it now stands."),
    ]


def test_a_long_paragraph_moved_and_lightly_edited_is_a_move() -> None:
    old = blocks(*LONG)
    edited = LONG[0].replace("on time", "in time")
    new = blocks(LONG[1], LONG[2], LONG[3], LONG[4], edited)
    assert kinds(old, new)[-1] == ("moved", LONG[0], edited)


def test_a_short_paragraph_far_away_is_not_called_moved() -> None:
    # Short texts are too easily similar by chance: a removal and an addition.
    short_old, short_new = "Article 22", "Article 23"
    assert len(short_old) < MOVE_MIN_CHARS
    old = blocks(short_old, *LONG)
    new = blocks(*LONG, short_new)
    assert sorted(k for k, _, _ in kinds(old, new)) == ["added"] + ["equal"] * 5 + ["removed"]


def test_a_short_heading_that_gained_words_is_one_edited_paragraph() -> None:
    # The ratio alone (under 50) would call it a removal and an addition; the old
    # heading's words are all in the new one.
    old = blocks(LONG[0], "Introduction", LONG[1])
    new = blocks(LONG[0], "Introduction to the second periodic report", LONG[1])
    assert kinds(old, new)[1] == (
        "changed",
        "Introduction",
        "Introduction to the second periodic report",
    )


def test_unrelated_paragraphs_in_the_same_place_are_not_paired() -> None:
    old = blocks(LONG[0], "Budget figures for 2021.", LONG[1])
    new = blocks(LONG[0], "Ratification of ILO convention.", LONG[1])
    assert [k for k, _, _ in kinds(old, new)] == ["equal", "removed", "added", "equal"]


def test_a_removed_paragraph_stands_after_the_block_it_followed() -> None:
    old = blocks(*LONG)
    new = blocks(LONG[1], LONG[2], LONG[4])
    pairs = align(old, new)
    assert [(p.kind, (p.old or p.new).text) for p in pairs] == [
        ("removed", LONG[0]),
        ("equal", LONG[1]),
        ("equal", LONG[2]),
        ("removed", LONG[3]),
        ("equal", LONG[4]),
    ]
    assert pairs[0].anchor is None and pairs[3].anchor is new[1]


def test_a_row_and_a_paragraph_are_never_paired() -> None:
    old = [Block(BODY, "Oujda 5 April 2022", index=0)]
    new = [row(0, "Oujda", "5 April 2022")]
    assert [k for k, _, _ in kinds(old, new)] == ["removed", "added"]


def test_rows_pair_on_their_cells_one_shared_date_is_not_enough() -> None:
    old = [row(0, "Oujda", "5 April 2022", "Wali of the region", "Chamber of commerce")]
    edited = [row(0, "Oujda", "6 April 2022", "Wali of the region", "Chamber of commerce")]
    other = [row(0, "Agadir", "5 April 2022", "Governor", "Youth associations")]
    assert [k for k, _, _ in kinds(old, edited)] == ["changed"]
    assert [k for k, _, _ in kinds(old, other)] == ["removed", "added"]


def test_diacritics_are_ignored_only_when_asked() -> None:
    old = blocks("تقرير المغرب الدوري الثاني")
    new = blocks("تَقْرِيرُ المغرب الدوري الثاني")
    assert kinds(old, new)[0][0] == "changed"
    assert kinds(old, new, ignore_diacritics=True)[0][0] == "equal"


def test_a_picture_changed_under_the_same_text_is_a_change() -> None:
    old = blocks("Logo: ")
    new = blocks("Logo: ")
    old[0].objects = (("picture", "digest-a", "Logo"),)
    new[0].objects = (("picture", "digest-b", "Logo"),)
    assert kinds(old, new) == [("changed", "Logo: ", "Logo: ")]
