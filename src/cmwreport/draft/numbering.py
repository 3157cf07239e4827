"""Which contract role each of a draft's paragraph styles plays, and the UN paragraph
numbers Word's automatic numbering prints, counted the way Word counts them and
labelled the way the build prints them ("4 (أ) ’2‘": cmwreport.arabic.wording)."""

from __future__ import annotations

from cmwreport import contract
from cmwreport.arabic.wording import letter_label, third_level_label
from cmwreport.docx import wordml as n
from cmwreport.docx.xml import w

_HEADING = {s.id: s.heading for s in contract.ALL if s.heading is not None}


class StyleRoles:
    """What numbering and sections need from the styles part: inheritance and numbering.

    A draft without a styles part (pandoc, some converters) has no roles: its
    paragraphs are all text, numbered only by their own w:numPr.
    """

    def __init__(self, root) -> None:
        self.based: dict[str, str] = {}
        self.num: dict[str, tuple[str | None, str | None]] = {}
        self.role: dict[str, contract.Style | None] = {}
        self.default_para: str | None = None
        #: Contract style ids of each style's chain (ids compare faster than Styles).
        self._chains: dict[str, tuple[str, ...]] = {}
        #: Heading level of each style id met (every body paragraph asks).
        self._levels: dict[str | None, int | None] = {}
        if root is not None:
            for st in root.iter(w("style")):
                if st.get(w("type")) == "paragraph":
                    self._add(st)
        un = next((sid for sid, r in self.role.items() if r is contract.UN_PARA), None)
        self.un_num = self.numbering(un)[0]

    def _add(self, st) -> None:
        sid = st.get(w("styleId")) or ""
        name_el = st.find(w("name"))
        name = (name_el.get(n.VAL) if name_el is not None else "") or ""
        self.role[sid] = contract.role(sid, name)
        based = st.find(w("basedOn"))
        if based is not None and based.get(n.VAL):
            self.based[sid] = based.get(n.VAL)
        numpr = st.find(f"{n.PPR}/{n.NUMPR}")
        if numpr is not None:
            self.num[sid] = numpr_of(numpr)
        if st.get(w("default")) in ("1", "true", "on"):
            self.default_para = sid

    def chain(self, sid: str | None) -> tuple[str, ...]:
        """Contract style ids of the roles of a style and of the styles it is based on,
        nearest first."""
        if sid is None:
            return ()
        cached = self._chains.get(sid)
        if cached is None:
            roles, seen, cur = [], set(), sid
            while cur is not None and cur not in seen:
                seen.add(cur)
                found = self.role[cur] if cur in self.role else contract.role(cur)
                if found is not None:
                    roles.append(found.id)
                cur = self.based.get(cur)
            cached = self._chains[sid] = tuple(roles)
        return cached

    def level(self, sid: str | None) -> int | None:
        """The heading level of a paragraph style (None: not a heading)."""
        if sid in self._levels:
            return self._levels[sid]
        level = next((_HEADING[r] for r in self.chain(sid) if r in _HEADING), None)
        self._levels[sid] = level
        return level

    def numbering(self, sid: str | None) -> tuple[str | None, str | None]:
        seen = set()
        while sid is not None and sid not in seen:
            seen.add(sid)
            if sid in self.num:
                return self.num[sid]
            sid = self.based.get(sid)
        return None, None


def properties(p):
    """A paragraph's w:pPr: the first child where Word and LibreOffice write it, looked
    for among the others only when not (the schema's order, not trusted)."""
    for child in p:
        if child.tag == n.PPR:
            return child
        break
    return next(p.iterchildren(n.PPR), None)


def numpr_of(numpr) -> tuple[str | None, str | None]:
    num_id = numpr.find(w("numId"))
    ilvl = numpr.find(w("ilvl"))
    return (
        num_id.get(n.VAL) if num_id is not None else None,
        ilvl.get(n.VAL) if ilvl is not None else None,
    )


class Numbering:
    """Counts UN paragraph numbers the way Word's automatic numbering prints them."""

    def __init__(self, styles: StyleRoles) -> None:
        self.styles = styles
        self.levels = [0, 0, 0]
        self.annex = 0
        self.last: str | None = None
        #: (style id, direct numId, direct ilvl) -> how such a paragraph is counted:
        #: None (not numbered), -1 (annex paragraph) or the UN list level.
        self._kinds: dict[tuple, int | None] = {}
        #: The pStyle of the paragraph last numbered (None when it names none).
        self.style: str | None = None

    def number(self, p) -> str | None:
        """The paragraph's UN number, or None; `style` is left its own style id."""
        ppr = properties(p)
        sid = None
        direct: tuple[str | None, str | None] = (None, None)
        if ppr is not None:
            # One pass over the properties (find() costs ~1.5 us a call, per paragraph).
            ps = numpr = None
            for child in ppr:
                tag = child.tag
                if tag == n.PSTYLE and ps is None:
                    ps = child
                elif tag == n.NUMPR and numpr is None:
                    numpr = child
            sid = ps.get(n.VAL) if ps is not None else None
            if numpr is not None:
                direct = numpr_of(numpr)
        self.style = sid
        if sid is None:
            sid = self.styles.default_para
        key = (sid, *direct)
        kind = self._kinds[key] if key in self._kinds else self._kind(key)
        if kind is None:
            return None
        if kind < 0:
            self.annex += 1
            return self._set(f"annex {self.annex}")
        return self._set(self._count(kind))

    def _kind(self, key: tuple) -> int | None:
        sid, direct_num, direct_ilvl = key
        chain = self.styles.chain(sid)
        style_num = self.styles.numbering(sid)
        num_id = direct_num if direct_num is not None else style_num[0]
        ilvl = direct_ilvl if direct_ilvl is not None else style_num[1]
        kind = None
        if num_id == "0":
            pass
        elif contract.ANNEX_PARA.id in chain:
            kind = -1
        else:
            un = self.styles.un_num
            # build labels sub-paragraphs with a w:num of their own (docx/numbering.py):
            # a paragraph whose style is in the UN list stays in it at its own level.
            in_un = un is not None and un in (num_id, style_num[0])
            if in_un or contract.UN_PARA.id in chain:
                kind = min(max(_int(ilvl), 0), 2) if in_un else 0
        self._kinds[key] = kind
        return kind

    def _count(self, level: int) -> str:
        level = min(max(level, 0), 2)
        self.levels[level] += 1
        for deeper in range(level + 1, 3):
            self.levels[deeper] = 0
        label = str(self.levels[0])
        if level >= 1:
            label += " " + letter_label(self.levels[1] - 1)
        if level >= 2:
            label += " " + third_level_label(self.levels[2] - 1)
        return label

    def _set(self, label: str) -> str:
        self.last = label
        return label


def _int(value: str | None) -> int:
    try:
        return int(value or 0)
    except ValueError:
        return 0


def list_level(number: str | None) -> int:
    """-1 unnumbered, 0 for "4" (and "annex 3"), 1 for "4 (أ)", 2 for "4 (أ) ’1‘": the
    UN list level of a number `Numbering` wrote."""
    if number is None:
        return -1
    return 0 if number.startswith("annex ") else number.count(" ")
