"""Checks across fields and files: ids, references between files, symbols, date order.

They run on the checked records of every file, even when some values failed their own
checks (those are None here and skipped), so one run reports everything.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

from cmwreport.dates import WEEKDAY_SPELLINGS, weekday_ar
from cmwreport.diagnostics import Diagnostic
from cmwreport.sources.convert import Record
from cmwreport.sources.model import Loc


def check_records(records: dict[str, list[Record]]) -> list[Diagnostic]:
    out: list[Diagnostic] = []
    out.extend(_duplicate_ids(records))
    out.extend(_axis_order(records))
    for report in records["report"]:
        out.extend(_symbols(report))
        out.extend(_report_dates(report))
    for meeting in records["meeting"]:
        out.extend(_meeting_weekday(meeting))
    return out


def _diag(loc: Loc, code: str, message: str, severity: str = "error") -> Diagnostic:
    return Diagnostic(loc.file, loc.line, loc.column, code, severity, message)


def _items_with_ids(value) -> Iterator[Record]:
    if isinstance(value, Record):
        if isinstance(value.get("id"), str):
            yield value
        for child in value.values():
            yield from _items_with_ids(child)
    elif isinstance(value, list):
        for child in value:
            yield from _items_with_ids(child)


def _duplicate_ids(records: dict[str, list[Record]]) -> Iterator[Diagnostic]:
    # Ids name bookmarks in the Word file, so they must be unique across the whole tree.
    seen: dict[str, Loc] = {}
    for kind in ("report", "consultations", "meeting", "axis"):
        for record in records[kind]:
            for item in _items_with_ids(record):
                loc = item.at("id")
                first = seen.setdefault(item["id"], loc)
                if first is not loc:
                    yield _diag(
                        loc,
                        "R201",
                        f"duplicate id '{item['id']}' (first at {first.file}:{first.line}): "
                        "ids must be unique across all sources; rename this one",
                    )


def _axis_order(records: dict[str, list[Record]]) -> Iterator[Diagnostic]:
    axes = {a["id"]: a for a in records["axis"] if isinstance(a.get("id"), str)}
    for consultations in records["consultations"]:
        outcomes = consultations.get("outcomes")
        if not isinstance(outcomes, Record) or not isinstance(outcomes.get("axes"), list):
            continue
        listed: dict[str, int] = {}
        for loc, axis_id in zip(outcomes.items_at("axes"), outcomes["axes"], strict=True):
            if axis_id is None:
                continue
            if axis_id in listed:
                yield _diag(loc, "S104", f"axis '{axis_id}' is listed twice in outcomes.axes")
            elif axis_id not in axes:
                known = ", ".join(sorted(axes)) or "none"
                yield _diag(
                    loc,
                    "R202",
                    f"no axis with id '{axis_id}' in axes/ (known: {known}): "
                    "fix the id or add the axis file",
                )
            listed[axis_id] = loc.line
        for axis_id, axis in axes.items():
            if axis_id not in listed:
                yield _diag(
                    axis.at("id"),
                    "R204",
                    f"axis '{axis_id}' is not listed in consultations.yaml outcomes.axes, so the "
                    "annex would leave it out: add it to the list where it belongs",
                )


def _symbols(report: Record) -> Iterator[Diagnostic]:
    state, cycle = report.get("state"), report.get("cycle")
    if not isinstance(state, str) or not isinstance(cycle, int):
        return
    expected = [
        (report, "symbol", f"CMW/C/{state}/{cycle}"),
        (report.get("previous_observations"), "symbol", f"CMW/C/{state}/CO/{cycle - 1}"),
        (report.get("list_of_issues"), "symbol", f"CMW/C/{state}/QPR/{cycle}"),
    ]
    for record, name, want in expected:
        if not isinstance(record, Record):
            continue
        have = record.get(name)
        if isinstance(have, str) and have != want:
            yield _diag(
                record.at(name),
                "N402",
                f"symbol {have} does not fit report {state}, cycle {cycle}: expected {want}",
            )


def _report_dates(report: Record) -> Iterator[Diagnostic]:
    po = report.get("previous_observations")
    pairs = [(report, "date_received", report, "date", "the report is issued after it is received")]
    if isinstance(po, Record):
        pairs += [
            (po, "session_start", po, "session_end", "a session ends after it starts"),
            (po, "session_start", po, "adopted", "observations are adopted during the session"),
            (po, "adopted", po, "session_end", "observations are adopted during the session"),
            (po, "adopted", po, "issued", "observations are issued after their adoption"),
        ]
    for first_record, first, second_record, second, why in pairs:
        a, b = first_record.get(first), second_record.get(second)
        if isinstance(a, dt.date) and isinstance(b, dt.date) and a > b:
            yield _diag(
                second_record.at(second),
                "D303",
                f"{second} ({b}) is before {first} ({a}), but {why}: correct one of them",
            )


def _meeting_weekday(meeting: Record) -> Iterator[Diagnostic]:
    day, weekday = meeting.get("date"), meeting.get("weekday")
    if isinstance(day, dt.date) and isinstance(weekday, str) and weekday.strip():
        expected = weekday_ar(day)
        if WEEKDAY_SPELLINGS.get(weekday.strip()) != day.weekday():
            yield _diag(
                meeting.at("weekday"),
                "D302",
                f"weekday «{weekday}» does not match {day.isoformat()}, a «{expected}» "
                f"({day.strftime('%A')}): correct the weekday or the date",
            )
