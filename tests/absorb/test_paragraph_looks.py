"""A paragraph's alignment, indentation or spacing, and text made hidden or shaded, are
reported with the paragraph and the words, never dropped while absorb says everything
was absorbed (issue 17). Written as Word writes them: the property in its place in
w:pPr or w:rPr (ECMA-376 Part 1 schema order)."""

from __future__ import annotations

import pytest
from docx.oxml import parse_xml
from docx.oxml.ns import qn

from tests import drafts as d
from tests.absorb.workspace import Workspace

HARMONISE = "التسريع بملائمة القانون"

#: Children of w:pPr and w:rPr that come after those these tests add, in schema order.
_PPR_AFTER = ("ind", "contextualSpacing", "mirrorIndents", "suppressOverlap", "jc")
_PPR_AFTER += ("textDirection", "textAlignment", "textboxTightWrap", "outlineLvl")
_PPR_AFTER += ("divId", "cnfStyle", "rPr", "sectPr", "pPrChange")
_RPR_AFTER = ("webHidden", "color", "spacing", "w", "kern", "position", "sz", "szCs")
_RPR_AFTER += ("highlight", "u", "effect", "bdr", "shd", "fitText", "vertAlign", "rtl")
_RPR_AFTER += ("cs", "em", "lang", "eastAsianLayout", "specVanish", "oMath", "rPrChange")


@pytest.fixture
def ws(tmp_path) -> Workspace:
    return Workspace.make(tmp_path)


def _put(parent, xml: str, after: tuple[str, ...]) -> None:
    """Set a property as Word does: replace its element, or insert it before the
    first of the elements the schema puts after it."""
    el = parse_xml(xml)
    old = parent.find(el.tag)
    if old is not None:
        parent.replace(old, el)
        return
    later = {qn(f"w:{name}") for name in after}
    for i, child in enumerate(parent):
        if child.tag in later:
            parent.insert(i, el)
            return
    parent.append(el)


def _ppr(p):
    ppr = p.find(qn("w:pPr"))
    if ppr is None:
        ppr = parse_xml(f"<w:pPr {d.NS}/>")
        p.insert(0, ppr)
    return ppr


def paragraph_property(fragment: str, xml: str, after: tuple[str, ...]) -> d.Edit:
    def edit(doc) -> None:
        _put(_ppr(d._paragraph(doc, fragment)), xml, after)

    return edit


def run_property(fragment: str, word: str, xml: str, after: tuple[str, ...]) -> d.Edit:
    def edit(doc) -> None:
        run = d._isolate(d._paragraph(doc, fragment), word)
        rpr = run.find(qn("w:rPr"))
        if rpr is None:
            rpr = parse_xml(f"<w:rPr {d.NS}/>")
            run.insert(0, rpr)
        _put(rpr, xml, after)

    return edit


CENTRED = paragraph_property(HARMONISE, f'<w:jc {d.NS} w:val="center"/>', _PPR_AFTER[5:])
INDENTED = paragraph_property(
    HARMONISE, f'<w:ind {d.NS} w:start="720" w:firstLine="0"/>', _PPR_AFTER[1:]
)
HIDDEN = run_property(HARMONISE, "الحماية الفعلية", f"<w:vanish {d.NS}/>", _RPR_AFTER)
SHADED = run_property(
    HARMONISE,
    "الحماية الفعلية",
    f'<w:shd {d.NS} w:val="clear" w:color="auto" w:fill="FFFF00"/>',
    _RPR_AFTER[13:],
)


@pytest.mark.parametrize(
    ("edit", "said"),
    [
        (CENTRED, "alignment: justified -> centred"),
        (
            INDENTED,
            "indent at the start: 1.1 cm -> 1.27 cm; first-line indent: hanging 0.6 cm -> 0 cm",
        ),
        (HIDDEN, "made hidden: «الحماية الفعلية»"),
        (SHADED, "shading none -> FFFF00: «الحماية الفعلية»"),
    ],
    ids=["centred", "indented", "hidden", "shaded"],
)
def test_paragraph_and_run_looks_are_reported_not_dropped(ws, tmp_path, edit, said):
    before = ws.snapshot()
    draft = d.edited(ws.report, tmp_path / "looks.docx", edit)
    proc = ws.absorb(draft)
    assert proc.returncode == 1, proc.stdout + proc.stderr
    assert f"not absorbed: annex para. 1: formatting the sources cannot hold: {said}" in (
        proc.stdout
    ), proc.stdout
    assert "0 edit(s) absorbed, 1 not absorbed" in proc.stdout
    assert ws.snapshot() == before


def test_a_paragraph_centred_with_its_words_changed_absorbs_the_words(ws, tmp_path):
    draft = d.edited(
        ws.report,
        tmp_path / "looks.docx",
        d.change_word("التسريع", "الإسراع"),
        paragraph_property(
            HARMONISE.replace("التسريع", "الإسراع"),
            f'<w:jc {d.NS} w:val="center"/>',
            _PPR_AFTER[5:],
        ),
    )
    proc = ws.absorb(draft)
    assert proc.returncode == 1, proc.stdout + proc.stderr
    assert "-> centred" in proc.stdout
    assert "1 edit(s) absorbed, 1 not absorbed" in proc.stdout
    assert '"الإسراع بملائمة' in (ws.sources / "axes" / "legal-framework.yaml").read_text()
