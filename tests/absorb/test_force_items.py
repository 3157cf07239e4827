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
    root = package.edit(package.related("", "custom-properties")[0])
    for prop in list(root):
        if prop.get("name", "").startswith(item_record.PROPERTY):
            root.remove(prop)
    (tmp_path / "old.docx").write_bytes(package.to_bytes())
    assert item_record.read(tmp_path / "old.docx") is None and props
    _edit_sources(ws, "مراجعة المقتضيات القانونية", "مراجعة شاملة للمقتضيات القانونية")
    before = (ws.sources / LEGAL).read_bytes()
    proc = ws.absorb(tmp_path / "old.docx", "--force")
    assert proc.returncode == 1, proc.stdout + proc.stderr
    assert "the draft does not record its items as built" in proc.stdout
    assert "changed since the draft was built" in proc.stdout
    assert (ws.sources / LEGAL).read_bytes() == before


def _move_line_block(ws: Workspace, first: str, after: str, file: str = LEGAL) -> None:
    """Move the item starting with line `first` (up to the next item) after item `after`."""
    path = ws.sources / file
    lines = path.read_text().splitlines(keepends=True)
    start = lines.index(first)
    end = next(k for k in range(start + 1, len(lines)) if lines[k].startswith("  - id:"))
    block = lines[start:end]
    del lines[start:end]
    at = lines.index(after)
    end = next(k for k in range(at + 1, len(lines)) if lines[k].startswith("  - id:"))
    lines[end:end] = block
    path.write_text("".join(lines))


def _ids(ws: Workspace, file: str = LEGAL) -> list[str]:
    text = (ws.sources / file).read_text()
    return [ln.split(": ", 1)[1] for ln in text.splitlines() if ln.startswith("  - id: ")]


def test_order_the_sources_changed_since_the_build_is_kept(ws, tmp_path):
    """The sources moved an item since the build; the reviewer reworded another and
    moved nothing: the sources' order stays."""
    doc = e.open_draft(ws.report)
    e.replace_words(e.by_id(doc, "decriminalise-irregular-migration"), "إلغاء", "رفع")
    doc.save(tmp_path / "edited.docx")
    _move_line_block(ws, "  - id: harmonise-law-02-03\n", "  - id: judicial-review-of-decisions\n")
    order = _ids(ws)
    proc = ws.absorb(tmp_path / "edited.docx", "--force")
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert _ids(ws) == order
    assert '"رفع تجريم الهجرة غير النظامية"' in (ws.sources / LEGAL).read_text()


def test_order_the_reviewer_changed_is_taken_and_both_is_a_conflict(ws, tmp_path):
    doc = e.open_draft(ws.report)
    e.move_after(e.by_id(doc, "harmonise-law-02-03"), e.by_id(doc, "judiciary-fair-trial"))
    doc.save(tmp_path / "moved.docx")
    # Since the build, a recommendation of the same file was reworded, none moved.
    _edit_sources(ws, "مراجعة المقتضيات القانونية", "مراجعة شاملة للمقتضيات القانونية")
    proc = ws.absorb(tmp_path / "moved.docx", "--force", "--dry-run")
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert "conflict" not in proc.stdout
    assert "-  - id: harmonise-law-02-03" in proc.stdout  # moved as the reviewer did
    # The sources moved another item since: both reordered, the sources' order stays.
    _move_line_block(ws, "  - id: combat-colour-discrimination\n", "  - id: harmonise-law-02-03\n")
    order = _ids(ws)
    proc = ws.absorb(tmp_path / "moved.docx", "--force")
    assert proc.returncode == 1, proc.stdout + proc.stderr
    assert "were moved in the draft, and moved otherwise in the sources" in proc.stdout
    assert _ids(ws) == order


def test_an_item_removed_from_the_sources_since_is_not_added_back(ws, tmp_path):
    doc = e.open_draft(ws.report)
    e.replace_words(e.by_id(doc, "judiciary-fair-trial"), "تعزيز", "دعم")
    doc.save(tmp_path / "edited.docx")
    path = ws.sources / LEGAL
    text = path.read_text()
    start = text.index("  - id: decriminalise-irregular-migration\n")
    end = text.index("  - id: judicial-review-of-decisions\n")
    path.write_text(text[:start] + text[end:])
    proc = ws.absorb(tmp_path / "edited.docx", "--force")
    assert proc.returncode == 0, proc.stdout + proc.stderr
    after = path.read_text()
    assert "تجريم الهجرة" not in after  # neither back nor a new item
    assert '"دعم دور السلطة القضائية' in after
    assert _ids(ws) == [
        "harmonise-law-02-03",
        "judicial-review-of-decisions",
        "combat-colour-discrimination",
        "judiciary-fair-trial",
    ]


@pytest.mark.libreoffice
def test_a_draft_edited_in_libreoffice_is_judged_per_item(ws, tmp_path):
    """The record survives a reviewer's LibreOffice session (its own save, through
    UNO): the same judgement as above, no conflict listed for items left alone."""
    from tests.absorb.test_identity import lo_review

    draft = lo_review(
        ws.report,
        tmp_path / "lo.docx",
        ["track", True],
        ["replace", "إلغاء تجريم", "رفع تجريم"],
    )
    assert item_record.read(draft) is not None
    _edit_sources(ws, "مراجعة المقتضيات القانونية", "مراجعة شاملة للمقتضيات القانونية")
    proc = ws.absorb(draft, "--force")
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert "conflict" not in proc.stdout
    text = (ws.sources / LEGAL).read_text()
    assert '"رفع تجريم الهجرة غير النظامية"' in text
    assert "مراجعة شاملة للمقتضيات القانونية" in text
