"""The review page (`diff --html`): one self-contained HTML file a reviewer works in.

In the reader's language (cmwreport.i18n), right to left when it is Arabic, with the
old draft on the reading side. Each change has an anchor and is located as the document
prints it; its changed words are shown with a few words of context, the whole paragraph
one click away (<details>); formatting changes are marked on the words; a moved
paragraph links to where it stood. A summary links to every change; j/n and k/p go to
the next and previous change (the only script: reading needs none). "Only changes" and
"whole document" are two views switched by a link (CSS :target). Printed: A4, a page
per section, the drafts' names at the top of each page, insertions underlined and
deletions struck through (they read in black and white). Nothing is fetched.
"""

from __future__ import annotations

import os
from html import escape

from cmwreport.diff.compare import Change, Result
from cmwreport.diff.formatting import paragraph_words
from cmwreport.diff.render.html_assets import SCRIPT, css
from cmwreport.diff.render.html_text import (
    CONTEXT_WORDS,
    direction,
    formatting_marked,
    marked,
    style_name,
)
from cmwreport.diff.render.places import counted, kind, paragraph, place
from cmwreport.docx.identity import identity
from cmwreport.i18n import _, language


def render(result: Result) -> str:
    lang = language()
    ids = {id(c): f"c{i}" for i, c in enumerate(result.changes, 1)}
    old_name, new_name = _draft_name(result.old), _draft_name(result.new)
    head = f"{old_name[0]} → {new_name[0]}"
    title = escape(_("Comparison: {old} and {new}", old=old_name[0], new=new_name[0]))
    heading = escape(_("Comparison of two drafts"))
    out = [
        "<!DOCTYPE html>",
        f'<html lang="{lang}" dir="{"rtl" if lang == "ar" else "ltr"}"><head>',
        '<meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f"<title>{title}</title>",
        f"<style>{css(head)}</style></head><body>",
        '<header class="top">',
        f"<h1>{heading}</h1>",
        '<dl class="drafts">',
        _draft_entry(_("Older draft"), old_name),
        _draft_entry(_("Newer draft"), new_name),
        "</dl>",
        _summary(result, ids),
        "</header><main>",
    ]
    if result.tracked_inputs:
        out.append(
            '<p class="note">'
            + escape(
                _(
                    "Tracked changes in the inputs were read in their accepted view "
                    "(inserted text counts, deleted text does not)."
                )
            )
            + "</p>"
        )
    out.append('<div id="changes" class="view">')
    if not result.differs:
        out.append("<p>" + escape(_("No differences.")) + "</p>")
    elif not result.changes:
        out.append("<p>" + escape(_("No differences in the text compared.")) + "</p>")
    for number, (section, changes) in enumerate(_sections(result.changes), 1):
        out.append(
            f'<section class="part" id="s{number}" aria-labelledby="s{number}h">'
            f'<h2 id="s{number}h" dir="auto">{escape(section)}</h2>'
        )
        out.extend(_change(result, c, ids) for c in changes)
        out.append("</section>")
    out.append("</div>")
    out.append(_whole(result, ids))
    out.extend(_renumbered(result))
    out.extend(_unread(result))
    out.append(f"</main><script>{SCRIPT}</script></body></html>")
    return "\n".join(out) + "\n"


def _page_direction() -> str:
    return "rtl" if language() == "ar" else "ltr"


def _draft_name(draft) -> tuple[str, str]:
    """(file name, what says when it was built or saved)."""
    name = os.path.basename(draft.path) or draft.path
    found = identity(draft.package)
    if found.build and found.date:
        when = _("built {date}, build {build}", date=found.date, build=found.build[:12])
    elif found.build:
        when = _("build {build}", build=found.build[:12])
    elif found.date:
        when = _("saved {date}", date=found.date)
    else:
        when = ""
    return name, when


def _draft_entry(title: str, name: tuple[str, str]) -> str:
    when = f' <span class="date">{escape(name[1])}</span>' if name[1] else ""
    return f"<div><dt>{escape(title)}</dt><dd><bdi>{escape(name[0])}</bdi>{when}</dd></div>"


def _sections(changes: list[Change]) -> list[tuple[str, list[Change]]]:
    """Consecutive changes under the same heading, in document order."""
    out: list[tuple[str, list[Change]]] = []
    for change in changes:
        title = change.section or _("Before the first heading")
        if out and out[-1][0] == title:
            out[-1][1].append(change)
        else:
            out.append((title, [change]))
    return out


