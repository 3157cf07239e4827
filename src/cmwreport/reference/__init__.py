"""Reference data the checks and the build need, kept as YAML data files beside this module.

- `convention.yaml`: the Convention's 93 articles and nine Parts.
- `documents/<symbol with / as ->.yaml`: the paragraphs of a UN document that sources
  cite by number (CMW/C/MAR/CO/1, CMW/C/MAR/QPR/2), in the format of a project's own
  `sources/reference/*.yaml` (declared in `cmwreport.sources.schema.REFERENCE`).
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

from cmwreport.plain import Frozen

#: typing is imported only by type checkers: every command would pay for it.
TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any

#: The data files beside this module (read as files, not through importlib.resources,
#: whose imports (tempfile, shutil, zipfile, lzma ...) cost validate 10 ms a call).
HERE = Path(__file__).parent


class Convention(Frozen):
    __slots__ = ("article_part", "parts")
    _compared = __slots__

    #: article number -> Part (Roman numeral)
    article_part: dict[int, str]
    #: Part -> (English title, Arabic title)
    parts: dict[str, tuple[str, str]]

    def __init__(self, article_part: dict[int, str], parts: dict[str, tuple[str, str]]) -> None:
        self._set(article_part=article_part, parts=parts)


def document_file_name(symbol: str) -> str:
    """CMW/C/MAR/CO/2 -> CMW-C-MAR-CO-2.yaml, the name of its reference file."""
    return symbol.replace("/", "-") + ".yaml"


def shipped_document(symbol: str) -> Path | None:
    """The packaged reference file of a document, if cmwreport ships one."""
    path = HERE / "documents" / document_file_name(symbol)
    return path if path.is_file() else None


@cache
def convention() -> Convention:
    from cmwreport.sources import plainyaml

    text = (HERE / "convention.yaml").read_text(encoding="utf-8")
    # Read without PyYAML, whose import alone costs twice a bare interpreter: validate
    # needs this file and no other YAML beyond the sources (which plainyaml reads too).
    data = plainyaml.data(text)
    if data is None:  # the file edited beyond what plainyaml reads
        import yaml

        data = yaml.load(text, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))
    article_part = {}
    parts = {}
    for part in data["parts"]:
        parts[part["part"]] = (part["title_en"], part["title_ar"])
        for article in part["articles"]:
            article_part[article] = part["part"]
    return Convention(article_part=article_part, parts=parts)


@cache
def shipped_reference(symbol: str) -> tuple[Any, tuple]:
    """A document cmwreport ships, loaded (model.ReferenceDocument) with the diagnostics
    of reading it, once a process: several checks, the build and coverage judge against
    it. (None, ()) when cmwreport ships none for the symbol."""
    from cmwreport.sources.load import read_file

    path = shipped_document(symbol)
    if path is None:
        return None, ()
    diagnostics: list = []
    shown = f"cmwreport/reference/documents/{path.name}"
    return read_file(path, shown, "reference", diagnostics).value, tuple(diagnostics)
