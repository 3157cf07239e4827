"""Regression tests for what the fuzz campaign found broken outside the commands, one per
category, named after it. Strict xfail: each fails today; when its owner fixes it the
test passes, pytest reports XPASS as a failure, and the marker (and the category in
tests/fuzz/known.py) must go. What every case must do: a located diagnostic and exit 1
(sources) or one line and exit 2 (drafts), never exit 3, a traceback or a hang.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from tests.conftest import ROOT, SOURCES
from tests.fuzz.harness import forbidden_characters, run

TEMPLATE = ROOT / "templates" / "periodic-report.docx"
SOURCES_OWNER = "owner: sources/ (issue 10.1)"


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


@pytest.mark.xfail(
    strict=True, reason=f"aliases: RecursionError in yamlsafe._walk; {SOURCES_OWNER}"
)
def test_aliases_self_referencing(tree):
    path = tree / "meetings" / "oujda.yaml"
    path.write_text(path.read_text(encoding="utf-8") + "loop: &r [*r]\n", encoding="utf-8")
    finding(tree, named="oujda.yaml")


@pytest.mark.xfail(
    strict=True, reason=f"duplicate_kind: ValueError in load._build; {SOURCES_OWNER}"
)
def test_duplicate_kind_report_yaml_beside_report_yml(tree):
    shutil.copyfile(tree / "report.yaml", tree / "report.yml")
    finding(tree, named="report.yml")


@pytest.mark.xfail(
    strict=True, reason=f"folder_for_file: ValueError in load._build; {SOURCES_OWNER}"
)
def test_folder_for_file(tree):
    (tree / "consultations.yaml").unlink()
    (tree / "consultations.yaml").mkdir()
    finding(tree, named="consultations.yaml")


@pytest.mark.xfail(strict=True, reason=f"symlinks: RuntimeError in load._discover; {SOURCES_OWNER}")
def test_symlinks_loop(tree):
    (tree / "meetings" / "loop.yaml").symlink_to("loop.yaml")
    finding(tree, named="loop.yaml")


@pytest.mark.xfail(strict=True, reason=f"special_files: validate and build hang; {SOURCES_OWNER}")
def test_special_files_named_pipe(tree):
    os.mkfifo(tree / "meetings" / "pipe.yaml")
    finding(tree, named="pipe.yaml")


@pytest.mark.xfail(
    strict=True, reason=f"odd_names: oujda.YAML is silently not read; {SOURCES_OWNER}"
)
def test_odd_names_upper_case_extension(tree):
    (tree / "meetings" / "oujda.yaml").rename(tree / "meetings" / "oujda.YAML")
    outcome = run("validate", tree)
    assert "oujda.YAML" in outcome.out and outcome.code in (1, 2), outcome.out


@pytest.mark.xfail(
    strict=True, reason=f"escaped_characters: validate passes, build writes them; {SOURCES_OWNER}"
)
@pytest.mark.parametrize("escape", ["\\uFFFE", "\\u202E", "\\uFE8D", "\\u200B"])
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
