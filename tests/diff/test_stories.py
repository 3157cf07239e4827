"""Every story and construct Word writes is compared, and the exact change is reported."""

from __future__ import annotations

from pathlib import Path

import pytest

from cmwreport.diff.compare import compare
from cmwreport.draft.reader import read_draft
from tests.diff.package import NS, p, write

NOTES_NS = NS


def changes(old: Path, new: Path) -> list[tuple]:
    result = compare(read_draft(old), read_draft(new))
    return [(c.kind, c.location, c.old_text, c.new_text, c.details) for c in result.changes]


def pair(tmp_path: Path, old_body: str, new_body: str, **kw) -> tuple[Path, Path]:
    old_parts = kw.pop("old_parts", kw.get("parts"))
    new_parts = kw.pop("new_parts", kw.pop("parts", None))
    old = write(tmp_path / "old.docx", old_body, parts=old_parts, **kw)
    new = write(tmp_path / "new.docx", new_body, parts=new_parts, **kw)
    return old, new


def textbox(text: str) -> str:
    """A DrawingML text box with its VML fallback, as Word 2010+ writes it."""
    return (
        '<w:p><w:r><mc:AlternateContent><mc:Choice Requires="wps"><w:drawing><wp:anchor>'
        '<wp:docPr id="1" name="Text Box 1"/><a:graphic><a:graphicData>'
        f"<wps:wsp><wps:txbx><w:txbxContent>{p(text)}</w:txbxContent></wps:txbx></wps:wsp>"
        "</a:graphicData></a:graphic></wp:anchor></w:drawing></mc:Choice><mc:Fallback>"
        f"<w:pict><v:shape><v:textbox><w:txbxContent>{p(text)}</w:txbxContent></v:textbox>"
        "</v:shape></w:pict></mc:Fallback></mc:AlternateContent></w:r></w:p>"
    )


def test_text_box_text_is_compared_once(tmp_path):
    old, new = pair(tmp_path, p("Body.") + textbox("Box one."), p("Body.") + textbox("Box two."))
    assert changes(old, new) == [("changed", "textbox", "Box one.", "Box two.", [])]


def test_vml_text_box(tmp_path):
    vml = "<w:p><w:r><w:pict><v:shape><v:textbox><w:txbxContent>{}</w:txbxContent></v:textbox></v:shape></w:pict></w:r></w:p>"  # noqa: E501
    old, new = pair(tmp_path, vml.format(p("Old box.")), vml.format(p("New box.")))
    assert changes(old, new) == [("changed", "textbox", "Old box.", "New box.", [])]


def _notes(kind: str, text: str) -> str:
    return f'<w:{kind}s {NOTES_NS}><w:{kind} w:id="1">{p(text)}</w:{kind}></w:{kind}s>'


@pytest.mark.parametrize("kind", ["footnote", "endnote"])
def test_notes(tmp_path, kind):
    body = p("Cited.", "").replace("</w:p>", f'<w:r><w:{kind}Reference w:id="1"/></w:r></w:p>')
    old, new = pair(
        tmp_path,
        body,
        body,
        old_parts={"rId9": (f"{kind}s", f"{kind}s.xml", _notes(kind, "Old note."))},
        new_parts={"rId9": (f"{kind}s", f"{kind}s.xml", _notes(kind, "New note."))},
    )
    assert changes(old, new) == [("changed", kind, "Old note.", "New note.", [])]


def test_comment_changed_with_its_anchor(tmp_path):
    body = '<w:p><w:commentRangeStart w:id="0"/><w:r><w:t>Anchored text.</w:t></w:r><w:commentRangeEnd w:id="0"/><w:r><w:commentReference w:id="0"/></w:r></w:p>'  # noqa: E501

    def comments(text):
        return f'<w:comments {NS}><w:comment w:id="0" w:author="Amina">{p(text)}</w:comment></w:comments>'  # noqa: E501

    old, new = pair(
        tmp_path,
        body,
        body,
        old_parts={"rId9": ("comments", "comments.xml", comments("Check this."))},
        new_parts={"rId9": ("comments", "comments.xml", comments("Checked."))},
    )
    result = compare(read_draft(old), read_draft(new))
    (change,) = result.changes
    assert (change.kind, change.location, change.old_text, change.new_text) == (
        "changed", "comment", "Check this.", "Checked.",
    )  # fmt: skip
    assert change.as_json()["comment"] == {"author": "Amina", "anchor": "Anchored text."}


