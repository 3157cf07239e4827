"""templates/periodic-report.docx: what drafters open and edit, and what build reads."""

from __future__ import annotations

import subprocess
import sys
import zipfile
from pathlib import Path

from lxml import etree

from cmwreport.build.merge import REQUIRED, check_template
from tests.conftest import ROOT
from tests.office import audit_errors

TEMPLATE = ROOT / "templates" / "periodic-report.docx"
W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
NS = {"w": W}


def q(tag: str) -> str:
    return f"{{{W}}}{tag}"


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
    check_template(out, str(out))  # raises TemplateProblem otherwise
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
    check_template(TEMPLATE, str(TEMPLATE))  # raises TemplateProblem otherwise
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
        "اللجنة المعنية بحماية حقوق جميع العمال المهاجرين وأفراد أسرهم",
        "{{ title }}",
        "[تاريخ الاستلام: {{ date_received }}]",
        "عرض عام",
        "الجزء الأول",
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
    (masthead, *_) = body.iter(q("tbl"))
    assert masthead.find("w:tblPr/w:bidiVisual", NS) is not None


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
