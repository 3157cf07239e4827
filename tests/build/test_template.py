"""templates/periodic-report.docx: what drafters open and edit, and what build reads."""

from __future__ import annotations

import subprocess
import sys
import zipfile
from pathlib import Path

from lxml import etree

from cmwreport.build.merge import REQUIRED
from cmwreport.docx.xml import NSMAP as NS
from cmwreport.docx.xml import w as q
from tests.conftest import ROOT, SOURCES, TEMPLATE, cmwreport
from tests.office import audit_errors


def xml(name: str) -> etree._Element:
    with zipfile.ZipFile(TEMPLATE) as zf:
        return etree.fromstring(zf.read(name))


def test_the_script_still_makes_a_template_build_accepts(tmp_path: Path) -> None:
    # Drafters edit the committed template in Word, so it is not compared with the
    # script's output; the script only has to keep making a valid starting point.
    out = tmp_path / "t.docx"
    subprocess.run(
        [sys.executable, str(ROOT / "scripts" / "make_template.py"), str(out)],
        check=True,
        capture_output=True,
    )
    assert cmwreport("build", SOURCES, "-t", out, "-o", tmp_path / "built") == 0
    assert audit_errors(out) == []


def test_openxml_audit_finds_no_error() -> None:
    assert audit_errors(TEMPLATE) == []


def test_python_docx_opens_it_with_the_contract_styles() -> None:
    import docx

    document = docx.Document(str(TEMPLATE))
    ids = {s.style_id: s.name for s in document.styles}
    for sid in (
        "UNPara", "UNSubPara", "UNSubSubPara", "AnnexPara", "AnnexTitle",
        "Heading1", "Heading2", "Heading3",
    ):  # fmt: skip
        assert sid in ids
    assert ids["UNPara"] == "UN Numbered Paragraph"


def test_it_has_every_required_slot_and_no_unknown_one() -> None:
    with zipfile.ZipFile(TEMPLATE) as zf:
        document = zf.read("word/document.xml").decode()
        header = zf.read("word/header1.xml").decode()
    for name in REQUIRED:
        assert "{{ " + name + " }}" in document
    assert "{{ symbol }}" in header


def test_masthead_and_front_matter() -> None:
    texts = ["".join(t.text for t in p.iter(q("t"))) for p in xml("word/document.xml").iter(q("p"))]
    for expected in (
        "الأمم المتحدة",
        "{{ symbol }}",
        "الاتفاقية الدولية لحماية حقوق جميع العمال المهاجرين وأفراد أسرهم",
        "التوزيع: عام",
        "{{ date }}",
        "الأصل: بالعربية",
        "{{ languages }}",
        "اللجنة المعنية بحماية حقوق جميع العمال المهاجرين وأفراد أسرهم",
        "{{ title }}",
        "[تاريخ الاستلام: {{ date_received }}]",
        "عرض عام",
        "الجزء الأول- معلومات عامة ومعلومات تتعلق بكل مادة من مواد الاتفاقية",
        "ألف- معلومات عامة",
        "الرد على المسألة المثارة في الفقرة 1 من قائمة المسائل",
        "باء- معلومات تتعلق بكل مادة من مواد الاتفاقية",
    ):
        assert expected in texts


def test_section_is_right_to_left_with_header_and_page_numbers() -> None:
    body = xml("word/document.xml").find("w:body", NS)
    sect = body.find("w:sectPr", NS)
    assert sect.find("w:bidi", NS) is not None
    assert sect.find("w:titlePg", NS) is not None  # the masthead page has no running header
    footer = xml("word/footer1.xml")
    assert footer.find(".//w:fldSimple", NS).get(q("instr")).strip() == "PAGE"
    # Page numbers on the outer edge, as the symbol above them: odd pages (facing
    # left in a right-to-left document) on the left, even pages on the right.
    for part, edge in (("word/footer1.xml", "left"), ("word/footer3.xml", "right")):
        ppr = xml(part).find("w:p/w:pPr", NS)
        assert ppr.find("w:jc", NS).get(q("val")) == edge
        assert ppr.find("w:bidi", NS).get(q("val")) == "0"
    (masthead, *_) = body.iter(q("tbl"))
    assert masthead.find("w:tblPr/w:bidiVisual", NS) is not None


def test_part_headings_carry_their_titles() -> None:
    parts = [
        "".join(t.text for t in p.iter(q("t")))
        for p in xml("word/document.xml").iter(q("p"))
        if p.find("w:pPr/w:pStyle", NS) is not None
        and p.find("w:pPr/w:pStyle", NS).get(q("val")) == "Heading1"
    ]
    numbered = [text for text in parts if text.startswith("الجزء")]
    assert len(numbered) == 3
    for text in numbered:
        assert "- " in text and len(text.split("- ", 1)[1]) > 5, text


def test_body_styles_keep_widows_and_orphans_and_running_heads_have_a_rule() -> None:
    styles = {s.get(q("styleId")): s for s in xml("word/styles.xml").iter(q("style"))}
    assert styles["Normal"].find("w:pPr/w:widowControl", NS) is not None
    for style in ("UNPara", "UNSubPara", "AnnexPara", "AnnexText"):
        assert styles[style].find("w:basedOn", NS).get(q("val")) == "Normal"
        assert styles[style].find("w:pPr/w:widowControl", NS) is None  # inherited
    assert styles["Header"].find("w:pPr/w:pBdr/w:bottom", NS) is not None
    assert styles["Footer"].find("w:rPr/w:b", NS) is not None


