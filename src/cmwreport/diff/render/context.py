"""Unchanged text cut down to a few words around each change, for the terminal
(`diff --context N`) and the review page: the reader sees what changed, not the
paragraph to hunt through."""

from __future__ import annotations

ELLIPSIS = "…"


def trim(piece: str, n: int, *, keep_head: bool, keep_tail: bool) -> str:
    """An unchanged stretch cut to `n` words after the change before it (head) and `n`
    words before the change after it (tail)."""
    words = piece.split(" ")
    if len(words) <= (2 * n if keep_head and keep_tail else n) + 1:
        return piece
    head = " ".join(words[: n + 1]) if keep_head else ""
    tail = " ".join(words[-(n + 1) :]) if keep_tail else ""
    if keep_head and keep_tail:
        return f"{head} {ELLIPSIS} {tail}"
    return f"{head} {ELLIPSIS}" if keep_head else f"{ELLIPSIS} {tail}"


def trim_segments(segments: list[tuple[str, str]], n: int | None) -> list[tuple[str, str]]:
    """(kind, text) segments with their "equal" ones trimmed to `n` words (None: whole)."""
    if n is None:
        return segments
    last = len(segments) - 1
    return [
        (kind, trim(text, n, keep_head=i > 0, keep_tail=i < last) if kind == "equal" else text)
        for i, (kind, text) in enumerate(segments)
    ]
