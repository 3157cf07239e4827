"""The redline's edits (redline/edits.py) on tiny paragraphs built here: whatever it
writes, Accept All gives the new paragraph and Reject All the old one."""

from __future__ import annotations

import copy
from pathlib import Path

from lxml import etree

from cmwreport.docx.revisions import RevisionWriter, Tracked, accept_all, reject
from cmwreport.docx.text import paragraph_text
from cmwreport.docx.xml import W_NS, w
from cmwreport.redline.edits import Edits


def para(inner: str) -> etree._Element:
    body = etree.fromstring(f'<w:body xmlns:w="{W_NS}"><w:p>{inner}</w:p></w:body>')
    return body[0]


def edits() -> Edits:
    return Edits(RevisionWriter("t", "1980-01-01T00:00:00Z", 1), None, set(), (None, None))


def views(p) -> tuple[str, str]:
    """(accepted, rejected) text of the paragraph's whole body."""
    accepted, rejected = copy.deepcopy(p.getparent()), copy.deepcopy(p.getparent())
    accept_all(accepted, Tracked())
    reject(rejected)
    return (
        "".join(paragraph_text(q) for q in accepted.iter(w("p"))),
        "".join(paragraph_text(q) for q in rejected.iter(w("p"))),
    )


def test_a_word_replaced_is_deleted_and_inserted_in_place() -> None:
    old = para("<w:r><w:t>one two three</w:t></w:r>")
    new = para("<w:r><w:t>one four three</w:t></w:r>")
    edits().changed_paragraph(old, new, "one two three")
    assert views(new) == ("one four three", "one two three")
    assert [t.text for t in new.iter(w("delText"))] == ["two"]


def test_words_after_a_tab_are_cut_at_the_right_offsets() -> None:
    old = para("<w:r><w:t>a</w:t><w:tab/><w:t>one two</w:t></w:r>")
    new = para("<w:r><w:t>a</w:t><w:tab/><w:t>one six</w:t></w:r>")
    edits().changed_paragraph(old, new, "a\tone two")
    assert views(new) == ("a\tone six", "a\tone two")


def test_the_deleted_words_keep_the_look_of_the_text_around_them() -> None:
    old = para("<w:r><w:rPr><w:b/></w:rPr><w:t>keep this word</w:t></w:r>")
    new = para("<w:r><w:rPr><w:b/></w:rPr><w:t>keep word</w:t></w:r>")
    edits().changed_paragraph(old, new, "keep this word")
    deleted = next(new.iter(w("delText"))).getparent()
    assert deleted.find(f"{w('rPr')}/{w('b')}") is not None
    assert views(new) == ("keep word", "keep this word")


def test_an_inserted_paragraph_is_marked_inserted_whole() -> None:
    new = para("<w:r><w:t>added</w:t></w:r>")
    edits().inserted_paragraph(new)
    assert views(new) == ("added", "")
    assert new.find(f"{w('pPr')}/{w('rPr')}/{w('ins')}") is not None


def test_a_deleted_paragraph_copy_reads_as_deleted_text() -> None:
    old = para('<w:r><w:t>gone</w:t></w:r><w:bookmarkStart w:id="1" w:name="x"/>')
    copy_ = edits().deleted_paragraph(old)
    assert next(copy_.iter(w("t")), None) is None
    assert [t.text for t in copy_.iter(w("delText"))] == ["gone"]
    assert next(copy_.iter(w("bookmarkStart")), None) is None


def test_an_old_paragraph_kept_whole_loses_the_run_style_the_new_draft_lacks(tmp_path) -> None:
    # A field code changed: the old paragraph is written whole as deleted
    # (redline/objects.py), fitted to the new package as a deleted copy is.
    import zipfile

    from cmwreport.commands.diff import run
    from tests.diff.package import p, write

    def draft(name: str, instr: str, style: str) -> Path:
        field = (
            f'<w:fldSimple w:instr="{instr}"><w:r><w:rPr><w:rStyle w:val="{style}"/></w:rPr>'
            "<w:t>1</w:t></w:r></w:fldSimple>"
        )
        defined = f'<w:style w:type="character" w:styleId="{style}"><w:name w:val="{style}"/>'
        part = f'<w:styles xmlns:w="{W_NS}">{defined}</w:style></w:styles>'
        return write(
            tmp_path / name,
            p("see page") + f"<w:p>{field}</w:p>",
            parts={"rId9": ("styles", "styles.xml", part)},
        )

    old, new = draft("old.docx", "REF one", "Gone"), draft("new.docx", "REF two", "Kept")
    red = tmp_path / "red.docx"
    assert run(old, new, fmt="json", redline=red, date="2024-05-02") == 1
    with zipfile.ZipFile(red) as z:
        body = etree.fromstring(z.read("word/document.xml"))
    assert [t.text.strip() for t in body.iter(w("delInstrText"))] == ["REF one"]  # kept whole
    assert [s.get(w("val")) for s in body.iter(w("rStyle"))] == ["Kept"]
