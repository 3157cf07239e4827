"""Real programs the tests check documents with: LibreOffice, pdftotext, openxml-audit."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

# pdftotext wraps right-to-left runs in embedding marks; strip them before comparing.
_BIDI_MARKS = dict.fromkeys(map(ord, "\u202a\u202b\u202c\u202d\u202e\u200e\u200f"))


def require(program: str) -> str:
    path = shutil.which(program)
    if path is None:
        if _in_ci():
            pytest.fail(f"{program} is missing: .ci/run must install it")
        pytest.skip(f"{program} is not installed")
    return path


def _in_ci() -> bool:
    import os

    return os.environ.get("CI") == "true"


def convert(docx: Path, workdir: Path, target: str = "pdf") -> Path:
    """Convert with LibreOffice (to PDF, "txt", or "docx" to re-save as Word does after an edit),
    each conversion with its own profile (two sharing one fail silently)."""
    soffice = require("soffice")
    suffix, filter_ = {
        "docx": ("docx", "docx:MS Word 2007 XML"),
        "txt": ("txt", "txt:Text (encoded):UTF8"),
    }.get(target, ("pdf", "pdf"))
    profile = workdir / f"lo-profile-{docx.stem}-{suffix}"
    outdir = workdir / f"{suffix}-{docx.stem}"
    subprocess.run(
        [
            soffice,
            f"-env:UserInstallation=file://{profile}",
            "--headless",
            "--convert-to",
            filter_,
            "--outdir",
            str(outdir),
            str(docx),
        ],
        check=True,
        capture_output=True,
        timeout=180,
    )
    result = outdir / f"{docx.stem}.{suffix}"
    assert result.exists(), f"LibreOffice wrote no {suffix} for {docx}"
    return result


def to_pdf(docx: Path, workdir: Path) -> Path:
    return convert(docx, workdir, "pdf")


def office_text(docx: Path, workdir: Path) -> str:
    """The document as LibreOffice exports it to plain text: paragraphs in logical
    order with their list labels (1-, (أ) ...) as LibreOffice numbers them."""
    return convert(docx, workdir, "txt").read_text(encoding="utf-8-sig")


def pdf_text(pdf: Path) -> str:
    require("pdftotext")
    out = subprocess.run(
        ["pdftotext", "-layout", str(pdf), "-"], check=True, capture_output=True, text=True
    ).stdout
    return out.translate(_BIDI_MARKS)


def audit_errors(docx: Path) -> list[dict]:
    """openxml-audit's errors for a file (an empty list means valid)."""
    proc = subprocess.run(
        [sys.executable, "-m", "openxml_audit", "--output", "json", "--max-errors", "0", str(docx)],
        capture_output=True,
        text=True,
        timeout=300,
    )
    try:
        (report,) = json.loads(proc.stdout)
    except (json.JSONDecodeError, ValueError) as exc:
        raise AssertionError(
            f"openxml-audit gave no JSON report: {proc.stdout[:500]} {proc.stderr[:500]}"
        ) from exc
    return report["errors"]
