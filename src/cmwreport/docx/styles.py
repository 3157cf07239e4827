"""THE reader of a styles part, parsed once per package (`Package.styles`): each
style's chain (basedOn), name, contract role, numbering, run properties and direction,
the document defaults, the default paragraph and table styles, and a table style's
conditional formatting (w:tblStylePr) with which cells of a table it applies to.
Effective formatting, the draft's UN numbering, the build's labels and readiness all
read styles here, so that they follow one chain by one rule.

Which cells take a table style's conditional formatting is computed from the cell's
place and the table's w:tblLook, as Word does when it lays the table out (w:cnfStyle is
only a cache of that, and LibreOffice drops or rewrites it): first and last row and
column, odd and even bands of rows and columns (the header row and first column left
out of the banding when they are shown), and the four corner cells (ECMA-376 Part 1,
17.7.6 and 17.4.56).
"""

from __future__ import annotations

from functools import cached_property

from cmwreport import contract
from cmwreport.docx import wordml as n
from cmwreport.docx.xml import w

_OFF = ("0", "false", "off")
#: Conditional formatting types in the order they are applied (later wins).
ORDER = (
    "band1Vert",
    "band2Vert",
    "band1Horz",
    "band2Horz",
    "firstCol",
    "lastCol",
    "firstRow",
    "lastRow",
    "nwCell",
    "neCell",
    "swCell",
    "seCell",
)
#: w:tblLook's hexadecimal w:val bits (ECMA-376 Part 1, 17.4.56).
_LOOK_BITS = {
    "firstRow": 0x0020,
    "lastRow": 0x0040,
    "firstColumn": 0x0080,
    "lastColumn": 0x0100,
    "noHBand": 0x0200,
    "noVBand": 0x0400,
}


def on(el) -> bool:
    return el is not None and (el.get(n.VAL) or "true") not in _OFF


_STYLE, _STYLE_ID, _TYPE, _DEFAULT = w("style"), w("styleId"), w("type"), w("default")
_NAME, _BASED, _BIDI = w("name"), w("basedOn"), w("bidi")
_HEADING = {s.id: s.heading for s in contract.ALL if s.heading is not None}


def numpr_of(numpr) -> tuple[str | None, str | None]:
    """(numId, ilvl) of a w:numPr, None for what it does not say."""
    num_id = numpr.find(w("numId"))
    ilvl = numpr.find(w("ilvl"))
    return (
        num_id.get(n.VAL) if num_id is not None else None,
        ilvl.get(n.VAL) if ilvl is not None else None,
    )


