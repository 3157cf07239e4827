"""`cmwreport init DIR --symbol CMW/C/XXX/N`: a new report project, ready to fill.

Writes the marker, a README for the drafting team, a skeleton of sources that
validates and builds, a copy of the packaged template and an empty out/. Refuses a
folder that is not empty; on any failure removes what it wrote, so a folder is either a
whole new project or left as it was.
"""

from __future__ import annotations

import shutil
import sys
from pathlib import Path

from cmwreport.errors import CmwError, Exit
from cmwreport.project import skeleton
from cmwreport.project.find import MARKER, PACKAGED_TEMPLATE, TEMPLATE, find_root, shown_path


class InitTrouble(CmwError):
    """The folder cannot hold a new project (exit 2)."""


def main(folder: str, symbol: str) -> int:
    from cmwreport.commands.common import path_argument

    return run(path_argument(folder, "folder"), symbol)


def run(folder: Path, symbol_text: str) -> int:
    symbol = skeleton.parse_symbol(symbol_text)
    shown = folder  # as the user typed it
    _check_folder(folder, shown)
    if not PACKAGED_TEMPLATE.is_file():
        raise InitTrouble(f"{PACKAGED_TEMPLATE}: the packaged template is missing; reinstall")
    enclosing = find_root(folder.parent)

    created: list[Path] = []
    done = False
    try:
        if not folder.exists():
            folder.mkdir(parents=True)
            created.append(folder)
        for relative, text in skeleton.files(symbol).items():
            created.append(_write(folder, Path(relative), text.encode("utf-8")))
        created.append(_write(folder, TEMPLATE, _template(folder, symbol)))
        done = True
    except OSError as exc:
        raise InitTrouble(
            f"cannot write the project in {shown}: {exc.strerror or exc}; nothing kept"
        ) from None
    finally:
        if not done:
            _remove(folder, created)

    out = sys.stdout
    out.write(f"made {shown}: a report project for {symbol.report} ({MARKER}, ")
    out.write("README.md, sources/, schemas/, templates/, out/)\n")
    if enclosing is not None:
        out.write(f"note: it is inside the project {shown_path(enclosing[0])}\n")
    where = "here" if shown == Path(".") else f"in {shown}"
    out.write(
        f"next: replace the values marked {skeleton.TO_FILL} in {shown / 'sources'}, "
        f"then run `cmwreport validate` and `cmwreport build` {where}\n"
    )
    return Exit.OK


def _template(folder: Path, symbol: skeleton.Symbol) -> bytes:
    """The packaged template with a reply heading for every question the list of issues'
    data lists (the project's fill-in file just written, or the data cmwreport ships)."""
    from cmwreport.build.reply_skeleton import write
    from cmwreport.replies.questions import list_of_issues, shipped
    from cmwreport.sources.load import read_file

    relative = f"sources/reference/{skeleton.file_stem(symbol.list_of_issues)}.yaml"
    if (folder / relative).is_file():
        document = read_file(folder / relative, relative, "reference", []).value
    else:
        document, relative = shipped(symbol.list_of_issues)
    if document is None or not document.paragraphs:
        return PACKAGED_TEMPLATE.read_bytes()
    outcome = write(
        PACKAGED_TEMPLATE, list_of_issues(document, relative), symbol.previous_observations
    )
    return outcome.data or PACKAGED_TEMPLATE.read_bytes()


def _check_folder(folder: Path, shown: Path) -> None:
    if folder.is_dir():
        if any(folder.iterdir()):
            raise InitTrouble(
                f"{shown} is not empty; init makes a project in a new or empty folder"
            )
    elif folder.exists():
        raise InitTrouble(f"{shown} is a file; give a new or empty folder")


def _write(root: Path, relative: Path, data: bytes) -> Path:
    """Write one file, making its folders; the first new path made, for clean-up."""
    path = root / relative
    first_new = path
    for parent in reversed(relative.parents[:-1]):
        if not (root / parent).exists():
            first_new = root / parent
            break
    path.parent.mkdir(parents=True, exist_ok=True)
    # "x": never overwrite, even a file that appeared since the folder was checked.
    with path.open("xb") as f:
        f.write(data)
    return first_new


def _remove(folder: Path, created: list[Path]) -> None:
    for path in reversed(created):
        if path.is_dir() and not path.is_symlink():
            shutil.rmtree(path, ignore_errors=True)
        else:
            path.unlink(missing_ok=True)
