"""The one SOURCE_DATE_EPOCH parser and --date parser (timestamps.py)."""

from __future__ import annotations

import datetime as dt

import pytest

from cmwreport.timestamps import DateError, parse_moment, source_date_epoch, w3c


def test_source_date_epoch():
    assert source_date_epoch({}) is None
    assert source_date_epoch({"SOURCE_DATE_EPOCH": " "}) is None
    assert source_date_epoch({"SOURCE_DATE_EPOCH": "1700000000"}) == dt.datetime(
        2023, 11, 14, 22, 13, 20, tzinfo=dt.UTC
    )
    assert source_date_epoch({"SOURCE_DATE_EPOCH": "0"}).year == 1970
    for bad in ("-1", "1.5", "1e9", "٣", "²", "abc", "253402300800"):
        with pytest.raises(DateError, match="SOURCE_DATE_EPOCH"):
            source_date_epoch({"SOURCE_DATE_EPOCH": bad})


def test_dates_are_utc_and_in_range():
    assert w3c(parse_moment("2024-03-01")) == "2024-03-01T00:00:00Z"
    assert w3c(parse_moment("2024-03-01T10:00:00+02:00")) == "2024-03-01T08:00:00Z"
    assert w3c(parse_moment("2024-03-01T10:00:00Z")) == "2024-03-01T10:00:00Z"
    assert w3c(parse_moment("9999-12-31T23:59:59")) == "9999-12-31T23:59:59Z"
    for bad in ("0001-01-01T00:00:00+14:00", "9999-12-31T23:59:59-14:00", "1899-12-31"):
        with pytest.raises(DateError, match="out of range"):
            parse_moment(bad)
