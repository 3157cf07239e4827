"""Dates that contradict themselves: a weekday written beside a date, dates out of order."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator

from cmwreport.arabic.dates import MONTH_SPELLINGS, WEEKDAY_SPELLINGS, weekday_ar
from cmwreport.checks.locate import Lines
from cmwreport.diagnostics import Diagnostic
from cmwreport.i18n import N_, _
from cmwreport.sources.load import LoadedFile
from cmwreport.sources.model import Loc

# "الأربعاء 6 ابريل 2022": weekday, day, month name, year, as Arabic prose writes them.
#: Compiled only for a file that has one of the weekday spellings (about 3 M instructions).
_WRITTEN_DATE = (
    r"(?P<weekday>"
    + "|".join(sorted(map(re.escape, WEEKDAY_SPELLINGS), key=len, reverse=True))
    + r")\s+(?P<day>\d{1,2})\s+(?P<month>"
    + "|".join(sorted(map(re.escape, MONTH_SPELLINGS), key=len, reverse=True))
    + r")\s+(?P<year>\d{4})"
)


_YEAR = re.compile(r"\d{4}")


def written_weekdays(loaded: LoadedFile) -> Iterator[Diagnostic]:
    """A weekday written in text beside its date (الأربعاء 6 ابريل 2022) must agree."""
    lines = Lines(loaded.text)
    # One search over all the values, joined, lets a file with no written date go at
    # once (a `\d{4}` test on each value scans Unicode digits and costs more).
    joined = loaded.joined()
    if not any(weekday in joined for weekday in WEEKDAY_SPELLINGS):
        return
    if re.search(_WRITTEN_DATE, joined) is None:
        return
    for node in loaded.strings:
        if not _YEAR.search(node.text):
            continue
        for found in re.finditer(_WRITTEN_DATE, node.text):
            try:
                day = dt.date(
                    int(found["year"]), MONTH_SPELLINGS[found["month"]], int(found["day"])
                )
            except ValueError:
                line, column = lines.position(node, found.start("day"))
                message = _("'{written}' is not a real date", written=found.group())
                yield Diagnostic(loaded.shown, line, column, "D301", "error", message)
                continue
            if WEEKDAY_SPELLINGS[found["weekday"]] != day.weekday():
                line, column = lines.position(node, found.start())
                yield Diagnostic(
                    loaded.shown,
                    line,
                    column,
                    "D302",
                    "error",
                    _(
                        "the text says «{found}» but {value} is a «{weekday_ar}» ({value2}): "
                        "correct the weekday or the date",
                        found=found["weekday"],
                        value=day.isoformat(),
                        weekday_ar=weekday_ar(day),
                        value2=day.strftime("%A"),
                    ),
                )


def meeting_weekday(meeting) -> Iterator[Diagnostic]:
    day, weekday = meeting.date, meeting.weekday
    if isinstance(day, dt.date) and isinstance(weekday, str) and weekday.strip():
        if WEEKDAY_SPELLINGS.get(weekday.strip()) != day.weekday():
            yield _diag(
                meeting.at("weekday"),
                "D302",
                _(
                    "weekday «{weekday}» does not match {value}, a «{weekday_ar}» ({value2}): "
                    "correct the weekday or the date",
                    weekday=weekday,
                    value=day.isoformat(),
                    weekday_ar=weekday_ar(day),
                    value2=day.strftime("%A"),
                ),
            )


def report_dates(report) -> Iterator[Diagnostic]:
    po = report.previous_observations
    pairs = [
        (report, "date_received", report, "date", N_("the report is issued after it is received"))
    ]
    if po is not None:
        pairs += [
            (po, "session_start", po, "session_end", N_("a session ends after it starts")),
            (po, "session_start", po, "adopted", N_("observations are adopted during the session")),
            (po, "adopted", po, "session_end", N_("observations are adopted during the session")),
            (po, "adopted", po, "issued", N_("observations are issued after their adoption")),
        ]
    for first_object, first, second_object, second, why in pairs:
        a, b = getattr(first_object, first), getattr(second_object, second)
        if isinstance(a, dt.date) and isinstance(b, dt.date) and a > b:
            yield _diag(
                second_object.at(second),
                "D303",
                _(
                    "{second} ({b}) is before {first} ({a}), but {why}: correct one of them",
                    second=second,
                    b=b,
                    first=first,
                    a=a,
                    why=_(why),
                ),
            )


def _diag(loc: Loc, code: str, message: str) -> Diagnostic:
    return Diagnostic(loc.file, loc.line, loc.column, code, "error", message)
