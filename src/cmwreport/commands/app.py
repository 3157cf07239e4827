"""The `cmwreport` command line: its commands and options (Typer).

Imported by `cli.main` only. Only Typer is imported here; each command imports what it
needs (python-docx, PyYAML, Babel, rapidfuzz) when it runs, because start-up time is
felt on every call. Each command returns its exit code; trouble is raised as a
`CmwError` and reported by `cli.main`.
"""

from __future__ import annotations

from enum import Enum
from pathlib import Path

import typer

app = typer.Typer(
    help=(
        "Start a report project, validate its consultation sources, build the Word report "
        "and its annex (named after the report's symbol), and compare drafts. Run anywhere "
        "inside a project. Exit codes: 0 success, 1 errors found (validate, build) or "
        "differences found (diff), 2 usage or I/O trouble, 3 a bug in cmwreport, "
        "130 interrupted."
    ),
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)


@app.callback()
def options(
    debug: bool = typer.Option(
        False,
        "--debug",
        help="Show the full traceback of a bug (also: CMWREPORT_DEBUG=1).",
    ),
) -> None:
    # Read by cli.main before the command runs, so that a bug anywhere is shown whole.
    del debug


class DiagnosticFormat(str, Enum):
    text = "text"
    json = "json"
    github = "github"


class DiffFormat(str, Enum):
    text = "text"
    json = "json"


class Color(str, Enum):
    auto = "auto"
    always = "always"
    never = "never"


@app.command()
def validate(
    path: str | None = typer.Argument(
        None,
        help="Source tree (or one YAML file) to check; default: the project's sources.",
        show_default=False,
    ),
    format: DiagnosticFormat = typer.Option(
        DiagnosticFormat.text, "--format", "-f", help="text, json, or github annotations."
    ),
    strict: bool = typer.Option(False, "--strict", help="Fail on warnings too."),
    reshape: bool = typer.Option(
        False, "--reshape", help="Show Arabic pre-shaped, for terminals without bidi support."
    ),
) -> int:
    """Check the YAML sources and report every problem with file:line:column."""
    from cmwreport.commands.validate import run
    from cmwreport.project.find import sources_for

    # The source path as given: the loader says what is wrong with an empty one.
    return run(sources_for("validate", path), format.value, strict, reshape)


@app.command()
def build(
    path: str | None = typer.Argument(
        None, help="Source tree to build from; default: the project's sources.", show_default=False
    ),
    template: str | None = typer.Option(
        None,
        "--template",
        "-t",
        help="Word template; default: the project's, else the one shipped with cmwreport.",
        show_default=False,
    ),
    out: str | None = typer.Option(
        None, "--out", "-o", help="Output folder; default: the project's out/.", show_default=False
    ),
    format: DiagnosticFormat = typer.Option(
        DiagnosticFormat.text, "--format", "-f", help="How to show diagnostics."
    ),
    final: bool = typer.Option(
        False,
        "--final",
        help="Refuse (exit 1, nothing written) a report not ready for submission: "
        "drafting placeholders, slots left, over the word limit, a reply heading without reply.",
    ),
    pdf: bool = typer.Option(
        False, "--pdf", help="Also write a PDF of each document (needs LibreOffice)."
    ),
) -> int:
    """Validate, then merge the sources into the report template and write the annex."""
    from cmwreport.commands.build import run
    from cmwreport.commands.common import path_argument
    from cmwreport.project.find import resolve

    paths = resolve(
        "build",
        path,
        None if template is None else path_argument(template, "--template"),
        None if out is None else path_argument(out, "--out"),
    )
    return run(
        paths.sources,
        paths.template,
        paths.out,
        format.value,
        final,
        pdf=pdf,
    )


