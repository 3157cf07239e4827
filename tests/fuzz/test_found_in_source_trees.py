"""Regression tests for what the fuzz campaign found in hostile source trees, one per
category, named after it: each failed on the first campaign (a traceback, a hang, or a
character written into Word) and passes since sources/ was reworked (issue 10 item 1).
Every case must give a located diagnostic and exit 1, never exit 3, a traceback or a
hang. Categories still failing are strict xfail and listed in tests/fuzz/known.py.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from tests.conftest import ROOT, SOURCES
from tests.fuzz.harness import forbidden_characters, run

TEMPLATE = ROOT / "templates" / "periodic-report.docx"


@pytest.fixture
def tree(tmp_path: Path) -> Path:
    target = tmp_path / "sources"
    shutil.copytree(SOURCES, target)
    return target


def finding(tree: Path, *, named: str) -> None:
    """validate and build: exit 1, a diagnostic naming `named`, no traceback, no hang."""
    for args in (("validate", tree), ("build", tree, "--out", tree.parent / "out")):
        extra = ("--template", TEMPLATE) if args[0] == "build" else ()
        outcome = run(*args, *extra, limit=5)
        assert not outcome.hung, f"{args[0]}: hangs"
        assert outcome.code == 1, (args[0], outcome.code, outcome.err[-300:])
        assert "Traceback" not in outcome.err
        assert named in outcome.out, outcome.out[-500:]


def test_aliases_self_referencing(tree):
    path = tree / "meetings" / "oujda.yaml"
    path.write_text(path.read_text(encoding="utf-8") + "loop: &r [*r]\n", encoding="utf-8")
    finding(tree, named="oujda.yaml")


def test_duplicate_kind_report_yaml_beside_report_yml(tree):
    shutil.copyfile(tree / "report.yaml", tree / "report.yml")
    finding(tree, named="report.yml")


def test_folder_for_file(tree):
    (tree / "consultations.yaml").unlink()
    (tree / "consultations.yaml").mkdir()
    finding(tree, named="consultations.yaml")


def test_symlinks_loop(tree):
    (tree / "meetings" / "loop.yaml").symlink_to("loop.yaml")
    finding(tree, named="loop.yaml")


def test_special_files_named_pipe(tree):
    os.mkfifo(tree / "meetings" / "pipe.yaml")
    finding(tree, named="pipe.yaml")


def test_odd_names_upper_case_extension(tree):
    (tree / "meetings" / "oujda.yaml").rename(tree / "meetings" / "oujda.YAML")
    outcome = run("validate", tree)
    assert "oujda.YAML" in outcome.out and outcome.code in (1, 2), outcome.out


@pytest.mark.parametrize("escape", ["\\uFFFE", "\\u202E", "\\uFE8D"])
def test_escaped_characters_reach_word(tree, escape):
    path = tree / "axes" / "legal-framework.yaml"
    lines = path.read_text(encoding="utf-8").splitlines()
    index = next(i for i, line in enumerate(lines) if line.strip().startswith("text:"))
    lines[index] = f'    text: "إلغاء {escape} تجريم الهجرة"'
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    out = tree.parent / "out"
    outcome = run("build", tree, "--template", TEMPLATE, "--out", out)
    assert forbidden_characters(out / "CMW-C-MAR-2.docx") == 0
    assert outcome.code == 1 and "legal-framework.yaml:" in outcome.out


def test_escaped_zero_width_space_is_a_located_warning(tree):
    # Invisible but harmless in Word: a warning (T504) on the decoded value, not an error.
    path = tree / "axes" / "legal-framework.yaml"
    lines = path.read_text(encoding="utf-8").splitlines()
    index = next(i for i, line in enumerate(lines) if line.strip().startswith("text:"))
    lines[index] = '    text: "إلغاء \\u200B تجريم الهجرة"'
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    outcome = run("validate", tree, "--strict")
    assert outcome.code == 1 and "legal-framework.yaml:" in outcome.out
    assert "warning T504" in outcome.out and "U+200B" in outcome.out


def test_special_files_named_pipe_where_no_source_is_expected(tree):
    # Found by the campaign after the rebase: validate warns (C008), and build then hung
    # reading the pipe for absorb's fingerprint of the sources.
    os.mkfifo(tree / "x.yml")
    out = tree.parent / "out"
    outcome = run("build", tree, "--template", TEMPLATE, "--out", out, limit=10)
    assert not outcome.hung and outcome.code == 0, outcome.err
    assert "x.yml:1:1: warning C008" in outcome.out
    assert (out / "CMW-C-MAR-2.docx").is_file()
