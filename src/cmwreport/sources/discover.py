"""Which files of a source tree are sources, and what is said about every other entry.

Every regular file is either read or named in a diagnostic (a meeting saved as
`oujda.YAML` must not vanish from the report without a word). Only regular files are
ever read: named pipes, devices and sockets are named and skipped, never opened.
Hidden entries (a name starting with '.': .git, editor swap files) are skipped
silently. Links are followed only when they stay inside the tree; links to folders
are not followed.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path

from cmwreport.diagnostics import Diagnostic
from cmwreport.i18n import N_, _
from cmwreport.plain import Plain

SUFFIXES = (".yaml", ".yml")
#: Files at the top of the tree, and folders whose YAML files are one kind each.
TOP_FILES = {"report": "report", "consultations": "consultations"}
FOLDERS = {"meetings": "meeting", "axes": "axis", "reference": "reference"}
_WHERE = N_(
    "sources are report.yaml, consultations.yaml, meetings/*.yaml, axes/*.yaml and reference/*.yaml"
)
_NOT_REGULAR = {
    stat.S_IFIFO: N_("a named pipe"),
    stat.S_IFCHR: N_("a character device"),
    stat.S_IFBLK: N_("a block device"),
    stat.S_IFSOCK: N_("a socket"),
    stat.S_IFDIR: N_("a folder"),
}


class Found(Plain):
    _compared = ("path", "shown", "kind")

    def __init__(self, path: Path, shown: str, kind: str) -> None:
        self.path = path
        self.shown = shown
        self.kind = kind


class Discovery(Plain):
    _compared = ("files", "diagnostics", "present", "unread")

    def __init__(self) -> None:
        self.files: list[Found] = []
        self.diagnostics: list[Diagnostic] = []
        #: kinds of file that exist in the tree but could not be taken as sources (a
        #: folder named report.yaml ...): not to be reported missing as well.
        self.present: set[str] = set()
        #: kinds of which some file is there but was not read: what it holds is unknown,
        #: so references into it are not called missing.
        self.unread: set[str] = set()


def shown_path(path: Path | str) -> str:
    """A path as diagnostics print it: bytes that are not UTF-8 shown as \\xNN escapes."""
    text = os.fspath(path)
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return text.encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")
    return text


def kind_by_name(relative: Path) -> str | None:
    """The kind of source a path inside the tree names, if it is one."""
    parts = relative.parts
    if relative.suffix not in SUFFIXES:
        return None
    if len(parts) == 1:
        return TOP_FILES.get(relative.stem)
    if len(parts) == 2:
        return FOLDERS.get(parts[0])
    return None


def discover(root: Path) -> Discovery:
    found = Discovery()
    inside = os.path.realpath(root)
    pending = [Path()]
    while pending:
        folder = pending.pop()
        try:
            entries = sorted(os.scandir(root / folder), key=lambda e: e.name)
        except OSError as exc:
            if folder == Path():
                raise  # the tree itself cannot be read: trouble, not a finding
            _say(
                found,
                root / folder,
                "C001",
                "error",
                _("cannot list: {value}", value=exc.strerror or exc),
            )
            found.present.add(FOLDERS.get(folder.parts[0], ""))
            found.unread.add(FOLDERS.get(folder.parts[0], ""))
            continue
        for entry in entries:
            relative = folder / entry.name
            if entry.name.startswith("."):
                continue
            read = len(found.files)
            _entry(found, root, inside, relative, pending)
            kind = kind_by_name(relative.with_suffix(relative.suffix.lower()))
            if kind is not None and len(found.files) == read:
                found.unread.add(kind)
    _duplicates(found)
    return found


def _entry(found: Discovery, root: Path, inside: str, relative: Path, pending: list) -> None:
    path = root / relative
    kind = kind_by_name(relative)
    if kind is not None:
        # Whatever becomes of it, it is there: not to be reported missing as well.
        found.present.add(kind)
    if shown_path(relative) != os.fspath(relative):
        _say(found, path, "C001", "error", _("the name is not valid UTF-8: rename it (not read)"))
        return
    try:
        link = os.lstat(path)
        info = os.stat(path)
    except OSError as exc:
        _say(
            found,
            path,
            "C001",
            "error",
            _("cannot read: {value} (not read)", value=exc.strerror or exc),
        )
        return
    is_link = stat.S_ISLNK(link.st_mode)
    if is_link and not _within(os.path.realpath(path), inside):
        _say(
            found,
            path,
            "C006",
            "error",
            _(
                "this link leads outside the source tree and was not read: copy the file into the "
                "tree instead"
            ),
        )
        return
    if stat.S_ISDIR(info.st_mode):
        _folder(found, path, relative, kind, is_link, pending)
        return
    if not stat.S_ISREG(info.st_mode):
        named = _NOT_REGULAR.get(stat.S_IFMT(info.st_mode))
        what = _(named) if named else _("not a regular file")
        severity = "error" if kind else "warning"
        _say(found, path, "C008", severity, _("{what}: skipped, never opened", what=what))
        return
    if kind is not None:
        found.files.append(Found(path, shown_path(path), kind))
        return
    top = relative.parts[0]
    if top in FOLDERS and len(relative.parts) == 1:
        _say(found, path, "R203", "error", _("{top} is a file: {top}/ must be a folder", top=top))
        found.present.add(FOLDERS[top])
        return
    lowered = relative.with_suffix(relative.suffix.lower())
    if kind_by_name(lowered) is not None:
        found.present.add(kind_by_name(lowered))
        message = (
            f"not read: a source file's name ends in .yaml, in lower case: rename it {lowered.name}"
        )
        _say(found, path, "S106", "error", message)
    elif top in FOLDERS:
        # meetings/ and axes/ hold sources only: oujda.txt there is a meeting lost.
        message = (
            f"not read: {top}/ holds only .yaml source files, no subfolders; rename or move it"
        )
        _say(found, path, "S106", "error", message)
    else:
        _say(
            found,
            path,
            "S105",
            "warning",
            _("not a source file, not read: {where}", where=_(_WHERE)),
        )


def _folder(found, path: Path, relative: Path, kind, is_link: bool, pending: list) -> None:
    if kind is not None:
        _say(
            found,
            path,
            "R203",
            "error",
            _("{name} is a folder: it must be a file", name=relative.name),
        )
    elif is_link:
        _say(found, path, "S105", "warning", _("a link to a folder: not followed, not read"))
    else:
        pending.append(relative)


def _duplicates(found: Discovery) -> None:
    # report.yaml beside report.yml: read the first (.yaml), name the other.
    first: dict[str, Found] = {}
    kept = []
    for item in sorted(found.files, key=lambda f: (f.path.with_suffix(""), f.path.suffix)):
        if item.kind in TOP_FILES.values() and item.kind in first:
            _say(
                found,
                item.path,
                "R205",
                "error",
                _(
                    "a second {kind} file beside {name}: keep one and delete the other (this one "
                    "was not read)",
                    kind=item.kind,
                    name=first[item.kind].path.name,
                ),
            )
            continue
        first.setdefault(item.kind, item)
        kept.append(item)
    found.files = sorted(kept, key=lambda f: f.shown)


def _within(path: str, inside: str) -> bool:
    return path == inside or path.startswith(inside.rstrip(os.sep) + os.sep)


def _say(found: Discovery, path: Path, code: str, severity: str, message: str) -> None:
    found.diagnostics.append(Diagnostic(shown_path(path), 1, 1, code, severity, message))
