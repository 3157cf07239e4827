"""What keeps a draft from submission: build's readiness warnings, and --final.

Also the parts of the report that come from one cycle's sources, not from code: the
ordinal, the footnotes, the UN dates.
"""

from __future__ import annotations

import datetime as dt
import json
import re
import zipfile
from collections.abc import Callable
from pathlib import Path

from lxml import etree

from cmwreport.arabic.wording import cycle_ordinal, letter_label, third_level_label, un_date
from cmwreport.docx.xml import NSMAP as NS
from cmwreport.docx.xml import w
from cmwreport.draft.reader import read_draft
from tests.conftest import SOURCES, TEMPLATE, cmwreport

DRAFT = "[نص يحرره فريق الصياغة]"


def build(sources: Path, out: Path, template: Path = TEMPLATE, final: bool = False) -> int:
    flags = ["--final"] if final else []
    return cmwreport(
        "build", sources, "--template", template, "--out", out, "--format", "json", *flags
    )


def diagnostics(capsys) -> list[dict]:
    """The build's diagnostics but B007, the note that the shipped data of QPR/2 does not
    list every question (on every build of the shipped sources; tests/replies test it)."""
    found = json.loads(capsys.readouterr().out)["diagnostics"]
    return [d for d in found if d["code"] != "B007"]


def edited_template(tmp_path: Path, edit: Callable[[str, bytes], bytes]) -> Path:
    """A copy of the shipped template with some parts passed through `edit`."""
    out = tmp_path / "edited.docx"
    with zipfile.ZipFile(TEMPLATE) as src, zipfile.ZipFile(out, "w") as dst:
        for info in src.infolist():
            dst.writestr(info, edit(info.filename, src.read(info.filename)))
    return out


def drafted(name: str, data: bytes) -> bytes:
    """Every placeholder written, the placeholder property kept."""
    if name == "word/document.xml":
        return data.replace(DRAFT.encode(), "نص محرر".encode())
    return data


def paragraph_text(p: etree._Element) -> str:
    return "".join(t.text or "" for t in p.iter(w("t")))


def test_placeholders_are_listed_with_their_paragraph_numbers(tmp_path, capsys) -> None:
    assert build(SOURCES, tmp_path) == 0
    found = diagnostics(capsys)
    placeholders = [d for d in found if d["code"] == "B002"]
    assert all(d["severity"] == "warning" for d in placeholders)
    assert len(placeholders) == 14  # 12 numbered paragraphs and sub-paragraphs of the template
    first = placeholders[0]
    assert first["file"] == str(TEMPLATE)
    assert first["message"].startswith("paragraph 1: drafting placeholder")
    # Paragraphs 2 and 3 are generated: the next placeholder is in paragraph 4.
    assert placeholders[1]["message"].startswith("paragraph 4:")
    assert placeholders[2]["message"].startswith("paragraph 4 (أ):")  # as diff says: para. 4 (أ)
    # Every warning names the paragraph by the number diff gives the same paragraph
    # (its line is the body paragraph, counted from 1 with table cells).
    draft = read_draft(tmp_path / "CMW-C-MAR-2.docx")
    body_paragraphs = list(draft.parts[draft.main_part].iter(w("p")))
    numbers = {body_paragraphs.index(b.element) + 1: b.number for b in draft.body if b.number}
    for warning in placeholders:
        assert warning["message"].startswith(f"paragraph {numbers[warning['line']]}:"), warning


def test_a_drafted_template_has_no_readiness_warning(tmp_path, capsys) -> None:
    template = edited_template(tmp_path, drafted)
    assert build(SOURCES, tmp_path / "out", template) == 0
    assert diagnostics(capsys) == []
    # ... and --final writes it.
    assert build(SOURCES, tmp_path / "final", template, final=True) == 0
    assert (tmp_path / "final" / "CMW-C-MAR-2.docx").exists()


def test_final_refuses_a_draft_and_writes_nothing(tmp_path, capsys) -> None:
    assert build(SOURCES, tmp_path / "out", final=True) == 1
    captured = capsys.readouterr()
    shown = json.loads(captured.out)
    # B007 stays a warning under --final: it says what cannot be checked.
    assert shown["summary"]["errors"] == 14 and shown["summary"]["warnings"] == 1
    assert "--final: the report is not ready for submission" in captured.err
    assert not (tmp_path / "out").exists() or not any((tmp_path / "out").iterdir())


