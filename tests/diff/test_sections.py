"""Headers and footers as each section shows them (issue 18): inherited from the section
before, the first-page one only with w:titlePg, the even one only with
w:evenAndOddHeaders; a change reported for the sections where it shows."""

from __future__ import annotations

from cmwreport.diff.compare import compare
from cmwreport.diff.render.text import where
from cmwreport.draft.reader import read_draft
from tests.diff.package import NS, p, write

SETTINGS_EVEN = f"<w:settings {NS}><w:evenAndOddHeaders/></w:settings>"


def header(text: str) -> str:
    return f"<w:hdr {NS}>{p(text)}</w:hdr>"


def sect(*refs: tuple[str, str], title: bool = False) -> str:
    out = "".join(f'<w:headerReference w:type="{t}" r:id="{rid}"/>' for t, rid in refs)
    return f"<w:sectPr>{out}{'<w:titlePg/>' if title else ''}</w:sectPr>"


def section_break(text: str, sect_pr: str) -> str:
    return f"<w:p><w:pPr>{sect_pr}</w:pPr><w:r><w:t>{text}</w:t></w:r></w:p>"


def changes(tmp_path, old_body, new_body, old_parts, new_parts) -> list[tuple]:
    old = write(tmp_path / "old.docx", old_body, parts=old_parts)
    new = write(tmp_path / "new.docx", new_body, parts=new_parts)
    result = compare(read_draft(old), read_draft(new))
    return [(c.kind, where(c.block), c.old_text, c.new_text) for c in result.changes]


def test_first_page_header_without_title_page_never_shows(tmp_path):
    plain = {"rId7": ("header", "header1.xml", header("Report"))}
    with_first = {**plain, "rId8": ("header", "header2.xml", header("Cover"))}
    refs = (("default", "rId7"),)
    body = p("Text.") + sect(*refs)
    body_first = p("Text.") + sect(*refs, ("first", "rId8"))
    assert changes(tmp_path, body, body_first, plain, with_first) == []
    shown = p("Text.") + sect(*refs, ("first", "rId8"), title=True)
    assert changes(tmp_path, body, shown, plain, with_first) == [
        ("added", "header (first)", None, "Cover")
    ]


def test_inherited_header_is_the_same_as_one_written_per_section(tmp_path):
    """LibreOffice writes the header once per section where Word lets sections inherit."""
    one = {"rId7": ("header", "header1.xml", header("Report"))}
    two = {**one, "rId8": ("header", "header2.xml", header("Report"))}
    inherited = section_break("One.", sect(("default", "rId7"))) + p("Two.") + sect()
    repeated = (
        section_break("One.", sect(("default", "rId7"))) + p("Two.") + sect(("default", "rId8"))
    )
    assert changes(tmp_path, inherited, repeated, one, two) == []


def test_change_reported_for_the_sections_where_it_shows(tmp_path):
    def parts(text):
        return {
            "rId7": ("header", "header1.xml", header("Report")),
            "rId8": ("header", "header2.xml", header(text)),
        }

    body = (
        section_break("One.", sect(("default", "rId7")))
        + section_break("Two.", sect(("default", "rId8")))
        + p("Three.")
        + sect()
    )
    assert changes(tmp_path, body, body, parts("Annex"), parts("Annexes")) == [
        ("changed", "header (default, sections 2-3)", "Annex", "Annexes")
    ]


def test_even_page_header_only_with_even_and_odd_headers(tmp_path):
    base = {"rId7": ("header", "header1.xml", header("Report"))}
    even = {**base, "rId8": ("header", "header2.xml", header("Even side"))}
    body = p("Text.") + sect(("default", "rId7"))
    body_even = p("Text.") + sect(("default", "rId7"), ("even", "rId8"))
    assert changes(tmp_path, body, body_even, base, even) == []
    on = {**even, "rId9": ("settings", "settings.xml", SETTINGS_EVEN)}
    assert changes(tmp_path, body, body_even, {**base, "rId9": on["rId9"]}, on) == [
        ("added", "header (even)", None, "Even side")
    ]
