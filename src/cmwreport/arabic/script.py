"""Facts about Arabic text that validation, build and diff share.

Text is kept in logical order, NFC, without presentation forms. The only place
that shapes Arabic for display is `display()`, for terminals that cannot.
"""

from __future__ import annotations

import re

#: The character classes, compiled when first used (`__getattr__`): each class of
#: ranges above U+00FF costs `re` a 64K-entry table to compile, and most commands
#: (diff of two drafts, the build) use one or none of them.
_CLASSES = {
    #: Pre-shaped glyphs (Arabic Presentation Forms-A and -B): pasted from a PDF or a
    #: reshaper; they break search, spell-checking and shaping in Word.
    "PRESENTATION_FORMS": "[\ufb50-\ufdff\ufe70-\ufeff]",
    #: Explicit bidi embeddings, overrides, isolates and marks.
    "BIDI_CONTROLS": "[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]",
    #: Invisible joiners and spaces (U+FEFF is caught above as a presentation form).
    "ZERO_WIDTH": "[\u200b-\u200d\u2060]",
    #: Harakat, superscript alef and Quranic marks; tatweel (kashida) is U+0640.
    "DIACRITICS": "[\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed\u0640]",
    "ARABIC_LETTER": "[\u0600-\u06ff]",
}


def __getattr__(name: str) -> re.Pattern:
    """PRESENTATION_FORMS, BIDI_CONTROLS, ZERO_WIDTH, DIACRITICS, ARABIC_LETTER."""
    if name not in _CLASSES:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    pattern = globals()[name] = re.compile(_CLASSES[name])
    return pattern


def character_class(name: str) -> str:
    """The class `name` stands for, not compiled: to merge it into one class with others."""
    return _CLASSES[name]


def _compiled(name: str) -> re.Pattern:
    found = globals().get(name)
    return found if found is not None else __getattr__(name)


#: Arabic comma, semicolon and question mark: word separators in Arabic text.
ARABIC_PUNCTUATION = "\u060c\u061b\u061f"


def has_arabic(text: str) -> bool:
    return _compiled("ARABIC_LETTER").search(text) is not None


def strip_diacritics(text: str) -> str:
    """Text without harakat and tatweel, for comparisons that should ignore them."""
    return _compiled("DIACRITICS").sub("", text)


def display(text: str) -> str:
    """Visual-order, pre-shaped text for a terminal without bidi support. Never store it."""
    import arabic_reshaper
    from bidi import get_display

    return get_display(arabic_reshaper.reshape(text))
