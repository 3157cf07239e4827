"""Pair the blocks of two drafts the way reviewers think of them.

Identity first (the `_cmw_` bookmarks the build writes survive editing in Word), then
content: difflib over the whole sequence finds what stayed in place, paragraphs that
left one place and reappear elsewhere are moves, and rapidfuzz's ratio (diff/similarity.py)
pairs the paragraphs that were edited in place. Inserting one paragraph is one addition:
numbers are not part of the text compared, so the renumbered paragraphs after it still
match.
"""

from __future__ import annotations

import bisect
from difflib import SequenceMatcher

from cmwreport.diff.beside import identity_key
from cmwreport.diff.similarity import may_reach, scorers
from cmwreport.diff.words import comparable
from cmwreport.draft.model import TABLE, Block

#: Least rapidfuzz ratio (0-100) for two paragraphs in the same place to count as one
#: edited paragraph rather than a removal and an addition.
PAIR_CUTOFF = 50.0
#: Least token-set similarity (0-100) for two paragraphs whose ratio is under the
#: cut-off to count as one edited paragraph anyway: one text contains (nearly) all the
#: words of the other, as when a sentence is appended to a short paragraph or a word
#: added to a two-word heading. The ratio alone punishes the length of what was added.
CONTAINMENT_CUTOFF = 85.0
#: Least ratio for a removed and an added paragraph far apart to count as one moved
#: (and edited) paragraph; higher, because distance makes a coincidence likelier.
MOVE_CUTOFF = 85.0
#: Shorter texts are too easily similar by chance to be called moved-and-edited.
MOVE_MIN_CHARS = 20
#: Beyond this many comparisons a region is paired within a band around the diagonal,
#: so a draft rewritten wholesale still compares in linear-ish time.
FULL_REGION = 40_000
BAND = 30


class Pair:
    """Two blocks the alignment put together (or one, added or removed).

    A plain class, not a dataclass: dataclass creation is a large part of what a diff of
    two small drafts spends importing, and a pair per block is made."""

    __slots__ = ("kind", "old", "new", "anchor", "sort")

    def __init__(
        self,
        kind: str,  # "equal" | "changed" | "added" | "removed" | "moved"
        old: Block | None,
        new: Block | None,
        #: For removed and moved blocks: the new block the old one stood after (None: at
        #: the start), which is where the redline shows the deletion.
        anchor: Block | None = None,
        sort: tuple = (),
    ) -> None:
        self.kind = kind
        self.old = old
        self.new = new
        self.anchor = anchor
        self.sort = sort

    def __repr__(self) -> str:
        return (
            f"Pair(kind={self.kind!r}, old={self.old!r}, new={self.new!r}, anchor={self.anchor!r})"
        )


def _opcodes(a: list, b: list) -> list[tuple[str, int, int, int, int]]:
    """difflib's opcodes, order first: what is the same at the start and at the end
    stays in place before any longest match is looked for. Three identical tables with
    one cell edited in the second are then one changed row, where the longest match
    alone would pair rows across tables and call the rest moved."""
    start = 0
    while start < len(a) and start < len(b) and a[start] == b[start]:
        start += 1
    end = 0
    while end < len(a) - start and end < len(b) - start and a[-1 - end] == b[-1 - end]:
        end += 1
    out: list[tuple[str, int, int, int, int]] = []
    if start:
        out.append(("equal", 0, start, 0, start))
    middle = SequenceMatcher(None, a[start : len(a) - end], b[start : len(b) - end], autojunk=False)
    for tag, i1, i2, j1, j2 in middle.get_opcodes():
        out.append((tag, i1 + start, i2 + start, j1 + start, j2 + start))
    if end:
        out.append(("equal", len(a) - end, len(a), len(b) - end, len(b)))
    return out


def key_of(block: Block, ignore_diacritics: bool, known: dict | None = None) -> str:
    """The text a block is compared by. `known`: text -> its comparable form, shared by
    the two drafts: the new draft's paragraphs the reader did not read again hold the
    old one's very strings, whose hash is kept, so each is normalised once."""
    if block.cells is not None:
        text = "\x1f".join(comparable(c, ignore_diacritics) for c in block.cells)
    elif known is None:
        text = comparable(block.text, ignore_diacritics)
    else:
        text = known.get(block.text)
        if text is None:
            text = known[block.text] = comparable(block.text, ignore_diacritics)
    return text + identity_key(block)


