"""The moments written into outputs: SOURCE_DATE_EPOCH and dates given on the command
line, each read by one parser, checked against one range.

SOURCE_DATE_EPOCH follows reproducible-builds.org: a non-negative integer number of
seconds since 1970-01-01 UTC; a malformed value stops the command (exit 2) rather than
being silently ignored. Dates end up in Word's w:date and the package's core
properties (xsd:dateTime), which Word reads only from 1900 to 9999.
"""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Mapping

from cmwreport.errors import CmwError
from cmwreport.i18n import _

EARLIEST = dt.datetime(1900, 1, 1, tzinfo=dt.UTC)
LATEST = dt.datetime(9999, 12, 31, 23, 59, 59, tzinfo=dt.UTC)


class DateError(CmwError):
    """A date or SOURCE_DATE_EPOCH that cannot be written into a document."""


def source_date_epoch(environ: Mapping[str, str] | None = None) -> dt.datetime | None:
    """SOURCE_DATE_EPOCH as a UTC moment, None when unset or empty."""
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
    if seconds > LATEST.timestamp():
        raise DateError(
            _(
                "SOURCE_DATE_EPOCH={value!r}: after {year}-12-31, out of range",
                value=value,
                year=LATEST.year,
            )
        )
    return dt.datetime.fromtimestamp(seconds, tz=dt.UTC)


def parse_moment(text: str, what: str = "--date") -> dt.datetime:
    """An ISO 8601 date or date-time (UTC unless it says otherwise), as a UTC moment."""
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
    return moment.astimezone(dt.UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
