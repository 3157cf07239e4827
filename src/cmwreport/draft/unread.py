"""Parts of the drafts that no reader compares: listed, and counted when they differ.

A chart's data, an OLE object's bytes, a part the reader does not know: the comparison
cannot say what changed inside them, but it must never say "No differences" when they
differ, so each is compared by the digest of its bytes.
"""

from __future__ import annotations

from collections import namedtuple

from cmwreport.draft.model import Draft
from cmwreport.i18n import N_, _


class NotCompared(namedtuple("NotCompared", ("what", "part", "status"))):
    """What was not compared (str), its part (str | None), and its status: "same",
    "differs", "only in old", "only in new", or "read in part" (a construct inside a
    story, such as an altChunk, counted on each side)."""

    # A named tuple rather than a dataclass (never changed once made): cheaper to create
    # at import, which every diff pays; collections' namedtuple, not typing.NamedTuple,
    # which evaluates every annotation at import (issue 21).
    __slots__ = ()

    @property
    def differs(self) -> bool:
        return self.status != "same"

    def describe(self) -> str:
        """For a person, in their language (as_json keeps the English keys)."""
        what = _(self.what) if self.what in _WHATS else self.what
        status = _(self.status)
        if self.part:
            return _("{what} ({part}): {status}", what=what, part=self.part, status=status)
        return _("{what}: {status}", what=what, status=status)

    def as_json(self) -> dict:
        return {"what": self.what, "part": self.part, "status": self.status}


#: The statuses, and the names the reader gives parts it does not know (the others are
#: relationship types, "chart", "oleObject", kept as Word names them).
_STATUSES = (N_("same"), N_("differs"), N_("only in old"), N_("only in new"), N_("read in part"))
_WHATS = (N_("unknown part"), N_("embedded document (altChunk)"))


def not_compared(old: Draft, new: Draft) -> list[NotCompared]:
    out = []
    for name in sorted(old.unread.keys() | new.unread.keys()):
        a, b = old.unread.get(name), new.unread.get(name)
        what = (b or a)[0]  # type: ignore[index]
        if a is None:
            status = "only in new"
        elif b is None:
            status = "only in old"
        else:
            status = "same" if a[1] == b[1] else "differs"
        out.append(NotCompared(what, name, status))
    for what in sorted(set(old.not_compared) | set(new.not_compared)):
        same = (what in old.not_compared) == (what in new.not_compared)
        out.append(NotCompared(what, None, "same" if same else "differs"))
    return out
