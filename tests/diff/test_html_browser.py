"""The `--html` page of a diff, opened in a real browser (issue 9, item 8).

Headless Chromium (Debian's `chromium`, driven by Playwright through executable_path:
no browser is downloaded) lays the page out; the test reads what the browser computed:
the `direction` of every text cell, where the first letter of each cell was placed,
and the text of every change in the JSON report. A screenshot is written beside the
page (kept under $CMW_SCREENSHOT_DIR when set, for a person to look at).
"""

from __future__ import annotations

import json
import os
import shutil
import unicodedata
from pathlib import Path

import pytest

from tests import drafts as d
from tests.cli_helpers import cli

HEBREW = ("para", "hebrew-01", "הוועדה קיבלה את הדוח התקופתי השני של מרוקו.")
LATIN = ("para", "latin-01", "The Committee received the second periodic report of Morocco.")
#: A Latin paragraph that cites an Arabic title: its first strong letter is Latin.
MIXED = ("para", "mixed-01", "Morocco's report «التقرير الدوري الثاني» was received.")


def first_strong(text: str) -> str | None:
    for ch in text:
        kind = unicodedata.bidirectional(ch)
        if kind in ("R", "AL"):
            return "rtl"
        if kind == "L":
            return "ltr"
    return None


@pytest.fixture(scope="module")
def page_and_report(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("browser")
    items = [*d.REPORT[:4], HEBREW, LATIN, MIXED, *d.REPORT[4:]]
    old = d.make_draft(tmp / "old.docx", items=items)
    new = d.edited(
        old,
        tmp / "new.docx",
        d.change_word("ثلاث مشاورات", "أربع مشاورات"),
        d.change_word("השני", "השלישי"),
        d.change_word("second", "third"),
        d.change_word("was received", "was welcomed"),
        d.insert_paragraph("تعزيز ولوج المهاجرين", "فقرة جديدة أضافها المراجع بعد المشاورات."),
        d.insert_paragraph("Committee received", "פסקה חדשה שהוסיף הסוקר."),
        d.delete_paragraph("تكثيف برامج التكوين"),
        d.edit_cell(1, 2, 3, "47"),
    )
    html = tmp / "diff.html"
    proc = cli("diff", "--format", "json", "--html", str(html), str(old), str(new))
    assert proc.returncode == 1, proc.stderr
    return html, json.loads(proc.stdout)


#: For each change: its kind and, for each side shown whole (the paragraph one click
#: away, or the side itself when it is shown whole), its text, computed direction, and
#: where its first letter sits (distance from the start edge of its content box).
_CELLS_JS = """
() => [...document.querySelectorAll('article.change')].map(article => {
  const full = article.querySelector('details.full');
  if (full) full.open = true;
  const holder = full || article.querySelector('.sides');
  const cells = [...holder.querySelectorAll('p.text')].map(td => {
    const style = getComputedStyle(td);
    const walker = document.createTreeWalker(td, NodeFilter.SHOW_TEXT);
    let node = walker.nextNode();
    while (node && !node.data.trim()) node = walker.nextNode();
    let fromStart = null;
    if (node) {
      const at = node.data.search(/\\S/);
      const range = document.createRange();
      range.setStart(node, at); range.setEnd(node, at + 1);
      const r = range.getBoundingClientRect(), c = td.getBoundingClientRect();
      const padL = parseFloat(style.paddingLeft), padR = parseFloat(style.paddingRight);
      fromStart = style.direction === 'rtl' ? (c.right - padR) - r.right : r.left - (c.left + padL);
    }
    const shown = td.cloneNode(true);
    shown.querySelectorAll('.sr').forEach(e => e.remove());
    return {cls: td.className, text: shown.textContent, direction: style.direction, fromStart};
  });
  return {kind: article.dataset.kind || article.classList[1], cells};
})
"""


def test_page_in_chromium(page_and_report, browser):
    html, report = page_and_report
    page = browser.new_page(viewport={"width": 1200, "height": 900})
    page.goto(html.as_uri())
    rows = page.evaluate(_CELLS_JS)
    shot = html.with_suffix(".png")
    page.screenshot(path=str(shot), full_page=True)
    if os.environ.get("CMW_SCREENSHOT_DIR"):
        shutil.copy(shot, Path(os.environ["CMW_SCREENSHOT_DIR"]) / "diff-html-chromium.png")
    page.close()

    # Every change of the JSON report is on the page, in order, with its texts.
    changes = report["changes"]
    assert len(rows) == len(changes)
    for change, row in zip(changes, rows, strict=True):
        assert row["kind"] == change["kind"]
        texts = {cell["cls"].split()[-1]: cell["text"] for cell in row["cells"]}
        assert texts.get("old", "") == (change["old_text"] or "")
        assert texts["new"] == (change["new_text"] or "")

    # Right to left where the text is Arabic or Hebrew, left to right where it is Latin,
    # and the first letter laid out at the start edge of its cell.
    seen = set()
    for row in rows:
        for cell in row["cells"]:
            expected = first_strong(cell["text"])
            if expected is None:
                continue
            assert cell["direction"] == expected, cell
            assert cell["fromStart"] < 4, cell
            seen.add(
                (expected, "hebrew" if any("\u0590" <= c <= "\u05ff" for c in cell["text"]) else "")
            )
    assert {("rtl", ""), ("rtl", "hebrew"), ("ltr", "")} <= seen, seen

    assert shot.stat().st_size > 20_000
    assert shot.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
