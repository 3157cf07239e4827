"""The `cmwreport` command line.

Only Typer is imported at start-up; each command imports what it needs (python-docx,
PyYAML, Babel, rapidfuzz) when it runs, because start-up time is felt on every call.
"""

from __future__ import annotations

import sys
from enum import Enum
from pathlib import Path

import typer

app = typer.Typer(
    help=(
        "Validate the consultation sources, build the CMW/C/MAR/2 Word report and its annex, "
        "and compare drafts. Exit codes: 0 success, 1 errors found (validate, build) or "
        "differences found (diff), 2 usage or I/O trouble."
    ),
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)


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
    # A string, not a Path: Path("") is ".", and an empty argument must be refused.
    path: str = typer.Argument("sources", help="Source tree (or one YAML file) to check."),
    format: DiagnosticFormat = typer.Option(
        DiagnosticFormat.text, "--format", "-f", help="text, json, or github annotations."
    ),
    strict: bool = typer.Option(False, "--strict", help="Fail on warnings too."),
    reshape: bool = typer.Option(
        False, "--reshape", help="Show Arabic pre-shaped, for terminals without bidi support."
    ),
) -> None:
    """Check the YAML sources and report every problem with file:line:column."""
    from cmwreport.commands.validate import run

    raise typer.Exit(run(path, format.value, strict, reshape))


@app.command()
def build(
    path: str = typer.Argument("sources", help="Source tree to build from."),
    template: Path = typer.Option(
        Path("templates/periodic-report.docx"), "--template", "-t", help="Word template."
    ),
    out: Path = typer.Option(Path("out"), "--out", "-o", help="Output folder."),
    format: DiagnosticFormat = typer.Option(
        DiagnosticFormat.text, "--format", "-f", help="How to show diagnostics."
    ),
    final: bool = typer.Option(
        False,
        "--final",
        help="Refuse (exit 1, nothing written) a report not ready for submission: "
        "drafting placeholders, slots left, over the word limit, a reply heading without reply.",
    ),
) -> None:
    """Validate, then merge the sources into the report template and write the annex."""
    from cmwreport.commands.build import run

    raise typer.Exit(run(path, template, out, format.value, final))


@app.command()
def diff(
    old: Path = typer.Argument(..., help="Older draft (.docx)."),
    new: Path = typer.Argument(..., help="Newer draft (.docx)."),
    format: DiffFormat = typer.Option(DiffFormat.text, "--format", "-f", help="text or json."),
    html: Path | None = typer.Option(None, "--html", help="Also write a side-by-side HTML page."),
    redline: Path | None = typer.Option(
        None, "--redline", help="Also write NEW with tracked changes against OLD (.docx)."
    ),
    ignore_diacritics: bool = typer.Option(
        False, "--ignore-diacritics", help="Ignore Arabic diacritics (harakat) and tatweel."
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
) -> None:
    """Show what changed between two drafts, located by UN paragraph number."""
    from cmwreport.commands.diff import run

    raise typer.Exit(
        run(
            old,
            new,
            fmt=format.value,
            html=html,
            redline=redline,
            ignore_diacritics=ignore_diacritics,
            reshape=reshape,
            color=color.value,
            author=author,
            date=date,
        )
    )


@app.command()
def absorb(
    draft: Path = typer.Argument(..., help="The reviewed draft (report or annex, .docx)."),
    path: Path = typer.Option(Path("sources"), "--sources", "-s", help="Source tree to update."),
    template: Path = typer.Option(
        Path("templates/periodic-report.docx"), "--template", "-t", help="Word template."
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
) -> None:
    """Take reviewers' edits in a built draft home into the sources and the template."""
    from cmwreport.commands.absorb import run

    raise typer.Exit(
        run(draft, path, template, dry_run=dry_run, only_accepted=only_accepted, force=force)
    )


@app.command()
def schema(
    out: Path = typer.Option(Path("schemas"), "--out", "-o", help="Folder to write them to."),
) -> None:
    """Write a JSON Schema of each kind of source file, for editors' completion and checks."""
    from cmwreport.commands.schema import run

    raise typer.Exit(run(out))


def main() -> None:
    """The only place trouble becomes an exit code (see cmwreport.errors)."""
    from cmwreport.errors import CmwError, Exit

    command = next((a for a in sys.argv[1:] if not a.startswith("-")), None)
    prefix = f"cmwreport {command}" if command in _COMMANDS else "cmwreport"
    try:
        app()
    except CmwError as exc:
        sys.stderr.write(f"{prefix}: {exc}\n")
        sys.exit(exc.exit_code)
    except KeyboardInterrupt:
        sys.stderr.write("cmwreport: interrupted\n")
        sys.exit(Exit.INTERRUPTED)


_COMMANDS = ("validate", "build", "diff", "absorb", "schema")
