"""The report's word count reads the body's own blocks, as it did before the annex went
in: a paragraph (without the text box it holds), a table's paragraphs at any depth (a
text box in a cell too). Counted from the texts readiness reads once, after the brackets
are bound; this checks the count by what a template adds to it."""

from __future__ import annotations

import re
import zipfile
from pathlib import Path

from lxml import etree

from cmwreport.docx.xml import w
from tests.conftest import SOURCES, TEMPLATE, cmwreport

_V = "urn:schemas-microsoft-com:vml"


def _box(text: str) -> str:
    return (
        f'<w:r><w:pict xmlns:v="{_V}"><v:shape><v:textbox><w:txbxContent><w:p><w:r>'
        f"<w:t>{text}</w:t></w:r></w:p></w:txbxContent></v:textbox></v:shape></w:pict></w:r>"
    )


#: A table of three words and of one word holding a box of four; a paragraph of two
#: words holding a box of five.
ADDED = (
    "<w:tbl><w:tblGrid><w:gridCol w:w='4000'/></w:tblGrid>"
    "<w:tr><w:tc><w:p><w:r><w:t>ثلاث كلمات هنا</w:t></w:r></w:p></w:tc></w:tr>"
    f"<w:tr><w:tc><w:p><w:r><w:t>كلمة</w:t></w:r>{_box('أربع كلمات في الخانة')}</w:p>"
    "</w:tc></w:tr></w:tbl>"
    f"<w:p><w:r><w:t>كلمتان اثنتان</w:t></w:r>{_box('خمس كلمات في مربع النص')}</w:p>"
)


def _words(out: str) -> int:
    found = re.search(r"CMW-C-MAR-2\.docx: ([\d,]+) words", out)
    assert found, out
    return int(found.group(1).replace(",", ""))


def test_tables_at_any_depth_and_body_paragraphs_without_their_text_boxes(
    tmp_path: Path, capsys
) -> None:
    boxed = tmp_path / "boxed.docx"
    with zipfile.ZipFile(TEMPLATE) as src, zipfile.ZipFile(boxed, "w") as dst:
        for info in src.infolist():
            data = src.read(info.filename)
            if info.filename == "word/document.xml":
                data = data.replace(b"<w:body>", b"<w:body>" + ADDED.encode(), 1)
            dst.writestr(info, data)
    assert cmwreport("build", SOURCES, "--template", TEMPLATE, "--out", tmp_path / "a") == 0
    plain = _words(capsys.readouterr().out)
    assert cmwreport("build", SOURCES, "--template", boxed, "--out", tmp_path / "b") == 0
    assert _words(capsys.readouterr().out) == plain + 3 + (1 + 4) + 2

    # Both boxes are in the report as written, each a paragraph of its own.
    with zipfile.ZipFile(tmp_path / "b" / "CMW-C-MAR-2.docx") as built:
        root = etree.fromstring(built.read("word/document.xml"))
    boxes = ["".join(t.text for t in box.iter(w("t"))) for box in root.iter(w("txbxContent"))]
    assert boxes == ["أربع كلمات في الخانة", "خمس كلمات في مربع النص"]
