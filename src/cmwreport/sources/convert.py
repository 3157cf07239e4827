"""Checking one file's node tree against its schema and turning it into plain values.

A value that fails its check becomes None and leaves a diagnostic; the rest of the
file is still checked, so one run reports every problem.
"""

from __future__ import annotations

import calendar
import datetime as dt
import difflib
import re
from typing import Any

from cmwreport.diagnostics import Diagnostic
from cmwreport.reference import Reference
from cmwreport.sources.model import Loc
from cmwreport.sources.schema import Field
from cmwreport.sources.yamlsafe import STR, Node

ID_PATTERN = re.compile(r"^[a-z][a-z0-9]*(?:-[a-z0-9]+)*$")
#: Word caps bookmark names at 40 characters and ours are "_cmw_" + id.
ID_MAX = 35
SYMBOL_PATTERN = re.compile(r"^CMW/C/[A-Z]{3}/(?:(?:CO|QPR|Q)/)?\d+(?:/Add\.\d+)?$")
_ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_INT = re.compile(r"^[-+]?\d+$")
_TAG_NAMES = {
    "tag:yaml.org,2002:int": "a number",
    "tag:yaml.org,2002:float": "a number",
    "tag:yaml.org,2002:bool": "yes/no (true/false)",
    "tag:yaml.org,2002:null": "nothing",
    "tag:yaml.org,2002:timestamp": "a date",
}


class Record(dict):
    """A checked mapping: its values, where it stands, and where each field's value and
    list items stand (positions only: keeping the nodes would keep the whole YAML tree)."""

    def __init__(self, loc: Loc) -> None:
        super().__init__()
        self.loc = loc
        self.positions: dict[str, tuple[int, int]] = {}
        self.item_positions: dict[str, list[tuple[int, int]]] = {}

    def at(self, name: str) -> Loc:
        line, column = self.positions.get(name, (self.loc.line, self.loc.column))
        return Loc(self.loc.file, line, column)

    def items_at(self, name: str) -> list[Loc]:
        return [Loc(self.loc.file, *pos) for pos in self.item_positions.get(name, [])]


