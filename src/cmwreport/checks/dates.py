"""Dates that contradict themselves: a weekday written beside a date, dates out of order."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator

from cmwreport.dates import MONTH_SPELLINGS, WEEKDAY_SPELLINGS, weekday_ar
from cmwreport.diagnostics import Diagnostic
from cmwreport.sources.yamlsafe import Node

# "الأربعاء 6 ابريل 2022": weekday, day, month name, year, as Arabic prose writes them.
_WRITTEN_DATE = re.compile(
    r"(?P<weekday>"
    + "|".join(sorted(map(re.escape, WEEKDAY_SPELLINGS), key=len, reverse=True))
    + r")\s+(?P<day>\d{1,2})\s+(?P<month>"
    + "|".join(sorted(map(re.escape, MONTH_SPELLINGS), key=len, reverse=True))
    + r")\s+(?P<year>\d{4})"
)


def check_written_weekdays(shown: str, root: Node) -> Iterator[Diagnostic]:
    for node in root.strings():
        for found in _WRITTEN_DATE.finditer(node.text):
            try:
                day = dt.date(
                    int(found["year"]), MONTH_SPELLINGS[found["month"]], int(found["day"])
                )
            except ValueError:
                yield _at(
                    node, found.start("day"), shown, "D301", f"'{found.group()}' is not a real date"
                )
                continue
            written = WEEKDAY_SPELLINGS[found["weekday"]]
            if written != day.weekday():
                yield _at(
                    node,
                    found.start(),
                    shown,
                    "D302",
                    f"the text says «{found['weekday']}» but {day.isoformat()} is a "
                    f"«{weekday_ar(day)}» ({day.strftime('%A')}): correct the weekday or the date",
                )


def _at(node: Node, offset: int, shown: str, code: str, message: str) -> Diagnostic:
    line, column = node.position(offset)
    return Diagnostic(shown, line, column, code, "error", message)
