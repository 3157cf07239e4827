"""Moroccan Arabic dates (cmwreport.arabic.dates)."""

from __future__ import annotations

import datetime as dt

from babel.dates import format_date as babel_format_date

from cmwreport.arabic.dates import NO_BREAK, format_date


def test_format_date_is_cldr_ar_ma_d_mmmm_y_for_every_month():
    for month in range(1, 13):
        for day in (dt.date(2022, month, 6), dt.date(1999, month, 28)):
            expected = babel_format_date(day, "d MMMM y", locale="ar_MA")
            assert format_date(day) == expected.replace(" ", NO_BREAK)


def test_moroccan_month_names_and_western_digits():
    assert format_date(dt.date(2013, 9, 13)) == f"13{NO_BREAK}شتنبر{NO_BREAK}2013"
    assert format_date(dt.date(2022, 5, 1)) == f"1{NO_BREAK}ماي{NO_BREAK}2022"
