"""What cmwreport says, in its user's language: Arabic, French or English.

Every sentence a person reads goes through `_()` (or `ngettext()` when it counts), in
English in the code, with `{name}` placeholders filled by keyword:

    _("duplicate id {id} (first at {where})", id=item_id, where=first)

The language is, in this order: `--lang` (cli.main calls `choose`), `lang = "ar"` in
the project's cmwreport.toml, then LANGUAGE, LC_ALL, LC_MESSAGES, LANG as GNU gettext
reads them; English when none names ar or fr. It is worked out on the first message
and the catalogue (a gettext .mo compiled by Babel, docs/translating.md) read then,
once: English reads nothing.

Arabic messages keep paths, codes and numbers readable in a right-to-left line: each
left-to-right run, and each value quoted into the message, is isolated between FSI and
PDI (U+2068, U+2069), which bidi-aware terminals, browsers and editors honour and
others do not show.

Kept free of heavy imports: cli.main imports it before anything else is loaded.
"""

from __future__ import annotations

import os

LANGUAGES = ("ar", "fr", "en")
DOMAIN = "cmwreport"
FSI, PDI = "\u2068", "\u2069"

_chosen: str | None = None
_language: str | None = None
_catalogue = None


class UnknownLanguage(ValueError):
    """A --lang value that is not one of LANGUAGES."""


def choose(lang: str | None) -> None:
    """The language asked for on the command line (None: from the project or locale)."""
    global _chosen, _language, _catalogue
    if lang is not None and _normalise(lang) is None:
        raise UnknownLanguage(lang)
    _chosen = None if lang is None else _normalise(lang)
    _language, _catalogue = None, None


def language() -> str:
    """The language messages are written in ("ar", "fr" or "en"), worked out once."""
    global _language
    if _language is None:
        _language = _chosen or _from_project() or _from_environment() or "en"
    return _language


def _(message: str, /, **values: object) -> str:
    """`message` in the user's language, its `{placeholders}` filled from `values`."""
    lang = language()
    if lang != "en":
        message = _translations().gettext(message)
    return _fill(message, values, lang)


def ngettext(singular: str, plural: str, n: int, /, **values: object) -> str:
    """A message that counts `n` (Arabic has six plural forms, French two); `{n}` is
    filled with `n`."""
    lang = language()
    if lang == "en":
        message = singular if n == 1 else plural
    else:
        message = _translations().ngettext(singular, plural, n)
    return _fill(message, {"n": n, **values}, lang)


def N_(message: str, /) -> str:
    """Marks a message for the catalogue where it is declared (module-level tables);
    `_()` translates it where it is shown."""
    return message


def isolate(text: str) -> str:
    """`text` (a path, a code, a value) kept whole in a line of the other direction."""
    return f"{FSI}{text}{PDI}" if language() == "ar" else text


def _fill(message: str, values: dict, lang: str) -> str:
    if lang == "ar":
        from cmwreport.arabic.isolate import isolated

        return isolated(message, values)
    return message.format(**values) if values else message


def _translations():
    global _catalogue
    if _catalogue is None:
        here = os.path.dirname(os.path.abspath(__file__))
        mo = os.path.join(here, "locale", language(), "LC_MESSAGES", f"{DOMAIN}.mo")
        try:
            with open(mo, "rb") as f:
                _catalogue = _Catalogue(f.read(), _PLURALS[language()])
        except (OSError, ValueError):  # an install without catalogues still speaks English
            _catalogue = _Catalogue(b"", _PLURALS["en"])
    return _catalogue


#: The plural rules of the catalogues' Plural-Forms headers, as functions: the gettext
#: module would compile the header's C expression, importing `re` and `gettext`
#: (20 ms before any command runs) for two rules that never change.
_PLURALS = {
    "ar": lambda n: (
        0
        if n == 0
        else 1
        if n == 1
        else 2
        if n == 2
        else 3
        if 3 <= n % 100 <= 10
        else 4
        if 11 <= n % 100 <= 99
        else 5
    ),
    "fr": lambda n: int(n > 1),
    "en": lambda n: int(n != 1),
}


class _Catalogue:
    """A compiled gettext catalogue (.mo, GNU format, as Babel writes it), read with
    the standard library's core only."""

    def __init__(self, data: bytes, plural) -> None:
        self.plural = plural
        self.messages: dict[str, str] = {}
        if not data:
            return
        import struct

        magic = struct.unpack("<I", data[:4])[0]
        order = "<" if magic == 0x950412DE else ">" if magic == 0xDE120495 else None
        if order is None:
            raise ValueError("not a .mo file")
        _revision, count, originals, translations = struct.unpack(order + "4I", data[4:20])
        for i in range(count):
            length, at = struct.unpack(
                order + "2I", data[originals + 8 * i : originals + 8 * i + 8]
            )
            key = data[at : at + length].decode("utf-8")
            length, at = struct.unpack(
                order + "2I", data[translations + 8 * i : translations + 8 * i + 8]
            )
            self.messages[key] = data[at : at + length].decode("utf-8")

    def gettext(self, message: str) -> str:
        return self.messages.get(message) or message

    def ngettext(self, singular: str, plural: str, n: int) -> str:
        found = self.messages.get(f"{singular}\x00{plural}")
        if found:
            forms = found.split("\x00")
            index = self.plural(n)
            if index < len(forms) and forms[index]:
                return forms[index]
        return singular if n == 1 else plural


def _normalise(value: str) -> str | None:
    """ "ar_MA.UTF-8" -> "ar"; None for a language cmwreport does not speak ("C" too)."""
    code = value.strip().split(".")[0].split("@")[0].replace("-", "_").split("_")[0].lower()
    return code if code in LANGUAGES else None


def _from_environment() -> str | None:
    # As Python's gettext.find: the first variable set decides; LANGUAGE may list several.
    for name in ("LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG"):
        value = os.environ.get(name)
        if value:
            for entry in value.split(":"):
                if entry and _normalise(entry):
                    return _normalise(entry)
            return None
    return None


def _from_project() -> str | None:
    """`lang = "..."` in the cmwreport.toml above the current folder. A marker that
    cannot be read is not reported here: the command reading it says what is wrong."""
    try:
        folder = os.getcwd()
    except OSError:
        return None
    while True:
        marker = os.path.join(folder, "cmwreport.toml")
        if os.path.isfile(marker):
            return _lang_in(marker)
        if os.path.isfile(os.path.join(folder, "sources", "report.yaml")):
            return None
        parent = os.path.dirname(folder)
        if parent == folder:
            return None
        folder = parent


def _lang_in(marker: str) -> str | None:
    try:
        with open(marker, "rb") as f:
            data = f.read()
    except OSError:
        return None
    if b"lang" not in data:  # spares tomllib on every start-up
        return None
    import tomllib

    try:
        value = tomllib.loads(data.decode("utf-8")).get("lang")
    except (tomllib.TOMLDecodeError, UnicodeDecodeError):
        return None
    return _normalise(value) if isinstance(value, str) else None


def reset() -> None:
    """Forget the language worked out (tests, and a process that changes folder)."""
    choose(None)
