"""`cmwreport validate`: every problem in the sources, located, in one run."""

from __future__ import annotations

from pathlib import Path

from cmwreport.checks import load
from cmwreport.diagnostics import Exit, count
from cmwreport.print_diagnostics import emit


def run(
    path: Path | str, fmt: str, strict: bool, reshape: bool = False, template: Path | None = None
) -> int:
    """`template`: the project's template, whose reply headings (R208) and own text
    (checks/template.py) are checked too."""
    result = load(path)
    diagnostics = list(result.diagnostics)
    if template is not None:
        from cmwreport.build.reply_headings import duplicate_headings
        from cmwreport.checks.template import check_template

        diagnostics += duplicate_headings(template)
        diagnostics += check_template(template)
    emit(diagnostics, fmt, files=result.files, reshape=reshape)
    errors, warnings = count(diagnostics)
    if errors or (strict and warnings):
        return Exit.FAILED
    return Exit.OK
