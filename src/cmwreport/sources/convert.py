"""One file's node tree checked against its declaration and turned into model objects.

Only what the declaration says is judged here: types and formats (a date, an id, a
symbol, a choice, a range), required and unknown fields. Whether a reference points at
something that exists is for `cmwreport.checks`. A value that fails becomes None and
leaves a diagnostic; the rest of the file is still read, so one run reports every
problem.
"""

from __future__ import annotations

import datetime as dt
import re

from cmwreport.diagnostics import Diagnostic
from cmwreport.i18n import N_, _
from cmwreport.sources.model import Loc
from cmwreport.sources.plan import ID_KIND as _ID_KIND
from cmwreport.sources.plan import TEXT as _TEXT
from cmwreport.sources.plan import made as _made
from cmwreport.sources.plan import plan as _plan
from cmwreport.sources.schema import DATE_PATTERN, ID_MAX, ID_PATTERN, SYMBOL_PATTERN, Field
from cmwreport.sources.yamlsafe import STR, Node

#: typing is imported only by type checkers: every command would pay for it.
TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any

_ID = re.compile(ID_PATTERN)
_SYMBOL = re.compile(SYMBOL_PATTERN)
_ISO_DATE = re.compile(DATE_PATTERN)
_INT = re.compile(r"^[-+]?\d+$")
_BOOL = "tag:yaml.org,2002:bool"
_INT_TAG = "tag:yaml.org,2002:int"
_NULL = "tag:yaml.org,2002:null"
_TAG_NAMES = {
    "tag:yaml.org,2002:int": N_("a number"),
    "tag:yaml.org,2002:float": N_("a number"),
    _BOOL: N_("yes/no (true/false)"),
    "tag:yaml.org,2002:null": N_("nothing"),
    "tag:yaml.org,2002:timestamp": N_("a date"),
}


