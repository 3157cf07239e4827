"""`cmwreport build`: validate, then merge the sources into the report template.

Writes OUT/<symbol with / as ->.docx (the report, annex appended) and
OUT/<symbol>-annex.docx (the annex alone), and with --pdf a PDF of each. Exit codes:
0 built; 1 the sources have errors (shown exactly as `validate` shows them, nothing
written), or, with `--final`, the report is not ready for submission (the readiness
warnings become errors, nothing written); 2 trouble with the template, the output
folder or LibreOffice (nothing written, the previous outputs kept).

The output folder is locked while the build writes (see outfolder.py); both documents
carry the build's identity as the custom property `cmwreport.build`, a hash of
everything the build read, so that a report and an annex from two different builds
(a build killed between its two renames) can be told apart; the next build says so
and writes both again.
"""

from __future__ import annotations

import hashlib
import os
import sys
from pathlib import Path

from cmwreport.checks import load
from cmwreport.commands.common import require_file
from cmwreport.diagnostics import Diagnostic, Exit
from cmwreport.errors import Failed
from cmwreport.i18n import _
from cmwreport.outputs import OutputError, check_target, is_stdout, write_atomic
from cmwreport.print_diagnostics import emit

#: The custom document property that holds the build's identity.
BUILD_PROPERTY = "cmwreport.build"
#: Readiness findings that --final reports without refusing the draft.
NOT_BLOCKING = ("B007",)


def main(
    path: str | None,
    template: str | None,
    out: str | None,
    format: str,
    final: bool,
    pdf: bool,
    color: str = "auto",
) -> int:
    from cmwreport.commands.common import path_argument
    from cmwreport.project.find import resolve

    paths = resolve(
        "build",
        path,
        None if template is None else path_argument(template, "--template"),
        None if out is None else path_argument(out, "--out"),
    )
    return run(paths.sources, paths.template, paths.out, format, final, pdf=pdf, color=color)


def output_names(symbol: str) -> tuple[str, str]:
    stem = symbol.replace("/", "-")
    return f"{stem}.docx", f"{stem}-annex.docx"


def run(
    path: Path | str,
    template: Path,
    out: Path,
    fmt: str,
    final: bool = False,
    *,
    pdf: bool = False,
    color: str = "auto",
) -> int:
    if is_stdout(out):
        raise OutputError(_("--out -: a build writes two files; give an output folder"))
    from cmwreport.project import journal

    # The project's lock, shared: no absorb writes the sources between the reading
    # and the fingerprint, which are then of the same bytes.
    with journal.reading(Path(path), also=(Path(template),)):
        return _run(path, template, out, fmt, final, pdf=pdf, color=color)


def _run(
    path, template: Path, out: Path, fmt: str, final: bool, *, pdf: bool, color: str = "auto"
) -> int:
    result = load(path)  # first: the loader refuses an empty path, which Path() makes "."
    path = Path(path)
    diagnostics = list(result.diagnostics)
    if result.sources is None and not result.errors:
        raise OutputError(
            _(
                "{path}: a single source file can be validated, not built; give the folder of "
                "sources",
                path=path,
            )
        )
    if result.errors or result.sources is None:
        emit(diagnostics, fmt, files=result.files, color=color)
        raise Failed(_("the sources have errors; nothing was built"))

    from cmwreport.build import provenance
    from cmwreport.build.merge import build
    from cmwreport.build.wordcount import LIMIT, RESOLUTION

    sources = result.sources
    require_file(template, "Word template (.docx)")
    # What the outputs were built from: absorb reads it to tell a stale draft.
    try:
        recorded = provenance.of(path, template).as_text()
        properties = {BUILD_PROPERTY: build_identity(recorded), **provenance.properties(recorded)}
    except OSError:  # an unreadable template: build() says so, in its words
        properties = {}
    built = build(sources, template, str(template), properties=properties)

    readiness = [_diagnostic(f, sources, template, final) for f in built.findings]
    diagnostics += readiness
    blocking = [d for d in readiness if d.is_error]
    if final and blocking:
        emit(diagnostics, fmt, files=result.files, color=color)
        raise Failed(
            _(
                "--final: the report is not ready for submission ({len} problem(s) above); "
                "nothing was written",
                len=len(blocking),
            )
        )

    report_name, annex_name = output_names(sources.report.symbol)
    files = [(out / report_name, built.report), (out / annex_name, built.annex)]
    _write(files, out, inputs=_inputs(path, template), pdf=pdf)

    if diagnostics or fmt != "text":
        emit(diagnostics, fmt, files=result.files, color=color)
    summary = sys.stdout if fmt == "text" else sys.stderr
    report_line = _(
        "wrote {path}: {words} words (limit {limit}, GA resolution {resolution}; the annex is "
        "not counted)",
        path=out / report_name,
        words=format(built.report_words, ","),
        limit=format(LIMIT, ","),
        resolution=RESOLUTION,
    )
    annex_line = _(
        "wrote {path}: annex, {words} words",
        path=out / annex_name,
        words=format(built.annex_words, ","),
    )
    summary.write(f"{report_line}\n{annex_line}\n")
    if pdf:
        for docx, _data in files:
            pdf_line = _("wrote {path}: PDF (LibreOffice)", path=docx.with_suffix(".pdf"))
            summary.write(f"{pdf_line}\n")
    return Exit.OK


