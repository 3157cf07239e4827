"""The `cmwreport` command line: its commands and options, declared as data.

Imported by `cli.main` only, with `commands/args.py` (the parser and help printer) and
nothing else: `--help`, `--version` and usage errors import no command. A command's
module (`commands/<name>.py`) is imported only when that command runs, and imports
what it needs (lxml, PyYAML, Babel, rapidfuzz) itself, because start-up time is felt
on every call. Each command returns its exit code; trouble is raised as a `CmwError`
and reported by `cli.main`.
"""

from __future__ import annotations

import sys

from cmwreport.commands.args import (
    HELP,
    Command,
    Param,
    UsageError,
    command_help,
    help_text,
    show_usage_error,
)
from cmwreport.commands.args import parse as parse_command
from cmwreport.i18n import N_, _

PROG = "cmwreport"
DESCRIPTION = N_(
    "Start a report project, validate its consultation sources, build the Word report "
    "and its annex (named after the report's symbol), and compare drafts. Run anywhere "
    "inside a project. Exit codes: 0 success, 1 errors found (validate, build) or "
    "differences found (diff), 2 usage or I/O trouble, 3 a bug in cmwreport, "
    "130 interrupted."
)
USAGE = f"Usage: {PROG} [OPTIONS] COMMAND [ARGS]..."
FLAG = None  # Param.choices of an option that takes no value

GLOBAL_OPTIONS = (
    Param(
        "debug",
        N_("Show the full traceback of a bug (also: CMWREPORT_DEBUG=1)."),
        ("--debug",),
        choices=FLAG,
    ),
    Param("version", N_("Show the version and exit."), ("--version",), choices=FLAG),
    # Taken out of the arguments by cli.main wherever it stands (docs/translating.md);
    # listed here for the help.
    Param(
        "lang",
        N_(
            "Language of messages, before or after the command; default: lang in "
            "cmwreport.toml, else LANGUAGE, LC_ALL, LC_MESSAGES, LANG; else English."
        ),
        ("--lang",),
        ("ar", "fr", "en"),
    ),
)

DIAGNOSTIC_FORMATS = ("text", "json", "github", "sarif")


def _color() -> Param:
    return Param(
        "color",
        N_("Colour the terminal output (auto: on a terminal, unless NO_COLOR is set)."),
        ("--color",),
        ("auto", "always", "never"),
        default="auto",
        show_default=True,
    )


def _format(help: str) -> Param:
    return Param(
        "format", help, ("--format", "-f"), DIAGNOSTIC_FORMATS, default="text", show_default=True
    )


def _flag(name: str, help: str) -> Param:
    return Param(
        name.removeprefix("--").replace("-", "_"), help, (name,), choices=FLAG, default=False
    )


def _text(name: str, flags: tuple[str, ...], help: str, **kw) -> Param:
    return Param(name, help, flags, **kw)


def _template() -> Param:
    help = N_("Word template; default: the project's, else the one shipped with cmwreport.")
    return _text("template", ("--template", "-t"), help)


def _text_or_json() -> Param:
    formats = ("text", "json")
    return Param(
        "format",
        N_("text or json."),
        ("--format", "-f"),
        formats,
        default="text",
        show_default=True,
    )


