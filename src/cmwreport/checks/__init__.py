"""Rules run on loaded sources: `load(path)` loads and checks them, what `validate`,
`build` and `absorb` do.

Each module holds one family of rules: `text` (character hygiene on decoded values),
`numbers` (numbers that right-to-left display would reverse), `dates` (weekdays,
date order), `references` (ids, cross-file references, cited documents, symbols),
`usage` (what a UN editor marks: citations without their paragraph, brackets that do
not balance, scripts glued together, month names without their hamza),
`placeholders` (values still to fill, the lines `init` marks `# TO FILL`), `questions`
(references to the list of issues, and its own data).
A `# cmwreport: ignore CODE` comment on the line a warning points at silences it.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from pathlib import Path

from cmwreport.checks import dates, numbers, placeholders, questions, references, text, usage
from cmwreport.collector import paused
from cmwreport.diagnostics import Diagnostic
from cmwreport.errors import CmwError
from cmwreport.i18n import _
from cmwreport.plain import Plain
from cmwreport.sources.load import Loaded, LoadedFile
from cmwreport.sources.model import Sources


class Checked(Plain):
    _compared = ("sources", "diagnostics", "files")

    def __init__(self, sources: Sources | None, diagnostics: list[Diagnostic], files: int):
        #: The model, when nothing in loading or checking is an error; else None.
        self.sources = sources
        self.diagnostics = diagnostics
        self.files = files

    @property
    def errors(self) -> int:
        return sum(1 for d in self.diagnostics if d.is_error)


class SourcesUnreadable(CmwError):
    """The source tree cannot be read (permissions, an I/O error): exit 2, one line."""


def load(path: Path | str) -> Checked:
    """The sources under `path` loaded, then checked; trouble reading the tree is raised
    as SourcesUnreadable (what is wrong in a file is a diagnostic)."""
    return load_kept(path)[1]


def load_kept(path: Path | str) -> tuple[Loaded, Checked]:
    """`load`, and what was loaded (absorb checks its edits against it: `found`)."""
    from cmwreport.sources.load import load_sources

    found: list[Diagnostic] = []

    def check(file: LoadedFile) -> None:
        found.extend(_file_rules(file))
        file.release()  # the rules after this one read only the model objects

    # The collector would walk the load's objects again and again as they grow (a
    # quarter of validate's CPU on the bench stress tree).
    with paused():
        try:
            loaded = load_sources(path, each=check)
            return loaded, run(loaded, found)
        except OSError as exc:
            raise SourcesUnreadable(
                _("{value}: {value2}", value=exc.filename or path, value2=exc.strerror or exc)
            ) from None


def run(loaded: Loaded, checked: list[Diagnostic] | None = None) -> Checked:
    """`checked`: what the rules of each file found, when they ran as the files were
    read (`load`); else they run here."""
    found = list(loaded.diagnostics)
    if checked is None:
        for file in loaded.files:
            found.extend(_file_rules(file))
    else:
        found.extend(checked)
    found.extend(_rules(loaded))
    diagnostics = sorted(set(_unsuppressed(loaded, found)))
    sources = None
    if not any(d.is_error for d in diagnostics):
        sources = loaded.sources
    return Checked(sources, diagnostics, len(loaded.files))


def found(loaded: Loaded, files: list[LoadedFile] | None = None) -> list[Diagnostic]:
    """What loading found, the own rules of `files` (default: all; files whose nodes
    were released cannot be given) and the rules across files, sorted, silenced warnings
    left out; no model assembled (absorb checks the files it would write with this)."""
    out = list(loaded.diagnostics)
    for file in loaded.files if files is None else files:
        out.extend(_file_rules(file))
    out.extend(_rules(loaded))
    return sorted(set(_unsuppressed(loaded, out)))


def _file_rules(file: LoadedFile) -> Iterator[Diagnostic]:
    """The rules that read a file's text and values (the node tree's strings)."""
    yield from text.check_file(file)
    yield from numbers.check_file(file)
    yield from usage.check_file(file)
    yield from dates.written_weekdays(file)
    yield from placeholders.check_file(file)


def _rules(loaded: Loaded) -> Iterator[Diagnostic]:
    """The rules across files: they read the model objects."""
    yield from references.duplicate_ids(loaded)
    yield from references.axis_order(loaded)
    yield from references.cited_documents(loaded)
    yield from references.articles(loaded)
    yield from questions.run(loaded)
    for report in loaded.values("report"):
        yield from references.symbols(report)
        yield from dates.report_dates(report)
    for meeting in loaded.values("meeting"):
        yield from dates.meeting_weekday(meeting)


def _unsuppressed(loaded: Loaded, found: Iterable[Diagnostic]) -> Iterator[Diagnostic]:
    """Warnings silenced by a `# cmwreport: ignore CODE` comment on their line are left
    out; errors never are (the build could not write what they point at)."""
    ignored = {f.shown: f.suppressions for f in loaded.files if f.suppressions}
    for diagnostic in found:
        codes = ignored.get(diagnostic.file, {}).get(diagnostic.line, ())
        if diagnostic.is_error or diagnostic.code not in codes:
            yield diagnostic
