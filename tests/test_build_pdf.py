"""`build --pdf`: a PDF of each document through LibreOffice, or exit 2 and nothing."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tests.conftest import ROOT, SOURCES, cmwreport
from tests.office import pdf_text, require

REPORT, ANNEX = "CMW-C-MAR-2", "CMW-C-MAR-2-annex"


@pytest.mark.libreoffice
def test_pdf_of_each_document(tmp_path, capsys):
    require("soffice")
    out = tmp_path / "out"
    assert cmwreport("build", SOURCES, "--out", out, "--pdf") == 0
    stdout = capsys.readouterr().out
    assert f"wrote {out / (REPORT + '.pdf')}: PDF (LibreOffice)" in stdout
    assert sorted(p.name for p in out.iterdir()) == sorted(
        f"{stem}.{ext}" for stem in (REPORT, ANNEX) for ext in ("docx", "pdf")
    )
    report, annex = pdf_text(out / f"{REPORT}.pdf"), pdf_text(out / f"{ANNEX}.pdf")
    assert "CMW/C/MAR/2" in report and "CMW/C/MAR/2" in annex
    assert "المرفق" in annex and "وجدة" in report


def _fake(tmp_path: Path, body: str) -> Path:
    fake = tmp_path / "fake-soffice"
    fake.write_text(f"#!/bin/sh\n{body}\n", encoding="utf-8")
    fake.chmod(0o755)
    return fake


def _build_pdf(tmp_path: Path, env: dict[str, str]) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "cmwreport", "build", str(SOURCES)]
        + ["--out", str(tmp_path / "out"), "--pdf"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        env={**os.environ, **env},
        timeout=120,
    )


def test_missing_libreoffice_is_one_line_and_nothing_written(tmp_path):
    bare = tmp_path / "bin"
    bare.mkdir()
    proc = _build_pdf(tmp_path, {"PATH": str(bare)})
    assert proc.returncode == 2
    assert proc.stderr == (
        "cmwreport build: --pdf needs LibreOffice, and soffice is not installed "
        "(apt-get install libreoffice-writer-nogui); nothing written\n"
    )
    assert not any((tmp_path / "out").iterdir())


def test_libreoffice_failing_is_one_line_and_nothing_written(tmp_path):
    fake = _fake(tmp_path, "echo 'Error: source file could not be loaded' >&2; exit 1")
    proc = _build_pdf(tmp_path, {"CMWREPORT_SOFFICE": str(fake)})
    assert proc.returncode == 2
    assert proc.stderr == (
        "cmwreport build: LibreOffice failed to write the PDF (exit 1): Error: source file "
        "could not be loaded; nothing written\n"
    )
    assert not any((tmp_path / "out").iterdir())
    quiet = _fake(tmp_path, "exit 0")  # says it worked, writes nothing
    proc = _build_pdf(tmp_path, {"CMWREPORT_SOFFICE": str(quiet)})
    assert proc.returncode == 2 and "LibreOffice wrote no PDF" in proc.stderr


def _running(pid: int) -> bool:
    """Alive and not a zombie (a container's init may not reap orphans)."""
    try:
        status = Path(f"/proc/{pid}/status").read_text()
    except FileNotFoundError:
        return False
    return "\nState:\tZ" not in status


def test_libreoffice_hanging_is_stopped_at_the_time_limit(tmp_path):
    marker, pid_file = tmp_path / "still-running", tmp_path / "sleep.pid"
    fake = _fake(tmp_path, f"sleep 30 & echo $! > {pid_file}; wait; touch {marker}")
    started = time.monotonic()
    proc = _build_pdf(tmp_path, {"CMWREPORT_SOFFICE": str(fake), "CMWREPORT_PDF_TIMEOUT": "1"})
    assert time.monotonic() - started < 15
    assert proc.returncode == 2
    assert proc.stderr == (
        "cmwreport build: LibreOffice did not finish the PDF within 1 s "
        "(CMWREPORT_PDF_TIMEOUT); nothing written\n"
    )
    # The whole process group was stopped, not only the shell: nothing runs on.
    time.sleep(0.5)
    assert not _running(int(pid_file.read_text()))
    assert not marker.exists()
    proc = _build_pdf(tmp_path, {"CMWREPORT_SOFFICE": str(fake), "CMWREPORT_PDF_TIMEOUT": "x"})
    assert proc.returncode == 2 and "CMWREPORT_PDF_TIMEOUT='x'" in proc.stderr
