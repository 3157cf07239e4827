"""Runs cut at text offsets (docx/runs.py) and a paragraph reworded in place
(docx/paragraph_edit.py), on tiny paragraphs built here."""

from __future__ import annotations

from lxml import etree

from cmwreport.docx import paragraph_edit as pe
from cmwreport.docx.runs import explode, spans_of, split_at, text_children
from cmwreport.docx.text import paragraph_text
from cmwreport.docx.xml import W_NS, w


def para(inner: str) -> etree._Element:
    return etree.fromstring(f'<w:p xmlns:w="{W_NS}">{inner}</w:p>')


def runs(p) -> list[str]:
    """Each run's content: its text, "TAB" for a tab, and "b" before a bold run's."""
    out = []
    for r in p.iter(w("r")):
        bold = "b:" if r.find(f"{w('rPr')}/{w('b')}") is not None else ""
        out.append(
            bold
            + "".join(
                "TAB" if c.tag == w("tab") else (c.text or "") for c in r if c.tag != w("rPr")
            )
        )
    return out


def test_explode_gives_every_atom_a_run_of_its_own_with_the_runs_properties() -> None:
    p = para("<w:r><w:rPr><w:b/></w:rPr><w:t>a</w:t><w:tab/><w:t>b</w:t></w:r>")
    explode(p)
    assert runs(p) == ["b:a", "b:TAB", "b:b"]


def test_split_at_cuts_text_runs_at_the_offsets_asked() -> None:
    p = para("<w:r><w:t>abcdef</w:t></w:r>")
    split_at(p, {2, 4})
    assert runs(p) == ["ab", "cd", "ef"]
    assert [(start, end) for _, start, end in spans_of(p)] == [(0, 2), (2, 4), (4, 6)]


def test_offsets_count_a_tab_as_one_character() -> None:
    p = para("<w:r><w:t>ab</w:t><w:tab/><w:t>cd</w:t></w:r>")
    explode(p)
    split_at(p, {4})
    assert runs(p) == ["ab", "TAB", "c", "d"]


def test_text_children_write_tabs_and_breaks_as_elements() -> None:
    tags = [c.tag for c in text_children("a\tb\nc")]
    assert tags == [w("t"), w("tab"), w("t"), w("br"), w("t")]


def test_a_rewording_touches_only_the_changed_middle_in_its_run() -> None:
    p = para("<w:r><w:t>one </w:t></w:r><w:r><w:rPr><w:b/></w:rPr><w:t>two three</w:t></w:r>")
    assert pe.replace_text(p, "one two four")
    assert runs(p) == ["one ", "b:two four"]


def test_a_rewording_after_a_tab_keeps_the_tab_and_writes_no_tab_character() -> None:
    p = para("<w:r><w:t>a</w:t><w:tab/><w:t>old</w:t></w:r>")
    assert pe.replace_text(p, "a\tnew")
    assert runs(p) == ["aTABnew"] and paragraph_text(p) == "a\tnew"


def test_a_change_that_removes_a_tab_is_refused_and_changes_nothing() -> None:
    p = para("<w:r><w:t>a</w:t><w:tab/><w:t>b</w:t></w:r>")
    before = etree.tostring(p)
    assert not pe.replace_text(p, "a b")
    assert etree.tostring(p) == before


def test_a_tab_typed_by_the_reviewer_is_refused() -> None:
    p = para("<w:r><w:t>a b</w:t></w:r>")
    assert not pe.replace_text(p, "a\tb")
    assert paragraph_text(p) == "a b"


def test_a_change_in_a_fields_shown_result_is_refused() -> None:
    p = para(
        '<w:r><w:t>see </w:t></w:r><w:r><w:fldChar w:fldCharType="begin"/></w:r>'
        "<w:r><w:instrText> REF x </w:instrText></w:r>"
        '<w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>3</w:t></w:r>'
        '<w:r><w:fldChar w:fldCharType="end"/></w:r>'
    )
    assert not pe.replace_text(p, "see 4")
    assert pe.replace_text(p, "look 3")
    assert paragraph_text(p) == "look 3"


def test_text_added_at_the_end_after_a_tab_has_no_text_to_go_into() -> None:
    p = para("<w:r><w:t>a</w:t><w:tab/></w:r>")
    assert not pe.replace_text(p, "a\tb")


def test_a_copied_paragraph_set_to_text_with_a_tab_gets_a_tab_element() -> None:
    p = para("<w:r><w:rPr><w:b/></w:rPr><w:t>x</w:t></w:r><w:r><w:t>y</w:t></w:r>")
    pe.set_text_like(p, "a\tb")
    assert runs(p) == ["b:aTABb"]
