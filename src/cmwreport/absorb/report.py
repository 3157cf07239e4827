"""What absorb tells the drafter: what it took home, what it could not, the comments,
and with --dry-run the unified diff of every file it would touch."""

from __future__ import annotations

import difflib

from cmwreport.absorb.engine import Result
from cmwreport.absorb.origins import shown
from cmwreport.i18n import N_, _, ngettext

#: What a draft is, as the summary line names it.
_KINDS = (N_("report"), N_("annex"))


_RED, _YELLOW, _RESET = "\033[31m", "\033[33m", "\033[0m"


def summary(result: Result, *, dry_run: bool, colour: bool = False) -> str:
    """`colour`: what was not absorbed in yellow, what would not validate in red (the
    terminal's --color)."""

    def paint(code: str, text: str) -> str:
        return f"{code}{text}{_RESET}" if colour else text

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
        lines.append(
            paint(_YELLOW, _("not absorbed: {where}: {why}", where=item.where, why=shown(item.why)))
        )
        if item.before is not None:
            lines.append("  " + _("before: {text}", text=item.before))
        if item.after is not None:
            lines.append("  " + _("after:  {text}", text=item.after))
        if item.data:
            lines.append("  " + _("from:   {text}", text=shown(item.data)))
    for error in result.invalid:
        lines.append(paint(_RED, _("invalid after absorbing: {error}", error=error)))
    if result.invalid:
        lines.append(paint(_RED, _("the sources would not validate: nothing was written")))
    if result.comments:
        lines.append(
            _(
                "comments (not taken home: the next build carries none, so diff shows "
                "them as not carried by the build):"
            )
        )
        lines += [f"  {c}" for c in result.comments]
    if result.invalid or dry_run:
        written = _("nothing written")
    else:
        written = ngettext("{n} file written", "{n} files written", len(result.files))
    # English keeps "edit(s)" (scripts and the docs quote the line); the catalogues give
    # Arabic and French their own plural forms.
    if dry_run:
        edits = ngettext("{n} edit(s) would be", "{n} edit(s) would be", len(result.done))
    else:
        edits = ngettext("{n} edit(s) absorbed", "{n} edit(s) absorbed", len(result.done))
    left = ngettext("{n} not absorbed", "{n} not absorbed", len(result.unabsorbed))
    kind = _(result.draft_kind) if result.draft_kind in _KINDS else result.draft_kind
    lines.append(
        _(
            "absorb ({kind}): {edits}, {left}; {written}",
            kind=kind,
            edits=edits,
            left=left,
            written=written,
        )
    )
    return "\n".join(lines) + "\n"


def unified(result: Result) -> str:
    """The unified diff of every file absorb would write (text of a .docx's paragraphs)."""
    out: list[str] = []
    for path, data in sorted(result.files.items()):
        if path.suffix == ".docx":
            before, after = _docx_lines(*result.docx_read[path])
            label = _("{path} (paragraph text)", path=path)
        else:
            before = path.read_bytes().decode("utf-8-sig").splitlines(keepends=True)
            after = data.decode("utf-8-sig").splitlines(keepends=True)
            label = str(path)
        out += difflib.unified_diff(before, after, f"a/{label}", f"b/{label}")
    text = "".join(line if line.endswith("\n") else line + "\n" for line in out)
    return text


def _docx_lines(draft, package) -> tuple[list[str], list[str]]:
    """The paragraphs of the .docx as read, and of the package written from it (its
    trees in memory, as its bytes would read)."""
    from cmwreport.absorb import adapter

    return [b.text + "\n" for b in draft.body], [
        b.text + "\n" for b in adapter.read(package, "template").body
    ]
