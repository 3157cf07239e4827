"""Dates the way Moroccan Arabic writes them: Western digits, Moroccan month names."""

from __future__ import annotations

import datetime as dt

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
    by no-break spaces."""
    from babel.dates import format_date as babel_format

    return babel_format(day, "d MMMM y", locale="ar_MA").replace(" ", NO_BREAK)
