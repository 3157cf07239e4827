"""What absorb tells the drafter: what it took home, what it could not, the comments,
and with --dry-run the unified diff of every file it would touch."""

from __future__ import annotations

import difflib

from cmwreport.absorb.engine import Result
from cmwreport.i18n import _, ngettext


def summary(result: Result, *, dry_run: bool) -> str:
    lines: list[str] = []
    lines += [_("note: {note}", note=n) for n in result.notes]
    if result.accepted:
        lines.append(
            ngettext(
                "accepted {n} tracked change (the draft was absorbed in its accepted view)",
                "accepted {n} tracked changes (the draft was absorbed in its accepted view)",
                result.accepted,
            )
        )
    if result.pending_left_out:
        lines.append(
            ngettext(
                "left out {n} pending tracked change (--only-accepted)",
                "left out {n} pending tracked changes (--only-accepted)",
                result.pending_left_out,
            )
        )
    dry = " " + _("(dry run)") if dry_run else ""
    lines += [f"{line}{dry}" for line in result.done]
    for item in result.unabsorbed:
        lines.append(_("not absorbed: {where}: {why}", where=item.where, why=item.why))
        if item.before is not None:
            lines.append("  " + _("before: {text}", text=item.before))
        if item.after is not None:
            lines.append("  " + _("after:  {text}", text=item.after))
        if item.data:
            lines.append("  " + _("from:   {text}", text=item.data))
    for error in result.invalid:
        lines.append(_("invalid after absorbing: {error}", error=error))
    if result.invalid:
        lines.append(_("the sources would not validate: nothing was written"))
    if result.comments:
        lines.append(_("comments:"))
        lines += [f"  {c}" for c in result.comments]
    counts = {
        "kind": result.draft_kind,
        "edits": len(result.done),
        "left": len(result.unabsorbed),
    }
    if result.invalid or dry_run:
        written = _("nothing written")
    else:
        written = _("{count} file(s) written", count=len(result.files))
    if dry_run:
        line = _(
            "absorb ({kind}): {edits} edit(s) would be, {left} not absorbed; {written}",
            **counts,
            written=written,
        )
    else:
        line = _(
            "absorb ({kind}): {edits} edit(s) absorbed, {left} not absorbed; {written}",
            **counts,
            written=written,
        )
    lines.append(line)
    return "\n".join(lines) + "\n"


def unified(result: Result) -> str:
    """The unified diff of every file absorb would write (text of a .docx's paragraphs)."""
    out: list[str] = []
    for path, data in sorted(result.files.items()):
        if path.suffix == ".docx":
            before, after = _docx_lines(path.read_bytes()), _docx_lines(data)
            label = _("{path} (paragraph text)", path=path)
        else:
            before = path.read_bytes().decode("utf-8-sig").splitlines(keepends=True)
            after = data.decode("utf-8-sig").splitlines(keepends=True)
            label = str(path)
        out += difflib.unified_diff(before, after, f"a/{label}", f"b/{label}")
    text = "".join(line if line.endswith("\n") else line + "\n" for line in out)
    return text


def _docx_lines(data: bytes) -> list[str]:
    from cmwreport.absorb import adapter

    draft = adapter.read(data, "template")
    return [b.text + "\n" for b in draft.body]
