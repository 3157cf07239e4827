"""Printing diagnostics: for people (text), programs (JSON) and GitHub Actions (annotations)."""

from __future__ import annotations

import os
import re
import sys

from cmwreport.diagnostics import Diagnostic, count
from cmwreport.i18n import _, ngettext

#: typing is imported only by type checkers: every command would pay for it.
TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import TextIO

_COLOURS = {"error": "\033[31m", "warning": "\033[33m"}
_RESET = "\033[0m"
#: Control characters and lone surrogates a message may quote from a source value:
#: written as escapes, so that one diagnostic stays one line and any terminal can print it.
#: (GitHub's workflow commands escape line breaks their own way.) Compiled (and kept by
#: `re`) when a diagnostic is first printed: the surrogates' range costs `re` a 64K-entry
#: table, which a run that finds nothing need not build.
_UNPRINTABLE = "[\x00-\x1f\x7f-\x9f\ud800-\udfff]"
_UNPRINTABLE_BUT_BREAKS = "[\x00-\x09\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff]"


def printable(text: str, pattern: str = _UNPRINTABLE) -> str:
    return re.sub(pattern, lambda found: f"\\u{ord(found.group()):04x}", text)


def emit(
    diagnostics: list[Diagnostic],
    fmt: str,
    stream: TextIO | None = None,
    *,
    files: int | None = None,
    reshape: bool = False,
    color: str = "auto",
) -> None:
    stream = stream or sys.stdout
    if fmt == "json":
        import json  # the text format, most runs, needs none of it

        errors, warnings = count(diagnostics)
        json.dump(
            {
                "diagnostics": [d.as_json() for d in diagnostics],
                "summary": {"errors": errors, "warnings": warnings},
            },
            stream,
            ensure_ascii=False,
            indent=2,
        )
        stream.write("\n")
    elif fmt == "github":
        for d in diagnostics:
            stream.write(github_line(d) + "\n")
        _step_summary(diagnostics)
    elif fmt == "sarif":
        from cmwreport.sarif import write_sarif

        write_sarif(diagnostics, stream)
    else:
        _text(diagnostics, stream, files, reshape, use_color(color, stream))


def use_color(choice: str, stream: TextIO) -> bool:
    """--color always|never, else (auto) colour on a terminal unless NO_COLOR is set
    (no-color.org: any value, even empty)."""
    if choice == "always":
        return True
    if choice == "never":
        return False
    return stream.isatty() and "NO_COLOR" not in os.environ


def _text(
    diagnostics: list[Diagnostic], stream: TextIO, files: int | None, reshape: bool, colour: bool
) -> None:
    from cmwreport.i18n import isolate
    from cmwreport.source_excerpt import Lines, excerpt

    show = _display if reshape else (lambda text: text)
    words = {"error": _("error"), "warning": _("warning")}
    lines = Lines()
    for d in diagnostics:
        severity = words[d.severity]
        if colour:
            severity = f"{_COLOURS[d.severity]}{severity}{_RESET}"
        message = show(printable(d.message))
        # Arabic: the place and the code isolated, so that a bidi terminal keeps them whole.
        where = isolate(_place(d))
        stream.write(f"{where}: {severity} {isolate(d.code)} {message}\n")
        line = lines.line(d.file, d.line)
        # Reshaped Arabic is reordered for display: a caret would point at another letter.
        if line is not None and not (reshape and show(line) != line):
            shown = excerpt(line, d.column, d.line, printable)
            if colour:
                shown[-1] = shown[-1][:-1] + f"{_COLOURS[d.severity]}^{_RESET}"
            stream.write("".join(f"{part}\n" for part in shown))
    stream.write(show(totals(diagnostics, files)) + "\n")


def _place(d: Diagnostic) -> str:
    """file:line:column; for a Word file (build's readiness warnings) the file alone: its
    "line" counts body paragraphs, which no reader sees, and the message already says
    where the report prints it ("paragraph 4 (أ)")."""
    if d.file.lower().endswith(".docx"):
        return printable(d.file)
    return f"{printable(d.file)}:{d.line}:{d.column}"


def totals(diagnostics: list[Diagnostic], files: int | None = None) -> str:
    """ "2 errors, 1 warning in 12 files", in the user's language."""
    errors, warnings = count(diagnostics)
    counted = {
        "errors": ngettext("{n} error", "{n} errors", errors),
        "warnings": ngettext("{n} warning", "{n} warnings", warnings),
    }
    if files is None:
        return _("{errors}, {warnings}", **counted)
    return _(
        "{errors}, {warnings} in {files}",
        **counted,
        files=ngettext("{n} file", "{n} files", files),
    )


def _display(text: str) -> str:
    from cmwreport.arabic.script import display, has_arabic

    return display(text) if has_arabic(text) else text


def _escape_data(text: str) -> str:
    text = printable(text, _UNPRINTABLE_BUT_BREAKS)
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _escape_property(text: str) -> str:
    return _escape_data(text).replace(":", "%3A").replace(",", "%2C")


def github_line(d: Diagnostic) -> str:
    """One workflow command, escaped as GitHub's workflow syntax requires."""
    properties = ",".join(
        f"{key}={_escape_property(str(value))}"
        for key, value in (("file", d.file), ("line", d.line), ("col", d.column), ("title", d.code))
    )
    return f"::{d.severity} {properties}::{_escape_data(d.message)}"


def _step_summary(diagnostics: list[Diagnostic]) -> None:
    # A step shows only the first annotations; the job summary keeps the whole list.
    path = os.environ.get("GITHUB_STEP_SUMMARY")
    if not path or not diagnostics:
        return
    lines = [
        f"### cmwreport: {totals(diagnostics)}",
        "",
        "| {} | {} | {} | {} |".format(_("where"), _("severity"), _("code"), _("message")),
        "| --- | --- | --- | --- |",
    ]
    for d in diagnostics:
        message = d.message.replace("|", "\\|")
        lines.append(f"| `{d.file}:{d.line}:{d.column}` | {d.severity} | {d.code} | {message} |")
    try:
        with open(path, "a", encoding="utf-8") as summary:
            summary.write("\n".join(lines) + "\n")
    except OSError:
        pass  # the annotations are already out; a summary is a courtesy
