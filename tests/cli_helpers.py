"""Running cmwreport as its users do, shared by every test that needs it.

`cli` runs the command line in a subprocess (what a drafter types: the exit code,
stdout and stderr as they are printed); `diff_json` and `diff_trouble` run diff in
process, where a subprocess would only add start-up time (`diff_trouble` through
cli.main, which alone turns trouble into its one line and exit 2).
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from tests.conftest import ROOT


def cli(
    *args: str, cwd: Path = ROOT, env: dict[str, str] | None = None, timeout: float = 120
) -> subprocess.CompletedProcess:
    """`python -m cmwreport ARGS` in `cwd`, `env` added to this process's environment."""
    return subprocess.run(
        [sys.executable, "-m", "cmwreport", *args],
        cwd=cwd,
        capture_output=True,
        text=True,
        env={**os.environ, **(env or {})},
        timeout=timeout,
    )


def diff_json(old: Path, new: Path, capsys, **options) -> tuple[int, dict]:
    """The exit code and the JSON report of `diff OLD NEW --format json`."""
    from cmwreport.commands.diff import run

    code = run(old, new, fmt="json", **options)
    return code, json.loads(capsys.readouterr().out)


def diff_trouble(capsys, old: Path, new: Path, **options) -> str:
    """The one line `diff` prints when the user must fix something (exit 2), through
    cli.main's error path, as a user gets it (`options`: commands.diff.run's)."""
    from tests.conftest import cmwreport, diff_flags

    assert cmwreport("diff", old, new, *diff_flags(**options)) == 2
    captured = capsys.readouterr()
    assert captured.out == ""
    lines = captured.err.splitlines()
    assert len(lines) == 1 and lines[0].startswith("cmwreport diff: "), captured.err
    assert "Traceback" not in captured.err
    return lines[0]
