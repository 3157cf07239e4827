"""`cmwreport build`: the report and its annex from the shipped sources and template.

Documents are checked as XML (direction, bookmarks, numbering, slots), reopened with
python-docx, and validated with openxml-audit. LibreOffice rendering is in
test_office.py.
"""

from __future__ import annotations

import hashlib
import re
import shutil
import unicodedata
import zipfile
from pathlib import Path

import pytest
from lxml import etree

from cmwreport.arabic.script import PRESENTATION_FORMS, has_arabic
from cmwreport.commands import validate as validate_command
from cmwreport.docx.xml import NSMAP as NS
from cmwreport.docx.xml import w as q
from tests.conftest import ANNEX, REPORT, ROOT, SEED, SOURCES, TEMPLATE, cmwreport
from tests.office import audit_errors

BAD = ROOT / "tests" / "fixtures" / "templates"


def run_build(sources: Path, out: Path, template: Path = TEMPLATE, fmt: str = "text") -> int:
    return cmwreport("build", sources, "--template", template, "--out", out, "--format", fmt)


def part(docx: Path, name: str = "word/document.xml") -> etree._Element:
    with zipfile.ZipFile(docx) as zf:
        return etree.fromstring(zf.read(name))


def paragraphs(root: etree._Element) -> list[tuple[str, str]]:
    """(style id, text) of every paragraph in document order."""
    out = []
    for p in root.iter(q("p")):
        style = p.find("w:pPr/w:pStyle", NS)
        text = "".join(t.text or "" for t in p.iter(q("t")))
        out.append((style.get(q("val")) if style is not None else "", text))
    return out


def nb(text: str) -> str:
    """Text with no-break spaces, as generated dates are written."""
    return text.replace(" ", "\u00a0")


def sources_recommendations() -> list[tuple[str, str]]:
    from cmwreport.sources.load import load_sources

    cons = load_sources(SOURCES).sources.consultations
    return [(rec.id, rec.text) for axis in cons.axes for rec in axis.recommendations]


# --- outputs -------------------------------------------------------------------------


def test_writes_the_report_and_the_annex_named_after_the_symbol(built: Path) -> None:
    assert sorted(p.name for p in built.iterdir()) == [ANNEX, REPORT]


def test_python_docx_reopens_both(built: Path) -> None:
    import docx

    report = docx.Document(str(built / REPORT))
    annex = docx.Document(str(built / ANNEX))
    assert any("CMW/C/MAR/2" in p.text for p in report.sections[0].header.paragraphs)
    assert report.tables[0].rows[0].cells[1].text == "CMW/C/MAR/2"
    assert sum(p.style.style_id == "AnnexPara" for p in annex.paragraphs) == 26
    assert sum(p.style.style_id == "AnnexPara" for p in report.paragraphs) == 26


def test_openxml_audit_finds_no_error(built: Path) -> None:
    assert audit_errors(built / REPORT) == []
    assert audit_errors(built / ANNEX) == []


def test_no_slot_is_left_and_the_masthead_is_filled(built: Path) -> None:
    for name in (REPORT, ANNEX):
        with zipfile.ZipFile(built / name) as zf:
            for entry in zf.namelist():
                if entry.endswith(".xml"):
                    assert b"{{" not in zf.read(entry), (name, entry)
    texts = [text for _, text in paragraphs(part(built / REPORT))]
    assert "CMW/C/MAR/2" in texts
    # The masthead's dates as the UN prints them (paired month names), unbreakable.
    assert nb("28 تشرين الثاني/نوفمبر 2022") in texts
    assert "[تاريخ الاستلام: " + nb("18 تشرين الثاني/نوفمبر 2022") + "]" in texts
    assert "التوزيع: عام" in texts and "الأصل: بالعربية" in texts
    assert any(t.startswith("التقرير الدوري الثاني المقدم من المغرب") for t in texts)


def _masthead_info(docx: Path) -> list[str]:
    return [text for style, text in paragraphs(part(docx)) if style == "MastheadInfo"]


