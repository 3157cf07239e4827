"""Effective character formatting (docx/formatting.py), one rule per test, on tiny
styles parts and paragraphs built here."""

from __future__ import annotations

from lxml import etree

from cmwreport.docx.formatting import PROPERTIES, StyleSheet, paragraph_formatting
from cmwreport.docx.styles import Styles
from cmwreport.docx.text import atoms
from cmwreport.docx.xml import W_NS

BOLD = PROPERTIES.index("bold")
ITALIC = PROPERTIES.index("italic")
SIZE = PROPERTIES.index("size")


def sheet(styles: str) -> StyleSheet:
    return StyleSheet(Styles(etree.fromstring(f'<w:styles xmlns:w="{W_NS}">{styles}</w:styles>')))


def para(inner: str) -> etree._Element:
    return etree.fromstring(f'<w:p xmlns:w="{W_NS}">{inner}</w:p>')


def looks(p, s: StyleSheet) -> list[tuple[str, tuple]]:
    """(text, properties) per span of one look."""
    text = "".join(t for _, _, t in atoms(p))
    _, spans, _look = paragraph_formatting(p, list(atoms(p)), s)
    return [(text[a:b], props) for a, b, props in spans]


def test_a_style_inherits_what_its_base_style_sets() -> None:
    s = sheet(
        '<w:style w:styleId="Base"><w:rPr><w:b/></w:rPr></w:style>'
        '<w:style w:styleId="Child"><w:basedOn w:val="Base"/><w:rPr><w:i/></w:rPr></w:style>'
    )
    p = para('<w:pPr><w:pStyle w:val="Child"/></w:pPr><w:r><w:t>text</w:t></w:r>')
    [(_, props)] = looks(p, s)
    assert props[BOLD] is True and props[ITALIC] is True


def test_direct_formatting_overrides_the_style() -> None:
    s = sheet('<w:style w:styleId="Bold"><w:rPr><w:b/></w:rPr></w:style>')
    p = para(
        '<w:pPr><w:pStyle w:val="Bold"/></w:pPr>'
        '<w:r><w:rPr><w:b w:val="0"/></w:rPr><w:t>text</w:t></w:r>'
    )
    [(_, props)] = looks(p, s)
    assert props[BOLD] is False


def test_arabic_letters_take_the_complex_script_properties_latin_the_others() -> None:
    p = para(
        '<w:r><w:rPr><w:b/><w:szCs w:val="28"/><w:sz w:val="20"/></w:rPr><w:t>نص abc</w:t></w:r>'
    )
    got = dict(looks(p, sheet("")))
    assert got["نص "][BOLD] is False and got["نص "][SIZE] == "28"
    assert got["abc"][BOLD] is True and got["abc"][SIZE] == "20"


def test_a_run_split_in_two_reads_as_one_span() -> None:
    one = para("<w:r><w:rPr><w:i/></w:rPr><w:t>abc</w:t></w:r>")
    two = para(
        "<w:r><w:rPr><w:i/></w:rPr><w:t>a</w:t></w:r><w:r><w:rPr><w:i/></w:rPr><w:t>bc</w:t></w:r>"
    )
    assert looks(one, sheet("")) == looks(two, sheet("")) == [("abc", looks(one, sheet(""))[0][1])]


def test_a_style_chain_that_loops_ends() -> None:
    s = sheet(
        '<w:style w:styleId="A"><w:basedOn w:val="B"/><w:rPr><w:b/></w:rPr></w:style>'
        '<w:style w:styleId="B"><w:basedOn w:val="A"/></w:style>'
    )
    p = para('<w:pPr><w:pStyle w:val="A"/></w:pPr><w:r><w:t>x</w:t></w:r>')
    [(_, props)] = looks(p, s)
    assert props[BOLD] is True
