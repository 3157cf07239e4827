"""The terminal report: one entry per change, located by UN paragraph number and section."""

from __future__ import annotations

from cmwreport.diff.compare import Change, Result
from cmwreport.diff.render.context import trim_segments
from cmwreport.diff.render.places import paragraph, place
from cmwreport.diff.words import render_inline
from cmwreport.draft.model import BODY, COMMENT, ENDNOTE, FOOTNOTE, TABLE, TEXTBOX, Block
from cmwreport.i18n import _, language

_RED, _GREEN, _YELLOW, _CYAN, _BOLD, _DIM = "31", "32", "33", "36", "1", "2"
_STRIKE = "9"


class _Paint:
    def __init__(self, color: bool, reshape: bool, context: int | None = None) -> None:
        self.color = color
        self.reshape = reshape
        #: Words of unchanged text shown around each change (None: the whole paragraph).
        self.context = context

    def __call__(self, text: str, *codes: str) -> str:
        if not self.color or not codes or not text:
            return text
        return f"\x1b[{';'.join(codes)}m{text}\x1b[0m"

    def show(self, text: str) -> str:
        """Text as the terminal should receive it; reshaped only on request, never stored."""
        if not self.reshape:
            return text
        from cmwreport.arabic.script import display, has_arabic

        return "\n".join(display(line) if has_arabic(line) else line for line in text.split("\n"))


def where(block: Block | None) -> str:
    """A block's place in reviewers' words: "para. 12", "table 2, row 3", "header"."""
    if block is None:
        return "-"
    if block.location == TABLE:
        return f"table {block.table}, row {block.row}"
    if block.location == BODY:
        if block.number:
            return _para(block.number)
        label = "heading" if block.heading else "unnumbered paragraph"
        return f"{label} after {_para(block.after)}" if block.after else label
    if block.location in (FOOTNOTE, ENDNOTE):
        host = block.number or block.after
        return f"{block.location} {block.part}" + (f" ({_para(host)})" if host else "")
    if block.location == TEXTBOX:
        if block.part and block.part.startswith(("header ", "footer ")):
            kind, _, part = block.part.partition(" ")
            return f"text box in {kind}" + ("" if part == "default" else f" ({part})")
        if block.part:  # "table 2, row 3, cell 1", "footnote 1", "comment by A"
            return f"text box in {block.part}"
        return f"text box after {_para(block.after)}" if block.after else "text box"
    if block.location == COMMENT:
        host = block.number or block.after
        by = f" by {block.part}" if block.part else ""
        return f"comment{by}" + (f" on {_para(host)}" if host else "")
    part = block.part or "default"
    return block.location if part == "default" else f"{block.location} ({part})"


def _para(number: str) -> str:
    if language() != "en":
        return paragraph(number)
    if number.startswith("annex "):
        return f"annex para. {number[6:]}"
    return f"para. {number}"


def _title(change: Change) -> str:
    old, new = change.old, change.new
    # In English, the words of the JSON and of every test; in Arabic and French, the
    # places as the review page names them (places.py).
    at = where if language() == "en" else place
    if change.kind == "removed":
        text = _("removed  {place}", place=at(old))
    elif change.kind == "added":
        text = _("added    {place}", place=at(new))
    elif change.kind == "moved":
        text = _("moved    {old} -> {new}", old=at(old), new=at(new))
    elif change.kind == "formatting":
        text = _("formatting {place}", place=at(new))
    elif old is not None and new is not None and _moved_label(old, new):
        text = _("changed  {place} (was {old})", place=at(new), old=at(old))
    else:
        text = _("changed  {place}", place=at(new))
    if change.col is not None:
        text = _("{title}, col {col}", title=text, col=change.col)
    return text


def _moved_label(old: Block, new: Block) -> bool:
    # A footnote whose citing paragraph was renumbered is still the same footnote.
    if old.location in (FOOTNOTE, ENDNOTE):
        return old.part != new.part
    return where(old) != where(new)


