"""A footnote a reviewer adds to a recommendation goes home into its `footnotes:`
(issue 17), instead of "make this change in the template with Word"."""

from __future__ import annotations

import pytest

from tests import drafts as d
from tests.absorb import word_edits as we
from tests.absorb.test_identity import all_items, untouched
from tests.absorb.workspace import Workspace

JUDICIAL = "مراجعة المقتضيات القانونية"


@pytest.fixture
def ws(tmp_path) -> Workspace:
    return Workspace.make(tmp_path)


def test_a_footnote_added_to_a_recommendation_goes_into_its_footnotes(ws, tmp_path):
    before = all_items(ws)
    draft = d.edited(
        ws.report, tmp_path / "note.docx", we.add_footnote(JUDICIAL, "انظر القانون 43.22.")
    )
    proc = ws.absorb(draft)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert "recommendation judicial-review-of-decisions: footnotes updated (annex para. 3)" in (
        proc.stdout
    )
    assert "make this change in the template" not in proc.stdout
    after = all_items(ws)
    untouched(before, after, "judicial-review-of-decisions")
    lines = after["legal-framework.yaml:judicial-review-of-decisions"]
    assert lines.endswith('    observations: [22]\n    footnotes:\n      - "انظر القانون 43.22."\n')
    rebuilt = ws.rebuild_diff(draft)
    assert rebuilt["changes"] == [], rebuilt["changes"]

    # Edited, then removed, in later reviews of the rebuilt draft.
    rebuilt_draft = ws.root / "rebuilt" / "CMW-C-MAR-2.docx"
    again = d.edited(rebuilt_draft, tmp_path / "edit.docx", d.edit_footnote("43.22", "43.23"))
    assert ws.absorb(again).returncode == 0
    assert (
        '      - "انظر القانون 43.23."\n'
        in all_items(ws)["legal-framework.yaml:judicial-review-of-decisions"]
    )