def _write(files: list[tuple[Path, bytes]], out: Path, *, inputs: set, pdf: bool) -> None:
    from cmwreport.docx.custom_properties import property_of
    from cmwreport.outfolder import locked, remove_stale_temporaries

    try:
        out.mkdir(parents=True, exist_ok=True)
    except FileExistsError:
        raise OutputError(
            _("{out}: exists and is not a folder; give an output folder", out=out)
        ) from None
    except OSError as exc:
        raise OutputError(
            _("cannot write to {out}: {value}; nothing written", out=out, value=exc.strerror or exc)
        ) from None
    if pdf:
        files = files + _pdfs(files)
    with locked(
        out, waiting=lambda: _note(_("waiting for another build writing to {out}", out=out))
    ):
        remove_stale_temporaries(path for path, _data in files)
        for path, _data in files:
            check_target(path, what="output")
            if _identity_of(path) in inputs:
                raise OutputError(
                    _("{path}: is one of the build's inputs; choose another --out", path=path)
                )
        previous = {property_of(path, BUILD_PROPERTY) for path, _data in files[:2]}
        if len(previous) > 1 and all(path.exists() for path, _data in files[:2]):
            _note(
                _(
                    "{report} and {annex} came from two different builds (an interrupted "
                    "build); both are written again",
                    report=files[0][0],
                    annex=files[1][0],
                )
            )
        write_atomic(files)


def _pdfs(files: list[tuple[Path, bytes]]) -> list[tuple[Path, bytes]]:
    from cmwreport.office import to_pdf

    return [(path.with_suffix(".pdf"), data) for path, data in to_pdf(files)]


def _note(message: str) -> None:
    sys.stderr.write(f"cmwreport build: {message}\n")
    sys.stderr.flush()


def _identity_of(path: Path) -> tuple[int, int] | None:
    try:
        info = os.stat(path)
    except OSError:
        return None
    return (info.st_dev, info.st_ino)


def _inputs(path: Path, template: Path) -> set[tuple[int, int]]:
    """(device, inode) of every file the build reads: outputs must not be one of them."""
    found = {_identity_of(template), _identity_of(path)}
    for folder, _dirs, names in os.walk(path):
        for name in names:
            found.add(_identity_of(Path(folder) / name))
    found.discard(None)
    return found


def build_identity(fingerprint: str) -> str:
    """A hash of what the build read (the sources' and template's fingerprint),
    SOURCE_DATE_EPOCH and cmwreport's version: equal for two builds of the same inputs."""
    from cmwreport import __version__

    digest = hashlib.sha256(f"cmwreport {__version__}\0".encode())
    digest.update(os.environ.get("SOURCE_DATE_EPOCH", "").encode() + b"\0")
    digest.update(fingerprint.encode())
    return digest.hexdigest()[:16]


def _diagnostic(finding, sources, template: Path, final: bool) -> Diagnostic:
    """A readiness finding, located: the word limit at report.yaml, the others at their
    body paragraph of the template the report was built from."""
    loc = sources.report.loc
    if finding.code == "B001" and loc is not None:
        file, line, column = loc.file, loc.line, loc.column
    elif finding.at is not None:  # a question's entry in the reference data
        file, line, column = finding.at
    else:
        file, line, column = str(template), max(finding.paragraph, 1), 1
    return Diagnostic(
        file=file,
        line=line,
        column=column,
        code=finding.code,
        # B007 (the list of issues' data is incomplete) says what cannot be checked; it
        # stays a warning, and --final does not turn it into a refusal.
        severity="error" if final and finding.code not in NOT_BLOCKING else "warning",
        message=finding.message,
    )
