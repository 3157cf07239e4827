"""Package.to_bytes(stream=True) (the redline's, which never holds a serialised tree
whole) writes the bytes to_bytes() writes: parsed parts streamed into the zip, and a
part with a processing instruction beside its root serialised whole, as before."""

from __future__ import annotations

import zipfile
from io import BytesIO
from pathlib import Path

from lxml import etree

from cmwreport.docx.package import Package

REAL = Path(__file__).resolve().parents[1] / "fixtures" / "real"
W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"


def _parsed(data: bytes) -> Package:
    package = Package.read(data)
    main = package.main_part()
    body = package.xml(main).find(f"{{{W}}}body")
    # An edit, so that the tree written is not the part's bytes read.
    body.insert(0, etree.fromstring(f'<w:p xmlns:w="{W}"><w:r><w:t>جديد</w:t></w:r></w:p>'))
    for name in package.related(main, "styles"):
        package.xml(name)
    return package


def test_streamed_package_is_byte_identical():
    checked = 0
    for path in sorted((REAL / "word").glob("*.docx"))[:6]:
        data = path.read_bytes()
        whole = _parsed(data).to_bytes()
        streamed = _parsed(data).to_bytes(stream=True)
        assert streamed == whole, path.name
        with zipfile.ZipFile(BytesIO(streamed)) as zf:
            assert zf.testzip() is None
            assert "جديد".encode() in zf.read("word/document.xml")
        checked += 1
    assert checked == 6


def test_part_with_a_processing_instruction_is_written_whole():
    data = (REAL / "word" / "par-hyperlinks.docx").read_bytes()
    packages = [_parsed(data), _parsed(data)]
    for package in packages:
        root = package.xml(package.main_part())
        root.addprevious(etree.ProcessingInstruction("mso-application", 'progid="Word"'))
    whole, streamed = packages[0].to_bytes(), packages[1].to_bytes(stream=True)
    assert streamed == whole
    with zipfile.ZipFile(BytesIO(streamed)) as zf:
        # As `serialize` writes a part: its root, without what stands beside it (a
        # stream of the whole document would have written the instruction).
        written = zf.read("word/document.xml")
        assert b"<?mso-application" not in written and b"<w:body>" in written