class Converter:
    def __init__(self, shown: str, diagnostics: list[Diagnostic]) -> None:
        self.shown = shown
        self.diagnostics = diagnostics
        #: Every model object made, in file order (a holder before what it holds).
        self.objects: list[Any] = []

    def report(self, code: str, node: Node, message: str, severity: str = "error") -> None:
        self.diagnostics.append(
            Diagnostic(self.shown, node.line, node.column, code, severity, message)
        )

    def convert(self, node: Node, spec: Field) -> Any:
        if spec.type == "map":
            return self._object(node, spec)
        if spec.type == "list":
            return self._list(node, spec)
        return self._scalar(node, spec)

    def _object(self, node: Node, spec: Field) -> Any:
        """The model object of a mapping, or None if it is not one."""
        values: dict[str, Any] = {}
        fields: dict[str, tuple[int, int]] = {}
        items: dict[str, list[tuple[int, int]]] = {}
        index = len(self.objects)
        self.objects.append(None)
        if not self._map(node, spec, values, fields, items):
            del self.objects[index]
            return None
        cls, state, lists = _made(spec)
        made = cls.__new__(cls)
        state = state.copy()
        for name in lists:
            if name not in values:
                state[name] = []
        state.update(values)
        state["loc"] = Loc(self.shown, node.line, node.column)
        state["positions"] = fields
        state["item_positions"] = items
        made.__dict__ = state
        self.objects[index] = made
        return made

    def _map(self, node: Node, spec: Field, values: dict, fields: dict, items: dict) -> bool:
        """Fills `values` (by model attribute) and where each stands (`fields`, and
        `items` for lists) from a mapping; False if it is not one."""
        if node.kind != "map":
            self.report(
                "S103",
                node,
                _(
                    "{name}: expected a mapping of fields ({fields})",
                    name=spec.name,
                    fields=_fields(spec),
                ),
            )
            return False
        known, required = _plan(spec)
        #: Required fields a misspelt key stands for: one mistake, one diagnostic (S102),
        #: not also "missing" (S101).
        meant: set[str] = set()
        entries = node.entries
        for name, (key, value) in entries.items():
            planned = known.get(name)
            if planned is None:
                self._unknown(name, key, spec, known, entries, meant)
                continue
            field, attribute, kind, optional = planned
            if kind is None:  # inline
                self._map(value, field, values, fields, items)
                continue
            fields[attribute] = (value.line, value.column)
            found = value.kind
            if found == "seq":
                items[attribute] = [(i.line, i.column) for i in value.items]
            elif optional and found == "scalar" and value.tag == _NULL:
                continue
            # What `convert` would choose, chosen here: a mapping has many values. A text
            # or an id that is one, the most common values, taken at once.
            if kind is _TEXT and value.tag == STR and value.text.strip():
                values[attribute] = value.text
            elif kind is _ID_KIND and value.tag == STR and _id(value.text):
                values[attribute] = value.text
            elif kind == "map":
                values[attribute] = self._object(value, field)
            elif kind == "list":
                values[attribute] = self._list(value, field)
            else:
                values[attribute] = self._scalar(value, field)
        for field in required:
            if field.name not in entries and field.name not in meant:
                self.report(
                    "S101",
                    node,
                    _(
                        "{kind} is missing the field '{name}' ({doc})",
                        kind=spec.name,
                        name=field.name,
                        doc=_(field.doc),
                    ),
                )
        return True

    def _unknown(self, name: str, key: Node, spec: Field, known, entries, meant: set) -> None:
        import difflib  # only for a misspelt field

        close = difflib.get_close_matches(name, known, n=1)
        if close and close[0] not in entries:
            meant.add(close[0])
        if close:
            message = _(
                "unknown field '{name}' in {kind}: did you mean '{close}'?",
                name=name,
                kind=spec.name,
                close=close[0],
            )
        else:
            message = _(
                "unknown field '{name}' in {kind}: known fields: {fields}",
                name=name,
                kind=spec.name,
                fields=_fields(spec),
            )
        self.report("S102", key, message)

    def _list(self, node: Node, spec: Field) -> list | None:
        if node.kind != "seq":
            self.report(
                "S103",
                node,
                _("{name}: expected a list (lines starting with '- ')", name=spec.name),
            )
            return None
        item = spec.item
        assert item is not None
        if item.type == "map":
            return [self._object(value, item) for value in node.items]
        if item.type in ("number", "article"):
            # Whole numbers from 1 ([40, 41]), taken at once when they are.
            out = []
            high = item.maximum
            for value in node.items:
                text = value.text
                if value.tag == _INT_TAG and text.isdigit() and text.isascii():
                    number = int(text)
                    if number >= 1 and (high is None or number <= high):
                        out.append(number)
                        continue
                out.append(self._scalar(value, item))
            return out
        each = self._scalar if item.type != "list" else self.convert
        return [each(value, item) for value in node.items]

    def _scalar(self, node: Node, spec: Field) -> Any:
        if node.kind != "scalar":
            self.report(
                "S103",
                node,
                _("{name}: expected a single value, not a list or mapping", name=spec.name),
            )
            return None
        if node.tag == _NULL:
            self.report("S101", node, _("{name} is empty: {doc}", name=spec.name, doc=_(spec.doc)))
            return None
        kind = spec.type
        if kind == "date":
            return self._date(node, spec)
        if kind in ("int", "number", "article"):
            return self._int(node, spec)
        if kind == "bool":
            if node.tag != _BOOL:
                self.report("S103", node, _("{name}: expected true or false", name=spec.name))
                return None
            return node.text.lower() in ("true", "yes", "on")
        if node.tag != STR:
            named = _TAG_NAMES.get(node.tag)
            found = _(named) if named else _("something else")
            self.report(
                "S103",
                node,
                _(
                    "{name}: expected text, found {found}: put the value in quotes",
                    name=spec.name,
                    found=found,
                ),
            )
            return None
        value = node.text
        if not value.strip():
            self.report("S104", node, _("{name} is blank: {doc}", name=spec.name, doc=_(spec.doc)))
            return None
        if spec.choices and value not in spec.choices:
            self.report(
                "S104",
                node,
                _(
                    "{name} is '{value}': it must be one of {choices}",
                    name=spec.name,
                    value=value,
                    choices=", ".join(spec.choices),
                ),
            )
            return None
        if kind in ("id", "ref") and not self._id_ok(node, value):
            return None
        if kind == "symbol" and not _SYMBOL.match(value):
            self.report(
                "N401",
                node,
                _(
                    "'{value}' is not a CMW document symbol: write it like CMW/C/MAR/2, "
                    "CMW/C/MAR/CO/1 or CMW/C/MAR/QPR/2",
                    value=value,
                ),
            )
            return None
        return value

    def _id_ok(self, node: Node, value: str) -> bool:
        if _ID.match(value) and len(value) <= ID_MAX:
            return True
        self.report(
            "S104",
            node,
            _(
                "'{value}' is not a valid id: use lower-case Latin letters, digits and single "
                "hyphens, starting with a letter, at most {max} characters (e.g. 'law-02-03')",
                value=value,
                max=ID_MAX,
            ),
        )
        return False

    def _int(self, node: Node, spec: Field) -> int | None:
        text = node.text
        if node.tag != _INT_TAG or not (text.isdigit() and text.isascii() or _INT.match(text)):
            self.report(
                "S103",
                node,
                _(
                    "{name}: expected a whole number, found '{found}'",
                    name=spec.name,
                    found=node.text,
                ),
            )
            return None
        value = int(node.text)
        low = 1 if spec.type in ("number", "article") else spec.minimum
        if (low is not None and value < low) or (spec.maximum is not None and value > spec.maximum):
            if spec.maximum:
                message = _(
                    "{name} is {value}: expected {low} to {high}",
                    name=spec.name,
                    value=value,
                    low=low,
                    high=spec.maximum,
                )
            else:
                message = _(
                    "{name} is {value}: expected {low} or more",
                    name=spec.name,
                    value=value,
                    low=low,
                )
            self.report("S104", node, message)
            return None
        return value

    def _date(self, node: Node, spec: Field) -> dt.date | None:
        raw = node.text.strip()
        if not _ISO_DATE.match(raw):
            self.report(
                "D301",
                node,
                _(
                    "{name}: '{raw}' is not a date written YYYY-MM-DD (e.g. 2022-04-06)",
                    name=spec.name,
                    raw=raw,
                ),
            )
            return None
        try:
            return dt.date.fromisoformat(raw)
        except ValueError:
            year, month, day = (int(part) for part in raw.split("-"))
            if 1 <= month <= 12:
                import calendar  # only for a date that does not exist

                days = calendar.monthrange(year, month)[1]
                message = _(
                    "{name}: {raw} is not a real date (month {month} of {year} has {days} days)",
                    name=spec.name,
                    raw=raw,
                    month=str(month).zfill(2),
                    year=year,
                    days=days,
                )
            else:
                message = _(
                    "{name}: {raw} is not a real date (months run from 01 to 12)",
                    name=spec.name,
                    raw=raw,
                )
            self.report("D301", node, message)
            return None


def _id(value: str) -> bool:
    return len(value) <= ID_MAX and _ID.match(value) is not None


def _fields(spec: Field) -> str:
    return ", ".join(f.name for f in spec.fields)
