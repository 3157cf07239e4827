"""docx/rtl.py and the right-to-left markup docx/content.py writes with it.

Word rejects (or silently repairs) a property container whose children are out of
schema order, so every container written is checked against ECMA-376's sequence
(cmwreport.docx.order.ORDER), whatever order the properties were given in.
"""

from __future__ import annotations

import pytest
from lxml import etree

from cmwreport.docx import rtl
from cmwreport.docx.content import Bookmarks, Para, Row, Table, paragraph, table
from cmwreport.docx.order import ORDER
from cmwreport.docx.xml import NSMAP as NS
from cmwreport.docx.xml import el, w


def names(node: etree._Element) -> list[str]:
    return [etree.QName(c).localname for c in node]


def in_schema_order(node: etree._Element) -> bool:
    ranks = [ORDER[etree.QName(node).localname].index(n) for n in names(node)]
    return ranks == sorted(ranks)


EXTRAS = {
    "bold": rtl.bold,
    "size": lambda: rtl.size(28),
    "fonts": lambda: [rtl.fonts("Amiri")],
    "style": lambda: [el("rStyle", {"val": "Placeholder"})],
    "colour": lambda: [el("color", {"val": "808080"})],
}


@pytest.mark.parametrize(
    "order", [tuple(EXTRAS), tuple(reversed(EXTRAS)), ("colour", "style", "bold", "fonts", "size")]
)
def test_run_properties_are_in_schema_order_whatever_order_they_are_given(order) -> None:
    extra = [prop for name in order for prop in EXTRAS[name]()]
    for is_rtl in (True, False):
        rpr = rtl.run("نص", rtl=is_rtl, extra=extra, cs_font="Amiri").find("w:rPr", NS)
        assert in_schema_order(rpr), names(rpr)
        assert (rpr.find("w:rtl", NS) is not None) is is_rtl


def test_an_arabic_run_gets_direction_language_and_complex_script_font() -> None:
    rpr = rtl.run("تقرير", rtl=True, extra=rtl.size(28), cs_font="Amiri").find("w:rPr", NS)
    # rtl comes after szCs and before lang in CT_RPr: the order Word requires.
    assert names(rpr) == ["rFonts", "sz", "szCs", "rtl", "lang"]
    assert rpr.find("w:lang", NS).get(w("bidi")) == "ar-MA"
    assert rpr.find("w:rFonts", NS).get(w("cs")) == "Amiri"


def test_a_latin_run_carries_no_right_to_left_mark() -> None:
    r = rtl.run("CMW/C/MAR/2", rtl=False)
    assert r.find("w:rPr", NS) is None
    assert r.find("w:t", NS).text == "CMW/C/MAR/2"


def test_extra_properties_are_copied_not_moved_between_runs() -> None:
    shared = rtl.bold()
    first = rtl.run("أ", rtl=True, extra=shared)
    second = rtl.run("ب", rtl=True, extra=shared)
    assert first.find("w:rPr/w:b", NS) is not None and second.find("w:rPr/w:b", NS) is not None


def test_set_direction_marks_arabic_and_keeps_a_runs_language() -> None:
    french = el("lang", {"val": "fr-FR"})
    props = rtl.set_direction([el("b"), french, el("rtl")], is_rtl=True)
    assert names(el("rPr", None, *props)).count("rtl") == 1
    assert french.get(w("val")) == "fr-FR" and french.get(w("bidi")) == "ar-MA"
    latin = rtl.set_direction([el("b"), el("rtl"), el("lang", {"bidi": "ar-MA"})], is_rtl=False)
    assert names(el("rPr", None, *latin)) == ["b", "lang"]


def test_a_toggle_switched_off_writes_val_0() -> None:
    assert rtl.on("bidi").get(w("val")) is None
    assert rtl.on("bidi", False).get(w("val")) == "0"


def test_an_arabic_paragraph_is_bidi_with_its_properties_in_schema_order() -> None:
    node = paragraph(Para("UNPara", "نص عربي", align="both", page_break_before=True), Bookmarks())
    ppr = node.find("w:pPr", NS)
    assert names(ppr) == ["pStyle", "pageBreakBefore", "bidi", "jc"]
    assert ppr.find("w:bidi", NS).get(w("val")) is None
    assert ppr.find("w:jc", NS).get(w("val")) == "both"


