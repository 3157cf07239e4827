"""Shared by the tests of sources/ and checks/: validating a tree, editing a copy."""

from __future__ import annotations

from pathlib import Path

from cmwreport import checks
from cmwreport.diagnostics import Diagnostic


def validate(path: Path | str) -> checks.Checked:
    return checks.load(path)


def codes_at(result: checks.Checked, path: Path) -> list[tuple[str, int]]:
    """(code, line) of every diagnostic about `path`."""
    return [(d.code, d.line) for d in result.diagnostics if d.file == str(path)]


def only(result: checks.Checked, code: str) -> Diagnostic:
    found = [d for d in result.diagnostics if d.code == code]
    assert len(found) == 1, result.diagnostics
    return found[0]


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} not in {path}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def line_of(path: Path, needle: str) -> int:
    for number, line in enumerate(path.read_text(encoding="utf-8").split("\n"), start=1):
        if needle in line:
            return number
    raise AssertionError(f"{needle!r} not in {path}")