def test_law_number_and_its_name_never_split() -> None:
    texts = ["".join(t.text for t in p.iter(q("t"))) for p in xml("word/document.xml").iter(q("p"))]
    found = [text for text in texts if "02.03" in text]
    assert found and all("القانون\u00a0رقم\u00a002.03" in text for text in found)


def test_styles_are_arabic_right_to_left_with_amiri() -> None:
    styles = xml("word/styles.xml")
    fonts = styles.find("w:docDefaults/w:rPrDefault/w:rPr/w:rFonts", NS)
    assert fonts.get(q("cs")) == fonts.get(q("ascii")) == "Amiri"
    lang = styles.find("w:docDefaults/w:rPrDefault/w:rPr/w:lang", NS)
    assert lang.get(q("bidi")) == "ar-MA"
    normal = styles.find("w:style[@w:styleId='Normal']/w:pPr", NS)
    assert normal.find("w:bidi", NS) is not None
    for jc in styles.iter(q("jc")):
        assert jc.get(q("val")) not in ("right", "end")
    table = xml("word/fontTable.xml")
    amiri = table.find("w:font[@w:name='Amiri']", NS)
    assert amiri.find("w:altName", NS).get(q("val")) == "Noto Naskh Arabic"


def test_un_paragraph_styles_point_at_the_un_list() -> None:
    styles = xml("word/styles.xml")

    def num(sid: str) -> tuple[str, str]:
        node = styles.find(f"w:style[@w:styleId='{sid}']/w:pPr/w:numPr", NS)
        return node.find("w:numId", NS).get(q("val")), node.find("w:ilvl", NS).get(q("val"))

    assert num("UNPara") == ("1", "0")
    assert num("UNSubPara") == ("1", "1")
    assert num("UNSubSubPara") == ("1", "2")
    assert num("AnnexPara")[1] == "0" and num("AnnexPara")[0] != "1"


def test_headings_keep_with_the_next_paragraph() -> None:
    styles = xml("word/styles.xml")
    for level in (1, 2, 3):
        (style,) = styles.findall(f"w:style[@w:styleId='Heading{level}']", NS)
        for prop in ("keepNext", "keepLines", "bidi"):
            assert style.find(f"w:pPr/w:{prop}", NS) is not None, (level, prop)


def test_it_names_no_cycle_and_writes_law_numbers_officially() -> None:
    texts = ["".join(t.text for t in p.iter(q("t"))) for p in xml("word/document.xml").iter(q("p"))]
    body = " ".join(texts)
    assert "التقرير الدوري {{ ordinal }}" in body
    for cycle_text in ("الدوري الثاني", "CMW/C/MAR/2", "CO/1", "QPR/2"):
        assert cycle_text not in body, cycle_text
    assert "القانون\u00a0رقم\u00a002.03" in body and "02-03" not in body
    # The one paragraph number of a cited document: in the drafting placeholder's
    # paragraph on the list of issues' paragraph 1 (b), which cites it (para. 10).
    cited = [text for text in texts if "{{ co_symbol }}" in text]
    assert cited and all("{{ co_symbol }}، الفقرة 10)" in text for text in cited)
    assert all("[نص يحرره فريق الصياغة]" in text for text in cited)


def test_it_declares_its_drafting_placeholder() -> None:
    props = xml("docProps/custom.xml")
    (prop,) = [p for p in props if p.get("name") == "cmwreport.placeholder"]
    marker = "".join(prop.itertext())
    assert marker == "[نص يحرره فريق الصياغة]"
    styled = [
        r
        for r in xml("word/document.xml").iter(q("r"))
        if r.find("w:rPr/w:rStyle[@w:val='DraftingPlaceholder']", NS) is not None
    ]
    assert {"".join(t.text for t in r.iter(q("t"))) for r in styled} == {marker}


def test_odd_and_even_headers_put_the_symbol_on_the_outer_edge() -> None:
    settings = xml("word/settings.xml")
    assert settings.find("w:evenAndOddHeaders", NS) is not None
    sect = xml("word/document.xml").find("w:body/w:sectPr", NS)
    kinds = {r.get(q("type")) for r in sect.findall("w:headerReference", NS)}
    assert kinds == {"default", "even", "first"}
    odd, even = xml("word/header1.xml"), xml("word/header3.xml")
    assert odd.find(".//w:jc", NS).get(q("val")) == "left"  # odd pages face left
    assert even.find(".//w:jc", NS).get(q("val")) == "right"
    for header in (odd, even):
        assert header.find(".//w:bidi", NS).get(q("val")) == "0"  # a left-to-right symbol


def test_the_document_ends_with_the_closing_rule_after_the_annex() -> None:
    body = xml("word/document.xml").find("w:body", NS)
    paragraphs = body.findall("w:p", NS)
    last = paragraphs[-1].find("w:pPr/w:pStyle", NS).get(q("val"))
    assert last == "ClosingRule"
    assert "".join(t.text for t in paragraphs[-2].iter(q("t"))) == "{{ annex }}"
    rule = xml("word/styles.xml").find("w:style[@w:styleId='ClosingRule']/w:pPr/w:pBdr/w:top", NS)
    assert rule is not None


def test_list_numbers_stand_inside_the_text_block() -> None:
    for lvl in xml("word/numbering.xml").iter(q("lvl")):
        assert lvl.find("w:lvlJc", NS).get(q("val")) == "center"
        ind = lvl.find("w:pPr/w:ind", NS)
        assert int(ind.get(q("hanging"))) * 2 <= int(ind.get(q("left")))
