"""diff/similarity.py gives rapidfuzz's scores to the last bit, cut-offs included.

The pairing of a small diff scores paragraphs in Python rather than importing
rapidfuzz (issue 21): a score one ulp off could order two candidates the other way and
pair different paragraphs. So every score is compared with rapidfuzz's by its bits, on
the paragraphs of every draft of the real corpus (English, Arabic, tables as aligned:
cells joined) against each other and against edited copies of themselves, and under
the cut-offs the pairing uses, at the exact score and one ulp either side of it.
"""

from __future__ import annotations

import json
import math
import random
import sys

import pytest
from rapidfuzz import fuzz

from cmwreport.diff import similarity
from cmwreport.diff.align import CONTAINMENT_CUTOFF, MOVE_CUTOFF, PAIR_CUTOFF, key_of
from cmwreport.draft.reader import read_draft
from tests.conftest import ROOT

CORPUS = ROOT / "tests" / "fixtures" / "real"
ARABIC = ROOT / "tests" / "fixtures" / "regional-consultations-2022.ar.txt"


def _keys(path) -> list[str]:
    draft = read_draft(path)
    stories = [draft.body, draft.footnotes, draft.endnotes, draft.comments, draft.boxes]
    stories += [*draft.headers.values(), *draft.footers.values()]
    return [key_of(b, ignore) for blocks in stories for b in blocks for ignore in (False, True)]


def _edited(text: str, rng: random.Random) -> list[str]:
    """A reviewer's edits of one paragraph: a word dropped, a word added, a word
    changed, half cut, a sentence appended; so scores fall near every cut-off."""
    words = text.split(" ")
    at = rng.randrange(len(words))
    out = [
        " ".join(words[:at] + words[at + 1 :]),
        " ".join(words[:at] + ["مضافة"] + words[at:]),
        " ".join(words[:at] + [words[at][::-1] + "x"] + words[at + 1 :]),
        text[: len(text) // 2],
        text + " وأضيفت جملة جديدة في آخر الفقرة.",
    ]
    return [t for t in out if t != text]


@pytest.fixture(scope="module")
def pairs() -> list[tuple[str, str]]:
    rng = random.Random(21)
    found: set[tuple[str, str]] = set()
    listed = json.loads((CORPUS / "pairs.json").read_text(encoding="utf-8"))
    read: dict[str, list[str]] = {}
    for old, new in listed.values():
        for name in (old, new):
            if name not in read:
                read[name] = sorted(set(_keys(CORPUS / name)))
        # Every paragraph of the old draft against every one of the new: what the
        # pairing of a region compares.
        found |= {(a, b) for a in read[old] for b in read[new]}
    # The real 2022 consultations, paragraph by paragraph and sentence by sentence.
    lines = ARABIC.read_text(encoding="utf-8").splitlines()
    arabic = [line.strip() for line in lines] + [
        part.strip() for line in lines for part in line.split(".")
    ]
    texts = sorted({t for keys in read.values() for t in keys} | {t for t in arabic if t})
    for text in texts:
        if text:
            found |= {(text, edit) for edit in _edited(text, rng)}
    for a in rng.sample(texts, 110):
        found |= {(a, b) for b in rng.sample(texts, 110)}
    return sorted(found)


def _same(ours: float, theirs: float) -> bool:
    return type(ours) is float and ours.hex() == float(theirs).hex()


def _cutoffs(exact: float, *fixed: float):
    yield from (None, *fixed)
    yield from (exact, math.nextafter(exact, math.inf), math.nextafter(exact, -math.inf))


def test_ratio_is_rapidfuzz_to_the_last_bit(pairs):
    assert len(pairs) > 12_000
    zero = kept = 0
    for a, b in pairs:
        exact = fuzz.ratio(a, b)
        for cutoff in _cutoffs(exact, PAIR_CUTOFF, MOVE_CUTOFF):
            ours = similarity.ratio(a, b, score_cutoff=cutoff)
            theirs = fuzz.ratio(a, b, score_cutoff=cutoff)
            assert _same(ours, theirs), (a, b, cutoff, ours, theirs)
            zero += theirs == 0
            kept += theirs != 0 and cutoff is not None and cutoff > 0
    # Both sides of the cut-offs were exercised, not only one.
    assert zero > 1_000 and kept > 1_000


def test_token_set_ratio_is_rapidfuzz_to_the_last_bit(pairs):
    outcomes = set()
    for a, b in pairs:
        exact = fuzz.token_set_ratio(a, b)
        for cutoff in _cutoffs(exact, CONTAINMENT_CUTOFF):
            ours = similarity.token_set_ratio(a, b, score_cutoff=cutoff)
            theirs = fuzz.token_set_ratio(a, b, score_cutoff=cutoff)
            assert _same(ours, theirs), (a, b, cutoff, ours, theirs)
            outcomes.add("zero" if theirs == 0 else "whole" if theirs == 100 else "part")
    assert outcomes == {"zero", "whole", "part"}


def test_edge_cases_score_as_rapidfuzz():
    # Empty texts, one character, every character Python splits words at (rapidfuzz
    # splits at all but two), repeated words, cells joined as the pairing joins them.
    spaces = [chr(c) for c in range(sys.maxunicode + 1) if chr(c).isspace()]
    texts = ["", "a", "b", "ab", "ba", "aa", "a a", "a b", "b a a", "\x1fa\x1f", "مرحبا"]
    texts += [f"word{s}other{s}word" for s in spaces] + [f"other{s}thing" for s in spaces]
    # A no-break space (and NEL) inside a word, as rapidfuzz reads them.
    texts += ["n\xa0 1", " \xa0", "\xa0 \x85", "thing other\x85", "word\xa0other word"]
    count = 0
    for a in texts:
        for b in texts:
            for cutoff in (None, 0.0, 50.0, 85.0, 100.0, 101.0):
                assert _same(
                    similarity.ratio(a, b, score_cutoff=cutoff),
                    fuzz.ratio(a, b, score_cutoff=cutoff),
                ), (a, b, cutoff)
                assert _same(
                    similarity.token_set_ratio(a, b, score_cutoff=cutoff),
                    fuzz.token_set_ratio(a, b, score_cutoff=cutoff),
                ), (a, b, cutoff)
                count += 1
    assert count == len(texts) ** 2 * 6


def test_scorers_leave_rapidfuzz_for_many_comparisons():
    assert similarity.scorers(similarity.PYTHON_CHARS) == (
        similarity.ratio,
        similarity.token_set_ratio,
    )
    assert similarity.scorers(similarity.PYTHON_CHARS + 1) == (
        fuzz.ratio,
        fuzz.token_set_ratio,
    )


def test_may_reach_leaves_out_only_pairs_under_the_cut_off(pairs):
    """The pairing of far paragraphs scores only what `may_reach` keeps: every pair it
    leaves out must be one rapidfuzz scores 0.0 under the cut-off."""
    counts: dict = {}
    left_out = 0
    for a, b in pairs:
        for cutoff in (MOVE_CUTOFF, PAIR_CUTOFF, 99.0):
            if not similarity.may_reach(a, b, cutoff, counts):
                left_out += 1
                assert fuzz.ratio(a, b, score_cutoff=cutoff) == 0.0, (a, b, cutoff)
    # Most pairs of unrelated paragraphs are told apart without scoring them.
    assert left_out > len(pairs)
