"""Hostile drafts for `diff`: mutations of a real draft's zip, members and XML.

Each mutation takes the draft's members (name -> bytes, in order) and a seeded random
generator and returns the members to write, or raw bytes for damage below the zip
level. Categories: byte damage and truncation of the file, members removed, renamed,
duplicated, encrypted-flagged or corrupt, and XML mutations (DOCTYPE and entities,
deep nesting, characters XML cannot carry, elements dropped, duplicated, moved,
attributes given nonsense values, revision markup nested oddly).
"""

from __future__ import annotations

import io
import random
import struct
import warnings
import zipfile
from collections.abc import Callable
from pathlib import Path

from lxml import etree

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
XML_PARTS = ("word/document.xml", "word/styles.xml", "word/footnotes.xml", "_rels/.rels",
             "word/_rels/document.xml.rels", "[Content_Types].xml", "docProps/core.xml",
             "word/numbering.xml", "word/header1.xml", "word/footer1.xml")  # fmt: skip
ODD_VALUES = ["", "-1", "0", "99999999999999999999", "abc", "NaN", "1.5", "\u202e", "x" * 5000,
              "rId999", "../../etc/passwd", "_cmw_", "_cmw_" + "x" * 100, "٣"]  # fmt: skip

Members = list[tuple[str, bytes]]


def read_members(path: Path) -> Members:
    with zipfile.ZipFile(path) as zf:
        return [(info.filename, zf.read(info)) for info in zf.infolist()]


def write(members: Members | bytes, path: Path) -> None:
    if isinstance(members, bytes):
        path.write_bytes(members)
        return
    buffer = io.BytesIO()
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # duplicate names are one of the mutations
        with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as zf:
            for name, data in members:
                zf.writestr(zipfile.ZipInfo(name, (1980, 1, 1, 0, 0, 0)), data)
    path.write_bytes(buffer.getvalue())


def _zip(members: Members) -> bytes:
    buffer = io.BytesIO()
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # duplicate names are one of the mutations
        with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as zf:
            for name, data in members:
                zf.writestr(name, data)
    return buffer.getvalue()


def _xml_member(members: Members, rng: random.Random) -> int:
    indices = [i for i, (name, _) in enumerate(members) if name in XML_PARTS]
    weights = [6 if members[i][0] == "word/document.xml" else 1 for i in indices]
    return rng.choices(indices, weights)[0]


def _edit_tree(members: Members, rng: random.Random, edit) -> Members:
    index = _xml_member(members, rng)
    name, data = members[index]
    try:
        root = etree.fromstring(data)
    except etree.XMLSyntaxError:
        return members
    edit(root, rng)
    members = list(members)
    members[index] = (name, etree.tostring(root, xml_declaration=True, encoding="UTF-8"))
    return members


def byte_damage(members: Members, rng: random.Random) -> bytes:
    data = bytearray(_zip(members))
    for _ in range(rng.randint(1, 20)):
        data[rng.randrange(len(data))] = rng.randrange(256)
    return bytes(data)


def truncation(members: Members, rng: random.Random) -> bytes:
    data = _zip(members)
    return data[: rng.randint(0, len(data))]


def member_removed(members: Members, rng: random.Random) -> Members:
    victim = rng.randrange(len(members))
    return [m for i, m in enumerate(members) if i != victim]


def member_renamed(members: Members, rng: random.Random) -> Members:
    members = list(members)
    index = rng.randrange(len(members))
    name = rng.choice(["../evil.xml", "/abs/document.xml", "word\\document.xml",
                       "WORD/DOCUMENT.XML", "word/document.xml/", "word//document.xml",
                       "word/./document.xml", members[index][0] + "\x00", "ﻭ.xml"])  # fmt: skip
    members[index] = (name, members[index][1])
    return members


