"""`cmwreport validate`: every problem in the sources, located, in one run."""

from __future__ import annotations

from pathlib import Path

from cmwreport.checks import load
from cmwreport.diagnostics import Exit, count
from cmwreport.print_diagnostics import emit


def main(path: str | None, format: str, strict: bool, reshape: bool, color: str = "auto") -> int:
    """The command line's values (commands/app.py declares the options)."""
    from cmwreport.project.find import sources_for

    # The source path as given: the loader says what is wrong with an empty one.
    sources = sources_for("validate", path)
    template = None
    if path is None:  # a project's own template is checked too
        from cmwreport.project.find import current_folder, find, shown_path

        project = find(current_folder())
        if project is not None and project.template is not None:
            template = shown_path(project.template)
    return run(sources, format, strict, reshape, template, color=color)


def run(
    path: Path | str,
    fmt: str,
    strict: bool,
    reshape: bool = False,
    template: Path | None = None,
    *,
    color: str = "auto",
) -> int:
    """`template`: the project's template, whose reply headings (R208) and own text
    (checks/template.py) are checked too."""
    result = load(path)
    diagnostics = list(result.diagnostics)
    if template is not None:
        from cmwreport.build.reply_headings import duplicate_headings
        from cmwreport.checks.template import template_text_warnings

        diagnostics += duplicate_headings(template)
        diagnostics += template_text_warnings(template)
    emit(diagnostics, fmt, files=result.files, reshape=reshape, color=color)
    errors, warnings = count(diagnostics)
    if errors or (strict and warnings):
        return Exit.FAILED
    return Exit.OK
