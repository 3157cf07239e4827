"""Faults during build: concurrent builds, kills at any moment, leftovers, identity."""

from __future__ import annotations

import os
import random
import shutil
import signal
import subprocess
import sys
import time
import zipfile
from pathlib import Path

import pytest

from cmwreport.docx.custom_properties import property_of
from tests.conftest import ROOT, SOURCES, cmwreport

TEMPLATE = ROOT / "templates" / "periodic-report.docx"
REPORT, ANNEX = "CMW-C-MAR-2.docx", "CMW-C-MAR-2-annex.docx"
PROPERTY = "cmwreport.build"


def _tree(folder: Path, marker: str) -> Path:
    """A copy of the shipped sources whose report and annex differ from the others'."""
    tree = folder / f"sources-{marker}"
    shutil.copytree(SOURCES, tree)
    meeting = next((tree / "meetings").glob("*.yaml"))
    text = meeting.read_text(encoding="utf-8")
    meeting.write_text(text.replace("\n", f"\n# {marker}\n", 1), encoding="utf-8")
    report = tree / "report.yaml"
    report.write_text(report.read_text(encoding="utf-8") + f"\n# {marker}\n", encoding="utf-8")
    return tree


def _command(tree: Path, out: Path) -> list[str]:
    return [
        sys.executable, "-m", "cmwreport", "build", str(tree),
        "--template", str(TEMPLATE), "--out", str(out),
    ]  # fmt: skip


def _ids(out: Path) -> tuple[str | None, str | None]:
    return property_of(out / REPORT, PROPERTY), property_of(out / ANNEX, PROPERTY)


def _complete(path: Path) -> bool:
    with zipfile.ZipFile(path) as zf:
        return zf.testzip() is None and "word/document.xml" in zf.namelist()


def test_both_documents_carry_the_identity_of_their_build(tmp_path, capsys):
    a, b = _tree(tmp_path, "a"), _tree(tmp_path, "b")
    assert cmwreport("build", a, "--out", tmp_path / "oa") == 0
    assert cmwreport("build", b, "--out", tmp_path / "ob") == 0
    assert cmwreport("build", a, "--out", tmp_path / "oa2") == 0
    id_a, id_b = _ids(tmp_path / "oa"), _ids(tmp_path / "ob")
    assert id_a[0] == id_a[1] and id_b[0] == id_b[1] and id_a != id_b
    assert len(id_a[0]) == 16
    # Same inputs, same identity, same bytes: the build stays reproducible.
    assert _ids(tmp_path / "oa2") == id_a
    assert (tmp_path / "oa" / REPORT).read_bytes() == (tmp_path / "oa2" / REPORT).read_bytes()


_SLOW_RENAMES = """
import os, random, sys, time
from cmwreport.cli import main
real = os.replace
def replace(src, dst):
    real(src, dst)
    time.sleep(random.uniform(0, 0.3))  # a slow disk: widens the window between renames
os.replace = replace
sys.exit(main(sys.argv[1:]))
"""


def test_two_builds_at_once_never_mix_their_documents(tmp_path):
    a, b = _tree(tmp_path, "a"), _tree(tmp_path, "b")
    for attempt in range(8):
        out = tmp_path / f"out{attempt}"
        procs = [
            subprocess.Popen(
                [sys.executable, "-c", _SLOW_RENAMES, *_command(tree, out)[3:]],
                stdout=subprocess.PIPE,
                stderr=subprocess.PIPE,
            )
            for tree in (a, b)
        ]
        for proc in procs:
            _, err = proc.communicate(timeout=120)
            assert proc.returncode == 0, err
            assert b"Traceback" not in err
        report, annex = _ids(out)
        assert report == annex is not None, f"attempt {attempt}: mixed builds"
        assert sorted(p.name for p in out.iterdir()) == [ANNEX, REPORT]


def test_a_build_waits_for_the_lock_and_says_so(tmp_path):
    out = tmp_path / "out"
    out.mkdir()
    # The holder keeps the lock until the build has said it waits (no race with a
    # fixed sleep on a loaded machine), then lets go.
    holder = subprocess.Popen(
        [
            sys.executable, "-c",
            "import sys; from pathlib import Path; from cmwreport.outfolder import locked\n"
            "with locked(Path(sys.argv[1])):\n"
            "    print('locked', flush=True); sys.stdin.readline()",
            str(out),
        ],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
    )  # fmt: skip
    assert holder.stdout.readline() == b"locked\n"
    build = subprocess.Popen(
        _command(SOURCES, out), stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True
    )
    said = build.stderr.readline()
    assert not (out / REPORT).exists()  # nothing written while the other holds the lock
    holder.communicate(b"go\n", timeout=60)
    _, rest = build.communicate(timeout=120)
    assert build.returncode == 0, rest
    assert said + rest == f"cmwreport build: waiting for another build writing to {out}\n"


