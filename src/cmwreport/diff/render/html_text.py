"""A change's text as the review page shows it: the changed words with a few words of
context (the whole paragraph is one click away), and formatting changes marked on the
words themselves (a word made bold is shown bold and marked)."""

from __future__ import annotations

import unicodedata
from html import escape

from cmwreport.diff.render.context import trim
from cmwreport.diff.words import side_segments
from cmwreport.i18n import _

#: Words of unchanged text kept on each side of a change.
CONTEXT_WORDS = 6


def direction(text: str | None, default: str = "ltr") -> str:
    """That of the first strong letter (Unicode bidi rules P2-P3): Hebrew is right to
    left too, and a Latin sentence quoting an Arabic title stays left to right; text
    without letters (a number in a table cell) takes the page's."""
    for ch in text or "":
        kind = unicodedata.bidirectional(ch)
        if kind in ("R", "AL"):
            return "rtl"
        if kind == "L":
            return "ltr"
    return default


def marked(text: str, ops, side: str, tag: str, *, context: int | None = None) -> str:
    """One side of a changed paragraph, its changed words in <del> (old) or <ins> (new);
    with `context`, unchanged stretches cut to that many words around each change."""
    segments = side_segments(text, ops, side)
    out = []
    last = len(segments) - 1
    for i, (kind, piece) in enumerate(segments):
        if kind != "equal":
            out.append(f"<{tag}>{escape(piece)}</{tag}>")
        elif context is None:
            out.append(escape(piece))
        else:
            out.append(escape(trim(piece, context, keep_head=i > 0, keep_tail=i < last)))
    return "".join(out)


def formatting_marked(text: str, old_spans, new_spans, names) -> tuple[str, list[str]]:
    """The paragraph's text with each stretch whose formatting changed in <mark>, styled
    as the new draft has it; and the changes in words ("bold added: «...»")."""
    from cmwreport.diff.formatting import change_words, span_at
    from cmwreport.docx.formatting import PROPERTIES

    cuts = sorted({0, len(text), *(s for s, _e, _p in old_spans), *(s for s, _e, _p in new_spans)})
    out, said = [], []
    for start, end in zip(cuts, cuts[1:], strict=False):
        piece = text[start:end]
        a, b = span_at(old_spans, start), span_at(new_spans, start)
        if a == b or a is None or b is None or not piece.strip():
            out.append(escape(piece))
            continue
        what = [
            change_words(name, before, after)
            for name, before, after in zip(PROPERTIES, a, b, strict=True)
            if before != after
        ]
        style = _css(dict(zip(PROPERTIES, b, strict=True)))
        label = "; ".join(what)
        # The spaces around the words stay outside the mark.
        core = piece.strip()
        lead, trail = piece[: len(piece) - len(piece.lstrip())], piece[len(piece.rstrip()) :]
        out.append(
            f'{escape(lead)}<mark class="fmt" title="{escape(label)}" style="{style}">'
            f'{escape(core)}<span class="sr"> ({escape(label)})</span></mark>{escape(trail)}'
        )
        said.extend(f"{w}: «{piece.strip()}»" for w in what)
    return "".join(out), said


def _css(props: dict) -> str:
    """The new formatting of a marked stretch, so a bold word is seen bold."""
    rules = []
    if props.get("bold"):
        rules.append("font-weight:bold")
    if props.get("italic"):
        rules.append("font-style:italic")
    lines = [
        x
        for x, on in (("underline", props.get("underline")), ("line-through", props.get("strike")))
        if on
    ]
    if lines:
        rules.append("text-decoration:" + " ".join(lines))
    return ";".join(rules)


def style_name(name: str | None) -> str:
    """A paragraph style as Word lists it: built-in names capitalised ("heading 1" is
    shown "Heading 1"), a style without a name by the words of its id."""
    if not name:
        return _("default paragraph style")
    if name.islower() and " " in name:
        return name[:1].upper() + name[1:]
    return name
