"""absorb --force judged item by item: the draft's record of its items as built tells
a reviewer's edit from a change made to the sources since the build."""

from __future__ import annotations

import pytest

from cmwreport.build import item_record
from cmwreport.docx import custom_properties as cp
from cmwreport.docx.package import Package
from tests.absorb import edits as e
from tests.absorb.workspace import Workspace

LEGAL = "axes/legal-framework.yaml"


@pytest.fixture
def ws(tmp_path) -> Workspace:
    return Workspace.make(tmp_path)


def _edit_sources(ws: Workspace, old: str, new: str, file: str = LEGAL) -> bytes:
    path = ws.sources / file
    text = path.read_text()
    assert old in text
    path.write_text(text.replace(old, new, 1))
    return path.read_bytes()


def test_items_the_reviewer_left_alone_are_no_conflict(ws, tmp_path):
    """A later absorb changed one recommendation; the reviewer of the old draft edited
    another of the same file: that edit is taken home, the other keeps its new text."""
    doc = e.open_draft(ws.report)
    e.replace_words(e.by_id(doc, "decriminalise-irregular-migration"), "إلغاء", "رفع")
    doc.save(tmp_path / "edited.docx")
    # Since the build, another recommendation of the same file was reworded.
    _edit_sources(ws, "مراجعة المقتضيات القانونية", "مراجعة شاملة للمقتضيات القانونية")
    proc = ws.absorb(tmp_path / "edited.docx", "--force")
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert "conflict" not in proc.stdout
    assert "1 item changed in the sources since the build is shown as built" in proc.stdout
    text = (ws.sources / LEGAL).read_text()
    assert '"رفع تجريم الهجرة غير النظامية"' in text  # the reviewer's edit
    assert "مراجعة شاملة للمقتضيات القانونية" in text  # the sources' change stays
    diff = ws.rebuild_diff(tmp_path / "edited.docx")
    # Only the sources' later change differs from the reviewer's (older) draft.
    assert [(c["kind"], c["identity"]) for c in diff["changes"]] == [
        ("changed", "judicial_review_of_decisions")
    ], diff["changes"]


def test_a_deletion_is_judged_per_item(ws, tmp_path):
    """Deleted in the draft: removed if the sources left it as built, kept (a conflict)
    if they changed it; an item added to the sources since the build stays."""
    doc = e.open_draft(ws.report)
    e.delete(e.by_id(doc, "decriminalise-irregular-migration"))
    e.delete(e.by_id(doc, "judicial-review-of-decisions"))
    doc.save(tmp_path / "edited.docx")
    _edit_sources(ws, "مراجعة المقتضيات القانونية", "مراجعة شاملة للمقتضيات القانونية")
    _edit_sources(
        ws,
        "  - id: harmonise-law-02-03\n",
        '  - id: added-since\n    text: "توصية أضيفت بعد البناء"\n  - id: harmonise-law-02-03\n',
    )
    proc = ws.absorb(tmp_path / "edited.docx", "--force")
    assert proc.returncode == 1, proc.stdout + proc.stderr
    assert "conflict: deleted in the draft, and changed in" in proc.stdout
    text = (ws.sources / LEGAL).read_text()
    assert "decriminalise-irregular-migration" not in text  # deleted, untouched since
    assert "id: judicial-review-of-decisions" in text  # changed since: kept
    assert "id: added-since" in text


def test_a_draft_without_the_record_is_judged_per_file_and_says_why(ws, tmp_path):
    doc = e.open_draft(ws.report)
    e.replace_words(e.by_id(doc, "decriminalise-irregular-migration"), "إلغاء", "رفع")
    doc.save(tmp_path / "edited.docx")
    package = Package.read(tmp_path / "edited.docx")
    props = cp.properties_of(tmp_path / "edited.docx")
    root = package.xml(package.related("", "custom-properties")[0])
    for prop in list(root):
        if prop.get("name", "").startswith(item_record.PROPERTY):
            root.remove(prop)
    package.changed.add(package.related("", "custom-properties")[0])
    (tmp_path / "old.docx").write_bytes(package.to_bytes())
    assert item_record.read(tmp_path / "old.docx") is None and props
    _edit_sources(ws, "مراجعة المقتضيات القانونية", "مراجعة شاملة للمقتضيات القانونية")
    before = (ws.sources / LEGAL).read_bytes()
    proc = ws.absorb(tmp_path / "old.docx", "--force")
    assert proc.returncode == 1, proc.stdout + proc.stderr
    assert "the draft does not record its items as built" in proc.stdout
    assert "changed since the draft was built" in proc.stdout
    assert (ws.sources / LEGAL).read_bytes() == before
