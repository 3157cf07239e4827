"""A paragraph a drafter adds in LibreOffice (through its own API, as Enter at the end
of a paragraph and typing) is numbered: paragraph numbers are counted, not typed, and
so are sub-paragraph letters wherever a numbering format prints them.

(أ) and (هـ) stay literal (docx/numbering.py: `arabicAbjad` prints (ا) in LibreOffice
and (ه) in both programs), so a sub-paragraph added before the fifth letter makes the
letters up to it move on to (ه) next to the literal (هـ) until the next build: the
third test says so.
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


# The annex's participants, (أ) ... (ح): its one list longer than five.
PARTICIPANTS = ["(أ)", "(ب)", "(ج)", "(د)", "(هـ)", "(و)", "(ز)", "(ح)"]
GROUP = "فئة أضافها فريق الصياغة"


def lettered(text: str) -> list[tuple[str, str]]:
    """The annex list's (label, text), from the line after its first (أ) to its end."""
    found = [(label, rest) for label, rest in labelled(text) if label.startswith("(")]
    start = [i for i, (label, _) in enumerate(found) if label == "(أ)"][-1]
    return found[start:]


def test_a_sub_paragraph_added_after_the_fifth_letter_takes_the_next(built: Path, tmp_path: Path):
    before = lettered(office_text(built / REPORT, tmp_path / "a"))
    assert [label for label, _ in before] == PARTICIPANTS
    draft = lo_review(built / REPORT, tmp_path / "added.docx",
                      ["paste", "الجماعات الترابية؛", GROUP, "Amiri", 13])  # fmt: skip
    after = lettered(office_text(draft, tmp_path / "b"))
    assert [label for label, _ in after] == [*PARTICIPANTS, "(ط)"]
    assert after[6] == ("(ز)", GROUP)
    assert [rest for _, rest in after[7:]] == [rest for _, rest in before[6:]]


def test_a_sub_paragraph_added_before_the_fifth_letter_moves_the_letters_up_to_it(
    built: Path, tmp_path: Path
):
    draft = lo_review(built / REPORT, tmp_path / "added.docx",
                      ["paste", "جمعيات المجتمع المدني؛", GROUP, "Amiri", 13])  # fmt: skip
    after = lettered(office_text(draft, tmp_path / "b"))
    assert after[2] == ("(ج)", GROUP)
    # (ج) and (د) move on; the literal (هـ) and the letters after it wait for a build,
    # and LibreOffice's fifth letter has no kashida.
    labels = [label for label, _ in after]
    assert labels == ["(أ)", "(ب)", "(ج)", "(د)", "(ه)", "(هـ)", "(و)", "(ز)", "(ح)"]
