"""Word count per General Assembly resolution 68/268 (2014).

A periodic report, replies to the list of issues included, is limited to 21,200
words. A word is what Word counts: a whitespace-separated token with at least one
letter or digit (a lone dash or bracket is not a word). Paragraph numbers are list
labels, not text, and are not counted, as in Word. The annex is counted apart:
annexes are not translated and do not count against the limit.
"""

from __future__ import annotations

from collections.abc import Iterable

LIMIT = 21_200
RESOLUTION = "68/268"


def count_words(paragraphs: Iterable[str]) -> int:
    isalnum = str.isalnum
    return sum(
        1
        for text in paragraphs
        for token in text.split()
        if token.isalnum() or any(map(isalnum, token))
    )