def _summary(result: Result, ids: dict) -> str:
    first: dict[str, str] = {}
    for change in result.changes:
        first.setdefault(change.kind, ids[id(change)])
    counts = []
    for name, n in result.summary.items():
        if not n:
            continue
        target = "#renumbered" if name == "renumbered" else f"#{first.get(name, 'changes')}"
        counts.append(f'<li><a href="{target}">{escape(counted(name, n))}</a></li>')
    sections = []
    for number, (section, changes) in enumerate(_sections(result.changes), 1):
        links = " ".join(f'<a class="n" href="#{ids[id(c)]}">{ids[id(c)][1:]}</a>' for c in changes)
        sections.append(f'<li><a href="#s{number}" dir="auto">{escape(section)}</a> {links}</li>')
    summary, by_section = escape(_("Summary")), escape(_("Changes by section"))
    only, whole = escape(_("Only changes")), escape(_("Whole document"))
    keys = escape(_("Keys: j or n, next change; k or p, previous change."))
    return (
        f'<nav class="summary" aria-label="{summary}">'
        f"<h2>{summary}</h2>"
        f'<ul class="counts">{"".join(counts)}</ul>'
        + (
            f'<h3>{by_section}</h3><ol class="sections">{"".join(sections)}</ol>'
            if sections
            else ""
        )
        + f'<p class="views"><a href="#changes">{only}</a> · '
        f'<a href="#whole">{whole}</a></p>'
        f'<p class="keys">{keys}</p>'
        "</nav>"
    )


def _change(result: Result, change: Change, ids: dict) -> str:
    anchor = ids[id(change)]
    index = int(anchor[1:])
    label = [
        f'<a class="anchor" href="#{anchor}">#{index}</a>',
        f'<span class="kind">{escape(kind(change.kind))}</span>',
        f'<span class="where">{escape(_located(change))}</span>',
    ]
    if change.kind == "moved":
        stood = escape(_("where it stood"))
        label.append(f'<a class="from" href="#{anchor}-from">{stood}</a>')
    steps = []
    if index > 1:
        previous = escape(_("previous"))
        steps.append(f'<a href="#c{index - 1}" rel="prev">{previous}</a>')
    if index < len(result.changes):
        following = escape(_("next"))
        steps.append(f'<a href="#c{index + 1}" rel="next">{following}</a>')
    label.append(f'<span class="step">{"".join(steps)}</span>')
    parts = [
        f'<article class="change {change.kind}" id="{anchor}" data-kind="{change.kind}" '
        'tabindex="-1" '
        f'aria-label="{escape(kind(change.kind))}: {escape(_located(change))}">',
        f'<div class="label">{" ".join(label)}</div>',
    ]
    details = list(change.details)
    if change.kind == "formatting":
        shown, details = _formatting(change)
        parts.append(_sides(None, shown, change))
        parts.append(_whole_paragraph(change, change.old_text, change.new_text))
    elif change.ops:
        parts.append(
            _sides(
                marked(change.old_text or "", change.ops, "old", "del", context=CONTEXT_WORDS),
                marked(change.new_text or "", change.ops, "new", "ins", context=CONTEXT_WORDS),
                change,
            )
        )
        parts.append(
            _whole_paragraph(
                change,
                marked(change.old_text or "", change.ops, "old", "del"),
                marked(change.new_text or "", change.ops, "new", "ins"),
                markup=True,
            )
        )
    elif change.kind == "added":
        parts.append(_sides("", f"<ins>{escape(change.new_text or '')}</ins>", change))
    elif change.kind == "removed":
        parts.append(_sides(f"<del>{escape(change.old_text or '')}</del>", "", change))
    else:
        text = escape(change.new_text or "")
        parts.append(_sides(escape(change.old_text or ""), text, change))
    if details:
        parts.append(
            '<ul class="details">' + "".join(f"<li>{escape(d)}</li>" for d in details) + "</ul>"
        )
    parts.append("</article>")
    return "\n".join(parts)


def _located(change: Change) -> str:
    old, new = change.old, change.new
    if change.kind == "moved" and old is not None and new is not None:
        where = _("{old} → {new}", old=place(old), new=place(new))
    else:
        where = place(new if new is not None else old)
    if change.col is not None:
        where = _("{place}, column {col}", place=where, col=change.col)
    return where


def _sides(old_html: str | None, new_html: str, change: Change | None = None) -> str:
    """The two sides in reading order: old first, so on the right in an Arabic page."""
    old_text = change.old_text if change else None
    new_text = change.new_text if change else None
    cells = []
    if old_html is not None:
        cells.append(_side("old", _("old draft"), old_html, old_text))
    cells.append(_side("new", _("new draft"), new_html, new_text))
    return f'<div class="sides">{"".join(cells)}</div>'


def _side(which: str, title: str, body: str, text: str | None) -> str:
    return (
        f'<div class="side {which}"><span class="side-name">{escape(title)}</span>'
        f'<p class="text {which}" dir="{direction(text, _page_direction())}">{body}</p></div>'
    )