def test_equation_as_linear_text(tmp_path):
    def math(sup):
        return (
            "<w:p><m:oMath><m:f><m:num><m:r><m:t>a</m:t></m:r></m:num><m:den><m:r><m:t>b</m:t>"
            f"</m:r></m:den></m:f><m:sSup><m:e><m:r><m:t>x</m:t></m:r></m:e><m:sup><m:r><m:t>{sup}"
            "</m:t></m:r></m:sup></m:sSup></m:oMath></w:p>"
        )

    old, new = pair(tmp_path, math("2"), math("3"))
    assert changes(old, new) == [("changed", "body", "(a)/(b)x^(2)", "(a)/(b)x^(3)", [])]


def _image(rid: str, alt: str) -> str:
    return (
        f'<w:p><w:r><w:drawing><wp:inline><wp:docPr id="1" name="Picture 1" descr="{alt}"/>'
        f'<a:graphic><a:graphicData><pic:pic><pic:blipFill><a:blip r:embed="{rid}"/>'
        "</pic:blipFill></pic:pic></a:graphicData></a:graphic></wp:inline></w:drawing></w:r></w:p>"
    )


def test_image_replaced_same_alt_text(tmp_path):
    old, new = pair(
        tmp_path,
        _image("rId5", "Map"),
        _image("rId5", "Map"),
        old_parts={"rId5": ("image", "media/image1.png", b"\x89PNG old")},
        new_parts={"rId5": ("image", "media/image1.png", b"\x89PNG new")},
    )
    assert changes(old, new) == [
        ("changed", "body", "[image: Map]", "[image: Map]", ["image replaced (Map)"])
    ]


def test_image_added(tmp_path):
    parts = {"rId5": ("image", "media/image1.png", b"\x89PNG")}
    old, new = pair(tmp_path, p("Text."), p("Text.") + _image("rId5", "Logo"), parts=parts)
    assert changes(old, new) == [("added", "body", None, "[image: Logo]", [])]


def test_field_code_changed_same_result(tmp_path):
    def field(code):
        return (
            '<w:p><w:r><w:fldChar w:fldCharType="begin"/></w:r>'
            f'<w:r><w:instrText xml:space="preserve"> {code} \\* MERGEFORMAT </w:instrText></w:r>'
            '<w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>see 3</w:t></w:r>'
            '<w:r><w:fldChar w:fldCharType="end"/></w:r></w:p>'
        )

    old, new = pair(tmp_path, field("REF _Ref1 \\h"), field("REF _Ref2 \\h"))
    assert changes(old, new) == [
        (
            "changed",
            "body",
            "see 3",
            "see 3",
            ["field code changed: 'REF _Ref1 \\\\h' -> 'REF _Ref2 \\\\h'"],
        )
    ]


def test_hyperlink_target_changed(tmp_path):
    def link(rid):
        return f'<w:p><w:hyperlink r:id="{rid}"><w:r><w:t>the site</w:t></w:r></w:hyperlink></w:p>'

    rels = '<Relationship Id="rId7" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/hyperlink" Target="{}" TargetMode="External"/>'  # noqa: E501
    old = write(tmp_path / "old.docx", link("rId7"))
    new = write(tmp_path / "new.docx", link("rId7"))
    for path, url in ((old, "https://a.example"), (new, "https://b.example")):
        _add_rel(path, rels.format(url))
    assert changes(old, new) == [
        (
            "changed",
            "body",
            "the site",
            "the site",
            ["link target changed: 'https://a.example/' -> 'https://b.example/'"],
        )
    ]


def _add_rel(path: Path, rel: str) -> None:
    import zipfile

    with zipfile.ZipFile(path) as zf:
        entries = {n: zf.read(n) for n in zf.namelist()}
    name = "word/_rels/document.xml.rels"
    entries[name] = entries[name].replace(b"</Relationships>", rel.encode() + b"</Relationships>")
    with zipfile.ZipFile(path, "w") as zf:
        for n, data in entries.items():
            zf.writestr(n, data)


def test_content_controls_smart_tags_custom_xml_symbols(tmp_path):
    def body(word):
        return (
            f'<w:sdt><w:sdtPr><w:alias w:val="x"/></w:sdtPr><w:sdtContent>{p("Block control.")}'
            "</w:sdtContent></w:sdt><w:p><w:sdt><w:sdtContent><w:r><w:t>inline </w:t></w:r>"
            '</w:sdtContent></w:sdt><w:smartTag w:element="place"><w:r><w:t>Rabat</w:t></w:r>'
            f'</w:smartTag><w:customXml w:element="x"><w:r><w:t> {word}</w:t></w:r></w:customXml>'
            '<w:r><w:sym w:font="Symbol" w:char="F0B7"/></w:r></w:p>'
        )

    old, new = pair(tmp_path, body("old"), body("new"))
    assert changes(old, new) == [
        ("changed", "body", "inline Rabat old\uf0b7", "inline Rabat new\uf0b7", [])
    ]


