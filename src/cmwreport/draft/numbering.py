"""The UN paragraph numbers Word's automatic numbering prints, counted the way Word
counts them and labelled the way the build prints them ("4 (أ) ’2‘":
cmwreport.arabic.wording), from the styles' roles and numbering (docx/styles.py).
Build's readiness counts with it too, so a warning's "paragraph N" is diff's "para. N"."""

from __future__ import annotations

from cmwreport import contract
from cmwreport.docx import wordml as n
from cmwreport.docx.styles import Styles, numpr_of
from cmwreport.docx.wordml import first_child


class Numbering:
    """Counts UN paragraph numbers the way Word's automatic numbering prints them."""

    def __init__(self, styles: Styles) -> None:
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
        return self.number_for(*self.key(p))

    @staticmethod
    def key(p) -> tuple[str | None, tuple[str | None, str | None]]:
        """What of the paragraph decides how it is numbered: its style id and the
        numbering its properties set directly."""
        ppr = first_child(p, n.PPR)
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
        return sid, direct

    def number_for(self, sid: str | None, direct: tuple[str | None, str | None]) -> str | None:
        """The UN number of the next paragraph, of `key`'s answer."""
        self.style = sid
        if sid is None:
            sid = self.styles.default_para
        return self._numbered((sid, *direct))

    def number_styled(self, sid: str) -> str | None:
        """`number` of a paragraph known to name style `sid` and no numbering of its own
        (one the build wrote), without reading it."""
        self.style = sid
        return self._numbered((sid, None, None))

    def _numbered(self, key: tuple) -> str | None:
        kind = self._kinds[key] if key in self._kinds else self._kind(key)
        if kind is None:
            return None
        if kind < 0:
            self.annex += 1
            return self._set(f"annex {self.annex}")
        return self._set(self._count(kind))

    def _kind(self, key: tuple) -> int | None:
        sid, direct_num, direct_ilvl = key
        chain = self.styles.role_ids(sid)
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
            # Imported here: a draft without sub-paragraphs needs none of the UN wording
            # (1.8 M instructions of a small diff; issue 21).
            from cmwreport.arabic.wording import letter_label, third_level_label

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