class Converter:
    def __init__(self, shown: str, reference: Reference, diagnostics: list[Diagnostic]) -> None:
        self.shown = shown
        self.reference = reference
        self.diagnostics = diagnostics

    def report(self, code: str, node: Node, message: str, severity: str = "error") -> None:
        self.diagnostics.append(
            Diagnostic(self.shown, node.line, node.column, code, severity, message)
        )

    def convert(self, node: Node, spec: Field) -> Any:
        if spec.type == "map":
            return self._map(node, spec)
        if spec.type == "list":
            return self._list(node, spec)
        return self._scalar(node, spec)

    def _map(self, node: Node, spec: Field) -> Record | None:
        if node.kind != "map":
            self.report(
                "S103", node, f"{spec.name}: expected a mapping of fields ({_fields(spec)})"
            )
            return None
        record = Record(Loc(self.shown, node.line, node.column))
        known = {f.name: f for f in spec.fields}
        for name, (key, value) in node.entries.items():
            field = known.get(name)
            if field is None:
                close = difflib.get_close_matches(name, known, n=1)
                hint = f"did you mean '{close[0]}'?" if close else f"known fields: {_fields(spec)}"
                self.report("S102", key, f"unknown field '{name}' in {spec.name}: {hint}")
                continue
            record.positions[name] = (value.line, value.column)
            if value.kind == "seq":
                record.item_positions[name] = [(i.line, i.column) for i in value.items]
            if value.is_null and not field.required:
                continue
            record[name] = self.convert(value, field)
        for field in spec.fields:
            if field.required and name_missing(node, field.name):
                self.report(
                    "S101",
                    node,
                    f"{spec.name} is missing the field '{field.name}' ({field.doc})",
                )
        return record

    def _list(self, node: Node, spec: Field) -> list | None:
        if node.kind != "seq":
            self.report("S103", node, f"{spec.name}: expected a list (lines starting with '- ')")
            return None
        assert spec.item is not None
        return [self.convert(item, spec.item) for item in node.items]

    def _scalar(self, node: Node, spec: Field) -> Any:
        if node.kind != "scalar":
            self.report(
                "S103", node, f"{spec.name}: expected a single value, not a list or mapping"
            )
            return None
        if node.is_null:
            self.report("S101", node, f"{spec.name} is empty: {spec.doc}")
            return None
        kind = spec.type
        if kind == "date":
            return self._date(node, spec)
        if kind in ("int", "observation", "article"):
            return self._int(node, spec)
        if node.tag != STR:
            found = _TAG_NAMES.get(node.tag, "something else")
            self.report(
                "S103",
                node,
                f"{spec.name}: expected text, found {found}: put the value in quotes",
            )
            return None
        value = node.text
        if not value.strip():
            self.report("S104", node, f"{spec.name} is blank: {spec.doc}")
            return None
        if spec.choices and value not in spec.choices:
            self.report(
                "S104",
                node,
                f"{spec.name} is '{value}': it must be one of {', '.join(spec.choices)}",
            )
            return None
        if kind in ("id", "ref") and not self._id_ok(node, spec, value):
            return None
        if kind == "symbol" and not SYMBOL_PATTERN.match(value):
            self.report(
                "N401",
                node,
                f"'{value}' is not a CMW document symbol: write it like CMW/C/MAR/2, "
                "CMW/C/MAR/CO/1 or CMW/C/MAR/QPR/2",
            )
            return None
        return value

    def _id_ok(self, node: Node, spec: Field, value: str) -> bool:
        if ID_PATTERN.match(value) and len(value) <= ID_MAX:
            return True
        self.report(
            "S104",
            node,
            f"'{value}' is not a valid id: use lower-case Latin letters, digits and single "
            f"hyphens, starting with a letter, at most {ID_MAX} characters (e.g. 'law-02-03')",
        )
        return False

    def _int(self, node: Node, spec: Field) -> int | None:
        if node.tag != "tag:yaml.org,2002:int" or not _INT.match(node.text):
            self.report("S103", node, f"{spec.name}: expected a whole number, found '{node.text}'")
            return None
        value = int(node.text)
        if spec.type == "observation":
            if value not in self.reference.co_paragraphs:
                last = max(self.reference.co_paragraphs)
                self.report(
                    "R202",
                    node,
                    f"{self.reference.co_symbol} has no paragraph {value} (it has 1-{last})",
                )
                return None
        elif spec.type == "article":
            if value not in self.reference.article_part:
                self.report(
                    "R202",
                    node,
                    f"the Convention has no article {value} (it has articles 1-93)",
                )
                return None
        elif (spec.minimum is not None and value < spec.minimum) or (
            spec.maximum is not None and value > spec.maximum
        ):
            self.report(
                "S104",
                node,
                f"{spec.name} is {value}: expected {spec.minimum} to {spec.maximum}",
            )
            return None
        return value

    def _date(self, node: Node, spec: Field) -> dt.date | None:
        raw = node.text.strip()
        if not _ISO_DATE.match(raw):
            self.report(
                "D301",
                node,
                f"{spec.name}: '{raw}' is not a date written YYYY-MM-DD (e.g. 2022-04-06)",
            )
            return None
        try:
            return dt.date.fromisoformat(raw)
        except ValueError:
            year, month, day = (int(part) for part in raw.split("-"))
            if 1 <= month <= 12:
                days = calendar.monthrange(year, month)[1]
                why = f"{calendar.month_name[month]} {year} has {days} days"
            else:
                why = "months run from 01 to 12"
            self.report("D301", node, f"{spec.name}: {raw} is not a real date ({why})")
            return None


def name_missing(node: Node, name: str) -> bool:
    return name not in node.entries


def _fields(spec: Field) -> str:
    return ", ".join(f.name for f in spec.fields)
