"""`validate` refuses a reference to a question, sub-item or CO paragraph that the
reference data lacks, sub-items out of order, and a reply heading that appears twice in
the project's template; incomplete data judges nothing it does not list."""

from __future__ import annotations

import json
from pathlib import Path

import docx
from lxml import etree

from tests.cli_helpers import cli
from tests.replies.helpers import COMPLETE_QPR, body_paragraphs, project


def validate(root: Path, *flags: str) -> tuple[int, list[dict]]:
    """The exit code and the diagnostics but the template's drafting placeholders (B002,
    which validate reports for a project's template: tested where they are made)."""
    proc = cli("validate", "--format", "json", *flags, cwd=root)
    assert "Traceback" not in proc.stderr
    found = json.loads(proc.stdout)["diagnostics"]
    return proc.returncode, [d for d in found if d["code"] != "B002"]


def cite(root: Path, questions: str) -> int:
    """Give the first recommendation of legal-framework.yaml `questions: [...]`; its line."""
    path = root / "sources" / "axes" / "legal-framework.yaml"
    lines = path.read_text("utf-8").splitlines(keepends=True)
    at = next(i for i, line in enumerate(lines) if line.lstrip().startswith("- id:"))
    at = next(i for i in range(at + 1, len(lines)) if lines[i].lstrip().startswith("text:"))
    lines.insert(at + 1, f"    questions: {questions}\n")
    path.write_text("".join(lines), "utf-8")
    return at + 2


def test_questions_judged_against_complete_data(tmp_path):
    root = project(tmp_path, COMPLETE_QPR)
    line = cite(root, '["1 (b)", "2", "3 (c)", "4", "3 (d)", "2 (a)", "x"]')
    code, found = validate(root)
    assert code == 1
    mine = [(d["code"], d["line"], d["message"]) for d in found if d["line"] == line]
    assert mine == [
        ("R202", line, "CMW/C/MAR/QPR/2 has no question 4 (it has 1, 2, 3)"),
        ("R202", line, "question 3 of CMW/C/MAR/QPR/2 has no sub-item (d) (it has (a)-(c))"),
        ("R202", line, "question 2 of CMW/C/MAR/QPR/2 has no sub-item (a) (it has no sub-items)"),
        ("S104", line, "'x' is not a question of the list of issues: write 3 or 3 (a)"),
    ]
    assert all(d["file"].endswith("legal-framework.yaml") for d in found)


def test_incomplete_data_judges_only_what_it_lists(tmp_path):
    root = project(tmp_path)  # the shipped QPR/2 data: question 1 only, read in part
    cite(root, '["1 (b)", "1 (d)", "7"]')
    code, found = validate(root)
    assert (code, found) == (0, [])


def test_cited_co_paragraphs_and_sub_item_order(tmp_path):
    second = '      - label: b\n        subject: "institutions"'
    data = COMPLETE_QPR.replace("observations: [10]", "observations: [10, 99]")
    data = data.replace(second, '      - label: d\n        subject: "x"')
    data += '  - number: 2\n    kind: question\n    subject: "again"\n'
    root = project(tmp_path, data)
    code, found = validate(root)
    assert code == 1
    shown = sorted((d["code"], d["line"], d["message"]) for d in found)
    assert shown == [
        ("R202", 13, "CMW/C/MAR/CO/1 has no paragraph 99 (it has 1-54)"),
        ("R207", 25, "the sub-items of paragraph 3 are (a), (d), (c): list them in order, "
         "from (a), without gaps"),
        ("R207", 32, "paragraph 2 of CMW/C/MAR/QPR/2 is listed twice"),
    ]  # fmt: skip
    assert {d["file"] for d in found} == {"sources/reference/CMW-C-MAR-QPR-2.yaml"}


def test_a_reply_heading_twice_in_the_template(tmp_path):
    root = project(tmp_path)
    template = root / "templates" / "periodic-report.docx"
    document = docx.Document(str(template))
    second = next(p for p in document.paragraphs if "في الفقرة 2 من" in p.text)
    first = next(p for p in document.paragraphs if "في الفقرة 1 من" in p.text)
    second._p.addnext(etree.fromstring(etree.tostring(first._p)))
    document.save(str(template))
    assert cli("validate", "sources", cwd=root).returncode == 0  # with a path: sources only
    code, found = validate(root)
    assert code == 1
    (dup,) = found
    # Body paragraphs count the masthead table's cells too (as build's messages do).
    first, copy = body_paragraphs(template, "الرد على المسألة المثارة في الفقرة 1 ")
    assert (dup["code"], dup["file"], dup["line"]) == (
        "R208",
        "templates/periodic-report.docx",
        copy,
    )
    assert (
        f"question 1 of the list of issues (the first at body paragraph {first})" in dup["message"]
    )
