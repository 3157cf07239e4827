"""What the redline writes where the words did not change but something else did, on
pairs of the real-document corpus: a picture, field code, link target or alternative
text (the old paragraph deleted whole, its objects and their parts kept), an equation
(w:del/w:ins inside m:oMath), a cell removed (w:cellDel), comments added and removed.
Each redline is checked by openxml-audit (no error the new draft does not have itself)
and opened by LibreOffice; tests/diff/test_redline_corpus.py checks Accept/Reject All."""

from __future__ import annotations

import json
import zipfile
from collections import Counter
from pathlib import Path

import pytest
from lxml import etree

from cmwreport.commands.diff import run
from tests.office import audit_errors, pdf_text, to_pdf

CORPUS = Path(__file__).resolve().parents[1] / "fixtures" / "real"
PAIRS: dict[str, list[str]] = json.loads((CORPUS / "pairs.json").read_text())
W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
M = "http://schemas.openxmlformats.org/officeDocument/2006/math"
R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
WP = "http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing"
A = "http://schemas.openxmlformats.org/drawingml/2006/main"
NS = {"w": W, "m": M, "r": R, "wp": WP, "a": A}


def _redline(name: str, tmp_path: Path) -> tuple[Path, Path, Path]:
    old, new = (CORPUS / part for part in PAIRS[name])
    red = tmp_path / f"{name}.docx"
    assert run(old, new, fmt="json", redline=red, date="2024-05-02") == 1
    return old, new, red


def _xml(docx: Path, part: str):
    with zipfile.ZipFile(docx) as z:
        return etree.fromstring(z.read(part))


def _rels(docx: Path, part: str) -> dict[str, tuple[str, str | None]]:
    folder, _, base = part.rpartition("/")
    root = _xml(docx, f"{folder}/_rels/{base}.rels")
    return {r.get("Id"): (r.get("Target"), r.get("TargetMode")) for r in root}


def _part_bytes(docx: Path, name: str) -> bytes:
    with zipfile.ZipFile(docx) as z:
        return z.read(name)


def _only_inputs_errors(red: Path, new: Path) -> None:
    """openxml-audit finds nothing in the redline that the new draft does not carry."""
    ours = Counter(e.get("description") for e in audit_errors(red))
    theirs = Counter(e.get("description") for e in audit_errors(new))
    # A paragraph copied from the old draft carries that draft's own faults with it.
    extra = {d: c for d, c in (ours - theirs).items() if d not in theirs}
    assert extra == {}


def _deleted_embeds(root) -> list[str]:
    return root.xpath("//w:del//w:drawing//a:blip/@r:embed", namespaces=NS)


def test_picture_replaced_keeps_the_old_image_part(tmp_path):
    old, new, red = _redline("lo-image-replaced", tmp_path)
    doc = _xml(red, "word/document.xml")
    (embed,) = _deleted_embeds(doc)
    inserted = doc.xpath("//w:ins//w:drawing//a:blip/@r:embed", namespaces=NS)
    assert len(inserted) == 1 and inserted[0] != embed
    target, _ = _rels(red, "word/document.xml")[embed]
    old_embed = _xml(old, "word/document.xml").xpath("//a:blip/@r:embed", namespaces=NS)[0]
    old_target, _ = _rels(old, "word/document.xml")[old_embed]
    assert _part_bytes(red, f"word/{target}") == _part_bytes(old, f"word/{old_target}")
    ids = doc.xpath("//wp:docPr/@id", namespaces=NS)
    assert len(ids) == len(set(ids))
    _only_inputs_errors(red, new)
    assert pdf_text(to_pdf(red, tmp_path)).strip()  # LibreOffice opens it


def test_alt_text_changed_deletes_the_old_description(tmp_path):
    _, new, red = _redline("w-alt-text-added", tmp_path)
    doc = _xml(red, "word/document.xml")
    old_alt = doc.xpath("//w:del//wp:docPr/@descr", namespaces=NS)
    new_alt = doc.xpath("//w:ins//wp:docPr/@descr", namespaces=NS)
    assert old_alt in ([], [""]) and new_alt and new_alt[0]
    _only_inputs_errors(red, new)


def test_field_code_changed_old_instruction_deleted(tmp_path):
    old, new, red = _redline("lo-field-code-changed", tmp_path)
    doc = _xml(red, "word/document.xml")
    deleted = "".join(doc.xpath("//w:del//w:delInstrText/text()", namespaces=NS))
    inserted = "".join(doc.xpath("//w:ins//w:instrText/text()", namespaces=NS))
    old_code = "".join(_xml(old, "word/document.xml").xpath("//w:instrText/text()", namespaces=NS))
    assert deleted.split() == old_code.split() and inserted.split() != deleted.split()
    _only_inputs_errors(red, new)
    assert pdf_text(to_pdf(red, tmp_path)).strip()


def test_link_target_changed_both_links_kept(tmp_path):
    old, new, red = _redline("w-hyperlink-target-changed", tmp_path)
    doc = _xml(red, "word/document.xml")
    rels = _rels(red, "word/document.xml")
    gone = doc.xpath("//w:hyperlink[w:del]/@r:id", namespaces=NS)
    came = doc.xpath("//w:hyperlink[w:ins]/@r:id", namespaces=NS)
    assert gone and came
    old_rels = _rels(old, "word/document.xml")
    old_targets = {t for t, mode in old_rels.values() if mode == "External"}
    assert {rels[r][0] for r in gone} <= old_targets
    assert not {rels[r][0] for r in came} <= old_targets
    _only_inputs_errors(red, new)
    assert pdf_text(to_pdf(red, tmp_path)).strip()


