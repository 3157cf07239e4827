"""Loading a source tree: discovery, then each file read (YAML -> located nodes ->
model objects). Checking is not done here: a command calls `load_sources`, then
`cmwreport.checks.run` on what was loaded.

Only files inside the tree are read (a link that leads out of it is reported, not
followed), and nothing is ever written.
"""

from __future__ import annotations

import os
import re
from collections.abc import Callable, Iterator
from pathlib import Path

from cmwreport.diagnostics import Diagnostic
from cmwreport.errors import CmwError
from cmwreport.i18n import _
from cmwreport.plain import Plain
from cmwreport.sources import model as m
from cmwreport.sources.convert import Converter
from cmwreport.sources.discover import FOLDERS, Discovery, discover, kind_by_name, shown_path
from cmwreport.sources.schema import FILE_KINDS
from cmwreport.sources.yamlsafe import FileReader, Node

#: typing is imported only by type checkers: every command would pay for it.
TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any

#: `id: ...` at the top of a file, read from the text of a file YAML cannot parse, so
#: that references to it are not reported as missing too.
#: Compiled on first use (`re` keeps it): most trees have no such file.
_TOP_ID = r"(?m)^id:\s*[\"']?([a-z0-9-]+)[\"']?\s*(?:#.*)?$"


class SourceTreeError(CmwError):
    """The path given is not a source tree at all (usage or I/O trouble: exit 2)."""


class LoadedFile(Plain):
    _compared = (
        "shown", "kind", "text", "node", "value", "strings", "objects", "suppressions",
        "recovered_id", "path", "diagnostics", "parsed",
    )  # fmt: skip

    def __init__(
        self,
        shown: str,
        kind: str,
        text: str | None = None,
        node: Node | None = None,
        value: Any = None,
        suppressions: dict[int, set[str]] | None = None,
    ) -> None:
        self.shown = shown
        self.kind = kind
        self.text = text
        #: The file's values with their positions; None when it could not be parsed.
        self.node = node
        #: The model object (Report, Meeting ...); None when it could not be parsed.
        self.value = value
        #: Every text value of the file (keys left out), each once, in file order.
        self.strings: list[Node] = []
        #: Every model object of the file (the file's own, then those it holds), in file
        #: order.
        self.objects: list[Any] = []
        #: line -> codes named by `# cmwreport: ignore ...` on that line
        self.suppressions = {} if suppressions is None else suppressions
        #: The id at the top of a file that could not be parsed, when its text shows it.
        self.recovered_id: str | None = None
        #: Where it was read from, and what reading it found (a share of
        #: `Loaded.diagnostics`).
        self.path: Path | None = None
        self.diagnostics: list[Diagnostic] = []
        #: Whether YAML could read the file (kept when `release` drops the node).
        self.parsed = node is not None
        #: Whether every text value is known to hold only characters Python prints, none
        #: from U+F000 (yamlsafe.FileReader.plain).
        self.plain = False
        self._joined: str | None = None

    def joined(self) -> str:
        """Every text value, joined by a newline (a character none of the rules looks
        for): each rule's first scan of a file, made once for them all."""
        if self._joined is None:
            self._joined = "\n".join([node.text for node in self.strings])
        return self._joined

    def release(self) -> None:
        """Drop the text and the node tree once the rules that read them have run: a
        large tree's nodes would otherwise all stand in memory together, and the
        allocator keeps that high-water mark for the rest of a build."""
        self.text, self.node, self.strings, self._joined = None, None, [], None


class Loaded(Plain):
    _compared = ("root", "files", "diagnostics", "single", "present", "unread", "context")

    def __init__(
        self,
        root: Path,
        files: list[LoadedFile],
        diagnostics: list[Diagnostic],
        single: bool = False,
        present: set[str] | None = None,
        unread: set[str] | None = None,
        context: list[LoadedFile] | None = None,
    ) -> None:
        self.root = root
        self.files = files
        #: What loading found: files not read, syntax, types and formats.
        self.diagnostics = diagnostics
        #: One file given on its own: checked, never assembled into sources.
        self.single = single
        #: Kinds present in the tree but not readable as sources (a folder named
        #: report.yaml).
        self.present = set() if present is None else present
        #: Kinds of which some file was there but not read (see discover.Discovery.unread).
        self.unread = set() if unread is None else unread
        #: For one file given on its own: the tree's report.yaml and reference/ files, read
        #: quietly so that what the file cites can be judged.
        self.context = [] if context is None else context

    def of_kind(self, kind: str) -> list[LoadedFile]:
        return [f for f in self.files if f.kind == kind]

    def values(self, kind: str) -> list[Any]:
        return [f.value for f in self.files if f.kind == kind and f.value is not None]

    def cited_by(self) -> list[Any]:
        """The report and reference documents that judge citations: the tree's own, or
        for a single file, those beside it."""
        files = self.context if self.single else self.files
        return [f.value for f in files if f.kind in ("report", "reference") and f.value]

    def objects(self, *kinds: str) -> Iterator[Any]:
        """Every model object of the files of these kinds, in file order."""
        for file in self.files:
            if file.kind in kinds:
                yield from file.objects

    @property
    def sources(self) -> m.Sources | None:
        """The model of the whole tree, if every file loaded without error (the checks
        may still find errors: `cmwreport.checks.run` says whether to build)."""
        if self.single or any(d.is_error for d in self.diagnostics):
            return None
        return assemble(self)


