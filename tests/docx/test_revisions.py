"""Revision markup accepted (diff's reading) and rejected (absorb --only-accepted), one
rule per test, on tiny paragraphs built here; and the marks a redline writes."""

from __future__ import annotations

from lxml import etree

from cmwreport.docx.revisions import RevisionWriter, Tracked, accept_all, reject
from cmwreport.docx.text import paragraph_text
from cmwreport.docx.xml import W_NS, w


def body(inner: str) -> etree._Element:
    return etree.fromstring(f'<w:body xmlns:w="{W_NS}">{inner}</w:body>')


def texts(root) -> list[str]:
    return [paragraph_text(p) for p in root.iter(w("p"))]


INS = '<w:ins w:id="1" w:author="A"><w:r><w:t>new </w:t></w:r></w:ins>'
DEL = '<w:del w:id="2" w:author="A"><w:r><w:delText>old </w:delText></w:r></w:del>'


def test_accept_keeps_inserted_text_and_drops_deleted_text() -> None:
    root = body(f"<w:p>{INS}{DEL}<w:r><w:t>kept</w:t></w:r></w:p>")
    tracked = Tracked()
    accept_all(root, tracked)
    assert texts(root) == ["new kept"]
    assert (tracked.insertions, tracked.deletions) == (1, 1)


def test_reject_drops_inserted_text_and_restores_deleted_text() -> None:
    root = body(f"<w:p>{INS}{DEL}<w:r><w:t>kept</w:t></w:r></w:p>")
    assert reject(root) == 2
    assert texts(root) == ["old kept"]
    assert next(root.iter(w("delText")), None) is None


def test_accepting_a_deleted_paragraph_mark_joins_the_paragraph_to_the_next() -> None:
    mark = '<w:pPr><w:rPr><w:del w:id="3" w:author="A"/></w:rPr></w:pPr>'
    root = body(f"<w:p>{mark}<w:r><w:t>one </w:t></w:r></w:p><w:p><w:r><w:t>two</w:t></w:r></w:p>")
    accept_all(root, Tracked())
    assert texts(root) == ["one two"]


def test_rejecting_an_inserted_paragraph_mark_joins_the_paragraph_to_the_next() -> None:
    mark = '<w:pPr><w:rPr><w:ins w:id="3" w:author="A"/></w:rPr></w:pPr>'
    root = body(f"<w:p>{mark}<w:r><w:t>one </w:t></w:r></w:p><w:p><w:r><w:t>two</w:t></w:r></w:p>")
    assert reject(root) == 1
    assert texts(root) == ["one two"]


def test_a_moved_paragraph_is_read_at_its_destination_on_accept_and_its_origin_on_reject() -> None:
    def moved() -> etree._Element:
        return body(
            '<w:p><w:moveFrom w:id="4" w:author="A"><w:r><w:t>moved</w:t></w:r></w:moveFrom></w:p>'
            "<w:p><w:r><w:t>middle</w:t></w:r></w:p>"
            '<w:p><w:moveTo w:id="5" w:author="A"><w:r><w:t>moved</w:t></w:r></w:moveTo></w:p>'
        )

    accepted, rejected = moved(), moved()
    tracked = Tracked()
    accept_all(accepted, tracked)
    assert [t for t in texts(accepted) if t] == ["middle", "moved"] and tracked.moves == 1
    reject(rejected)
    assert [t for t in texts(rejected) if t] == ["moved", "middle"]


def test_a_formatting_change_is_counted_and_its_record_dropped_on_accept() -> None:
    change = '<w:rPrChange w:id="6" w:author="A"><w:rPr/></w:rPrChange>'
    root = body(f"<w:p><w:r><w:rPr><w:b/>{change}</w:rPr><w:t>bold</w:t></w:r></w:p>")
    tracked = Tracked()
    accept_all(root, tracked)
    assert tracked.formatting == 1 and next(root.iter(w("rPrChange")), None) is None
    assert next(root.iter(w("b")), None) is not None


def test_an_inserted_row_goes_on_reject_and_a_deleted_row_goes_on_accept() -> None:
    def table(mark: str) -> etree._Element:
        row = (
            f"<w:tr><w:trPr>{mark}</w:trPr><w:tc><w:p><w:r><w:t>row</w:t></w:r></w:p></w:tc></w:tr>"
        )
        return body(f"<w:tbl>{row}</w:tbl>")

    inserted = table('<w:ins w:id="7" w:author="A"/>')
    reject(inserted)
    assert inserted.find(f"{w('tbl')}/{w('tr')}") is None
    deleted = table('<w:del w:id="8" w:author="A"/>')
    accept_all(deleted, Tracked())
    assert deleted.find(f"{w('tbl')}/{w('tr')}") is None


def test_the_revision_writer_gives_each_mark_a_fresh_id_author_and_date() -> None:
    writer = RevisionWriter("cmwreport", "1980-01-01T00:00:00Z", 10)
    first, second = writer.mark("ins"), writer.mark("del")
    assert (first.get(w("id")), second.get(w("id"))) == ("10", "11")
    assert first.get(w("author")) == "cmwreport" and first.get(w("date")).startswith("1980")
