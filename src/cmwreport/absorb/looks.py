"""Formatting a reviewer gave words or paragraphs (a word made bold, a paragraph pasted
in another font or size). The sources hold plain text and the template's paragraphs
are reworded in their own runs, so such formatting is reported, with the paragraph and
the words, never dropped in silence. (A paragraph added to the template's own text is
copied from the draft with its runs: its formatting goes home with it.)
"""

from __future__ import annotations

import unicodedata
from types import SimpleNamespace

from cmwreport.absorb import origins as o
from cmwreport.absorb import plan as pl
from cmwreport.absorb.plan import Unabsorbed
from cmwreport.i18n import _

_SHOWN = 40

#: Where `formatting.changed` keeps a block's formatting as one paragraph's (a table
#: row keeps its cells', a note its paragraphs').
_ONE_PARAGRAPH = frozenset({"body", "textbox", "header", "footer"})


def unabsorbed(pairs, base, draft, origin_of, the_plan) -> list[Unabsorbed]:
    from cmwreport.diff import formatting

    into_template = {id(e.draft_element) for e in the_plan.template if e.draft_element is not None}
    out: list[Unabsorbed] = []
    paired = [p.old for p in pairs if p.old is not None and p.new is not None]
    seen = 0  # how many of `paired` came before
    for pair in pairs:
        old, new = pair.old, pair.new
        if old is not None and new is not None:
            seen += 1
        if pair.kind == "removed" or new is None:
            continue
        if new.cells is not None:
            # A table row (the annex's meetings, the masthead): its look is compared as
            # diff compares it, when its cells' texts are the build's.
            if old is None or old.cells is None:
                continue
            if _same(old.text, new.text):
                found = formatting.changed(base, draft, old, new)
            else:  # a cell reworded: the formatting of any cell, reworded or not
                found = _foreign_cells(base, draft, old, new)
        elif pair.kind == "added":
            like = _like(base, draft, new, paired, seen)
            if like is None or id(new.element) in into_template:
                continue
            found = _foreign(base, draft, like, new)
        elif old.cells is None and _same(old.text, new.text):
            found = formatting.changed(base, draft, old, new)
        elif old.cells is None:
            found = _foreign(base, draft, old, new)
        else:
            found = []
        if not found:
            continue
        origin = origin_of.get(old.index) if old is not None else None
        if origin is not None and origin.file is not None:
            place = _(
                "{label} at {file}:{line}",
                label=o.shown(origin.label),
                file=origin.file,
                line=origin.line,
            )
        elif origin is not None:
            place = o.shown(origin.label)
        else:
            place = _("a new paragraph")
        out.append(
            Unabsorbed(
                pl.where(new),
                None,
                new.text,
                _("formatting the sources cannot hold: {what}", what="; ".join(found)),
                _(
                    "{place}: the sources keep plain text and the template's styles give "
                    "the look; make it a style of the template, or it is lost on the next "
                    "build",
                    place=place,
                ),
            )
        )
    return out


def _like(base, draft, new, paired: list, seen: int):
    """The nearest built paragraph in the added one's style (its neighbour item), before
    it, else after: what the added paragraph should look like."""
    style = _spans(draft, new)[1]
    order = list(reversed(paired[:seen])) + paired[seen:]
    for block in order[:12]:
        if block.cells is None and _spans(base, block)[1] == style:
            return block
    return None


def _same(a: str, b: str) -> bool:
    # Most pairs are equal as read: only the others are normalised.
    return a == b or unicodedata.normalize("NFC", a) == unicodedata.normalize("NFC", b)


def _spans(draft, block) -> tuple:
    """The paragraph's formatting (text, style key, spans, paragraph properties), read
    once per block: a built paragraph is the neighbour of every added one near it
    (`_like`), and a pair whose text is unchanged was read by `formatting.changed`,
    which keeps it where this does (`Block.formatting`, a one-paragraph tuple)."""
    from cmwreport.draft.stories import read_formatted

    kept = block.location in _ONE_PARAGRAPH if type(block) is not SimpleNamespace else False
    if kept and block.formatting is not None:
        return block.formatting[0]
    found = read_formatted(block.element, draft.objects, draft.sheet)[2]
    if kept:
        block.formatting = (found,)
    return found


def _foreign(base, draft, old, new) -> list[str]:
    """Run formatting in `new` (whose text differs from `old`'s) that `old` has nowhere:
    described against what most of `old` looks like."""
    from cmwreport.diff.formatting import change_words, paragraph_words
    from cmwreport.docx.formatting import PROPERTIES

    read_a, read_b = _spans(base, old), _spans(draft, new)
    _t, style_a, spans_a = read_a[:3]
    text, style_b, spans_b = read_b[:3]
    out = []
    if style_a != style_b:
        out.append(
            _(
                "paragraph style: {old} -> {new}",
                old=style_a or _("default"),
                new=style_b or _("default"),
            )
        )
    out.extend(paragraph_words(read_a, read_b))
    known = {props for _s, _e, props in spans_a}
    # The look of most characters: each span weighs its length (counted per character,
    # a paragraph was a thousand increments); the first of equals, as Counter's.
    weight: dict = {}
    for start, end, props in spans_a:
        if end > start:
            weight[props] = weight.get(props, 0) + end - start
    if not weight:
        return out
    common = max(weight.items(), key=lambda kept: kept[1])[0]
    for start, end, props in spans_b:
        words = text[start:end].strip()
        if props in known or not words:
            continue
        pairs = zip(PROPERTIES, common, props, strict=True)
        what = [change_words(name, a, b) for name, a, b in pairs if a != b]
        shown = words if len(words) <= _SHOWN else words[:_SHOWN] + "…"
        out.append(f"{', '.join(what)}: «{shown}»")
    return out


def _foreign_cells(base, draft, old, new) -> list[str]:
    """`_foreign` for each cell of a table row whose text changed, paragraph by
    paragraph (a cell's paragraphs against the built cell's)."""
    from cmwreport.docx import wordml as n

    out: list[str] = []
    old_cells = [c for c in old.element.iter(n.TC)] if old.element is not None else []
    new_cells = [c for c in new.element.iter(n.TC)] if new.element is not None else []
    for a, b in zip(old_cells, new_cells, strict=False):
        built = [SimpleNamespace(element=p) for p in a.iter(n.P)]
        if not built:
            continue
        for p in b.iter(n.P):
            out += _foreign(base, draft, built[0], SimpleNamespace(element=p))
    return out
