"""The readiness gate reads the same data as coverage: a question or sub-item of the list
of issues with no reply heading is B005 (an error with --final), located at its entry in
the data and named by number; two headings for one question B006; incomplete data B007."""

from __future__ import annotations

import json
from pathlib import Path

import docx
from lxml import etree

from tests.cli_helpers import cli
from tests.replies.helpers import COMPLETE_QPR, body_paragraphs, project


def build(root: Path, *flags: str) -> tuple[int, list[dict]]:
    proc = cli("build", "--format", "json", *flags, cwd=root)
    assert "Traceback" not in proc.stderr
    return proc.returncode, json.loads(proc.stdout)["diagnostics"]


def replies_findings(found: list[dict]) -> list[tuple]:
    return [
        (d["code"], d["severity"], d["file"], d["line"], d["message"].split(":")[0])
        for d in found
        if d["code"] in ("B005", "B006", "B007")
    ]


def test_a_question_without_reply_heading(tmp_path):
    root = project(tmp_path, COMPLETE_QPR)
    code, found = build(root)
    assert code == 0
    data = "sources/reference/CMW-C-MAR-QPR-2.yaml"
    assert replies_findings(found) == [
        ("B005", "warning", data, 25, "question 3 (a) of CMW/C/MAR/QPR/2 has no reply heading"),
        ("B005", "warning", data, 27, "question 3 (b) of CMW/C/MAR/QPR/2 has no reply heading"),
        ("B005", "warning", data, 29, "question 3 (c) of CMW/C/MAR/QPR/2 has no reply heading"),
    ]
    (root / "out").joinpath("CMW-C-MAR-2.docx").unlink()
    code, found = build(root, "--final")
    assert code == 1
    assert {d["severity"] for d in found if d["code"] == "B005"} == {"error"}
    assert not (root / "out" / "CMW-C-MAR-2.docx").exists()

    # The skeleton heads them: no B005 left (the placeholders are B002 until written).
    assert cli("replies", "--template", cwd=root).returncode == 0
    code, found = build(root)
    assert code == 0 and replies_findings(found) == []
    assert any(d["code"] == "B002" and "3 (ج)" in d["message"] for d in found)


def test_incomplete_data_is_said_and_does_not_block_final(tmp_path):
    root = project(tmp_path)
    _code, found = build(root)
    (b007,) = [d for d in found if d["code"] == "B007"]
    assert b007["file"] == "cmwreport/reference/documents/CMW-C-MAR-QPR-2.yaml"
    assert "does not list every question" in b007["message"]
    assert "was not read whole for question 1" in b007["message"]
    _code, found = build(root, "--final")
    assert [d["severity"] for d in found if d["code"] == "B007"] == ["warning"]


def test_two_headings_for_one_question(tmp_path):
    root = project(tmp_path, COMPLETE_QPR)
    template = root / "templates" / "periodic-report.docx"
    document = docx.Document(str(template))
    heading = next(p for p in document.paragraphs if "في الفقرة 2 من" in p.text)
    reply = heading._p.getnext()
    reply.addnext(etree.fromstring(etree.tostring(heading._p)))
    reply.getnext().addnext(etree.fromstring(etree.tostring(reply)))
    document.save(str(template))
    _code, found = build(root)
    (b006,) = [d for d in found if d["code"] == "B006"]
    # Body paragraphs of the built report, as every readiness finding is located.
    first, copy = body_paragraphs(
        root / "out" / "CMW-C-MAR-2.docx", "الرد على المسألة المثارة في الفقرة 2 "
    )
    assert b006["line"] == copy
    assert b006["message"].startswith("after paragraph 5: ")  # the UN number it follows
    assert (
        f"a second reply heading for question 2 (the first at body paragraph {first})"
        in b006["message"]
    )