def load_sources(root: Path | str, each: Callable[[LoadedFile], None] | None = None) -> Loaded:
    """Read every file under `root` (a tree, or a single source file); `each` is called
    with every file of the tree as soon as it is read (the context of a single file
    excepted)."""
    if os.fspath(root) == "":
        raise SourceTreeError(_("empty path: give the folder of sources, e.g. sources"))
    root = Path(root)
    shown = shown_path(root)
    try:
        if root.is_file():
            return _load_single(root, each)
        if not root.exists():
            raise SourceTreeError(_("{shown}: no such file or folder", shown=shown))
        if not root.is_dir():
            raise SourceTreeError(_("{shown}: not a folder of sources", shown=shown))
    except OSError as exc:  # a link loop, a name too long ...
        raise SourceTreeError(
            _("{shown}: {value}", shown=shown, value=exc.strerror or exc)
        ) from None

    try:
        found = discover(root)
    except OSError as exc:
        raise SourceTreeError(
            _("{shown}: cannot list the folder: {value}", shown=shown, value=exc.strerror or exc)
        ) from None
    diagnostics = list(found.diagnostics)
    files = []
    for found_file in found.files:
        files.append(read_file(found_file.path, found_file.shown, found_file.kind, diagnostics))
        if each is not None:
            each(files[-1])
    diagnostics.extend(_missing(root, found))
    return Loaded(root, files, diagnostics, present=found.present, unread=found.unread)


def _load_single(path: Path, each: Callable[[LoadedFile], None] | None) -> Loaded:
    kind = kind_by_name(Path(path.name)) or kind_by_name(Path(path.parent.name) / path.name)
    if kind is None:
        raise SourceTreeError(
            _(
                "{shown_path}: cannot tell which kind of source this is; name it report.yaml or "
                "consultations.yaml, or keep it in meetings/, axes/ or reference/",
                shown_path=shown_path(path),
            )
        )
    diagnostics: list[Diagnostic] = []
    loaded = read_file(path, shown_path(path), kind, diagnostics)
    if each is not None:
        each(loaded)
    root = path.parent.parent if path.parent.name in FOLDERS else path.parent
    context = []
    for other in [root / "report.yaml", *sorted(root.glob("reference/*.yaml"))]:
        if other.is_file() and other.resolve() != path.resolve():
            other_kind = "report" if other.name == "report.yaml" else "reference"
            context.append(read_file(other, shown_path(other), other_kind, []))
    if kind in ("report", "reference"):
        context.append(loaded)
    return Loaded(root, [loaded], diagnostics, single=True, context=context)


def read_file(
    path: Path, shown: str, kind: str, diagnostics: list[Diagnostic], data: bytes | None = None
) -> LoadedFile:
    """`data`: the file's new bytes, read instead of the file (absorb checks the files it
    would write before writing them)."""
    reader = FileReader(path, shown)
    node = reader.read(data)
    mine = list(reader.diagnostics)
    loaded = LoadedFile(shown, kind, reader.text, node, suppressions=reader.suppressions())
    loaded.path, loaded.diagnostics = path, mine
    if node is None:
        if reader.text is not None:
            found = re.search(_TOP_ID, reader.text)
            loaded.recovered_id = found[1] if found else None
    else:
        loaded.strings = reader.strings
        loaded.plain = reader.plain
        converter = Converter(shown, mine)
        loaded.value = converter.convert(node, FILE_KINDS[kind])
        loaded.objects = [made for made in converter.objects if made is not None]
    diagnostics.extend(mine)
    return loaded


def with_files(loaded: Loaded, data: dict[Path, bytes]) -> Loaded:
    """The tree as it would read with some of its files holding `data` (path -> new
    bytes): those files read from memory, the others shared with `loaded` as they were
    read (nothing on disk is read again or written)."""
    data = {path.resolve(): new for path, new in data.items()}
    files, diagnostics = [], list(loaded.diagnostics)
    for file in loaded.files:
        new = data.get(file.path.resolve()) if file.path is not None else None
        if new is None:
            files.append(file)
            continue
        dropped = {id(d) for d in file.diagnostics}
        diagnostics = [d for d in diagnostics if id(d) not in dropped]
        files.append(read_file(file.path, file.shown, file.kind, diagnostics, new))
    return Loaded(loaded.root, files, diagnostics, present=loaded.present, unread=loaded.unread)


def _missing(root: Path, found: Discovery) -> list[Diagnostic]:
    out = []
    kinds = {f.kind for f in found.files} | found.present
    for name, kind in (("report.yaml", "report"), ("consultations.yaml", "consultations")):
        if kind not in kinds:
            out.append(
                Diagnostic(
                    shown_path(root / name),
                    1,
                    1,
                    "R203",
                    "error",
                    _(
                        "missing {name}: every source tree has one (see docs/source-format.md)",
                        name=name,
                    ),
                )
            )
    for folder, kind in (("meetings", "meeting"), ("axes", "axis")):
        if kind not in kinds:
            out.append(
                Diagnostic(
                    shown_path(root / folder),
                    1,
                    1,
                    "R203",
                    "error",
                    _(
                        "no {folder}/*.yaml files: the annex needs at least one {kind}",
                        folder=folder,
                        kind=kind,
                    ),
                )
            )
    return out


def assemble(loaded: Loaded) -> m.Sources:
    """The model of a tree that loaded without error: the consultations with their axes
    in the order `outcomes.axes` gives and their meetings by date, then id."""
    (report,) = loaded.values("report")
    (consultations,) = loaded.values("consultations")
    axes = {a.id: a for a in loaded.values("axis")}
    consultations.axes = [axes[i] for i in consultations.axis_order if i in axes]
    consultations.meetings = sorted(loaded.values("meeting"), key=lambda x: (x.date, x.id))
    references = {d.symbol: d for d in loaded.values("reference") if isinstance(d.symbol, str)}
    return m.Sources(
        root=loaded.root, report=report, consultations=consultations, references=references
    )
