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


class Frozen(Plain):
    """A Plain value that cannot change: hashed by the names of `_compared`, and its
    `__init__` sets them with `_set` (a frozen dataclass's behaviour)."""

    __slots__ = ()

    def _set(self, **values: object) -> None:
        for name, value in values.items():
            object.__setattr__(self, name, value)

    def __setattr__(self, name: str, value: object) -> None:
        raise AttributeError(f"cannot assign to field {name!r}")

    def __delattr__(self, name: str) -> None:
        raise AttributeError(f"cannot delete field {name!r}")

    def _key(self) -> tuple:
        return tuple(getattr(self, n) for n in self._compared)

    def __hash__(self) -> int:
        return hash(self._key())


class Ordered(Frozen):
    """A Frozen value ordered as the tuple of its `_compared` names (a dataclass's
    `order=True`)."""

    __slots__ = ()

    def __lt__(self, other: object) -> bool:
        if other.__class__ is not self.__class__:
            return NotImplemented
        return self._key() < other._key()  # type: ignore[attr-defined]

    def __le__(self, other: object) -> bool:
        if other.__class__ is not self.__class__:
            return NotImplemented
        return self._key() <= other._key()  # type: ignore[attr-defined]

    def __gt__(self, other: object) -> bool:
        if other.__class__ is not self.__class__:
            return NotImplemented
        return self._key() > other._key()  # type: ignore[attr-defined]

    def __ge__(self, other: object) -> bool:
        if other.__class__ is not self.__class__:
            return NotImplemented
        return self._key() >= other._key()  # type: ignore[attr-defined]