def test_languages_line_under_the_original_and_gone_without_languages(
    built: Path, tree: Path, tmp_path: Path
) -> None:
    lines = _masthead_info(built / REPORT)
    assert lines[-2:] == ["الأصل: بالعربية", "الإسبانية والإنكليزية والعربية والفرنسية فقط"]
    report = tree / "report.yaml"
    report.write_text(
        report.read_text(encoding="utf-8").replace(
            "languages: [ar, en, fr, es]", "languages: [fr, ar]"
        ),
        encoding="utf-8",
    )
    assert run_build(tree, tmp_path / "two") == 0
    assert _masthead_info(tmp_path / "two" / REPORT)[-1] == "العربية والفرنسية فقط"
    text = report.read_text(encoding="utf-8")
    report.write_text(text.replace("languages: [fr, ar]\n", ""), encoding="utf-8")
    assert run_build(tree, tmp_path / "all") == 0
    # Issued in all languages: no line, and no empty paragraph left in the masthead.
    assert _masthead_info(tmp_path / "all" / REPORT) == [
        "التوزيع: عام",
        nb("28 تشرين الثاني/نوفمبر 2022"),
        "الأصل: بالعربية",
    ]


def test_general_presentation_is_generated_from_the_sources(built: Path) -> None:
    paras = paragraphs(part(built / REPORT))
    numbered = [text for style, text in paras if style == "UNPara"]
    process = numbered[1]
    assert "(CMW/C/MAR/CO/1، الفقرة 53)" in process
    assert "ثلاثة لقاءات تشاورية جهوية" in process
    for city, region, day in (
        ("وجدة", "جهة الشرق", "الأربعاء " + nb("6 أبريل 2022")),
        ("طنجة", "جهة طنجة تطوان الحسيمة", "الأربعاء " + nb("20 أبريل 2022")),
        ("أكادير", "جهة سوس ماسة", "الأربعاء " + nb("8 يونيو 2022")),
    ):
        assert f"في {city} ({region}) يوم {day}" in process
    assert process.index("وجدة") < process.index("طنجة") < process.index("أكادير")
    assert "اللجان الجهوية للمجلس الوطني لحقوق الإنسان" in process and "والجامعة." in process
    outcomes = numbered[2]
    assert "26 توصية موزعة على أربعة محاور هي:" in outcomes
    # The seed's own words (issue 11 item 8): civil-society organisations commented on
    # the draft in the workshop, and the topics are the main ones ("خاصة").
    assert (
        "جلسة عمل عامة وورشة عمل قدمت خلالها منظمات المجتمع المدني ملاحظاتها بشأن "
        "مضمون التقرير الوطني، خاصة الإطار القانوني المنظم للهجرة"
    ) in outcomes
    # The paraphrase of the cited paragraph is the sources'.
    assert "استجابةً لتوصية اللجنة بإشراك جميع الوزارات" in process


def test_numbering_continues_across_template_and_generated_paragraphs(built: Path) -> None:
    root = part(built / REPORT)
    styles = [s for s, _ in paragraphs(root)]
    # Template paragraph 1, generated 2 and 3, template again from 4: one Word list.
    assert styles.count("UNPara") == 12
    numbered = [
        p for p in root.iter(q("p")) if p.find("w:pPr/w:pStyle[@w:val='UNPara']", NS) is not None
    ]
    marks = [p.find("w:bookmarkStart", NS) for p in numbered]
    generated = [n for n, mark in enumerate(marks, start=1) if mark is not None]
    assert generated == [2, 3]
    numbering = part(built / REPORT, "word/numbering.xml")
    levels = {
        (lvl.getparent().get(q("abstractNumId")), lvl.get(q("ilvl"))): (
            lvl.find("w:numFmt", NS).get(q("val")),
            lvl.find("w:lvlText", NS).get(q("val")),
        )
        for lvl in numbering.iter(q("lvl"))
    }
    assert levels[("1", "0")] == ("decimal", "%1-")
    assert levels[("1", "1")] == ("arabicAbjad", "(%2)")
    assert levels[("1", "2")] == ("decimal", "’%3‘")
    assert levels[("2", "0")] == ("decimal", "%1-")  # the annex's own list


