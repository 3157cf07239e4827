"""The sources as Python objects: what `build` merges and the checks look at.

The classes are generated from the declarations in `schema.py` (one class per
`record(...)`, one attribute per field), so a field is declared once. For example
`Report` has treaty, state, cycle, symbol, language, title, due_year, date,
date_received, previous_observations (a `ConcludingObservations`) and list_of_issues
(a `DocumentRef`); `Consultations.context` and `Axis.recommendations` are lists of
`TextItem`. Read schema.py for the full list.

Every object keeps `loc`, the place in its YAML file that defines it, and where each of
its fields stands (`at(name)`), so a check or a build step can point a drafter at the
line to edit.
"""

from __future__ import annotations

import datetime as dt
import reprlib
from pathlib import Path

from cmwreport.plain import Frozen, Plain
from cmwreport.sources import schema
from cmwreport.sources.schema import Field

#: typing is imported only by type checkers: every command would pay for it.
TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any


class Loc(Frozen):
    __slots__ = ("file", "line", "column")
    _compared = __slots__

    file: str  # as the user's tree names it, e.g. "sources/axes/legal-framework.yaml"
    line: int  # 1-based
    column: int  # 1-based

    def __init__(self, file: str, line: int, column: int) -> None:
        # Not `_set`: a large tree makes thousands, and its keywords cost two calls more.
        setattr = object.__setattr__
        setattr(self, "file", file)
        setattr(self, "line", line)
        setattr(self, "column", column)


class Located:
    """Where an object and each of its fields stand in their file (by attribute name).

    Also the generated classes' `__init__`, `__repr__` and `__eq__`, written once here
    and doing what dataclasses would write (keywords only, every field defaulted; the
    fields of `repr` and `compare`): dataclasses compiles three functions per class,
    half the cost of importing the model, on every command.
    """

    loc: Loc | None
    positions: dict[str, tuple[int, int]]
    item_positions: dict[str, list[tuple[int, int]]]
    #: Per class (see _class_of): (name, default, factory or None) of each field, the
    #: fields `repr` shows, the fields `==` compares.
    _defaults: tuple[tuple[str, Any, Any], ...] = ()
    _shown: tuple[str, ...] = ()
    _compared: tuple[str, ...] = ()

    def __init__(self, **values: Any) -> None:
        for name, default, factory in self._defaults:
            if name in values:
                setattr(self, name, values.pop(name))
            else:
                setattr(self, name, default if factory is None else factory())
        if values:
            raise TypeError(
                f"{type(self).__qualname__}.__init__() got an unexpected keyword argument "
                f"{next(iter(values))!r}"
            )

    @reprlib.recursive_repr()
    def __repr__(self) -> str:
        shown = ", ".join(f"{name}={getattr(self, name)!r}" for name in self._shown)
        return f"{type(self).__qualname__}({shown})"

    def __eq__(self, other: object) -> bool:
        if other.__class__ is not self.__class__:
            return NotImplemented
        mine = tuple(getattr(self, name) for name in self._compared)
        return mine == tuple(getattr(other, name) for name in self._compared)

    __hash__ = None  # type: ignore[assignment]  # mutable and compared by value

    def at(self, attribute: str) -> Loc:
        assert self.loc is not None
        line, column = self.positions.get(attribute, (self.loc.line, self.loc.column))
        return Loc(self.loc.file, line, column)

    def items_at(self, attribute: str) -> list[Loc]:
        assert self.loc is not None
        return [Loc(self.loc.file, *pos) for pos in self.item_positions.get(attribute, [])]


_PYTHON_TYPES: dict[str, Any] = {
    "text": str,
    "word": str,
    "id": str,
    "ref": str,
    "symbol": str,
    "int": int,
    "number": int,
    "article": int,
    "date": dt.date,
    "bool": bool,
}

CLASSES: dict[str, type] = {}


def _class_of(spec: Field, extra: tuple = ()) -> type:
    assert spec.cls is not None
    if spec.cls in CLASSES:
        return CLASSES[spec.cls]
    defaults: list[tuple[str, Any, Any]] = []  # (name, default, factory or None)
    for item in _attributes(spec):
        if item.type == "list":
            defaults.append((item.attribute, None, list))
        else:
            _python_type(item)  # a nested record's class, declared first
            defaults.append((item.attribute, None, None))
    defaults += extra
    shown = tuple(name for name, _default, _factory in defaults)
    # Where the object stands: neither shown nor compared.
    defaults += [("loc", None, None), ("positions", None, dict), ("item_positions", None, dict)]
    made = type(spec.cls, (Located,), {"__doc__": spec.doc, "__module__": __name__})
    made._defaults = tuple(defaults)
    made._shown = made._compared = shown
    CLASSES[spec.cls] = made
    return made


def _attributes(spec: Field):
    """The fields an object of `spec` holds: those of inline sections lifted into it."""
    for item in spec.fields:
        if item.type == "map" and item.inline:
            yield from _attributes(item)
        else:
            yield item


def _python_type(spec: Field) -> Any:
    if spec.type == "map":
        return _class_of(spec)
    return _PYTHON_TYPES[spec.type]


def _declare(spec: Field, extra: tuple = ()) -> type:
    for item in _attributes(spec):
        target = item.item if item.type == "list" else item
        if target is not None and target.type == "map":
            _declare(target)  # nested records too (a question's sub-items)
    return _class_of(spec, extra)


Report = _declare(schema.REPORT)
TextItem = _declare(schema.TEXT_ITEM)
Meeting = _declare(schema.MEETING)
Axis = _declare(schema.AXIS)
ReferenceDocument = _declare(schema.REFERENCE)
#: The consultations, with what the other files bring: the axes in the order
#: `outcomes.axes` gives, the meetings by date, then id.
Consultations = _declare(
    schema.CONSULTATIONS,
    extra=(("axes", None, list), ("meetings", None, list)),
)
ConcludingObservations = CLASSES["ConcludingObservations"]
DocumentRef = CLASSES["DocumentRef"]
Participant = CLASSES["Participant"]
ProgrammeItem = CLASSES["ProgrammeItem"]


class Sources(Plain):
    _compared = ("root", "report", "consultations", "references")

    def __init__(
        self,
        root: Path,
        report: Any,
        consultations: Any,
        references: dict[str, Any] | None = None,
    ) -> None:
        self.root = root
        self.report = report  # Report
        self.consultations = consultations  # Consultations
        #: The tree's own reference documents (sources/reference/), by symbol.
        self.references = {} if references is None else references
