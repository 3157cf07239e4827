"""Dates the way Moroccan Arabic writes them: Western digits, Moroccan month names."""

from __future__ import annotations

import datetime as dt
from functools import cache

#: Weekday names, Monday first (datetime.weekday() order).
WEEKDAYS = ("الاثنين", "الثلاثاء", "الأربعاء", "الخميس", "الجمعة", "السبت", "الأحد")
#: Spellings a drafter may write for each weekday (0 = Monday), hamza or not.
WEEKDAY_SPELLINGS: dict[str, int] = {name: index for index, name in enumerate(WEEKDAYS)}
WEEKDAY_SPELLINGS.update({"الإثنين": 0, "الاربعاء": 2, "الاحد": 6})
#: Spellings a drafter may write for each month: the Moroccan names (CLDR ar_MA), the
#: common variants without hamza, and the Egyptian/Gulf names. Used to read dates
#: written in text, never to write them (format_date does that, through CLDR).
MONTH_SPELLINGS: dict[str, int] = {}
for _number, _names in enumerate(
    (
        ("يناير",),
        ("فبراير", "فبراير"),
        ("مارس",),
        ("أبريل", "ابريل", "إبريل"),
        ("ماي", "مايو"),
        ("يونيو", "يونيه"),
        ("يوليوز", "يوليو", "يوليه"),
        ("غشت", "أغسطس", "اغسطس"),
        ("شتنبر", "سبتمبر"),
        ("أكتوبر", "اكتوبر"),
        ("نونبر", "نوفمبر"),
        ("دجنبر", "ديسمبر"),
    ),
    start=1,
):
    for _name in _names:
        MONTH_SPELLINGS[_name] = _number


def weekday_ar(day: dt.date) -> str:
    return WEEKDAYS[day.weekday()]


#: Joins day, month and year so that a line never breaks inside a date.
NO_BREAK = "\u00a0"


def format_date(day: dt.date) -> str:
    """'6 أبريل 2022': CLDR's ar_MA month names and Western digits, the parts joined
    by no-break spaces (CLDR's "d MMMM y" for ar_MA, which a test compares with Babel's
    own formatting for every month)."""
    return f"{day.day}{NO_BREAK}{_months()[day.month]}{NO_BREAK}{day.year}"


@cache
def _months() -> dict[int, str]:
    # Babel's format_date parses its locale and pattern on every call: 30-45 ms a build
    # for the bench's 72 meeting dates. The month names are all it contributes.
    from babel import Locale

    return dict(Locale.parse("ar_MA").months["format"]["wide"])


def day_phrase(day: dt.date) -> str:
    """'الأربعاء 6 أبريل 2022': weekday, then the date with the Moroccan month name."""
    return f"{weekday_ar(day)} {format_date(day)}"
