"""docx/slots.py: `{{ slots }}` wherever Word's runs cut them, replaced in place.

tests/docx/test_units.py has the three-run split and the unclosed slot; these pin
the rest of the contract in docs/architecture.md (Slots).
"""

from __future__ import annotations

from lxml import etree

from cmwreport.docx import slots
from cmwreport.docx.order import ordered
from cmwreport.docx.xml import NSMAP as NS
from cmwreport.docx.xml import XML_NS, el, root, w


def run(text: str, *props: str) -> etree._Element:
    r = el("r")
    if props:
        r.append(ordered("rPr", [el(p) for p in props]))
    t = etree.SubElement(r, w("t"))
    t.text = text
    return r


def body_of(*paragraphs: list[etree._Element]) -> etree._Element:
    body = root("body")
    for runs in paragraphs:
        body.append(el("p", None, *runs))
    return body


def texts(node: etree._Element) -> list[str]:
    """The text of each run, in order: shows how the runs were cut."""
    return ["".join(t.text or "" for t in r.iter(w("t"))) for r in node.iter(w("r"))]


def test_every_slot_of_a_paragraph_is_replaced_and_emptied_runs_go() -> None:
    body = body_of([run("{{ da"), run("te }} ، "), run("{{sym"), run("bol}}", "b")])
    (found,) = slots.paragraphs_with_slots(body, "body")
    assert [(o.name, o.start, o.end) for o in found.slots] == [("date", 0, 10), ("symbol", 13, 23)]
    assert not found.is_block
    slots.replace_inline(found, {"date": "2 May 2024", "symbol": "CMW/C/MAR/2"})
    p = body[0]
    assert "".join(texts(p)) == "2 May 2024 ، CMW/C/MAR/2"
    # The run that held only "bol}}" is gone, not left empty.
    assert "" not in texts(p)
    # The value takes the formatting of the run its slot began in (not bold).
    assert p.findall("w:r/w:rPr/w:b", NS) == []


def test_a_slot_alone_across_runs_is_a_block_slot() -> None:
    body = body_of([run("  {{ ann"), run("ex }}  ")], [run("{{ annex }} ونص")])
    block, inline = slots.paragraphs_with_slots(body, "body")
    assert block.is_block and block.slots[0].name == "annex"
    assert not inline.is_block


def test_a_slot_is_located_in_its_table_cell() -> None:
    body = root("body")
    body.append(el("p", None, run("مقدمة")))
    cell = el("tc", None, el("p", None, run("لا شيء")), el("p", None, run("{{ symbol }}")))
    body.append(el("tbl", None, el("tr", None, el("tc", None, el("p"))), el("tr", None, cell)))
    (found,) = slots.paragraphs_with_slots(body, "header (word/header1.xml)")
    assert found.where == "header (word/header1.xml) paragraph 4 (table 1, row 2, cell 1)"


def test_a_malformed_name_is_kept_as_written_for_the_message() -> None:
    body = body_of([run("{{ 2nd symbol }}")])
    (found,) = slots.paragraphs_with_slots(body, "body")
    assert found.slots[0].name == "2nd symbol"
    assert not slots.NAME.match(found.slots[0].name)
    assert list(slots.paragraphs_with_slots(body_of([run("نص بلا خانة")]), "body")) == []


def test_an_arabic_value_in_a_latin_slot_run_is_written_right_to_left() -> None:
    body = body_of([run("{{ title }}", "b")])
    (found,) = slots.paragraphs_with_slots(body, "body")
    slots.replace_inline(found, {"title": "التقرير الدوري CMW/C/MAR/2"})
    runs = {text: r for text, r in zip(texts(body), body.iter(w("r")), strict=True) if text}
    arabic = runs["التقرير الدوري "].find("w:rPr", NS)
    symbol = runs["CMW/C/MAR/2"].find("w:rPr", NS)
    assert [etree.QName(c).localname for c in arabic] == ["b", "rtl", "lang"]
    assert arabic.find("w:lang", NS).get(w("bidi")) == "ar-MA"
    assert [etree.QName(c).localname for c in symbol] == ["b"]
    # The trailing space of the Arabic piece is kept by Word only when marked so.
    assert runs["التقرير الدوري "].find("w:t", NS).get(f"{{{XML_NS}}}space") == "preserve"


def test_what_follows_the_slot_in_its_run_stays_after_the_value() -> None:
    r = run("{{ symbol }}")
    r.append(el("tab"))
    etree.SubElement(r, w("t")).text = "نص"
    body = body_of([r])
    (found,) = slots.paragraphs_with_slots(body, "body")
    slots.replace_inline(found, {"symbol": "CMW/C/MAR/2"})
    sequence = [etree.QName(c).localname for r in body.iter(w("r")) for c in r if c.tag != w("rPr")]
    assert "".join(texts(body)) == "CMW/C/MAR/2نص"
    assert sequence[-3:] == ["t", "tab", "t"]
    assert [t.text for t in body.iter(w("t")) if t.text] == ["CMW/C/MAR/2", "نص"]


def test_a_block_slot_keeps_its_bookmarks_and_its_section_break() -> None:
    sect = el("pPr", None, el("sectPr"))
    p = el("p", None, sect, el("bookmarkStart", {"id": "0", "name": "annex"}), run("{{ annex }}"))
    p.append(el("bookmarkEnd", {"id": "0"}))
    body = root("body")
    body.append(p)
    (found,) = slots.paragraphs_with_slots(body, "body")
    slots.replace_block(found, [el("p", None, run("أولاً")), el("p", None, run("ثانياً"))])
    assert [etree.QName(c).localname for c in body] == [
        "bookmarkStart",
        "bookmarkEnd",
        "p",
        "p",
        "p",
    ]
    assert body[-1].find("w:pPr/w:sectPr", NS) is not None and texts(body[-1]) == []


def test_a_cell_whose_block_slot_became_a_table_still_ends_with_a_paragraph() -> None:
    cell = el("tc", None, el("p", None, run("{{ meetings }}")))
    body = root("body")
    body.append(el("tbl", None, el("tr", None, cell)))
    (found,) = slots.paragraphs_with_slots(body, "body")
    slots.replace_block(found, [el("tbl")])
    assert [etree.QName(c).localname for c in cell] == ["tbl", "p"]
