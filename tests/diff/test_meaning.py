"""What is compared by meaning, not markup (issue 18): fields by instruction and switches
as a set, a link by target and anchor whatever carries it, a symbol by character and
font, a positional tab as a tab, Word's defaults where nothing is set."""

from __future__ import annotations

from cmwreport.diff.compare import compare
from cmwreport.diff.options import DiffOptions
from cmwreport.draft.reader import read_draft
from tests.diff.package import write
from tests.diff.test_formatting import PARTS, para, run_xml

LINK = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/hyperlink"


def changes(tmp_path, old_body: str, new_body: str, parts=None) -> list[tuple]:
    old = write(tmp_path / "old.docx", old_body, parts=parts or PARTS)
    new = write(tmp_path / "new.docx", new_body, parts=parts or PARTS)
    result = compare(read_draft(old), read_draft(new), DiffOptions())
    return [(c.kind, c.details) for c in result.changes]


def field(instr: str, result: str = "x") -> str:
    return (
        '<w:p><w:r><w:t xml:space="preserve">See </w:t></w:r>'
        '<w:r><w:fldChar w:fldCharType="begin"/></w:r>'
        f'<w:r><w:instrText xml:space="preserve">{instr}</w:instrText></w:r>'
        '<w:r><w:fldChar w:fldCharType="separate"/></w:r>'
        f"<w:r><w:t>{result}</w:t></w:r>"
        '<w:r><w:fldChar w:fldCharType="end"/></w:r></w:p>'
    )


def test_switches_are_a_set_and_simple_arguments_quoted_or_not(tmp_path):
    assert (
        changes(tmp_path, field(' TOC \\o "1-3" \\h \\z \\u '), field("TOC \\z \\o 1-3 \\u \\h"))
        == []
    )
    assert changes(tmp_path, field("DOCPROPERTY Author"), field('DOCPROPERTY "Author"')) == []


def test_a_changed_switch_is_still_a_change(tmp_path):
    found = changes(tmp_path, field('TOC \\o "1-3" \\h'), field('TOC \\o "1-2" \\h'))
    assert found == [
        ("changed", ["field code changed: 'TOC \\\\h \\\\o 1-3' -> 'TOC \\\\h \\\\o 1-2'"])
    ]


def test_hyperlink_field_and_element_are_one_link(tmp_path):
    element = (
        '<w:p><w:r><w:t xml:space="preserve">See </w:t></w:r>'
        '<w:hyperlink w:anchor="bm1"><w:r><w:t>x</w:t></w:r></w:hyperlink></w:p>'
    )
    assert changes(tmp_path, element, field('HYPERLINK \\l "bm1"')) == []
    external = (
        '<w:p><w:r><w:t xml:space="preserve">See </w:t></w:r>'
        '<w:hyperlink r:id="rIdL" w:anchor="top"><w:r><w:t>x</w:t></w:r></w:hyperlink></w:p>'
    )
    old = write(tmp_path / "old.docx", external, parts=PARTS)
    # An external relationship: the package writer only names internal parts, so
    # patch the target in by hand.
    _add_external_link(old, "rIdL", "https://example.org/page")
    new = write(
        tmp_path / "new.docx", field('HYPERLINK "https://example.org/page" \\l "top"'), parts=PARTS
    )
    assert compare(read_draft(old), read_draft(new), DiffOptions()).changes == []
    other = write(
        tmp_path / "other.docx",
        field('HYPERLINK "https://example.org/page" \\l "end"'),
        parts=PARTS,
    )
    found = compare(read_draft(old), read_draft(other), DiffOptions()).changes
    assert [c.details for c in found] == [
        ["link target changed: 'https://example.org/page#top' -> 'https://example.org/page#end'"]
    ]


def _add_external_link(path, rid: str, url: str) -> None:
    import zipfile

    with zipfile.ZipFile(path) as zf:
        items = {n: zf.read(n) for n in zf.namelist()}
    rels = items["word/_rels/document.xml.rels"].decode()
    rels = rels.replace(
        "</Relationships>",
        f'<Relationship Id="{rid}" Type="{LINK}" Target="{url}" TargetMode="External"/>'
        "</Relationships>",
    )
    items["word/_rels/document.xml.rels"] = rels.encode()
    with zipfile.ZipFile(path, "w") as zf:
        for name, data in items.items():
            zf.writestr(name, data)


def test_symbol_is_its_character_in_its_font(tmp_path):
    sym = para(run_xml("Tick ") + '<w:r><w:sym w:font="Wingdings" w:char="F0FC"/></w:r>')
    as_text = para(
        run_xml("Tick ") + run_xml("\uf0fc", '<w:rFonts w:ascii="Wingdings" w:hAnsi="Wingdings"/>')
    )
    other_font = para(
        run_xml("Tick ") + run_xml("\uf0fc", '<w:rFonts w:ascii="Symbol" w:hAnsi="Symbol"/>')
    )
    assert changes(tmp_path, sym, as_text) == []
    assert changes(tmp_path, sym, other_font) == [
        ("formatting", ["font Wingdings -> Symbol: «\uf0fc»"])
    ]


def test_positional_tab_is_a_tab(tmp_path):
    ptab = para(
        run_xml("Left")
        + '<w:r><w:ptab w:relativeTo="margin" w:alignment="center" w:leader="none"/></w:r>'
        + run_xml("Right")
    )
    tab = para(run_xml("Left") + "<w:r><w:tab/></w:r>" + run_xml("Right"))
    assert changes(tmp_path, ptab, tab) == []


def test_size_nothing_sets_is_words_ten_points(tmp_path):
    parts = {"rId2": ("styles", "styles.xml", PARTS["rId2"][2].replace('<w:sz w:val="24"/>', ""))}
    assert (
        changes(tmp_path, para(run_xml("Text")), para(run_xml("Text", '<w:sz w:val="20"/>')), parts)
        == []
    )


def test_underline_without_a_value_is_no_underline(tmp_path):
    """`<w:u w:color=".."/>` keeps a colour for later: no underline (LibreOffice writes
    it back as w:val="none")."""
    colour_only = para(run_xml("Text", '<w:u w:color="000000"/>'))
    none = para(run_xml("Text", '<w:u w:val="none" w:color="000000"/>'))
    assert changes(tmp_path, colour_only, none) == []


def test_percent_escaped_link_is_the_same_address(tmp_path):
    """LibreOffice writes link targets unescaped: "%C3%A9" and "é" are one address."""

    def linked(name, url):
        body = (
            '<w:p><w:r><w:t xml:space="preserve">See </w:t></w:r>'
            '<w:hyperlink r:id="rIdL"><w:r><w:t>x</w:t></w:r></w:hyperlink></w:p>'
        )
        path = write(tmp_path / name, body, parts=PARTS)
        _add_external_link(path, "rIdL", url)
        return path

    escaped = linked("old.docx", "https://example.org/s?q=B%C3%A9atrice%20L")
    plain = linked("new.docx", "https://example.org/s?q=Béatrice L")
    other = linked("other.docx", "https://example.org/s?q=Beatrice L")
    assert compare(read_draft(escaped), read_draft(plain), DiffOptions()).changes == []
    assert len(compare(read_draft(escaped), read_draft(other), DiffOptions()).changes) == 1
