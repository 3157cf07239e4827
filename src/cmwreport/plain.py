"""Value classes without dataclasses.

Creating a dataclass compiles its `__init__`, `__repr__` and `__eq__` at import, about
5 M instructions for a class of twenty fields: a large part of what a diff of two small
drafts spends importing. The classes on that path write their `__init__` and take
equality and repr from here, by the names they list, as a dataclass would give them.
"""

from __future__ import annotations


class Plain:
    """Equal when of one class and equal in every name of `_compared`; shown by the
    names of `_shown` (default: `_compared`); mutable, so not hashable."""

    __slots__ = ()
    _compared: tuple[str, ...] = ()
    _shown: tuple[str, ...] | None = None

    def __eq__(self, other: object) -> bool:
        if other.__class__ is not self.__class__:
            return NotImplemented
        names = self._compared
        return tuple(getattr(self, n) for n in names) == tuple(getattr(other, n) for n in names)

    __hash__ = None  # type: ignore[assignment]

    def __repr__(self) -> str:
        names = self._compared if self._shown is None else self._shown
        shown = ", ".join(f"{n}={getattr(self, n)!r}" for n in names)
        return f"{type(self).__qualname__}({shown})"
