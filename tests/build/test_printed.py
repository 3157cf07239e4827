"""The bench's `full` build (a report at the word limit, paragraphs past 1,000 in its
annex) as LibreOffice prints it, every line of every page: no bracket alone at a
line's end, and every paragraph number inside the text block with room after it.

Glyph positions come from `pdftotext -bbox`: in a right-to-left line the label is
the rightmost word(s), "1104" then "-", and the text starts at the next word left.
"""

from __future__ import annotations

import re
import subprocess
import sys
from collections import defaultdict
from pathlib import Path

import pytest

from tests.build.test_brackets import lines_ending_with_bracket, only_mixed
from tests.conftest import ANNEX, REPORT, ROOT, TEMPLATE
from tests.office import pdf_text, require, to_pdf

pytestmark = pytest.mark.libreoffice

#: A4 and the template's side margins (2.5 cm), in points.
PAGE_WIDTH, MARGIN = 595.3, 70.9
#: The least room between a paragraph number and its text, in points
#: (build/indents.py leaves 7).
MIN_GAP = 6.0
_WORD = re.compile(
    r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="[\d.]+">([^<]*)</word>'
)


@pytest.fixture(scope="module")
def full_pdfs(tmp_path_factory) -> dict[str, Path]:
    work = tmp_path_factory.mktemp("full")
    tree, template, out = work / "tree", work / "template.docx", work / "out"
    subprocess.run(
        [sys.executable, str(ROOT / "bench" / "generate.py"), str(tree), "--preset", "full",
         "--seed", "1", "--template", str(TEMPLATE), "--template-out", str(template)],
        check=True, capture_output=True,
    )  # fmt: skip
    from cmwreport.commands import build as build_command

    assert build_command.run(tree, template, out, "text") == 0
    return {name: to_pdf(out / name, work) for name in (REPORT, ANNEX)}


def test_no_line_ends_with_a_bracket(full_pdfs: dict[str, Path]) -> None:
    for name, pdf in full_pdfs.items():
        layout = pdf_text(pdf)
        assert layout.count("\f") > 20, name  # the whole build was read, not one page
        assert only_mixed(lines_ending_with_bracket(layout)) == [], name


def paragraph_numbers(pdf: Path) -> list[tuple[int, str, float, float]]:
    """(page, number, gap to the text in points, label's right edge past the margin)."""
    require("pdftotext")
    html = subprocess.run(
        ["pdftotext", "-bbox", str(pdf), "-"], check=True, capture_output=True, text=True
    ).stdout
    found = []
    for page_number, page in enumerate(html.split("<page")[1:], 1):
        lines = defaultdict(list)
        for x0, y0, x1, text in _WORD.findall(page):
            lines[round(float(y0), 1)].append((float(x0), float(x1), text))
        for words in lines.values():
            words.sort(key=lambda word: -word[1])
            # Headings number themselves in their text ("1- المبادئ العامة"): one digit.
            if len(words) < 3 or not re.fullmatch(r"\d\d+", words[0][2]) or words[1][2] != "-":
                continue
            gap = words[1][0] - words[2][1]
            found.append((page_number, words[0][2], gap, words[0][1] - (PAGE_WIDTH - MARGIN)))
    return found


def test_paragraph_numbers_stand_inside_the_text_block_with_room(
    full_pdfs: dict[str, Path],
) -> None:
    for name, pdf in full_pdfs.items():
        numbers = paragraph_numbers(pdf)
        widest = max(len(number) for _, number, _, _ in numbers)
        assert widest >= 3 if name == REPORT else widest == 4, name  # 100- and 1000- printed
        crowded = [n for n in numbers if n[2] < MIN_GAP]
        outside = [n for n in numbers if n[3] > 0.5]
        assert crowded == [] and outside == [], (name, crowded[:3], outside[:3])


def test_running_heads_and_page_numbers_on_the_outer_edge(built: Path, tmp_path: Path) -> None:
    """The symbol at the top and the page number at the bottom of every page after the
    first, both on the outer edge: odd pages (facing left in a right-to-left document)
    on the left, even pages on the right; the first page has neither."""
    require("pdftotext")
    pdf = to_pdf(built / REPORT, tmp_path)
    html = subprocess.run(
        ["pdftotext", "-bbox", str(pdf), "-"], check=True, capture_output=True, text=True
    ).stdout
    pages = html.split("<page")[1:]
    assert len(pages) >= 4
    for number, page in enumerate(pages, 1):
        words = [(float(x0), float(y0), float(x1), t) for x0, y0, x1, t in _WORD.findall(page)]
        top = min(words, key=lambda word: word[1])
        bottom = max(words, key=lambda word: word[1])
        if number == 1:
            assert top[3] != "CMW/C/MAR/2" and bottom[3] != "1"
            continue
        assert (top[3], bottom[3]) == ("CMW/C/MAR/2", str(number))
        for x0, _, x1, _ in (top, bottom):
            if number % 2:
                assert abs(x0 - MARGIN) < 2, (number, x0)
            else:
                assert abs(x1 - (PAGE_WIDTH - MARGIN)) < 2, (number, x1)
