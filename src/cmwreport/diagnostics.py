"""One problem found in the sources or the inputs, and the documented exit codes.

Kept free of heavy imports: every command reports through it.
"""

from __future__ import annotations

from dataclasses import dataclass

from cmwreport.errors import Exit

__all__ = ["Diagnostic", "Exit", "count"]


@dataclass(frozen=True, order=True)
class Diagnostic:
    file: str
    line: int
    column: int
    code: str
    severity: str  # "error" | "warning"
    message: str

    @property
    def is_error(self) -> bool:
        return self.severity == "error"

    def as_json(self) -> dict:
        return {
            "code": self.code,
            "severity": self.severity,
            "file": self.file,
            "line": self.line,
            "column": self.column,
            "message": self.message,
        }


def count(diagnostics: list[Diagnostic]) -> tuple[int, int]:
    errors = sum(1 for d in diagnostics if d.is_error)
    return errors, len(diagnostics) - errors
