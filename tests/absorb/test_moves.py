"""Moves absorb cannot follow are reported, and the item stays where it was: found by
hand (issue 17's "moves neither absorbed nor reported"). Before, each of these exited
0: a recommendation pasted among the participants was written as another
recommendation moved, a participant pasted among recommendations went to the end of
the participants, a context paragraph, a row of the table of meetings or a paragraph
of the template's own text moved were put back where the build writes them, "0
edit(s)"."""

from __future__ import annotations

import pytest
from docx.oxml.ns import qn

from tests import drafts as d
from tests.absorb import word_edits as we
from tests.absorb.test_identity import all_items
from tests.absorb.workspace import Workspace

DECRIMINALISE = "إلغاء تجريم الهجرة"
JUDICIARY = "القضاء؛"
HEALTH = "مواصلة الجهود في مجال الخدمات الصحية"
OBJECTIVES = "استهدفت هذه اللقاءات"


@pytest.fixture(scope="module")
def built(tmp_path_factory) -> Workspace:
    return Workspace.make(tmp_path_factory.mktemp("moves") / "ws")


@pytest.fixture
def ws(built, tmp_path) -> Workspace:
    import shutil

    shutil.copytree(built.root, tmp_path / "ws")
    return Workspace(tmp_path / "ws")


def swap_meetings(doc) -> None:
    rows = doc.tables[0]._tbl.findall(qn("w:tr"))
    rows[1].addprevious(rows[2])


CASES = {
    "recommendation-among-participants": (
        [d.move_paragraph(DECRIMINALISE, JUDICIARY)],
        "recommendation decriminalise-irregular-migration",
    ),
    "tracked": (
        [we.move_paragraph(DECRIMINALISE, JUDICIARY)],
        "recommendation decriminalise-irregular-migration",
    ),
    "participant-among-recommendations": (
        [d.move_paragraph(JUDICIARY, DECRIMINALISE)],
        "participant judiciary",
    ),
    "context-after-a-recommendation": (
        [d.move_paragraph(OBJECTIVES, DECRIMINALISE)],
        "context paragraph context-objectives",
    ),
    "meetings-swapped": ([swap_meetings], "meeting"),
}


@pytest.mark.parametrize("case", list(CASES))
def test_a_move_absorb_cannot_follow_is_reported(ws, tmp_path, case):
    edits, named = CASES[case]
    before = ws.snapshot()
    draft = d.edited(ws.annex, tmp_path / "moved.docx", *edits)
    proc = ws.absorb(draft)
    assert proc.returncode == 1, proc.stdout + proc.stderr
    assert "moved where absorb cannot follow: " + named in proc.stdout
    assert ws.snapshot() == before


def test_a_template_paragraph_moved_into_the_annex_is_reported(ws, tmp_path):
    before = ws.snapshot()
    placeholder = "[نص يحرره فريق الصياغة]: الرد على الفقرة 2"
    draft = d.edited(ws.report, tmp_path / "moved.docx", d.move_paragraph(placeholder, HEALTH))
    proc = ws.absorb(draft)
    assert proc.returncode == 1, proc.stdout + proc.stderr
    assert "moved where absorb cannot follow: template text" in proc.stdout
    assert ws.snapshot() == before


def test_the_other_edits_are_written_and_moves_within_lists_still_absorbed(ws, tmp_path):
    """Beside a move that is reported: a recommendation moved to another axis and one
    reworded are absorbed, the participant moved among recommendations stays put."""
    before = all_items(ws)
    draft = d.edited(
        ws.annex,
        tmp_path / "moved.docx",
        d.move_paragraph(JUDICIARY, DECRIMINALISE),
        d.move_paragraph(DECRIMINALISE, HEALTH),
        d.change_word("جنوب الصحراء", "جنوب الصحراء الكبرى"),
    )
    proc = ws.absorb(draft)
    assert proc.returncode == 1, proc.stdout + proc.stderr
    after = all_items(ws)
    assert "economic-social-cultural-rights.yaml:decriminalise-irregular-migration" in after
    assert "الصحراء الكبرى" in after["legal-framework.yaml:combat-colour-discrimination"]
    assert after["consultations.yaml:judiciary"] == before["consultations.yaml:judiciary"]
    assert list(after).index("consultations.yaml:judiciary") == list(before).index(
        "consultations.yaml:judiciary"
    )