class Styles:
    """One styles part, parsed once. `root` None: the package has none (pandoc and some
    converters write none): no style is defined, and none plays a role."""

    def __init__(self, root) -> None:
        #: Whether the package has a styles part at all.
        self.exists = root is not None
        self.rpr: dict[str, object] = {}
        #: Each style's own w:pPr (alignment, indentation, spacing).
        self.ppr: dict[str, object] = {}
        self.based: dict[str, str] = {}
        #: Every style id defined, in document order, with its name (its id when it has
        #: none).
        self.names: dict[str, str] = {}
        #: A style's own w:numPr, as (numId, ilvl).
        self.num: dict[str, tuple[str | None, str | None]] = {}
        self.bidi: dict[str, bool] = {}
        #: table style id -> {conditional type: its w:rPr}
        self.conditional: dict[str, dict[str, object]] = {}
        self.default_para: str | None = None
        self.default_table: str | None = None
        self.defaults = None
        self.ppr_defaults = None
        self._roles: dict[str | None, tuple[str, ...]] = {}
        self._levels: dict[str | None, int | None] = {}
        self._numbering: dict[str | None, tuple[str | None, str | None]] = {}
        if root is None:
            return
        self.defaults = root.find(f"{w('docDefaults')}/{w('rPrDefault')}/{n.RPR}")
        self.ppr_defaults = root.find(f"{w('docDefaults')}/{w('pPrDefault')}/{n.PPR}")
        for st in root.iter(_STYLE):
            self._add(st)

    def _add(self, st) -> None:
        sid = st.get(_STYLE_ID) or ""
        # One pass over the style's children; the first of each, as find() takes it.
        rpr = ppr = name = based = None
        for child in st:
            tag = child.tag
            if tag == n.RPR and rpr is None:
                rpr = child
            elif tag == n.PPR and ppr is None:
                ppr = child
            elif tag == _NAME and name is None:
                name = child
            elif tag == _BASED and based is None:
                based = child
        self.rpr[sid] = rpr
        self.ppr[sid] = ppr
        if ppr is not None:
            bidi = ppr.find(_BIDI)
            if bidi is not None:
                self.bidi[sid] = on(bidi)
            numpr = ppr.find(n.NUMPR)
            if numpr is not None:
                self.num[sid] = numpr_of(numpr)
        if based is not None and based.get(n.VAL):
            self.based[sid] = based.get(n.VAL)
        self.names[sid] = (name.get(n.VAL) if name is not None else None) or sid
        kind = st.get(_TYPE)
        default = st.get(_DEFAULT) in ("1", "true", "on")
        if kind == "paragraph" and default:
            self.default_para = sid
        elif kind == "table":
            if default:
                self.default_table = sid
            found = {c.get(_TYPE): c.find(n.RPR) for c in st.iter(w("tblStylePr"))}
            if found:
                self.conditional[sid] = found

    def chain(self, sid: str | None) -> list[str]:
        """The style and those it is based on, base first."""
        out: list[str] = []
        while sid is not None and sid not in out:
            out.append(sid)
            sid = self.based.get(sid)
        return out[::-1]

    def role(self, sid: str | None) -> contract.Style | None:
        """The contract role a style defined here plays (by its id, else its name)."""
        return contract.role(sid, self.names[sid]) if sid in self.names else None

    @cached_property
    def roles(self) -> dict[str, contract.Style]:
        """The styles defined here that play a contract role, with the role."""
        found = {}
        for sid in self.names:
            style = self.role(sid)
            if style is not None:
                found[sid] = style
        return found

    def role_ids(self, sid: str | None) -> tuple[str, ...]:
        """Contract style ids of the roles of a style and of those it is based on,
        nearest first. An id no style defines plays the role its id names (a converter
        may write w:pStyle without the styles part)."""
        cached = self._roles.get(sid)
        if cached is None:
            found = []
            for cur in reversed(self.chain(sid)):
                style = self.role(cur) if cur in self.names else contract.role(cur)
                if style is not None:
                    found.append(style.id)
            cached = self._roles[sid] = tuple(found)
        return cached

    def level(self, sid: str | None) -> int | None:
        """The heading level of a paragraph style (None: not a heading)."""
        if sid not in self._levels:
            roles = self.role_ids(sid)
            self._levels[sid] = next((_HEADING[r] for r in roles if r in _HEADING), None)
        return self._levels[sid]

    def numbering(self, sid: str | None) -> tuple[str | None, str | None]:
        """(numId, ilvl) a paragraph style numbers with: the w:numPr of the nearest style
        of its chain that names a list ((None, None): none does)."""
        if sid not in self._numbering:
            found: tuple[str | None, str | None] = (None, None)
            for cur in reversed(self.chain(sid)):
                num = self.num.get(cur)
                if num is not None and num[0] is not None:
                    found = num
                    break
            self._numbering[sid] = found
        return self._numbering[sid]

    @cached_property
    def un_num(self) -> str | None:
        """The numId of the UN paragraph list (that of the first UNPara style)."""
        un = next((sid for sid, role in self.roles.items() if role is contract.UN_PARA), None)
        return self.numbering(un)[0]

    def cs_font(self) -> str | None:
        """The complex-script font the document's text defaults to: the document
        defaults', else the Normal style's."""
        for rpr in (self.defaults, self.rpr.get("Normal")):
            fonts = rpr.find(w("rFonts")) if rpr is not None else None
            if fonts is not None and fonts.get(w("cs")):
                return fonts.get(w("cs"))
        return None

    def default_size(self) -> str | None:
        """The document defaults' font size in half-points, complex script first."""
        for tag in ("szCs", "sz"):
            found = self.defaults.find(w(tag)) if self.defaults is not None else None
            if found is not None:
                return found.get(n.VAL)
        return None

    def table_layers(self, p) -> tuple[tuple, list]:
        """(key, run-property layers) the table style of the cell holding `p` gives it:
        the style's own properties along its chain, then each conditional type that
        applies to the cell. ((), []) outside a table."""
        cell = p.getparent()
        while cell is not None and cell.tag not in (n.TC, n.TXBX):
            cell = cell.getparent()
        if cell is None or cell.tag != n.TC:
            return (), []
        row = cell.getparent()
        table = row.getparent() if row is not None else None
        while table is not None and table.tag != n.TBL:
            table = table.getparent()
        if table is None:
            return (), []
        found = table.find(f"{w('tblPr')}/{w('tblStyle')}")
        sid = found.get(n.VAL) if found is not None else self.default_table
        if sid is None:
            return (), []
        chain = self.chain(sid)
        types = _applying(table, row, cell, any(s in self.conditional for s in chain))
        layers = [self.rpr.get(s) for s in chain]
        for kind in types:
            layers.extend(self.conditional.get(s, {}).get(kind) for s in chain)
        return (sid, types), layers


def _applying(table, row, cell, any_conditional: bool) -> tuple[str, ...]:
    if not any_conditional:
        return ()
    look = _look(table)
    rows = [r for r in table if r.tag == n.TR]
    cells = [c for c in row if c.tag == n.TC]
    r, last_r = rows.index(row) if row in rows else 0, len(rows) - 1
    c, last_c = cells.index(cell) if cell in cells else 0, len(cells) - 1
    first_row = look["firstRow"] and r == 0
    last_row = look["lastRow"] and r == last_r and r > 0
    first_col = look["firstColumn"] and c == 0
    last_col = look["lastColumn"] and c == last_c and c > 0
    out = set()
    if not look["noVBand"] and not (first_col or last_col):
        band = c - (1 if look["firstColumn"] else 0)
        out.add("band1Vert" if band % 2 == 0 else "band2Vert")
    if not look["noHBand"] and not (first_row or last_row):
        band = r - (1 if look["firstRow"] else 0)
        out.add("band1Horz" if band % 2 == 0 else "band2Horz")
    for flag, kind in (
        (first_col, "firstCol"),
        (last_col, "lastCol"),
        (first_row, "firstRow"),
        (last_row, "lastRow"),
        (first_row and first_col, "nwCell"),
        (first_row and last_col, "neCell"),
        (last_row and first_col, "swCell"),
        (last_row and last_col, "seCell"),
    ):
        if flag:
            out.add(kind)
    return tuple(k for k in ORDER if k in out)


def _look(table) -> dict[str, bool]:
    el = table.find(f"{w('tblPr')}/{w('tblLook')}")
    if el is None:
        return dict.fromkeys(_LOOK_BITS, False)
    value = el.get(n.VAL)
    bits = int(value, 16) if value and _hex(value) else 0
    return {
        name: (el.get(w(name)) in ("1", "true", "on"))
        if el.get(w(name)) is not None
        else bool(bits & bit)
        for name, bit in _LOOK_BITS.items()
    }


def _hex(value: str) -> bool:
    try:
        int(value, 16)
    except ValueError:
        return False
    return True
