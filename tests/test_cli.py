"""The command line itself: help, start-up imports, usage errors."""

from __future__ import annotations

import subprocess
import sys

from tests.conftest import ROOT

HEAVY = ("docx", "lxml", "yaml", "babel", "rapidfuzz", "arabic_reshaper", "bidi")


def run(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, *args], cwd=ROOT, capture_output=True, text=True, timeout=60
    )


def test_help_lists_the_three_commands():
    proc = run("-m", "cmwreport", "--help")
    assert proc.returncode == 0
    for command in ("validate", "build", "diff"):
        assert command in proc.stdout


def test_start_up_imports_nothing_heavy():
    # Every call pays for what cli.py imports; the commands import their own libraries.
    code = f"import sys, cmwreport.cli; print(','.join(m for m in {HEAVY!r} if m in sys.modules))"
    proc = run("-c", code)
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.strip() == ""


def test_usage_error_exits_2_without_traceback():
    proc = run("-m", "cmwreport", "validate", "--format", "xml")
    assert proc.returncode == 2
    assert "Traceback" not in proc.stderr
    proc = run("-m", "cmwreport", "frobnicate")
    assert proc.returncode == 2


def test_the_entry_point_imports_not_even_typer():
    # Until cli.main's try is entered, Ctrl-C would print a traceback: the entry module
    # must load in well under a millisecond.
    code = "import sys, cmwreport.cli; print(sorted({'typer', 'click', 'enum'} & set(sys.modules)))"
    proc = run("-c", code)
    assert proc.returncode == 0, proc.stderr
    assert "typer" not in proc.stdout and "click" not in proc.stdout


def test_no_arguments_shows_help():
    proc = run("-m", "cmwreport")
    assert proc.returncode == 2 and "Usage: cmwreport" in proc.stdout + proc.stderr
    assert "Traceback" not in proc.stderr