def test_a_reply_heading_without_reply(tmp_path, capsys) -> None:
    def drop_reply_2(name: str, data: bytes) -> bytes:
        data = drafted(name, data)
        if name != "word/document.xml":
            return data
        root = etree.fromstring(data)
        heading = next(
            p
            for p in root.iter(w("p"))
            if paragraph_text(p).startswith("الرد على المسألة المثارة في الفقرة 2")
        )
        reply = heading.getnext()
        reply.getparent().remove(reply)
        return etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)

    template = edited_template(tmp_path, drop_reply_2)
    assert build(SOURCES, tmp_path / "out", template) == 0
    (finding,) = diagnostics(capsys)
    assert finding["code"] == "B004"
    assert finding["message"] == (
        "after paragraph 4 (ب) ’2‘: the heading "
        "“الرد على المسألة المثارة في الفقرة 2 من قائمة المسائل” "
        "has no reply under it"
    )
    assert build(SOURCES, tmp_path / "final", template, final=True) == 1


def test_a_slot_left_in_the_text(tree: Path, tmp_path, capsys) -> None:
    axis = tree / "axes" / "legal-framework.yaml"
    text = axis.read_text(encoding="utf-8")
    axis.write_text(text.replace("إلغاء تجريم الهجرة", "إلغاء {{ x }} الهجرة", 1), encoding="utf-8")
    template = edited_template(tmp_path, drafted)
    assert build(tree, tmp_path / "out", template) == 0
    (finding,) = diagnostics(capsys)
    assert finding["code"] == "B003"
    assert "slot {{ x }} left in the text" in finding["message"]


def test_over_the_word_limit_is_a_readiness_problem(tmp_path, capsys) -> None:
    def long(name: str, data: bytes) -> bytes:
        if name == "word/document.xml":
            return data.replace(DRAFT.encode(), ("كلمة " * 3000).encode())
        return data

    template = edited_template(tmp_path, long)
    assert build(SOURCES, tmp_path / "final", template, final=True) == 1
    (finding,) = diagnostics(capsys)
    assert finding["code"] == "B001" and finding["severity"] == "error"
    assert finding["file"].endswith("report.yaml")


def test_footnotes_from_the_sources_and_the_report_flags(tree: Path, tmp_path) -> None:
    axis = tree / "axes" / "legal-framework.yaml"
    text = axis.read_text(encoding="utf-8")
    marker = '    text: "إلغاء تجريم الهجرة غير النظامية"\n'
    assert marker in text
    axis.write_text(
        text.replace(marker, marker + '    footnotes:\n      - "انظر الفقرة 26."\n'),
        encoding="utf-8",
    )
    assert build(tree, tmp_path) == 0
    for name in ("CMW-C-MAR-2.docx", "CMW-C-MAR-2-annex.docx"):
        with zipfile.ZipFile(tmp_path / name) as zf:
            notes = etree.fromstring(zf.read("word/footnotes.xml"))
            body = etree.fromstring(zf.read("word/document.xml"))
        texts = {n.get(w("id")): paragraph_text(n) for n in notes.iter(w("footnote"))}
        (source_id,) = [i for i, t in texts.items() if t.endswith("انظر الفقرة 26.")]
        anchor = body.find(f".//w:footnoteReference[@w:id='{source_id}']", NS)
        paragraph = next(anchor.iterancestors(w("p")))
        assert paragraph_text(paragraph).startswith("إلغاء تجريم الهجرة غير النظامية")
        # The separators stay; the UN title footnote comes from report.yaml's flags: one
        # asterisk footnote per document.
        assert {"-1", "0"} <= set(texts)
        starred = [t for t in texts.values() if t.startswith("* ")]
        language = "يعمَّم مرفق هذه الوثيقة باللغة التي قُدِّم بها فقط."
        if name == "CMW-C-MAR-2.docx":
            assert starred == ["* تصدر هذه الوثيقة دون تحرير رسمي. " + language]
        else:
            assert starred == ["* " + language]


