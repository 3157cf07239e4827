"""Property: whatever the source tree, validate and build end in 0, 1 or 2, without a
traceback or a hang, and change nothing in the tree.

CI runs a few dozen cases (a few seconds); before a release, run thousands:
CMWREPORT_FUZZ_EXAMPLES=3000 .venv/bin/python -m pytest tests/fuzz -q
(or scripts/fuzz.py, which counts failures by category instead of stopping at one).
"""

from __future__ import annotations

from pathlib import Path

from tests.conftest import ROOT, SOURCES
from tests.fuzz.harness import campaign, fingerprint, forbidden_characters, run, scratch
from tests.fuzz.known import KNOWN_TREE_FAILURES
from tests.fuzz.source_trees import MUTATIONS, mutated_tree

TEMPLATE = ROOT / "templates" / "periodic-report.docx"


def check_tree(categories: list[str], seed: int) -> list[str]:
    """The problems of one case (empty when every promise held)."""
    with scratch() as work:
        tree = mutated_tree(Path(work), categories, seed)
        before = fingerprint(tree)
        problems = []
        for args in (
            ("validate", tree),
            ("build", tree, "--template", TEMPLATE, "--out", Path(work) / "out"),
        ):
            outcome = run(*args)
            problems += [f"{args[0]}: {p}" for p in outcome.problems()]
        written = forbidden_characters(Path(work) / "out" / "CMW-C-MAR-2.docx")
        if written > baseline():
            problems.append(f"build: wrote {written - baseline()} forbidden characters into Word")
        if fingerprint(tree) != before:
            problems.append("the source tree was changed")
        return problems


_BASELINE: list[int] = []


def baseline() -> int:
    """Forbidden characters in the build of the shipped sources (from the template)."""
    if not _BASELINE:
        with scratch() as work:
            run("build", SOURCES, "--template", TEMPLATE, "--out", Path(work))
            _BASELINE.append(forbidden_characters(Path(work) / "CMW-C-MAR-2.docx"))
    return _BASELINE[0]


@campaign(MUTATIONS, KNOWN_TREE_FAILURES)
def test_hostile_source_trees(categories, seed):
    assert check_tree(categories, seed) == []
