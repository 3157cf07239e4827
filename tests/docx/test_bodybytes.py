"""Where each top-level body paragraph lies in document.xml's bytes (docx/bodybytes.py):
cut there and parsed in its context, every one is the paragraph lxml read; bytes it
cannot read exactly give None (the reader then writes each paragraph out to key it)."""

from __future__ import annotations

from pathlib import Path

from lxml import etree

from cmwreport.docx.bodybytes import key, paragraph_keys
from cmwreport.docx.package import Package
from cmwreport.docx.plain import IDS

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"
HEAD = f'<?xml version="1.0"?><w:document xmlns:w="{W}"><w:body>'.encode()
TAIL = b"<w:sectPr/></w:body></w:document>"


def _written(el) -> bytes:
    return IDS.sub(b"", etree.tostring(el, with_tail=False))


def _body(data: bytes):
    return etree.fromstring(data).find(f"{{{W}}}body")


def _check(data: bytes, body) -> int:
    """Every paragraph's span, parsed in the context, is the paragraph read."""
    context, spans = paragraph_keys(data, body)
    paragraphs = body.findall(f"{{{W}}}p")
    assert list(spans) == paragraphs
    for p in paragraphs:
        alone = etree.fromstring(context + key(data, spans[p]) + b"</w:body></w:document>")
        assert _written(alone[0][0]) == _written(p)
    return len(paragraphs)


def test_every_paragraph_of_the_corpus_is_cut_where_it_lies():
    cut = refused = paragraphs = 0
    for path in sorted(FIXTURES.rglob("*.docx")):
        try:
            package = Package.read(path)
            main = package.main_part()
            data, root = package.bytes(main), package.xml(main)
        except Exception:  # noqa: BLE001 - hostile fixtures are refused elsewhere
            continue
        body = root.find(f"{{{W}}}body")
        if body is None:
            continue
        if paragraph_keys(data, body) is None:
            refused += 1
            continue
        cut += 1
        paragraphs += _check(data, body)
    assert cut > 100 and refused > 5 and paragraphs > 1000


def test_text_boxes_tables_and_marks_between_are_followed():
    data = (
        HEAD
        + b'<w:bookmarkStart w:id="1" w:name="_cmw_a"/>\n'
        + b'<w:p w:rsidR="00A"><w:r><w:t>a</w:t></w:r></w:p>'
        + b"<w:tbl><w:tr><w:tc><w:p><w:r><w:t>cell</w:t></w:r></w:p><w:tbl><w:tr><w:tc><w:p/>"
        + b"</w:tc></w:tr></w:tbl></w:tc></w:tr></w:tbl><w:p/>"
        + b'<w:p><w:r><w:pict><w:txbxContent><w:p><w:r><w:t>box</w:t></w:r></w:p><w:p w:x="1"/>'
        + b'</w:txbxContent></w:pict></w:r></w:p><w:bookmarkEnd w:id="1"/>'
        + b'<w:p w:a="x"><w:r><w:t xml:space="preserve"> &amp; </w:t></w:r></w:p>'
        + TAIL
    )
    assert _check(data, _body(data)) == 4


def test_what_cannot_be_read_exactly_is_refused():
    plain = b"<w:p><w:r><w:t>a</w:t></w:r></w:p>"
    for inside in (
        plain + b"<!-- a comment -->" + plain,
        b"<w:p><w:r><w:t><![CDATA[<w:p>]]></w:t></w:r></w:p>",
        b"<?pi x?>" + plain,
        b"<w:sdt><w:sdtContent>" + plain + b"</w:sdtContent></w:sdt>",
        b"<w:p w:a='1'><w:r><w:t>a</w:t></w:r></w:p>",
        b'<w:p w:a="x>y"><w:r><w:t>a</w:t></w:r></w:p>',
        b"<w:p ><w:r><w:t>a</w:t></w:r></w:p >",
        b"<w:p><w:r><w:t>a</w:t></w:r></w:p >" + plain,
        b'<x:p xmlns:x="' + W.encode() + b'"><w:r><w:t>a</w:t></w:r></x:p>',
    ):
        data = HEAD + inside + TAIL
        assert paragraph_keys(data, _body(data)) is None, inside
    # A body whose tree is not what the bytes say (another body's tree).
    data = HEAD + plain + TAIL
    other = HEAD + plain + plain + TAIL
    assert paragraph_keys(data, _body(other)) is None


def test_text_that_reads_like_an_id_is_kept_in_the_key():
    # lxml and Word leave `"` unescaped in text: a paragraph whose text is ` w:id="3"`
    # must not key as one whose text is ` w:id="4"` (one would be read for the other and
    # a change reported as none), while the ids of its tags still go.
    from cmwreport.docx.plain import less_ids

    three = b'<w:p w:rsidR="00A1"><w:r><w:t xml:space="preserve"> w:id="3"</w:t></w:r></w:p>'
    four = b'<w:p w:rsidR="00B2"><w:r><w:t xml:space="preserve"> w:id="4"</w:t></w:r></w:p>'
    assert less_ids(three) != less_ids(four)
    assert less_ids(three) == b'<w:p><w:r><w:t xml:space="preserve"> w:id="3"</w:t></w:r></w:p>'
    plain = b'<w:p w:rsidR="00A1" w:rsidP="00A1"><w:bookmarkStart w:id="7" w:name="x"/></w:p>'
    assert less_ids(plain) == b'<w:p><w:bookmarkStart w:name="x"/></w:p>'


def test_id_like_text_is_kept_after_a_raw_greater_than_sign_too():
    # ">" may stand unescaped in a producer's text: then an id-like text followed by it
    # looks, reading forward, like an attribute before the end of its tag. Read from the
    # end of the tag before it, it is text, and the careful substitution keeps it.
    from cmwreport.docx.plain import less_ids

    raw = b'<w:p w:rsidR="1"><w:r><w:t>a w:id="3" > b</w:t></w:r></w:p>'
    assert less_ids(raw) == b'<w:p><w:r><w:t>a w:id="3" > b</w:t></w:r></w:p>'
    # An id-like text left open never swallows the markup after it.
    open_quote = b'<w:p w:rsidR="1"><w:r><w:t>a w:id="3</w:t></w:r></w:p>'
    assert less_ids(open_quote) == b'<w:p><w:r><w:t>a w:id="3</w:t></w:r></w:p>'
