"""`cmwreport replies`: the reply headings the template has and lacks; with --template,
a reply heading written into the template for every question and sub-item of the list
of issues it lacks (replies/skeleton.py).

Exit codes: 0 done (or nothing to add); 1 the sources have errors (nothing written);
2 trouble: no data for the list of issues, a template that cannot be read or written.
The template is replaced atomically, and only when something is added.
"""

from __future__ import annotations

import sys
from pathlib import Path

from cmwreport.checks import load
from cmwreport.commands.common import require_file
from cmwreport.diagnostics import Exit
from cmwreport.errors import CmwError, Failed
from cmwreport.i18n import _, ngettext
from cmwreport.print_diagnostics import emit


class NoQuestions(CmwError):
    """No reference data for the list of issues: no question is known (exit 2)."""


def main(path: str | None, template: bool, file: str | None, color: str = "auto") -> int:
    """The command line's values (commands/app.py declares the options)."""
    from cmwreport.commands.common import path_argument
    from cmwreport.project.find import resolve

    paths = resolve(
        "replies",
        path,
        None if file is None else path_argument(file, "--file"),
        Path("."),
        packaged_template=False,
    )
    return run(paths.sources, paths.template, write=template, color=color)


def run(path: Path | str, template: Path, *, write: bool, color: str = "auto") -> int:
    result = load(path)
    if result.errors or result.sources is None:
        emit(result.diagnostics, "text", files=result.files, color=color)
        raise Failed(_("the sources have errors; nothing was written"))
    require_file(template, "Word template (.docx)")
    from cmwreport.build.reply_skeleton import write as skeleton
    from cmwreport.replies.questions import documents

    sources = result.sources
    issues, observations = documents(sources)
    symbol = sources.report.list_of_issues.symbol
    if issues is None or not issues.questions:
        raise NoQuestions(
            _(
                "no question of {symbol} is known: add its paragraphs to {file} (docs/replies.md)",
                symbol=symbol,
                file="sources/reference/" + symbol.replace("/", "-") + ".yaml",
            )
        )
    co = observations.symbol if observations is not None else None
    outcome = skeleton(template, issues, co or sources.report.previous_observations.symbol)
    out = sys.stdout
    for target in outcome.added:
        if write:
            line = _(
                "added: question {question} of {symbol}", question=target.key, symbol=issues.symbol
            )
        else:
            line = _(
                "missing: question {question} of {symbol}",
                question=target.key,
                symbol=issues.symbol,
            )
        out.write(line + "\n")
    if write and outcome.data is not None:
        from cmwreport.outputs import write_atomic

        write_atomic([(template, outcome.data)])
    # English keeps "heading(s)" (the docs quote the line); Arabic and French count.
    kept = ngettext("{n} reply heading(s) kept", "{n} reply heading(s) kept", len(outcome.kept))
    count = len(outcome.added)
    if write:
        line = ngettext(
            "{kept}, {n} added to {template}",
            "{kept}, {n} added to {template}",
            count,
            kept=kept,
            template=template,
        )
    elif outcome.added:
        line = ngettext(
            "{kept}, {n} would be added to {template} (run with --template to write them)",
            "{kept}, {n} would be added to {template} (run with --template to write them)",
            count,
            kept=kept,
            template=template,
        )
    else:
        line = _("{kept}, 0 would be added to {template}", kept=kept, template=template)
    out.write(line + "\n")
    if not issues.complete or issues.incomplete_questions:
        out.write(
            _(
                "note: the data of {symbol} ({source}) does not list every question: add "
                "them there, then run this again",
                symbol=issues.symbol,
                source=issues.source,
            )
            + "\n"
        )
    return Exit.OK
