"""The one error path (cli.main): trouble is one line and exit 2, a bug is one line and
exit 3 with the traceback saved, Ctrl-C is one line and exit 130, never a traceback."""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from cmwreport.errors import Exit
from tests.conftest import ROOT, SOURCES, TEMPLATE, cmwreport


def _crash_reader(monkeypatch) -> None:
    from cmwreport.draft import reader as read

    def broken(*args, **kwargs):
        raise ValueError("a reader bug, not the draft's fault")

    monkeypatch.setattr(read, "read_draft", broken)


def test_a_bug_in_the_reader_is_a_bug_not_a_corrupt_draft(
    draft_pair, monkeypatch, capsys, tmp_path
):
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    monkeypatch.delenv("CMWREPORT_DEBUG", raising=False)
    _crash_reader(monkeypatch)
    assert cmwreport("diff", *draft_pair) == Exit.BUG == 3
    err = capsys.readouterr().err
    (line,) = err.splitlines()
    assert line.startswith(
        "cmwreport diff: internal error (ValueError): this is a bug in cmwreport"
    )
    assert "corrupt" not in line and "Traceback" not in err
    assert "run with --debug to show it" in line
    saved = Path(line.split("traceback written to ")[1].split(";")[0])
    assert saved.parent == tmp_path / "cache" / "cmwreport"
    text = saved.read_text(encoding="utf-8")
    assert "Traceback (most recent call last)" in text and "a reader bug" in text


@pytest.mark.parametrize("how", ["option", "env"])
def test_debug_shows_the_traceback(draft_pair, monkeypatch, capsys, tmp_path, how):
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    _crash_reader(monkeypatch)
    if how == "env":
        monkeypatch.setenv("CMWREPORT_DEBUG", "1")
        code = cmwreport("diff", *draft_pair)
    else:
        code = cmwreport("--debug", "diff", *draft_pair)
    assert code == 3
    err = capsys.readouterr().err
    assert "Traceback (most recent call last)" in err and "a reader bug" in err
    assert err.splitlines()[-1].startswith("cmwreport diff: internal error (ValueError)")


def test_trouble_is_one_line_exit_2(capsys, tmp_path):
    assert cmwreport("diff", tmp_path / "absent.docx", tmp_path / "b.docx") == 2
    err = capsys.readouterr().err
    assert err == f"cmwreport diff: {tmp_path / 'absent.docx'}: no such file\n"


def test_usage_errors_stay_exit_2(capsys):
    assert cmwreport("validate", "--format", "xml") == 2
    assert cmwreport("frobnicate") == 2
    assert cmwreport("diff") == 2
    err = capsys.readouterr().err
    assert "No such command 'frobnicate'" in err and "Traceback" not in err


def test_help_is_exit_0(capsys):
    assert cmwreport("--help") == 0
    assert "--debug" in capsys.readouterr().out


def test_an_empty_path_is_trouble_not_the_current_folder(capsys, draft_pair):
    assert cmwreport("validate", "") == 2
    assert capsys.readouterr().err == (
        "cmwreport validate: empty path: give the folder of sources, e.g. sources\n"
    )
    assert cmwreport("build", SOURCES, "--out", "") == 2
    assert capsys.readouterr().err == "cmwreport build: the --out is empty; give a path\n"
    assert cmwreport("diff", draft_pair[0], "") == 2
    assert capsys.readouterr().err == "cmwreport diff: the NEW is empty; give a path\n"


def test_source_errors_in_build_exit_1_with_one_summary_line(tree, tmp_path, capsys):
    (tree / "report.yaml").write_text("symbol: [\n", encoding="utf-8")
    assert cmwreport("build", tree, "--out", tmp_path / "out") == 1
    err = capsys.readouterr().err
    assert err == "cmwreport build: the sources have errors; nothing was built\n"
    assert not (tmp_path / "out").exists()


# Ctrl-C, in a real process: SIGINT at a random moment from the first import of cmwreport
# on (what runs before it is Python's own start-up and pip's launcher, see README).
_LAUNCH = (
    "import sys; from cmwreport.cli import main; sys.stderr.write('ready\\n'); "
    "sys.stderr.flush(); sys.exit(main(sys.argv[1:]))"
)


