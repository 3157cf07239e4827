"""What `convert` works out once per declaration of a mapping, not for each of the
thousands of mappings a large tree holds: its fields by key, and how its model object
starts."""

from __future__ import annotations

from cmwreport.sources.field import Field
from cmwreport.sources.model import CLASSES

#: typing is imported only by type checkers: every command would pay for it.
TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any

#: id(a map's declaration) -> (the declaration, its fields by key, each with its model
#: attribute, its type (None: inline) and whether it may be left empty, its required
#: fields): worked out once, not for each of the thousands of mappings a large tree
#: holds. The declaration is kept so that its id cannot be reused by another.
_PLANS: dict[int, tuple[Field, dict[str, tuple], tuple[Field, ...]]] = {}


def plan(spec: Field) -> tuple[dict[str, tuple], tuple[Field, ...]]:
    found = _PLANS.get(id(spec))
    if found is None:
        known = {f.name: (f, f.attr or f.name, _kind(f), not f.required) for f in spec.fields}
        found = _PLANS[id(spec)] = (spec, known, tuple(f for f in spec.fields if f.required))
    return found[1], found[2]


#: id(a map's declaration) -> (the declaration, its class, the attributes it starts
#: with, those of them that start as a new list): what the class's `__init__` does
#: (model.Located), its loop over twenty fields with setattr, done as one copy of a dict.
_MADE: dict[int, tuple[Field, type, dict[str, Any], tuple[str, ...]]] = {}


def made(spec: Field) -> tuple[type, dict[str, Any], tuple[str, ...]]:
    found = _MADE.get(id(spec))
    if found is None:
        cls = CLASSES[spec.cls]  # type: ignore[index]
        state = {name: default for name, default, _factory in cls._defaults}
        lists = tuple(name for name, _default, factory in cls._defaults if factory is list)
        assert all(
            factory in (None, list) or name in ("positions", "item_positions")
            for name, _default, factory in cls._defaults
        )
        found = _MADE[id(spec)] = (spec, cls, state, lists)
    return found[1], found[2], found[3]


#: Stand-ins for a field's type in a plan: a text or an id without choices, which
#: `Converter._map` takes without calling `_scalar`.
TEXT, ID_KIND = object(), object()


def _kind(field: Field) -> object:
    if field.inline:
        return None
    if field.type in ("text", "word") and not field.choices:
        return TEXT
    if field.type in ("id", "ref") and not field.choices:
        return ID_KIND
    return field.type
