"""The round-trip property: for a build B and a reviewer edit E, build(absorb(E(B)))
diffs as identical to E(B); edits made with python-docx and re-saved by LibreOffice,
on the report and on the standalone annex."""

from __future__ import annotations

import pytest

from tests import drafts as d
from tests.absorb import edits as e
from tests.absorb.workspace import Workspace
from tests.office import audit_errors, convert

NO_CHANGE = {"added": 0, "removed": 0, "changed": 0, "moved": 0, "formatting": 0, "renumbered": 0}


def one_word(doc):
    e.replace_words(e.by_id(doc, "rights-awareness"), "توعية", "تحسيس")


def deleted_item(doc):
    e.delete(e.by_id(doc, "local-good-practices"))


def inserted_item(doc):
    # After recommendation 20, in the separator convention of the list (؛ between items).
    e.insert_after(e.by_id(doc, "fourth-generation-abroad"), "إحداث مرصد جهوي للهجرة؛")


def moved_item(doc):
    e.move_after(e.by_id(doc, "train-officials"), e.by_id(doc, "law-enforcement-capacity"))


def context_paragraph(doc):
    e.replace_words(e.by_id(doc, "context-objectives"), "استهدفت", "هدفت")


def narrative(doc):
    e.replace_words(e.by_text(doc, "يقدّم المغرب"), "هذا التقرير", "تقريره هذا")


def narrative_added(doc):
    e.insert_after(e.by_text(doc, "[نص يحرره فريق الصياغة]: الرد على الفقرة 2"), "فقرة مضافة.")


def comments(doc):
    e.comment(doc, e.by_id(doc, "rights-awareness"), "ملاحظة")


def content_summary(out: dict) -> dict:
    """The diff summary less the reviewers' comments: absorb lists them, the build does
    not carry them, so the rebuilt draft has them removed (and diff says so)."""
    summary = dict(out["summary"])
    summary["removed"] -= sum(
        1 for c in out["changes"] if c["location"] == "comment" and c["kind"] == "removed"
    )
    return summary


ANNEX_EDITS = [one_word, deleted_item, inserted_item, moved_item, context_paragraph, comments]


@pytest.mark.parametrize("which", ["report", "annex"])
@pytest.mark.parametrize("edit", [*ANNEX_EDITS, narrative], ids=lambda f: getattr(f, "__name__", f))
def test_round_trip_python_docx(tmp_path, which, edit):
    if which == "annex" and edit is narrative:
        pytest.skip("the standalone annex holds no template narrative")
    ws = Workspace.make(tmp_path)
    doc = e.open_draft(ws.report if which == "report" else ws.annex)
    edit(doc)
    doc.save(tmp_path / "edited.docx")
    proc = ws.absorb(tmp_path / "edited.docx")
    assert proc.returncode == 0, proc.stdout + proc.stderr
    out = ws.rebuild_diff(tmp_path / "edited.docx", which)
    if which == "report" and edit in (deleted_item, inserted_item):
        # The general presentation counts the recommendations: the rebuilt report
        # says 25 (27) where the reviewer's draft still said 26. Nothing else differs.
        assert [(c["kind"], c["identity"]) for c in out["changes"]] == [
            ("changed", "regional_consultations_2022__gp2")
        ]
        assert "26 توصية" in out["changes"][0]["old_text"]
        after = 25 if edit is deleted_item else 27
        assert (
            f"note: para. 3 is generated from the number of recommendations (26 in the draft, "
            f"{after} after), which absorbing changes: the next build updates it"
        ) in proc.stdout
    else:
        assert content_summary(out) == NO_CHANGE


def test_round_trip_generated_prose_is_the_one_difference(tmp_path):
    ws = Workspace.make(tmp_path)
    doc = e.open_draft(ws.report)
    e.replace_words(e.by_id(doc, "regional-consultations-2022", "__gp1"), "مقاربة", "منهجية")
    one_word(doc)
    doc.save(tmp_path / "edited.docx")
    proc = ws.absorb(tmp_path / "edited.docx")
    assert proc.returncode == 1
    out = ws.rebuild_diff(tmp_path / "edited.docx")
    assert [(c["kind"], c["identity"]) for c in out["changes"]] == [
        ("changed", "regional_consultations_2022__gp1")
    ]


def test_round_trip_through_libreoffice(tmp_path):
    """All the edits at once, the draft then re-saved by LibreOffice (styles renamed,
    runs and bookmarks rewritten), on the report."""
    ws = Workspace.make(tmp_path / "ws")
    doc = e.open_draft(ws.report)
    for edit in [*ANNEX_EDITS, narrative, narrative_added]:
        edit(doc)
    doc.save(tmp_path / "edited.docx")
    saved = convert(tmp_path / "edited.docx", tmp_path, "docx")
    proc = ws.absorb(saved)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    # The paragraph LibreOffice wrote (its own style ids) went into the template as one
    # of the template's own: a valid package.
    assert "paragraph added to the template text" in proc.stdout
    assert audit_errors(ws.template) == []
    assert "comment by" in proc.stdout
    out = ws.rebuild_diff(saved)
    # Only the count of recommendations in the general presentation (one deleted, one
    # inserted: still 26, so not even that).
    assert content_summary(out) == NO_CHANGE, out["changes"]
    awareness = (ws.sources / "axes" / "training-awareness.yaml").read_text()
    assert "تحسيس المهاجرين بحقوقهم" in awareness
    assert awareness.index("id: law-enforcement-capacity") < awareness.index("id: train-officials")
    assert "local-good-practices" not in (ws.sources / "axes" / "public-policies.yaml").read_text()


@pytest.mark.parametrize("only_accepted", [False, True], ids=["accepted-view", "only-accepted"])
def test_round_trip_tracked_changes_through_libreoffice(tmp_path, only_accepted):
    """The annex with tracked changes (an insertion, a deletion, a paragraph deleted),
    re-saved by LibreOffice with the changes still tracked."""
    ws = Workspace.make(tmp_path / "ws")
    draft = d.edited(
        ws.annex,
        tmp_path / "tracked.docx",
        d.tracked_insert("إلغاء تجريم الهجرة", "تجريم", "كل أشكال "),
        d.tracked_delete("تعزيز البنية التحتية", "التحتية "),
        d.change_word("تكوين الموظفين", "تأهيل الموظفين"),
    )
    saved = convert(draft, tmp_path, "docx")
    proc = ws.absorb(saved, *(["--only-accepted"] if only_accepted else []))
    assert proc.returncode == 0, proc.stdout + proc.stderr
    if only_accepted:
        assert "left out 2 pending tracked changes" in proc.stdout
        view = d.resolve_revisions(saved, tmp_path / "view.docx", accept=False)
    else:
        assert "accepted 2 tracked changes" in proc.stdout
        view = d.resolve_revisions(saved, tmp_path / "view.docx", accept=True)
    assert ws.rebuild_diff(view, "annex")["summary"] == NO_CHANGE
    assert "تأهيل الموظفين" in (ws.sources / "axes" / "training-awareness.yaml").read_text()
