"""`cmwreport validate`: every problem in the sources, located, in one run."""

from __future__ import annotations

from pathlib import Path

from cmwreport.commands.common import load
from cmwreport.diagnostics import Exit, count
from cmwreport.print_diagnostics import emit


def main(path: str | None, format: str, strict: bool, reshape: bool, template: bool) -> int:
    """The command line's values (commands/app.py declares the options)."""
    from cmwreport.project.find import resolve, sources_for

    # The source path as given: the loader says what is wrong with an empty one.
    sources = sources_for("validate", path)
    # Only on request: reading a Word file would cost validate most of its start-up.
    word = resolve("validate", path, None, None).template if template else None
    return run(sources, format, strict, reshape, word)


def run(
    path: Path | str, fmt: str, strict: bool, reshape: bool = False, template: Path | None = None
) -> int:
    """`template`: the project's template, whose reply headings are checked too (R208)."""
    result = load(path)
    diagnostics = list(result.diagnostics)
    if template is not None:
        from cmwreport.build.reply_headings import duplicate_headings

        diagnostics += duplicate_headings(template)
    emit(diagnostics, fmt, files=result.files, reshape=reshape)
    errors, warnings = count(diagnostics)
    if errors or (strict and warnings):
        return Exit.FAILED
    return Exit.OK
