"""The standalone annex (build/standalone.py): its elements, written there first, move
on into the report, whose annex is then the standalone's, paragraph for paragraph."""

from __future__ import annotations

import zipfile
from pathlib import Path

from lxml import etree

from cmwreport.docx.xml import w
from tests.conftest import SOURCES, TEMPLATE, cmwreport


def _body(docx: Path) -> etree._Element:
    with zipfile.ZipFile(docx) as package:
        return etree.fromstring(package.read("word/document.xml")).find(w("body"))


def _annex(body: etree._Element) -> list[tuple[str, str]]:
    """(bookmark, text) of each bookmarked paragraph from the annex's first on."""
    found = []
    for p in body.iter(w("p")):
        start = p.find(w("bookmarkStart"))
        name = start.get(w("name"), "") if start is not None else ""
        if name == "_cmw_regional_consultations_2022" or found:
            if name:
                found.append((name, "".join(t.text or "" for t in p.iter(w("t")))))
    return found


def test_the_standalone_annex_is_the_reports_paragraph_for_paragraph(tmp_path: Path) -> None:
    assert cmwreport("build", SOURCES, "--template", TEMPLATE, "--out", tmp_path) == 0
    report = _annex(_body(tmp_path / "CMW-C-MAR-2.docx"))
    annex = _annex(_body(tmp_path / "CMW-C-MAR-2-annex.docx"))
    assert len(annex) > 20
    assert annex == report
