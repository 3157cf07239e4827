"""`cmwreport coverage`: the state of every question of the list of issues in the report
the sources and template build, what follows up each recommendation, the articles."""

from __future__ import annotations

import json
from pathlib import Path

from tests.cli_helpers import cli
from tests.office import audit_errors
from tests.replies.helpers import COMPLETE_QPR, fill_placeholders, project


def coverage(root: Path, *args: str):
    proc = cli("coverage", "--format", "json", *args, cwd=root)
    return proc.returncode, (json.loads(proc.stdout) if proc.stdout else None), proc.stderr


def states(data: dict) -> dict[str, str]:
    return {q["key"]: q["state"] for q in data["questions"]}


def test_the_shipped_project_today(tmp_path):
    code, data, err = coverage(project(tmp_path))
    assert code == 1, err
    # The shipped data lists question 1 (a)-(c); the template heads question 1 as a whole.
    assert states(data) == dict.fromkeys(["1 (a)", "1 (b)", "1 (c)"], "placeholder left")
    assert all(q["under_question_heading"] for q in data["questions"])
    assert data["questions"][1]["observations"] == [10]
    # Question 2's heading is shown, not judged: the data does not list question 2.
    (unlisted,) = data["unlisted_headings"]
    assert (unlisted["question"], unlisted["state"]) == (2, "placeholder left")
    assert data["list_of_issues"]["complete"] is False
    assert any("does not list every question" in note for note in data["notes"])
    assert data["ok"] is False


def test_text_report_names_each_question_and_says_the_data_is_incomplete(tmp_path):
    proc = cli("coverage", cwd=project(tmp_path))
    assert proc.returncode == 1
    assert "1 (b)  placeholder left" in proc.stdout
    assert "note: CMW/C/MAR/QPR/2: the data" in proc.stdout
    assert proc.stdout.rstrip().endswith("0 no reply heading")


def test_a_filled_reply_turns_to_answered(tmp_path):
    root = project(tmp_path)
    fill_placeholders(root / "templates" / "periodic-report.docx")
    code, data, _ = coverage(root)
    assert set(states(data).values()) == {"answered"}
    # Still exit 1: the data does not list every question, so "all answered" is not said.
    assert code == 1 and data["ok"] is False


def test_complete_data_reports_every_missing_question(tmp_path):
    root = project(tmp_path, COMPLETE_QPR)
    code, data, err = coverage(root)
    assert code == 1, err
    assert states(data) == {
        "1 (a)": "placeholder left",
        "1 (b)": "placeholder left",
        "2": "placeholder left",
        "3 (a)": "no reply heading",
        "3 (b)": "no reply heading",
        "3 (c)": "no reply heading",
    }
    assert data["unlisted_headings"] == [] and data["notes"] == []
    assert data["counts"]["no reply heading"] == 3


def test_exit_0_when_every_question_of_whole_data_is_answered(tmp_path):
    root = project(tmp_path, COMPLETE_QPR.split("  - number: 3")[0])
    fill_placeholders(root / "templates" / "periodic-report.docx")
    code, data, err = coverage(root)
    assert (code, data["ok"]) == (0, True), err
    assert set(states(data).values()) == {"answered"}


def test_recommendations_and_articles(tmp_path):
    root = project(tmp_path, COMPLETE_QPR)
    _, data, _ = coverage(root)
    recs = {r["paragraph"]: r for r in data["recommendations"]["paragraphs"]}
    assert recs[10]["questions"] == ["1 (b)"]
    assert "harmonise-law-02-03" in recs[10]["consultation"]
    assert recs[10]["report_paragraphs"] == [4]  # UN paragraph 4 replies to question 1
    assert recs[20]["questions"] == ["2"] and recs[20]["report_paragraphs"] == [5]
    assert recs[14]["questions"] == []
    assert 9 not in recs  # a concern, not a recommendation
    covered = data["articles"]["covered"]
    assert "text" in covered["73"]  # "بموجب المادة 73" in the general presentation
    assert any(w.startswith("source ") for w in covered["7"])  # articles: [7] in an axis
    assert 65 in data["articles"]["never_mentioned"]  # question 3 (c) has no reply
    assert 1 in data["articles"]["never_mentioned"]


