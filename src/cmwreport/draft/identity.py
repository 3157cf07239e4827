"""Which source item each body paragraph of a draft is, from the identity bookmarks
wherever Word and LibreOffice leave them, read before the tracked changes are accepted
(the reader calls this first; diff pairs by it, absorb writes by it).

Accepting a deleted paragraph mark joins the paragraph to the next one, bookmarks and
all; so a recommendation deleted whole in Word (its runs in `w:del`, its mark deleted,
its bookmark outside `w:del`) would lend its identity to the next paragraph. Here each
paragraph that will survive the accept is given the identity of the bookmarks in the
paragraphs that make it up *and keep text*; the bookmark of a paragraph whose text is
all deleted goes to where its text went (the other end of a move: LibreOffice's
renamed copy `_cmw_<id>_Copy_1`, Word's `moveTo` range of the same name, the paragraph
holding the bookmark's end), else nowhere: the item was deleted. A paragraph that two
items make up (merged), or that two paragraphs claim, is *held*: it carries no
identity (diff pairs it by content), and absorb reports it with its candidates and
writes nothing for them.

The bookmarks are then rewritten in place, one per paragraph, so that the draft
reader, which takes a paragraph's first identity bookmark, reads the resolved one.
"""

from __future__ import annotations

import re
from collections import namedtuple

from cmwreport.contract import BOOKMARK_PREFIX
from cmwreport.docx import wordml as n
from cmwreport.docx.xml import w
from cmwreport.i18n import _

#: LibreOffice names a pasted bookmark `<name>_Copy_<n>`, and its .docx export cuts
#: names to Word's 40 characters (`_cmw_decriminalise_irregular_migration_C`). Ids are
#: lower case, so an upper-case `_C...` tail is always this. Given as text: re compiles
#: it when a name first holds "_C", which most drafts' never do (issue 21).
_COPY = r"_C(?:o(?:p(?:y(?:_\d*)?)?)?)?$"
_CONTAINERS = (n.SDT, n.SDT_CONTENT, n.CUSTOM_XML, n.INS, n.MOVE_TO)
_GONE = (n.DEL, n.MOVE_FROM)
_RANGES = {
    w("moveFromRangeStart"): ("from", True),
    w("moveFromRangeEnd"): ("from", False),
    w("moveToRangeStart"): ("to", True),
    w("moveToRangeEnd"): ("to", False),
}
_REVISIONS = (n.INS, n.DEL, n.MOVE_FROM, n.MOVE_TO, w("rPrChange"), w("pPrChange"))
_AUTHOR = w("author")
#: Bookmark ids written here, above any Word or LibreOffice use.
_FIRST_ID = 900_000


# Held is a named tuple and _Unit, _Chain plain classes, not dataclasses: creating
# dataclasses is a large part of what a diff of two small drafts spends importing (and
# collections' namedtuple, not typing.NamedTuple, which evaluates every annotation).
#: A surviving paragraph whose identity cannot be known: its candidates (bookmark
#: identities, without the prefix: list of str) and why (str).
Held = namedtuple("Held", ("candidates", "why"))


class _Unit:
    __slots__ = ("p", "marks", "kept", "merges", "move_from", "move_to", "authors")

    def __init__(self, p: object, marks: list | None = None) -> None:
        self.p = p
        self.marks = [] if marks is None else marks  # the identity bookmarkStarts it holds
        self.kept = False
        self.merges = False
        self.move_from: set[str] = set()
        self.move_to: set[str] = set()
        self.authors: set[str] = set()


class _Chain:
    """Raw paragraphs that the accept joins into one (the last is the one kept)."""

    __slots__ = ("units", "own", "resolved")

    def __init__(self) -> None:
        self.units: list[_Unit] = []
        self.own: list[tuple[str, bool]] = []  # (identity, exact name)
        self.resolved: list[str] = []

    @property
    def kept(self) -> bool:
        return any(u.kept for u in self.units)


def base(name: str) -> tuple[str, bool]:
    """The identity a bookmark name stands for and whether it is the exact name."""
    bare = re.sub(_COPY, "", name) if "_C" in name else name
    return bare[len(BOOKMARK_PREFIX) :], bare == name


