"""`cmwreport validate`: every problem in the sources, located, in one run."""

from __future__ import annotations

import sys
from pathlib import Path

from cmwreport.diagnostics import Exit, count
from cmwreport.report_output import emit


def run(path: Path, fmt: str, strict: bool, reshape: bool = False) -> int:
    from cmwreport.sources.load import SourceTreeError, load_sources

    try:
        result = load_sources(path)
    except SourceTreeError as exc:
        sys.stderr.write(f"cmwreport validate: {exc}\n")
        return Exit.TROUBLE
    except OSError as exc:
        sys.stderr.write(f"cmwreport validate: {path}: {exc.strerror or exc}\n")
        return Exit.TROUBLE
    emit(result.diagnostics, fmt, files=result.files, reshape=reshape)
    errors, warnings = count(result.diagnostics)
    if errors or (strict and warnings):
        return Exit.FAILED
    return Exit.OK
