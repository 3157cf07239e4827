"""The one styles reader (docx/styles.py), one rule per test, on tiny styles parts built
here; and its one parse per package (Package.styles)."""

from __future__ import annotations

from lxml import etree

from cmwreport import contract
from cmwreport.docx.package import Package
from cmwreport.docx.styles import Styles
from cmwreport.docx.xml import W_NS
from tests.diff.package import p, write


def style(sid: str, *, based: str = "", name: str = "", numpr: str = "", extra: str = "") -> str:
    return (
        f'<w:style w:type="paragraph" w:styleId="{sid}">'
        + (f'<w:name w:val="{name}"/>' if name else "")
        + (f'<w:basedOn w:val="{based}"/>' if based else "")
        + (f"<w:pPr><w:numPr>{numpr}</w:numPr></w:pPr>" if numpr else "")
        + extra
        + "</w:style>"
    )


def styles(*body: str, defaults: str = "") -> Styles:
    return Styles(
        etree.fromstring(f'<w:styles xmlns:w="{W_NS}">{defaults}{"".join(body)}</w:styles>')
    )


def num(num_id: str | None, ilvl: str | None = None) -> str:
    return (f'<w:ilvl w:val="{ilvl}"/>' if ilvl else "") + (
        f'<w:numId w:val="{num_id}"/>' if num_id else ""
    )


def test_a_chain_runs_from_the_base_and_stops_at_a_cycle() -> None:
    found = styles(style("A", based="B"), style("B", based="C"), style("C", based="A"))
    assert found.chain("A") == ["C", "B", "A"]
    assert found.chain(None) == []


def test_a_style_plays_the_role_of_its_id_or_of_its_name() -> None:
    found = styles(style("UNNumberedParagraph", name="UN Numbered Paragraph"), style("Body"))
    assert found.role("UNNumberedParagraph") is contract.UN_PARA
    assert found.role("Body") is None and found.role("Undefined") is None
    assert found.roles == {"UNNumberedParagraph": contract.UN_PARA}


def test_roles_along_a_chain_are_nearest_first_and_give_the_heading_level() -> None:
    found = styles(style("Mine", based="Heading2"), style("Heading2", based="Heading1"))
    assert found.role_ids("Mine") == ("Heading2", "Heading1")
    assert found.level("Mine") == 2
    assert found.level("Heading1") == 1  # not defined here: its id names the role
    assert found.level(None) is None


def test_numbering_is_the_nearest_list_named_along_the_chain() -> None:
    found = styles(
        style("Sub", based="Level", numpr=num(None, "1")),  # a level without a list
        style("Level", based="Top", numpr=num("7", "2")),
        style("Top", numpr=num("3")),
    )
    assert found.numbering("Sub") == ("7", "2")
    assert found.numbering("Top") == ("3", None)
    assert found.numbering("Nothing") == (None, None)


def test_the_un_list_is_that_of_the_first_un_paragraph_style() -> None:
    found = styles(style("Other", numpr=num("2")), style("UNPara", numpr=num("5", "0")))
    assert found.un_num == "5"
    assert styles(style("Other", numpr=num("2"))).un_num is None


def test_defaults_give_the_complex_script_font_and_size() -> None:
    defaults = (
        "<w:docDefaults><w:rPrDefault><w:rPr><w:rFonts w:ascii='X'/>"
        "<w:sz w:val='24'/><w:szCs w:val='28'/></w:rPr></w:rPrDefault></w:docDefaults>"
    )
    normal = style("Normal", extra="<w:rPr><w:rFonts w:cs='Amiri'/></w:rPr>")
    found = styles(normal, defaults=defaults)
    assert found.cs_font() == "Amiri"  # the defaults name no complex-script font
    assert found.default_size() == "28"
    assert styles().cs_font() is None and styles().default_size() is None


def test_a_package_without_styles_has_an_empty_reader() -> None:
    found = Styles(None)
    assert not found.exists and found.names == {} and found.roles == {}
    assert found.role_ids("UNPara") == ("UNPara",)  # a converter's w:pStyle still counts


def test_a_package_parses_its_styles_once_and_again_after_they_are_replaced(tmp_path) -> None:
    part = f'<w:styles xmlns:w="{W_NS}">{style("UNPara")}</w:styles>'
    rels = {"rId9": ("styles", "styles.xml", part)}
    package = Package.read(write(tmp_path / "a.docx", p("x"), parts=rels))
    first = package.styles()
    assert first.exists and first.role("UNPara") is contract.UN_PARA
    assert package.styles(package.main_part()) is first
    package.set_bytes("word/styles.xml", part.replace("UNPara", "Heading1").encode())
    assert package.styles() is not first and package.styles().level("Heading1") == 1
    bare = Package.read(write(tmp_path / "b.docx", p("x")))
    assert not bare.styles().exists