def _whole_paragraph(change: Change, old: str | None, new: str | None, markup=False) -> str:
    if not markup:
        old = escape(old or "")
        new = escape(new or "")
    title = escape(_("Whole paragraph"))
    old_side = _side("old", _("old draft"), old or "", change.old_text)
    new_side = _side("new", _("new draft"), new or "", change.new_text)
    return (
        f'<details class="full"><summary>{title}</summary>'
        f'<div class="sides">{old_side}{new_side}</div></details>'
    )


def _formatting(change: Change) -> tuple[str, list[str]]:
    """The new text with the stretches whose formatting changed marked, and the changes
    in words (paragraph style by the name Word shows)."""
    old, new = change.old, change.new
    said: list[str] = []
    shown: list[str] = []
    if old is None or new is None or old.formatting is None or new.formatting is None:
        return escape(change.new_text or ""), list(change.details)
    for a, b in zip(old.formatting, new.formatting, strict=False):
        if a is None or b is None:
            continue
        text, style_a, spans_a = a[:3]
        _text, style_b, spans_b = b[:3]
        if style_a != style_b:
            said.append(
                _(
                    "paragraph style: {old} → {new}",
                    old=style_name(style_a),
                    new=style_name(style_b),
                )
            )
        said.extend(paragraph_words(a, b))
        html, words = formatting_marked(text, spans_a, spans_b, None)
        shown.append(html)
        said.extend(words)
    return "<br>".join(shown) or escape(change.new_text or ""), said


def _whole(result: Result, ids: dict) -> str:
    """Every paragraph of the body in the new draft's order, the changed ones marked and
    linked to their change; a removed paragraph where it stood; a moved one also where
    it stood, as the target of the change's "where it stood" link."""
    by_blocks = {}
    for change in result.changes:
        by_blocks.setdefault((id(change.old), id(change.new)), ids[id(change)])
    moved_from: dict[int, list[tuple[str, str]]] = {}
    pairs = result.pairs.get("body", [])
    for pair in pairs:
        if pair.kind == "moved":
            anchor = by_blocks.get((id(pair.old), id(pair.new)))
            if anchor:
                key = id(pair.anchor) if pair.anchor is not None else 0
                moved_from.setdefault(key, []).append((anchor, place(pair.old)))
    out = [
        '<div id="whole" class="view">',
        "<h2>" + escape(_("Whole document")) + "</h2>",
    ]
    out.extend(_stub(*m) for m in moved_from.get(0, []))
    for pair in pairs:
        block = pair.new if pair.new is not None else pair.old
        anchor = by_blocks.get((id(pair.old), id(pair.new)))
        kind_class = pair.kind if anchor else "same"
        text = escape(block.text)
        if pair.kind == "removed":
            text = f"<del>{text}</del>"
        elif pair.kind == "added":
            text = f"<ins>{text}</ins>"
        number = f'<span class="num">{escape(block.number)}</span>' if block.number else ""
        link = f' <a href="#{anchor}">#{anchor[1:]}</a>' if anchor else ""
        out.append(
            f'<p class="{kind_class}" dir="{direction(block.text, _page_direction())}">'
            f"{number}{text}{link}</p>"
        )
        if pair.new is not None:
            out.extend(_stub(*m) for m in moved_from.get(id(pair.new), []))
    out.append("</div>")
    return "\n".join(out)


def _stub(anchor: str, where: str) -> str:
    return (
        f'<p class="moved-from" id="{anchor}-from">'
        + escape(_("{place} stood here: moved", place=where))
        + f' <a href="#{anchor}">#{anchor[1:]}</a></p>'
    )


def _renumbered(result: Result) -> list[str]:
    if not result.renumbered:
        return []
    items = [
        "<li>"
        + escape(
            _(
                "{old} is now {new}",
                old=paragraph(r.old_number) if r.old_number else _("unnumbered"),
                new=paragraph(r.new_number) if r.new_number else _("unnumbered"),
            )
        )
        + "</li>"
        for r in result.renumbered
    ]
    return [
        '<section id="renumbered" class="meta">',
        "<h2>" + escape(_("Renumbered (not counted as changes)")) + "</h2>",
        f"<details><summary>{escape(counted('renumbered', len(items)))}</summary>",
        f"<ul>{''.join(items)}</ul></details></section>",
    ]


def _unread(result: Result) -> list[str]:
    if not result.unread:
        return []
    return [
        '<section id="unread" class="meta">',
        "<h2>" + escape(_("Not compared")) + "</h2><ul>",
        *(f'<li dir="ltr">{escape(item.describe())}</li>' for item in result.unread),
        "</ul></section>",
    ]