def test_the_correspondence_table_in_word(tmp_path):
    root = project(tmp_path, COMPLETE_QPR)
    out = tmp_path / "table.docx"
    proc = cli("coverage", "--docx", str(out), cwd=root)
    assert proc.returncode == 1, proc.stderr
    assert audit_errors(out) == []
    import docx

    document = docx.Document(str(out))
    rows = [[c.text for c in row.cells] for row in document.tables[0].rows]
    assert [r[0] for r in rows[1:]] == ["1 (أ)", "1 (ب)", "2", "3 (أ)", "3 (ب)", "3 (ج)"]
    assert rows[2][2] == "10" and rows[2][3] == "4"
    assert rows[4][4] == "لا عنوان للرد"
    assert (
        document.tables[0]._tbl.tblPr.find(
            "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}bidiVisual"
        )
        is not None
    )
    # The page header's symbol slot is filled, as in the built report.
    assert "CMW/C/MAR/2" in "".join(p.text for p in document.sections[0].header.paragraphs)


def test_outputs_never_replace_an_input(tmp_path):
    root = project(tmp_path)
    source = root / "sources" / "report.yaml"
    before = source.read_bytes()
    proc = cli("coverage", "--docx", str(source), cwd=root)
    assert proc.returncode == 2
    assert proc.stderr.count("\n") == 1 and "Traceback" not in proc.stderr
    assert source.read_bytes() == before


def test_a_missing_template_is_trouble(tmp_path):
    root = project(tmp_path)
    proc = cli("coverage", "--template", str(tmp_path / "none.docx"), cwd=root)
    assert proc.returncode == 2, proc.stderr
    assert "none.docx" in proc.stderr and "Traceback" not in proc.stderr


def test_no_data_for_the_list_of_issues_is_said(tmp_path):
    """The second data set (CMW/C/MAR/3) cites QPR/3, of which it has no data: nothing is
    judged, the headings are shown, and the exit code is 1, never "all answered"."""
    import shutil

    from tests.conftest import ROOT

    root = tmp_path / "mar3"
    assert cli("init", str(root), "--symbol", "CMW/C/MAR/3").returncode == 0
    shutil.rmtree(root / "sources")
    shutil.copytree(ROOT / "tests" / "fixtures" / "second-project" / "sources", root / "sources")
    code, data, err = coverage(root)
    assert code == 1, err
    assert data["questions"] == [] and data["list_of_issues"] is None
    assert [h["question"] for h in data["unlisted_headings"]] == [1, 2]
    assert data["notes"][0].startswith("no data for CMW/C/MAR/QPR/3")
    recs = {r["paragraph"]: r for r in data["recommendations"]["paragraphs"]}
    assert recs[12]["consultation"]  # its own CO/2 data, cited by its recommendations


def test_consultation_recommendations_that_inform_a_reply(tmp_path):
    root = project(tmp_path, COMPLETE_QPR)
    path = root / "sources" / "axes" / "legal-framework.yaml"
    text = path.read_text("utf-8")
    marker = "    observations: [10]\n"
    assert marker in text
    path.write_text(text.replace(marker, marker + '    questions: ["1 (b)", "3"]\n', 1), "utf-8")
    code, data, err = coverage(root)
    assert code == 1, err
    informing = {q["key"]: q["consultation"] for q in data["questions"]}
    (rec,) = informing["1 (b)"]
    assert informing["1 (a)"] == [] and informing["2"] == []
    # Naming question 3 names each of its sub-items.
    assert informing["3 (a)"] == informing["3 (b)"] == informing["3 (c)"] == [rec]
