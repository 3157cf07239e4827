"""Any story inside any story (issue 18): text boxes in table cells, footnotes, endnotes
and comments, tables in text boxes, at any depth, each change reported with where it
is; and every alternative-text field of a picture."""

from __future__ import annotations

import pytest

from cmwreport.diff.compare import compare
from cmwreport.diff.render.text import where
from cmwreport.draft.reader import read_draft
from tests.diff.package import p
from tests.diff.test_stories import NOTES_NS, _image, pair, textbox


def found(old, new) -> list[tuple]:
    result = compare(read_draft(old), read_draft(new))
    return [(c.kind, c.location, where(c.block), c.old_text, c.new_text) for c in result.changes]


def table(*cells: str) -> str:
    row = "".join(f"<w:tc>{cell}</w:tc>" for cell in cells)
    return f"<w:tbl><w:tr>{p('Name')}</w:tr></w:tbl>".replace(
        f"<w:tr>{p('Name')}</w:tr>", f"<w:tr><w:tc>{p('Name')}</w:tc></w:tr><w:tr>{row}</w:tr>"
    )


def test_text_box_added_in_a_table_cell(tmp_path):
    old, new = pair(
        tmp_path,
        p("Intro.") + table(p("Rabat"), p("45")),
        p("Intro.") + table(p("Rabat") + textbox("Provisional figure."), p("45")),
    )
    assert found(old, new) == [
        ("added", "textbox", "text box in table 1, row 2, cell 1", None, "Provisional figure.")
    ]


def test_text_box_in_a_text_box_in_a_cell_and_a_table_in_a_text_box(tmp_path):
    inner = textbox("Deep {}.")
    boxed_table = f"<w:tbl><w:tr><w:tc>{p('Cell {}')}</w:tc></w:tr></w:tbl>"

    def body(word):
        box = textbox("Outer.").replace(
            f"<w:txbxContent>{p('Outer.')}</w:txbxContent></wps:txbx>",
            f"<w:txbxContent>{p('Outer.')}{inner.replace('{}', word)}"
            f"{boxed_table.replace('{}', word)}</w:txbxContent></wps:txbx>",
        )
        return table(p("Rabat") + box)

    old, new = pair(tmp_path, body("one"), body("two"))
    got = found(old, new)
    assert (
        "changed",
        "textbox",
        "text box in table 1, row 2, cell 1",
        "Deep one.",
        "Deep two.",
    ) in got
    assert [g[:2] for g in got if g[1] == "table"] == [("changed", "table")]
    assert len(got) == 2, got


@pytest.mark.parametrize("kind", ["footnote", "endnote"])
def test_text_box_in_a_note(tmp_path, kind):
    body = p("Cited.").replace("</w:p>", f'<w:r><w:{kind}Reference w:id="1"/></w:r></w:p>')

    def notes(word):
        return (
            f'<w:{kind}s {NOTES_NS}><w:{kind} w:id="1">{p("The note.")}'
            f"{textbox(f'Boxed {word}.')}</w:{kind}></w:{kind}s>"
        )

    old, new = pair(
        tmp_path,
        body,
        body,
        old_parts={"rId9": (f"{kind}s", f"{kind}s.xml", notes("old"))},
        new_parts={"rId9": (f"{kind}s", f"{kind}s.xml", notes("new"))},
    )
    assert found(old, new) == [
        ("changed", "textbox", f"text box in {kind} 1", "Boxed old.", "Boxed new.")
    ]


def test_alt_text_title_added_under_the_same_description(tmp_path):
    parts = {"rId5": ("image", "media/image1.png", b"\x89PNG")}
    titled = _image("rId5", "Map").replace('descr="Map"', 'descr="Map" title="Regions"')
    old, new = pair(tmp_path, _image("rId5", "Map"), titled, parts=parts)
    result = compare(read_draft(old), read_draft(new))
    assert [(c.kind, c.details) for c in result.changes] == [
        ("changed", ["image alternative text changed: 'Map' -> 'Map (title: Regions)'"])
    ]


@pytest.mark.parametrize("kind", ["footnote", "endnote"])
def test_redline_marks_a_text_box_in_a_note(tmp_path, capsys, kind):
    """The change is marked in the redline too: Accept All and Reject All (apart from
    diff's reader) give the new and the old draft."""
    from cmwreport.commands.diff import run
    from tests import drafts as d

    body = p("Cited.").replace("</w:p>", f'<w:r><w:{kind}Reference w:id="1"/></w:r></w:p>')

    def notes(word):
        return (
            f'<w:{kind}s {NOTES_NS}><w:{kind} w:id="1">{p("The note.")}'
            f"{textbox(f'Boxed {word} figure.')}</w:{kind}></w:{kind}s>"
        )

    old, new = pair(
        tmp_path,
        body,
        body,
        old_parts={"rId9": (f"{kind}s", f"{kind}s.xml", notes("old"))},
        new_parts={"rId9": (f"{kind}s", f"{kind}s.xml", notes("new"))},
    )
    red = tmp_path / "red.docx"
    assert run(old, new, fmt="json", redline=red, date="2024-05-02") == 1
    capsys.readouterr()
    for accept, same_as in ((True, new), (False, old)):
        resolved = d.resolve_revisions(red, tmp_path / f"resolved-{accept}.docx", accept=accept)
        assert run(same_as, resolved, fmt="json") == 0, capsys.readouterr().out
        capsys.readouterr()
