"""The one SOURCE_DATE_EPOCH parser and --date parser (timestamps.py)."""

from __future__ import annotations

import datetime as dt
import random

import pytest

from cmwreport.timestamps import (
    DateError,
    parse_moment,
    source_date_epoch,
    source_date_epoch_w3c,
    w3c,
    w3c_of,
)


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


def test_a_moment_in_words_own_form_is_taken_as_written():
    # w3c_of skips datetime for text already in the form Word writes: it must say what
    # parsing and writing it again says, for every kind of text, valid or not.
    rng = random.Random(21)
    texts = [
        "2024-03-01T09:30:00Z", "1900-01-01T00:00:00Z", "9999-12-31T23:59:59Z",
        "1899-12-31T23:59:59Z", "2024-02-29T00:00:00Z", "2023-02-29T00:00:00Z",
        "1900-02-29T00:00:00Z", "2000-02-29T12:00:00Z", "2024-04-31T00:00:00Z",
        "2024-13-01T00:00:00Z", "2024-00-10T00:00:00Z", "2024-01-00T00:00:00Z",
        "2024-01-01T24:00:00Z", "2024-01-01T23:60:00Z", "2024-01-01T23:59:60Z",
        "2024-03-01T09:30:00z", "2024-03-01 09:30:00Z", " 2024-03-01T09:30:00Z",
        "2024-03-01T09:30:00+02:00", "\u0662024-03-01T09:30:00Z", "2024-03-01T09:30:0\uff10Z",
        "0000-01-01T00:00:00Z", "2024-03-01", "",
    ]  # fmt: skip
    for _ in range(3000):
        y, mo, d = rng.randrange(1890, 10000), rng.randrange(0, 14), rng.randrange(0, 33)
        h, mi, s = rng.randrange(0, 26), rng.randrange(0, 62), rng.randrange(0, 62)
        texts.append(f"{y:04d}-{mo:02d}-{d:02d}T{h:02d}:{mi:02d}:{s:02d}Z")
    outcomes = set()
    for text in texts:
        try:
            expected = w3c(parse_moment(text))
        except DateError as exc:
            with pytest.raises(DateError) as raised:
                w3c_of(text)
            assert str(raised.value) == str(exc)
            outcomes.add("refused")
        else:
            assert w3c_of(text) == expected, text
            outcomes.add("as written" if expected == text else "rewritten")
    assert outcomes == {"refused", "as written", "rewritten"}


def test_source_date_epoch_as_text_is_what_datetime_writes():
    # diff --redline writes SOURCE_DATE_EPOCH's moment without datetime: the same text
    # for every second from 1970 to the last Word reads, and the same refusals.
    rng = random.Random(21)
    values = ["0", "1700000000", "951782400", "4107542399", "253402300799", "86399", " 12 "]
    values += [str(rng.randrange(0, 253402300800)) for _ in range(5000)]
    for value in values:
        environ = {"SOURCE_DATE_EPOCH": value}
        assert source_date_epoch_w3c(environ) == w3c(source_date_epoch(environ)), value
    assert source_date_epoch_w3c({"SOURCE_DATE_EPOCH": "253402300799"}) == "9999-12-31T23:59:59Z"
    assert source_date_epoch_w3c({}) is source_date_epoch_w3c({"SOURCE_DATE_EPOCH": ""}) is None
    for bad in ("-1", "1.5", "1e9", "\u0663", "\u00b2", "abc", "253402300800"):
        environ = {"SOURCE_DATE_EPOCH": bad}
        with pytest.raises(DateError) as expected:
            source_date_epoch(environ)
        with pytest.raises(DateError) as raised:
            source_date_epoch_w3c(environ)
        assert str(raised.value) == str(expected.value)
