"""JSON Schemas (draft 2020-12) of the source files, for editors, derived from schema.py.

The YAML language server (VS Code's YAML extension and others) reads them to complete
field names and check types and formats as drafters type. They say what the loader
says about types and formats (a date is YYYY-MM-DD, an id follows its pattern, a
choice is one of its values); what needs other files (references, symbols against
the cycle) stays with `cmwreport validate`.
"""

from __future__ import annotations

from typing import Any

from cmwreport.sources.schema import (
    DATE_PATTERN,
    FILE_KINDS,
    ID_MAX,
    ID_PATTERN,
    SYMBOL_PATTERN,
    Field,
)

DIALECT = "https://json-schema.org/draft/2020-12/schema"
#: Something other than blanks.
_NOT_BLANK = r"\S"


def file_name(kind: str) -> str:
    return f"{kind}.schema.json"


def json_schemas() -> dict[str, dict[str, Any]]:
    """Kind of source file -> its JSON Schema."""
    out = {}
    for kind, spec in FILE_KINDS.items():
        schema = {"$schema": DIALECT, "title": f"cmwreport: {spec.name}"}
        schema.update(_value(spec))
        out[kind] = schema
    return out


def _value(spec: Field) -> dict[str, Any]:
    described: dict[str, Any] = {"description": spec.doc}
    if spec.type == "map":
        properties = {f.name: _optional(f) for f in spec.fields}
        described.update(
            type="object",
            properties=properties,
            required=[f.name for f in spec.fields if f.required],
            additionalProperties=False,
        )
    elif spec.type == "list":
        assert spec.item is not None
        described.update(type="array", items=_value(spec.item))
    else:
        described.update(_scalar(spec))
    return described


def _optional(spec: Field) -> dict[str, Any]:
    # An optional field may be left empty (`issued:`), which YAML reads as null.
    value = _value(spec)
    if spec.required:
        return value
    return {"description": spec.doc, "anyOf": [value, {"type": "null"}]}


def _scalar(spec: Field) -> dict[str, Any]:
    kind = spec.type
    if kind in ("text", "word"):
        out: dict[str, Any] = {"type": "string", "pattern": _NOT_BLANK}
        if spec.choices:
            out = {"type": "string", "enum": list(spec.choices)}
        return out
    if kind in ("id", "ref"):
        return {"type": "string", "pattern": ID_PATTERN, "maxLength": ID_MAX}
    if kind == "symbol":
        return {"type": "string", "pattern": SYMBOL_PATTERN}
    if kind == "date":
        return {"type": "string", "format": "date", "pattern": DATE_PATTERN}
    if kind == "bool":
        return {"type": "boolean"}
    if kind in ("number", "article"):
        return {"type": "integer", "minimum": 1}
    if kind == "int":
        out = {"type": "integer"}
        if spec.minimum is not None:
            out["minimum"] = spec.minimum
        if spec.maximum is not None:
            out["maximum"] = spec.maximum
        return out
    raise ValueError(f"no JSON Schema for field type {kind!r}")
