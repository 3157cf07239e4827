"""The package reader resolves part names exactly as python-docx's PackURI does."""

from __future__ import annotations

import pytest
from docx.opc.packuri import PackURI

from cmwreport.docx.opc import rels_name, resolve


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
