"""Formatting changes on unchanged text, compared as effective formatting."""

from __future__ import annotations

import json

import pytest

from cmwreport.commands.diff import run
from cmwreport.diff.compare import compare
from cmwreport.diff.options import DiffOptions
from cmwreport.draft.reader import read_draft
from tests.diff.package import NS, write

STYLES = (
    f'<w:styles {NS}><w:docDefaults><w:rPrDefault><w:rPr><w:sz w:val="24"/>'
    '<w:rFonts w:ascii="Cambria" w:cs="Amiri"/><w:szCs w:val="28"/></w:rPr></w:rPrDefault>'
    "</w:docDefaults>"
    '<w:style w:type="paragraph" w:default="1" w:styleId="Normal">'
    '<w:name w:val="Normal"/></w:style>'
    '<w:style w:type="paragraph" w:styleId="Heading1"><w:name w:val="heading 1"/>'
    '<w:basedOn w:val="Normal"/><w:rPr><w:b/></w:rPr></w:style>'
    '<w:style w:type="character" w:styleId="Strong"><w:name w:val="Strong"/><w:rPr><w:b/>'
    "<w:bCs/></w:rPr></w:style></w:styles>"
)
PARTS = {"rId2": ("styles", "styles.xml", STYLES)}


def para(runs: str, ppr: str = "") -> str:
    return f"<w:p>{ppr}{runs}</w:p>"


def run_xml(text: str, rpr: str = "") -> str:
    return f'<w:r><w:rPr>{rpr}</w:rPr><w:t xml:space="preserve">{text}</w:t></w:r>'


def details(tmp_path, old_body: str, new_body: str, **options) -> list[tuple]:
    old = write(tmp_path / "old.docx", old_body, parts=PARTS)
    new = write(tmp_path / "new.docx", new_body, parts=PARTS)
    result = compare(read_draft(old), read_draft(new), DiffOptions(**options))
    return [(c.kind, c.details) for c in result.changes]


PLAIN = para(run_xml("The committee ") + run_xml("met") + run_xml(" in Rabat."))


@pytest.mark.parametrize(
    ("rpr", "expected"),
    [
        ("<w:b/>", "bold added: «met»"),
        ("<w:i/>", "italic added: «met»"),
        ('<w:u w:val="single"/>', "underline none -> single: «met»"),
        ("<w:strike/>", "strike added: «met»"),
        ('<w:sz w:val="32"/>', "size 12 pt -> 16 pt: «met»"),
        ('<w:rFonts w:ascii="Arial"/>', "font Cambria -> Arial: «met»"),
        ('<w:color w:val="ff0000"/>', "colour none -> FF0000: «met»"),
        ('<w:highlight w:val="yellow"/>', "highlight none -> yellow: «met»"),
        ('<w:vertAlign w:val="superscript"/>', "position none -> superscript: «met»"),
    ],
)
def test_each_property(tmp_path, rpr, expected):
    new = para(run_xml("The committee ") + run_xml("met", rpr) + run_xml(" in Rabat."))
    assert details(tmp_path, PLAIN, new) == [("formatting", [expected])]


def test_arabic_reads_complex_script_properties(tmp_path):
    old = para(run_xml("اللجنة اجتمعت", "<w:rtl/>"), "<w:pPr><w:bidi/></w:pPr>")
    latin_bold = para(run_xml("اللجنة اجتمعت", "<w:rtl/><w:b/>"), "<w:pPr><w:bidi/></w:pPr>")
    cs_bold = para(run_xml("اللجنة اجتمعت", "<w:rtl/><w:bCs/>"), "<w:pPr><w:bidi/></w:pPr>")
    assert details(tmp_path, old, latin_bold) == []  # w:b does not show on Arabic
    assert details(tmp_path, old, cs_bold) == [("formatting", ["bold added: «اللجنة اجتمعت»"])]


