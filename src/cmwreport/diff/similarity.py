"""rapidfuzz's `ratio` and `token_set_ratio`, in Python, for the few comparisons of a
small diff.

Importing rapidfuzz loads every metric it has: on two short drafts that is more than
the one or two comparisons the pairing makes (issue 21). These give the very same
floats, to the last bit, and the same zero under a cut-off (tests/diff/
test_similarity.py compares them with rapidfuzz's on every pair of paragraphs of the
real corpus); `scorers` hands out rapidfuzz's own when there is much to compare.
"""

from __future__ import annotations

from collections import Counter

#: Up to this many characters compared in all (both texts of every pair scored), the
#: pure-Python scores are cheaper than importing rapidfuzz; beyond, rapidfuzz's.
PYTHON_CHARS = 6_000


def scorers(total_chars: int) -> tuple:
    """(ratio, token_set_ratio) for comparisons of `total_chars` characters in all."""
    if total_chars <= PYTHON_CHARS:
        return ratio, token_set_ratio
    from rapidfuzz.fuzz import ratio as fast_ratio
    from rapidfuzz.fuzz import token_set_ratio as fast_token_set_ratio

    return fast_ratio, fast_token_set_ratio


def may_reach(a: str, b: str, cutoff: float, counts: dict) -> bool:
    """Whether `ratio(a, b)` can reach `cutoff`: False only when it cannot, so a pair
    left unscored is one the ratio would have given 0.0. Far paragraphs are mostly
    unrelated: on `full`'s annex none is left to score, and rapidfuzz is not imported
    (issue 21). `counts` keeps each text's characters counted across calls.

    A character one text holds more often than the other is an insertion or a deletion
    whatever the alignment: their count (at least the difference of the lengths) is a
    least indel distance, tested with the ratio's own arithmetic (the same floats, so
    the same answer at the cut-off)."""
    total = len(a) + len(b)
    if not total:
        return True
    least = cutoff / 100
    if 1.0 - abs(len(a) - len(b)) / total < least:
        return False
    count_a = counts.get(a)
    if count_a is None:
        count_a = counts[a] = Counter(a)
    count_b = counts.get(b)
    if count_b is None:
        count_b = counts[b] = Counter(b)
    if len(count_a) > len(count_b):
        count_a, count_b = count_b, count_a
    get = count_b.get
    shared = 0
    for ch, n in count_a.items():
        m = get(ch)
        if m:
            shared += n if n < m else m
    return not 1.0 - (total - 2 * shared) / total < least


def _indel(a: str, b: str) -> int:
    """Insertions and deletions turning a into b: both lengths less twice their longest
    common subsequence, found bit-parallel (Hyyrö) as rapidfuzz does."""
    if not a or not b:
        return len(a) + len(b)
    masks: dict[str, int] = {}
    bit = 1
    for ch in a:
        masks[ch] = masks.get(ch, 0) | bit
        bit <<= 1
    full = bit - 1
    row = full
    get = masks.get
    for ch in b:
        matches = row & get(ch, 0)
        row = (row + matches) | (row - matches)
    common = len(a) - (row & full).bit_count()
    return len(a) + len(b) - 2 * common


def ratio(a: str, b: str, *, score_cutoff: float | None = None) -> float:
    """rapidfuzz.fuzz.ratio: 100 x (1 - indel distance / total length), or 0.0 when that
    falls under score_cutoff (compared as rapidfuzz does, divided by 100)."""
    total = len(a) + len(b)
    similarity = 1.0 - _indel(a, b) / total if total else 1.0
    if score_cutoff is not None and similarity < score_cutoff / 100:
        return 0.0
    return similarity * 100


def _score(distance: int, total: int, cutoff: float) -> float:
    score = 100 - 100 * distance / total if total else 100.0
    return score if score >= cutoff else 0.0


#: Python splits words at these, rapidfuzz does not: for it a no-break space joins two
#: words into one.
_NOT_SPACES = "\x85\xa0"


def _words(text: str) -> list[str]:
    """The words rapidfuzz splits a text into."""
    if "\xa0" not in text and "\x85" not in text:
        return text.split()
    words, word = [], []
    for ch in text:
        if ch.isspace() and ch not in _NOT_SPACES:
            if word:
                words.append("".join(word))
            word = []
        else:
            word.append(ch)
    if word:
        words.append("".join(word))
    return words


def token_set_ratio(a: str, b: str, *, score_cutoff: float | None = None) -> float:
    """rapidfuzz.fuzz.token_set_ratio (its reference implementation, fuzz_py, step by
    step): the words both texts share against the words each has alone."""
    cutoff = 0 if score_cutoff is None else score_cutoff
    if cutoff > 100:
        return 0.0
    words_a, words_b = set(_words(a)), set(_words(b))
    if not words_a or not words_b:
        return 0.0
    shared = words_a & words_b
    only_a, only_b = words_a - words_b, words_b - words_a
    if shared and (not only_a or not only_b):
        return 100.0
    joined_a, joined_b = " ".join(sorted(only_a)), " ".join(sorted(only_b))
    shared_len = len(" ".join(shared))
    with_a = shared_len + (shared_len != 0) + len(joined_a)
    with_b = shared_len + (shared_len != 0) + len(joined_b)
    result = 0.0
    # math.ceil without importing math: -(-x // 1) is the ceiling of any finite float.
    limit = -(-(with_a + with_b) * (1 - cutoff / 100) // 1)
    distance = _indel(joined_a, joined_b)
    if distance <= limit:
        result = _score(distance, with_a + with_b, cutoff)
    if not shared_len:
        return result
    ratio_a = _score((shared_len != 0) + len(joined_a), shared_len + with_a, cutoff)
    ratio_b = _score((shared_len != 0) + len(joined_b), shared_len + with_b, cutoff)
    return max(result, ratio_a, ratio_b)
