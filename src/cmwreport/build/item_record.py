"""The per-item record: each source item's paragraph as built, in digest form, written
into the draft so that `absorb --force` can tell, item by item, a reviewer's edit
from a change made to the sources since the build.

For every paragraph (or table row) carrying an identity bookmark, in document order,
a key (a digest of the identity) and a digest of its text as the draft reader reads
it (`digest`; rows as `diff` reads them, cells joined by " | "). Fifteen characters
an item, no separators.

Where it lives: custom document properties, as the fingerprint does, but cut into
properties of at most 255 characters (`cmwreport.items.1` ...; `cmwreport.items`
says the version and how many): desktop Word truncates a longer custom property to
255 characters when it saves, and LibreOffice keeps user-defined properties as
they are. A record that does not read back whole (a part missing, a length that is
not a multiple of an entry) is no record: absorb then judges per file and says why.
"""

from __future__ import annotations

import binascii
import hashlib
import unicodedata

from cmwreport.docx.custom_properties import joined, split
from cmwreport.plain import Plain

PROPERTY = "cmwreport.items"
VERSION = "1"
_KEY = 7
_DIGEST = 8
ENTRY = _KEY + _DIGEST


_URLSAFE = bytes.maketrans(b"+/", b"-_")


def _b64(data: str, size: int) -> str:
    # The digest's first `size` URL-safe base64 characters: those of its first six
    # bytes (base64 writes each 3 bytes as 4 characters), encoded without the rest.
    raw = hashlib.sha256(data.encode("utf-8")).digest()[:6]
    return binascii.b2a_base64(raw, newline=False).translate(_URLSAFE).decode("ascii")[:size]


def key(ident: str) -> str:
    return _b64(ident, _KEY)


def digest(text: str) -> str:
    """A paragraph's text as built or read, NFC: the same text gives the same digest."""
    return _b64(unicodedata.normalize("NFC", text), _DIGEST)


class Record(Plain):
    """`items`: key of an identity -> digest of its paragraph as built; `order`: keys
    in document order as built."""

    _compared = ("items", "order")

    def __init__(self, items: dict[str, str], order: list[str]) -> None:
        self.items, self.order = items, order
        self._positions = {k: n for n, k in enumerate(order)}

    def get(self, ident: str | None) -> str | None:
        return self.items.get(key(ident)) if ident else None

    def position(self, ident: str) -> int | None:
        k = key(ident)
        return self._positions.get(k)


def encode(entries: list[tuple[str, str]]) -> dict[str, str]:
    """(key, digest) of each item in document order (`entries`) -> the custom
    properties to write. Two identities with one key are both left out (absorb judges
    them per file)."""
    keys = [k for k, _digest in entries]
    twice = {k for k in keys if keys.count(k) > 1} if len(set(keys)) < len(keys) else set()
    seen: set[str] = set()
    body = []
    for k, text_digest in entries:
        if k in twice or k in seen:
            continue
        seen.add(k)
        body.append(k + text_digest)
    return split(PROPERTY, "".join(body), VERSION)


def decode(get) -> Record | None:
    """The record from `get(name) -> str | None`; None when absent or not whole."""
    text = joined(get, PROPERTY, VERSION)
    if text is None:
        return None
    if len(text) % ENTRY:
        return None
    items: dict[str, str] = {}
    order = []
    for i in range(0, len(text), ENTRY):
        k, d = text[i : i + _KEY], text[i + _KEY : i + ENTRY]
        items[k] = d
        order.append(k)
    return Record(items, order)


def _digested(items: list[tuple[str, str]]) -> list[tuple[str, str]]:
    """(key, digest) of each (identity, text): `key` and `digest`, their six bytes each
    encoded together (six bytes are eight base64 characters, so each item's sixteen are
    its own) rather than two encodings an item."""
    sha256, nfc = hashlib.sha256, unicodedata.normalize
    raw = bytearray()
    for ident, text in items:
        raw += sha256(ident.encode("utf-8")).digest()[:6]
        raw += sha256(nfc("NFC", text).encode("utf-8")).digest()[:6]
    coded = binascii.b2a_base64(raw, newline=False).translate(_URLSAFE).decode("ascii")
    return [(coded[i : i + _KEY], coded[i + 8 : i + 8 + _DIGEST]) for i in range(0, len(coded), 16)]


def entries(nodes, read: dict | None = None) -> list[tuple[str, str]]:
    """(key of its identity, digest of its text) of each bookmarked paragraph or table
    row among rendered body elements, the text read as the draft reader reads it:
    worked out once, for the report's record and the standalone annex's. `read`:
    (identity, text, ...) of the nodes `render` knew them of (docx/content.py)."""
    from cmwreport.docx import wordml as n
    from cmwreport.docx.plain import plain_text
    from cmwreport.docx.text import identity, paragraph_text

    def text_of(p) -> str:
        # Most built paragraphs are plain (runs of one text): read without `atoms`.
        text = plain_text(p)
        return paragraph_text(p) if text is None else text

    out: list[tuple[str, str]] = []  # (identity, text), digested below
    read = read or {}
    for node in nodes:
        known = read.get(node)
        if known is not None:
            out.append((known[0], known[1]))
            continue
        for el in node.iter(n.P, n.TR):
            if el.tag == n.TR:
                cells = [c for c in el if c.tag == n.TC]
                ident = identity(cells[0]) if cells else None
                if ident:
                    texts = [
                        "\n".join(t for p in c.iter(n.P) if (t := text_of(p)).strip())
                        for c in cells
                    ]
                    out.append((ident, " | ".join(texts)))
                continue
            if _in_table(el, node):
                continue
            ident = identity(el)
            if ident:
                out.append((ident, text_of(el)))
    return _digested(out)


def _in_table(el, stop) -> bool:
    from cmwreport.docx import wordml as n

    parent = el.getparent()
    while parent is not None and parent is not stop:
        if parent.tag == n.TC:
            return True
        parent = parent.getparent()
    return stop.tag == n.TC


def read(path) -> Record | None:
    """The record a draft on disk carries, or None."""
    from cmwreport.docx.custom_properties import properties_of

    return decode(properties_of(path).get)
