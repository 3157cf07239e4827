"""The zips of ordinary packages, read and written over zlib and struct, without zipfile.

zipfile's import (with shutil, bz2, lzma, threading) is 20 M instructions, a tenth of a
diff of two small drafts (issue 21). This module reads the zips Word, LibreOffice and
cmwreport write, and writes the same bytes zipfile writes for docx/package.py. It is not
a second zip library: anything it does not know as ordinary raises `Unusual`, and the
caller (docx/opc.py, docx/package.py) does the whole job again with zipfile, so every
message, bound and exit code of a damaged or hostile zip is zipfile's and opc's as
before. Ordinary: the end record last with no comment and no zip64 record, the central
directory right before it, as many entries as it says; each entry stored or deflated,
flags no more than UTF-8 names, a data descriptor or deflate options (no encryption),
an ASCII name without NUL, no zip64 field, no two entries at one offset nor overlapping,
the local header's name the directory's, each part's size and CRC-32 what its bytes
inflate to, within the budget; no name twice.
"""

from __future__ import annotations

import io
import struct
import zlib

_LOCAL = struct.Struct("<4s2B4HL2L2H")
_CENTRAL = struct.Struct("<4s4B4HL2L5H2L")
_END = struct.Struct("<4s4H2LH")
_LOCAL_SIG, _CENTRAL_SIG, _END_SIG = b"PK\x03\x04", b"PK\x01\x02", b"PK\x05\x06"
_ZIP64_LOCATOR_SIG = b"PK\x06\x07"
#: UTF-8 name, data descriptor, deflate options: the flags that change nothing here.
_ORDINARY_FLAGS = 0x800 | 0x08 | 0x04 | 0x02
_STORED, _DEFLATED = 0, 8
#: zipfile's limits: past them it writes zip64 records, which this module leaves to it.
ZIP64_LIMIT = (1 << 31) - 1
_MAX_ENTRIES = (1 << 16) - 1
#: 1980-01-01 00:00, the date of every entry written (docx/opc.ZIP_EPOCH).
_DOS_DATE, _DOS_TIME = (0 << 9) | (1 << 5) | 1, 0
#: What zipfile writes for a ZipInfo with create_system 0 and no external attributes.
_VERSION, _EXTERNAL = 20, 0o600 << 16


class Unusual(Exception):
    """A zip this module does not read or write: the caller does it with zipfile."""


def _open(source) -> io.IOBase:
    try:
        return io.BytesIO(source) if isinstance(source, bytes) else open(source, "rb")  # noqa: SIM115
    except OSError:
        raise Unusual from None


def _directory(fp) -> list[tuple]:
    """(name, method, crc, compressed size, size, offset, where its data must end: the
    next entry's header or the directory) per entry, in the directory's order. Local
    headers are checked when an entry is read, as zipfile checks them."""
    fp.seek(0, 2)
    size = fp.tell()
    if size < 42:
        raise Unusual
    fp.seek(size - 42)
    tail = fp.read(42)
    sig, disk, disk_cd, here, count, cd_size, cd_at, comment = _END.unpack(tail[20:])
    if tail[:4] == _ZIP64_LOCATOR_SIG or sig != _END_SIG or comment or disk or disk_cd:
        raise Unusual
    if here != count or cd_at + cd_size != size - 22:
        raise Unusual
    fp.seek(cd_at)
    cd = fp.read(cd_size)
    found = []
    at = 0
    while at < cd_size:
        if at + 46 > cd_size:
            raise Unusual
        fields = _CENTRAL.unpack_from(cd, at)
        sig, version, flags, method = fields[0], fields[3], fields[5], fields[6]
        crc, packed, length, name_len, extra_len, comment_len = fields[9:15]
        offset = fields[18]
        start = at + 46
        at = start + name_len + extra_len + comment_len
        if sig != _CENTRAL_SIG or version > 63 or flags & ~_ORDINARY_FLAGS or at > cd_size:
            raise Unusual
        if method not in (_STORED, _DEFLATED) or (method == _STORED and packed != length):
            raise Unusual
        if 0xFFFFFFFF in (packed, length, offset):
            raise Unusual
        name = cd[start : start + name_len]
        if not name or not name.isascii() or b"\0" in name:
            raise Unusual
        _ordinary_extra(cd[start + name_len : start + name_len + extra_len])
        found.append((name.decode("ascii"), method, crc, packed, length, offset))
    if len(found) != count or len({entry[5] for entry in found}) != count:
        raise Unusual
    ends = {}
    end = cd_at
    for offset in sorted((entry[5] for entry in found), reverse=True):
        ends[offset] = end
        end = offset
    return [(*entry, ends[entry[5]]) for entry in found]


def _ordinary_extra(extra: bytes) -> None:
    while len(extra) >= 4:
        kind, length = struct.unpack_from("<HH", extra)
        if length + 4 > len(extra) or kind == 1:  # malformed, or zip64
            raise Unusual
        extra = extra[length + 4 :]


