"""The terminal report: one entry per change, located by UN paragraph number and section."""

from __future__ import annotations

from cmwreport.diff.compare import NOTE_TRACKED, Change, Result
from cmwreport.diff.words import render_inline
from cmwreport.draft.model import BODY, COMMENT, ENDNOTE, FOOTNOTE, TABLE, TEXTBOX, Block

_RED, _GREEN, _YELLOW, _CYAN, _BOLD, _DIM = "31", "32", "33", "36", "1", "2"
_STRIKE = "9"


class _Paint:
    def __init__(self, color: bool, reshape: bool) -> None:
        self.color = color
        self.reshape = reshape

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
    if number.startswith("annex "):
        return f"annex para. {number[6:]}"
    return f"para. {number}"


def _title(change: Change) -> str:
    old, new = change.old, change.new
    if change.kind == "removed":
        text = f"removed  {where(old)}"
    elif change.kind == "added":
        text = f"added    {where(new)}"
    elif change.kind == "moved":
        text = f"moved    {where(old)} -> {where(new)}"
    elif change.kind == "formatting":
        text = f"formatting {where(new)}"
    else:
        text = f"changed  {where(new)}"
        if old is not None and new is not None and _moved_label(old, new):
            text += f" (was {where(old)})"
    if change.col is not None:
        text += f", col {change.col}"
    return text


def _moved_label(old: Block, new: Block) -> bool:
    # A footnote whose citing paragraph was renumbered is still the same footnote.
    if old.location in (FOOTNOTE, ENDNOTE):
        return old.part != new.part
    return where(old) != where(new)


def render(result: Result, color: bool = False, reshape: bool = False) -> str:
    paint = _Paint(color, reshape)
    lines = [paint(f"--- {result.old.path}", _BOLD), paint(f"+++ {result.new.path}", _BOLD)]
    if result.tracked_inputs:
        lines.append(paint("note: " + NOTE_TRACKED, _YELLOW))
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
        lines.append(paint("renumbered (not counted as changes):", _BOLD))
        lines.extend("  " + r for r in renumbered_ranges(result))
    for item in result.unread:
        lines.append("")
        colour = (_BOLD, _YELLOW) if item.differs else (_DIM,)
        lines.append(paint(f"not compared: {item.describe()}", *colour))
    lines.append("")
    s = result.summary
    if result.differs:
        lines.append(
            f"{s['added']} added, {s['removed']} removed, {s['changed']} changed, "
            f"{s['moved']} moved, {s['formatting']} formatting; {s['renumbered']} renumbered"
            + _unread_count(result)
        )
    else:
        lines.append("No differences.")
    return "\n".join(lines) + "\n"


def _unread_count(result: Result) -> str:
    differing = sum(1 for u in result.unread if u.differs)
    return f"; {differing} not compared that differ" if differing else ""


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
            out.append(f"{_para(run_prefix + str(a0))} is now {b0}")
        else:
            out.append(f"{run_prefix}paras. {a0}-{a1} are now {b0}-{b1}")
        run.clear()

    for r in result.renumbered:
        a, b = _split(r.old_number), _split(r.new_number)
        if a and b and a[0] == b[0]:
            (prefix, a_i), (_, b_i) = a, b
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
        old = _para(r.old_number) if r.old_number else "(unnumbered)"
        out.append(f"{old} is now {_para(r.new_number) if r.new_number else '(unnumbered)'}")
    flush()
    return out


def _split(number: str | None) -> tuple[str, int] | None:
    """'12' -> ('', 12); 'annex 3' -> ('annex ', 3); sub-paragraphs like '12 (أ)' -> None."""
    if not number:
        return None
    prefix = "annex " if number.startswith("annex ") else ""
    rest = number[len(prefix) :]
    return (prefix, int(rest)) if rest.isdigit() else None
