from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

# Messages in English whatever the locale of the machine running the tests: those of
# other languages ask for theirs (tests/test_i18n.py).
for _name in ("LANGUAGE", "LC_ALL", "LC_MESSAGES"):
    os.environ.pop(_name, None)
os.environ["LANG"] = "C.UTF-8"

ROOT = Path(__file__).resolve().parent.parent
SOURCES = ROOT / "sources"
TEMPLATE = ROOT / "templates" / "periodic-report.docx"
REPORT, ANNEX = "CMW-C-MAR-2.docx", "CMW-C-MAR-2-annex.docx"
#: The summary of the 2022 consultations, as received: the reference the sources and the
#: annex are checked against. A copy lives in the repository so a user's clone can run
#: the tests; the team's shared copy, where it is beside the checkout, must equal it.
SEED = ROOT / "tests" / "fixtures" / "regional-consultations-2022.ar.txt"
SHARED_SEED = ROOT.parent / "shared" / "seed" / "regional-consultations-2022.ar.txt"


@pytest.fixture
def tree(tmp_path: Path) -> Path:
    """A private copy of the shipped sources, for tests that break them."""
    target = tmp_path / "sources"
    shutil.copytree(SOURCES, target)
    return target


@pytest.fixture(scope="session")
def built(tmp_path_factory) -> Path:
    """The shipped sources built with the shipped template, once per session: a folder
    holding the report and its annex. Read it, never write into it (copy first)."""
    from cmwreport.commands import build as build_command

    out = tmp_path_factory.mktemp("built")
    assert build_command.run(SOURCES, TEMPLATE, out, "text") == 0
    return out


def cmwreport(*args: object) -> int:
    """Run the command line in this process, through cli.main's one error path (what a
    user sees: one line on stderr and the exit code), e.g. cmwreport("diff", a, b)."""
    from cmwreport.cli import main

    return main([str(a) for a in args])


def diff_flags(**options: object) -> list[str]:
    """commands.diff.run's keyword options as command-line flags."""
    flags: list[str] = []
    for name, value in options.items():
        flag = "--format" if name == "fmt" else "--" + name.replace("_", "-")
        if value is True:
            flags.append(flag)
        elif value not in (None, False):
            flags += [flag, str(value)]
    return flags


@pytest.fixture(scope="module")
def draft_pair(tmp_path_factory) -> tuple[Path, Path]:
    """Two small Arabic drafts, one word apart (tests/drafts.py), for tests of what the
    commands do around a comparison (errors, outputs): read-only."""
    from tests import drafts

    folder = tmp_path_factory.mktemp("pair")
    old = drafts.make_draft(folder / "old.docx")
    new = drafts.edited(old, folder / "new.docx", drafts.change_word("ثلاث", "أربع"))
    return old, new


@pytest.fixture(scope="session")
def browser():
    """Debian's Chromium driven by Playwright, launched once for every page test."""
    from tests.office import require

    chromium = require("chromium")
    sync_api = pytest.importorskip("playwright.sync_api", reason="pip install -e '.[test]'")
    with sync_api.sync_playwright() as pw:
        # Running as root (CI containers) needs --no-sandbox; the pages are local files.
        b = pw.chromium.launch(executable_path=chromium, headless=True, args=["--no-sandbox"])
        yield b
        b.close()
