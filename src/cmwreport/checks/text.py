"""Arabic text hygiene: what pasting from PDFs, Word and web pages leaves behind.

Every check looks at the decoded value, the text the build would write into Word:
`"\\u202E"` written as a YAML escape is the same override character as one pasted in.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator

from cmwreport.arabic.script import character_class
from cmwreport.checks.locate import Lines
from cmwreport.diagnostics import Diagnostic
from cmwreport.i18n import N_, _
from cmwreport.sources.load import LoadedFile
from cmwreport.sources.yamlsafe import Node

#: Characters XML 1.0 cannot carry, so a Word file cannot either: C0 controls other
#: than tab and line breaks, lone surrogates, U+FFFE and U+FFFF. This and the stray
#: spaces' patterns are given as text: re compiles (and keeps) each when a value first
#: needs it, which a clean tree's never do.
NOT_IN_XML = "[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]"
_DOUBLE_SPACE = r"(?<=\S) {2,}(?=\S)"
#: A space right before Arabic punctuation; the run of spaces it ends is found by
#: walking back (" +(?=[،؛؟])" would backtrack over every space of a long run: O(n²)).
_SPACE_BEFORE_PUNCT = r" (?=[\u060c\u061b\u061f])"
_NBSP = "[\u00a0\u202f]"
#: One search that finds nothing in clean text, before the rules that say what is wrong:
#: the classes of _CHARACTER_RULES as one, which the engine skips through (an
#: alternation of classes is tried at every character), and the only one compiled
#: while the text is clean (each class of ranges above U+00FF costs `re` a 64K-entry
#: table to compile). Compiled only for text that `_maybe_suspect` lets through.
_SUSPECT = (
    "["
    + "".join(
        c[1:-1]
        for c in (
            NOT_IN_XML,
            *map(character_class, ("PRESENTATION_FORMS", "BIDI_CONTROLS", "ZERO_WIDTH")),
        )
    )
    + "]"
)
#: What `_spacing` reports, as substrings: `in` finds them far faster than one regex
#: alternation tried at every character of the text.
_STRAY_SPACES = ("  ", " \u060c", " \u061b", " \u061f", "\u00a0", "\u202f")
_SPACED = _STRAY_SPACES[:4]


def check_file(loaded: LoadedFile) -> Iterator[Diagnostic]:
    lines = Lines(loaded.text)
    strings = loaded.strings
    # Most files are clean: one pass over all their values, joined by a newline (a
    # character none of these rules is about, and that NFC never combines with
    # anything), tells which rules need to look at each value.
    joined = loaded.joined()
    maybe = not loaded.plain and _maybe_suspect(joined)
    suspect = (maybe and re.search(_SUSPECT, joined) is not None) or not (
        joined.isascii() or unicodedata.is_normalized("NFC", joined)
    )
    # The no-break spaces are characters Python does not print: not in a `plain` file.
    spaced = any(stray in joined for stray in (_SPACED if loaded.plain else _STRAY_SPACES))
    for node in strings:
        value = node.text
        if suspect and (
            re.search(_SUSPECT, value)
            or not (value.isascii() or unicodedata.is_normalized("NFC", value))
        ):
            yield from _characters(loaded.shown, lines, node)
        if node.style in ("|", ">"):
            value = value.rstrip("\n")
        if value != value.strip() or (spaced and any(s in value for s in _STRAY_SPACES)):
            yield from _spacing(loaded.shown, lines, node)


def _maybe_suspect(joined: str) -> bool:
    """False when no character of _SUSPECT can be in `joined`: each of them is one Python
    does not print, or a presentation form (U+FB50 to U+FEFF: UTF-8 writes them from
    the byte EF, as it does nothing below U+F000). Lets clean text go without compiling
    _SUSPECT (about 5 M instructions); both tests run in C, with no object made for each
    character."""
    return not joined.replace("\n", " ").isprintable() or b"\xef" in joined.encode(
        "utf-8", "surrogatepass"
    )


def _at(shown: str, lines: Lines, node: Node, offset: int, code: str, severity: str, message: str):
    line, column = lines.position(node, offset)
    return Diagnostic(shown, line, column, code, severity, message)


def _code(char: str) -> str:
    return f"U+{ord(char):04X}"


def _name(char: str) -> str:
    return f"U+{ord(char):04X} ({unicodedata.name(char, 'unnamed')})"


#: Characters a text must not carry: (character class, code, severity, message for the
#: first one found and the whole value). One table, so each rule is one search per value;
#: each class compiled (and kept by `re`) when a suspect text is first searched for it.
_CHARACTER_RULES = (
    (
        NOT_IN_XML,
        "T506",
        "error",
        lambda found, value: _(
            "character {code} cannot be written into a Word file (XML 1.0 does not allow it): "
            "delete it",
            code=_code(found.group()),
        ),
    ),
    (
        character_class("PRESENTATION_FORMS"),
        "T501",
        "error",
        lambda found, value: _(
            "{count} pre-shaped Arabic character(s) (presentation forms, first {code}), pasted "
            "from a PDF or a reshaping tool: Word cannot search or spell-check them; retype the "
            "text or paste it from the original Word document",
            count=len(found.re.findall(value)),
            code=_code(found.group()),
        ),
    ),
    (
        character_class("BIDI_CONTROLS"),
        "T502",
        "error",
        lambda found, value: _(
            "invisible direction control {name}: delete it; the build sets the direction of "
            "every paragraph and run itself",
            name=_name(found.group()),
        ),
    ),
    (
        character_class("ZERO_WIDTH"),
        "T504",
        "warning",
        lambda found, value: _(
            "invisible character {name}: delete it unless it is meant", name=_name(found.group())
        ),
    ),
)


def _characters(shown: str, lines: Lines, node: Node) -> Iterator[Diagnostic]:
    value = node.text
    for pattern, code, severity, message in _CHARACTER_RULES:
        found = re.search(pattern, value)
        if found:
            yield _at(shown, lines, node, found.start(), code, severity, message(found, value))
    if not unicodedata.is_normalized("NFC", value):
        offset = _first_unnormalized(value)
        yield _at(
            shown,
            lines,
            node,
            offset,
            "T503",
            "warning",
            _(
                "text is not in Unicode NFC ({code} should be combined with the letter before "
                "it): retype the letter, or normalise the file to NFC",
                code=_code(value[offset]),
            ),
        )


def _first_unnormalized(value: str) -> int:
    """Offset of the first character NFC would change: the mark to combine, when the
    letter before it is where the normalised text first differs (linear time)."""
    normalized = unicodedata.normalize("NFC", value)
    offset = next(
        (i for i, (a, b) in enumerate(zip(value, normalized, strict=False)) if a != b),
        min(len(value), len(normalized)),
    )
    if offset + 1 < len(value) and unicodedata.combining(value[offset + 1]):
        return offset + 1
    return min(offset, len(value) - 1)


def _spacing(shown: str, lines: Lines, node: Node) -> Iterator[Diagnostic]:
    value = node.text
    if node.style in ("|", ">"):
        value = value.rstrip("\n")
    problems = []
    if value != value.strip():
        problems.append(
            (0 if value[:1].isspace() else len(value.rstrip()), N_("leading or trailing space"))
        )
    for regex, what in (
        (_DOUBLE_SPACE, N_("two or more spaces in a row")),
        (_SPACE_BEFORE_PUNCT, N_("a space before Arabic punctuation")),
        (_NBSP, N_("a non-breaking space (from Word)")),
    ):
        found = re.search(regex, value)
        if found:
            start = found.start()
            if regex == _SPACE_BEFORE_PUNCT:
                start = len(value[:start].rstrip(" "))
            problems.append((start, what))
    for offset, what in problems:
        yield _at(
            shown,
            lines,
            node,
            offset,
            "T505",
            "warning",
            _("stray space: {what}; the build keeps text as written, so remove it", what=_(what)),
        )
