"""The one model of a paragraph's text (docx/text.atoms), one reading rule per test, on
tiny paragraphs built here."""

from __future__ import annotations

from lxml import etree

from cmwreport.docx.text import atoms, paragraph_text, read_paragraph
from cmwreport.docx.xml import W_NS, w

M_NS = "http://schemas.openxmlformats.org/officeDocument/2006/math"


def para(inner: str) -> etree._Element:
    return etree.fromstring(f'<w:p xmlns:w="{W_NS}" xmlns:m="{M_NS}">{inner}</w:p>')


def r(inner: str) -> str:
    return f"<w:r>{inner}</w:r>"


def test_text_of_runs_is_joined_in_order() -> None:
    assert paragraph_text(para(r("<w:t>one </w:t>") + r("<w:t>two</w:t>"))) == "one two"


def test_a_tab_is_a_tab_character() -> None:
    assert paragraph_text(para(r("<w:t>a</w:t><w:tab/><w:t>b</w:t>"))) == "a\tb"


def test_a_line_break_is_a_newline_but_a_page_break_is_nothing() -> None:
    p = para(r('<w:t>a</w:t><w:br/><w:t>b</w:t><w:br w:type="page"/><w:t>c</w:t>'))
    assert paragraph_text(p) == "a\nbc"


def test_a_symbol_is_its_character() -> None:
    assert paragraph_text(para(r('<w:sym w:font="Symbol" w:char="03B1"/>'))) == "\u03b1"


def test_deleted_text_and_run_properties_are_not_text() -> None:
    p = para(
        r("<w:rPr><w:b/></w:rPr><w:t>kept</w:t>")
        + f"<w:del>{r('<w:delText>gone</w:delText>')}</w:del>"
    )
    assert paragraph_text(p) == "kept"


def test_a_page_number_field_shows_nothing_but_another_field_its_result() -> None:
    def field(instr: str, shown: str) -> str:
        return (
            r('<w:fldChar w:fldCharType="begin"/>')
            + r(f"<w:instrText>{instr}</w:instrText>")
            + r('<w:fldChar w:fldCharType="separate"/>')
            + r(f"<w:t>{shown}</w:t>")
            + r('<w:fldChar w:fldCharType="end"/>')
        )

    text, inline = read_paragraph(para(field(" PAGE ", "7") + field(" REF x \\h ", "3")), None)
    assert text == "3"
    assert inline.fields == ["PAGE", "REF x \\h"]


def test_text_inside_hyperlinks_and_content_controls_is_text() -> None:
    p = para(
        f"<w:hyperlink w:anchor='b'>{r('<w:t>link</w:t>')}</w:hyperlink>"
        f"<w:sdt><w:sdtContent>{r('<w:t> box</w:t>')}</w:sdtContent></w:sdt>"
    )
    assert paragraph_text(p) == "link box"


def test_a_custom_footnote_mark_is_not_the_sentences_text() -> None:
    p = para(r("<w:t>Title</w:t>") + r('<w:footnoteReference w:customMarkFollows="1" w:id="2"/>'))
    p.append(etree.fromstring(f'<w:r xmlns:w="{W_NS}"><w:t>*</w:t></w:r>'))
    assert paragraph_text(p) == "Title"


def test_an_equation_is_read_as_linear_text() -> None:
    frac = "<m:f><m:num><m:r><m:t>a</m:t></m:r></m:num><m:den><m:r><m:t>b</m:t></m:r></m:den></m:f>"
    assert paragraph_text(para(f"<m:oMath>{frac}</m:oMath>")) == "(a)/(b)"


def test_every_atom_names_its_run_and_element() -> None:
    p = para(r("<w:t>a</w:t><w:tab/>"))
    run = p[0]
    assert [(r_ is run, el.tag, text) for r_, el, text in atoms(p)] == [
        (True, w("t"), "a"),
        (True, w("tab"), "\t"),
    ]


def test_a_plain_paragraph_reads_as_atoms_read_it_and_any_other_is_left_to_them() -> None:
    """docx/plain.py, the draft reader's first try, on every paragraph of every story of
    the real corpus (Word- and LibreOffice-written) and of the template: where it answers,
    the text is the one `read_paragraph` reads and the paragraph holds nothing beside it."""
    from pathlib import Path

    from cmwreport.docx.package import Package
    from cmwreport.docx.plain import plain_text

    root = Path(__file__).resolve().parents[2]
    files = sorted((root / "tests" / "fixtures" / "real").rglob("*.docx"))
    files.append(root / "templates" / "periodic-report.docx")
    plain = other = 0
    for path in files:
        package = Package.read(path)
        for name in package.names:
            if not name.startswith("word/") or not name.endswith(".xml"):
                continue
            for p in package.xml(name).iter(w("p")):
                text, inline = read_paragraph(p, None)
                found = plain_text(p)
                if found is None:
                    other += 1
                    continue
                plain += 1
                assert found == text, (path.name, name)
                assert not (inline.fields or inline.links or inline.objects or inline.boxes)
    assert plain > 500 and other > 50, (plain, other)
