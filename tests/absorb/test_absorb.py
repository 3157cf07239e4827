"""absorb of edits to paragraphs that come from source items: the YAML edited surgically."""

from __future__ import annotations

import copy
import difflib

import pytest
from docx.oxml.ns import qn

from tests.absorb import edits as e
from tests.absorb.workspace import Workspace


@pytest.fixture
def ws(tmp_path) -> Workspace:
    return Workspace.make(tmp_path)


def changed_lines(before: bytes, after: bytes) -> list[str]:
    diff = difflib.unified_diff(
        before.decode().splitlines(), after.decode().splitlines(), n=0, lineterm=""
    )
    return [ln for ln in diff if ln[:1] in "+-" and ln[:3] not in ("+++", "---")]


def test_unedited_build_changes_no_file(ws):
    before = ws.snapshot()
    for draft in (ws.report, ws.annex):
        proc = ws.absorb(draft)
        assert proc.returncode == 0, proc.stdout + proc.stderr
        assert "0 edit(s) absorbed, 0 not absorbed" in proc.stdout
    assert ws.snapshot() == before


def test_one_word_of_a_recommendation_changes_only_that_scalar(ws, tmp_path):
    axis = ws.sources / "axes" / "legal-framework.yaml"
    before = axis.read_bytes()
    others = {k: v for k, v in ws.snapshot().items() if "legal-framework" not in k}
    doc = e.open_draft(ws.report)
    e.replace_words(e.by_id(doc, "decriminalise-irregular-migration"), "إلغاء", "رفع")
    doc.save(tmp_path / "edited.docx")

    proc = ws.absorb(tmp_path / "edited.docx")
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert "legal-framework.yaml:11: recommendation decriminalise-irregular-migration" in (
        proc.stdout
    )
    after = axis.read_bytes()
    assert changed_lines(before, after) == [
        '-    text: "إلغاء تجريم الهجرة غير النظامية"',
        '+    text: "رفع تجريم الهجرة غير النظامية"',
    ]
    # Byte for byte outside the scalar: the same length difference, same prefix/suffix.
    start = before.index("إلغاء تجريم".encode())
    assert after[:start] == before[:start]
    assert after.endswith(before[start + len("إلغاء".encode()) :])
    assert {k: v for k, v in ws.snapshot().items() if "legal-framework" not in k} == others


@pytest.mark.parametrize(
    ("item", "file", "old", "new"),
    [
        ("context-objectives", "consultations.yaml", "استهدفت", "هدفت"),
        ("media", "consultations.yaml", "الإعلام", "وسائل الإعلام"),
        ("workshop", "consultations.yaml", "ورشة عمل قدمت", "ورشة عمل عرضت"),
    ],
)
def test_context_participants_programme(ws, tmp_path, item, file, old, new):
    path = ws.sources / file
    before = path.read_bytes()
    doc = e.open_draft(ws.annex)
    e.replace_words(e.by_id(doc, item), old, new)
    doc.save(tmp_path / "edited.docx")
    proc = ws.absorb(tmp_path / "edited.docx")
    assert proc.returncode == 0, proc.stdout + proc.stderr
    lines = changed_lines(before, path.read_bytes())
    assert len(lines) == 2
    assert lines[1] == "+" + lines[0][1:].replace(old, new, 1)
    assert ws.rebuild_diff(tmp_path / "edited.docx", "annex")["summary"] == {
        "added": 0, "removed": 0, "changed": 0, "moved": 0, "formatting": 0, "renumbered": 0
    }  # fmt: skip


def test_meeting_city_cell_updates_the_meeting_file(ws, tmp_path):
    doc = e.open_draft(ws.annex)
    row = e.by_id(doc, "tangier")
    e.replace_words(row, "طنجة", "مدينة طنجة")
    doc.save(tmp_path / "edited.docx")
    proc = ws.absorb(tmp_path / "edited.docx")
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert 'city: "مدينة طنجة"' in (ws.sources / "meetings" / "tangier.yaml").read_text()
    assert not ws.rebuild_diff(tmp_path / "edited.docx", "annex")["changes"]


def test_quoting_styles_are_kept(ws, tmp_path):
    """A plain scalar stays plain, a single-quoted one single-quoted, comments stay."""
    path = ws.sources / "axes" / "public-policies.yaml"
    text = path.read_text()
    first = text.index('text: "') + len("text: ")
    end = text.index("\n", first)
    value = text[first + 1 : end - 1]
    text = text[:first] + f"'{value}'  # single-quoted on purpose" + text[end:]
    path.write_text(text)
    ws.build()
    doc = e.open_draft(ws.annex)
    e.replace_words(e.by_id(doc, "municipal-action-plans"), "إدماج", "دمج")
    doc.save(tmp_path / "edited.docx")
    proc = ws.absorb(tmp_path / "edited.docx")
    assert proc.returncode == 0, proc.stdout + proc.stderr
    after = path.read_text()
    assert f"'{value.replace('إدماج', 'دمج', 1)}'  # single-quoted on purpose" in after
    assert changed_lines(text.encode(), after.encode())[0].endswith("# single-quoted on purpose")


