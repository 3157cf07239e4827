"""Arabic text hygiene: what pasting from PDFs, Word and web pages leaves behind.

Character checks run on the raw lines of a file (comments included) so they point at
the exact column; spacing checks run on the text values themselves.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator

from cmwreport.arabic import BIDI_CONTROLS, PRESENTATION_FORMS, ZERO_WIDTH
from cmwreport.diagnostics import Diagnostic
from cmwreport.sources.yamlsafe import Node

_DOUBLE_SPACE = re.compile(r"(?<=\S) {2,}(?=\S)")
_SPACE_BEFORE_PUNCT = re.compile(r" +(?=[\u060c\u061b\u061f])")
_NBSP = re.compile("[\u00a0\u202f]")


def check_lines(shown: str, text: str) -> Iterator[Diagnostic]:
    for number, line in enumerate(text.split("\n"), start=1):
        found = PRESENTATION_FORMS.search(line)
        if found:
            count = len(PRESENTATION_FORMS.findall(line))
            yield Diagnostic(
                shown,
                number,
                found.start() + 1,
                "T501",
                "error",
                f"{count} pre-shaped Arabic character(s) (presentation forms, first "
                f"U+{ord(found.group()):04X}), pasted from a PDF or a reshaping tool: Word "
                "cannot search or spell-check them; retype the text or paste it from the "
                "original Word document",
            )
        found = BIDI_CONTROLS.search(line)
        if found:
            yield Diagnostic(
                shown,
                number,
                found.start() + 1,
                "T502",
                "error",
                f"invisible direction control U+{ord(found.group()):04X} "
                f"({unicodedata.name(found.group(), 'bidi control')}): delete it; the build "
                "sets the direction of every paragraph and run itself",
            )
        found = ZERO_WIDTH.search(line)
        if found:
            yield Diagnostic(
                shown,
                number,
                found.start() + 1,
                "T504",
                "warning",
                f"invisible character U+{ord(found.group()):04X} "
                f"({unicodedata.name(found.group())}): delete it unless it is meant",
            )
        if not unicodedata.is_normalized("NFC", line):
            column = _first_unnormalized(line)
            char = line[column - 1]
            yield Diagnostic(
                shown,
                number,
                column,
                "T503",
                "warning",
                f"text is not in Unicode NFC (U+{ord(char):04X} should be combined with the "
                "letter before it): retype the letter, or normalise the file to NFC",
            )


def _first_unnormalized(line: str) -> int:
    for end in range(1, len(line) + 1):
        if not unicodedata.is_normalized("NFC", line[:end]):
            return end
    return 1


def check_spacing(shown: str, root: Node) -> Iterator[Diagnostic]:
    for node in root.strings():
        value = node.text
        if node.style in ("|", ">"):
            value = value.rstrip("\n")
        problems = []
        if value != value.strip():
            problems.append(
                (0 if value[:1].isspace() else len(value.rstrip()), "leading or trailing space")
            )
        for regex, what in (
            (_DOUBLE_SPACE, "two or more spaces in a row"),
            (_SPACE_BEFORE_PUNCT, "a space before Arabic punctuation"),
            (_NBSP, "a non-breaking space (from Word)"),
        ):
            found = regex.search(value)
            if found:
                problems.append((found.start(), what))
        for offset, what in problems:
            line, column = node.position(offset)
            yield Diagnostic(
                shown,
                line,
                column,
                "T505",
                "warning",
                f"stray space: {what}; the build keeps text as written, so remove it",
            )
