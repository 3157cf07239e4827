"""Accept All gives the new draft and Reject All the old one, on the construct pairs."""

from __future__ import annotations

import json

import pytest

from cmwreport.commands.diff import run
from tests import drafts as d
from tests.diff.package import p, write
from tests.diff.test_stories import textbox
from tests.office import audit_errors

PAIRS = {
    "word changed": (p("The committee met in Rabat."), p("The committee met in Oujda.")),
    "appended sentence": (
        p("Opening.") + p("Short one."),
        p("Opening.") + p("Short one. A much longer appended sentence, said in full."),
    ),
    "paragraph added and removed": (
        p("Kept paragraph one.") + p("Removed paragraph.") + p("Kept paragraph two."),
        p("Kept paragraph one.") + p("Kept paragraph two.") + p("Added paragraph at the end."),
    ),
    "text box edited": (p("Body.") + textbox("Box one."), p("Body.") + textbox("Box two.")),
    "table cell": (
        "<w:tbl><w:tr><w:tc>" + p("Cell old") + "</w:tc></w:tr></w:tbl>",
        "<w:tbl><w:tr><w:tc>" + p("Cell new") + "</w:tc></w:tr></w:tbl>",
    ),
}


@pytest.mark.parametrize("name", list(PAIRS))
def test_accept_gives_new_reject_gives_old(name, tmp_path, capsys):
    old_body, new_body = PAIRS[name]
    old = write(tmp_path / "old.docx", old_body)
    new = write(tmp_path / "new.docx", new_body)
    red = tmp_path / "red.docx"
    assert run(old, new, fmt="json", redline=red, date="2024-05-02") == 1
    capsys.readouterr()
    # diff reads the redline in its accepted view (docx/revisions.py): it is NEW.
    assert run(new, red, fmt="json") == 0, capsys.readouterr().out
    capsys.readouterr()
    for expected, accept in ((new, True), (old, False)):
        resolved = d.resolve_revisions(red, tmp_path / f"{accept}.docx", accept=accept)
        code = run(expected, resolved, fmt="json")
        report = json.loads(capsys.readouterr().out)
        assert (code, report["changes"]) == (0, []), (name, accept)


def _styled(rpr: str, style: str = "") -> str:
    ppr = f'<w:pPr><w:pStyle w:val="{style}"/></w:pPr>' if style else ""
    return (
        f'<w:p>{ppr}<w:r><w:t xml:space="preserve">The committee </w:t></w:r>'
        f"<w:r><w:rPr>{rpr}</w:rPr><w:t>met</w:t></w:r>"
        '<w:r><w:t xml:space="preserve"> in Rabat.</w:t></w:r></w:p>'
    )


FORMATTING = {
    "bold added": (_styled(""), _styled("<w:b/>")),
    "size and colour": (_styled('<w:sz w:val="30"/>'), _styled('<w:color w:val="FF0000"/>')),
    "paragraph style": (_styled(""), _styled("", "Heading1")),
}


@pytest.mark.parametrize("name", list(FORMATTING))
def test_formatting_as_property_changes(name, tmp_path, capsys):
    from tests.diff.test_formatting import PARTS

    old_body, new_body = FORMATTING[name]
    old = write(tmp_path / "old.docx", old_body, parts=PARTS)
    new = write(tmp_path / "new.docx", new_body, parts=PARTS)
    red = tmp_path / "red.docx"
    assert run(old, new, fmt="json", redline=red, date="2024-05-02") == 1
    assert json.loads(capsys.readouterr().out)["summary"]["formatting"] == 1
    import zipfile

    with zipfile.ZipFile(red) as zf:
        document = zf.read("word/document.xml").decode()
    assert "w:rPrChange" in document or "w:pPrChange" in document
    # The test package is minimal (no settings, fonts or theme): the schema of what the
    # redline wrote is what is checked.
    written = [e for e in audit_errors(red) if e["part_uri"] == "/word/document.xml"]
    assert [e["description"] for e in written if e["type"] == "schema"] == []
    for expected, accept in ((new, True), (old, False)):
        resolved = d.resolve_revisions(red, tmp_path / f"{accept}.docx", accept=accept)
        code = run(expected, resolved, fmt="json")
        report = json.loads(capsys.readouterr().out)
        assert (code, report["changes"]) == (0, []), (name, accept)