def test_sub_paragraph_letters_are_counted_where_a_format_prints_them(built: Path) -> None:
    """(ب) (ج) (د) and (و) (ز) (ح) are counted by the list's own format, each run in a
    list instance restarting at its first letter; (أ) and (هـ), which arabicAbjad does
    not print in both programs, and only they, are literal."""
    for name in (REPORT, ANNEX):
        root = part(built / name)
        numbering = part(built / name, "word/numbering.xml")
        nums = {num.get(q("numId")): num for num in numbering.iter(q("num"))}
        listed = [
            p
            for p in root.iter(q("p"))
            if p.find("w:pPr/w:pStyle[@w:val='AnnexList']", NS) is not None
        ]
        shown = []
        for p in listed:
            num = nums[p.find("w:pPr/w:numPr/w:numId", NS).get(q("val"))]
            lvl = num.find("w:lvlOverride/w:lvl", NS)
            fmt = lvl.find("w:numFmt", NS).get(q("val"))
            start = num.find("w:lvlOverride/w:startOverride", NS)
            shown.append(
                lvl.find("w:lvlText", NS).get(q("val"))
                if fmt == "none"
                else (fmt, start.get(q("val")), lvl.find("w:start", NS).get(q("val")), num)
            )
        assert shown[0] == "(أ)" and shown[4] == "(هـ)"
        first, second = shown[1:4], shown[5:]
        assert [s[:3] for s in first] == [("arabicAbjad", "2", "2")] * 3
        assert [s[:3] for s in second] == [("arabicAbjad", "6", "6")] * 3
        assert len({s[3] for s in first}) == 1 and len({s[3] for s in second}) == 1


def test_annex_recommendations_by_axis_with_separators(built: Path) -> None:
    paras = paragraphs(part(built / ANNEX))
    headings = [text for style, text in paras if style == "Heading2"]
    assert headings == [
        "ألف- الإطار القانوني والمؤسساتي",
        "باء- حماية الحقوق الاقتصادية والاجتماعية والثقافية",
        "جيم- إدماج بعد الهجرة في السياسات العمومية",
        "دال- التكوين والتحسيس والبحث والتواصل",
    ]
    recs = [text for style, text in paras if style == "AnnexPara"]
    expected = [text for _, text in sources_recommendations()]
    assert [r[:-1] for r in recs] == expected
    ends = "".join(r[-1] for r in recs)
    # 5 + 10 + 6 + 5: ؛ between the items of an axis, . closing each axis, as in the seed.
    assert ends == "؛؛؛؛." + "؛" * 9 + "." + "؛" * 5 + "." + "؛؛؛؛."
    chapters = [text for style, text in paras if style == "Heading1"]
    assert chapters[0] == "أولاً- السياق العام للقاءات التشاورية الجهوية"
    assert chapters[-1] == "رابعاً- خلاصات وتوصيات اللقاءات التشاورية الجهوية"
    # The standalone annex stands alone: the symbol and the report's title first, then
    # the annex title with its language footnote.
    assert paras[0] == ("MastheadSymbol", "CMW/C/MAR/2")
    assert paras[1][0] == "ReportTitle" and paras[1][1].startswith("التقرير الدوري الثاني")
    assert paras[2] == ("AnnexTitle", "المرفق*")


def _collapse(text: str) -> str:
    return " ".join(text.split())


def test_every_sentence_of_the_seed_outcomes_is_in_the_annex_verbatim(built: Path) -> None:
    annex = _collapse(" ".join(text for _, text in paragraphs(part(built / ANNEX))))
    lines = SEED.read_text(encoding="utf-8").splitlines()
    start = next(
        i
        for i, line in enumerate(lines)
        if line.strip() == "السياق العام للقاءات التشاورية الجهوية"
    )
    checked = 0
    for line in lines[start:]:
        text = _collapse(line).lstrip("·").strip()
        if not text:
            continue
        text = re.sub(r"^\d+- ", "", text).rstrip(":")  # axis titles: the annex letters them
        assert text in annex, text
        checked += 1
    assert checked == 38  # 2 headings, 5 paragraphs, the intro, 4 axes, 26 recommendations
    assert lines[7].strip() in annex  # the title


