"""The one place absorb touches the sources loader, the build and the diff reader.

Everything absorb needs from them passes through the few functions below, so that
when they change only this module follows (the rest of absorb sees `Sources`,
`Draft`, `Block` and `Pair`).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from cmwreport.errors import CmwError
from cmwreport.i18n import ngettext


class SourcesInvalid(CmwError):
    """The sources do not validate; absorb works only from a tree that builds."""

    def __init__(self, message: str, diagnostics: list) -> None:
        super().__init__(message)
        self.diagnostics = diagnostics


@dataclass
class Built:
    """The report and the annex as the build makes them, in memory: the report read by
    the draft reader as it is; the annex as its parts' bytes, never zipped, parsed only
    for a draft that may be of it (`annex_blocks`: at most so many blocks there)."""

    report: Any
    annex: Any
    annex_blocks: int


@dataclass
class Loaded:
    """The checked sources model, and the tree as read (the check of absorb's edits
    reads only the files it changes, the others as read here)."""

    sources: Any
    read: Any


def load(root: Path) -> Loaded:
    """The checked sources, or SourcesInvalid with the diagnostics."""
    from cmwreport import checks

    read, result = checks.load_kept(root)
    if result.sources is None:
        errors = [d for d in result.diagnostics if d.is_error]
        first = f"{errors[0].file}:{errors[0].line}:{errors[0].column}: " if errors else ""
        # English keeps "error(s)"; Arabic and French count.
        said = ngettext(
            "the sources have {n} error(s); fix them (cmwreport validate) before absorbing",
            "the sources have {n} error(s); fix them (cmwreport validate) before absorbing",
            len(errors),
        )
        raise SourcesInvalid(first + said, errors)
    return Loaded(result.sources, read)


def errors_with(loaded: Loaded, files: dict[Path, bytes]) -> list:
    """Error diagnostics of the sources with `files` (path -> new bytes) in place, read
    from memory: nothing is copied or written to check them."""
    from cmwreport import checks
    from cmwreport.sources.load import with_files

    after = with_files(loaded.read, files)
    kept = {id(f) for f in loaded.read.files}
    # The other files' own rules found no error when they were read (else absorb had
    # stopped there), and only errors are asked for: those rules run on the new files.
    changed = [f for f in after.files if id(f) not in kept]
    return [d for d in checks.found(after, changed) if d.is_error]


def open_template(path: Path):
    """The template, read once: the build merges into a copy of it, the draft reader
    reads it, absorb's edits are made on that reading."""
    from cmwreport.build.merge import TemplateProblem
    from cmwreport.docx.package import Package, PackageError

    try:
        return Package.read(path)
    except PackageError as exc:
        raise TemplateProblem([f"{path}: {exc}"]) from None  # what the build says


def build(sources, template, label: str) -> Built:
    """`template`: the package `open_template` read (left as it was)."""
    from cmwreport.build.merge import merge

    merged = merge(sources, template.copy(), label, in_memory=True)
    return Built(merged.document.package.in_memory(), merged.annex, merged.annex_blocks)


def read(source, name: str = "draft", seen: dict | None = None):
    """A draft (accepted view) read by the draft reader from a file, bytes or a package
    in memory: `.body` blocks, `.tracked`, `.parts`. `seen`: one dict for a reviewed
    draft and the build it is paired with, as diff reads its two drafts (a paragraph
    written alike is read once, and its bytes kept for the comparison of looks)."""
    from cmwreport.draft.reader import read_draft

    return _unbound(read_draft(source, None if isinstance(source, Path) else name, seen))


def read_rejected(path: Path, seen: dict | None = None) -> tuple[Any, int]:
    """The draft with its pending tracked changes rejected (--only-accepted), and how
    many there were."""
    from cmwreport.docx.package import Package
    from cmwreport.docx.revisions import reject_all
    from cmwreport.draft.reader import read_draft

    package = Package.read(path)
    left_out = reject_all(package)
    return _unbound(read_draft(package, str(path), seen)), left_out


def _unbound(draft):
    """The draft's texts without the marks the build puts around a bracketed symbol
    (docx/brackets.py): the sources and the template hold "(CMW/C/MAR/QPR/2)"."""
    from cmwreport.docx.brackets import unbind_text

    blocks = [*draft.body, *draft.footnotes, *draft.endnotes, *draft.comments]
    for part in (*draft.headers.values(), *draft.footers.values()):
        blocks += part
    for block in blocks:
        block.text = unbind_text(block.text)
        if block.cells is not None:
            block.cells = tuple(unbind_text(c) for c in block.cells)
    return draft


def body_pairs(old, new) -> list:
    """Body blocks of two drafts paired (kind, old, new), in the new draft's order."""
    from cmwreport.diff.align import align

    return align(old.body, new.body)


def place_pairs(old, new) -> dict[str, list]:
    """Header, footer and footnote pairs, keyed like diff's ("header:default" ...)."""
    from cmwreport.diff.align import align

    out = {}
    for kind, olds, news in (
        ("header", old.headers, new.headers),
        ("footer", old.footers, new.footers),
    ):
        for key in list(news) + [k for k in olds if k not in news]:
            out[f"{kind}:{key}"] = align(olds.get(key, []), news.get(key, []))
    out["footnotes"] = align(old.footnotes, new.footnotes)
    return out


def tracked_count(draft) -> int:
    t = draft.tracked
    return t.insertions + t.deletions + t.moves + t.formatting


def axis_prefix(index: int) -> str:
    """What the build writes before an axis title in its heading ("ألف- ")."""
    from cmwreport.build.annex import axis_prefix as prefix

    return prefix(index)