@app.command()
def diff(
    old: str = typer.Argument(..., help="Older draft (.docx)."),
    new: str = typer.Argument(..., help="Newer draft (.docx)."),
    format: DiffFormat = typer.Option(DiffFormat.text, "--format", "-f", help="text or json."),
    html: str | None = typer.Option(
        None, "--html", help="Also write a side-by-side HTML page (- for standard output)."
    ),
    redline: str | None = typer.Option(
        None,
        "--redline",
        help="Also write NEW with tracked changes against OLD (.docx; - for standard output).",
    ),
    ignore_diacritics: bool = typer.Option(
        False, "--ignore-diacritics", help="Ignore Arabic diacritics (harakat) and tatweel."
    ),
    ignore_formatting: bool = typer.Option(
        False, "--ignore-formatting", help="Report changes of text only, not of formatting."
    ),
    reshape: bool = typer.Option(
        False,
        "--reshape",
        help="Show Arabic pre-shaped for terminals without bidi support (display only).",
    ),
    color: Color = typer.Option(Color.auto, "--color", help="Colour the terminal output."),
    author: str = typer.Option("cmwreport", "--author", help="Author of redline revisions."),
    date: str | None = typer.Option(
        None,
        "--date",
        help="Date of redline revisions (ISO 8601); default SOURCE_DATE_EPOCH or a fixed date.",
    ),
) -> int:
    """Show what changed between two drafts, located by UN paragraph number."""
    from cmwreport.commands.common import path_argument
    from cmwreport.commands.diff import run

    return run(
        path_argument(old, "OLD"),
        path_argument(new, "NEW"),
        fmt=format.value,
        html=None if html is None else path_argument(html, "--html"),
        redline=None if redline is None else path_argument(redline, "--redline"),
        ignore_diacritics=ignore_diacritics,
        ignore_formatting=ignore_formatting,
        reshape=reshape,
        color=color.value,
        author=author,
        date=date,
    )


@app.command()
def absorb(
    drafts: list[str] = typer.Argument(
        ...,
        help="The reviewed draft (report or annex, .docx); several reviewers' drafts of "
        "one build are merged item by item.",
        metavar="DRAFT...",
    ),
    path: str | None = typer.Option(
        None,
        "--sources",
        "-s",
        help="Source tree to update; default: the project's sources.",
        show_default=False,
    ),
    template: str | None = typer.Option(
        None,
        "--template",
        "-t",
        help="Word template to update; default: the project's.",
        show_default=False,
    ),
    dry_run: bool = typer.Option(
        False, "--dry-run", help="Show the change as a unified diff; write nothing."
    ),
    only_accepted: bool = typer.Option(
        False, "--only-accepted", help="Leave out tracked changes still pending."
    ),
    force: bool = typer.Option(
        False,
        "--force",
        help="Absorb even if the sources changed since the build (conflicts reported).",
    ),
) -> int:
    """Take reviewers' edits in a built draft home into the sources and the template."""
    from cmwreport.commands.absorb import run
    from cmwreport.commands.common import path_argument
    from cmwreport.project.find import resolve

    # absorb writes no output folder: "." only spares a project search when both are given.
    paths = resolve(
        "absorb",
        None if path is None else path_argument(path, "--sources"),
        None if template is None else path_argument(template, "--template"),
        Path("."),
        packaged_template=False,
    )
    return run(
        [path_argument(draft, "DRAFT") for draft in drafts],
        paths.sources,
        paths.template,
        dry_run=dry_run,
        only_accepted=only_accepted,
        force=force,
    )


@app.command()
def schema(
    out: str | None = typer.Option(
        None,
        "--out",
        "-o",
        help="Folder to write them to (default: the project's schemas/, else ./schemas).",
    ),
) -> int:
    """Write a JSON Schema of each kind of source file, for editors' completion and checks."""
    from cmwreport.commands.common import path_argument
    from cmwreport.commands.schema import run

    if out is None:
        from cmwreport.project import find as project
        from cmwreport.project.skeleton import SCHEMAS

        found = project.find(project.current_folder())
        # The folder `init` fills, which the sources' yaml-language-server lines name.
        return run(found.root / SCHEMAS if found is not None else Path(SCHEMAS))
    return run(path_argument(out, "--out"))


@app.command()
def init(
    folder: str = typer.Argument(
        ".", help="New or empty folder for the project (default: the current one)."
    ),
    symbol: str = typer.Option(
        ..., "--symbol", "-s", help="Symbol of the report to prepare: CMW/C/<STATE>/<cycle>."
    ),
) -> int:
    """Start a report project: sources to fill, the template, out/, a README."""
    from cmwreport.commands.common import path_argument
    from cmwreport.commands.init import run

    return run(path_argument(folder, "folder"), symbol)
