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
from cmwreport.i18n import _
from cmwreport.print_diagnostics import emit


class NoQuestions(CmwError):
    """No reference data for the list of issues: no question is known (exit 2)."""


def main(path: str | None, template: bool, file: str | None) -> int:
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
    return run(paths.sources, paths.template, write=template)


def run(path: Path | str, template: Path, *, write: bool) -> int:
    result = load(path)
    if result.errors or result.sources is None:
        emit(result.diagnostics, "text", files=result.files)
        raise Failed(_("the sources have errors; nothing was written"))
    require_file(template, "Word template (.docx)")
    from cmwreport.build.reply_skeleton import write as skeleton
    from cmwreport.replies.questions import documents

    sources = result.sources
    issues, observations = documents(sources)
    symbol = sources.report.list_of_issues.symbol
    if issues is None or not issues.questions:
        raise NoQuestions(
            f"no question of {symbol} is known: add its paragraphs to "
            f"sources/reference/{symbol.replace('/', '-')}.yaml (docs/replies.md)"
        )
    co = observations.symbol if observations is not None else None
    outcome = skeleton(template, issues, co or sources.report.previous_observations.symbol)
    out = sys.stdout
    for target in outcome.added:
        verb = "added" if write else "missing"
        out.write(f"{verb}: question {target.key} of {issues.symbol}\n")
    if write and outcome.data is not None:
        from cmwreport.outputs import write_atomic

        write_atomic([(template, outcome.data)])
    done = "added to" if write else "would be added to"
    out.write(
        f"{len(outcome.kept)} reply heading(s) kept, {len(outcome.added)} {done} {template}"
        + ("" if write or not outcome.added else " (run with --template to write them)")
        + "\n"
    )
    if not issues.complete or issues.incomplete_questions:
        out.write(
            f"note: the data of {issues.symbol} ({issues.source}) does not list every "
            "question: add them there, then run this again\n"
        )
    return Exit.OK