def test_a_build_killed_at_any_moment_leaves_old_or_new_complete_files(tmp_path):
    a, b = _tree(tmp_path, "a"), _tree(tmp_path, "b")
    out = tmp_path / "out"
    assert subprocess.run(_command(a, out), capture_output=True).returncode == 0
    old = {name: (out / name).read_bytes() for name in (REPORT, ANNEX)}
    new_out = tmp_path / "new"
    assert subprocess.run(_command(b, new_out), capture_output=True).returncode == 0
    new = {name: (new_out / name).read_bytes() for name in (REPORT, ANNEX)}
    rng = random.Random(10)
    outcomes = set()
    for _ in range(10):
        proc = subprocess.Popen(_command(b, out), stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
        time.sleep(rng.uniform(0.05, 0.7))
        proc.send_signal(signal.SIGKILL)
        proc.wait()
        for name in (REPORT, ANNEX):
            data = (out / name).read_bytes()
            assert data in (old[name], new[name]), name
            assert _complete(out / name)
            outcomes.add((name, data == new[name]))
        # Put the old build back for the next round (as if b had never run).
        for name in (REPORT, ANNEX):
            (out / name).write_bytes(old[name])
    # The next build removes what the killed ones left.
    assert subprocess.run(_command(a, out), capture_output=True).returncode == 0
    assert sorted(p.name for p in out.iterdir()) == [ANNEX, REPORT]


_KILL_BETWEEN_RENAMES = """
import os, signal, sys
from cmwreport.cli import main
real = os.replace
def replace(src, dst):
    real(src, dst)
    os.kill(os.getpid(), signal.SIGKILL)  # dies right after the first rename
os.replace = replace
sys.exit(main(sys.argv[1:]))
"""


def test_a_kill_between_the_two_renames_is_detected_and_repaired(tmp_path):
    a, b = _tree(tmp_path, "a"), _tree(tmp_path, "b")
    out = tmp_path / "out"
    assert subprocess.run(_command(a, out), capture_output=True).returncode == 0
    killed = subprocess.run(
        [sys.executable, "-c", _KILL_BETWEEN_RENAMES, *_command(b, out)[3:]],
        capture_output=True,
    )
    assert killed.returncode == -signal.SIGKILL
    report, annex = _ids(out)
    assert report != annex and None not in (report, annex)  # mixed, and detectably so
    leftovers = [p.name for p in out.iterdir() if p.name.endswith(".tmp")]
    assert len(leftovers) == 1 and leftovers[0].startswith(f".{ANNEX}.")

    proc = subprocess.run(_command(b, out), capture_output=True, text=True)
    assert proc.returncode == 0
    assert proc.stderr == (
        f"cmwreport build: {out / REPORT} and {out / ANNEX} came from two different builds "
        "(an interrupted build); both are written again\n"
    )
    report, annex = _ids(out)
    assert report == annex
    assert sorted(p.name for p in out.iterdir()) == [ANNEX, REPORT]


def test_only_temporary_files_of_dead_processes_are_removed(tmp_path, capsys):
    out = tmp_path / "out"
    out.mkdir()
    sleeper = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(30)"])
    try:
        dead = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"],
                              capture_output=True, text=True).stdout.strip()  # fmt: skip
        stale = out / f".{REPORT}.{dead}.k2j3h4.tmp"
        older = out / f".{ANNEX}.x8y7z6q5.tmp"  # named before process ids were in the name
        live = out / f".{REPORT}.{sleeper.pid}.abcd12.tmp"
        other = out / ".notes.txt.1.tmp"
        folder = out / f".{ANNEX}.{dead}.dir.tmp"
        for path in (stale, older, live, other):
            path.write_bytes(b"partial")
        folder.mkdir()
        assert cmwreport("build", SOURCES, "--out", out) == 0
        left = sorted(p.name for p in out.iterdir())
        assert left == sorted([REPORT, ANNEX, live.name, other.name, folder.name])
    finally:
        sleeper.kill()
        sleeper.wait()


@pytest.mark.skipif(os.geteuid() == 0, reason="root writes anywhere")
def test_unwritable_folder_keeps_previous_outputs(tmp_path, capsys):
    out = tmp_path / "out"
    assert cmwreport("build", SOURCES, "--out", out) == 0
    before = (out / REPORT).read_bytes()
    out.chmod(0o500)
    try:
        assert cmwreport("build", SOURCES, "--out", out) == 2
    finally:
        out.chmod(0o700)
    assert (out / REPORT).read_bytes() == before