def test_no_flag_no_title_footnote(tree: Path, tmp_path) -> None:
    report = tree / "report.yaml"
    text = report.read_text(encoding="utf-8")
    report.write_text(
        text.replace("without_formal_editing: true", "without_formal_editing: false"),
        encoding="utf-8",
    )
    assert build(tree, tmp_path) == 0
    with zipfile.ZipFile(tmp_path / "CMW-C-MAR-2.docx") as zf:
        notes = zf.read("word/footnotes.xml").decode()
        body = etree.fromstring(zf.read("word/document.xml"))
    assert "تحرير رسمي" not in notes
    title = next(p for p in body.iter(w("p")) if paragraph_text(p).startswith("المرفق"))
    assert paragraph_text(title) == "المرفق*"  # the annex note is now the first: "*"


def test_a_third_cycle_report_says_third(tree: Path, tmp_path) -> None:
    report = tree / "report.yaml"
    text = report.read_text(encoding="utf-8")
    for old, new in (
        ("cycle: 2", "cycle: 3"),
        ("symbol: CMW/C/MAR/2", "symbol: CMW/C/MAR/3"),
        ("CMW/C/MAR/CO/1", "CMW/C/MAR/CO/2"),
        ("CMW/C/MAR/QPR/2", "CMW/C/MAR/QPR/3"),
    ):
        text = text.replace(old, new)
    text = re.sub(r"title: .*", 'title: "التقرير الدوري الثالث المقدم من المغرب"', text)
    report.write_text(text, encoding="utf-8")
    assert build(tree, tmp_path) == 0
    with zipfile.ZipFile(tmp_path / "CMW-C-MAR-3.docx") as zf:
        body = etree.fromstring(zf.read("word/document.xml"))
    texts = [paragraph_text(p) for p in body.iter(w("p"))]
    assert any(t.startswith("يقدّم المغرب هذا التقرير الدوري الثالث بموجب المادة 73") for t in texts)
    # Up to the annex (the consultations' own title, from their sources, names theirs).
    annex_at = next(n for n, t in enumerate(texts) if t.startswith("المرفق"))
    template_text = " ".join(texts[:annex_at])
    assert "الدوري الثاني" not in template_text and "الدوري الثالث" in template_text
    assert "CMW/C/MAR/2" not in " ".join(texts)
    assert "(CMW/C/MAR/CO/2، الفقرة 53)" in " ".join(texts)


def test_un_dates_ordinals_and_labels_come_from_the_data() -> None:
    assert un_date(dt.date(2022, 11, 28)) == "28\u00a0تشرين\u00a0الثاني/نوفمبر\u00a02022"
    assert un_date(dt.date(2023, 6, 1)).split("\u00a0")[1] == "حزيران/يونيه"
    assert un_date(dt.date(2023, 7, 10)).split("\u00a0")[1] == "تموز/يوليه"
    assert [cycle_ordinal(n) for n in (1, 2, 3)] == ["الأول", "الثاني", "الثالث"]
    assert [letter_label(n) for n in range(5)] == ["(أ)", "(ب)", "(ج)", "(د)", "(هـ)"]
    assert third_level_label(0) == "’1‘"


def test_a_template_without_footnotes_gets_a_footnotes_part(tmp_path) -> None:
    from tests.office import audit_errors

    def no_footnotes(name: str, data: bytes) -> bytes:
        if name == "[Content_Types].xml":
            return re.sub(rb'<Override PartName="/word/footnotes.xml"[^>]*/>', b"", data)
        if name == "word/_rels/document.xml.rels":
            return re.sub(rb'<Relationship [^>]*Target="footnotes.xml"/>', b"", data)
        if name == "word/settings.xml":
            return re.sub(rb"<w:footnotePr>.*?</w:footnotePr>", b"", data)
        return data

    template = tmp_path / "bare.docx"
    with zipfile.ZipFile(TEMPLATE) as src, zipfile.ZipFile(template, "w") as dst:
        for info in src.infolist():
            if info.filename != "word/footnotes.xml":
                dst.writestr(info, no_footnotes(info.filename, src.read(info.filename)))
    assert build(SOURCES, tmp_path / "out", template) == 0
    report = tmp_path / "out" / "CMW-C-MAR-2.docx"
    with zipfile.ZipFile(report) as zf:
        notes = zf.read("word/footnotes.xml").decode()
    assert "تصدر هذه الوثيقة دون تحرير رسمي." in notes
    assert audit_errors(report) == []
