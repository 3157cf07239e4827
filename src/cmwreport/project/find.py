"""The report project a command works on, found from wherever the user stands.

Like git, ruff or pre-commit, every command walks up from the current folder (or from
the path it was given) to the first folder holding the marker file `cmwreport.toml`,
or else `sources/report.yaml`. That folder is the project root; its sources, template
and output folder are read from the marker (paths relative to the root) or default to
`sources/`, `templates/periodic-report.docx` (the template shipped in the package when
the project has none) and `out/`.

Start-up matters on every call: this module imports nothing heavy, stats a handful of
paths, and reads no file but the marker (with the standard library's tomllib).
"""

from __future__ import annotations

import os
from pathlib import Path

from cmwreport.errors import CmwError
from cmwreport.i18n import LANGUAGES, _
from cmwreport.plain import Frozen

MARKER = "cmwreport.toml"
#: A folder holding this file is a project even without a marker (older checkouts).
FALLBACK = Path("sources") / "report.yaml"
TEMPLATE = Path("templates") / "periodic-report.docx"
#: The template an installed cmwreport uses when the project has none of its own.
PACKAGED_TEMPLATE = Path(__file__).resolve().parents[1] / "templates" / "periodic-report.docx"
#: What the marker may set, each a path relative to the project root.
KEYS = {
    "sources": "the folder of YAML sources",
    "template": "the Word template",
    "out": "the output folder",
}
DEFAULTS = {"sources": Path("sources"), "out": Path("out")}
#: The one setting that is not a path: the language of messages (i18n.py).
LANG = "lang"


class NotInProject(CmwError):
    """No argument was given and no project encloses the current folder (exit 2)."""


class BadMarker(CmwError):
    """The marker file cannot be read or says something it may not (exit 2)."""


class Project(Frozen):
    """A project's root and the paths it names, all absolute."""

    __slots__ = ("root", "marker", "sources", "template", "out")
    _compared = __slots__

    root: Path
    marker: Path | None
    sources: Path
    #: None when neither the marker nor the project has a template: use the packaged one.
    template: Path | None
    out: Path

    def __init__(
        self, root: Path, marker: Path | None, sources: Path, template: Path | None, out: Path
    ) -> None:
        self._set(root=root, marker=marker, sources=sources, template=template, out=out)


def current_folder() -> Path:
    try:
        return Path.cwd()
    except OSError:  # the folder was deleted or renamed under the shell
        raise NotInProject(
            _("the current folder no longer exists (deleted or moved?); cd to a folder that exists")
        ) from None


def find_root(start: Path) -> tuple[Path, Path | None] | None:
    """The first folder from `start` upwards that is a project, with its marker if any."""
    # Normalised first: the parents of "a/../b" are lexical, and would visit a/.
    start = Path(os.path.normpath(current_folder() / start))
    for folder in (start, *start.parents):
        marker = folder / MARKER
        if marker.is_file():
            return folder, marker
        if (folder / FALLBACK).is_file():
            return folder, None
    return None


def find(start: Path) -> Project | None:
    """The project enclosing `start` (a folder or a file), or None outside any project."""
    start = Path(os.path.normpath(current_folder() / start))
    if not start.is_dir():
        start = start.parent
    found = find_root(start)
    if found is None:
        return None
    root, marker = found
    settings = read_marker(marker) if marker is not None else {}
    template = settings.get("template")
    if template is None and (root / TEMPLATE).is_file():
        template = TEMPLATE
    return Project(
        root=root,
        marker=marker,
        sources=root / settings.get("sources", DEFAULTS["sources"]),
        template=root / template if template is not None else None,
        out=root / settings.get("out", DEFAULTS["out"]),
    )


