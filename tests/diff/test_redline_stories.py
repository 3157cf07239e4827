"""A header or footer that only one draft has, in the redline: an added one's text
inserted in its part, a removed one put back as a part of its own with its text
deleted. Pairs made from the corpus's Word file with headers and footers of every
type, by dropping one section's references as a drafter's "Remove Header" does."""

from __future__ import annotations

import json
import zipfile
from pathlib import Path

import pytest
from lxml import etree

from cmwreport.commands.diff import run
from tests import drafts as d
from tests.office import audit_errors, pdf_text, to_pdf

WORD = Path(__file__).resolve().parents[1] / "fixtures" / "real" / "word" / "hdr-header-footer.docx"
W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"


def _without(src: Path, dst: Path, refs: tuple[tuple[str, str], ...]) -> Path:
    """The document less the section references (kind, type) named; parts kept."""
    with zipfile.ZipFile(src) as zin, zipfile.ZipFile(dst, "w", zipfile.ZIP_DEFLATED) as zout:
        for info in zin.infolist():
            data = zin.read(info.filename)
            if info.filename == "word/document.xml":
                root = etree.fromstring(data)
                sect = next(root.iter(f"{{{W}}}sectPr"))
                for kind, kind_type in refs:
                    for ref in sect.findall(f"{{{W}}}{kind}Reference"):
                        if ref.get(f"{{{W}}}type") == kind_type:
                            sect.remove(ref)
                data = etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)
            zout.writestr(info, data)
    return dst


def _changes(a: Path, b: Path, capsys) -> list:
    capsys.readouterr()
    run(a, b, fmt="json")
    return json.loads(capsys.readouterr().out)["changes"]


DROPPED = (("header", "default"), ("footer", "default"))


@pytest.mark.parametrize("removed", [True, False], ids=["removed", "added"])
def test_header_in_one_draft_only_round_trip(removed, tmp_path, capsys):
    cut = _without(WORD, tmp_path / "cut.docx", DROPPED)
    old, new = (WORD, cut) if removed else (cut, WORD)
    found = _changes(old, new, capsys)
    assert sorted((c["kind"], c["location"]) for c in found) == sorted(
        [
            ("removed" if removed else "added", "header"),
            ("removed" if removed else "added", "footer"),
        ]
    )
    red = tmp_path / "red.docx"
    assert run(old, new, fmt="json", redline=red, date="2024-05-02") == 1
    assert _changes(new, red, capsys) == []
    accepted = d.resolve_revisions(red, tmp_path / "accepted.docx", accept=True)
    assert _changes(new, accepted, capsys) == []
    rejected = d.resolve_revisions(red, tmp_path / "rejected.docx", accept=False)
    assert _changes(old, rejected, capsys) == []
    if removed:
        with zipfile.ZipFile(red) as z:
            names = [n for n in z.namelist() if "_old" in n]
            deleted = {
                n: "".join(etree.fromstring(z.read(n)).itertext())
                for n in names
                if n.endswith(".xml")
            }
        assert sorted(deleted) == ["word/footer_old1.xml", "word/header_old1.xml"]
        assert "Header for section-1" in deleted["word/header_old1.xml"]
    assert audit_errors(red) == audit_errors(new)
    assert pdf_text(to_pdf(red, tmp_path)).strip()


def _with_field_in_header(src: Path, dst: Path) -> Path:
    """The default header's text put in a TITLE field (same words, a field code added)."""
    with zipfile.ZipFile(src) as zin, zipfile.ZipFile(dst, "w", zipfile.ZIP_DEFLATED) as zout:
        for info in zin.infolist():
            data = zin.read(info.filename)
            if info.filename == "word/header2.xml":
                run_xml = b"<w:r><w:t>Header for section-1</w:t></w:r>"
                assert run_xml in data
                field = b'<w:fldSimple w:instr=" TITLE ">' + run_xml + b"</w:fldSimple>"
                data = data.replace(run_xml, field)
            zout.writestr(info, data)
    return dst


def test_field_code_added_in_a_header_round_trip(tmp_path, capsys):
    new = _with_field_in_header(WORD, tmp_path / "field.docx")
    found = _changes(WORD, new, capsys)
    assert [(c["kind"], c["location"], c.get("details")) for c in found] == [
        ("changed", "header", ["field code added: 'TITLE'"])
    ]
    red = tmp_path / "red.docx"
    assert run(WORD, new, fmt="json", redline=red, date="2024-05-02") == 1
    with zipfile.ZipFile(red) as z:
        header = etree.fromstring(z.read("word/header2.xml"))
    ns = {"w": W}
    assert (
        "".join(header.xpath("//w:del//w:delText/text()", namespaces=ns)) == "Header for section-1"
    )
    assert "".join(header.xpath("//w:ins//w:instrText/text()", namespaces=ns)).strip() == "TITLE"
    assert _changes(new, red, capsys) == []
    accepted = d.resolve_revisions(red, tmp_path / "accepted.docx", accept=True)
    assert _changes(new, accepted, capsys) == []
    rejected = d.resolve_revisions(red, tmp_path / "rejected.docx", accept=False)
    assert _changes(WORD, rejected, capsys) == []
    assert audit_errors(red) == audit_errors(new)
