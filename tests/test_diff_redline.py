"""The redline: the new draft with native tracked changes that Word and LibreOffice take.

The check that matters to a reviewer: accepting every change gives the new draft, and
rejecting every change gives the old one back. Both are read back by `diff` itself,
after revisions resolved by an independent implementation (tests/drafts.py) and by
LibreOffice.
"""

from __future__ import annotations

import json
import re
import shutil
import zipfile
from pathlib import Path

import pytest

from cmwreport.commands.diff import run
from tests import drafts as d
from tests.office import audit_errors, convert, pdf_text, to_pdf

EDITS = (
    d.change_word("الجهود في مجال ملاءمة", "المساعي في مجال ملاءمة"),
    d.change_word("ثلاث مشاورات", "ثلاث لقاءات"),
    d.insert_paragraph("نُظمت ثلاث", "فقرة جديدة أضافها فريق الصياغة."),
    d.delete_paragraph("تيسير الولوج للسكن"),
    d.move_paragraph("تكثيف برامج التكوين", "تعزيز ولوج المهاجرين"),
    d.edit_cell(1, 3, 3, "40"),
    d.delete_row(1, 4),
    d.add_row(1, ("الرباط", "2022-09-01", "60")),
    d.edit_header("CMW/C/MAR/2", "CMW/C/MAR/2/Rev.1"),
    d.edit_footnote("2016", "2017"),
    d.tracked_insert("تؤكد المملكة", "الحوار", "تعميق "),
)


@pytest.fixture(scope="module")
def drafts(tmp_path_factory):
    folder = tmp_path_factory.mktemp("redline")
    old = d.make_draft(folder / "old.docx")
    new = d.edited(old, folder / "new.docx", *EDITS)
    red = folder / "redline.docx"
    assert run(old, new, fmt="json", redline=red, date="2024-05-02") == 1
    return old, new, red


def same(a: Path, b: Path, capsys, numbering: bool = True) -> dict:
    # Without numbering the look is not compared either: LibreOffice gives the list its
    # own definition, whose levels indent otherwise (1.9 cm, hanging 0.63 cm).
    code = run(a, b, fmt="json", ignore_formatting=not numbering)
    report = json.loads(capsys.readouterr().out)
    assert report["changes"] == []
    if numbering:
        assert code == 0, report["renumbered"]
    return report


def test_redline_opens_and_validates(drafts):
    import docx

    _, _, red = drafts
    document = docx.Document(red)
    assert len(document.paragraphs) > 10
    assert audit_errors(red) == []


def test_the_report_beside_a_redline_is_the_report_alone(drafts, tmp_path, capsys):
    # With --redline the old draft's XML is dropped once the changes are marked (a third
    # of the peak memory of a large diff), before the report is made from the model.
    old, new, _ = drafts
    reports = []
    for fmt in ("json", "text"):
        assert run(old, new, fmt=fmt, color="never") == 1
        alone = capsys.readouterr().out
        red = tmp_path / f"redline-{fmt}.docx"
        assert run(old, new, fmt=fmt, color="never", redline=red, date="2024-05-02") == 1
        assert capsys.readouterr().out == alone and red.stat().st_size > 0
        reports.append(alone)
    assert len(json.loads(reports[0])["changes"]) >= len(EDITS) - 1
    assert "2 added, 2 removed, 6 changed" in reports[1]


def test_accept_all_gives_new_and_reject_all_gives_old(drafts, tmp_path, capsys):
    old, new, red = drafts
    capsys.readouterr()
    same(new, d.resolve_revisions(red, tmp_path / "accepted.docx", accept=True), capsys)
    same(old, d.resolve_revisions(red, tmp_path / "rejected.docx", accept=False), capsys)


def test_revisions_are_word_level_with_author_and_fixed_date(drafts):
    _, _, red = drafts
    with zipfile.ZipFile(red) as zf:
        xml = zf.read("word/document.xml").decode()
        header = zf.read("word/header1.xml").decode()
    marks = re.findall(r"<w:(ins|del) ([^>]*)>", xml)
    assert marks and all(
        'w:author="cmwreport"' in attrs and 'w:date="2024-05-02T00:00:00Z"' in attrs
        for _, attrs in marks
    )
    ids = re.findall(r'<w:(?:ins|del) w:id="(\d+)"', xml + header)
    assert len(ids) == len(set(ids))
    # The edited word is deleted and inserted on its own, not the whole paragraph.
    assert re.search(r"<w:del [^>]*><w:r>.*?<w:delText[^>]*>الجهود</w:delText>", xml)
    assert re.search(r"<w:ins [^>]*><w:r>(?:(?!</w:r>).)*<w:t[^>]*>المساعي</w:t>", xml)
    assert re.search(r"<w:trPr>(<w:cantSplit[^>]*>)?<w:del ", xml) and "<w:ins " in xml
    assert re.search(r"<w:ins [^>]*><w:r>.*?/Rev.1</w:t>", header)


def test_author_and_source_date_epoch(tmp_path, monkeypatch, capsys):
    old = d.make_draft(tmp_path / "old.docx")
    new = d.edited(old, tmp_path / "new.docx", d.change_word("ثلاث", "أربع"))
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")
    red = tmp_path / "red.docx"
    assert run(old, new, redline=red, author="Fatima", color="never") == 1
    xml = zipfile.ZipFile(red).read("word/document.xml").decode()
    assert 'w:author="Fatima" w:date="2023-11-14T22:13:20Z"' in xml
    monkeypatch.delenv("SOURCE_DATE_EPOCH")
    again = tmp_path / "again.docx"
    run(old, new, redline=again, color="never")
    # Without a date the revisions are dated from the new draft itself: reproducible.
    run(old, new, redline=tmp_path / "again2.docx", color="never")
    capsys.readouterr()
    assert again.read_bytes() == (tmp_path / "again2.docx").read_bytes()


@pytest.mark.libreoffice
def test_libreoffice_keeps_the_revisions(drafts, tmp_path, capsys):
    """LibreOffice reads the revisions as revisions: its own save can still be resolved."""
    old, new, red = drafts
    saved = convert(red, tmp_path, "docx")
    capsys.readouterr()
    # LibreOffice rewrites the test drafts' style-linked numbering as direct numbering
    # with its own indents, so only the text is compared here; numbering and indents
    # through LibreOffice are the build's (tests/build, tests/diff/test_corpus.py).
    accepted = d.resolve_revisions(saved, tmp_path / "accepted.docx", accept=True)
    same(new, accepted, capsys, numbering=False)
    rejected = d.resolve_revisions(saved, tmp_path / "rejected.docx", accept=False)
    same(old, rejected, capsys, numbering=False)

    # And shows them: deleted and inserted words both appear on the page.
    text = pdf_text(to_pdf(red, tmp_path))
    for word in ("المساعي", "الجهود", "لقاءات", "فقرة جديدة"):
        assert word in text or word[::-1] in text, word
    shutil.rmtree(tmp_path / "profile", ignore_errors=True)
