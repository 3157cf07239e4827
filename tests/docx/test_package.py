"""The one package reader and writer: read from a file or bytes, parts found by
relationship, changed through its operations, written back; Strict read as transitional."""

from __future__ import annotations

import io
import re
import zipfile

import pytest
from lxml import etree

from cmwreport.docx import custom_properties as cp
from cmwreport.docx.package import Package
from cmwreport.docx.part_copy import PartCopier
from cmwreport.docx.revisions import reject_all
from cmwreport.docx.xml import W_NS, w
from tests.absorb.packages import strict
from tests.conftest import ROOT
from tests.diff.package import REL, p, write

INSERTED = '<w:ins w:id="1" w:author="A"><w:r><w:t>new </w:t></w:r></w:ins>'


def text(package: Package) -> str:
    root = package.xml(package.main_part())
    return "".join(t.text or "" for t in root.iter(w("t")))


def test_a_package_reads_from_bytes_as_from_its_file(tmp_path) -> None:
    path = write(tmp_path / "a.docx", p("one"))
    assert text(Package.read(path.read_bytes())) == text(Package.read(path)) == "one"


def test_the_main_part_is_found_by_its_relationship_whatever_its_name(tmp_path) -> None:
    path = write(tmp_path / "a.docx", p("one"), document="word/main.xml")
    package = Package.read(path)
    assert package.main_part() == "word/main.xml" and text(package) == "one"


def test_reject_all_takes_out_a_pending_insertion_of_a_strict_draft(tmp_path) -> None:
    path = write(tmp_path / "a.docx", f"<w:p>{INSERTED}<w:r><w:t>old</w:t></w:r></w:p>")
    package = Package.read(strict(path, tmp_path / "strict.docx"))
    assert reject_all(package) == 1
    assert text(package) == "old"


def test_reject_all_reaches_the_headers_the_main_part_relates(tmp_path) -> None:
    header = f'<w:hdr xmlns:w="{W_NS}"><w:p>{INSERTED}<w:r><w:t>h</w:t></w:r></w:p></w:hdr>'
    path = write(tmp_path / "a.docx", p("body"), parts={"rId9": ("header", "header1.xml", header)})
    package = Package.read(path)
    assert reject_all(package) == 1
    assert "".join(package.xml("word/header1.xml").itertext()) == "h"


def test_a_written_strict_package_holds_transitional_names_only(tmp_path) -> None:
    path = strict(write(tmp_path / "a.docx", p("one")), tmp_path / "strict.docx")
    with zipfile.ZipFile(path) as zf:
        assert b'conformance="strict"' in zf.read("word/document.xml")
    with zipfile.ZipFile(io.BytesIO(Package.read(path).to_bytes())) as zf:
        written = b"".join(zf.read(n) for n in zf.namelist())
    assert b"purl.oclc.org" not in written and b"conformance" not in written


def test_a_custom_property_set_is_read_back_from_the_bytes_written(tmp_path) -> None:
    package = Package.read(write(tmp_path / "a.docx", p("one")))
    cp.set_property(package, "cmwreport.build", "abc")
    cp.set_property(package, "cmwreport.build", "def")  # replaced, not added twice
    again = Package.read(package.to_bytes())
    assert cp.get(again, "cmwreport.build") == "def"
    assert again.related("", "custom-properties") == ["docProps/custom.xml"]
    custom = again.xml("docProps/custom.xml")
    assert len(custom) == 1


def test_a_custom_property_is_found_by_relationship_not_by_name(tmp_path) -> None:
    package = Package.read(write(tmp_path / "a.docx", p("one")))
    cp.set_property(package, "x", "1")
    data = package.to_bytes()
    # The same part under another name, its relationship following it.
    moved = tmp_path / "moved.docx"
    with zipfile.ZipFile(io.BytesIO(data)) as zin, zipfile.ZipFile(moved, "w") as zo:
        for name in zin.namelist():
            body = zin.read(name).replace(b"docProps/custom.xml", b"docProps/mine.xml")
            zo.writestr(name.replace("docProps/custom.xml", "docProps/mine.xml"), body)
    assert cp.property_of(moved, "x") == "1"
    assert cp.property_of(tmp_path / "missing.docx", "x") is None


def test_a_relationship_added_is_seen_by_related_and_written(tmp_path) -> None:
    package = Package.read(write(tmp_path / "a.docx", p("one")))
    main = package.main_part()
    package.add_part("word/extra.xml", etree.Element(w("hdr")))
    rid = package.add_relationship(main, f"{REL}header", "extra.xml")
    package.declare("word/extra.xml", "application/x-test+xml")
    assert package.related(main, "header") == ["word/extra.xml"]
    package.forget_trees(set())  # what the operations changed is written all the same
    again = Package.read(package.to_bytes())
    assert again.related(main, "header") == ["word/extra.xml"]
    assert any(r.id == rid for r in again.relationships(main))


