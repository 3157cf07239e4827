"""The moments written into outputs: SOURCE_DATE_EPOCH and dates given on the command
line, each read by one parser, checked against one range.

SOURCE_DATE_EPOCH follows reproducible-builds.org: a non-negative integer number of
seconds since 1970-01-01 UTC; a malformed value stops the command (exit 2) rather than
being silently ignored. Dates end up in Word's w:date and the package's core
properties (xsd:dateTime), which Word reads only from 1900 to 9999.
"""

from __future__ import annotations

import os

from cmwreport.errors import CmwError
from cmwreport.i18n import _

TYPE_CHECKING = False  # typing is imported by type checkers alone (issue 21)
if TYPE_CHECKING:
    import datetime as dt
    from collections.abc import Mapping

# datetime is imported where a moment is made: a diff --redline without --date or
# SOURCE_DATE_EPOCH whose draft says when it was saved in Word's own form needs none
# (5 M instructions, 2% of a small diff; issue 21).
#: The first and last years Word reads.
FIRST_YEAR, LAST_YEAR = 1900, 9999


def _bounds() -> tuple[dt.datetime, dt.datetime]:
    import datetime as dt

    return (
        dt.datetime(FIRST_YEAR, 1, 1, tzinfo=dt.UTC),
        dt.datetime(LAST_YEAR, 12, 31, 23, 59, 59, tzinfo=dt.UTC),
    )


class DateError(CmwError):
    """A date or SOURCE_DATE_EPOCH that cannot be written into a document."""


def source_date_epoch(environ: Mapping[str, str] | None = None) -> dt.datetime | None:
    """SOURCE_DATE_EPOCH as a UTC moment, None when unset or empty."""
    seconds = _epoch_seconds(environ)
    if seconds is None:
        return None
    import datetime as dt

    return dt.datetime.fromtimestamp(seconds, tz=dt.UTC)


def source_date_epoch_w3c(environ: Mapping[str, str] | None = None) -> str | None:
    """w3c(source_date_epoch()), made without datetime: a redline dated by
    SOURCE_DATE_EPOCH needs only its text (datetime is 5 M instructions, 2% of a small
    diff; issue 21). From 1970 to 9999 time.strftime writes the same digits."""
    seconds = _epoch_seconds(environ)
    if seconds is None:
        return None
    import time

    return time.strftime(_W3C, time.gmtime(seconds))


#: 9999-12-31T23:59:59Z, the last moment Word reads, in seconds since 1970.
_LAST_SECOND = 253402300799
_W3C = "%Y-%m-%dT%H:%M:%SZ"


def _epoch_seconds(environ: Mapping[str, str] | None) -> int | None:
    value = (os.environ if environ is None else environ).get("SOURCE_DATE_EPOCH")
    if value is None or not value.strip():
        return None
    text = value.strip()
    if not (text.isascii() and text.isdigit()):
        raise DateError(
            _(
                "SOURCE_DATE_EPOCH={value!r}: not a whole number of seconds since 1970-01-01 UTC; "
                "unset it or give e.g. 1700000000",
                value=value,
            )
        )
    seconds = int(text)
    if seconds > _LAST_SECOND:
        raise DateError(
            _(
                "SOURCE_DATE_EPOCH={value!r}: after {year}-12-31, out of range",
                value=value,
                year=LAST_YEAR,
            )
        )
    return seconds


def parse_moment(text: str, what: str = "--date") -> dt.datetime:
    """An ISO 8601 date or date-time (UTC unless it says otherwise), as a UTC moment."""
    import datetime as dt

    given = text.strip()
    try:
        when = dt.datetime.fromisoformat(given.replace("Z", "+00:00").replace("z", "+00:00"))
    except ValueError:
        raise DateError(
            _(
                "{what} {text!r}: not an ISO 8601 date (e.g. 2024-03-01 or 2024-03-01T09:30:00Z)",
                what=what,
                text=text,
            )
        ) from None
    if when.tzinfo is None:
        when = when.replace(tzinfo=dt.UTC)
    EARLIEST, LATEST = _bounds()
    if not EARLIEST <= when <= LATEST:
        # Compared before converting: a moment near year 1 or 9999 cannot be shifted.
        raise DateError(
            _(
                "{what} {text!r}: out of range; give a date from {EARLIEST:%Y-%m-%d} to "
                "{LATEST:%Y-%m-%d}",
                what=what,
                text=text,
                EARLIEST=EARLIEST,
                LATEST=LATEST,
            )
        )
    return when.astimezone(dt.UTC)


def w3c(moment: dt.datetime) -> str:
    """The form Word writes in w:date and core properties: 2024-03-01T09:30:00Z."""
    import datetime as dt

    return moment.astimezone(dt.UTC).strftime(_W3C)


def w3c_of(text: str) -> str:
    """w3c(parse_moment(text)): text itself when it is already in that form (what Word
    and LibreOffice write), without parsing it into a datetime."""
    if _is_w3c(text):
        return text
    return w3c(parse_moment(text))


def _is_w3c(text: str) -> bool:
    """A valid moment written 2024-03-01T09:30:00Z, year FIRST_YEAR to LAST_YEAR."""
    if len(text) != 20 or not text.isascii() or text[4::3] != "--T::Z":
        return False
    fields = (text[0:4], text[5:7], text[8:10], text[11:13], text[14:16], text[17:19])
    if not all(f.isdigit() for f in fields):
        return False
    year, month, day, hour, minute, second = map(int, fields)
    leap = year % 4 == 0 and (year % 100 != 0 or year % 400 == 0)
    days = (31, 29 if leap else 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31)
    return (
        FIRST_YEAR <= year <= LAST_YEAR
        and 1 <= month <= 12
        and 1 <= day <= days[month - 1]
        and hour < 24
        and minute < 60
        and second < 60
    )
