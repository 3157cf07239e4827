"""A paragraph a drafter adds in LibreOffice (through its own API, as Enter at the end
of a paragraph and typing) is numbered: paragraph numbers are counted, not typed.

Sub-paragraph labels are literal (docx/numbering.py: no numbering format prints (أ) and
(هـ) in both programs), so a sub-paragraph added between two shows its neighbour's
letter until the next build: the second test says so, to be turned round when the
labels are counted.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from tests.absorb.test_identity import lo_review
from tests.conftest import REPORT
from tests.office import office_text

pytestmark = pytest.mark.libreoffice

ADDED = "فقرة أضافها فريق الصياغة في المسودة"


def labelled(text: str) -> list[tuple[str, str]]:
    """(label, rest) of each line LibreOffice exports with a list label."""
    out = []
    for line in text.splitlines():
        found = re.match(r"^\s*(\d+-|\([^)]{1,3}\)|’\d+‘)\s*(.*)$", line)
        if found:
            out.append((found.group(1), found.group(2)))
    return out


def test_a_paragraph_added_in_the_middle_takes_the_next_number(built: Path, tmp_path: Path):
    before = [label for label, _ in labelled(office_text(built / REPORT, tmp_path / "a"))]
    draft = lo_review(built / REPORT, tmp_path / "added.docx", ["paste", "يقدّم المغرب", ADDED,
                                                                 "Amiri", 13])  # fmt: skip
    after = labelled(office_text(draft, tmp_path / "b"))
    assert ("2-", ADDED) in after[:3]
    # Every number of the report once, in order, one more than before; the annex's
    # list still restarts at 1 after them.
    numbers = [label for label, _ in after if label.endswith("-")]
    old = [label for label in before if label.endswith("-")]
    count = old.index("1-", 1)  # the report's paragraphs, before the annex's restart
    assert numbers[: count + 2] == [f"{n}-" for n in range(1, count + 2)] + ["1-"]
