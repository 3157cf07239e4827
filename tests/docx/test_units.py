"""Unit tests of cmwreport.docx: schema order, right-to-left runs, alignment, slots."""

from __future__ import annotations

import pytest
from lxml import etree

from cmwreport.docx import rtl, slots
from cmwreport.docx.content import Bookmarks, Para, paragraph
from cmwreport.docx.document import WordDocument
from cmwreport.docx.order import ORDER, ordered, place
from cmwreport.docx.package import Package
from cmwreport.docx.xml import W_NS, el, root, w
from tests.conftest import ROOT

NS = {"w": W_NS}


def names(node: etree._Element) -> list[str]:
    return [etree.QName(c).localname for c in node]


def test_ordered_sorts_children_by_the_schema() -> None:
    node = ordered("rPr", [el("lang"), el("rtl"), el("szCs"), el("rFonts"), el("b")])
    assert names(node) == ["rFonts", "b", "szCs", "rtl", "lang"]


def test_place_inserts_at_the_schema_position_and_replaces_its_namesake() -> None:
    ppr = ordered("pPr", [el("pStyle"), el("bidi"), el("jc", {"val": "both"})])
    place(ppr, el("pageBreakBefore"))
    place(ppr, el("jc", {"val": "center"}))
    assert names(ppr) == ["pStyle", "pageBreakBefore", "bidi", "jc"]
    assert ppr.find("w:jc", NS).get(w("val")) == "center"
    assert ORDER["pPr"].index("bidi") < ORDER["pPr"].index("jc")


def test_an_arabic_run_carries_its_properties_in_schema_order() -> None:
    r = rtl.run("نص", rtl=True, extra=rtl.bold(), cs_font="Amiri")
    assert names(r.find("w:rPr", NS)) == ["rFonts", "b", "bCs", "rtl", "lang"]
    assert r.find("w:rPr/w:lang", NS).get(w("bidi")) == "ar-MA"
    assert r.find("w:rPr/w:rFonts", NS).get(w("cs")) == "Amiri"


def test_right_or_end_alignment_is_refused_on_a_right_to_left_paragraph() -> None:
    with pytest.raises(ValueError, match="left"):
        rtl.jc("right", bidi=True)
    with pytest.raises(ValueError):
        rtl.jc("end", bidi=True)
    assert rtl.jc("right", bidi=False).get(w("val")) == "right"


def test_latin_words_stay_in_one_left_to_right_run() -> None:
    latin = " ".join(["migrant workers, (art. 73) of 1990"] * 500) + " x"
    pieces = rtl.split_scripts(f"نص {latin} نص CMW/C/MAR/CO/1، الفقرة 53")
    assert pieces == [
        ("نص ", True),
        (latin, False),
        (" نص ", True),
        ("CMW/C/MAR/CO/1", False),
        ("، الفقرة 53", True),
    ]
    node = paragraph(Para("UNPara", latin), Bookmarks())
    assert len(node.findall("w:r", NS)) == 1


def _paragraph_in_runs(*texts: str) -> etree._Element:
    body = root("body")
    p = etree.SubElement(body, w("p"))
    for text in texts:
        r = etree.SubElement(p, w("r"))
        r.append(ordered("rPr", [el("b"), el("rtl")]))
        etree.SubElement(r, w("t")).text = text
    return body


def test_a_slot_split_across_three_runs_is_found_and_replaced() -> None:
    body = _paragraph_in_runs("الرمز {", "{ sym", "bol }} هنا")
    (found,) = slots.paragraphs_with_slots(body, "body")
    assert [o.name for o in found.slots] == ["symbol"]
    assert found.where == "body paragraph 1"
    slots.replace_inline(found, {"symbol": "CMW/C/MAR/3"})
    p = body[0]
    assert "".join(p.itertext()) == "الرمز CMW/C/MAR/3 هنا"
    runs = {"".join(r.itertext()): r for r in p.iter(w("r"))}
    # The symbol takes the slot's formatting (bold) but not its right-to-left mark.
    symbol = runs["CMW/C/MAR/3"].find("w:rPr", NS)
    assert symbol.find("w:b", NS) is not None and symbol.find("w:rtl", NS) is None


def test_an_unclosed_slot_is_reported() -> None:
    body = _paragraph_in_runs("نص {{ symbol")
    (found,) = slots.paragraphs_with_slots(body, "body")
    assert found.slots[0].end == -1


def test_take_body_frees_a_paragraph_of_many_runs_quickly() -> None:
    document = WordDocument(Package.read(ROOT / "templates" / "periodic-report.docx"))
    big = el("p")
    big.extend(rtl.run(f"w{n}", rtl=n % 2 == 0) for n in range(30_000))
    document.replace_body([big])
    (taken,) = document.take_body()
    assert len(taken) == 30_000
    assert names(document.body) == ["sectPr"]


