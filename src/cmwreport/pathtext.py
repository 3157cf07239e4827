"""Paths as text, exactly as pathlib shows and resolves them, without importing pathlib.

pathlib imports fnmatch and urllib.parse (with ipaddress): 18 M instructions, 8% of a
diff of two small drafts (issue 21). `diff` and the outputs it writes take paths as
text here: `shown(p)` is `str(Path(p))` (repeated slashes and `.` segments gone, no
trailing slash, "." for nothing), and `name`, `parent`, `child`, `resolved` are those
of the Path, as text (tests/test_pathtext.py compares each with pathlib). Every other
command may still hand these functions a Path.
"""

from __future__ import annotations

import os

TYPE_CHECKING = False
if TYPE_CHECKING:
    from os import PathLike


def _parts(path: str | PathLike) -> tuple[str, list[str]]:
    """The root ("", "/" or "//": POSIX keeps exactly two leading slashes) and segments."""
    text = os.fspath(path)
    rest = text.lstrip("/")
    slashes = len(text) - len(rest)
    root = "" if not slashes else "//" if slashes == 2 else "/"
    return root, [part for part in rest.split("/") if part and part != "."]


def shown(path: str | PathLike) -> str:
    """`str(Path(path))`."""
    root, parts = _parts(path)
    return root + "/".join(parts) or "."


def name(path: str | PathLike) -> str:
    """`Path(path).name`."""
    parts = _parts(path)[1]
    return parts[-1] if parts else ""


def parent(path: str | PathLike) -> str:
    """`str(Path(path).parent)`."""
    root, parts = _parts(path)
    return root + "/".join(parts[:-1]) or "."


def child(folder: str | PathLike, entry: str) -> str:
    """`str(Path(folder) / entry)` for an entry name without a slash."""
    text = shown(folder)
    if text == ".":
        return entry
    return text + entry if text.endswith("/") else f"{text}/{entry}"


def resolved(path: str | PathLike) -> str:
    """`str(Path(path).resolve())`: absolute, links followed; a link loop raises
    RuntimeError as pathlib does."""
    real = os.path.realpath(path)
    try:
        os.stat(real)
    except OSError as exc:
        import errno  # here: an output not written yet gets here, errno is 0.3 M (issue 21)

        if exc.errno == errno.ELOOP:
            raise RuntimeError(f"Symlink loop from {exc.filename!r}") from None
    return real