def test_meetings_table_is_right_to_left_and_bookmarked(built: Path) -> None:
    root = part(built / ANNEX)
    (table,) = root.iter(q("tbl"))
    assert table.find("w:tblPr/w:bidiVisual", NS) is not None
    rows = table.findall("w:tr", NS)
    cells = [
        ["".join(t.text for t in tc.iter(q("t"))) for tc in tr.findall("w:tc", NS)] for tr in rows
    ]
    assert cells == [
        ["المدينة", "الجهة", "التاريخ"],
        ["وجدة", "جهة الشرق", "الأربعاء " + nb("6 أبريل 2022")],
        ["طنجة", "جهة طنجة تطوان الحسيمة", "الأربعاء " + nb("20 أبريل 2022")],
        ["أكادير", "جهة سوس ماسة", "الأربعاء " + nb("8 يونيو 2022")],
    ]
    assert rows[0].find("w:trPr/w:tblHeader", NS) is not None
    marks = [tr.find("w:tc/w:p/w:bookmarkStart", NS) for tr in rows[1:]]
    assert [m.get(q("name")) for m in marks] == ["_cmw_oujda", "_cmw_tangier", "_cmw_agadir"]


def test_bookmarks_carry_every_source_id_uniquely(built: Path) -> None:
    for name in (REPORT, ANNEX):
        root = part(built / name)
        starts = list(root.iter(q("bookmarkStart")))
        names = [b.get(q("name")) for b in starts]
        ids = [b.get(q("id")) for b in starts]
        assert len(set(names)) == len(names) and len(set(ids)) == len(ids)
        assert all(len(n) <= 40 and n.startswith("_cmw_") for n in names)
        assert sorted(ids) == sorted(b.get(q("id")) for b in root.iter(q("bookmarkEnd")))
        for rec_id, _ in sources_recommendations():
            assert "_cmw_" + rec_id.replace("-", "_") in names
        for item in ("context_meetings", "crdh", "university", "plenary", "workshop", "agadir"):
            assert f"_cmw_{item}" in names
    report_names = {b.get(q("name")) for b in part(built / REPORT).iter(q("bookmarkStart"))}
    assert "_cmw_regional_consultations_2022__gp1" in report_names


def test_bookmark_names_are_cut_to_forty_characters_and_stay_unique() -> None:
    from cmwreport.docx.content import Bookmarks, bookmark_name

    long = "skills-and-socio-professional-integration-of-migrants"
    assert bookmark_name(long) == "_cmw_skills_and_socio_professional_integ"
    assert len(bookmark_name(long)) == 40
    marks = Bookmarks(first_id=7, taken={"_cmw_taken"})
    first, second = marks.name_for(long), marks.name_for(long + "-bis")
    assert first != second and len(second) == 40 and second.endswith("_2")
    assert marks.name_for("taken") == "_cmw_taken_2"
    assert bookmark_name("regional-consultations-2022", "__gp1").endswith("__gp1")


def _bidi(ppr) -> bool:
    node = ppr.find("w:bidi", NS) if ppr is not None else None
    return node is not None and node.get(q("val")) not in ("0", "false", "off")


