"""All or none, and one command at a time (issue 17): an absorb killed at any rename
leaves the sources and the template as they were or as absorb decided, never half;
two absorbs, or an absorb and a build, never interleave."""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tests import drafts as d
from tests.absorb.workspace import Workspace

KILL = "CMWREPORT_TEST_KILL_AFTER_RENAME"
HEALTH = "مواصلة الجهود في مجال الخدمات الصحية"
FAIR_TRIAL = "تعزيز دور السلطة القضائية"


@pytest.fixture(scope="module")
def prepared(tmp_path_factory):
    """A built workspace, a draft whose absorb writes four files (a recommendation moved
    to another axis, a participant and the template's text reworded), and the files
    as an uninterrupted absorb leaves them."""
    root = tmp_path_factory.mktemp("commit")
    ws = Workspace.make(root / "ws")
    draft = d.edited(
        ws.report,
        root / "four-files.docx",
        d.move_paragraph(HEALTH, FAIR_TRIAL),
        d.change_word("يقدّم المغرب", "يعرض المغرب"),
    )
    annex_draft = d.edited(ws.annex, root / "annex.docx", d.change_word("الإعلام", "وسائل الإعلام"))
    before = ws.snapshot()
    done = copy_of(ws, root / "done")
    proc = done.absorb(draft)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    after = done.snapshot()
    changed = sorted(k for k in before if before[k] != after[k])
    assert len(changed) == 3, changed  # two axes and the template
    return ws, draft, annex_draft, before, after, changed


def copy_of(ws: Workspace, root: Path) -> Workspace:
    shutil.copytree(ws.root, root, symlinks=True)
    return Workspace(root)


@pytest.mark.parametrize("kill_after", ["-1", "0", "1", "2", "3"])
def test_sigkill_at_each_rename_then_the_next_command_completes_or_rolls_back(
    prepared, tmp_path, kill_after
):
    ws, draft, _annex, before, after, changed = prepared
    mine = copy_of(ws, tmp_path / "ws")
    proc = mine.cli("absorb", str(draft), "-s", str(mine.sources), "-t", str(mine.template),
                    env={KILL: kill_after})  # fmt: skip
    assert proc.returncode == -signal.SIGKILL, proc.stdout + proc.stderr
    state = mine.snapshot()
    # Killed: each file is old or new, and before the journal, all are old.
    assert all(state[k] in (before[k], after[k]) for k in state)
    if kill_after == "-1":
        assert state == before
    # The next command (a build) completes what was decided, or leaves it all undone.
    mine.build()
    expected = before if kill_after == "-1" else after
    assert mine.snapshot() == expected
    leftovers = [p.name for p in mine.root.rglob("*") if p.name.endswith(".tmp")]
    assert leftovers == [] and not (mine.sources / ".cmwreport-journal.json").exists()


def test_an_absorb_after_a_kill_completes_first_and_says_so(prepared, tmp_path):
    ws, draft, annex_draft, _before, after, _changed = prepared
    mine = copy_of(ws, tmp_path / "ws")
    mine.cli("absorb", str(draft), "-s", str(mine.sources), "-t", str(mine.template),
             env={KILL: "1"})  # fmt: skip
    proc = mine.absorb(annex_draft, "--force")
    assert "note: completed the writing of 2 file(s)" in proc.stdout, proc.stdout + proc.stderr
    state = mine.snapshot()
    assert all(state[k] == after[k] for k in after if "consultations" not in k)


def test_a_build_waits_for_the_lock_an_absorb_holds(prepared, tmp_path):
    import fcntl

    ws, *_ = prepared
    mine = copy_of(ws, tmp_path / "ws")
    fd = os.open(mine.sources, os.O_RDONLY | os.O_DIRECTORY)
    try:
        fcntl.flock(fd, fcntl.LOCK_EX)  # as absorb holds it from reading to last rename
        build = subprocess.Popen(
            [sys.executable, "-m", "cmwreport", "build", str(mine.sources), "-t",
             str(mine.template), "-o", str(mine.root / "out2")],
            cwd=mine.root, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
        )  # fmt: skip
        time.sleep(4)
        assert build.poll() is None  # still waiting: it has not read the sources
        assert not (mine.root / "out2").exists()
    finally:
        os.close(fd)
    assert build.wait(timeout=120) == 0
    assert (mine.root / "out2" / "CMW-C-MAR-2.docx").is_file()


def test_two_absorbs_at_once_lose_no_edit(prepared, tmp_path):
    ws, draft, annex_draft, before, _after, _changed = prepared
    mine = copy_of(ws, tmp_path / "ws")
    procs = [
        subprocess.Popen(
            [
                sys.executable,
                "-m",
                "cmwreport",
                "absorb",
                str(which),
                "-s",
                str(mine.sources),
                "-t",
                str(mine.template),
            ],
            cwd=mine.root,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )  # fmt: skip
        for which in (draft, annex_draft)
    ]
    results = [(p.wait(timeout=300), *p.communicate()) for p in procs]
    codes = sorted(code for code, _out, _err in results)
    # One went first; the other found the sources changed since its draft was built
    # and refused (exit 2) rather than undo or lose the first one's edits.
    assert codes == [0, 2], results
    refused = next(err for code, _out, err in results if code == 2)
    assert "built from other versions of" in refused
    text = (mine.sources / "consultations.yaml").read_text()
    legal = (mine.sources / "axes" / "legal-framework.yaml").read_text()
    assert ("وسائل الإعلام" in text) != ("id: health-services" in legal)
    assert mine.snapshot() != before
