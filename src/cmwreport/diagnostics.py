"""One problem found in the sources or the inputs, and the documented exit codes.

Kept free of heavy imports: every command reports through it.
"""

from __future__ import annotations

from cmwreport.errors import Exit
from cmwreport.plain import Ordered

__all__ = ["Diagnostic", "Exit", "count"]


class Diagnostic(Ordered):
    """Immutable, hashed, compared and ordered by its fields in this order, as the frozen,
    ordered dataclass it was (dataclasses and the methods it compiles cost validate
    more than a small tree's checks)."""

    __slots__ = ("file", "line", "column", "code", "severity", "message")
    _compared = __slots__

    file: str
    line: int
    column: int
    code: str
    severity: str  # "error" | "warning"
    message: str

    def __init__(
        self, file: str, line: int, column: int, code: str, severity: str, message: str
    ) -> None:
        self._set(
            file=file, line=line, column=column, code=code, severity=severity, message=message
        )

    def _key(self) -> tuple:  # sorting and sets call it for every diagnostic
        return (self.file, self.line, self.column, self.code, self.severity, self.message)

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