def resolve(root) -> tuple[dict[object, Held], dict[object, tuple[str, ...]]]:
    """Rewrite the identity bookmarks of a main part (before its tracked changes are
    accepted); return the surviving paragraphs that are held, and the authors of the
    tracked changes in each surviving paragraph, by element."""
    body = root.find(w("body"))
    if body is None or not _needed(body):
        return {}, {}
    units = _units(body)
    chains = _chains(units)
    authors = {
        c.units[-1].p: tuple(sorted(set().union(*(u.authors for u in c.units))))
        for c in chains
        if c.kept and any(u.authors for u in c.units)
    }
    if not any(u.marks for u in units):
        return {}, authors
    ends = _ends(body)
    orphans: dict[str, _Chain] = {}
    for chain in chains:
        for unit in chain.units:
            for mark in unit.marks:
                ident, exact = base(mark.get(n.NAME) or "")
                if unit.kept:
                    chain.own.append((ident, exact))
                else:
                    orphans.setdefault(ident, chain)
    claims: dict[str, list[tuple[_Chain, bool]]] = {}
    for chain in chains:
        if chain.kept:
            for ident, exact in dict.fromkeys(chain.own):
                claims.setdefault(ident, []).append((chain, exact))
    held: dict[int, Held] = {}
    for ident, claimants in claims.items():
        exact = [c for c, e in claimants if e]
        chosen = exact or [c for c, _e in claimants]
        if len(chosen) == 1:
            chosen[0].resolved.append(ident)
        else:
            for chain in chosen:
                held[id(chain)] = Held(
                    [ident], _("two paragraphs carry this item's identity (copied?)")
                )
    _moves(chains, orphans, claims, ends)
    out: dict[object, Held] = {}
    for chain in chains:
        if not chain.kept:
            continue
        final = chain.units[-1].p
        resolved = list(dict.fromkeys(chain.resolved))
        if id(chain) in held:
            out[final] = held[id(chain)]
        elif len(resolved) > 1:
            out[final] = Held(resolved, _("paragraphs of several items were joined into one"))
    _rewrite(units, chains, out, _end_marks(body))
    return out, authors


def _needed(body) -> bool:
    """Whether any paragraph could lose, gain or share an identity, or has authors: a
    revision, a bookmark LibreOffice renamed on paste, a paragraph holding the
    identities of two items (two paragraphs joined with tracking off: Word and
    LibreOffice carry the second one's bookmark into the first), or one identity in two
    paragraphs (a paragraph copied with its bookmark). A draft as built has none."""
    for _revision in body.iter(*_REVISIONS):
        return True
    # One pass over the bookmarks rather than one per paragraph: one paragraph with
    # two names, or one name in two paragraphs (a text box's paragraph and the one it
    # is anchored in count as two), is the answer. Bookmarks in no paragraph do not
    # count.
    name_of: dict = {}  # paragraph -> the identity bookmark name in it
    holder_of: dict[str, object] = {}  # name -> the paragraph holding it
    p_tag = n.P
    for mark in body.iter(n.BOOKMARK_START):
        name = mark.get(n.NAME) or ""
        if not name.startswith(BOOKMARK_PREFIX):
            continue
        holders = []
        parent = mark.getparent()
        while parent is not None and parent is not body:
            if parent.tag == p_tag:
                holders.append(parent)
            parent = parent.getparent()
        if not holders:
            continue
        if len(holders) > 1 or ("_C" in name and re.search(_COPY, name)):
            return True
        holder = holders[0]
        if name_of.setdefault(holder, name) != name:
            return True
        if holder_of.setdefault(name, holder) is not holder:
            return True
    return False


def _units(body) -> list[_Unit]:
    """Body paragraphs in document order (not in tables or text boxes), each with the
    identity bookmarks in it or loose just before it, and the move ranges around it."""
    units: list[_Unit] = []
    loose: list = []
    open_ranges: dict[str, tuple[str, str]] = {}

    def walk(container) -> None:
        for el in container:
            tag = el.tag
            if tag == n.P:
                units.append(_unit(el, loose, open_ranges))
                loose.clear()
            elif tag == n.BOOKMARK_START and _identity(el):
                loose.append(el)
            elif tag in _RANGES:
                _range(el, open_ranges)
            elif tag in _CONTAINERS:
                walk(el)

    walk(body)
    return units


