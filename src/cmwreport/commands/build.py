"""`cmwreport build`: validate, then merge the sources into the report template.

Writes OUT/<symbol with / as ->.docx (the report, annex appended) and
OUT/<symbol>-annex.docx (the annex alone). Exit codes: 0 built; 1 the sources have
errors (shown exactly as `validate` shows them, nothing written), or, with `--final`,
the report is not ready for submission (the readiness warnings become errors, nothing
written); 2 trouble with the template or the output folder (nothing written, the
previous outputs kept).
"""

from __future__ import annotations

import sys
from pathlib import Path

from cmwreport.commands.common import load, trouble
from cmwreport.diagnostics import Diagnostic, Exit
from cmwreport.print_diagnostics import emit


def output_names(symbol: str) -> tuple[str, str]:
    stem = symbol.replace("/", "-")
    return f"{stem}.docx", f"{stem}-annex.docx"


def run(path: Path | str, template: Path, out: Path, fmt: str, final: bool = False) -> int:
    result = load(path, "build")  # refuses an empty path, which Path() would make "."
    if result is None:
        return Exit.TROUBLE
    path = Path(path)
    diagnostics = list(result.diagnostics)
    if result.sources is None and not result.errors:
        trouble(
            "build",
            f"{path}: a single source file can be validated, not built; give the folder of sources",
        )
        return Exit.TROUBLE
    if result.errors or result.sources is None:
        emit(diagnostics, fmt, files=result.files)
        trouble("build", "the sources have errors; nothing was built")
        return Exit.FAILED

    from cmwreport.build.merge import TemplateProblem, build
    from cmwreport.build.wordcount import LIMIT, RESOLUTION
    from cmwreport.docx.package import write_atomic

    sources = result.sources
    try:
        built = build(sources, template, str(template))
    except TemplateProblem as exc:
        for problem in exc.problems:
            trouble("build", problem)
        return Exit.TROUBLE

    readiness = [_diagnostic(f, sources, template, final) for f in built.findings]
    diagnostics += readiness

    from cmwreport.absorb.fingerprint import record

    # What the outputs were built from, so that `absorb` can tell a stale draft.
    report_bytes = record(built.report, path, template)
    annex_bytes = record(built.annex, path, template)
    report_name, annex_name = output_names(sources.report.symbol)
    if final and readiness:
        emit(diagnostics, fmt, files=result.files)
        trouble(
            "build",
            f"--final: the report is not ready for submission ({len(readiness)} "
            "problem(s) above); nothing was written",
        )
        return Exit.FAILED
    try:
        out.mkdir(parents=True, exist_ok=True)
        write_atomic([(out / report_name, report_bytes), (out / annex_name, annex_bytes)])
    except OSError as exc:
        reason = exc.strerror or str(exc)
        trouble("build", f"cannot write to {out}: {reason}; nothing written")
        return Exit.TROUBLE

    if diagnostics or fmt != "text":
        emit(diagnostics, fmt, files=result.files)
    summary = sys.stdout if fmt == "text" else sys.stderr
    summary.write(
        f"wrote {out / report_name}: {built.report_words:,} words "
        f"(limit {LIMIT:,}, GA resolution {RESOLUTION}; the annex is not counted)\n"
        f"wrote {out / annex_name}: annex, {built.annex_words:,} words\n"
    )
    return Exit.OK


def _diagnostic(finding, sources, template: Path, final: bool) -> Diagnostic:
    """A readiness finding, located: the word limit at report.yaml, the others at their
    body paragraph of the template the report was built from."""
    loc = sources.report.loc
    if finding.code == "B001" and loc is not None:
        file, line, column = loc.file, loc.line, loc.column
    else:
        file, line, column = str(template), max(finding.paragraph, 1), 1
    return Diagnostic(
        file=file,
        line=line,
        column=column,
        code=finding.code,
        severity="error" if final else "warning",
        message=finding.message,
    )
