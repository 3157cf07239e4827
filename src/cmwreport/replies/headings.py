"""The UN Arabic heading of a reply, and the question a heading names.

The State's replies under the simplified procedure are headed "الرد على المسألة المثارة
في الفقرة 1 من قائمة المسائل" (CMW/C/MAR/2, as issued), and a sub-item's reply
"... في الفقرة 3 (أ) ...". The wording is data (reference/un_arabic.yaml); the letters
are the UN Arabic list letters (أ، ب، ج ...).
"""

from __future__ import annotations

import re

from cmwreport.sources.schema import ITEM_LABELS

#: "الفقرة 3 (أ)": the paragraph number, then an optional letter in brackets.
_CITED = re.compile(r"الفقرة\s*(\d{1,4})(?:\s*\(\s*([^\s()]{1,3})\s*\))?")


def _wording():
    from cmwreport.arabic.wording import wording

    return wording()


def arabic_key(number: int, label: str | None) -> str:
    """'3 (أ)' for question 3 (a): how an Arabic text cites it."""
    if not label:
        return str(number)
    letters = _wording().letters
    index = ITEM_LABELS.index(label)
    letter = letters[index] if index < len(letters) else label
    return f"{number} {_wording().letter_label.format(letter)}"


def heading(number: int, label: str | None) -> str:
    """The reply heading of question `number`, sub-item `label`."""
    return _wording().reply_heading_full.format(key=arabic_key(number, label))


def is_reply_heading(text: str) -> bool:
    return text.strip().startswith(_wording().reply_heading)


def parse(text: str) -> tuple[int, str | None] | None:
    """(3, 'a') for a reply heading naming paragraph 3 (أ); None when the heading names no
    paragraph number (it is then no reply to a known question)."""
    if not is_reply_heading(text):
        return None
    found = _CITED.search(text)
    if found is None:
        return None
    number = int(found.group(1))  # int() reads Arabic-Indic digits too
    letter = found.group(2)
    if letter is None:
        return number, None
    letters = _wording().letters
    if letter in letters:
        index = letters.index(letter)
        return number, ITEM_LABELS[index] if index < len(ITEM_LABELS) else None
    if letter.lower() in ITEM_LABELS:
        return number, letter.lower()
    return number, None
