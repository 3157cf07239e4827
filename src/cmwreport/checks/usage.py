"""What a UN editor marks in the prose: rules on a text's words, for the sources' values
and the template's own text alike (checks/template.py).

- T508: concluding observations cited without the paragraph ("(CMW/C/MAR/CO/1)"):
  UN documents cite them by paragraph, "(CMW/C/MAR/CO/1، الفقرة 53)".
- T509: brackets that do not balance ("(( ... )" in the seed's summary).
- T510: Arabic letters glued to Latin letters or to digits with no space ("عددCMW").
  A prefix (و، ب، ل، ف، ك, or two of them) joined to a number or a Latin word is Arabic
  spelling ("المادتان 7 و83").
- T511: a month's name without its hamza ("ابريل" for "أبريل").

Each is a warning: text of record is kept verbatim (docs/source-format.md says how to
silence one item).
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from cmwreport.arabic.script import has_arabic
from cmwreport.i18n import _
from cmwreport.plain import Frozen

_LETTER = "\u0621-\u063a\u0641-\u064a"
#: Patterns given as text are those that most values never reach: re compiles (and
#: keeps) each when first used, not at every start (one with Arabic letters costs re a
#: 64K-entry table to compile).
#: A symbol of concluding observations, or the template's slot standing for one.
_CO = r"\b[A-Z]{2,6}/C/[A-Z]{3}/CO/\d+(?:-\d+)?\b|\{\{\s*co_symbol\s*\}\}"
_PARAGRAPH_AFTER = r"\s*[،,]\s*(?:الفقرة|الفقرتان|الفقرات|الفقرتين|para)"
#: Arabic letters right before Latin letters or digits, and Latin letters right
#: before Arabic ones.
_GLUED = rf"(?<![{_LETTER}])([{_LETTER}]+)(?=[A-Za-z0-9])|(?<=[A-Za-z])[{_LETTER}]"
#: What every match of _GLUED holds: an Arabic letter and a Latin letter or digit side
#: by side. Searched first: most texts have none. Written to start with one character
#: class, the Latin letter or digit, so that the engine skips the Arabic text between
#: them (an alternation is tried at every character).
_SIDE_BY_SIDE = re.compile(rf"[A-Za-z0-9](?:(?<=[{_LETTER}].)|(?<=[A-Za-z])(?=[{_LETTER}]))")
#: Prefixes Arabic spelling joins to the next word, Latin or a number included.
_PREFIXES = {"و", "ب", "ل", "ف", "ك", "وب", "ول", "فب", "فل", "وك", "فك"}
#: Month names as typed without their hamza, and as written (Moroccan and UN usage).
MONTHS_WITHOUT_HAMZA = {
    "ابريل": "أبريل",
    "اكتوبر": "أكتوبر",
    "اغسطس": "أغسطس",
    "ايار": "أيار",
    "اذار": "آذار",
    "ايلول": "أيلول",
}
#: The names without hamza all start with alef (a test checks it): one alternation
#: after it, rather than one per name tried at every character of every text.
_MONTH_NAMES = "ا(?:" + "|".join(name[1:] for name in MONTHS_WITHOUT_HAMZA) + ")"
_MONTH = rf"(?<![{_LETTER}])[وبلف]?({_MONTH_NAMES})(?![{_LETTER}])"
_PAIRS = {"(": ")", "[": "]"}
_BRACKET = re.compile(r"[()\[\]]")


#: What a text may hold that some rule looks for by name: a cited symbol, brackets, a
#: month's name without its hamza.
_EVERYTHING = frozenset(("co", "brackets", "months"))


def _holds(text: str) -> frozenset[str]:
    """What of _EVERYTHING `text` holds: a name left out is in no part of it."""
    return frozenset(
        name
        for name, there in (
            ("co", "/CO/" in text or "co_symbol" in text),
            ("brackets", any(ch in text for ch in "()[]")),
            ("months", _has_month_name(text)),
        )
        if there
    )


class Finding(Frozen):
    __slots__ = ("offset", "code", "message")
    _compared = __slots__

    offset: int
    code: str
    message: str

    def __init__(self, offset: int, code: str, message: str) -> None:
        self._set(offset=offset, code=code, message=message)


def findings(text: str, holds: frozenset[str] = _EVERYTHING) -> Iterator[Finding]:
    """The usage problems of one text, in order of their place. `holds`: what of
    _EVERYTHING the text may hold (check_file leaves out what no value of the file has)."""
    found: list[Finding] = []
    if "co" in holds and ("/CO/" in text or "co_symbol" in text) and has_arabic(text):
        for match in re.finditer(_CO, text):
            if not re.compile(_PARAGRAPH_AFTER).match(text, match.end()):
                found.append(
                    Finding(
                        match.start(),
                        "T508",
                        _(
                            "'{symbol}' is cited without its paragraph: UN documents cite "
                            "concluding observations by paragraph, '({symbol}، الفقرة 53)'",
                            symbol=match.group(),
                        ),
                    )
                )
    if "brackets" in holds:
        found += _brackets(text)
    glued = re.finditer(_GLUED, text) if _SIDE_BY_SIDE.search(text) is not None else ()
    for match in glued:
        if match.group(1) in _PREFIXES:
            continue
        word = _word_around(text, match.start())
        found.append(
            Finding(
                match.start(),
                "T510",
                _(
                    "'{word}': Arabic letters glued to Latin letters or digits; put a space "
                    "between them (a one-letter prefix such as و on a number is fine)",
                    word=word,
                ),
            )
        )
    months = re.finditer(_MONTH, text) if "months" in holds and _has_month_name(text) else ()
    for match in months:
        wrong = match.group(1)
        found.append(
            Finding(
                match.start(1),
                "T511",
                _(
                    "'{wrong}' lacks its hamza: write '{right}'",
                    wrong=wrong,
                    right=MONTHS_WITHOUT_HAMZA[wrong],
                ),
            )
        )
    return iter(sorted(found, key=lambda f: (f.offset, f.code)))


def _brackets(text: str) -> list[Finding]:
    if not any(ch in text for ch in "()[]"):
        return []
    stack: list[tuple[str, int]] = []
    out = []
    # The brackets alone, found by the regex engine: a paragraph is hundreds of
    # characters for a few brackets.
    for match in _BRACKET.finditer(text):
        index, ch = match.start(), match.group()
        if ch in _PAIRS:
            stack.append((ch, index))
        elif ch in _PAIRS.values():
            if stack and _PAIRS[stack[-1][0]] == ch:
                stack.pop()
            else:
                out.append(_unbalanced(index, ch))
    out += [_unbalanced(index, ch) for ch, index in stack]
    return out


def _unbalanced(index: int, bracket: str) -> Finding:
    return Finding(
        index,
        "T509",
        _(
            "'{bracket}' has no partner: brackets must balance (a closing one missing, or "
            "one too many)",
            bracket=bracket,
        ),
    )


def _word_around(text: str, index: int) -> str:
    start = index
    while start > 0 and not text[start - 1].isspace():
        start -= 1
    end = index
    while end < len(text) and not text[end].isspace():
        end += 1
    return text[start:end]


def _has_month_name(text: str) -> bool:
    # `in` finds a name far faster than _MONTH, which no prefix lets skip ahead.
    return any(name in text for name in MONTHS_WITHOUT_HAMZA)


#: What every rule but T511 needs in a text to find anything (T511: a month's name):
#: a Latin letter, a digit or a bracket; the other ASCII characters, deleted.
_NOT_SUSPECT = bytes(b for b in range(128) if not (chr(b).isalnum() or chr(b) in "()[]"))


def _worth_a_look(text: str, holds: frozenset[str]) -> bool:
    """False for a text in which `findings` cannot find anything."""
    if text.isascii():  # no Arabic: only brackets can be wrong (half the values are ids)
        return "brackets" in holds and _BRACKET.search(text) is not None
    # The ASCII characters alone, less those of _NOT_SUSPECT: two passes in C, faster
    # than the regex engine's test of each Arabic character against a class.
    return bool(text.encode("ascii", "ignore").translate(None, _NOT_SUSPECT)) or (
        "months" in holds and _has_month_name(text)
    )


def check_file(loaded) -> Iterator:
    """The rules on every text value of a loaded source file, located at the value."""
    from cmwreport.checks.locate import Lines
    from cmwreport.diagnostics import Diagnostic

    # What no value of the file holds is not looked for in each: one scan of their
    # text joined (by a newline, which no name holds) instead of one per value.
    holds = _holds(loaded.joined())
    strings = [node for node in loaded.strings if _worth_a_look(node.text, holds)]
    if not strings:
        return
    lines = Lines(loaded.text)
    for node in strings:
        for finding in findings(node.text, holds):
            line, column = lines.position(node, finding.offset)
            yield Diagnostic(loaded.shown, line, column, finding.code, "warning", finding.message)
