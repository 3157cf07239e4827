"""Dates the way Moroccan Arabic writes them: Western digits, Moroccan month names."""

from __future__ import annotations

import datetime as dt

#: Weekday names, Monday first (datetime.weekday() order).
WEEKDAYS = ("الاثنين", "الثلاثاء", "الأربعاء", "الخميس", "الجمعة", "السبت", "الأحد")
#: Spellings a drafter may write for each weekday (0 = Monday), hamza or not.
WEEKDAY_SPELLINGS: dict[str, int] = {name: index for index, name in enumerate(WEEKDAYS)}
WEEKDAY_SPELLINGS.update({"الإثنين": 0, "الاربعاء": 2, "الاحد": 6})
#: CLDR's ar_MA month names ("format", "wide"), January first. Written out rather than
#: read from Babel: loading its locale data took 35 ms of every build, for twelve words
#: that the test of format_date compares with Babel's own formatting.
MONTHS = (
    "يناير",
    "فبراير",
    "مارس",
    "أبريل",
    "ماي",
    "يونيو",
    "يوليوز",
    "غشت",
    "شتنبر",
    "أكتوبر",
    "نونبر",
    "دجنبر",
)


#: Spellings a drafter may write for each month besides CLDR's (MONTHS): the common
#: variants without hamza, and the Egyptian/Gulf names. Used to read dates written in
#: text, never to write them (format_date does that, with CLDR's names).
_VARIANTS = (
    (),
    (),
    (),
    ("ابريل", "إبريل"),
    ("مايو",),
    ("يونيه",),
    ("يوليو", "يوليه"),
    ("أغسطس", "اغسطس"),
    ("سبتمبر",),
    ("اكتوبر",),
    ("نوفمبر",),
    ("ديسمبر",),
)
MONTH_SPELLINGS: dict[str, int] = {
    name: number
    for number, (cldr, variants) in enumerate(zip(MONTHS, _VARIANTS, strict=True), start=1)
    for name in (cldr, *variants)
}


def weekday_ar(day: dt.date) -> str:
    return WEEKDAYS[day.weekday()]


#: Joins day, month and year so that a line never breaks inside a date.
NO_BREAK = "\u00a0"


def format_date(day: dt.date) -> str:
    """'6 أبريل 2022': CLDR's ar_MA month names and Western digits, the parts joined
    by no-break spaces (CLDR's "d MMMM y" for ar_MA, which a test compares with Babel's
    own formatting for every month)."""
    return f"{day.day}{NO_BREAK}{MONTHS[day.month - 1]}{NO_BREAK}{day.year}"


def day_phrase(day: dt.date) -> str:
    """'الأربعاء 6 أبريل 2022': weekday, then the date with the Moroccan month name."""
    return f"{weekday_ar(day)} {format_date(day)}"