def align(old: list[Block], new: list[Block], ignore_diacritics: bool = False) -> list[Pair]:
    """All blocks of both sides, paired, in the order a reviewer reads the new draft."""
    known: dict[str, str] = {}
    okeys = [key_of(b, ignore_diacritics, known) for b in old]
    nkeys = [key_of(b, ignore_diacritics, known) for b in new]
    old_ids = _unique_ids(old)
    new_ids = _unique_ids(new)
    common = old_ids.keys() & new_ids.keys()

    def seq_key(block: Block, text: str):
        if block.ident in common:
            return ("id", block.ident)
        return (block.location == TABLE, text)

    a = [seq_key(b, k) for b, k in zip(old, okeys, strict=True)]
    b = [seq_key(bl, k) for bl, k in zip(new, nkeys, strict=True)]
    new_of: dict[int, int] = {}  # old index -> new index
    in_place: set[int] = set()
    regions: list[tuple[list[int], list[int]]] = []
    for tag, i1, i2, j1, j2 in _opcodes(a, b):
        if tag == "equal":
            for i, j in zip(range(i1, i2), range(j1, j2), strict=True):
                new_of[i] = j
                in_place.add(i)
        else:
            regions.append((list(range(i1, i2)), list(range(j1, j2))))

    free_old = {i for olds, _ in regions for i in olds}
    free_new = {j for _, news in regions for j in news}
    moved: set[int] = set()

    # Moves by identity: the same source item elsewhere in the new draft.
    for i in sorted(free_old):
        ident = old[i].ident
        if ident in common and new_ids[ident] in free_new:
            j = new_ids[ident]
            new_of[i] = j
            moved.add(i)
            free_old.discard(i)
            free_new.discard(j)
    # Moves by content: the same text elsewhere.
    waiting: dict[object, list[int]] = {}
    for j in sorted(free_new):
        waiting.setdefault(b[j], []).append(j)
    for i in sorted(free_old):
        js = waiting.get(a[i])
        if js:
            j = js.pop(0)
            new_of[i] = j
            moved.add(i)
            free_old.discard(i)
            free_new.discard(j)
    # Edits in place: pair what remains of each region by similarity, keeping order.
    for olds, news in regions:
        olds = [i for i in olds if i in free_old]
        news = [j for j in news if j in free_new]
        if not olds or not news:
            continue
        for i, j in _pair_in_order(olds, news, old, new, okeys, nkeys):
            new_of[i] = j
            in_place.add(i)
            free_old.discard(i)
            free_new.discard(j)
    # Moves with edits: what is still unpaired, paired across the whole draft.
    for i, j in _pair_far(sorted(free_old), sorted(free_new), old, new, okeys, nkeys):
        new_of[i] = j
        moved.add(i)
        free_old.discard(i)
        free_new.discard(j)

    return _ordered(old, new, okeys, nkeys, new_of, in_place, moved)


def _unique_ids(blocks: list[Block]) -> dict[str, int]:
    """Identities that occur once: a bookmark copied along with its paragraph is no identity."""
    seen: dict[str, int] = {}
    dup: set[str] = set()
    for i, block in enumerate(blocks):
        if block.ident is None:
            continue
        if block.ident in seen:
            dup.add(block.ident)
        seen[block.ident] = i
    return {k: v for k, v in seen.items() if k not in dup}


def _similar(block_a: Block, block_b: Block) -> bool:
    if (block_a.location == TABLE) != (block_b.location == TABLE):
        return False
    # Two different source items are never one edited paragraph.
    return not (block_a.ident and block_b.ident and block_a.ident != block_b.ident)


def _score(
    score_with, block_a: Block, block_b: Block, key_a: str, key_b: str, cutoff: float
) -> float:
    """Similarity 0-100; a row's is the mean over its cells, so one shared date or a
    common column does not make two different meetings one edited row. A row that
    gained or lost a cell is scored on its cells' texts in order, as one text."""
    ratio, token_set_ratio = score_with
    if block_a.cells is None or block_b.cells is None:
        score = ratio(key_a, key_b, score_cutoff=cutoff)
        if score or cutoff > PAIR_CUTOFF:
            return score
        return _contained(token_set_ratio, key_a, key_b)
    cells_a, cells_b = key_a.split("\x1f"), key_b.split("\x1f")
    if len(cells_a) != len(cells_b):
        return ratio(key_a, key_b, score_cutoff=cutoff)
    width = max(len(cells_a), len(cells_b))
    cells_a += [""] * (width - len(cells_a))
    cells_b += [""] * (width - len(cells_b))
    score = sum(ratio(a, b) if a or b else 100.0 for a, b in zip(cells_a, cells_b, strict=True))
    score /= width
    return score if score >= cutoff else 0.0


