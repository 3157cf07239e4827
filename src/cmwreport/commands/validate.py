"""`cmwreport validate`: every problem in the sources, located, in one run."""

from __future__ import annotations

from pathlib import Path

from cmwreport.checks import load
from cmwreport.diagnostics import Exit, count
from cmwreport.print_diagnostics import emit


def run(path: Path | str, fmt: str, strict: bool, reshape: bool = False) -> int:
    result = load(path)
    emit(result.diagnostics, fmt, files=result.files, reshape=reshape)
    errors, warnings = count(result.diagnostics)
    if errors or (strict and warnings):
        return Exit.FAILED
    return Exit.OK