COMMANDS = {
    c.name: c
    for c in (
        Command(
            "validate",
            N_("Check the YAML sources and report every problem with file:line:column."),
            "cmwreport.commands.validate:main",
            (
                Param(
                    "path",
                    N_("Source tree (or one YAML file) to check; default: the project's sources."),
                ),
                _format(N_("text, json, github annotations, or sarif (SARIF 2.1.0).")),
                _color(),
                _flag("--strict", N_("Fail on warnings too.")),
                _flag(
                    "--reshape", N_("Show Arabic pre-shaped, for terminals without bidi support.")
                ),
            ),
        ),
        Command(
            "build",
            N_("Validate, then merge the sources into the report template and write the annex."),
            "cmwreport.commands.build:main",
            (
                Param("path", N_("Source tree to build from; default: the project's sources.")),
                _template(),
                _text("out", ("--out", "-o"), N_("Output folder; default: the project's out/.")),
                _format(N_("How to show diagnostics.")),
                _color(),
                _flag(
                    "--final",
                    N_(
                        "Refuse (exit 1, nothing written) a report not ready for submission: "
                        "drafting placeholders, slots left, over the word limit, a reply heading "
                        "without reply."
                    ),
                ),
                _flag("--pdf", N_("Also write a PDF of each document (needs LibreOffice).")),
            ),
        ),
        Command(
            "coverage",
            N_("Which questions of the list of issues have a reply (exit 1 if one has none)."),
            "cmwreport.commands.coverage:main",
            (
                Param("path", N_("Source tree; default: the project's sources.")),
                _template(),
                _text_or_json(),
                _text("html", ("--html",), N_("Also write an HTML page (- for standard output).")),
                _text(
                    "docx", ("--docx",), N_("Also write the correspondence table (.docx; - too).")
                ),
            ),
        ),
        Command(
            "replies",
            N_("The list of issues' reply headings the template lacks; written with --template."),
            "cmwreport.commands.replies:main",
            (
                Param("path", N_("Source tree; default: the project's sources.")),
                _flag("--template", N_("Write them into the template (else only list them).")),
                _text(
                    "file", ("--file",), N_("Template to read and write; default: the project's.")
                ),
            ),
        ),
        Command(
            "diff",
            N_("Show what changed between two drafts, located by UN paragraph number."),
            "cmwreport.commands.diff:main",
            (
                Param("old", N_("Older draft (.docx)."), required=True),
                Param("new", N_("Newer draft (.docx)."), required=True),
                _text_or_json(),
                _text(
                    "html",
                    ("--html",),
                    N_("Also write a side-by-side HTML page (- for standard output)."),
                ),
                _text(
                    "redline",
                    ("--redline",),
                    N_(
                        "Also write NEW with tracked changes against OLD (.docx; - for standard "
                        "output)."
                    ),
                ),
                _flag("--ignore-diacritics", N_("Ignore Arabic diacritics (harakat) and tatweel.")),
                _flag("--ignore-formatting", N_("Report changes of text only, not of formatting.")),
                _flag(
                    "--reshape",
                    N_("Show Arabic pre-shaped for terminals without bidi support (display only)."),
                ),
                _color(),
                _text(
                    "context",
                    ("--context",),
                    N_(
                        "Show N words of unchanged text around each change (default: the "
                        "whole paragraph)."
                    ),
                ),
                _text(
                    "author",
                    ("--author",),
                    N_("Author of redline revisions."),
                    default="cmwreport",
                    show_default=True,
                ),
                _text(
                    "date",
                    ("--date",),
                    N_(
                        "Date of redline revisions (ISO 8601); default SOURCE_DATE_EPOCH or a "
                        "fixed date."
                    ),
                ),
            ),
        ),
        Command(
            "absorb",
            N_("Take reviewers' edits in built drafts home into the sources and the template."),
            "cmwreport.commands.absorb:main",
            (
                Param(
                    "drafts",
                    N_(
                        "The reviewed draft (report or annex, .docx); several reviewers' "
                        "drafts of one build are merged item by item."
                    ),
                    required=True,
                    many=True,
                ),
                _text(
                    "path",
                    ("--sources", "-s"),
                    N_("Source tree to update; default: the project's sources."),
                ),
                _text(
                    "template",
                    ("--template", "-t"),
                    N_("Word template to update; default: the project's."),
                ),
                _flag("--dry-run", N_("Show the change as a unified diff; write nothing.")),
                _flag("--only-accepted", N_("Leave out tracked changes still pending.")),
                _flag(
                    "--force",
                    N_("Absorb even if the sources changed since the build (conflicts reported)."),
                ),
            ),
        ),
        Command(
            "schema",
            N_(
                "Write a JSON Schema of each kind of source file, for editors' completion and "
                "checks."
            ),
            "cmwreport.commands.schema:main",
            (
                _text(
                    "out",
                    ("--out", "-o"),
                    N_(
                        "Folder to write them to (default: the project's schemas/, else ./schemas)."
                    ),
                ),
            ),
        ),
        Command(
            "init",
            N_("Start a report project: sources to fill, the template, out/, a README."),
            "cmwreport.commands.init:main",
            (
                Param(
                    "folder",
                    N_("New or empty folder for the project (default: the current one)."),
                    default=".",
                ),
                _text(
                    "symbol",
                    ("--symbol", "-s"),
                    N_("Symbol of the report to prepare: CMW/C/<STATE>/<cycle>."),
                    required=True,
                ),
            ),
        ),
    )
}


def main_help() -> str:
    options = [(", ".join(p.flags), _(p.help)) for p in (*GLOBAL_OPTIONS, HELP)]
    commands = [(c.name, _first_sentence(_(c.help))) for c in COMMANDS.values()]
    return help_text(
        PROG, USAGE, _(DESCRIPTION), [(_("Options"), options), (_("Commands"), commands)]
    )


def _first_sentence(text: str, width: int = 66) -> str:
    # What click shows in the command list: the help cut to fit on one line.
    return text if len(text) <= width else text[: text.rfind(" ", 0, width - 3)] + "..."


def dispatch(args: list[str]) -> int:
    """Parse `args`, run the command named, and return its exit code."""
    try:
        return _dispatch(args)
    except UsageError as error:
        show_usage_error(PROG, error, USAGE)
        return 2


def _dispatch(args: list[str]) -> int:
    flags = {flag: p for p in (*GLOBAL_OPTIONS, HELP) for flag in p.flags}
    rest = list(args)
    while rest and rest[0].startswith("-"):
        flag = rest.pop(0)
        if flag not in flags:
            raise UsageError(_("No such option: {flag}", flag=flag))
        if flag == "--help":
            sys.stdout.write(main_help())
            return 0
        if flag == "--version":
            from cmwreport import __version__

            sys.stdout.write(f"{PROG} {__version__}\n")
            return 0
    if not rest:  # no command: the help, as a usage error (exit 2)
        sys.stdout.write(main_help())
        return 2
    name, rest = rest[0], rest[1:]
    command = COMMANDS.get(name)
    if command is None:
        raise UsageError(_("No such command '{name}'.", name=name))
    values = parse_command(command, rest)
    if values is None:
        sys.stdout.write(command_help(PROG, command))
        return 0
    module, function = command.target.split(":")
    run = getattr(__import__(module, fromlist=[function]), function)
    return int(run(**values))