def _unit(p, loose: list, open_ranges: dict) -> _Unit:
    unit = _Unit(p, marks=list(loose))
    inside = {kind_name for kind_name in open_ranges.values()}
    for el in p.iter():
        tag = el.tag
        if tag == n.BOOKMARK_START and _identity(el):
            unit.marks.append(el)
        elif tag in _RANGES:
            _range(el, open_ranges)
            inside |= set(open_ranges.values())
        elif tag == n.T and el.text and el.text.strip() and not _gone(el, p):
            unit.kept = True
        elif tag in _REVISIONS and el.get(_AUTHOR):
            unit.authors.add(el.get(_AUTHOR))
    for kind, name in inside:
        (unit.move_from if kind == "from" else unit.move_to).add(name)
    ppr = p.find(n.PPR)
    rpr = ppr.find(n.RPR) if ppr is not None else None
    if rpr is not None:
        for mark in rpr:
            if mark.tag in _GONE:
                nxt = p.getnext()
                unit.merges = nxt is not None and nxt.tag == n.P
    return unit


def _range(el, open_ranges: dict) -> None:
    kind, starts = _RANGES[el.tag]
    key = el.get(n.ID) or ""
    if starts:
        open_ranges[key] = (kind, el.get(n.NAME) or "")
    else:
        open_ranges.pop(key, None)


def _gone(el, p) -> bool:
    parent = el.getparent()
    while parent is not None and parent is not p:
        if parent.tag in _GONE:
            return True
        parent = parent.getparent()
    return False


def _identity(el) -> bool:
    return (el.get(n.NAME) or "").startswith(BOOKMARK_PREFIX)


def _chains(units: list[_Unit]) -> list[_Chain]:
    chains: list[_Chain] = []
    current = _Chain()
    for unit in units:
        current.units.append(unit)
        if not unit.merges:
            chains.append(current)
            current = _Chain()
    if current.units:
        chains.append(current)
    return chains


def _ends(body) -> dict[str, object]:
    """Bookmark id -> the paragraph its end is in."""
    out = {}
    for end in body.iter(n.BOOKMARK_END):
        p = end.getparent()
        while p is not None and p.tag != n.P:
            p = p.getparent()
        out[end.get(n.ID) or ""] = p if p is not None else end.getnext()
    return out


def _moves(chains, orphans: dict[str, _Chain], claims: dict, ends: dict) -> None:
    """An orphaned identity (its paragraph's text all deleted) goes where its text went:
    the paragraph holding its bookmark's end, or the one paragraph of the matching
    move-to range that has no identity of its own."""
    free = [c for c in chains if c.kept and not c.resolved and not c.own]
    by_p = {u.p: c for c in free for u in c.units}
    for ident, source in orphans.items():
        if ident in claims:
            continue  # a copy or the exact name survives elsewhere: already placed
        target = None
        for unit in source.units:
            for mark in unit.marks:
                found = by_p.get(ends.get(mark.get(n.ID) or ""))
                if found is not None and base(mark.get(n.NAME) or "")[0] == ident:
                    target = found
        if target is None:
            names = {name for u in source.units for name in u.move_from if name}
            if names:
                into = [c for c in free if any(names & u.move_to for u in c.units)]
                if len(into) == 1:
                    target = into[0]
        if target is not None and target in free:
            target.resolved.append(ident)
            free.remove(target)


def _rewrite(units: list[_Unit], chains: list[_Chain], held: dict, ends: dict) -> None:
    """One bookmark per surviving paragraph, of its resolved identity. A paragraph the
    revisions leave as it was (one unit, its one exact bookmark kept) is not touched,
    so a draft reads, and a redline writes, its bookmarks as they were."""
    next_id = _FIRST_ID
    for chain in chains:
        final = chain.units[-1].p
        if _plain(chain) and final not in held:
            continue
        for unit in chain.units:
            for mark in unit.marks:
                for el in (mark, ends.get(mark.get(n.ID))):
                    if el is not None and el.getparent() is not None:
                        el.getparent().remove(el)
        if not chain.kept or final in held or len(set(chain.resolved)) != 1:
            continue
        start = final.makeelement(n.BOOKMARK_START, {n.ID: str(next_id)})
        start.set(n.NAME, BOOKMARK_PREFIX + chain.resolved[0])
        end = final.makeelement(n.BOOKMARK_END, {n.ID: str(next_id)})
        next_id += 1
        at = 1 if final.find(n.PPR) is not None else 0
        final.insert(at, start)
        final.insert(at + 1, end)


def _plain(chain: _Chain) -> bool:
    if len(chain.units) != 1 or not chain.kept or len(chain.units[0].marks) != 1:
        return False
    mark = chain.units[0].marks[0]
    ident, exact = base(mark.get(n.NAME) or "")
    return exact and chain.resolved == [ident] and not _gone(mark, chain.units[0].p)


def _end_marks(body) -> dict:
    return {end.get(n.ID): end for end in body.iter(n.BOOKMARK_END)}
