"""Timing and peak memory of separate processes: the one way every figure is measured.

Every figure is the median wall time of `repeat` runs of a separate process, so
start-up and imports count, as they do for a drafter at a shell. Peak memory is the
process tree's maximum resident set (rusage, which includes the children a process
waited for, e.g. the .NET comparer that python-redlines starts), read by a small
launcher process: Linux carries a parent's own peak into a forked child's ru_maxrss,
so measured straight from the (large) bench process, `python -c pass` showed 89 MB.
"""

from __future__ import annotations

import os
import re
import signal
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path

# Runs a command and writes its wall time, its tree's peak RSS (KiB on Linux, bytes on
# macOS) and its CPU time (user + system) to argv[1]. Being small, it passes on no
# inflated ru_maxrss to the command. CPU time is what a loaded machine changes least:
# on a machine shared by other sessions, compare versions by it.
LAUNCHER = """\
import resource, subprocess, sys, time
start = time.perf_counter()
code = subprocess.call(sys.argv[2:])
elapsed = time.perf_counter() - start
usage = resource.getrusage(resource.RUSAGE_CHILDREN)
with open(sys.argv[1], "w") as report:
    report.write(f"{elapsed} {usage.ru_maxrss} {usage.ru_utime + usage.ru_stime}")
sys.exit(code if code >= 0 else 128 - code)
"""
_SCALE = 1 if sys.platform == "darwin" else 1024  # ru_maxrss: bytes vs KiB


@dataclass
class Measure:
    status: str = "ok"  # ok | failed | missing | skipped | timeout
    seconds: float | None = None  # median of runs
    runs: list[float] = field(default_factory=list)
    #: CPU seconds (user + system) of the command and its children: median, and per run.
    cpu: float | None = None
    cpu_runs: list[float] = field(default_factory=list)
    peak_mb: float | None = None
    exit: int | None = None
    note: str = ""


@dataclass
class Run:
    seconds: float
    exit: int
    peak_mb: float | None
    stderr: str
    cpu: float | None = None


Step = tuple[list[str], "Path | None"]  # a command, and where its standard output goes


def run_once(cmd: list[str], stdout: Path | None = None, timeout: float = 1800) -> Run:
    out = open(stdout, "wb") if stdout else tempfile.TemporaryFile()  # noqa: SIM115
    fd, report_path = tempfile.mkstemp(prefix="bench-run-")
    os.close(fd)
    cmd = [sys.executable, "-c", LAUNCHER, report_path, *cmd]
    with out, tempfile.TemporaryFile() as err:
        start = time.perf_counter()
        # Its own session, so a timeout or Ctrl-C ends the whole tree: python-redlines'
        # .NET comparer would otherwise outlive its killed Python parent.
        posix = os.name == "posix"
        proc = subprocess.Popen(
            cmd, stdout=out, stderr=err, stdin=subprocess.DEVNULL, start_new_session=posix
        )

        def kill() -> None:
            try:
                os.killpg(proc.pid, signal.SIGKILL) if posix else proc.kill()
            except ProcessLookupError:
                pass

        timer = threading.Timer(timeout, kill)
        timer.start()
        try:
            if hasattr(os, "wait4"):
                _, status, usage = os.wait4(proc.pid, 0)
                elapsed = time.perf_counter() - start
                # Reaped here, so tell Popen, or it would wait for a pid that is gone.
                proc.returncode = os.waitstatus_to_exitcode(status)
                peak = usage.ru_maxrss * _SCALE / 2**20
            else:
                proc.wait()
                elapsed = time.perf_counter() - start
                peak = None
        except BaseException:
            kill()
            raise
        finally:
            timer.cancel()
        err.seek(0)
        tail = err.read()[-4000:].decode("utf-8", "replace")
    # The launcher's own figures leave out its start-up and its inherited peak; a
    # command killed by the timeout leaves no report, and the outer figures stand.
    with open(report_path) as report:
        figures = report.read().split()
    os.unlink(report_path)
    cpu = None
    if len(figures) == 3:
        elapsed, peak = float(figures[0]), int(figures[1]) * _SCALE / 2**20
        cpu = float(figures[2])
    return Run(elapsed, proc.returncode, peak, tail, cpu)


def measure(
    steps: list[Step], repeat: int, ok_exits: tuple[int, ...] = (0,), timeout: float = 1800
) -> Measure:
    """Time `steps` run one after the other, `repeat` times; stop at the first failure."""
    m = Measure()
    peaks: list[float] = []
    for _ in range(repeat):
        total = cpu = 0.0
        for cmd, stdout in steps:
            r = run_once(cmd, stdout, timeout)
            total += r.seconds
            cpu += r.cpu or 0.0
            if r.peak_mb is not None:
                peaks.append(r.peak_mb)
            m.exit = r.exit
            # Exit 1 is also what Python gives an uncaught exception, so a traceback
            # is a failure even when the exit code is one the command may return.
            if r.exit not in ok_exits or "Traceback (most recent call last)" in r.stderr:
                m.status, m.note = failure(r)
                m.seconds = round(total, 4)
                m.peak_mb = max(peaks, default=None)
                return m
        m.runs.append(round(total, 4))
        m.cpu_runs.append(round(cpu, 4))
    m.seconds = round(statistics.median(m.runs), 4)
    m.cpu = round(statistics.median(m.cpu_runs), 4)
    m.peak_mb = round(max(peaks), 1) if peaks else None
    return m


def failure(r: Run) -> tuple[str, str]:
    if r.exit < 0:
        return "timeout", f"killed (signal {-r.exit})"
    if re.search(r"No module named '?cmwreport\.commands\.\w+", r.stderr):
        return "missing", "not implemented yet: " + _last_line(r.stderr)
    if "No such command" in r.stderr:
        return "missing", "no such command"
    return "failed", f"exit {r.exit}: {_last_line(r.stderr)}"


def _last_line(text: str) -> str:
    lines = [line.strip() for line in text.strip().splitlines() if line.strip()]
    return lines[-1][:200] if lines else ""


def skipped(note: str) -> Measure:
    return Measure(status="skipped", note=note)


def added(a: Measure, b: Measure) -> Measure:
    """Two figures measured apart, as one (e.g. build + diff)."""
    ok = a.status == "ok" and b.status == "ok"
    return Measure(seconds=a.seconds + b.seconds if ok else 0.0, status="ok" if ok else "skipped")


def progress(text: str) -> None:
    print(f"bench: {text}", file=sys.stderr, flush=True)