def render(
    result: Result, color: bool = False, reshape: bool = False, context: int | None = None
) -> str:
    """The report; `context`: words of unchanged text kept around each change (None:
    whole paragraphs)."""
    paint = _Paint(color, reshape, context)
    lines = [paint(f"--- {result.old.path}", _BOLD), paint(f"+++ {result.new.path}", _BOLD)]
    if result.tracked_inputs:
        note = _(
            "Tracked changes in the inputs were read in their accepted view "
            "(inserted text counts, deleted text does not)."
        )
        lines.append(paint(_("note: {note}", note=note), _YELLOW))
    colour_of = {
        "added": _GREEN,
        "removed": _RED,
        "changed": _CYAN,
        "moved": _YELLOW,
        "formatting": _CYAN,
    }
    for change in result.changes:
        lines.append("")
        title = paint(_title(change), _BOLD, colour_of[change.kind])
        if change.section:
            title += paint("  § ", _DIM) + paint.show(change.section)
        lines.append(title)
        if change.kind != "formatting":
            lines.extend(_body(change, paint))
        else:
            lines.extend(_indent(paint.show(change.new_text or ""), "    ", paint, _DIM))
        lines.extend("  * " + detail for detail in change.details)
    if result.renumbered:
        lines.append("")
        lines.append(paint(_("renumbered (not counted as changes):"), _BOLD))
        lines.extend("  " + r for r in renumbered_ranges(result))
    for item in result.unread:
        lines.append("")
        colour = (_BOLD, _YELLOW) if item.differs else (_DIM,)
        lines.append(paint(_("not compared: {what}", what=item.describe()), *colour))
    lines.append("")
    s = result.summary
    if result.differs:
        lines.append(
            _(
                "{added} added, {removed} removed, {changed} changed, {moved} moved, "
                "{formatting} formatting; {renumbered} renumbered",
                **s,
            )
            + _unread_count(result)
        )
    else:
        lines.append(_("No differences."))
    return "\n".join(lines) + "\n"


def _unread_count(result: Result) -> str:
    differing = sum(1 for u in result.unread if u.differs)
    return _("; {count} not compared that differ", count=differing) if differing else ""


def _body(change: Change, paint: _Paint) -> list[str]:
    if change.kind == "added":
        return _indent(paint.show(change.new_text or ""), "  + ", paint, _GREEN)
    if change.kind == "removed":
        return _indent(paint.show(change.old_text or ""), "  - ", paint, _RED)
    if not change.ops:
        if change.kind == "moved":
            return _indent(paint.show(change.new_text or ""), "    ", paint, _DIM)
        return _indent(paint.show(change.new_text or ""), "  ~ ", paint)
    segments = render_inline(change.old_text or "", change.new_text or "", change.ops)
    segments = trim_segments(segments, paint.context)
    if paint.reshape:
        # Markers, not colour, carry the difference: the reshaped line is reordered.
        plain = "".join(
            {"equal": t, "delete": f"[-{t}-]", "insert": f"{{+{t}+}}"}[kind] for kind, t in segments
        )
        return _indent(paint.show(plain), "  ~ ", paint)
    inline = "".join(
        t
        if kind == "equal"
        else paint(f"[-{t}-]", _RED, _STRIKE)
        if kind == "delete"
        else paint(f"{{+{t}+}}", _GREEN)
        for kind, t in segments
    )
    return _indent(inline, "  ~ ", paint)


def _indent(text: str, prefix: str, paint: _Paint, *codes: str) -> list[str]:
    return [paint(prefix, *codes) + paint(line, *codes) for line in text.split("\n")]


def renumbered_ranges(result: Result) -> list[str]:
    """Consecutive paragraphs shifted by the same amount, as one line each."""
    out: list[str] = []
    run: list[tuple[int, int]] = []
    run_prefix = ""

    def flush() -> None:
        if not run:
            return
        (a0, b0), (a1, b1) = run[0], run[-1]
        if len(run) == 1:
            out.append(_("{place} is now {number}", place=_para(run_prefix + str(a0)), number=b0))
        elif run_prefix:
            out.append(_("annex paras. {a0}-{a1} are now {b0}-{b1}", a0=a0, a1=a1, b0=b0, b1=b1))
        else:
            out.append(_("paras. {a0}-{a1} are now {b0}-{b1}", a0=a0, a1=a1, b0=b0, b1=b1))
        run.clear()

    for r in result.renumbered:
        a, b = _split(r.old_number), _split(r.new_number)
        if a and b and a[0] == b[0]:
            (prefix, a_i), (_same, b_i) = a, b
            if run and (
                prefix != run_prefix
                or a_i != run[-1][0] + 1
                or b_i - a_i != run[-1][1] - run[-1][0]
            ):
                flush()
            run_prefix = prefix
            run.append((a_i, b_i))
            continue
        flush()
        old = _para(r.old_number) if r.old_number else _("(unnumbered)")
        now = _para(r.new_number) if r.new_number else _("(unnumbered)")
        out.append(_("{place} is now {number}", place=old, number=now))
    flush()
    return out


def _split(number: str | None) -> tuple[str, int] | None:
    """'12' -> ('', 12); 'annex 3' -> ('annex ', 3); sub-paragraphs like '12 (أ)' -> None."""
    if not number:
        return None
    prefix = "annex " if number.startswith("annex ") else ""
    rest = number[len(prefix) :]
    return (prefix, int(rest)) if rest.isdigit() else None
