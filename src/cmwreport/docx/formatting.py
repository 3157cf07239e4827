"""Effective character formatting: what a run looks like once document defaults,
paragraph style, character style (each with the styles they are based on) and direct
formatting are applied, in that order.

Compared as effective values, not as XML: LibreOffice rewrites a re-saved draft's
properties (direct formatting where a style had it, theme fonts by their names, runs
split at digits and Latin words, `w:rtl` moved) without changing how any character
looks. Which set of properties applies is decided per character, not per run, so that
splitting a run changes nothing: Arabic and Hebrew letters are read through the
complex-script properties (bCs, iCs, szCs, the cs font), Latin letters through the
others, and digits, punctuation and spaces through those of the paragraph's
direction.
"""

from __future__ import annotations

import re

from lxml import etree

from cmwreport.docx import wordml as n
from cmwreport.docx.styles import Styles, numpr_of
from cmwreport.docx.xml import w

A_NS = "http://schemas.openxmlformats.org/drawingml/2006/main"
_RTL_LETTER = "\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufefc"
#: Runs of one character class: right-to-left letters, other letters, the rest (weak).
_CLASSES = re.compile(rf"[{_RTL_LETTER}]+|[^\W\d_{_RTL_LETTER}]+|[\W\d_]+")

#: The properties compared, in the order they are reported.
PROPERTIES = ("bold", "italic", "underline", "strike", "size", "font", "colour", "highlight")
PROPERTIES += ("position", "hidden", "shading")
_OFF = ("0", "false", "off", "none")


def _on(el) -> bool:
    return (el.get(n.VAL) or "true") not in _OFF


#: Word's size where nothing sets one, as a layer (a table style starts from it).
_WORD_SIZE = object()


def _read_rpr(rpr, complex_script: bool) -> dict[str, str | bool | None]:
    """The properties one w:rPr sets (absent ones are left out, not defaulted)."""
    out: dict[str, str | bool | None] = {}
    if rpr is None:
        return out
    if rpr is _WORD_SIZE:
        return {"size": "20"}
    suffix = "Cs" if complex_script else ""
    for el in rpr:
        tag = el.tag
        if tag == w("b" + suffix):
            out["bold"] = _on(el)
        elif tag == w("i" + suffix):
            out["italic"] = _on(el)
        elif tag == w("u"):
            # No w:val is no underline (an underline colour kept for later), as Word
            # and LibreOffice read it (ECMA-376 Part 1, 17.3.2.40).
            value = el.get(n.VAL)
            out["underline"] = None if value in (None, "none") else value
        elif tag in (w("strike"), w("dstrike")):
            out["strike"] = _on(el) or out.get("strike", False)
        elif tag == w("sz" + suffix):
            out["size"] = el.get(n.VAL)
        elif tag == w("rFonts"):
            font = _font(el, complex_script)
            if font is not None:
                out["font"] = font
        elif tag == w("color"):
            value = el.get(n.VAL)
            out["colour"] = None if value in (None, "auto") else value.upper()
        elif tag == w("highlight"):
            value = el.get(n.VAL)
            out["highlight"] = None if value in (None, "none") else value
        elif tag == w("vanish"):
            out["hidden"] = _on(el)
        elif tag == w("shd"):
            # The fill is what shows; "auto" or none is no shading (a w:val pattern
            # over no fill looks the same as none).
            value = el.get(w("fill"))
            out["shading"] = None if value in (None, "auto") else value.upper()
        elif tag == w("vertAlign"):
            value = el.get(n.VAL)
            out["position"] = None if value in (None, "baseline") else value
    return out


def _font(el, complex_script: bool) -> str | None:
    if complex_script:
        return el.get(w("cs")) or _theme(el.get(w("cstheme")))
    return el.get(w("ascii")) or el.get(w("hAnsi")) or _theme(el.get(w("asciiTheme")))


def _theme(value: str | None) -> str | None:
    return f"theme:{value}" if value else None


def theme_fonts(theme) -> dict[str, str]:
    """Theme font references (minorBidi, majorHAnsi ...) -> the typeface they name."""
    out: dict[str, str] = {}
    if theme is None:
        return out
    for scheme, prefix in (("majorFont", "major"), ("minorFont", "minor")):
        fonts = next(theme.iter(f"{{{A_NS}}}{scheme}"), None)
        if fonts is None:
            continue
        for script, names in (
            ("latin", ("HAnsi", "Ascii")),
            ("cs", ("Bidi",)),
            ("ea", ("EastAsia",)),
        ):
            face = fonts.find(f"{{{A_NS}}}{script}")
            if face is not None and face.get("typeface"):
                for name in names:
                    out[f"theme:{prefix}{name}"] = face.get("typeface")
    return out