def test_deleted_inserted_and_moved_items(ws, tmp_path):
    doc = e.open_draft(ws.report)
    e.delete(e.by_id(doc, "judicial-review-of-decisions"))
    # A new recommendation after the 20th (fourth-generation-abroad), typed in Word.
    e.insert_after(e.by_id(doc, "fourth-generation-abroad"), "توصية أضافها المراجعون؛")
    e.move_after(e.by_id(doc, "health-services"), e.by_id(doc, "access-to-housing"))
    doc.save(tmp_path / "edited.docx")

    proc = ws.absorb(tmp_path / "edited.docx")
    assert proc.returncode == 0, proc.stdout + proc.stderr
    legal = (ws.sources / "axes" / "legal-framework.yaml").read_text()
    assert "judicial-review-of-decisions" not in legal
    policies = (ws.sources / "axes" / "public-policies.yaml").read_text()
    block = '  - id: public-policies-1\n    text: "توصية أضافها المراجعون"\n'
    assert block in policies
    assert policies.index("fourth-generation-abroad") < policies.index(block)
    assert policies.index(block) < policies.index("coordination-and-returnees")
    esc = (ws.sources / "axes" / "economic-social-cultural-rights.yaml").read_text()
    order = [ln.split(": ")[1] for ln in esc.splitlines() if ln.startswith("  - id: ")]
    assert order.index("access-to-housing") + 1 == order.index("health-services")
    # The moved item took its observations and articles with it.
    at = esc.index("id: health-services")
    assert "observations: [30]\n    articles: [28]" in esc[at : esc.index("- id:", at)]
    assert ws.cli("validate", str(ws.sources)).returncode == 0
    assert ws.rebuild_diff(tmp_path / "edited.docx")["summary"] == {
        "added": 0, "removed": 0, "changed": 0, "moved": 0, "formatting": 0, "renumbered": 0
    }  # fmt: skip


def test_a_new_id_is_never_an_old_one(ws, tmp_path):
    doc = e.open_draft(ws.annex)
    e.insert_after(e.by_id(doc, "university"), "المنظمات الدولية.")
    e.replace_words(e.by_id(doc, "university"), "الجامعة.", "الجامعة؛")
    e.delete(e.by_id(doc, "media"))
    doc.save(tmp_path / "edited.docx")
    proc = ws.absorb(tmp_path / "edited.docx")
    assert proc.returncode == 0, proc.stdout + proc.stderr
    text = (ws.sources / "consultations.yaml").read_text()
    assert '  - id: participant-1\n    name: "المنظمات الدولية"\n' in text
    assert "id: media" not in text
    assert ws.rebuild_diff(tmp_path / "edited.docx", "annex")["changes"] == []


def test_fields_behind_headings_titles_and_intro(ws, tmp_path):
    doc = e.open_draft(ws.report)
    e.replace_words(e.by_id(doc, "legal-framework"), "الإطار القانوني", "الإطار التشريعي")
    e.replace_words(e.by_text(doc, "أولاً- السياق"), "السياق العام", "السياق")
    e.replace_words(e.by_text(doc, "أفضت اللقاءات التشاورية الجهوية إلى"), "أفضت", "انتهت")
    e.replace_words(e.by_text(doc, "التقرير الدوري الثاني المقدم من"), "المقدم", "المقدَّم")
    e.replace_words(e.by_id(doc, "regional-consultations-2022"), "خلاصات", "نتائج")
    doc.save(tmp_path / "edited.docx")
    proc = ws.absorb(tmp_path / "edited.docx")
    assert proc.returncode == 0, proc.stdout + proc.stderr
    cons = (ws.sources / "consultations.yaml").read_text()
    assert '  heading: "السياق للقاءات التشاورية الجهوية"' in cons  # the ordinal stays out
    assert '  intro: "انتهت اللقاءات' in cons and 'title: "نتائج اللقاءات' in cons
    assert (
        'title: "الإطار التشريعي والمؤسساتي"'
        in (ws.sources / "axes" / "legal-framework.yaml").read_text()
    )
    assert 'title: "التقرير الدوري الثاني المقدَّم' in (ws.sources / "report.yaml").read_text()
    # The general presentation lists the axis titles: the draft still has the old one.
    assert "note: para. 3 is generated from the axis titles" in proc.stdout
    out = ws.rebuild_diff(tmp_path / "edited.docx")
    assert [c["identity"] for c in out["changes"]] == ["regional_consultations_2022__gp2"]


def test_an_edited_heading_prefix_is_reported(ws, tmp_path):
    doc = e.open_draft(ws.annex)
    e.replace_words(e.by_id(doc, "legal-framework"), "ألف- ", "أ. ")
    doc.save(tmp_path / "edited.docx")
    proc = ws.absorb(tmp_path / "edited.docx")
    assert proc.returncode == 1
    assert "the text the build adds around this value was changed" in proc.stdout
    assert "keep “ألف- ” at the start" in proc.stdout


@pytest.mark.parametrize("draft", ["report", "annex"])
def test_a_new_axis_heading_typed_among_recommendations_is_reported(ws, tmp_path, draft):
    """Found by hand: a reviewer who starts a fifth axis (a heading in the axes' style,
    then a recommendation under it) after the first axis's last recommendation got the
    heading written as a recommendation of the first axis, exit 0. A heading is not
    an item, nor are the paragraphs under it: both reported, nothing written."""
    before = ws.snapshot()
    doc = e.open_draft(ws.report if draft == "report" else ws.annex)
    last = e.by_id(doc, "judiciary-fair-trial")
    heading = copy.deepcopy(e.by_id(doc, "legal-framework"))  # the axis heading's style
    for bm in list(heading.iter(qn("w:bookmarkStart"), qn("w:bookmarkEnd"))):
        heading.remove(bm)
    e.set_text(heading, "هاء- محور جديد")
    e.insert_after(last, "توصية في المحور الجديد")  # in the recommendations' style
    last.addnext(heading)  # between the two
    doc.save(tmp_path / "axis.docx")
    proc = ws.absorb(tmp_path / "axis.docx")
    assert proc.returncode == 1, proc.stdout + proc.stderr
    assert proc.stdout.count("a heading added among the items of a list") == 2, proc.stdout
    assert ws.snapshot() == before
