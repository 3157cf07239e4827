"""Word-level differences inside a changed paragraph, with Arabic tokenisation."""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_left
from collections import namedtuple
from difflib import Match, SequenceMatcher
from functools import lru_cache

from cmwreport.arabic.script import ARABIC_PUNCTUATION, strip_diacritics

# A word keeps its harakat, tatweel and joiners: they are part of how it is written, and
# splitting at them would turn a vowel change into a change of three tokens. Each range
# is its own alternative, and so is each punctuation mark: a class of several ranges or
# letters beyond Latin-1 is compiled into a 64K-character bitmap, which cost a small
# diff more than reading a paragraph does (issue 21).
_MARKS = r"[\u0610-\u061a]|[\u064b-\u065f]|\u0670|[\u06d6-\u06ed]|\u0640|[\u200c\u200d]"
_TOKEN = re.compile(
    rf"(?:[^\W_]|{_MARKS})(?:[^\W_]|{_MARKS}|['\u2019](?=\w))*"  # words
    r"|\s+"  # whitespace runs
    + "".join(f"|{mark}" for mark in ARABIC_PUNCTUATION)  # ، ؛ ؟ separate, never in a word
    + r"|.",  # any other character on its own: . , ( ) « » - /
    re.DOTALL,
)


def tokens(text: str) -> list[str]:
    return _TOKEN.findall(text)


def comparable(text: str, ignore_diacritics: bool) -> str:
    """The form two texts are compared in: NFC, and without harakat/tatweel if asked."""
    text = unicodedata.normalize("NFC", text)
    return strip_diacritics(text) if ignore_diacritics else text


# A named tuple rather than a frozen dataclass: the same fields, equality and repr,
# cheaper to create at import and for each word difference; collections' namedtuple, not
# typing.NamedTuple, which evaluates every annotation at import (issue 21).
class Op(namedtuple("Op", ("op", "old", "new", "old_at", "new_at"))):
    """One word-level difference: op "insert" | "delete" | "replace", the old and new
    words (str), and old_at, new_at: character offsets into old and new text (int)."""

    __slots__ = ()

    def as_json(self) -> dict:
        return {
            "op": self.op,
            "old": self.old,
            "new": self.new,
            "old_at": self.old_at,
            "new_at": self.new_at,
        }


def word_ops(old: str, new: str, ignore_diacritics: bool = False) -> list[Op]:
    """Differences between two texts, word by word (see _word_ops)."""
    return list(_word_ops(old, new, ignore_diacritics))


# The redline diffs again the paragraphs the comparison already diffed: remember them.
@lru_cache(maxsize=4096)
def _word_ops(old: str, new: str, ignore_diacritics: bool) -> tuple[Op, ...]:
    """Differences between two texts, word by word.

    The tokens are compared in their comparable form, so `--ignore-diacritics` finds no
    difference in a word that gained a shadda; the ops carry the original text.
    """
    a, b = tokens(old), tokens(new)
    ka = [comparable(t, ignore_diacritics) for t in a]
    kb = [comparable(t, ignore_diacritics) for t in b]
    pos_a = _offsets(a)
    pos_b = _offsets(b)
    ops = []
    matcher = _Matcher(None, ka, kb, autojunk=False)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            continue
        old_part = "".join(a[i1:i2])
        new_part = "".join(b[j1:j2])
        ops.append(Op(tag, old_part, new_part, pos_a[i1], pos_b[j1]))
    return tuple(ops)


class _Matcher(SequenceMatcher):
    """difflib's SequenceMatcher (no junk), its longest match looked for from the words.

    difflib scores every pair of equal tokens, and half of a paragraph's tokens are the
    one space between its words: that was most of a diff's word differences (issue 21).
    A run of two tokens or more holds a word (whitespace runs are one token), so the
    runs are found from the pairs of equal words, each run once, from its first word;
    the longest, earliest in the old text then in the new, is difflib's answer.
    Under two tokens, difflib's own search answers (a single space may come first).
    tests/diff/test_words_matcher.py checks the opcodes are difflib's."""

    def find_longest_match(self, alo=0, ahi=None, blo=0, bhi=None):
        a, b = self.a, self.b
        ahi = len(a) if ahi is None else ahi
        bhi = len(b) if bhi is None else bhi
        b2j = self.b2j
        besti, bestj, bestsize = alo, blo, 0
        for i in range(alo, ahi):
            token = a[i]
            found = b2j.get(token)
            if found is None or token.isspace():
                continue
            for j in found[bisect_left(found, blo) :]:
                if j >= bhi:
                    break
                back = 0
                if i > alo and j > blo and a[i - 1] == b[j - 1]:
                    # Met already from the run's first word, unless a space begins it.
                    if not a[i - 1].isspace():
                        continue
                    if i - 1 > alo and j - 1 > blo and a[i - 2] == b[j - 2]:
                        continue
                    back = 1
                start_i, start_j = i - back, j - back
                size = back + 1
                while (
                    start_i + size < ahi
                    and start_j + size < bhi
                    and a[start_i + size] == b[start_j + size]
                ):
                    size += 1
                if size > bestsize or (
                    size == bestsize and (start_i < besti or (start_i == besti and start_j < bestj))
                ):
                    besti, bestj, bestsize = start_i, start_j, size
        if bestsize < 2:
            return super().find_longest_match(alo, ahi, blo, bhi)
        return Match(besti, bestj, bestsize)


def _offsets(toks: list[str]) -> list[int]:
    out, at = [], 0
    for t in toks:
        out.append(at)
        at += len(t)
    out.append(at)
    return out


def render_inline(old: str, new: str, ops: list[Op]) -> list[tuple[str, str]]:
    """The new text as (kind, text) segments: 'equal', 'delete', 'insert'."""
    segments: list[tuple[str, str]] = []
    at_new = 0
    for op in ops:
        if op.new_at > at_new:
            segments.append(("equal", new[at_new : op.new_at]))
        if op.old:
            segments.append(("delete", op.old))
        if op.new:
            segments.append(("insert", op.new))
        at_new = op.new_at + len(op.new)
    if at_new < len(new):
        segments.append(("equal", new[at_new:]))
    return segments


def side_segments(text: str, ops: list[Op], side: str) -> list[tuple[str, str]]:
    """One side's own text as (changed?, text) segments: side is "old" or "new".

    Each side keeps its own spelling of the equal parts, which differ when diacritics
    are ignored.
    """
    out: list[tuple[str, str]] = []
    at = 0
    for op in ops:
        start = op.old_at if side == "old" else op.new_at
        part = op.old if side == "old" else op.new
        if start > at:
            out.append(("equal", text[at:start]))
        if part:
            out.append(("changed", part))
        at = start + len(part)
    if at < len(text):
        out.append(("equal", text[at:]))
    return out