@pytest.mark.parametrize("name", ["lo-formula-changed", "pd-equation-changed"])
def test_equation_edited_marked_inside_the_math(name, tmp_path):
    _, new, red = _redline(name, tmp_path)
    doc = _xml(red, "word/document.xml")
    assert doc.xpath("//m:oMath/w:del[.//m:t]", namespaces=NS)
    assert doc.xpath("//m:oMath/w:ins[.//m:t]", namespaces=NS)
    _only_inputs_errors(red, new)
    if name == "lo-formula-changed":
        assert pdf_text(to_pdf(red, tmp_path)).strip()


def test_cell_removed_put_back_with_cell_del(tmp_path):
    _, new, red = _redline("w-cell-deleted-tracked", tmp_path)
    doc = _xml(red, "word/document.xml")
    (cell,) = doc.xpath("//w:tc[w:tcPr/w:cellDel]", namespaces=NS)
    assert "".join(cell.xpath(".//w:delText/text()", namespaces=NS)) == "5"
    assert len(cell.getparent().findall(f"{{{W}}}tc")) == 3
    _only_inputs_errors(red, new)
    assert "5" in pdf_text(to_pdf(red, tmp_path))


def test_comment_removed_put_back_with_deleted_reference(tmp_path):
    _, new, red = _redline("w-comment-removed", tmp_path)
    doc = _xml(red, "word/document.xml")
    (ref,) = doc.xpath("//w:del//w:commentReference/@w:id", namespaces=NS)
    comments = _xml(red, "word/comments.xml")
    (comment,) = comments.xpath(f"//w:comment[@w:id='{ref}']", namespaces=NS)
    text = "".join(comment.xpath(".//w:delText/text()", namespaces=NS))
    assert text == "Paragraph with Heading 2 paragraph style."
    _only_inputs_errors(red, new)
    assert pdf_text(to_pdf(red, tmp_path)).strip()


def test_comment_added_reference_inserted(tmp_path):
    _, new, red = _redline("w-comment-added", tmp_path)
    doc = _xml(red, "word/document.xml")
    (ref,) = doc.xpath("//w:ins//w:commentReference/@w:id", namespaces=NS)
    comments = _xml(red, "word/comments.xml")
    text = comments.xpath(f"//w:comment[@w:id='{ref}']//w:ins//w:t/text()", namespaces=NS)
    assert "".join(text) == "Check this figure."
    _only_inputs_errors(red, new)


def test_field_added_in_a_table_cell_round_trip(tmp_path, capsys):
    """Same words, a field code added in one cell: that cell's paragraph replaced whole."""
    from tests import drafts as d

    old = CORPUS / "word" / "tbl-cell-access.docx"
    new = tmp_path / "cell-field.docx"
    with zipfile.ZipFile(old) as zin, zipfile.ZipFile(new, "w", zipfile.ZIP_DEFLATED) as zout:
        for info in zin.infolist():
            data = zin.read(info.filename)
            if info.filename == "word/document.xml":
                run_xml = b"<w:r><w:t>5</w:t></w:r>"
                assert run_xml in data  # the first table's middle cell
                data = data.replace(
                    run_xml, b'<w:fldSimple w:instr=" SEQ Table ">' + run_xml + b"</w:fldSimple>", 1
                )
            zout.writestr(info, data)
    red = tmp_path / "red.docx"
    assert run(old, new, fmt="json", redline=red, date="2024-05-02") == 1
    doc = _xml(red, "word/document.xml")
    (cell,) = doc.xpath("//w:tc[.//w:del]", namespaces=NS)
    assert "".join(cell.xpath(".//w:del//w:delText/text()", namespaces=NS)) == "5"
    assert "".join(cell.xpath(".//w:ins//w:instrText/text()", namespaces=NS)).split() == [
        "SEQ",
        "Table",
    ]

    def changes(a, b):
        capsys.readouterr()
        run(a, b, fmt="json")
        return json.loads(capsys.readouterr().out)["changes"]

    assert changes(new, red) == []
    assert changes(new, d.resolve_revisions(red, tmp_path / "acc.docx", accept=True)) == []
    assert changes(old, d.resolve_revisions(red, tmp_path / "rej.docx", accept=False)) == []
    _only_inputs_errors(red, new)


def test_an_old_picture_that_cannot_be_read_is_refused_not_copied_empty(tmp_path, capsys):
    """The old draft's picture, deleted in the new one, is copied into the redline: a
    zip entry that does not inflate would have been copied as an empty part."""
    old, new = (CORPUS / part for part in PAIRS["lo-image-replaced"])
    old_embed = _xml(old, "word/document.xml").xpath("//a:blip/@r:embed", namespaces=NS)[0]
    target, _ = _rels(old, "word/document.xml")[old_embed]
    broken = tmp_path / "old.docx"
    data = bytearray(old.read_bytes())
    with zipfile.ZipFile(old) as zf:
        info = zf.getinfo(f"word/{target}")
    start = info.header_offset + 30 + len(info.filename) + len(info.extra)
    data[start : start + 8] = b"\xff" * 8  # its CRC no longer matches
    broken.write_bytes(bytes(data))
    red = tmp_path / "red.docx"
    from cmwreport.errors import CmwError

    with pytest.raises(CmwError) as caught:
        run(broken, new, fmt="json", redline=red, date="2024-05-02")
    message = str(caught.value)
    assert str(broken) in message and f"word/{target}" in message, message
    assert "nothing was written" in message
    assert not red.exists()