class StyleSheet:
    """Effective run properties from the one styles reader (docx/styles.py), cached per
    combination of styles, table conditions and direct properties."""

    def __init__(self, styles: Styles, theme=None, numbering=None) -> None:
        from cmwreport.docx.paragraph_look import list_levels

        self.styles = styles
        #: (numId, ilvl) -> the list level's w:pPr (a numbered paragraph's indents).
        self.levels = list_levels(numbering)
        self.themes = theme_fonts(theme)
        self._cache: dict[tuple, tuple] = {}

    def paragraph_bidi(self, p, sid: str | None) -> bool:
        bidi = p.find(f"{n.PPR}/{w('bidi')}")
        if bidi is not None:
            return _on(bidi)
        for style in reversed(self.styles.chain(sid or self.styles.default_para)):
            if style in self.styles.bidi:
                return self.styles.bidi[style]
        return False

    def paragraph(self, p, pstyle: str | None, table=((), [])) -> tuple:
        """The paragraph's effective alignment, indentation and spacing. A table
        style's w:pPr goes where its w:rPr goes (see `effective`): over the default
        paragraph style, under any other (Word shows Normal text in a table with the
        table style's spacing, and LibreOffice writes that spacing out directly)."""
        from cmwreport.docx import paragraph_look

        direct = p.find(n.PPR)
        parts = ()
        if direct is not None:
            parts = tuple(
                etree.tostring(el)
                for el in (direct.find(w("jc")), direct.find(w("ind")), direct.find(w("spacing")))
                if el is not None
            )
        numpr = direct.find(n.NUMPR) if direct is not None else None
        if numpr is not None:
            parts += (etree.tostring(numpr),)
        key = ("pPr", pstyle, parts, table[0])
        found = self._cache.get(key)
        if found is None:
            styles = self.styles
            pstyle = pstyle or styles.default_para
            paragraph = [styles.ppr.get(s) for s in styles.chain(pstyle)]
            tabled = [styles.ppr.get(s) for s in styles.chain(table[0][0])] if table[0] else []
            if pstyle == styles.default_para:
                layers = [styles.ppr_defaults, *paragraph, *tabled]
            else:
                layers = [styles.ppr_defaults, *tabled, *paragraph]
            num_id, ilvl = styles.numbering(pstyle)
            if numpr is not None:
                own_id, own_level = numpr_of(numpr)
                num_id, ilvl = own_id or num_id, own_level or ilvl
            layers.append(self.levels.get((num_id, ilvl or "0")))
            found = self._cache[key] = paragraph_look.effective(layers, direct)
        return found

    def style_name(self, sid: str | None) -> str | None:
        sid = sid or self.styles.default_para
        return self.styles.names.get(sid, sid) if sid else None

    def effective(
        self, pstyle: str | None, rstyle: str | None, rpr, cs: bool, table=((), [])
    ) -> tuple:
        key = (pstyle, rstyle, etree.tostring(rpr) if rpr is not None else b"", cs, table[0])
        found = self._cache.get(key)
        if found is None:
            styles = self.styles
            # Word's own defaults where nothing sets a property (10 pt: ECMA-376 17.3.2.38).
            props: dict = {"bold": False, "italic": False, "strike": False, "size": "20"}
            props["hidden"] = False
            pstyle = pstyle or styles.default_para
            paragraph = [styles.rpr.get(s) for s in styles.chain(pstyle)]
            # A table style's formatting is over the document defaults and under the
            # paragraph's style, except the default paragraph style ("Normal"), which
            # it overrides, the document defaults included (a table style is built on
            # them): Normal text in a table shows the defaults' size where Normal sets
            # another, as Word shows it and LibreOffice writes it out directly.
            if table[0] and pstyle == styles.default_para:
                layers = [styles.defaults, *paragraph, _WORD_SIZE, styles.defaults, *table[1]]
            elif pstyle == styles.default_para:
                layers = [styles.defaults, *paragraph]
            else:
                layers = [styles.defaults, *table[1], *paragraph]
            layers += [styles.rpr.get(s) for s in styles.chain(rstyle)]
            for layer in layers:
                props.update(_read_rpr(layer, cs))
            props.update(_read_rpr(rpr, cs))
            font = props.get("font")
            if isinstance(font, str) and font.startswith("theme:"):
                props["font"] = self.themes.get(font, font)
            found = self._cache[key] = tuple(props.get(name) for name in PROPERTIES)
        return found


def paragraph_formatting(
    p, pieces, sheet: StyleSheet, at: int = 0
) -> tuple[str | None, list, tuple]:
    """(style name, [(start, end, properties)], paragraph properties) for a paragraph's
    pieces of text."""
    ps = p.find(f"{n.PPR}/{n.PSTYLE}")
    pstyle = ps.get(n.VAL) if ps is not None else None
    bidi = sheet.paragraph_bidi(p, pstyle)
    table = sheet.styles.table_layers(p)
    spans: list = []
    for run, element, text in pieces:
        rpr = run.find(n.RPR) if run.tag == n.R else None
        rs = rpr.find(w("rStyle")) if rpr is not None else None
        rstyle = rs.get(n.VAL) if rs is not None else None
        looks: dict[bool, tuple] = {}
        for segment in _CLASSES.finditer(text):
            piece = segment.group(0)
            if run.tag != n.R:
                props = None
            elif not piece.strip() and spans:
                props = spans[-1][2]  # spaces take the look of what precedes them
            else:
                first = piece[0]
                complex_script = True if _rtl(first) else False if first.isalpha() else bidi
                props = looks.get(complex_script)
                if props is None:
                    props = looks[complex_script] = sheet.effective(
                        pstyle, rstyle, rpr, complex_script, table
                    )
            if element.tag == n.SYM and props is not None:
                # A symbol is its character in its own font, whatever the run's font
                # (LibreOffice writes it as text in a run of that font).
                props = _with_font(props, element.get(w("font")))
            start, end = at + segment.start(), at + segment.end()
            if spans and spans[-1][2] == props and spans[-1][1] == start:
                spans[-1] = (spans[-1][0], end, props)
            else:
                spans.append((start, end, props))
        at += len(text)
    return sheet.style_name(pstyle), spans, sheet.paragraph(p, pstyle, table)


_FONT = PROPERTIES.index("font")


def _with_font(props: tuple, font: str | None) -> tuple:
    return props if not font else (*props[:_FONT], font, *props[_FONT + 1 :])


_RTL = re.compile(f"[{_RTL_LETTER}]")


def _rtl(char: str) -> bool:
    return _RTL.match(char) is not None
