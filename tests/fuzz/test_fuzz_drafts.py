"""Property: whatever the drafts, diff (with --html and --redline) ends in 0, 1 or 2,
without a traceback or a hang, and leaves both drafts as they were.

Budget as in test_fuzz_sources.py (CMWREPORT_FUZZ_EXAMPLES)."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest

from tests import drafts as d
from tests.fuzz.drafts import MUTATIONS, mutated_draft
from tests.fuzz.harness import campaign, run, scratch
from tests.fuzz.known import KNOWN_DRAFT_FAILURES

_BASE: dict[str, Path] = {}


@pytest.fixture(scope="module", autouse=True)
def base(tmp_path_factory) -> Path:
    _BASE["draft"] = d.make_draft(tmp_path_factory.mktemp("fuzz-base") / "base.docx")
    return _BASE["draft"]


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def check_draft(base: Path, categories: list[str], seed: int) -> list[str]:
    with scratch() as work:
        folder = Path(work)
        old = folder / "old.docx"
        old.write_bytes(base.read_bytes())
        new = mutated_draft(base, folder / "new.docx", categories, seed)
        before = (_digest(old), _digest(new))
        problems = []
        for args in (
            ("diff", old, new, "--format", "json"),
            ("diff", new, old, "--html", folder / "c.html", "--redline", folder / "r.docx"),
        ):
            outcome = run(*args)
            problems += [f"diff: {p}" for p in outcome.problems()]
        if (_digest(old), _digest(new)) != before:
            problems.append("a draft was changed")
        return problems


@campaign(MUTATIONS, KNOWN_DRAFT_FAILURES)
def test_hostile_drafts(categories, seed):
    assert check_draft(_BASE["draft"], categories, seed) == []