def test_right_to_left_markup(built: Path) -> None:
    for name in (REPORT, ANNEX):
        with zipfile.ZipFile(built / name) as zf:
            stories = [
                n for n in zf.namelist() if re.match(r"word/(document|header\d|footer\d)\.xml", n)
            ]
            for entry in stories:
                root = etree.fromstring(zf.read(entry))
                for p in root.iter(q("p")):
                    text = "".join(t.text or "" for t in p.iter(q("t")))
                    if has_arabic(text):
                        assert _bidi(p.find("w:pPr", NS)), (entry, text)
                for r in root.iter(q("r")):
                    text = "".join(t.text or "" for t in r.iter(q("t")))
                    if has_arabic(text):
                        rpr = r.find("w:rPr", NS)
                        assert rpr.find("w:rtl", NS) is not None, text
                        assert rpr.find("w:lang", NS).get(q("bidi")) == "ar-MA"
                    elif re.search("[A-Za-z]", text):
                        assert r.find("w:rPr/w:rtl", NS) is None, text
            body = etree.fromstring(zf.read("word/document.xml"))
            if name == ANNEX:
                # Generated Arabic runs name the template's complex-script font.
                for r in body.iter(q("r")):
                    if has_arabic("".join(t.text or "" for t in r.iter(q("t")))):
                        assert r.find("w:rPr/w:rFonts", NS).get(q("cs")) == "Amiri"
            for tbl in body.iter(q("tbl")):
                assert tbl.find("w:tblPr/w:bidiVisual", NS) is not None
            for sect in body.iter(q("sectPr")):
                assert sect.find("w:bidi", NS) is not None
            styles = etree.fromstring(zf.read("word/styles.xml"))
            normal = styles.find("w:style[@w:styleId='Normal']", NS)
            assert _bidi(normal.find("w:pPr", NS))
            fonts = styles.find("w:docDefaults/w:rPrDefault/w:rPr/w:rFonts", NS)
            assert fonts.get(q("cs")) == "Amiri"
            assert styles.find("w:docDefaults/w:rPrDefault/w:rPr/w:szCs", NS) is not None


def test_generated_runs_follow_the_templates_font(tmp_path: Path) -> None:
    # A drafting office that changes the template's Arabic font gets generated text in
    # it at the next build.
    template = tmp_path / "restyled.docx"
    with zipfile.ZipFile(TEMPLATE) as src, zipfile.ZipFile(template, "w") as dst:
        for info in src.infolist():
            data = src.read(info.filename)
            if info.filename == "word/styles.xml":
                data = data.replace(b'w:cs="Amiri"', b'w:cs="Noto Naskh Arabic"')
            dst.writestr(info, data)
    assert run_build(SOURCES, tmp_path / "out", template) == 0
    fonts = {
        r.get(q("cs")) for r in part(tmp_path / "out" / ANNEX).iter(q("rFonts")) if r.get(q("cs"))
    }
    assert fonts == {"Noto Naskh Arabic"}


def test_no_right_or_end_alignment_on_rtl_paragraphs_and_no_presentation_forms(built: Path) -> None:
    for docx in (built / REPORT, built / ANNEX, TEMPLATE):
        with zipfile.ZipFile(docx) as zf:
            for entry in zf.namelist():
                data = zf.read(entry)
                if not entry.endswith((".xml", ".rels")):
                    continue
                assert not PRESENTATION_FORMS.search(data.decode("utf-8")), (docx, entry)
                root = etree.fromstring(data)
                for ppr in root.iter(q("pPr")):
                    jc = ppr.find("w:jc", NS)
                    if jc is not None and jc.get(q("val")) in ("right", "end"):
                        assert not _bidi(ppr), (docx, entry)


# --- reproducibility -----------------------------------------------------------------


def test_two_builds_are_byte_identical(tmp_path: Path, built: Path, monkeypatch) -> None:
    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)
    assert run_build(SOURCES, tmp_path) == 0
    for name in (REPORT, ANNEX):
        assert (tmp_path / name).read_bytes() == (built / name).read_bytes()
    with zipfile.ZipFile(tmp_path / REPORT) as zf:
        names = zf.namelist()
        assert names[0] == "[Content_Types].xml"
        assert {i.date_time for i in zf.infolist()} == {(1980, 1, 1, 0, 0, 0)}
        core = zf.read("docProps/core.xml").decode()
    assert "2022-11-28T00:00:00Z" in core


