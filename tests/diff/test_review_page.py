"""The review page a reviewer works in (issue 19, item 2), in headless Chromium.

One pair of drafts with every kind of change (a word changed, a sub-paragraph edited, a
paragraph added, one removed, one moved, a table cell edited, a word made bold) is
compared in Arabic, French and English; the browser says how it laid the page out:
direction, where the old draft's column is, that the summary reaches every change of
the JSON report, that j/k move the focus, that 400 px need no sideways scrolling, and
that printing gives A4 pages with the drafts' names and insertions underlined (read
back with pdftotext and on the rendered page's pixels).
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from pathlib import Path

import pytest
from docx.oxml import parse_xml
from docx.oxml.ns import qn

from tests import drafts as d
from tests.cli_helpers import cli
from tests.office import require


def bold_word(fragment: str, word: str) -> d.Edit:
    """A reviewer selects a word and makes it bold (Word splits the run)."""

    def edit(doc) -> None:
        run = d._isolate(d._paragraph(doc, fragment), word)
        rpr = run.find(qn("w:rPr"))
        if rpr is None:
            rpr = parse_xml(f"<w:rPr {d.NS}/>")
            run.insert(0, rpr)
        rpr.insert(0, parse_xml(f"<w:bCs {d.NS}/>"))
        rpr.insert(0, parse_xml(f"<w:b {d.NS}/>"))

    return edit


@pytest.fixture(scope="module")
def pages(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("review")
    old = d.make_draft(tmp / "old.docx")
    new = d.edited(
        old,
        tmp / "new.docx",
        d.change_word("ثلاث مشاورات", "أربع مشاورات"),
        d.insert_paragraph("تعزيز ولوج المهاجرين", "فقرة جديدة أضافها المراجع بعد المشاورات."),
        d.delete_paragraph("تكثيف برامج التكوين"),
        d.move_paragraph("تيسير الولوج للسكن", "أُعدّ التقرير في إطار تشاوري"),
        d.edit_cell(1, 2, 3, "47"),
        d.change_word("اعتماد القانون", "إصدار القانون"),
        bold_word("تؤكد المملكة المغربية", "التزامها"),
    )
    out = {}
    for lang in ("ar", "fr", "en"):
        page = tmp / f"diff-{lang}.html"
        args = ("--lang", lang, "diff", "--format", "json", "--html", str(page))
        proc = cli(*args, str(old), str(new))
        assert proc.returncode == 1, proc.stderr
        out[lang] = page
    report = json.loads(proc.stdout)
    assert {c["kind"] for c in report["changes"]} == {
        "added",
        "removed",
        "changed",
        "moved",
        "formatting",
    }
    return out, report


def _open(browser, page: Path, width: int = 1200):
    tab = browser.new_page(viewport={"width": width, "height": 900})
    tab.goto(page.as_uri())
    return tab


_LAYOUT_JS = """
() => ({
  dir: getComputedStyle(document.documentElement).direction,
  lang: document.documentElement.lang,
  cells: [...document.querySelectorAll('p.text')].map(p => ({
    text: p.textContent, direction: getComputedStyle(p).direction})),
  columns: [...document.querySelectorAll('article.change')].map(a => {
    const o = a.querySelector(':scope > .sides > .side.old');
    const n = a.querySelector(':scope > .sides > .side.new');
    return o && n ? [o.getBoundingClientRect().left, n.getBoundingClientRect().left] : null;
  }).filter(Boolean),
  labels: [...document.querySelectorAll('article.change .kind')].map(k => k.textContent),
})
"""


@pytest.mark.parametrize(
    "lang,direction,kind_label",
    [("ar", "rtl", "تعديل"), ("fr", "ltr", "modification"), ("en", "ltr", "changed")],
)
def test_direction_language_and_reading_order(pages, browser, lang, direction, kind_label):
    tab = _open(browser, pages[0][lang])
    layout = tab.evaluate(_LAYOUT_JS)
    tab.close()
    assert (layout["lang"], layout["dir"]) == (lang, direction)
    assert kind_label in layout["labels"]
    # Arabic text is laid out right to left whatever the page's language.
    arabic = [c for c in layout["cells"] if any("\u0600" <= ch <= "\u06ff" for ch in c["text"])]
    assert arabic and all(c["direction"] == "rtl" for c in arabic)
    # The old draft on the reading side: on the right in Arabic, on the left otherwise.
    assert layout["columns"]
    for old_left, new_left in layout["columns"]:
        assert (old_left > new_left) if direction == "rtl" else (old_left < new_left)


def test_every_change_reachable_from_the_summary(pages, browser):
    page, report = pages[0]["ar"], pages[1]
    tab = _open(browser, page)
    found = tab.evaluate(
        """() => {
        const links = [...document.querySelectorAll('nav.summary a[href^="#"]')]
          .map(a => a.getAttribute('href').slice(1));
        return [...document.querySelectorAll('article.change')].map(a => ({
          id: a.id, kind: a.dataset.kind, linked: links.includes(a.id),
          section: links.includes(a.closest('section').id)}));
      }"""
    )
    tab.close()
    assert [f["kind"] for f in found] == [c["kind"] for c in report["changes"]]
    assert all(f["linked"] and f["section"] for f in found), found
    assert len({f["id"] for f in found}) == len(found)


def test_keyboard_moves_focus_to_next_and_previous_change(pages, browser):
    tab = _open(browser, pages[0]["ar"])
    seen = []
    for key in ("j", "j", "n", "k", "p"):
        tab.keyboard.press(key)
        seen.append(tab.evaluate("() => document.activeElement.id"))
    tab.close()
    assert seen == ["c1", "c2", "c3", "c2", "c1"]


def test_no_sideways_scrolling_at_400_px(pages, browser):
    for lang in ("ar", "fr"):
        tab = _open(browser, pages[0][lang], width=400)
        widths = tab.evaluate(
            "() => [document.documentElement.scrollWidth, document.documentElement.clientWidth]"
        )
        shot = pages[0][lang].with_name(f"phone-{lang}.png")
        tab.screenshot(path=str(shot), full_page=True)
        tab.close()
        assert widths[0] <= widths[1], widths
        _keep(shot)


def test_formatting_marked_on_the_word_and_moves_linked(pages, browser):
    tab = _open(browser, pages[0]["ar"])
    marks = tab.evaluate(
        """() => [...document.querySelectorAll('article.formatting mark.fmt')].map(m => ({
          text: m.firstChild.textContent, weight: getComputedStyle(m).fontWeight}))"""
    )
    target = tab.evaluate(
        """() => { const a = document.querySelector('article.moved a.from');
                   return document.getElementById(a.getAttribute('href').slice(1)) !== null; }"""
    )
    tab.goto(pages[0]["ar"].as_uri() + "#" + "c1-from")
    shown = tab.evaluate("() => getComputedStyle(document.getElementById('whole')).display")
    tab.close()
    assert marks == [{"text": "التزامها", "weight": "700"}]
    assert target and shown == "block"


def test_desktop_screenshot(pages, browser):
    tab = _open(browser, pages[0]["ar"])
    shot = pages[0]["ar"].with_name("desktop-ar.png")
    tab.screenshot(path=str(shot), full_page=True)
    tab.close()
    assert shot.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    _keep(shot)


def _keep(shot: Path) -> None:
    if os.environ.get("CMW_SCREENSHOT_DIR"):
        shutil.copy(shot, Path(os.environ["CMW_SCREENSHOT_DIR"]) / f"review-{shot.name}")


def test_printed_on_a4_with_names_on_each_page_and_insertions_underlined(pages, browser):
    require("pdftotext")
    require("pdftoppm")
    page = pages[0]["ar"]
    tab = _open(browser, page)
    tab.emulate_media(media="print")
    pdf = page.with_suffix(".pdf")
    tab.pdf(path=str(pdf), prefer_css_page_size=True, print_background=True)
    tab.close()
    info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True).stdout
    assert "pts (A4)" in info, info
    count = int(next(line.split()[-1] for line in info.splitlines() if line.startswith("Pages")))
    assert count >= 3  # a page per section
    for number in range(1, count + 1):
        text = _pdftotext(pdf, number)
        assert "old.docx" in text and "new.docx" in text, (number, text[:200])

    # On the rendered page: a line under the inserted "47", none under the deleted "45".
    boxes = _word_boxes(pdf)
    inserted = [b for b in boxes if b[0] == "47"]
    deleted = [b for b in boxes if b[0] == "45"]
    assert inserted and deleted, boxes[:40]
    assert any(_underlined(pdf, box) for box in inserted)
    assert not any(_underlined(pdf, box) for box in deleted)


def _pdftotext(pdf: Path, page: int) -> str:
    return subprocess.run(
        ["pdftotext", "-f", str(page), "-l", str(page), str(pdf), "-"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout


def _word_boxes(pdf: Path) -> list[tuple[str, int, float, float, float, float]]:
    import re

    html = subprocess.run(
        ["pdftotext", "-bbox", str(pdf), "-"], capture_output=True, text=True, check=True
    ).stdout
    boxes, page = [], 0
    for line in html.splitlines():
        if "<page " in line:
            page += 1
        found = re.search(
            r'xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)<', line
        )
        if found:
            x0, y0, x1, y1 = map(float, found.groups()[:4])
            boxes.append((found.group(5), page, x0, y0, x1, y1))
    return boxes


def _underlined(pdf: Path, box) -> bool:
    """A row of dark pixels under the word's baseline, across most of its width."""
    _, page, x0, y0, x1, y1 = box
    width, pixels = _grey_page(pdf, page)
    scale = 144 / 72
    left, right = int(x0 * scale), int(x1 * scale)
    top, bottom = int((y1 - (y1 - y0) * 0.25) * scale), int((y1 + 6) * scale)
    for y in range(top, bottom):
        row = pixels[y * width + left : y * width + right]
        if sum(1 for value in row if value < 110) >= 0.8 * (right - left):
            return True
    return False


def _grey_page(pdf: Path, page: int) -> tuple[int, bytes]:
    """The page rendered at 144 dpi in grey (pdftoppm's PGM: a header, then a byte per
    pixel)."""
    stem = pdf.with_name(f"page-{page}")
    pgm = stem.with_suffix(".pgm")
    if not pgm.exists():
        subprocess.run(
            ["pdftoppm", "-r", "144", "-gray", "-f", str(page), "-l", str(page), "-singlefile"]
            + [str(pdf), str(stem)],
            check=True,
        )
    data = pgm.read_bytes()
    fields, at = [], 0
    while len(fields) < 4:  # magic, width, height, maximum
        while data[at : at + 1].isspace():
            at += 1
        end = at
        while not data[end : end + 1].isspace():
            end += 1
        fields.append(data[at:end])
        at = end
    assert fields[0] == b"P5"
    return int(fields[1]), data[at + 1 :]