def test_unchanged_paragraph_moved_is_a_native_move(tmp_path, capsys):
    moved = "A paragraph that moves to the end, unchanged."
    old = write(tmp_path / "old.docx", p(moved) + p("First stays.") + p("Second stays."))
    new = write(tmp_path / "new.docx", p("First stays.") + p("Second stays.") + p(moved))
    red = tmp_path / "red.docx"
    assert run(old, new, fmt="json", redline=red, date="2024-05-02") == 1
    assert json.loads(capsys.readouterr().out)["summary"]["moved"] == 1
    import zipfile

    with zipfile.ZipFile(red) as zf:
        document = zf.read("word/document.xml").decode()
    for mark in ("w:moveFrom ", "w:moveTo ", "w:moveFromRangeStart", "w:moveToRangeEnd"):
        assert mark in document, mark
    assert "w:delText" not in document and "<w:del " not in document
    written = [e for e in audit_errors(red) if e["part_uri"] == "/word/document.xml"]
    assert [e["description"] for e in written if e["type"] == "schema"] == []
    for expected, accept in ((new, True), (old, False)):
        resolved = d.resolve_revisions(red, tmp_path / f"{accept}.docx", accept=accept)
        code = run(expected, resolved, fmt="json")
        assert (code, json.loads(capsys.readouterr().out)["changes"]) == (0, []), accept


@pytest.mark.parametrize("kind", ["footnote", "endnote"])
def test_note_removed_altogether_comes_back_on_reject(kind, tmp_path, capsys):
    from tests.diff.package import NS

    cited = p("A cited sentence.").replace(
        "</w:p>", f'<w:r><w:{kind}Reference w:id="1"/></w:r></w:p>'
    )
    note = f'<w:{kind} w:id="1">{p("The note text.")}</w:{kind}>'
    old = write(
        tmp_path / "old.docx",
        cited + p("Next paragraph."),
        parts={"rId9": (f"{kind}s", f"{kind}s.xml", f"<w:{kind}s {NS}>{note}</w:{kind}s>")},
    )
    new = write(
        tmp_path / "new.docx",
        p("A cited sentence.") + p("Next paragraph."),
        parts={"rId9": (f"{kind}s", f"{kind}s.xml", f"<w:{kind}s {NS}></w:{kind}s>")},
    )
    red = tmp_path / "red.docx"
    assert run(old, new, fmt="json", redline=red, date="2024-05-02") == 1
    report = json.loads(capsys.readouterr().out)
    assert [(c["kind"], c["location"], c["old_text"]) for c in report["changes"]] == [
        ("removed", kind, "The note text.")
    ]
    assert run(new, red, fmt="json") == 0, capsys.readouterr().out
    capsys.readouterr()
    for expected, accept in ((new, True), (old, False)):
        resolved = d.resolve_revisions(red, tmp_path / f"{accept}.docx", accept=accept)
        code = run(expected, resolved, fmt="json")
        assert (code, json.loads(capsys.readouterr().out)["changes"]) == (0, []), accept


def test_removed_note_beside_a_stray_notes_part(tmp_path, capsys):
    """The new draft holds a footnotes part nothing relates to: the note put back goes
    into a part of its own name, never a second zip entry of the same name."""
    import zipfile

    from tests.diff.package import NS

    cited = p("A cited sentence.").replace(
        "</w:p>", '<w:r><w:footnoteReference w:id="1"/></w:r></w:p>'
    )
    notes = f'<w:footnotes {NS}><w:footnote w:id="1">{p("The note.")}</w:footnote></w:footnotes>'
    old = write(tmp_path / "old.docx", cited, parts={"rId9": ("footnotes", "footnotes.xml", notes)})
    new = write(tmp_path / "new.docx", p("A cited sentence."))
    with zipfile.ZipFile(new, "a") as zf:
        zf.writestr("word/footnotes.xml", notes)
    red = tmp_path / "red.docx"
    assert run(old, new, fmt="json", redline=red, date="2024-05-02") == 1
    capsys.readouterr()
    with zipfile.ZipFile(red) as zf:
        names = zf.namelist()
    assert len(names) == len(set(names)) and "word/footnotes2.xml" in names
    rejected = d.resolve_revisions(red, tmp_path / "rejected.docx", accept=False)
    run(old, rejected, fmt="json")
    report = json.loads(capsys.readouterr().out)
    # The note is back; the stray part is still there (listed, as in NEW).
    assert report["changes"] == []
    assert [u["part"] for u in report["not_compared"]] == ["word/footnotes.xml"]
