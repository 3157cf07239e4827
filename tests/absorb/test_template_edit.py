"""absorb of the template's own text (taken home into the template) and of generated
prose (reported, never changed)."""

from __future__ import annotations

import copy
import zipfile

import pytest
from docx.oxml import OxmlElement
from docx.oxml.ns import qn

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


def with_tab(template, start: str, after_tab: str) -> None:
    """The template with a tab and more text at the end of the paragraph starting `start`."""
    document = e.open_draft(template)
    p = e.by_text(document, start)
    run = copy.deepcopy(p.findall(qn("w:r"))[-1])
    for child in [c for c in run if c.tag != qn("w:rPr")]:
        run.remove(child)
    run.append(OxmlElement("w:tab"))
    t = OxmlElement("w:t")
    t.text = after_tab
    run.append(t)
    p.append(run)
    document.save(template)


def tabs_and_texts(path, start: str) -> list[str]:
    """The run content of the paragraph starting `start`: "TAB" for w:tab, else the text."""
    p = e.by_text(e.open_draft(path), start)
    return ["TAB" if el.tag == qn("w:tab") else el.text for el in p.iter(qn("w:tab"), qn("w:t"))]


def test_a_paragraph_with_a_tab_reworded_after_the_tab_keeps_one_tab(ws, tmp_path):
    # Once the words after the tab came home as "\t" + text beside the w:tab (the splice
    # read w:t elements only): absorb exited 0 and the next build had two tabs.
    with_tab(ws.template, "يقدّم المغرب", "نص بعد الجدولة")
    ws.build()
    doc = e.open_draft(ws.report)
    e.replace_words(e.by_text(doc, "يقدّم المغرب"), "بعد الجدولة", "عقب الجدولة")
    doc.save(tmp_path / "edited.docx")
    proc = ws.absorb(tmp_path / "edited.docx")
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert "template text reworded" in proc.stdout
    pieces = tabs_and_texts(ws.template, "يقدّم المغرب")
    assert pieces.count("TAB") == 1 and not any("\t" in x for x in pieces if x != "TAB")
    assert "".join(x for x in pieces if x != "TAB").endswith("نص عقب الجدولة")
    assert ws.rebuild_diff(tmp_path / "edited.docx")["summary"] == NO_CHANGE


def test_a_change_across_a_tab_is_reported_not_written(ws, tmp_path):
    with_tab(ws.template, "يقدّم المغرب", "نص بعد الجدولة")
    ws.build()
    before = ws.snapshot()
    doc = e.open_draft(ws.report)
    p = e.by_text(doc, "يقدّم المغرب")
    for tab in list(p.iter(qn("w:tab"))):
        tab.getparent().remove(tab)  # the reviewer deleted the tab
    doc.save(tmp_path / "edited.docx")
    proc = ws.absorb(tmp_path / "edited.docx")
    assert proc.returncode == 1, proc.stdout + proc.stderr
    assert "not absorbed" in proc.stdout and "tabs, breaks or fields" in proc.stdout
    assert ws.snapshot() == before
