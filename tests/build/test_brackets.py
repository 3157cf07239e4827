"""No line ends with "(" before a UN symbol, as LibreOffice lays the page out.

The citations are checked where they fall at every place of a line: paragraphs that
put "(CMW/C/MAR/QPR/2)" after 4 to 40 words, on pages of three text widths, and the
shipped report and its annex, every line of every page (the bench's `full` build:
test_printed.py).
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from cmwreport.docx import brackets
from cmwreport.docx.content import Bookmarks, Para, render
from cmwreport.docx.document import WordDocument
from cmwreport.docx.xml import w
from tests.conftest import ANNEX, REPORT, TEMPLATE
from tests.office import pdf_text, to_pdf

WORDS = "وتتضمن أجزاؤه ردود المملكة على قائمة المسائل المحالة إليها قبل تقديم التقرير".split()
#: A citation whose bracket goes on in Arabic after the symbol: it must stay right to
#: left (docs/template.md), and LibreOffice may still break after its "(".
MIXED = re.compile(r"^\S*[A-Z]+/[A-Z0-9/.]+\S*\s*(?:الفقرة|الفقرتان|الفقرات)")


def lines_ending_with_bracket(layout: str) -> list[tuple[str, str]]:
    """(line, next line) for every line whose last character is "(" or "[" (pdftotext
    gives each line in logical order, so its last character is the line's end)."""
    lines = [line.strip() for line in layout.splitlines()]
    found = []
    for n, line in enumerate(lines):
        if line.endswith(("(", "[")):
            found.append((line, next((x for x in lines[n + 1 :] if x), "")))
    return found


def dense(tmp_path: Path, margin: int, bound: bool) -> Path:
    """Paragraphs with a symbol citation after 4 to 40 words, on pages whose side
    margins are `margin` (twentieths of a point)."""
    document = WordDocument.open(TEMPLATE)
    paras = [
        Para("UNPara", " ".join((WORDS * 5)[k : k + n]) + " (CMW/C/MAR/QPR/2). نص")
        for n in range(4, 41)
        for k in range(3)
    ]
    nodes = render(paras, Bookmarks())
    document.replace_body(nodes)
    margins = document.body.find(f"{w('sectPr')}/{w('pgMar')}")
    margins.set(w("left"), str(margin))
    margins.set(w("right"), str(margin))
    if bound:
        assert brackets.bind(document.body) == len(paras)
    path = tmp_path / f"dense-{margin}-{'bound' if bound else 'plain'}.docx"
    path.write_bytes(document.to_bytes())
    return path


def test_bind_moves_brackets_into_the_symbol_run_and_back() -> None:
    document = WordDocument.open(TEMPLATE)
    document.replace_body(
        render([Para("UNPara", "قبل تقديم التقرير (CMW/C/MAR/QPR/2). نص")], Bookmarks())
    )
    assert brackets.bind(document.body) == 1
    texts = ["".join(r.itertext(w("t"))) for r in document.body.iter(w("r"))]
    assert texts == ["قبل تقديم التقرير ", "\u200e(CMW/C/MAR/QPR/2)\u200e", ". نص"]
    assert brackets.bind(document.body) == 0  # a second pass changes nothing
    assert brackets.unbind_text("".join(texts)) == "قبل تقديم التقرير (CMW/C/MAR/QPR/2). نص"


def test_a_bracket_going_on_in_arabic_stays_right_to_left() -> None:
    document = WordDocument.open(TEMPLATE)
    text = "والتشاور مع المنظمات (CMW/C/MAR/CO/1، الفقرة 53). نص"
    document.replace_body(render([Para("UNPara", text)], Bookmarks()))
    assert brackets.bind(document.body) == 0


@pytest.mark.libreoffice
@pytest.mark.parametrize("margin", [1000, 1418, 2300])
def test_symbol_citations_never_leave_a_bracket_at_the_end_of_a_line(
    tmp_path: Path, margin: int
) -> None:
    plain = pdf_text(to_pdf(dense(tmp_path, margin, bound=False), tmp_path))
    # The page does put citations at line ends: without bind, LibreOffice leaves "(".
    assert lines_ending_with_bracket(plain)
    bound = pdf_text(to_pdf(dense(tmp_path, margin, bound=True), tmp_path))
    assert lines_ending_with_bracket(bound) == []
    assert bound.count("CMW/C/MAR/QPR/2") == 37 * 3


def only_mixed(found: list[tuple[str, str]]) -> list[tuple[str, str]]:
    """The lines ending with a bracket other than a mixed citation's (the one case no
    run structure can keep together in LibreOffice, docs/template.md)."""
    return [(line, after) for line, after in found if not MIXED.search(after)]


@pytest.mark.libreoffice
def test_report_and_annex_have_no_line_ending_with_a_bracket(built: Path, tmp_path: Path) -> None:
    for name in (REPORT, ANNEX):
        layout = pdf_text(to_pdf(built / name, tmp_path))
        assert "CMW/C/MAR/QPR/2" in layout or name == ANNEX
        assert only_mixed(lines_ending_with_bracket(layout)) == [], name
