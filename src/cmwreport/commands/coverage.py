"""`cmwreport coverage`: which questions of the list of issues the report replies to.

Validates the sources and builds the report in memory (nothing is written but the
outputs asked for), then reads its reply headings. Exit codes: 0 every question and
sub-item of the list of issues has a written reply and the data lists them all; 1 a
question or sub-item has no reply (no heading, nothing under it, or the drafting
placeholder left), two headings reply to one, the data is incomplete (so "all
answered" cannot be said), or the sources have errors; 2 trouble (template, outputs).
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

from cmwreport.checks import load
from cmwreport.commands.common import require_file
from cmwreport.diagnostics import Exit
from cmwreport.errors import Failed
from cmwreport.i18n import _
from cmwreport.outputs import OutputError, is_stdout, write_output
from cmwreport.print_diagnostics import emit


def main(
    path: str | None,
    template: str | None,
    format: str,
    html: str | None,
    docx: str | None,
    color: str = "auto",
) -> int:
    """The command line's values (commands/app.py declares the options)."""
    from cmwreport.commands.common import path_argument
    from cmwreport.project.find import resolve

    paths = resolve(
        "coverage",
        path,
        None if template is None else path_argument(template, "--template"),
        Path("."),
    )
    return run(
        paths.sources,
        paths.template,
        format,
        html=None if html is None else path_argument(html, "--html"),
        docx=None if docx is None else path_argument(docx, "--docx"),
        color=color,
    )


def run(
    path: Path | str,
    template: Path,
    fmt: str = "text",
    *,
    html: Path | None = None,
    docx: Path | None = None,
    color: str = "auto",
) -> int:
    if is_stdout(html) and is_stdout(docx):
        raise OutputError(_("--html - and --docx -: only one output can go to standard output"))
    result = load(path)
    if result.errors or result.sources is None:
        emit(result.diagnostics, "text", files=result.files, color=color)
        if result.sources is None and not result.errors:
            raise OutputError(_("{path}: give the folder of sources, not a single file", path=path))
        raise Failed(_("the sources have errors; no coverage computed"))
    require_file(template, "Word template (.docx)")
    coverage = compute(result.sources, template)

    # Outputs never replace what was read: the template and every file of the tree.
    inputs = [template]
    for folder, _dirs, names in os.walk(path):  # links to folders not followed
        inputs.extend(Path(folder) / name for name in names)
    if html is not None:
        from cmwreport.replies.render_html import render

        write_output(html, render(coverage).encode("utf-8"), inputs, what="--html")
    if docx is not None:
        from cmwreport.build.coverage_table import render as render_docx

        data = render_docx(coverage, template, result.sources)
        write_output(docx, data, inputs, what="--docx")
    if not (is_stdout(html) or is_stdout(docx)):
        from cmwreport.replies import render

        sys.stdout.write(render.as_json(coverage) if fmt == "json" else render.text(coverage))
    return Exit.OK if coverage.ok else Exit.FAILED


def compute(sources, template: Path):
    """The coverage of the report these sources and this template build."""
    from cmwreport.build.merge import build
    from cmwreport.reference import convention
    from cmwreport.replies.coverage import compute as cover
    from cmwreport.replies.questions import documents

    built = build(sources, template, str(template))
    issues, observations = documents(sources)
    consultations = sources.consultations
    items = [consultations, *(r for a in consultations.axes for r in a.recommendations)]
    return cover(
        sources.report.symbol,
        issues,
        observations,
        built.replies,
        built.texts,
        items,
        convention().article_part,
        sources.report.list_of_issues.symbol,
    )