def test_labels_go_to_sub_paragraphs_of_the_style_list_only() -> None:
    from cmwreport.docx.numbering import Labels

    document = WordDocument(Package.read(ROOT / "templates" / "periodic-report.docx"))

    def sub(direct: str | None = None) -> etree._Element:
        ppr = ordered("pPr", [el("pStyle", {"val": "UNSubPara"})])
        if direct:
            ppr.append(el("numPr", None, el("ilvl", {"val": "0"}), el("numId", {"val": direct})))
        return el("p", None, ppr)

    plain, same_list, other_list = sub(), sub("1"), sub("3")
    labels = Labels(document.package, document.main)
    done = labels.apply([plain, same_list, other_list], lambda p: ("(هـ)", 5))
    assert done == [plain, same_list]
    num_id = plain.find("w:pPr/w:numPr/w:numId", NS).get(w("val"))
    assert num_id == same_list.find("w:pPr/w:numPr/w:numId", NS).get(w("val"))  # one per label
    num = labels.root.find(f"w:num[@w:numId='{num_id}']", NS)
    level = num.find("w:lvlOverride/w:lvl", NS)
    assert level.find("w:lvlText", NS).get(w("val")) == "(هـ)"
    assert level.find("w:numFmt", NS).get(w("val")) == "none"
    assert level.find("w:pPr/w:ind", NS) is not None  # the template's indents kept
    assert other_list.find("w:pPr/w:numPr/w:numId", NS).get(w("val")) == "3"


def test_labels_a_format_prints_are_counted_in_runs() -> None:
    """’1‘ ’2‘ (decimal) and (ب) (ج) (arabicAbjad) are counted, a list instance for each
    run of consecutive numbers; (أ), (هـ) and a label the format cannot print are not."""
    from cmwreport.docx.numbering import Labels

    document = WordDocument(Package.read(ROOT / "templates" / "periodic-report.docx"))
    labels = Labels(document.package, document.main)
    assert [labels.counts("1", "1", n, label) for n, label in enumerate(
        ["(أ)", "(ب)", "(ج)", "(د)", "(هـ)", "(و)"], start=1)] == [
        False, True, True, True, False, True]  # fmt: skip
    assert labels.counts("1", "2", 12, "’12‘")
    assert not labels.counts("1", "1", 2, "(ج)")  # not what the format prints there
    assert not labels.counts("1", "2", 1, "’1.1‘")

    def para(style: str) -> etree._Element:
        return el("p", None, ordered("pPr", [el("pStyle", {"val": style})]))

    given = [
        ("UNSubPara", "(أ)", 1),
        ("UNSubPara", "(ب)", 2),
        ("UNSubSubPara", "’1‘", 1),
        ("UNSubSubPara", "’2‘", 2),
        ("UNSubPara", "(ج)", 3),
        ("UNSubSubPara", "’1‘", 1),
    ]
    paras = [para(style) for style, _, _ in given]
    found = dict(zip(map(id, paras), [(label, n) for _, label, n in given], strict=True))
    labels.apply(paras, lambda p: found[id(p)])
    ids = [p.find("w:pPr/w:numPr/w:numId", NS).get(w("val")) for p in paras]
    # (ب) and (ج) one run across the third level between them; each ’1‘ starts its own.
    assert ids[1] == ids[4] and ids[2] == ids[3] and len({ids[0], ids[1], ids[2], ids[5]}) == 4
    starts = {
        i: labels.root.find(f"w:num[@w:numId='{i}']/w:lvlOverride/w:startOverride", NS) for i in ids
    }
    assert starts[ids[0]] is None  # literal
    assert [starts[ids[i]].get(w("val")) for i in (1, 2, 5)] == ["2", "1", "1"]


def test_a_copy_without_body_writes_what_a_full_copy_writes_once_its_body_is_replaced() -> None:
    # The standalone annex starts from such a copy: its bytes must not change.
    files = [ROOT / "templates" / "periodic-report.docx"]
    files += sorted((ROOT / "tests" / "fixtures" / "real").rglob("*.docx"))[:40]
    compared = 0
    for path in files:
        document = WordDocument.open(path)
        full, shell = document.copy(), document.copy(body=False)
        assert len(shell.body) == (document.body.find(w("sectPr")) is not None)
        for copy in (full, shell):
            copy.replace_body(paragraph(Para("UNPara", "نص"), Bookmarks()) for _ in range(2))
        assert full.package.to_bytes() == shell.package.to_bytes(), path
        compared += 1
    assert compared > 20
