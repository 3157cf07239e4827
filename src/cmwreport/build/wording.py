"""UN Arabic wording the build prints around the State's text, read from data.

The data file (cmwreport/reference/un_arabic.yaml) names its sources; nothing of it
is typed into code, so a drafting office can check and correct it in one place.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from functools import cache

from cmwreport.arabic.dates import NO_BREAK


@dataclass(frozen=True)
class Wording:
    months: tuple[str, ...]
    footnotes: dict[str, str]
    letters: tuple[str, ...]
    letter_label: str
    third_level_label: str
    ordinals: tuple[str, ...]
    reply_heading: str
    reply_heading_full: str


@cache
def wording() -> Wording:
    from importlib import resources

    import yaml

    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    text = resources.files("cmwreport.reference").joinpath("un_arabic.yaml").read_text("utf-8")
    data = yaml.load(text, Loader=loader)
    return Wording(
        months=tuple(data["months"]),
        footnotes=dict(data["footnotes"]),
        letters=tuple(data["letters"]),
        letter_label=data["labels"]["letter"],
        third_level_label=data["labels"]["third_level"],
        ordinals=tuple(data["ordinals"]),
        reply_heading=data["reply_heading"],
        reply_heading_full=data["reply_heading_full"],
    )


def un_date(day: dt.date) -> str:
    """'28 تشرين الثاني/نوفمبر 2022', unbreakable: the date as the UN prints it."""
    month = wording().months[day.month - 1].replace(" ", NO_BREAK)
    return NO_BREAK.join((str(day.day), month, str(day.year)))


def cycle_ordinal(cycle: int) -> str:
    """'الثاني' for cycle 2: the report's ordinal adjective."""
    ordinals = wording().ordinals
    return ordinals[cycle - 1] if 1 <= cycle <= len(ordinals) else str(cycle)


def letter_label(index: int) -> str:
    """'(أ)' for 0, '(هـ)' for 4; past the alphabet, the number."""
    letters = wording().letters
    letter = letters[index] if index < len(letters) else str(index + 1)
    return wording().letter_label.format(letter)


def third_level_label(index: int) -> str:
    """'’1‘' for 0: the third list level of a UN Arabic text."""
    return wording().third_level_label.format(index + 1)
