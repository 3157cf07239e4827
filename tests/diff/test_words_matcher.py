"""diff/words.py finds a paragraph's longest matches from its words, not from every
pair of equal tokens as difflib does: its opcodes must be difflib's, to the last one,
on real paragraphs edited as reviewers edit them and on token sequences made to reach
every tie (runs beginning with a space, equal runs, windows cutting a run)."""

from __future__ import annotations

import random
from difflib import SequenceMatcher

from hypothesis import given, settings
from hypothesis import strategies as st

from cmwreport.diff.words import _Matcher, comparable, tokens
from tests.conftest import ROOT

ARABIC = ROOT / "tests" / "fixtures" / "regional-consultations-2022.ar.txt"


def _same(a: list[str], b: list[str]) -> None:
    ours = _Matcher(None, a, b, autojunk=False).get_opcodes()
    theirs = SequenceMatcher(None, a, b, autojunk=False).get_opcodes()
    assert ours == theirs, (a, b)


def _edits(words: list[str], rng: random.Random) -> list[str]:
    out = list(words)
    for _ in range(rng.randrange(1, 6)):
        at = rng.randrange(len(out) + 1)
        what = rng.randrange(4)
        if what == 0 and out:
            del out[min(at, len(out) - 1)]
        elif what == 1:
            out.insert(at, rng.choice(words))
        elif what == 2 and out:
            out[min(at, len(out) - 1)] = rng.choice(["في", "من", "و", "،", "x"])
        else:
            # A repeated stretch: equal runs far apart, the ties difflib breaks.
            piece = out[at : at + rng.randrange(1, 6)]
            out[rng.randrange(len(out) + 1) : 0] = piece
    return out


def test_the_opcodes_are_difflibs_on_edited_arabic_paragraphs():
    rng = random.Random(21)
    lines = [line.strip() for line in ARABIC.read_text(encoding="utf-8").splitlines()]
    compared = 0
    for line in lines:
        if not line:
            continue
        words = line.split(" ")
        for _ in range(4):
            old = comparable(" ".join(_edits(words, rng)), False)
            new = comparable(" ".join(_edits(words, rng)), False)
            _same(tokens(old), tokens(new))
            compared += 1
    assert compared > 100


# Tokens as the tokenizer gives them: never two whitespace runs side by side.
_WORDS = st.sampled_from(["a", "b", "c", "في", "،", "", "."])
_SPACES = st.sampled_from([" ", "  ", "\n"])


@st.composite
def _sequences(draw) -> list[str]:
    out: list[str] = []
    for _ in range(draw(st.integers(0, 40))):
        if out and not out[-1].isspace() and draw(st.booleans()):
            out.append(draw(_SPACES))
        else:
            out.append(draw(_WORDS))
    return out


@settings(max_examples=1500, deadline=None)
@given(_sequences(), _sequences())
def test_the_opcodes_are_difflibs_on_any_tokens(a, b):
    _same(a, b)
