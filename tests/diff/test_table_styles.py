"""Formatting from a table style is effective formatting (issue 18): the style's own
run properties and its conditional formatting (first row, banding, ...) by the table's
w:tblLook, as Word shows them, so that LibreOffice writing them out as direct
formatting is no change."""

from __future__ import annotations

from cmwreport.diff.compare import compare
from cmwreport.diff.options import DiffOptions
from cmwreport.draft.reader import read_draft
from tests.diff.package import NS, write

STYLES = (
    f'<w:styles {NS}><w:docDefaults><w:rPrDefault><w:rPr><w:sz w:val="22"/></w:rPr>'
    "</w:rPrDefault></w:docDefaults>"
    '<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/>'
    '<w:rPr><w:sz w:val="24"/></w:rPr></w:style>'
    '<w:style w:type="table" w:styleId="Grid"><w:name w:val="Grid"/>'
    '<w:rPr><w:color w:val="333333"/></w:rPr>'
    '<w:tblStylePr w:type="firstRow"><w:rPr><w:b/></w:rPr></w:tblStylePr>'
    '<w:tblStylePr w:type="band1Horz"><w:rPr><w:i/></w:rPr></w:tblStylePr>'
    "</w:style></w:styles>"
)
PARTS = {"rId2": ("styles", "styles.xml", STYLES)}


def cell(text: str, rpr: str = "") -> str:
    return f"<w:tc><w:p><w:r><w:rPr>{rpr}</w:rPr><w:t>{text}</w:t></w:r></w:p></w:tc>"


def table(look: str, rows: list[list[str]]) -> str:
    body = "".join("<w:tr>" + "".join(r) + "</w:tr>" for r in rows)
    return f'<w:tbl><w:tblPr><w:tblStyle w:val="Grid"/><w:tblLook {look}/></w:tblPr>{body}</w:tbl>'


LOOK = 'w:val="04A0" w:firstRow="1" w:lastRow="0" w:noHBand="0" w:noVBand="1"'
STYLED = [[cell("Region"), cell("Count")], [cell("Rabat"), cell("45")], [cell("Fes"), cell("12")]]
#: The same look written out as direct formatting, as LibreOffice saves it.
DIRECT = '<w:color w:val="333333"/><w:sz w:val="22"/>'
WRITTEN_OUT = [
    [cell("Region", DIRECT + "<w:b/>"), cell("Count", DIRECT + "<w:b/>")],
    [cell("Rabat", DIRECT + "<w:i/>"), cell("45", DIRECT + "<w:i/>")],
    [cell("Fes", DIRECT), cell("12", DIRECT)],
]


def details(tmp_path, old_body: str, new_body: str) -> list[tuple]:
    old = write(tmp_path / "old.docx", old_body, parts=PARTS)
    new = write(tmp_path / "new.docx", new_body, parts=PARTS)
    result = compare(read_draft(old), read_draft(new), DiffOptions())
    return [(c.kind, c.block.row, c.details) for c in result.changes]


def test_table_style_written_out_as_direct_formatting_is_no_change(tmp_path):
    assert details(tmp_path, table(LOOK, STYLED), table(LOOK, WRITTEN_OUT)) == []


def test_header_row_look_switched_off_is_reported(tmp_path):
    off = LOOK.replace('w:firstRow="1"', 'w:firstRow="0"')
    # Without the header row, banding starts at row 1: rows 1 and 3 italic, row 2 not.
    assert details(tmp_path, table(LOOK, STYLED), table(off, STYLED)) == [
        (
            "formatting",
            1,
            [
                "bold removed: «Region»",
                "italic added: «Region»",
                "bold removed: «Count»",
                "italic added: «Count»",
            ],
        ),
        ("formatting", 2, ["italic removed: «Rabat»", "italic removed: «45»"]),
        ("formatting", 3, ["italic added: «Fes»", "italic added: «12»"]),
    ]