def test_source_date_epoch_dates_the_modification(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1669593600")  # 2022-11-28
    assert run_build(SOURCES, tmp_path / "a") == 0
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1670000000")
    assert run_build(SOURCES, tmp_path / "b") == 0
    with zipfile.ZipFile(tmp_path / "b" / REPORT) as zf:
        core = zf.read("docProps/core.xml").decode()
    assert '<dcterms:modified xsi:type="dcterms:W3CDTF">2022-12-02T16:53:20Z' in core
    assert '<dcterms:created xsi:type="dcterms:W3CDTF">2022-11-28T00:00:00Z' in core
    with (
        zipfile.ZipFile(tmp_path / "a" / REPORT) as a,
        zipfile.ZipFile(tmp_path / "b" / REPORT) as b,
    ):
        assert a.read("word/document.xml") == b.read("word/document.xml")


# --- the sources drive the document ----------------------------------------------------


def test_reordered_and_added_sources_renumber(tree: Path, tmp_path: Path) -> None:
    axis = tree / "axes" / "training-awareness.yaml"
    text = axis.read_text(encoding="utf-8")
    # Add a recommendation at the head of the last axis and a fourth meeting.
    text = text.replace(
        "recommendations:\n",
        'recommendations:\n  - id: new-first\n    text: "توصية جديدة في بداية المحور"\n',
        1,
    )
    axis.write_text(text, encoding="utf-8")
    (tree / "meetings" / "rabat.yaml").write_text(
        'id: rabat\ncity: "الرباط"\ncity_en: Rabat\nregion: "جهة الرباط سلا القنيطرة"\n'
        "date: 2022-05-04\n",
        encoding="utf-8",
    )
    assert run_build(tree, tmp_path) == 0
    paras = paragraphs(part(tmp_path / REPORT))
    recs = [text for style, text in paras if style == "AnnexPara"]
    assert len(recs) == 27 and recs[21] == "توصية جديدة في بداية المحور؛"
    process = [text for style, text in paras if style == "UNPara"][1]
    assert "أربعة لقاءات تشاورية جهوية" in process
    assert (
        "وفي الرباط (جهة الرباط سلا القنيطرة) يوم الأربعاء " + nb("4 ماي 2022") + "، وفي أكادير"
    ) in process
    assert "27 توصية" in [text for style, text in paras if style == "UNPara"][2]


def test_word_count_is_printed(built: Path, tmp_path: Path, capsys) -> None:
    assert run_build(SOURCES, tmp_path) == 0
    out = capsys.readouterr().out
    assert re.search(r"CMW-C-MAR-2\.docx: [\d,]+ words \(limit 21,200, GA resolution 68/268", out)
    assert "annex, " in out


def test_word_count_past_the_limit_warns(tmp_path: Path, capsys) -> None:
    long = tmp_path / "long.docx"
    with zipfile.ZipFile(TEMPLATE) as src, zipfile.ZipFile(long, "w") as dst:
        for info in src.infolist():
            data = src.read(info.filename)
            if info.filename == "word/document.xml":
                data = data.replace("[نص يحرره فريق الصياغة]".encode(), ("كلمة " * 3000).encode())
            dst.writestr(info, data)
    assert run_build(SOURCES, tmp_path / "out", long) == 0
    captured = capsys.readouterr()
    assert "warning B001" in captured.out
    assert "over the 21,200-word limit" in captured.out


# --- refusing to build ---------------------------------------------------------------


def _snapshot(*paths: Path) -> dict[str, str]:
    files = {}
    for root in paths:
        for f in sorted(root.rglob("*")) if root.is_dir() else [root]:
            if f.is_file():
                files[str(f)] = hashlib.sha256(f.read_bytes()).hexdigest()
    return files


def test_source_errors_show_validate_diagnostics_and_build_nothing(
    tree: Path, tmp_path: Path, capsys
) -> None:
    meeting = tree / "meetings" / "oujda.yaml"
    meeting.write_text(
        meeting.read_text(encoding="utf-8").replace("date: 2022-04-06", "date: 2022-13-40")
    )
    assert validate_command.run(tree, "text", False) == 1
    expected = capsys.readouterr().out
    assert run_build(tree, tmp_path / "out") == 1
    assert capsys.readouterr().out == expected
    assert not (tmp_path / "out").exists()


@pytest.mark.parametrize(
    ("template", "message"),
    [
        ("missing-annex-slot.docx", "missing required slot {{ annex }}"),
        ("unknown-slot.docx", "body paragraph 16: unknown slot {{ foo }}"),
        ("annex-slot-not-alone.docx", "slot {{ annex }} must stand alone in its paragraph"),
        ("truncated.docx", "not a .docx file (not a zip package), or corrupt"),
        ("not-a-docx.docx", "not a .docx file (not a zip package), or corrupt"),
        ("zip-not-word.docx", "not a Word document"),
        ("no-annex-style.docx", "has no paragraph style AnnexPara ('Annex Paragraph')"),
        ("no-such-template.docx", "no such file"),
    ],
)
def test_bad_template_is_refused_with_its_place(
    template: str, message: str, tmp_path: Path, capsys
) -> None:
    path = BAD / template
    before = _snapshot(BAD, SOURCES)
    assert run_build(SOURCES, tmp_path / "out", path) == 2
    err = capsys.readouterr().err
    assert f"{path}: " in err and message in err, err
    assert "Traceback" not in err
    assert not (tmp_path / "out").exists()
    assert _snapshot(BAD, SOURCES) == before


def test_a_single_source_file_or_a_missing_tree_is_trouble(tmp_path: Path, capsys) -> None:
    assert run_build(SOURCES / "report.yaml", tmp_path / "out") == 2
    assert run_build(tmp_path / "nowhere", tmp_path / "out") == 2
    err = capsys.readouterr().err
    assert "give the folder of sources" in err and "no such file or folder" in err
    assert not (tmp_path / "out").exists()


def test_bad_template_keeps_the_previous_outputs(built: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    shutil.copytree(built, out)
    before = _snapshot(out)
    assert run_build(SOURCES, out, BAD / "unknown-slot.docx") == 2
    assert _snapshot(out) == before


def test_unwritable_output_folder(tmp_path: Path, capsys) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder")
    assert run_build(SOURCES, blocker) == 2
    assert run_build(SOURCES, blocker / "out") == 2
    err = capsys.readouterr().err
    assert f"cannot write to {blocker}" in err and "nothing written" in err
    assert blocker.read_text() == "not a folder"


def test_interrupted_write_leaves_previous_outputs_and_no_temporary_file(
    built: Path, tmp_path: Path, monkeypatch
) -> None:
    import os

    out = tmp_path / "out"
    shutil.copytree(built, out)
    before = _snapshot(out)
    calls = []

    def failing_fsync(fd):
        calls.append(fd)
        if len(calls) == 2:
            raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "fsync", failing_fsync)
    assert run_build(SOURCES, out) == 2
    assert _snapshot(out) == before
    assert sorted(p.name for p in out.iterdir()) == [ANNEX, REPORT]


def test_slots_split_across_runs_in_cells_and_headers(tmp_path: Path) -> None:
    assert run_build(SOURCES, tmp_path, BAD / "split-runs.docx") == 0
    root = part(tmp_path / REPORT)
    texts = [text for _, text in paragraphs(root)]
    assert "CMW/C/MAR/2" in texts and nb("28 تشرين الثاني/نوفمبر 2022") in texts
    assert sum(style == "UNPara" for style, _ in paragraphs(root)) == 12
    header = part(tmp_path / REPORT, "word/header1.xml")
    assert "".join(t.text for t in header.iter(q("t"))) == "CMW/C/MAR/2"


def test_sources_and_template_are_not_modified(tmp_path: Path) -> None:
    before = _snapshot(SOURCES, TEMPLATE)
    assert run_build(SOURCES, tmp_path) == 0
    assert _snapshot(SOURCES, TEMPLATE) == before


def test_json_format_on_success_and_failure(tree: Path, tmp_path: Path, capsys) -> None:
    import json

    assert run_build(SOURCES, tmp_path / "ok", fmt="json") == 0
    shown = json.loads(capsys.readouterr().out)
    # The shipped template's drafting placeholders, and the shipped data of QPR/2 not
    # listing every question: readiness warnings, not errors.
    assert shown["summary"]["errors"] == 0
    assert {d["code"] for d in shown["diagnostics"]} == {"B002", "B007"}
    (tree / "meetings" / "oujda.yaml").write_text("id: [\n", encoding="utf-8")
    assert run_build(tree, tmp_path / "bad", fmt="json") == 1
    assert json.loads(capsys.readouterr().out)["summary"]["errors"] >= 1


# --- speed -----------------------------------------------------------------------------


def test_texts_are_nfc(built: Path) -> None:
    for name in (REPORT, ANNEX):
        for _, text in paragraphs(part(built / name)):
            assert unicodedata.normalize("NFC", text) == text