def member_duplicated(members: Members, rng: random.Random) -> Members:
    index = _xml_member(members, rng)
    name, data = members[index]
    return list(members) + [(name, data[: len(data) // 2])]


def member_corrupt_compression(members: Members, rng: random.Random) -> bytes:
    """A member whose deflate stream or CRC is broken, possibly one diff never reads."""
    data = bytearray(_zip(members))
    target = rng.choice([m[0] for m in members]).encode()
    at = data.find(target)
    if at > 0:
        start = at + len(target)
        for offset in range(rng.randint(1, 8)):
            if start + offset * 3 < len(data):
                data[start + offset * 3] ^= 0xFF
    return bytes(data)


def member_encrypted_flag(members: Members, rng: random.Random) -> bytes:
    data = bytearray(_zip(members))
    # Set the "encrypted" bit (bit 0 of the general purpose flag) on some headers.
    for signature, flag_offset in ((b"PK\x03\x04", 6), (b"PK\x01\x02", 8)):
        at = data.find(signature)
        while at >= 0:
            if rng.random() < 0.5:
                (flags,) = struct.unpack_from("<H", data, at + flag_offset)
                struct.pack_into("<H", data, at + flag_offset, flags | 1)
            at = data.find(signature, at + 4)
    return bytes(data)


def doctype(members: Members, rng: random.Random) -> Members:
    index = _xml_member(members, rng)
    name, data = members[index]
    declaration = rng.choice(
        [
            b'<!DOCTYPE w [<!ENTITY e "entity text">]>',
            b'<!DOCTYPE w [<!ENTITY x SYSTEM "file:///etc/passwd">]>',
            b'<!DOCTYPE w [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">'
            b'<!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;"><!ENTITY d "&c;&c;&c;&c;&c;&c;&c;&c;">]>',
            b"<!DOCTYPE w SYSTEM 'http://example.invalid/x.dtd'>",
        ]
    )
    start = data.find(b"?>") + 2 if data.startswith(b"<?xml") else 0
    body = data[:start] + declaration + data[start:]
    if rng.random() < 0.7:
        reference = rng.choice([b"&e;", b"&x;", b"&d;", b"&undefined;"])
        body = body.replace(b"</w:t>", reference + b"</w:t>", 1)
    members = list(members)
    members[index] = (name, body)
    return members


def deep_nesting(members: Members, rng: random.Random) -> Members:
    depth = rng.choice([100, 1000, 5000, 50000])
    tag = rng.choice(["w:sdt", "w:ins", "w:del", "w:tbl", "w:p", "w:customXml", "w:hyperlink"])

    def edit(root, rng):
        body = root.find(f"{{{W}}}body")
        if body is None:
            return
        xml = (f"<{tag}>" * depth + f"</{tag}>" * depth).encode()
        wrapper = f'<w:body xmlns:w="{W}">'.encode() + xml + b"</w:body>"
        try:
            parsed = etree.fromstring(wrapper, etree.XMLParser(huge_tree=True))
        except etree.XMLSyntaxError:
            return
        body.insert(0, parsed[0])

    return _edit_tree(members, rng, edit)


def bad_characters(members: Members, rng: random.Random) -> Members:
    index = _xml_member(members, rng)
    name, data = members[index]
    char = rng.choice([b"\x01", b"&#1;", b"&#xFFFE;", b"\xff", b"\xed\xa0\x80", b"&#x202E;",
                       b"&#xD800;", b"\x00", b"&#0;", "\ufe8d".encode()])  # fmt: skip
    at = data.find(b"</w:t>")
    if at < 0:
        at = rng.randrange(len(data))
    members = list(members)
    members[index] = (name, data[:at] + char + data[at:])
    return members


def elements_shuffled(members: Members, rng: random.Random) -> Members:
    def edit(root, rng):
        elements = list(root.iter())
        for _ in range(rng.randint(1, 10)):
            if len(elements) < 3:
                return
            element = rng.choice(elements[1:])
            parent = element.getparent()
            if parent is None:
                continue
            action = rng.randrange(3)
            if action == 0:
                parent.remove(element)
            elif action == 1:
                import copy

                parent.insert(parent.index(element), copy.deepcopy(element))
            else:
                other = rng.choice(elements[1:])
                if other is not element and element not in other.iterancestors():
                    if other not in element.iterdescendants() and other is not parent:
                        parent.remove(element)
                        other.append(element)
            elements = list(root.iter())

    return _edit_tree(members, rng, edit)


def attributes_odd(members: Members, rng: random.Random) -> Members:
    def edit(root, rng):
        elements = [e for e in root.iter() if isinstance(e.tag, str) and e.attrib]
        for _ in range(rng.randint(1, 12)):
            if not elements:
                return
            element = rng.choice(elements)
            key = rng.choice(list(element.attrib))
            value = rng.choice(ODD_VALUES)
            if value == "\u202e" or "\x00" in value:
                value = "x"
            element.set(key, value)

    return _edit_tree(members, rng, edit)


def revisions_odd(members: Members, rng: random.Random) -> Members:
    def edit(root, rng):
        runs = list(root.iter(f"{{{W}}}r"))
        for _ in range(rng.randint(1, 6)):
            if not runs:
                return
            run = rng.choice(runs)
            parent = run.getparent()
            kind = rng.choice(["ins", "del", "moveFrom", "moveTo"])
            mark = etree.Element(f"{{{W}}}{kind}")
            mark.set(f"{{{W}}}id", rng.choice(["1", "1", "-5", "abc"]))
            if rng.random() < 0.5:
                mark.set(f"{{{W}}}author", rng.choice(["", "x" * 300, "\u202eA"]))
            parent.replace(run, mark)
            mark.append(run)
            if rng.random() < 0.3:  # a deletion inside an insertion, text in delText
                for t in run.iter(f"{{{W}}}t"):
                    t.tag = f"{{{W}}}delText"

    return _edit_tree(members, rng, edit)


def many_paragraphs(members: Members, rng: random.Random) -> Members:
    count = rng.choice([500, 3000])

    def edit(root, rng):
        body = root.find(f"{{{W}}}body")
        if body is None:
            return
        for _ in range(count):
            p = etree.SubElement(body, f"{{{W}}}p")
            etree.SubElement(etree.SubElement(p, f"{{{W}}}r"), f"{{{W}}}t").text = "نص"

    return _edit_tree(members, rng, edit)


MUTATIONS: dict[str, Callable[[Members, random.Random], Members | bytes]] = {
    f.__name__: f
    for f in (
        byte_damage, truncation, member_removed, member_renamed, member_duplicated,
        member_corrupt_compression, member_encrypted_flag, doctype, deep_nesting,
        bad_characters, elements_shuffled, attributes_odd, revisions_odd, many_paragraphs,
    )
}  # fmt: skip


def mutated_draft(base: Path, target: Path, categories: list[str], seed: int) -> Path:
    rng = random.Random(seed)
    members: Members | bytes = read_members(base)
    for name in categories:
        if isinstance(members, bytes):  # already damaged below the zip level
            break
        try:
            members = MUTATIONS[name](members, rng)
        except (ValueError, IndexError, etree.XMLSyntaxError):  # nothing left to mutate
            pass
    write(members, target)
    return target