def read_marker(marker: Path) -> dict[str, Path]:
    """The paths a marker file sets; an empty marker sets none (all defaults)."""
    import tomllib

    shown = shown_path(marker)
    try:
        with marker.open("rb") as f:
            data = tomllib.load(f)
    except OSError as exc:
        raise BadMarker(
            _("{shown}: cannot read it: {value}", shown=shown, value=exc.strerror or exc)
        ) from None
    except tomllib.TOMLDecodeError as exc:
        # tomllib says where: "... (at line 2, column 12)".
        raise BadMarker(
            _(
                '{shown}: not valid TOML: {exc}; write each setting as name = "path"',
                shown=shown,
                exc=exc,
            )
        ) from None
    except UnicodeDecodeError:
        raise BadMarker(_("{shown}: not UTF-8; save it as UTF-8", shown=shown)) from None
    settings: dict[str, Path] = {}
    for key, value in data.items():
        if key == LANG:  # read by cmwreport.i18n before any command runs; checked here
            _check_lang(shown, value)
            continue
        if key not in KEYS:
            from difflib import get_close_matches

            close = get_close_matches(key, KEYS, n=1)
            hint = f" (did you mean {close[0]!r}?)" if close else ""
            known = ", ".join((*KEYS, LANG))
            raise BadMarker(
                _(
                    "{shown}: unknown setting {key!r}{hint}; the settings are {known}",
                    shown=shown,
                    key=key,
                    hint=hint,
                    known=known,
                )
            )
        if not isinstance(value, str) or not value.strip():
            raise BadMarker(
                _(
                    '{shown}: {key} must be a path in quotes ({key} = "..."), {KEYS}',
                    shown=shown,
                    key=key,
                    KEYS=KEYS[key],
                )
            )
        settings[key] = Path(value)
    return settings


def _check_lang(shown: Path, value: object) -> None:
    if value not in LANGUAGES:
        raise BadMarker(
            _(
                "{shown}: lang must be one of ar, fr, en (the language of messages), not {value!r}",
                shown=shown,
                value=value,
            )
        )


def shown_path(path: Path, cwd: Path | None = None) -> Path:
    """`path` as the user standing in `cwd` would type it: relative, `..` included."""
    base = cwd or current_folder()
    try:
        return Path(os.path.relpath(base / path, base))
    except ValueError:  # another drive on Windows: no relative path exists
        return base / path


def not_in_project(command: str) -> NotInProject:
    return NotInProject(
        _(
            "no report project here or in any parent folder (no {MARKER} or {FALLBACK}); start "
            "one with `cmwreport init DIR --symbol CMW/C/<STATE>/<cycle>`, or give the sources "
            "folder: `cmwreport {command} PATH`",
            MARKER=MARKER,
            FALLBACK=FALLBACK,
            command=command,
        )
    )


class Paths(Frozen):
    """What validate or build works on, each path as shown to the user."""

    __slots__ = ("sources", "template", "out")
    _compared = __slots__

    sources: Path | str
    template: Path
    out: Path

    def __init__(self, sources: Path | str, template: Path, out: Path) -> None:
        self._set(sources=sources, template=template, out=out)


def sources_for(command: str, sources: Path | str | None) -> Path | str:
    """The sources to validate: as given, else the project's (no project is looked for
    when the user named them)."""
    if sources is not None:
        return sources
    project = find(current_folder())
    if project is None:
        raise not_in_project(command)
    return shown_path(project.sources)


def resolve(
    command: str,
    sources: Path | str | None,
    template: Path | None = None,
    out: Path | None = None,
    *,
    packaged_template: bool = True,
) -> Paths:
    """Fill what the user did not give from the project; what they gave always wins.

    The project is looked for from the given sources (so `build ../other/sources` uses
    that project's template and output folder), else from the current folder. Outside any
    project, a command given its sources still runs with the packaged template and `out/`
    in the current folder; one given nothing says how to start a project. A command that
    writes to the template (absorb) passes `packaged_template=False`: it gets the
    project's conventional template path, existing or not, never the installed one.
    """
    if sources is not None and template is not None and out is not None:
        return Paths(sources, template, out)
    project = find(Path(sources) if sources is not None else current_folder())
    if project is None:
        if sources is None:
            raise not_in_project(command)
        fallback = PACKAGED_TEMPLATE if packaged_template else TEMPLATE
        return Paths(
            sources,
            template if template is not None else fallback,
            out if out is not None else DEFAULTS["out"],
        )
    if template is None and project.template is not None:
        template = shown_path(project.template)
    elif template is None and not packaged_template:
        template = shown_path(project.root / TEMPLATE)
    elif template is None:
        # The packaged template is not the user's file: its full path says where it is.
        template = PACKAGED_TEMPLATE
    return Paths(
        sources if sources is not None else shown_path(project.sources),
        template,
        out if out is not None else shown_path(project.out),
    )
