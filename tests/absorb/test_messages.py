"""absorb's messages in the reviewer's terms (issue 17)."""

from __future__ import annotations

import re

import pytest

from tests import drafts as d
from tests.absorb import word_edits as we
from tests.absorb.workspace import Workspace

COLOUR = "مناهضة الممارسات التمييزية"
HARMONISE = "التسريع بملائمة القانون"


@pytest.fixture
def ws(tmp_path) -> Workspace:
    return Workspace.make(tmp_path)


def test_annex_headings_of_the_report_draft_are_placed_in_the_annex(ws, tmp_path):
    draft = d.edited(
        ws.report,
        tmp_path / "headings.docx",
        d.change_word("السياق العام", "السياق الخاص"),
        d.change_word("خلاصات اللقاءات", "نتائج اللقاءات"),
    )
    proc = ws.absorb(draft)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert "context heading: text updated (heading before annex para. 1)" in proc.stdout
    assert "(unnumbered paragraph before annex para. 1 § المرفق)" in proc.stdout
    assert "after para. 12" not in proc.stdout
    assert not re.search(r"paragraph \d+\b(?! \()", proc.stdout.replace("para. ", ""))


def test_a_moved_item_is_named_at_the_line_where_it_is_now(ws, tmp_path):
    draft = d.edited(
        ws.report, tmp_path / "moved.docx", d.move_paragraph(HARMONISE, COLOUR),
        d.change_word("التسريع بملائمة", "الإسراع بملائمة"),
    )  # fmt: skip
    proc = ws.absorb(draft)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    lines = (ws.sources / "axes" / "legal-framework.yaml").read_text().splitlines()
    now = lines.index("  - id: harmonise-law-02-03") + 1
    assert f"legal-framework.yaml:{now + 1}: recommendation harmonise-law-02-03: text updated" in (
        proc.stdout
    )
    assert f"legal-framework.yaml:{now}: recommendation harmonise-law-02-03 moved" in proc.stdout


@pytest.mark.parametrize("tracked", [False, True], ids=["untracked", "tracked"])
def test_an_item_moved_to_another_axis_is_named_in_the_file_it_is_now_in(ws, tmp_path, tracked):
    """Found by hand: a recommendation moved to another axis and reworded (or given a
    footnote) was named "legal-framework.yaml: ... text updated", the file it left,
    without a line."""
    health = "مواصلة الجهود في مجال الخدمات الصحية"
    move = we.move_paragraph if tracked else d.move_paragraph
    draft = d.edited(
        ws.annex,
        tmp_path / "moved.docx",
        move(HARMONISE, health),
        d.change_word("التسريع بملائمة", "الإسراع بملائمة"),
        we.add_footnote("الإسراع بملائمة", "حاشية"),
    )
    proc = ws.absorb(draft)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    lines = (ws.sources / "axes" / "economic-social-cultural-rights.yaml").read_text()
    now = lines.splitlines().index("  - id: harmonise-law-02-03") + 1
    named = "economic-social-cultural-rights.yaml:{}: recommendation harmonise-law-02-03: {}"
    assert named.format(now + 1, "text updated") in proc.stdout
    assert named.format(now, "footnotes updated") in proc.stdout
    assert "legal-framework.yaml: recommendation" not in proc.stdout


def test_one_count_of_tracked_changes_in_both_modes(ws, tmp_path):
    draft = d.edited(
        ws.report,
        tmp_path / "tracked.docx",
        we.delete_paragraph(COLOUR),
        we.reword(HARMONISE, "التسريع", "الإسراع"),
        we.move_paragraph("إلغاء تجريم الهجرة", "تعزيز دور السلطة القضائية"),
    )
    accepted = ws.absorb(draft, "--dry-run").stdout
    pending = ws.absorb(draft, "--dry-run", "--only-accepted").stdout
    count = re.search(r"accepted (\d+) tracked changes", accepted).group(1)
    assert f"left out {count} pending tracked changes" in pending


def retype_run(old: str, new: str) -> d.Edit:
    def edit(doc) -> None:
        from docx.oxml.ns import qn

        run = next(t for t in doc.element.body.iter(qn("w:t")) if t.text == old)
        run.text = new

    return edit


def test_generated_and_filled_in_text_is_described_in_words(ws, tmp_path):
    draft = d.edited(
        ws.report,
        tmp_path / "generated.docx",
        d.change_word("المرفق", "الملحق"),
        retype_run("الثاني", "الثالث"),  # {{ ordinal }} filled in, in its own run
    )
    proc = ws.absorb(draft)
    assert proc.returncode == 1, proc.stdout + proc.stderr
    assert "src/cmwreport" not in proc.stdout and ".py" not in proc.stdout
    assert "{{" not in proc.stdout
    assert "a heading, caption or phrase the build writes in every annex" in proc.stdout
    assert "the template's own words around values filled in from " in proc.stdout
