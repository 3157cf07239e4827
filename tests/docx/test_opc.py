"""The package reader resolves part names exactly as python-docx's PackURI does."""

from __future__ import annotations

import random
import re

import pytest
from docx.opc.packuri import PackURI

from cmwreport.docx.opc import relationship_kind, rels_name, resolve


@pytest.mark.parametrize(
    ("source", "target"),
    [
        ("word/document.xml", "styles.xml"),
        ("word/document.xml", "/word/styles.xml"),
        ("word/document.xml", "../customXml/item1.xml"),
        ("word/document.xml", "./media/image1.png"),
        ("word/glossary/document.xml", "../media/image2.png"),
        ("", "word/document.xml"),
        ("", "/word/document.xml"),
    ],
)
def test_part_names_agree_with_python_docx(source, target):
    base = PackURI("/" + source).baseURI if source else "/"
    assert "/" + resolve(source, target) == PackURI.from_rel_ref(base, target)


def test_relationship_part_names():
    assert rels_name("word/document.xml") == "word/_rels/document.xml.rels"
    assert PackURI("/word/document.xml").rels_uri == "/" + rels_name("word/document.xml")


def test_count_blocks_is_never_below_the_paragraphs_and_rows():
    """count_blocks answers from two byte counts when the part has few tags: that
    answer may be above the paragraphs' count, never below it, and past the limit the
    tags are matched one by one."""
    from lxml import etree

    from cmwreport.docx.xml import count_blocks

    body = (
        b'<w:document xmlns:w="urn:w"><w:body><w:p><w:r><w:t>a &lt;w:p&gt; b</w:t></w:r>'
        b"</w:p><w:tbl><w:tr><w:tc><w:p/></w:tc></w:tr></w:tbl><w:pPr/><p/></w:body>"
        b"</w:document>"
    )
    tree = etree.fromstring(body)
    blocks = sum(1 for el in tree.iter() if etree.QName(el).localname in ("p", "tr"))
    assert blocks == 4
    # Few tags: the count of tags, or of start tags (at least the blocks).
    assert count_blocks(body, 1000) == body.count(b"<") >= blocks
    starts = body.count(b"<") - body.count(b"</")
    assert count_blocks(body, starts) == starts >= blocks
    # More start tags than the limit: the paragraphs and rows themselves, up to limit + 1.
    assert count_blocks(body, 5) == blocks
    assert count_blocks(body, 2) == 3


def test_a_relationships_kind_is_the_last_segment_of_its_type():
    # What the pattern it replaced, `[^/]+$`, found: also for a type ending in "/", in
    # a line break, or without any "/".
    pattern = re.compile(r"[^/]+$")
    types = [
        "http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles",
        "http://purl.oclc.org/ooxml/officeDocument/relationships/header", "image",
        "", "/", "a/", "a/b/", "a/b\n", "a/\n", "\n", "a/b/\n", "a//b", "a/b\nc",
    ]  # fmt: skip
    rng = random.Random(21)
    types += ["".join(rng.choice("ab/\n:") for _ in range(rng.randrange(8))) for _ in range(2000)]
    for rel_type in types:
        found = pattern.search(rel_type)
        assert relationship_kind(rel_type) == (found.group(0) if found else ""), rel_type
    assert relationship_kind(types[0]) == "styles"
