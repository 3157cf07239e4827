"""JSON Schemas (draft 2020-12) of the source files, for editors, derived from schema.py.

The YAML language server (VS Code's YAML extension and others) reads them to complete
field names and check types and formats as drafters type. They say what the loader
says about types and formats (a date is YYYY-MM-DD, an id follows its pattern, a
choice is one of its values); what needs other files (references, symbols against
the cycle) stays with `cmwreport validate`.
"""

from __future__ import annotations

from typing import Any

from cmwreport.i18n import _
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
    described: dict[str, Any] = {"description": _(spec.doc)}
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
    return {"description": _(spec.doc), "anyOf": [value, {"type": "null"}]}


def _scalar(spec: Field) -> dict[str, Any]:
    """The JSON Schema of a value. Every pattern and format carries the message a drafter
    reads instead of the regular expression (yaml-language-server shows
    `patternErrorMessage` for a pattern and `errorMessage` for anything else failing)."""
    kind = spec.type
    if kind in ("text", "word"):
        out: dict[str, Any] = {
            "type": "string",
            "pattern": _NOT_BLANK,
            "patternErrorMessage": _("Write the text here: a blank value is not allowed."),
        }
        if spec.choices:
            choices = ", ".join(spec.choices)
            out = {
                "type": "string",
                "enum": list(spec.choices),
                "errorMessage": _("Must be one of: {choices}.", choices=choices),
            }
        return out
    if kind in ("id", "ref"):
        message = _(
            "An id: lower-case Latin letters, digits and single hyphens, starting with a "
            "letter, at most {max} characters (e.g. law-02-03).",
            max=ID_MAX,
        )
        return {
            "type": "string",
            "pattern": ID_PATTERN,
            "maxLength": ID_MAX,
            "patternErrorMessage": message,
            "errorMessage": message,
        }
    if kind == "symbol":
        return {
            "type": "string",
            "pattern": SYMBOL_PATTERN,
            "patternErrorMessage": _(
                "A CMW document symbol, written like CMW/C/MAR/2, CMW/C/MAR/CO/1 or "
                "CMW/C/MAR/QPR/2."
            ),
        }
    if kind == "date":
        message = _("A real date written YYYY-MM-DD (e.g. 2022-04-06).")
        return {
            "type": "string",
            "format": "date",
            "pattern": DATE_PATTERN,
            "patternErrorMessage": message,
            "errorMessage": message,
        }
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
