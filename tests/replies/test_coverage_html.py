"""The coverage page, opened in a real browser: headless Chromium (Debian's, driven by
Playwright through executable_path, as tests/diff/test_html_browser.py does) lays it out
right to left, and every question and sub-item of the list of issues is on it with its
state. A screenshot is kept under $CMW_SCREENSHOT_DIR when set."""

from __future__ import annotations

import json
import os
import shutil
from pathlib import Path

from cmwreport.replies.headings import arabic_key
from tests.cli_helpers import cli
from tests.replies.helpers import COMPLETE_QPR, project

_ROWS_JS = """
() => ({
  direction: getComputedStyle(document.documentElement).direction,
  rows: [...document.querySelectorAll('table.questions tbody tr[id]')].map(tr => {
    const cells = [...tr.querySelectorAll('td')];
    const first = cells[0].getBoundingClientRect(), last = cells[cells.length - 1]
      .getBoundingClientRect();
    return {id: tr.id, state: tr.dataset.state, number: cells[0].textContent,
            firstIsRightmost: first.left > last.left,
            direction: getComputedStyle(cells[1]).direction};
  }),
})
"""


def test_page_in_chromium(tmp_path, browser):
    root = project(tmp_path, COMPLETE_QPR)
    html = tmp_path / "coverage.html"
    proc = cli("coverage", "--format", "json", "--html", str(html), cwd=root)
    assert proc.returncode == 1, proc.stderr
    report = json.loads(proc.stdout)

    page = browser.new_page(viewport={"width": 1200, "height": 900})
    page.goto(html.as_uri())
    found = page.evaluate(_ROWS_JS)
    shot = html.with_suffix(".png")
    page.screenshot(path=str(shot), full_page=True)
    if os.environ.get("CMW_SCREENSHOT_DIR"):
        shutil.copy(shot, Path(os.environ["CMW_SCREENSHOT_DIR"]) / "coverage-chromium.png")
    page.close()

    assert found["direction"] == "rtl"
    expected = [
        (f"q-{q['question']}" + (f"-{q['item']}" if q["item"] else ""), q["state"])
        for q in report["questions"]
    ]
    assert [(r["id"], r["state"]) for r in found["rows"]] == expected
    assert len(expected) == 6
    for row, q in zip(found["rows"], report["questions"], strict=True):
        assert row["number"] == arabic_key(q["question"], q["item"])
        assert row["firstIsRightmost"]  # the number column on the right: right to left
        assert row["direction"] == "rtl"
    assert shot.stat().st_size > 20_000


def test_notes_in_arabic_read_right_to_left(tmp_path, browser):
    # The shipped data is incomplete: the page says so, in the user's language, and an
    # Arabic note that starts with a symbol (isolated) still lays out right to left.
    root = project(tmp_path)
    html = tmp_path / "coverage.html"
    proc = cli("--lang", "ar", "coverage", "--html", str(html), cwd=root)
    assert proc.returncode == 1, proc.stderr
    page = browser.new_page()
    page.goto(html.as_uri())
    notes = page.evaluate(
        "() => [...document.querySelectorAll('p.note')].map(p => "
        "[p.textContent, getComputedStyle(p).direction])"
    )
    page.close()
    assert len(notes) == 2
    assert all(direction == "rtl" for _text, direction in notes)
    assert "لا تسرد البيانات" in notes[0][0]
