"""Left-to-right runs kept whole in Arabic messages (cmwreport.i18n's Arabic path).

In a right-to-left line, a path, a code or a number next to Arabic words is reordered
by the bidi algorithm with its punctuation ("report.yaml:12:7" can show as
"12:7:report.yaml"); isolating each such run between FSI and PDI (U+2068, U+2069)
makes it one unit, laid out left to right inside the Arabic sentence.
"""

from __future__ import annotations

FSI, PDI = "\u2068", "\u2069"

# Right-to-left: which characters end a left-to-right run, and what a run sheds at its
# edges (spaces and sentence punctuation belong to the Arabic sentence around it).
# Arabic quotation marks stay outside: they are mirrored in the Arabic sentence.
_EDGE_START = " \t\n:;,.!?)]}«»،؛"
_EDGE_END = " \t\n:;,.!?([{«»،؛"
_PAIRS = {"(": ")", "[": "]", "{": "}", "'": "'", '"': '"', "`": "`"}


def isolated(message: str, values: dict) -> str:
    """The Arabic `message` filled, each left-to-right run and each right-to-left value
    between FSI and PDI."""
    from _string import formatter_parser  # string.Formatter's parser, without `re`

    text: list[str] = []
    breaks: list[bool] = []  # True: a character that is no part of a left-to-right run
    pieces = formatter_parser(message) if values else [(message, None, None, None)]
    for literal, field, spec, conversion in pieces:
        for ch in literal:
            text.append(ch)
            breaks.append(_right_to_left(ch, breaks[-1] if breaks else False))
        if field is None:
            continue
        value = values[field]
        if conversion:
            value = repr(value) if conversion == "r" else str(value)
        shown = format(value, spec or "")
        if any(_right_to_left(ch, False) for ch in shown):
            shown = f"{FSI}{shown}{PDI}"
            text.extend(shown)
            breaks.extend([True] * len(shown))
        else:
            text.extend(shown)
            breaks.extend([False] * len(shown))
    out: list[str] = []
    i = 0
    while i < len(text):
        if breaks[i]:
            out.append(text[i])
            i += 1
            continue
        j = i
        while j < len(text) and not breaks[j]:
            j += 1
        out.append(_isolate_run("".join(text[i:j])))
        i = j
    return "".join(out)


def _right_to_left(ch: str, after: bool) -> bool:
    """Whether `ch` is no part of a left-to-right run; `after`: whether the character
    before it is not. A mark (tanwin, shadda) sits on the letter before it and goes
    with it: "مثلاً" isolated after its alif would split the word on screen."""
    import unicodedata

    kind = unicodedata.bidirectional(ch)
    if kind == "NSM":
        return after
    return kind in ("R", "AL", "AN") or ch in "،؛\u2068\u2069"


def _isolate_run(run: str) -> str:
    start, end = 0, len(run)
    changed = True
    while changed and start < end:
        changed = False
        head, tail = run[start], run[end - 1]
        if head in _EDGE_START or (head in _PAIRS and _PAIRS[head] not in run[start + 1 : end]):
            start, changed = start + 1, True
        elif tail in _EDGE_END or (
            tail in _PAIRS.values()
            and not any(o in run[start : end - 1] for o, c in _PAIRS.items() if c == tail)
        ):
            end, changed = end - 1, True
    core = run[start:end]
    if not any(ch.isascii() and ch.isalnum() for ch in core):
        return run
    return f"{run[:start]}{FSI}{core}{PDI}{run[end:]}"
