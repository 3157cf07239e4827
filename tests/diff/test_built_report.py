"""`diff` on what `cmwreport build` really writes, edited the way a reviewer edits it."""

from __future__ import annotations

from pathlib import Path

import pytest

from cmwreport.commands.diff import run
from tests import drafts as d
from tests.cli_helpers import diff_json
from tests.conftest import REPORT
from tests.office import audit_errors, convert


@pytest.fixture
def built_report(built: Path) -> Path:
    """The report of the session's build (tests/conftest.py), read only."""
    return built / REPORT


def test_built_report_equals_itself(built_report, capsys):
    code, out = diff_json(built_report, built_report, capsys)
    assert code == 0 and out["changes"] == []


def test_reviewer_edits_of_the_built_report(built_report, tmp_path, capsys):
    new = d.edited(
        built_report,
        tmp_path / "reviewed.docx",
        d.change_word("إلغاء تجريم", "إلغاء كل أشكال تجريم"),
        d.insert_paragraph("وتضمّن برنامج كل لقاء", "فقرة أضافها فريق الصياغة."),
        d.move_paragraph("مناهضة الممارسات التمييزية", "إلغاء كل أشكال تجريم"),
        d.delete_paragraph("الجماعات الترابية؛"),
        d.edit_cell(2, 2, 3, "الخميس 7 أبريل 2022"),
        d.edit_header("CMW/C/MAR/2", "CMW/C/MAR/2/Corr.1"),
    )
    red = tmp_path / "redline.docx"
    code, out = diff_json(built_report, new, capsys, redline=red, date="2024-05-02")
    assert code == 1
    got = [
        (c["kind"], c["old_number"], c["new_number"], c["location"], c.get("identity"))
        for c in out["changes"]
    ]
    assert got == [
        ("added", None, "4", "body", None),
        ("removed", None, None, "body", "local_authorities"),
        ("changed", None, None, "table", "oujda"),
        ("changed", "annex 2", "annex 2", "body", "decriminalise_irregular_migration"),
        ("moved", "annex 4", "annex 3", "body", "combat_colour_discrimination"),
        ("changed", None, None, "header", None),
    ]
    by_kind = {c["kind"] + c["location"]: c for c in out["changes"]}
    assert by_kind["changedbody"]["ops"] == [
        {"op": "insert", "old": "", "new": " كل أشكال", "old_at": 5, "new_at": 5}
    ]
    assert by_kind["changedbody"]["section"] == "ألف- الإطار القانوني والمؤسساتي"
    cell = by_kind["changedtable"]
    # Generated dates hold no-break spaces (a line never breaks inside a date).
    old_day = "الأربعاء 6\u00a0أبريل\u00a02022"
    assert (cell["old_text"], cell["new_text"]) == (old_day, "الخميس 7 أبريل 2022")
    assert cell["table"]["new"] == {"index": 2, "row": 2, "col": 3}
    assert by_kind["changedheader"]["new_text"] == "CMW/C/MAR/2/Corr.1"
    # The added paragraph renumbers 4-12 (with sub-paragraphs) to 5-13, and the move
    # pushes annex 3 to annex 4: reported, not counted as changes.
    assert out["summary"] == dict(
        added=1, removed=1, changed=3, moved=1, formatting=0, renumbered=14
    )
    assert {"old_number": "4 (أ)", "new_number": "5 (أ)"} in out["renumbered"]
    assert {"old_number": "annex 3", "new_number": "annex 4"} in out["renumbered"]

    assert audit_errors(red) == []
    accepted = d.resolve_revisions(red, tmp_path / "accepted.docx", accept=True)
    rejected = d.resolve_revisions(red, tmp_path / "rejected.docx", accept=False)
    assert diff_json(new, accepted, capsys)[0] == 0
    assert diff_json(built_report, rejected, capsys)[0] == 0


def test_annex_renumbering_reads_as_annex_paragraphs(built_report, tmp_path, capsys):
    new = d.edited(
        built_report,
        tmp_path / "moved.docx",
        d.move_paragraph("مناهضة الممارسات التمييزية", "إلغاء تجريم"),
    )
    assert run(built_report, new, fmt="text", color="never") == 1
    out = capsys.readouterr().out
    assert "moved    annex para. 4 -> annex para. 3" in out
    assert "annex para. 3 is now 4" in out


def test_html_and_redline_are_written_whole_with_the_users_permissions(
    built_report, tmp_path, capsys
):
    import os

    new = d.edited(
        built_report, tmp_path / "new.docx", d.change_word("إلغاء تجريم", "إلغاء كل تجريم")
    )
    out = tmp_path / "out"
    out.mkdir()
    assert run(built_report, new, fmt="json", html=out / "c.html", redline=out / "r.docx") == 1
    capsys.readouterr()
    umask = os.umask(0)
    os.umask(umask)
    assert sorted(p.name for p in out.iterdir()) == ["c.html", "r.docx"]  # no temporary left
    for path in out.iterdir():
        assert path.stat().st_mode & 0o777 == 0o666 & ~umask


@pytest.mark.libreoffice
def test_a_libreoffice_round_trip_changes_nothing(built_report, tmp_path, capsys):
    # A reviewer who opens the report in LibreOffice and saves it has changed no text:
    # identities, numbering and the page-number fields must all survive the re-save.
    saved = convert(built_report, tmp_path, "docx")
    code, out = diff_json(built_report, saved, capsys)
    assert (code, out["changes"], out["renumbered"]) == (0, [], [])