def test_a_picture_copied_between_packages_takes_a_new_name_and_relationship(tmp_path) -> None:
    parts = {"rId5": ("image", "media/image1.png", b"\x89PNG old")}
    old = Package.read(write(tmp_path / "old.docx", p("x"), parts=parts))
    parts = {"rId5": ("image", "media/image1.png", b"\x89PNG new")}
    new = Package.read(write(tmp_path / "new.docx", p("x"), parts=parts))
    blip = etree.fromstring(
        '<a:blip xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" '
        'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" '
        'r:embed="rId5"/>'
    )
    PartCopier(old, new).relink(blip, "word/document.xml", "word/document.xml")
    rid = blip.get("{http://schemas.openxmlformats.org/officeDocument/2006/relationships}embed")
    target = next(r.target for r in new.relationships("word/document.xml") if r.id == rid)
    assert rid != "rId5" and target == "word/media/image1_old1.png"
    assert (
        new.bytes(target) == b"\x89PNG old" and new.bytes("word/media/image1.png") == b"\x89PNG new"
    )


def test_no_module_outside_docx_opens_a_zip_or_parses_xml_and_docx_has_one_parser() -> None:
    src = ROOT / "src" / "cmwreport"
    zips = re.compile(r"^\s*(?:import|from) (?:zipfile|zlib|tarfile)\b", re.M)
    parses = re.compile(r"\b(?:fromstring|XMLParser|XML)\(|etree\.parse\(")
    found = {
        p.relative_to(src).as_posix(): (bool(zips.search(t)), bool(parses.search(t)))
        for p in src.rglob("*.py")
        for t in [p.read_text(encoding="utf-8")]
        if zips.search(t) or parses.search(t)
    }
    assert found == {
        "docx/opc.py": (True, False),
        "docx/zipio.py": (True, False),
        "docx/xml.py": (False, True),
    }


def test_the_styles_part_is_read_in_docx_styles_only() -> None:
    # One chain, one rule: a second reader of w:style, w:basedOn or the document defaults
    # would count UN paragraphs or resolve formatting its own way (issue 16).
    src = ROOT / "src" / "cmwreport"
    reads = re.compile(
        r"""w\(["'](?:style|styleId|basedOn|docDefaults)["']\)"""
        r"|w:(?:style|styleId|basedOn|docDefaults)\b|\}(?:style|styleId|basedOn|docDefaults)\b"
    )
    found = {
        p.relative_to(src).as_posix()
        for p in src.rglob("*.py")
        if reads.search(p.read_text(encoding="utf-8"))
    }
    assert found == {"docx/styles.py"}


def test_a_free_name_is_the_name_itself_else_the_first_number_free(tmp_path) -> None:
    parts = {"rId7": ("image", "media/a_old1.png", b"x"), "rId8": ("footer", "notes.xml", "<x/>")}
    package = Package.read(write(tmp_path / "a.docx", p("one"), parts=parts))
    assert package.free_name("word/notes", ".xml") == "word/notes2.xml"
    assert package.free_name("word/other", ".xml") == "word/other.xml"
    assert package.free_name("word/media/a_old", ".png", start=1) == "word/media/a_old2.png"


def test_a_part_added_is_declared_related_and_written_as_given(tmp_path) -> None:
    package = Package.read(write(tmp_path / "a.docx", p("one")))
    main = package.main_part()
    rid = package.add_part(
        "word/media/pic.bin", b"\x00raw", "image/x-test", related_from=main, rel_type=f"{REL}image"
    )
    with pytest.raises(ValueError):
        package.add_part("word/media/pic.bin", b"again")
    again = Package.read(package.to_bytes())
    assert again.bytes("word/media/pic.bin") == b"\x00raw"
    assert [(r.id, r.target) for r in again.relationships(main) if r.kind == "image"] == [
        (rid, "word/media/pic.bin")
    ]
    types = again.xml("[Content_Types].xml")
    declared = [o.get("ContentType") for o in types if o.get("PartName") == "/word/media/pic.bin"]
    assert declared == ["image/x-test"]


def test_a_part_edited_in_place_is_written_after_forget_trees(tmp_path) -> None:
    package = Package.read(write(tmp_path / "a.docx", p("one")))
    main = package.main_part()
    package.edit(main).find(f"{{{W_NS}}}body").clear()
    package.forget_trees(set())
    assert text(Package.read(package.to_bytes())) == ""


def test_a_footnotes_part_is_created_related_and_found_again(tmp_path) -> None:
    from cmwreport.docx.footnotes import Footnotes

    package = Package.read(write(tmp_path / "a.docx", p("one")))
    main = package.main_part()
    notes = Footnotes(package, main, set(), None)
    assert notes.part == "word/footnotes.xml"
    assert package.related(main, "footnotes") == ["word/footnotes.xml"]  # not stale
    assert Footnotes(package, main, set(), None).part == notes.part  # not created twice
    again = Package.read(package.to_bytes())
    assert again.related(main, "footnotes") == ["word/footnotes.xml"]
    kinds = [n.get(w("type")) for n in again.xml("word/footnotes.xml")]
    assert kinds == ["separator", "continuationSeparator"]


def test_a_released_part_is_written_from_its_tree_and_never_forgotten(tmp_path) -> None:
    """`diff` drops the bytes of a draft's main part once parsed (Package.release): the
    redline writes that part from its tree, edits included, even past forget_trees."""
    path = write(tmp_path / "a.docx", p("one"))
    package = Package.read(path)
    main = package.main_part()
    package.xml(main).find(f"{w('body')}/{w('p')}/{w('r')}/{w('t')}").text = "two"
    package.release(main)
    assert package.parts[main] == b""
    package.forget_trees(set())
    assert text(Package.read(package.to_bytes())) == "two"
