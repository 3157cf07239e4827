"""Numbers that right-to-left display would reverse (T507).

Under the Unicode bidi algorithm, digits after Arabic letters are Arabic numbers, and
a hyphen or dash between two of them does not hold them together: "القانون رقم 02-03"
is displayed 03-02 (Word and LibreOffice both follow the algorithm). A full stop, a
comma or a slash does hold them, so "02.03" (the official Moroccan form of a law's
number) keeps its order.

A range of days or years ("9-13 شتنبر", "2013-2018") is displayed the same way, and
that is right: read from right to left, it runs from 9 to 13. So only what is a
number of record is flagged: a pair after a word that introduces one (رقم، القانون،
المرسوم، الظهير، القرار، عدد ...), or a pair whose numbers carry a leading zero (02-03,
which no range writes), and never one followed by a month's name.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator

from cmwreport.arabic.dates import MONTH_SPELLINGS
from cmwreport.checks.locate import Lines
from cmwreport.diagnostics import Diagnostic
from cmwreport.i18n import _
from cmwreport.sources.load import LoadedFile

_DIGIT = "[0-9\u0660-\u0669\u06f0-\u06f9]"
_DASH = "[-\u2010-\u2015\u2212\ufe63\uff0d]"
#: Two or more numbers joined by hyphens or dashes (spaces around them allowed).
PAIR = rf"(?<![0-9\u0660-\u0669\u06f0-\u06f9.,/]){_DIGIT}+(?:\s*{_DASH}\s*{_DIGIT}+)+(?![0-9.,/])"
#: A digit, then a dash: most values have none, and are let go after this one search.
_MAYBE = rf"{_DIGIT}\s*{_DASH}"
#: The characters of _DASH: a value with none of them is let go before any pattern is
#: compiled (the two above cost about 9 M instructions, and most trees need neither).
_DASHES = tuple("-\u2010\u2011\u2012\u2013\u2014\u2015\u2212\ufe63\uff0d")


def _has_dash(text: str) -> bool:
    # `in` for each (a fast search in C), not a set: iterating a string makes an object
    # of each character.
    return any(dash in text for dash in _DASHES)


#: What is looked at only around a pair found after Arabic text: patterns that re
#: compiles (and keeps) on first use, not at every start (a pattern of Arabic or
#: Arabic-Indic characters costs re a 64K-entry table).
_NUMBER = f"{_DIGIT}+"
#: Words that introduce a number of record, with or without ال، ب، ل، و before them.
_INTRODUCERS = r"(?:رقم|قانون|مرسوم|ظهير|قرار|عدد|منشور|دورية|مقرر)"
_MONTH_AFTER = (
    r"\s*(?:" + "|".join(sorted(map(re.escape, MONTH_SPELLINGS), key=len, reverse=True)) + ")"
)


def check_file(loaded: LoadedFile) -> Iterator[Diagnostic]:
    # A dash in no value but ASCII ones (dates): nothing to compile or look at.
    if not _has_dash("\n".join([n.text for n in loaded.strings if not n.text.isascii()])):
        return
    lines = Lines(loaded.text)
    for node in loaded.strings:
        # ASCII has no right-to-left character for a pair to follow (ids, dates: half
        # the values); of the rest, most have no digit before a dash. No generator made.
        if node.text.isascii() or not re.search(_MAYBE, node.text):
            continue
        for found in _reversed(node.text):
            line, column = lines.position(node, found.start())
            fixed = re.sub(rf"\s*{_DASH}\s*", ".", found.group())
            yield Diagnostic(
                loaded.shown,
                line,
                column,
                "T507",
                "warning",
                _(
                    "'{value}' is displayed reversed in right-to-left text (the dash does not "
                    "hold Arabic-context numbers together): write {fixed}, as Moroccan law "
                    "numbers are written; if the text is verbatim of record, add '# cmwreport: "
                    "ignore T507' at the end of the line",
                    value=found.group(),
                    fixed=fixed,
                ),
            )


def reversed_numbers(text: str) -> Iterator[re.Match]:
    """Numbers of record joined by dashes that the bidi algorithm would show reversed."""
    if _has_dash(text) and re.search(_MAYBE, text):
        yield from _reversed(text)


def _reversed(text: str) -> Iterator[re.Match]:
    """`reversed_numbers`, once _MAYBE has found something in `text`."""
    strong = _StrongBefore(text)
    for found in re.finditer(PAIR, text):
        if strong.at(found.start()) not in ("AL", "R"):
            continue
        if re.compile(_MONTH_AFTER).match(text, found.end()):
            continue  # "9-13 شتنبر": a range of days reads right to left correctly
        leading_zero = any(
            len(n) > 1 and n[0] in "0\u0660\u06f0" for n in re.findall(_NUMBER, found.group())
        )
        before = text[max(0, found.start() - 40) : found.start()].split()[-3:]
        introduced = any(re.search(_INTRODUCERS, word) for word in before)
        if leading_zero or introduced:
            yield found


class _StrongBefore:
    """The bidi class of the last strong character before an offset, for offsets asked
    in increasing order: each character is looked at once (a long run of numbers with
    no letter must not be rescanned from each match)."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.scanned = 0
        self.last: str | None = None

    def at(self, index: int) -> str | None:
        for char in reversed(self.text[self.scanned : index]):
            kind = unicodedata.bidirectional(char)
            if kind in ("AL", "R", "L"):
                self.last = kind
                break
        self.scanned = max(self.scanned, index)
        return self.last
