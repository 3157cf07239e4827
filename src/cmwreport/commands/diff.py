"""`cmwreport diff OLD NEW`: what changed between two drafts.

Exit codes follow diff(1): 0 no differences, 1 differences, 2 trouble. Trouble is
raised as a CmwError (one line on stderr, by cli.main); any other exception from the
reader or the comparison is a bug and surfaces as one (exit 3), never as "corrupt
.docx": reviewers run this on files mailed to them, and must be able to tell.

The command line becomes one DiffOptions here, checked before any draft is read: the
date is parsed and range-checked, the author must be writable into Word, and no output
may be one of the drafts or something that is not a regular file. `-` as --html or
--redline writes that output to standard output, instead of the text or JSON report.
"""

from __future__ import annotations

import os
import sys
import unicodedata

from cmwreport.diff.options import DiffOptions
from cmwreport.errors import CmwError, Exit
from cmwreport.i18n import _
from cmwreport.outputs import OutputError, check_target, is_stdout, write_atomic, write_output
from cmwreport.pathtext import resolved, shown

# Paths are text here, as pathlib shows them (cmwreport/pathtext.py): a diff imports no
# pathlib (issue 21); a caller may still give Paths.
TYPE_CHECKING = False
if TYPE_CHECKING:
    from pathlib import Path

#: Word keeps author names up to 255 characters.
MAX_AUTHOR = 255


class OptionError(CmwError):
    """A command-line value that cannot be used."""


def main(
    old: str,
    new: str,
    format: str,
    html: str | None,
    redline: str | None,
    ignore_diacritics: bool,
    ignore_formatting: bool,
    reshape: bool,
    color: str,
    author: str,
    date: str | None,
    context: str | None = None,
) -> int:
    from cmwreport.commands.common import checked_path

    return run(
        checked_path(old, "OLD"),
        checked_path(new, "NEW"),
        fmt=format,
        html=None if html is None else shown(checked_path(html, "--html")),
        redline=None if redline is None else shown(checked_path(redline, "--redline")),
        ignore_diacritics=ignore_diacritics,
        ignore_formatting=ignore_formatting,
        reshape=reshape,
        color=color,
        author=author,
        date=date,
        context=context,
    )


def run(
    old: Path | str,
    new: Path | str,
    *,
    fmt: str = "text",
    html: Path | str | None = None,
    redline: Path | str | None = None,
    ignore_diacritics: bool = False,
    ignore_formatting: bool = False,
    reshape: bool = False,
    color: str = "auto",
    author: str = "cmwreport",
    date: str | None = None,
    context: str | int | None = None,
) -> int:
    options = DiffOptions(
        format=fmt,
        html=html,
        redline=redline,
        ignore_diacritics=ignore_diacritics,
        ignore_formatting=ignore_formatting,
        reshape=reshape,
        color=_use_color(color),
        context=_context(context),
        author=_author(author),
        date=_date(date) if redline is not None else None,
    )
    return compare_drafts(shown(old), shown(new), options)


#: Body blocks of an old draft past which --redline takes its plain paragraphs out of
#: its tree (draft/detach.py): `full` has 2,744, `stress` 32,684.
_DETACH_ABOVE = 10_000


def compare_drafts(old: Path | str, new: Path | str, options: DiffOptions) -> int:
    from cmwreport.diff.compare import compare
    from cmwreport.diff.render import render
    from cmwreport.draft.reader import read_draft

    _check_outputs(old, new, options)
    drafts = []
    seen: dict = {}
    for path in (old, new):
        draft = read_draft(path, seen=seen)
        # Read, the main part is its tree (which the redline writes back): its bytes
        # would only add to the peak of two drafts held at once.
        draft.package.release(draft.main_part)
        if not drafts and options.redline is not None and len(draft.body) > _DETACH_ABOVE:
            # Before the new draft is read, so that two whole trees are never held: for
            # a large redline, whose peak this is. It costs a serialisation of every old
            # paragraph (a tenth more instructions), which a report alone, or a draft
            # whose trees are a few megabytes, need not pay.
            from cmwreport.draft.detach import detach_plain

            detach_plain(draft)
        drafts.append(draft)
    result = compare(drafts[0], drafts[1], options)

    # Every output is made before any is written, and the files are written together
    # (outputs.write_atomic): a redline that cannot be made leaves no HTML page behind.
    outputs: list[tuple[Path | str, bytes, str]] = []
    if options.html is not None:
        page = render("html", result, options).encode("utf-8")
        outputs.append((options.html, page, "HTML page"))
    if options.redline is not None:
        from cmwreport.redline.writer import redline_bytes

        data = redline_bytes(result, author=options.author, date=options.date, drop_old=True)
        outputs.append((options.redline, data, "redline"))
    report = None
    if not (is_stdout(options.html) or is_stdout(options.redline)):
        report = render(options.format, result, options)

    files = [(shown(path), data) for path, data, _ in outputs if not is_stdout(path)]
    for path, data, what in outputs:
        if is_stdout(path):
            write_output(path, data, (old, new), what=what)
        else:
            check_target(shown(path), (old, new), what=what)
    if files:
        write_atomic(files)
    if report is not None:
        sys.stdout.write(report)
    return int(Exit.FAILED if result.differs else Exit.OK)


def _check_outputs(old: Path | str, new: Path | str, options: DiffOptions) -> None:
    """Before any work: outputs that would destroy a draft or a device are refused."""
    if is_stdout(options.html) and is_stdout(options.redline):
        raise OutputError(_("--html - and --redline -: only one output can go to standard output"))
    if is_stdout(options.redline) and sys.stdout.isatty():
        raise OutputError(_("--redline -: will not write a .docx to a terminal; redirect it"))
    for path, what in ((options.html, "HTML page"), (options.redline, "redline")):
        if path is not None and not is_stdout(path):
            check_target(shown(path), (old, new), what=what)
    if options.html is not None and options.redline is not None and not is_stdout(options.html):
        if resolved(options.html) == resolved(options.redline):
            raise OutputError(_("{html}: given as both --html and --redline", html=options.html))


def _date(given: str | None) -> str | None:
    """The revisions' date as Word writes it, from --date or SOURCE_DATE_EPOCH."""
    from cmwreport.timestamps import parse_moment, source_date_epoch_w3c, w3c

    if given is not None:
        return w3c(parse_moment(given, "--date"))
    return source_date_epoch_w3c()


def _author(name: str) -> str:
    """The author written on every revision: printable, without bidi controls, short."""
    if not name.strip():
        raise OptionError(_("--author: empty; give the name the revisions should carry"))
    for char in name:
        category = unicodedata.category(char)
        if category in ("Cc", "Cf", "Cs", "Co", "Cn") or category in ("Zl", "Zp"):
            raise OptionError(
                _(
                    "--author {name!r}: contains the control or invisible character U+{ord:04X}; "
                    "give a plain name",
                    name=name,
                    ord=ord(char),
                )
            )
    if len(name) > MAX_AUTHOR:
        raise OptionError(
            _(
                "--author: {len} characters, over Word's {MAX_AUTHOR}",
                len=len(name),
                MAX_AUTHOR=MAX_AUTHOR,
            )
        )
    return unicodedata.normalize("NFC", name)


def _context(value: str | int | None) -> int | None:
    if value is None or isinstance(value, int):
        return value
    if not value.isdigit():
        raise OptionError(_("--context {value!r}: give a number of words (0 or more)", value=value))
    return int(value)


def _use_color(color: str) -> bool:
    if color == "always":
        return True
    if color == "never":
        return False
    return sys.stdout.isatty() and "NO_COLOR" not in os.environ