def _interrupt(args: list[str], delay: float) -> tuple[int, str]:
    # A signal that reaches the launcher before it has entered `main` (the process was
    # not scheduled between writing "ready" and the call, on a loaded machine) interrupts
    # the test's own line, not cmwreport: that attempt says nothing, so it is made again.
    for _attempt in range(5):
        code, err = _interrupt_once(args, delay)
        if not (err.startswith("Traceback") and "cmwreport" not in err):
            return code, err
    return code, err


def _as_from_a_terminal() -> None:
    # A test run started in the background by a shell without job control (`cmd &` in
    # a script, nohup) inherits SIGINT ignored, and so would cmwreport: Python then
    # installs no KeyboardInterrupt handler. Ctrl-C at a terminal is SIGINT as default.
    signal.signal(signal.SIGINT, signal.SIG_DFL)


def _interrupt_once(args: list[str], delay: float) -> tuple[int, str]:
    proc = subprocess.Popen(
        [sys.executable, "-c", _LAUNCH, *args],
        cwd=ROOT,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        env={**os.environ, "PYTHONDONTWRITEBYTECODE": "1"},
        preexec_fn=_as_from_a_terminal,
    )
    assert proc.stderr.readline() == b"ready\n"
    time.sleep(delay)
    proc.send_signal(signal.SIGINT)
    err = proc.stderr.read().decode("utf-8", "replace")
    return proc.wait(timeout=60), err


def _build_seconds(out: Path) -> float:
    """How long a build runs here and now, from "ready" to its exit: the moments to
    interrupt are drawn within it, so a faster build or a loaded machine (the test's own
    process not woken in time) still has moments left to be interrupted at."""
    proc = subprocess.Popen(
        [sys.executable, "-c", _LAUNCH, "build", str(SOURCES), "--template", str(TEMPLATE),
         "--out", str(out)],
        cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
        env={**os.environ, "PYTHONDONTWRITEBYTECODE": "1"},
    )  # fmt: skip
    assert proc.stderr.readline() == b"ready\n"
    start = time.monotonic()
    assert proc.wait(timeout=60) == 0, proc.stderr.read()
    return time.monotonic() - start


def test_ctrl_c_at_any_moment_is_one_line_and_130(tmp_path):
    rng = random.Random(8)
    span = _build_seconds(tmp_path / "timed")
    codes = []
    # Twelve moments over the whole build; then, if none came in time, moments ever
    # earlier in it, so that "an interrupt gives 130" is asserted, not skipped.
    delays = [rng.uniform(0, span) for _ in range(12)] + [span / 2**k for k in range(2, 10)]
    for attempt, delay in enumerate(delays):
        if attempt >= 12 and 130 in codes:
            break
        out = tmp_path / f"out{attempt}"
        args = ["build", str(SOURCES), "--template", str(TEMPLATE), "--out", str(out)]
        code, err = _interrupt(args, delay)
        assert "Traceback" not in err, err
        if code == 130:
            assert err == "cmwreport build: interrupted\n"
        else:  # the build finished before the signal came (or as Python exited)
            assert code in (0, -signal.SIGINT) and err == "", (code, err)
        codes.append(code)
        # Interrupted or not, never a half-written output or a temporary file left.
        names = sorted(p.name for p in out.iterdir()) if out.exists() else []
        assert names in ([], ["CMW-C-MAR-2-annex.docx", "CMW-C-MAR-2.docx"]), names
    assert 130 in codes, (span, codes)


def test_ctrl_c_during_start_up_imports():
    # While Typer and the commands load (not at 0 s: a signal that lands while the
    # launcher above is still writing "ready" is raised in the launcher's own frame).
    for delay in (0.002, 0.004, 0.01, 0.03):
        code, err = _interrupt(["--help"], delay)
        assert "Traceback" not in err
        assert (code, err) in ((130, "cmwreport: interrupted\n"), (0, ""), (-2, "")), (code, err)