def test_a_latin_paragraph_switches_the_styles_direction_off() -> None:
    node = paragraph(Para("Symbol", "CMW/C/MAR/2", rtl=False, align="right"), Bookmarks())
    ppr = node.find("w:pPr", NS)
    assert names(ppr) == ["pStyle", "bidi", "jc"]
    assert ppr.find("w:bidi", NS).get(w("val")) == "0"
    assert node.find("w:r/w:rPr/w:rtl", NS) is None


def test_right_alignment_of_an_arabic_paragraph_is_refused_before_writing() -> None:
    with pytest.raises(ValueError, match="right-to-left"):
        paragraph(Para("UNPara", "نص", align="right"), Bookmarks())


def test_a_right_to_left_table_is_bidi_visual_in_schema_order() -> None:
    rows = [Row([[Para("TableText", "وجدة")], [Para("TableText", "5 أبريل")]], header=True)]
    node = table(Table([3000, 2000], rows, caption="اللقاءات"), Bookmarks())
    tblpr = node.find("w:tblPr", NS)
    assert "bidiVisual" in names(tblpr) and in_schema_order(tblpr)
    for tc in node.iter(w("tc")):
        assert in_schema_order(tc.find("w:tcPr", NS))
    assert all(p.find("w:pPr/w:bidi", NS) is not None for p in node.iter(w("p")))
    ltr = table(Table([3000], [Row([[Para("TableText", "x", rtl=False)]])], rtl=False), Bookmarks())
    assert ltr.find("w:tblPr/w:bidiVisual", NS) is None


@pytest.mark.parametrize(
    "text",
    [
        "الفقرة 53 من الملاحظات الختامية",
        "انظر CMW/C/MAR/CO/1، الفقرة 53، و{{ symbol }} هنا.",
        "Latin only, (art. 73) of 1990",
        "",
        "{{ a }}{{ b }}",
    ],
)
def test_split_scripts_loses_nothing_and_makes_no_empty_run(text: str) -> None:
    pieces = rtl.split_scripts(text)
    assert "".join(seg for seg, _ in pieces) == text
    assert all(seg for seg, _ in pieces)


def test_digits_in_arabic_stay_in_the_arabic_run_and_a_slot_stays_whole() -> None:
    assert rtl.split_scripts("الفقرة 53") == [("الفقرة 53", True)]
    assert rtl.split_scripts("الرمز {{ symbol }} هنا") == [
        ("الرمز ", True),
        ("{{ symbol }}", False),
        (" هنا", True),
    ]


@pytest.mark.parametrize("text", ["نص عربي", " نص  بفراغين ", "نص"])
def test_a_bookmarked_arabic_paragraph_is_what_element_by_element_writes(text) -> None:
    # content.py copies one paragraph per kind for these (most of the annex): the copy,
    # filled in, must serialise as the paragraph built element by element.
    marks = Bookmarks(first_id=7)
    first = paragraph(Para("AnnexText", text, bookmark="rec-1"), marks, cs_font="Amiri")
    second = paragraph(Para("AnnexText", text, bookmark="rec-2"), marks, cs_font="Amiri")
    built = Bookmarks(first_id=8)
    expected = el("p")
    expected.append(first.find("w:pPr", NS).__copy__())
    built.wrap(expected, "rec-2", [rtl.run(text, rtl=True, cs_font="Amiri")])
    assert etree.tostring(second) == etree.tostring(expected)
    assert names(second) == ["pPr", "bookmarkStart", "r", "bookmarkEnd"]
    start = second.find("w:bookmarkStart", NS)
    assert (start.get(w("id")), start.get(w("name"))) == ("8", "_cmw_rec_2")
    t = second.find("w:r/w:t", NS)
    assert t.text == text
    preserved = t.get("{http://www.w3.org/XML/1998/namespace}space") == "preserve"
    assert preserved is (text != text.strip() or "  " in text)


def test_one_script_answers_as_a_search_for_a_latin_start_does_for_every_code_point() -> None:
    # one_script tests bytes (encode, translate) rather than searching: the same answer,
    # alone and inside Arabic text, for every code point but lone surrogates.
    import re
    import sys

    latin_start = re.compile(r"[A-Za-z{]")
    checked = 0
    for code in range(sys.maxunicode + 1):
        if 0xD800 <= code <= 0xDFFF:
            continue
        text = f"نص {chr(code)} نص"
        assert rtl.one_script(text) == (latin_start.search(text) is None), hex(code)
        checked += 1
    assert checked == sys.maxunicode + 1 - 2048
    assert not rtl.one_script("نص {{slot}}") and rtl.one_script("") and rtl.one_script("١٢ (٣)")
