"""A reviewer's comment after absorb: absorb says it is not taken home, and `diff` of
the reviewer's draft against the rebuilt one says the build does not carry it, rather
than that someone removed it (issue 17)."""

from __future__ import annotations

import json

from tests.absorb import edits as e
from tests.absorb.workspace import Workspace

NOT_CARRIED = (
    "not carried by the build: a build holds no reviewers' comments (absorb lists them, "
    "it does not take them home)"
)


def test_a_comment_after_absorb_is_not_carried_by_the_build(tmp_path):
    ws = Workspace.make(tmp_path)
    doc = e.open_draft(ws.report)
    e.replace_words(e.by_id(doc, "decriminalise-irregular-migration"), "إلغاء", "رفع")
    e.comment(doc, e.by_id(doc, "health-services"), "هل تشمل الصحة النفسية؟", "Amina")
    doc.save(tmp_path / "reviewed.docx")
    proc = ws.absorb(tmp_path / "reviewed.docx")
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert "comments (not taken home: the next build carries none" in proc.stdout
    assert "comment by Amina on recommendation health-services" in proc.stdout
    rebuilt = ws.build(tmp_path / "rebuilt") / "CMW-C-MAR-2.docx"

    as_json = json.loads(
        ws.cli("diff", tmp_path / "reviewed.docx", rebuilt, "--format", "json").stdout
    )
    comments = [c for c in as_json["changes"] if c["location"] == "comment"]
    assert len(comments) == 1
    assert comments[0]["kind"] == "removed"  # the machine status stays
    assert comments[0]["details"] == [NOT_CARRIED]
    # Nothing else differs: the edit was taken home.
    assert [c for c in as_json["changes"] if c["location"] != "comment"] == []

    text = ws.cli("diff", tmp_path / "reviewed.docx", rebuilt).stdout
    assert "comment by Amina" in text and f"  * {NOT_CARRIED}" in text


def test_a_comment_removed_between_two_reviewers_drafts_is_removed(tmp_path):
    """Neither draft is a build: a comment one has and the other not was removed."""
    ws = Workspace.make(tmp_path)
    doc = e.open_draft(ws.report)
    e.comment(doc, e.by_id(doc, "health-services"), "ملاحظة", "Amina")
    doc.save(tmp_path / "with.docx")
    plain = e.open_draft(ws.report)
    plain.core_properties.comments = "saved by a reviewer"
    plain.save(tmp_path / "without.docx")
    _strip_build(tmp_path / "without.docx")
    out = json.loads(
        ws.cli("diff", tmp_path / "with.docx", tmp_path / "without.docx", "--format", "json").stdout
    )
    comments = [c for c in out["changes"] if c["location"] == "comment"]
    assert [c["kind"] for c in comments] == ["removed"]
    assert "details" not in comments[0]


def _strip_build(path) -> None:
    """A draft saved by a tool that drops custom properties: no longer a build."""
    from cmwreport.docx.package import Package

    package = Package.read(path)
    part = package.related("", "custom-properties")[0]
    root = package.edit(part)
    for prop in list(root):
        root.remove(prop)
    path.write_bytes(package.to_bytes())
