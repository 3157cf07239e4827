"""What absorb tells the drafter: what it took home, what it could not, the comments,
and with --dry-run the unified diff of every file it would touch."""

from __future__ import annotations

import difflib

from cmwreport.absorb.engine import Result


def summary(result: Result, *, dry_run: bool) -> str:
    lines: list[str] = []
    lines += [f"note: {n}" for n in result.notes]
    if result.accepted:
        lines.append(
            f"accepted {result.accepted} tracked change{'s' if result.accepted != 1 else ''} "
            "(the draft was absorbed in its accepted view)"
        )
    if result.pending_left_out:
        lines.append(
            f"left out {result.pending_left_out} pending tracked change"
            f"{'s' if result.pending_left_out != 1 else ''} (--only-accepted)"
        )
    verb = "would be" if dry_run else ""
    lines += [f"{line}{' (dry run)' if dry_run else ''}" for line in result.done]
    for item in result.unabsorbed:
        lines.append(f"not absorbed: {item.where}: {item.why}")
        if item.before is not None:
            lines.append(f"  before: {item.before}")
        if item.after is not None:
            lines.append(f"  after:  {item.after}")
        if item.data:
            lines.append(f"  from:   {item.data}")
    for error in result.invalid:
        lines.append(f"invalid after absorbing: {error}")
    if result.invalid:
        lines.append("the sources would not validate: nothing was written")
    if result.comments:
        lines.append("comments:")
        lines += [f"  {c}" for c in result.comments]
    written = (
        "nothing written" if result.invalid or dry_run else f"{len(result.files)} file(s) written"
    )
    lines.append(
        f"absorb ({result.draft_kind}): {len(result.done)} edit(s) {verb or 'absorbed'}, "
        f"{len(result.unabsorbed)} not absorbed; {written}"
    )
    return "\n".join(lines) + "\n"


def unified(result: Result) -> str:
    """The unified diff of every file absorb would write (text of a .docx's paragraphs)."""
    out: list[str] = []
    for path, data in sorted(result.files.items()):
        if path.suffix == ".docx":
            before, after = _docx_lines(path.read_bytes()), _docx_lines(data)
            label = f"{path} (paragraph text)"
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