def _inflate(fp, entry: tuple, budget: int) -> bytes:
    name, method, crc, packed, length, offset, end = entry
    if length > budget:
        raise Unusual
    fp.seek(offset)
    header = fp.read(30)
    if len(header) != 30:
        raise Unusual
    fields = _LOCAL.unpack(header)
    if fields[0] != _LOCAL_SIG or fp.read(fields[10]) != name.encode("ascii"):
        raise Unusual
    data_at = offset + 30 + fields[10] + fields[11]
    if data_at + packed > end:
        raise Unusual
    fp.seek(data_at)
    raw = fp.read(packed)
    if len(raw) != packed:
        raise Unusual
    if method == _STORED:
        data = raw
    else:
        inflater = zlib.decompressobj(-15)
        try:
            data = inflater.decompress(raw, length + 1)
        except zlib.error:
            raise Unusual from None
        if not inflater.eof:
            raise Unusual
    if len(data) != length or zlib.crc32(data) != crc:
        raise Unusual
    return data


def read(source, *, inflate: bool, budget: int, max_entries: int):
    """(part names in the zip's order, folders left out; name -> bytes, empty unless
    `inflate`), everything inflated within `budget` bytes."""
    fp = _open(source)
    try:
        with fp:
            entries = [e for e in _directory(fp) if not e[0].endswith("/")]
            names = [entry[0] for entry in entries]
            if len(entries) > max_entries or len(set(names)) != len(names):
                raise Unusual
            parts = {}
            if inflate:
                for entry in entries:
                    data = _inflate(fp, entry, budget)
                    budget -= len(data)
                    parts[entry[0]] = data
    except OSError:
        raise Unusual from None
    return names, parts


def read_one(source, name: str, budget: int) -> bytes:
    """One entry's bytes, within `budget`."""
    fp = _open(source)
    try:
        with fp:
            entries = _directory(fp)
            found = [entry for entry in entries if entry[0] == name]
            if len(found) != 1 or name.endswith("/"):
                raise Unusual
            return _inflate(fp, found[0], budget)
    except OSError:
        raise Unusual from None


class _Deflating:
    """One entry's data as zipfile's writer takes it: each write compressed as it
    comes (lxml serialises a tree into it piece by piece), CRC and sizes counted."""

    def __init__(self) -> None:
        self.compressor = zlib.compressobj(6, zlib.DEFLATED, -15)
        self.chunks: list[bytes] = []
        self.crc = self.length = 0

    def write(self, data) -> int:
        length = len(data) if isinstance(data, (bytes, bytearray)) else memoryview(data).nbytes
        self.length += length
        self.crc = zlib.crc32(data, self.crc)
        self.chunks.append(self.compressor.compress(data))
        return length

    def close(self) -> bytes:
        self.chunks.append(self.compressor.flush())
        return b"".join(self.chunks)


def write(order: list[str], parts: dict[str, bytes], streamed: dict, write_tree) -> bytes:
    """The zip zipfile.ZipFile writes from docx/package.py's entries (each dated
    1980-01-01, deflated at level 6, create_system 0): `parts[name]` for each name,
    or `write_tree(streamed[name], out)` serialised into it."""
    if len(order) > _MAX_ENTRIES or len(set(order)) != len(order):
        raise Unusual
    out: list[bytes] = []
    central: list[bytes] = []
    offset = 0
    for name in order:
        if "\0" in name:
            raise Unusual
        try:
            encoded, flags = name.encode("ascii"), 0
        except UnicodeEncodeError:
            encoded, flags = name.encode("utf-8"), 0x800
        sink = _Deflating()
        if name in streamed:
            write_tree(streamed[name], sink)
        else:
            data = parts[name]
            if len(data) * 1.05 > ZIP64_LIMIT:  # zipfile would write a zip64 header
                raise Unusual
            sink.write(data)
        packed = sink.close()
        if max(sink.length, len(packed), offset) > ZIP64_LIMIT:
            raise Unusual
        # fmt: off
        out += (
            _LOCAL.pack(_LOCAL_SIG, _VERSION, 0, flags, _DEFLATED, _DOS_TIME, _DOS_DATE,
                        sink.crc, len(packed), sink.length, len(encoded), 0),
            encoded,
            packed,
        )
        central.append(
            _CENTRAL.pack(_CENTRAL_SIG, _VERSION, 0, _VERSION, 0, flags, _DEFLATED, _DOS_TIME,
                          _DOS_DATE, sink.crc, len(packed), sink.length, len(encoded), 0, 0,
                          0, 0, _EXTERNAL, offset)
            + encoded
        )
        # fmt: on
        offset += 30 + len(encoded) + len(packed)
    cd_size = sum(len(record) for record in central)
    if offset > ZIP64_LIMIT or cd_size > ZIP64_LIMIT:
        raise Unusual
    out += central
    out.append(_END.pack(_END_SIG, 0, 0, len(order), len(order), cd_size, offset, 0))
    return b"".join(out)  # one copy of the zip: the pieces are not joined twice