def _contained(token_set_ratio, key_a: str, key_b: str) -> float:
    """A score just over the pairing cut-off when one text holds the other's words, so that
    such pairs rank below every pair the ratio alone accepts."""
    score = token_set_ratio(key_a, key_b, score_cutoff=CONTAINMENT_CUTOFF)
    if not score:
        return 0.0
    return PAIR_CUTOFF + (score - CONTAINMENT_CUTOFF) / 4


def _pair_in_order(olds, news, old, new, okeys, nkeys) -> list[tuple[int, int]]:
    candidates = []
    full = len(olds) * len(news) <= FULL_REGION
    score_with = scorers(_chars(olds, news, okeys, nkeys))
    for n, i in enumerate(olds):
        if full:
            window = news
        else:
            centre = n * len(news) // len(olds)
            window = news[max(0, centre - BAND) : centre + BAND + 1]
        for j in window:
            if not _similar(old[i], new[j]):
                continue
            score = _score(score_with, old[i], new[j], okeys[i], nkeys[j], PAIR_CUTOFF)
            if score:
                candidates.append((-score, i, j))
    candidates.sort()
    chosen_i: list[int] = []
    chosen_j: list[int] = []
    used_j: set[int] = set()
    for _, i, j in candidates:
        if j in used_j:
            continue
        at = bisect.bisect_left(chosen_i, i)
        if at < len(chosen_i) and chosen_i[at] == i:
            continue
        # Keep the pairs crossing-free: an edit in place never reorders paragraphs.
        if at > 0 and chosen_j[at - 1] > j:
            continue
        if at < len(chosen_j) and chosen_j[at] < j:
            continue
        chosen_i.insert(at, i)
        chosen_j.insert(at, j)
        used_j.add(j)
    return list(zip(chosen_i, chosen_j, strict=True))


def _pair_far(olds, news, old, new, okeys, nkeys) -> list[tuple[int, int]]:
    olds = [i for i in olds if len(okeys[i]) >= MOVE_MIN_CHARS]
    news = [j for j in news if len(nkeys[j]) >= MOVE_MIN_CHARS]
    if not olds or not news or len(olds) * len(news) > 4 * FULL_REGION:
        return []
    counts: dict[str, object] = {}
    # Scored only where the score could reach the cut-off (a row against a row is
    # scored cell by cell, as a mean: always scored).
    scored = [
        (i, j)
        for i in olds
        for j in news
        if _similar(old[i], new[j])
        and (
            (old[i].cells is not None and new[j].cells is not None)
            or may_reach(okeys[i], nkeys[j], MOVE_CUTOFF, counts)
        )
    ]
    candidates = []
    score_with = scorers(sum(len(okeys[i]) + len(nkeys[j]) for i, j in scored))
    for i, j in scored:
        score = _score(score_with, old[i], new[j], okeys[i], nkeys[j], MOVE_CUTOFF)
        if score:
            candidates.append((-score, i, j))
    candidates.sort()
    used_i: set[int] = set()
    used_j: set[int] = set()
    out = []
    for _, i, j in candidates:
        if i not in used_i and j not in used_j:
            used_i.add(i)
            used_j.add(j)
            out.append((i, j))
    return out


def _chars(olds, news, okeys, nkeys) -> int:
    """Characters compared if every old block were scored against every new one: what
    decides whether rapidfuzz is worth importing."""
    old_chars = sum(len(okeys[i]) for i in olds)
    new_chars = sum(len(nkeys[j]) for j in news)
    return old_chars * len(news) + new_chars * len(olds)


def _ordered(old, new, okeys, nkeys, new_of, in_place, moved) -> list[Pair]:
    pairs: list[Pair] = []
    old_of = {j: i for i, j in new_of.items()}
    by_old: dict[int, Pair] = {}
    for j, block in enumerate(new):
        i = old_of.get(j)
        if i is None:
            pairs.append(Pair("added", None, block, sort=(j, 0, 0)))
            continue
        if i in moved:
            kind = "moved"
        elif okeys[i] != nkeys[j]:
            kind = "changed"
        else:
            kind = "equal"
        pairs.append(Pair(kind, old[i], block, sort=(j, 0, 0)))
        by_old[i] = pairs[-1]
    anchor: Block | None = None
    for i, block in enumerate(old):
        if i in in_place:
            anchor = new[new_of[i]]
            continue
        where = anchor.index if anchor is not None else -1
        if i in moved:
            # The moved block is shown at its new place; only the redline needs to know
            # where it left from.
            by_old[i].anchor = anchor
            continue
        pairs.append(Pair("removed", block, None, anchor=anchor, sort=(where, 1, i)))
    pairs.sort(key=lambda p: p.sort)
    return pairs
