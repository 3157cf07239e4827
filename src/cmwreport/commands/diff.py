"""`cmwreport diff OLD NEW`: what changed between two drafts.

Exit codes follow diff(1): 0 no differences, 1 differences, 2 trouble. Trouble is one
line on stderr, never a traceback: reviewers run this on files mailed to them.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

from cmwreport.commands.common import trouble
from cmwreport.diagnostics import Exit


def run(
    old: Path,
    new: Path,
    *,
    fmt: str = "text",
    html: Path | None = None,
    redline: Path | None = None,
    ignore_diacritics: bool = False,
    ignore_formatting: bool = False,
    reshape: bool = False,
    color: str = "auto",
    author: str = "cmwreport",
    date: str | None = None,
) -> int:
    from cmwreport.diff.model import DraftError
    from cmwreport.diff.options import DiffOptions

    options = DiffOptions(
        format=fmt,
        html=html,
        redline=redline,
        ignore_diacritics=ignore_diacritics,
        ignore_formatting=ignore_formatting,
        reshape=reshape,
        color=_use_color(color),
        author=author,
    )
    try:
        return _run(Path(old), Path(new), options, date)
    except DraftError as exc:
        return _trouble(str(exc))


def _trouble(message: str) -> int:
    trouble("diff", message)
    return int(Exit.TROUBLE)


def _run(old: Path, new: Path, options, date: str | None) -> int:
    from cmwreport.diff.compare import compare
    from cmwreport.diff.read import read_draft

    revision_date = None
    if options.redline is not None:
        from cmwreport.diff.redline import revision_date as parse_date

        try:
            revision_date = parse_date(date, os.environ.get("SOURCE_DATE_EPOCH"))
        except ValueError as exc:
            return _trouble(str(exc))
    result = compare(read_draft(old), read_draft(new), options)

    from cmwreport.diff.renderers import render

    if options.html is not None:
        from cmwreport.docx.package import write_atomic

        try:
            write_atomic([(Path(options.html), render("html", result, options).encode("utf-8"))])
        except OSError as exc:
            return _trouble(f"{options.html}: cannot write: {exc.strerror or exc}")
    if options.redline is not None:
        from cmwreport.diff.redline import write_redline

        try:
            write_redline(result, Path(options.redline), author=options.author, date=revision_date)
        except OSError as exc:
            return _trouble(f"{options.redline}: cannot write: {exc.strerror or exc}")

    sys.stdout.write(render(options.format, result, options))
    return int(Exit.FAILED if result.differs else Exit.OK)


def _use_color(color: str) -> bool:
    if color == "always":
        return True
    if color == "never":
        return False
    return sys.stdout.isatty() and "NO_COLOR" not in os.environ
