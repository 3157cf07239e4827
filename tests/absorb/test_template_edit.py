"""absorb of the template's own text (taken home into the template) and of generated
prose (reported, never changed)."""

from __future__ import annotations

import zipfile

import pytest

from tests.absorb import edits as e
from tests.absorb.workspace import Workspace

NO_CHANGE = {"added": 0, "removed": 0, "changed": 0, "moved": 0, "formatting": 0, "renumbered": 0}


@pytest.fixture
def ws(tmp_path) -> Workspace:
    return Workspace.make(tmp_path)


def parts(path) -> dict[str, bytes]:
    with zipfile.ZipFile(path) as zf:
        return {n: zf.read(n) for n in zf.namelist()}


def test_narrative_paragraph_updates_the_template_only(ws, tmp_path):
    before = parts(ws.template)
    sources = {k: v for k, v in ws.snapshot().items() if k.startswith("sources")}
    doc = e.open_draft(ws.report)
    # (The ordinal is a slot of its own, {{ ordinal }}: the words before it are edited.)
    e.replace_words(e.by_text(doc, "يقدّم المغرب"), "هذا التقرير الدوري", "تقريره الدوري")
    # Three identical placeholders in a row: the second one is redrafted.
    placeholders = [p for p in e.paragraphs(doc) if e.text_of(p) == "[نص يحرره فريق الصياغة]."]
    e.set_text(placeholders[1], "نص حرره فريق الصياغة بشأن الجزء الثالث من الاتفاقية.")
    doc.save(tmp_path / "edited.docx")

    proc = ws.absorb(tmp_path / "edited.docx")
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert proc.stdout.count("template text reworded") == 2
    after = parts(ws.template)
    assert after.keys() == before.keys()
    changed = [n for n in before if before[n] != after[n]]
    assert changed == ["word/document.xml"]  # styles, numbering, headers kept byte for byte
    assert {k: v for k, v in ws.snapshot().items() if k.startswith("sources")} == sources
    text = after["word/document.xml"].decode()
    assert "تقريره الدوري" in text and "{{ ordinal }}" in text and "{{ qpr_symbol }}" in text
    assert ws.rebuild_diff(tmp_path / "edited.docx")["summary"] == NO_CHANGE


def test_narrative_paragraph_added_and_removed(ws, tmp_path):
    doc = e.open_draft(ws.report)
    e.insert_after(e.by_text(doc, "[نص يحرره فريق الصياغة]: الرد على الفقرة 2"), "فقرة جديدة.")
    # The first of three identical placeholders (4 (أ), 4 (ب), 4 (ب) ’1‘): told apart
    # from the others by the numbering levels of those that remain.
    e.delete(e.by_text(doc, "[نص يحرره فريق الصياغة]؛"))
    doc.save(tmp_path / "edited.docx")
    proc = ws.absorb(tmp_path / "edited.docx")
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert "paragraph added to the template text" in proc.stdout
    assert "template paragraph removed" in proc.stdout
    assert ws.rebuild_diff(tmp_path / "edited.docx")["summary"] == NO_CHANGE


def test_generated_prose_is_reported_and_nothing_changes(ws, tmp_path):
    before = ws.snapshot()
    doc = e.open_draft(ws.report)
    e.replace_words(e.by_id(doc, "regional-consultations-2022", "__gp2"), "وتضمّن", "وقد تضمّن")
    e.replace_words(e.row_of(e.by_id(doc, "agadir")), "يونيو", "يوليوز")
    doc.save(tmp_path / "edited.docx")
    proc = ws.absorb(tmp_path / "edited.docx")
    assert proc.returncode == 1, proc.stdout + proc.stderr
    out = proc.stdout
    assert "not absorbed: para. 3: general presentation paragraph on the consultations" in out
    assert "  before: وتضمّن برنامج كل لقاء" in out
    assert "  after:  وقد تضمّن برنامج كل لقاء" in out
    assert "  from:   composed by `cmwreport build` from consultations.yaml" in out
    assert "col 3: generated" in out and "date: 2022-06-08" in out
    assert ws.snapshot() == before