def test_same_look_written_differently_is_no_change(tmp_path):
    """Bold from a character style, or direct, or a run split in two: one look."""
    direct = para(run_xml("The committee ") + run_xml("met", "<w:b/>") + run_xml(" in Rabat."))
    styled = para(
        run_xml("The committee ")
        + run_xml("m", '<w:rStyle w:val="Strong"/>')
        + run_xml("et", "<w:b/><w:bCs/>")
        + run_xml(" in Rabat.")
    )
    assert details(tmp_path, direct, styled) == []


def _marked(bookmark_id: int, rpr: str = "", rsid: str = "00A1") -> str:
    """PLAIN inside a bookmark, with Word's session ids: what renumbers between drafts."""
    return (
        f'<w:p w:rsidR="{rsid}"><w:bookmarkStart w:id="{bookmark_id}" w:name="_cmw_p1"/>'
        + run_xml("The committee ")
        + run_xml("met", rpr)
        + run_xml(" in Rabat.")
        + f'<w:bookmarkEnd w:id="{bookmark_id}"/></w:p>'
    )


def test_renumbered_ids_are_no_change_and_hide_none(tmp_path):
    """Bookmark ids and rsids differ between drafts of one text: not formatting, and a
    run made bold beside them is still seen (the fast byte test leaves them out only)."""
    assert details(tmp_path, _marked(3), _marked(41, rsid="00B2")) == []
    assert details(tmp_path, _marked(3), _marked(41, "<w:b/>")) == [
        ("formatting", ["bold added: «met»"])
    ]


def test_paragraph_style(tmp_path):
    old = para(run_xml("Introduction"))
    new = para(run_xml("Introduction"), '<w:pPr><w:pStyle w:val="Heading1"/></w:pPr>')
    assert details(tmp_path, old, new) == [
        ("formatting", ["paragraph style: normal -> heading1", "bold added: «Introduction»"])
    ]


def test_ignore_formatting(tmp_path):
    new = para(run_xml("The committee ") + run_xml("met", "<w:b/>") + run_xml(" in Rabat."))
    assert details(tmp_path, PLAIN, new, ignore_formatting=True) == []


def test_outputs_name_the_kind(tmp_path, capsys):
    new_body = para(run_xml("The committee ") + run_xml("met", "<w:b/>") + run_xml(" in Rabat."))
    old = write(tmp_path / "old.docx", PLAIN, parts=PARTS)
    new = write(tmp_path / "new.docx", new_body, parts=PARTS)
    assert run(old, new, fmt="json") == 1
    report = json.loads(capsys.readouterr().out)
    assert report["summary"]["formatting"] == 1
    assert report["changes"][0]["kind"] == "formatting"
    assert report["changes"][0]["details"] == ["bold added: «met»"]
    assert run(old, new, color="never") == 1
    out = capsys.readouterr().out
    assert "formatting unnumbered paragraph\n" in out and "  * bold added: «met»" in out
    assert "0 moved, 1 formatting" in out
    assert run(old, new, ignore_formatting=True) == 0


@pytest.mark.parametrize(
    "rpr", ["<w:strike/>", '<w:highlight w:val="yellow"/>', '<w:sz w:val="32"/>']
)
def test_the_review_page_says_a_change_in_the_words_the_terminal_does(tmp_path, rpr) -> None:
    from cmwreport.diff.render.html_text import formatting_marked

    old = write(tmp_path / "old.docx", PLAIN, parts=PARTS)
    changed = para(run_xml("The committee ") + run_xml("met", rpr) + run_xml(" in Rabat."))
    new = write(tmp_path / "new.docx", changed, parts=PARTS)
    (change,) = compare(read_draft(old), read_draft(new), DiffOptions()).changes
    ((text, _style, old_spans, _look),) = change.old.formatting
    ((_text, _style, new_spans, _look),) = change.new.formatting
    _html, words = formatting_marked(text, old_spans, new_spans, None)
    assert words == change.details and len(words) == 1
