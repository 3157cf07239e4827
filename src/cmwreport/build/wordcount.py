"""Word count per General Assembly resolution 68/268 (2014).

A periodic report, replies to the list of issues included, is limited to 21,200
words. A word is what Word counts: a whitespace-separated token with at least one
letter or digit (a lone dash or bracket is not a word). Paragraph numbers are list
labels, not text, and are not counted, as in Word. The annex is counted apart:
annexes are not translated and do not count against the limit.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from itertools import filterfalse

LIMIT = 21_200
RESOLUTION = "68/268"


# A word: a whitespace-separated token with a letter or digit. `[^\W_]` is exactly
# str.isalnum and `\S` exactly what str.split() does not split on (checked over every
# code point): a token is split off by str.split() (in C), and only one that is not
# all letters and digits (one in ten: punctuation attached) is searched for one.
_ALNUM = re.compile(r"[^\W_]")


def count_words(paragraphs: Iterable[str]) -> int:
    search = _ALNUM.search
    count = 0
    for text in paragraphs:
        tokens = text.split()
        count += len(tokens)
        # The nine in ten tokens all letters and digits are let go in C (filterfalse).
        for token in filterfalse(str.isalnum, tokens):
            if search(token) is None:
                count -= 1
    return count