def test_tracked_cell_deletion_is_accepted(tmp_path):
    row = "<w:tr><w:tc>{}</w:tc><w:tc>{}</w:tc></w:tr>"
    old_body = "<w:tbl>" + row.format(p("A"), p("B")) + "</w:tbl>"
    deleted = '<w:tcPr><w:cellDel w:id="3" w:author="x" w:date="2024-01-01T00:00:00Z"/></w:tcPr>'
    new_body = "<w:tbl>" + row.format(p("A"), deleted + p("B")) + "</w:tbl>"
    assert changes(*pair(tmp_path, old_body, new_body)) == [("changed", "table", "B", "", [])]


def test_deleted_paragraph_mark_merges_paragraphs(tmp_path):
    """Accepting a deleted paragraph mark joins two paragraphs: one changed, one gone."""
    mark = (
        '<w:pPr><w:rPr><w:del w:id="1" w:author="x" w:date="2024-01-01T00:00:00Z"/></w:rPr></w:pPr>'  # noqa: E501
    )
    first, second = "First half of the sentence,", " second half of it."
    old, new = pair(tmp_path, p(first) + p(second), p(first, mark) + p(second))
    assert changes(old, new) == [
        ("changed", "body", first, first + second, []),
        ("removed", "body", second, None, []),
    ]


def test_absolute_targets_no_styles_no_sections_are_read(tmp_path):
    old, new = pair(tmp_path, p("The same sentence."), p("The other sentence."), absolute=True)
    assert changes(old, new) == [
        ("changed", "body", "The same sentence.", "The other sentence.", [])
    ]


def test_strict_ooxml_is_read(tmp_path):
    strict = NS.replace(
        "http://schemas.openxmlformats.org/wordprocessingml/2006/main",
        "http://purl.oclc.org/ooxml/wordprocessingml/main",
    )
    old = write(tmp_path / "old.docx", p("Strict text."), ns=strict)
    new = write(tmp_path / "new.docx", p("Strict words."), ns=strict)
    assert changes(old, new) == [("changed", "body", "Strict text.", "Strict words.", [])]


def test_part_nothing_compares_makes_exit_1(tmp_path, capsys):
    from cmwreport.commands.diff import run

    chart = '<c:chartSpace xmlns:c="http://schemas.openxmlformats.org/drawingml/2006/chart">{}</c:chartSpace>'  # noqa: E501
    old, new = pair(
        tmp_path,
        p("Same."),
        p("Same."),
        old_parts={"rId8": ("chart", "charts/chart1.xml", chart.format("1"))},
        new_parts={"rId8": ("chart", "charts/chart1.xml", chart.format("2"))},
    )
    assert run(old, new, color="never") == 1
    out = capsys.readouterr().out
    assert "not compared: chart (word/charts/chart1.xml): differs" in out
    assert "No differences" not in out
    assert run(old, old, color="never") == 0
    assert "not compared: chart (word/charts/chart1.xml): same" in capsys.readouterr().out


def test_metadata_is_not_content(tmp_path, capsys):
    from cmwreport.commands.diff import run

    settings = f'<w:settings {NS}><w:rsids><w:rsidRoot w:val="{{}}"/></w:rsids></w:settings>'
    old, new = pair(
        tmp_path,
        p("Same."),
        '<w:p><w:proofErr w:type="spellStart"/><w:r w:rsidR="00AB"><w:t>Same.</w:t></w:r></w:p>',
        old_parts={"rId3": ("settings", "settings.xml", settings.replace("{}", "001"))},
        new_parts={"rId3": ("settings", "settings.xml", settings.replace("{}", "002"))},
    )
    assert run(old, new, color="never") == 0
    assert "No differences." in capsys.readouterr().out


@pytest.mark.parametrize(
    ("before", "after"),
    [
        (
            "Short one.",
            "Short one. A much longer appended sentence that says a great deal more than it.",
        ),
        ("ألف - الإطار", "ألف - الإطار القانوني"),
        ("Legal", "Legal framework"),
    ],
)
def test_short_paragraph_edited_is_one_change(tmp_path, before, after):
    old, new = pair(
        tmp_path,
        p("Unchanged opening paragraph.") + p(before),
        p("Unchanged opening paragraph.") + p(after),
    )  # noqa: E501
    assert changes(old, new) == [("changed", "body", before, after, [])]


def test_unrelated_short_paragraphs_stay_removed_and_added(tmp_path):
    old, new = pair(tmp_path, p("Budget."), p("Conclusions."))
    assert [c[0] for c in changes(old, new)] == ["removed", "added"]
