"""Field codes and link targets as compared: one field or link written two ways (Word
and LibreOffice, quoted or not, switches in another order, escaped or not) reads the
same. Used by the text reader (docx/text.py) for every field and link it meets."""

from __future__ import annotations

import re


def add_field(inline, instr: str) -> None:
    """A field by its meaning: a HYPERLINK field is a link, as `w:hyperlink` is (Word
    writes one, LibreOffice the other, for the same link), anything else its code."""
    code = field_code(instr)
    words = _WORDS.findall(code)
    if words and words[0] == "HYPERLINK":
        target, anchor = "", ""
        for i, word in enumerate(words[1:], start=1):
            if word == "\\l" and i + 1 < len(words):
                anchor = _unquote(words[i + 1])
            elif not word.startswith("\\") and words[i - 1] != "\\l" and not target:
                target = _unquote(word)
        if target or anchor:
            inline.links.append(link_target(target, anchor))
            return
    if code:
        inline.fields.append(code)


def link_target(url: str, anchor: str | None) -> str:
    """A link as compared: its address (a host alone with its slash: LibreOffice adds
    it), and "#bookmark" for a place in a document."""
    if _host_only(url):
        url += "/"
    if "%" in url:
        # "B%C3%A9atrice" and "Béatrice", "%20" and " ": one address written two ways
        # (LibreOffice writes links unescaped).
        url = re.sub(_ESCAPE, lambda m: chr(int(m.group(1), 16)), url.encode().decode("latin-1"))
        url = url.encode("latin-1").decode("utf-8", "replace")
    return f"{url}#{anchor}" if anchor else url


def _simple(word: str) -> str:
    """A quoted argument without spaces means the same unquoted."""
    if word[0] == '"' and len(word) > 2 and not any(c.isspace() for c in word):
        return word[1:-1]
    return word


def _unquote(word: str) -> str:
    return word[1:-1] if len(word) > 1 and word[0] == word[-1] == '"' else word


# Text, compiled by re for the first address with a %-escape (issue 21).
_ESCAPE = r"%([0-9A-Fa-f]{2})"
_WORDS = re.compile(r'"[^"]*"|\S+')
_QUOTED = re.compile(r'"[^"]*"')
_SWITCH_ARGUMENT = re.compile(r'(\\[@#!*])\s*"')
_LETTERS = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"
_SCHEME = frozenset(_LETTERS + "0123456789+.-")


def _host_only(url: str) -> bool:
    """What `^[A-Za-z][A-Za-z0-9+.-]*://[^/?#]+$` matches: a scheme and a host alone,
    tested without compiling the pattern at import (0.4 M instructions; issue 21)."""
    scheme, sep, host = url.partition("://")
    return (
        bool(sep and scheme and host)
        and scheme[0] in _LETTERS
        and all(c in _SCHEME for c in scheme)
        and not any(c in "/?#" for c in host)
    )


def field_code(instr: str) -> str:
    """A field instruction by its meaning: its type and arguments in order, then its
    switches as a set (`TOC \\o "1-3" \\h` = `TOC \\h \\o "1-3"`), an argument without
    spaces the same quoted or not (`DOCPROPERTY Author` = `DOCPROPERTY "Author"`).
    Format switches (`\\* MERGEFORMAT`) are how the result looks, and LibreOffice drops or
    adds them on save; it also escapes the characters of a picture (`\\@ "M\\/d\\/yy"`)
    and spaces switches otherwise."""
    instr = _SWITCH_ARGUMENT.sub(r'\1 "', instr)
    instr = _QUOTED.sub(lambda m: re.sub(r"\\([^A-Za-z0-9])", r"\1", m.group(0)), instr)
    words = [_simple(word) for word in _WORDS.findall(instr)]
    head: list[str] = []
    switches: list[str] = []
    skip = False
    for i, word in enumerate(words):
        if skip:
            skip = False
        elif word == "\\*":
            skip = True
        elif word.startswith("\\") and len(word) > 1:
            argument = i + 1 < len(words) and not words[i + 1].startswith("\\")
            switches.append(f"{word} {words[i + 1]}" if argument else word)
            skip = argument
        else:
            head.append(word)
    if head:
        head[0] = head[0].upper()
    return " ".join(head + sorted(switches))
