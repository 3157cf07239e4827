"""absorb of drafts with tracked changes (accepted view, or --only-accepted) and comments."""

from __future__ import annotations

import pytest

from tests import drafts as d
from tests.absorb import edits as e
from tests.absorb import packages
from tests.absorb.workspace import Workspace


@pytest.fixture
def ws(tmp_path) -> Workspace:
    return Workspace.make(tmp_path)


def tracked_draft(ws: Workspace, dst, *, settled: bool = False):
    edits = [
        d.tracked_insert("إلغاء تجريم الهجرة", "تجريم", "كل أشكال "),
        d.tracked_delete("مراجعة المقتضيات القانونية", "القانونية "),
    ]
    if settled:
        edits.append(d.change_word("تكوين الموظفين", "تأهيل الموظفين"))
    return d.edited(ws.report, dst, *edits)


def test_accepted_view_by_default_with_the_count(ws, tmp_path):
    draft = tracked_draft(ws, tmp_path / "tracked.docx")
    proc = ws.absorb(draft)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert "accepted 2 tracked changes" in proc.stdout
    legal = (ws.sources / "axes" / "legal-framework.yaml").read_text()
    assert '"إلغاء كل أشكال تجريم الهجرة غير النظامية"' in legal
    assert '"مراجعة المقتضيات المنظمة لاستئناف' in legal
    # diff reads the draft in its accepted view: the rebuilt report is that view.
    assert ws.rebuild_diff(draft)["changes"] == []


def test_only_accepted_leaves_pending_changes_out(ws, tmp_path):
    draft = tracked_draft(ws, tmp_path / "tracked.docx", settled=True)
    legal_before = (ws.sources / "axes" / "legal-framework.yaml").read_bytes()
    proc = ws.absorb(draft, "--only-accepted")
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert "left out 2 pending tracked changes (--only-accepted)" in proc.stdout
    assert "accepted" not in proc.stdout.split("left out")[0]
    assert (ws.sources / "axes" / "legal-framework.yaml").read_bytes() == legal_before
    assert "تأهيل الموظفين" in (ws.sources / "axes" / "training-awareness.yaml").read_text()
    # What was absorbed is the draft with its pending changes rejected.
    rejected = d.resolve_revisions(draft, tmp_path / "rejected.docx", accept=False)
    assert ws.rebuild_diff(rejected)["changes"] == []


def test_comments_are_listed_beside_the_items_file_and_line(ws, tmp_path):
    before = ws.snapshot()
    doc = e.open_draft(ws.report)
    e.comment(doc, e.by_id(doc, "health-services"), "هل تشمل الصحة النفسية؟", "Amina")
    e.comment(doc, e.by_text(doc, "يقدّم المغرب"), "صياغة المقدمة", "Karim")
    doc.save(tmp_path / "commented.docx")
    proc = ws.absorb(tmp_path / "commented.docx")
    assert proc.returncode == 0, proc.stdout + proc.stderr
    lines = proc.stdout.splitlines()
    at = lines.index(
        "comments (not taken home: the next build carries none, so diff shows them as not "
        "carried by the build):"
    )
    esc = ws.sources / "axes" / "economic-social-cultural-rights.yaml"
    line = esc.read_text().splitlines().index("  - id: health-services") + 1
    assert (
        f"  {esc}:{line}: comment by Amina on recommendation health-services (annex para. 7): "
        "هل تشمل الصحة النفسية؟"
    ) in lines[at:]
    assert any("template: comment by Karim" in ln for ln in lines[at:])
    assert ws.snapshot() == before  # comments alone change nothing


@pytest.mark.parametrize(
    "repackage", [packages.strict, packages.main_part_renamed], ids=["strict", "main-renamed"]
)
def test_only_accepted_leaves_pending_changes_out_of_any_valid_package(ws, tmp_path, repackage):
    # The same draft as above, packaged otherwise: a Strict OOXML draft once had its
    # pending insertion taken home (the rejection looked for transitional names only), and
    # one whose main part is not word/document.xml was refused.
    draft = repackage(
        tracked_draft(ws, tmp_path / "tracked.docx", settled=True), tmp_path / "r.docx"
    )
    legal_before = (ws.sources / "axes" / "legal-framework.yaml").read_bytes()
    proc = ws.absorb(draft, "--only-accepted")
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert "left out 2 pending tracked changes (--only-accepted)" in proc.stdout
    assert (ws.sources / "axes" / "legal-framework.yaml").read_bytes() == legal_before
    assert "تأهيل الموظفين" in (ws.sources / "axes" / "training-awareness.yaml").read_text()


def test_a_comment_on_a_paragraph_deleted_since_is_still_listed(ws, tmp_path):
    """Found by hand: a comment whose paragraph the reviewer then deleted (its anchor
    gone with it, the comment still in the draft) was left out of the list, which
    promised every comment."""
    doc = e.open_draft(ws.annex)
    e.comment(doc, e.by_id(doc, "health-services"), "هل تشمل الصحة النفسية؟", "Amina")
    e.delete(e.by_id(doc, "health-services"))
    doc.save(tmp_path / "commented.docx")
    proc = ws.absorb(tmp_path / "commented.docx")
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert "recommendation health-services removed" in proc.stdout
    assert (
        "  draft: comment by Amina on text the draft no longer has: هل تشمل الصحة النفسية؟"
    ) in proc.stdout.splitlines()


def _tracked_bold(p) -> None:
    """Ctrl+B on a paragraph's runs with tracking on, as Word records it: the new
    properties, and the former ones in w:rPrChange."""
    import copy

    from docx.oxml import parse_xml
    from docx.oxml.ns import qn

    for run in p.iter(qn("w:r")):
        rpr = run.find(qn("w:rPr"))
        if rpr is None:
            rpr = parse_xml(f"<w:rPr {d.NS}/>")
            run.insert(0, rpr)
        former = copy.deepcopy(rpr)
        rpr.insert(0, parse_xml(f"<w:bCs {d.NS}/>"))
        rpr.insert(0, parse_xml(f"<w:b {d.NS}/>"))
        change = parse_xml(f'<w:rPrChange {d.NS} w:id="9801" {d.REVISION}/>')
        change.append(former)
        rpr.append(change)


def test_only_accepted_rejects_pending_formatting(ws, tmp_path):
    """Found by hand: with --only-accepted, a bold made with tracking on and left
    pending was kept (rejecting a formatting change dropped its record, not the new
    formatting): a recommendation's bold was reported as not absorbed (exit 1), and a
    paragraph added to the template's text was written into the template bold."""
    doc = e.open_draft(ws.report)
    _tracked_bold(e.by_id(doc, "decriminalise-irregular-migration"))
    added = e.insert_after(
        e.by_text(doc, "[نص يحرره فريق الصياغة]: الرد على الفقرة 2"), "فقرة جديدة."
    )
    _tracked_bold(added)
    doc.save(tmp_path / "bold.docx")
    proc = ws.absorb(tmp_path / "bold.docx", "--only-accepted")
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert "paragraph added to the template text" in proc.stdout
    assert "bold" not in proc.stdout
    template = e.open_draft(ws.template)
    written = e.by_text(template, "فقرة جديدة.")
    from docx.oxml.ns import qn

    runs = list(written.iter(qn("w:r")))
    assert runs  # the checks below look at something
    assert not [r for r in runs if r.find(f"{qn('w:rPr')}/{qn('w:b')}") is not None]
    assert not list(written.iter(qn("w:rPrChange")))
