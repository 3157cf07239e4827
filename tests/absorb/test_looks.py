"""Formatting is reported with the paragraph and the words, never dropped while absorb
says everything was absorbed (issue 17)."""

from __future__ import annotations

import pytest
from docx.oxml import parse_xml
from docx.oxml.ns import qn

from tests import drafts as d
from tests.absorb.test_identity import lo_review
from tests.absorb.workspace import Workspace

HARMONISE = "التسريع بملائمة القانون"
DECRIMINALISE = "إلغاء تجريم الهجرة"


@pytest.fixture
def ws(tmp_path) -> Workspace:
    return Workspace.make(tmp_path)


def word_bold(fragment: str, word: str) -> d.Edit:
    """Select a word and press Ctrl+B in Word: its own run, `w:b` and `w:bCs`."""

    def edit(doc) -> None:
        run = d._isolate(d._paragraph(doc, fragment), word)
        rpr = run.find(qn("w:rPr"))
        if rpr is None:
            rpr = parse_xml(f"<w:rPr {d.NS}/>")
            run.insert(0, rpr)
        rpr.insert(0, parse_xml(f"<w:bCs {d.NS}/>"))
        rpr.insert(0, parse_xml(f"<w:b {d.NS}/>"))

    return edit


def test_a_word_made_bold_in_word_is_reported_not_absorbed(ws, tmp_path):
    before = ws.snapshot()
    draft = d.edited(ws.report, tmp_path / "bold.docx", word_bold(HARMONISE, "الحماية الفعلية"))
    proc = ws.absorb(draft)
    assert proc.returncode == 1, proc.stdout + proc.stderr
    assert (
        "not absorbed: annex para. 1: formatting the sources cannot hold: "
        "bold added: «الحماية الفعلية»"
    ) in proc.stdout
    assert "recommendation harmonise-law-02-03 at " in proc.stdout
    assert "0 edit(s) absorbed, 1 not absorbed" in proc.stdout
    assert ws.snapshot() == before


def test_reworded_and_bold_absorbs_the_words_and_reports_the_bold(ws, tmp_path):
    draft = d.edited(
        ws.report,
        tmp_path / "bold.docx",
        d.change_word("التسريع", "الإسراع"),
        word_bold(HARMONISE.replace("التسريع", "الإسراع"), "الحماية الفعلية"),
    )
    proc = ws.absorb(draft)
    assert proc.returncode == 1, proc.stdout + proc.stderr
    assert "bold added: «الحماية الفعلية»" in proc.stdout
    assert "1 edit(s) absorbed, 1 not absorbed" in proc.stdout
    assert '"الإسراع بملائمة' in (ws.sources / "axes" / "legal-framework.yaml").read_text()


@pytest.mark.libreoffice
def test_libreoffice_bold_and_a_paragraph_pasted_in_another_font(ws, tmp_path):
    draft = lo_review(
        ws.report,
        tmp_path / "lo-looks.docx",
        ["bold", "الحماية الفعلية"],
        ["paste", DECRIMINALISE, "ضمان حق المهاجرين في التقاضي", "Arial", 16],
    )
    proc = ws.absorb(draft)
    assert proc.returncode == 1, proc.stdout + proc.stderr
    out = proc.stdout
    assert "formatting the sources cannot hold: bold added: «الحماية الفعلية»" in out
    assert "size 13 pt -> 16 pt, font Amiri -> Arial: «ضمان حق المهاجرين في التقاضي»" in out
    assert "new recommendation legal-framework-1 added" in out
    assert "1 edit(s) absorbed, 2 not absorbed" in out


def cell_bold(row: int, col: int) -> d.Edit:
    """Ctrl+B on the whole text of a cell of the annex's table of meetings."""

    def edit(doc) -> None:
        p = doc.tables[0].cell(row - 1, col - 1).paragraphs[0]._p
        for run in p.iter(qn("w:r")):
            rpr = run.find(qn("w:rPr"))
            if rpr is None:
                rpr = parse_xml(f"<w:rPr {d.NS}/>")
                run.insert(0, rpr)
            rpr.insert(0, parse_xml(f"<w:bCs {d.NS}/>"))
            rpr.insert(0, parse_xml(f"<w:b {d.NS}/>"))

    return edit


@pytest.mark.parametrize("reworded", [False, True], ids=["alone", "with-city-reworded"])
def test_bold_in_a_cell_of_the_annex_table_is_reported(ws, tmp_path, reworded):
    """Found by hand: a region made bold in the table of meetings was dropped, exit 0
    and "0 edit(s)" (rows were left out of the formatting check), also beside a
    city reworded in the same row, which was absorbed."""
    edits = [cell_bold(2, 2)] + ([d.edit_cell(1, 2, 1, "وجدة الكبرى")] if reworded else [])
    draft = d.edited(ws.annex, tmp_path / "cell.docx", *edits)
    proc = ws.absorb(draft)
    assert proc.returncode == 1, proc.stdout + proc.stderr
    assert "formatting the sources cannot hold: bold added: «جهة الشرق»" in proc.stdout
    assert "meeting oujda at " in proc.stdout
    city = (ws.sources / "meetings" / "oujda.yaml").read_text()
    assert ("وجدة الكبرى" in city) == reworded
