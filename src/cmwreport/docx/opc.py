"""The Open Packaging layer of a .docx read tolerantly and within bounds: zip entries,
part names, relationships, content types, Strict OOXML.

python-docx's `docx.opc` does this job for documents it trusts; it is not used at run
time here (docs/architecture.md says why: its import costs 90 ms of every `diff`, and it
reads every part whole with no bound). Part names follow its `PackURI.from_rel_ref`
exactly (tests/test_docx_opc.py checks the two agree): a target starting with `/` is
absolute, anything else is relative to the source part's folder.
"""

from __future__ import annotations

import os
import stat
from collections import namedtuple

from cmwreport.docx import zipio
from cmwreport.errors import CmwError
from cmwreport.i18n import _

# pathlib only for type checkers: a diff imports none (cmwreport/pathtext.py).
TYPE_CHECKING = False
if TYPE_CHECKING:
    import zipfile
    from pathlib import Path

#: Everything a package inflates to, in bytes actually inflated (never the sizes the zip
#: headers claim): a report with its pictures is a few MB.
MAX_INFLATED = 256 * 1024 * 1024
#: One XML part, inflated: the document part of a 1,000-page report is under 20 MiB.
MAX_XML_PART = 48 * 1024 * 1024
#: Entries in one zip: Word writes a few dozen; a million empty entries is an attack.
MAX_ENTRIES = 20_000
_CHUNK = 1 << 16

#: The date of every entry written, as Word writes them.
ZIP_EPOCH = (1980, 1, 1, 0, 0, 0)

CONTENT_TYPES = "[Content_Types].xml"
PKG_RELS = "_rels/.rels"


class PackageError(CmwError):
    """The file is missing, unreadable, not a zip, or not a Word document."""


#: Strict OOXML (ISO 29500 strict) names -> the transitional names everything else uses.
#: Rewriting the bytes before parsing is enough: the URIs only occur as namespace
#: declarations and relationship types, and Strict differs from transitional in names.
_STRICT = (
    (
        b"http://purl.oclc.org/ooxml/officeDocument/relationships",
        b"http://schemas.openxmlformats.org/officeDocument/2006/relationships",
    ),
    (
        b"http://purl.oclc.org/ooxml/wordprocessingml/main",
        b"http://schemas.openxmlformats.org/wordprocessingml/2006/main",
    ),
    (
        b"http://purl.oclc.org/ooxml/drawingml/main",
        b"http://schemas.openxmlformats.org/drawingml/2006/main",
    ),
    (
        b"http://purl.oclc.org/ooxml/drawingml/wordprocessingDrawing",
        b"http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing",
    ),
    (
        b"http://purl.oclc.org/ooxml/drawingml/picture",
        b"http://schemas.openxmlformats.org/drawingml/2006/picture",
    ),
    (
        b"http://purl.oclc.org/ooxml/officeDocument/math",
        b"http://schemas.openxmlformats.org/officeDocument/2006/math",
    ),
)


def is_strict(data: bytes) -> bool:
    return b"purl.oclc.org/ooxml" in data


def transitional(data: bytes) -> bytes:
    if not is_strict(data):
        return data
    for strict, usual in _STRICT:
        data = data.replace(strict, usual)
    return data


def regular_file(path: Path) -> None:
    """Refuse at once what is not a regular file: a FIFO would block, /dev/zero never ends."""
    try:
        mode = os.stat(path).st_mode
    except FileNotFoundError:
        raise PackageError(_("no such file")) from None
    except PermissionError:
        raise PackageError(_("cannot be read (permission denied)")) from None
    except OSError as exc:
        raise PackageError(_("cannot be read ({value})", value=exc.strerror or exc)) from None
    if stat.S_ISDIR(mode):
        raise PackageError(_("is a folder, not a .docx file"))
    if not stat.S_ISREG(mode):
        raise PackageError(_("is not a regular file (a device, pipe or socket), not a .docx file"))


# collections' namedtuple, not typing.NamedTuple, which evaluates every annotation at
# import (issue 21). names: part names in the order of the zip (folders left out);
# parts: name -> bytes; unreadable: entries that could not be inflated (corrupt,
# encrypted, unknown method), name -> reason, only trouble if something needs them.
Entries = namedtuple("Entries", ("names", "parts", "unreadable"))


def _zip(source: Path | bytes) -> zipfile.ZipFile:
    """A zip opened from a file, or from bytes held in memory (a package built or changed
    in this process: never written to a temporary file to be read back)."""
    import zipfile

    if isinstance(source, bytes):
        import io

        return zipfile.ZipFile(io.BytesIO(source))
    return zipfile.ZipFile(source)


def read_entries(source: Path | bytes, *, inflate: bool = True) -> Entries:
    """Every entry of the zip, inflated within MAX_INFLATED bytes in all (or only listed,
    for `read_entry` to inflate the few a reader needs)."""
    if not isinstance(source, bytes):
        regular_file(source)
    try:
        names, parts = zipio.read(
            source, inflate=inflate, budget=MAX_INFLATED, max_entries=MAX_ENTRIES
        )
        return Entries(names, parts, {})
    except zipio.Unusual:
        pass  # read again with zipfile: its messages, opc's bounds
    import zipfile

    try:
        zf = _zip(source)
    except zipfile.BadZipFile:
        raise PackageError(_("not a .docx file (not a zip package), or corrupt")) from None
    except PermissionError:
        raise PackageError(_("cannot be read (permission denied)")) from None
    except (zipfile.LargeZipFile, NotImplementedError, EOFError, OSError, ValueError) as exc:
        raise PackageError(_("cannot be read as a zip package ({exc})", exc=exc)) from None
    with zf:
        infos = [i for i in zf.infolist() if not i.is_dir()]
        if len(infos) > MAX_ENTRIES:
            raise PackageError(
                _(
                    "holds {len} zip entries (over {MAX_ENTRIES}): refused",
                    len=len(infos),
                    MAX_ENTRIES=MAX_ENTRIES,
                )
            )
        budget = MAX_INFLATED
        names: list[str] = []
        parts: dict[str, bytes] = {}
        unreadable: dict[str, str] = {}
        for info in infos:
            name = info.filename
            if name in parts or name in unreadable:
                continue
            names.append(name)
            if not inflate:
                continue
            data, trouble = _inflate_or_why(zf, info, budget)
            if data is None:
                unreadable[name] = trouble
                continue
            budget -= len(data)
            parts[name] = data
    return Entries(names, parts, unreadable)


def read_entry(source: Path | bytes, name: str, budget: int) -> tuple[bytes | None, str]:
    """One entry inflated within `budget` bytes: (its bytes, "") or (None, why not)."""
    try:
        return zipio.read_one(source, name, budget), ""
    except zipio.Unusual:
        pass
    import zipfile

    try:
        with _zip(source) as zf:
            return _inflate_or_why(zf, zf.getinfo(name), budget)
    except (zipfile.BadZipFile, KeyError, ValueError) as exc:
        return None, str(exc) or type(exc).__name__
    except OSError as exc:
        return None, exc.strerror or str(exc)


def _inflate_or_why(zf: zipfile.ZipFile, info: zipfile.ZipInfo, budget: int):
    import zipfile
    import zlib

    try:
        return _inflate(zf, info, budget), ""
    except (zipfile.BadZipFile, zlib.error, NotImplementedError, EOFError, RuntimeError) as exc:
        return None, str(exc) or type(exc).__name__
    except OSError as exc:
        return None, exc.strerror or str(exc)


def _inflate(zf: zipfile.ZipFile, info: zipfile.ZipInfo, budget: int) -> bytes:
    """The entry's bytes, counted as they are inflated: a header that lies about the size
    changes nothing (zlib's decompressobj holds back what is over the request)."""
    chunks = []
    total = 0
    with zf.open(info) as stream:
        while True:
            chunk = stream.read(_CHUNK)
            if not chunk:
                break
            total += len(chunk)
            if total > budget:
                raise PackageError(
                    _(
                        "too large once uncompressed (over {value} MiB, reached in {filename}): "
                        "refused as a zip bomb",
                        value=MAX_INFLATED >> 20,
                        filename=info.filename,
                    )
                )
            chunks.append(chunk)
    return b"".join(chunks)


def rels_name(part: str) -> str:
    """The relationships part of a part: word/document.xml -> word/_rels/document.xml.rels."""
    folder, _, base = part.rpartition("/")
    return f"{folder}/_rels/{base}.rels" if folder else f"_rels/{base}.rels"


def resolve(source: str, target: str) -> str:
    """A relationship target as a part name (no leading slash), as PackURI does it."""
    if "%" in target:  # urllib.parse (and ipaddress) only then: 12 M instructions
        from urllib.parse import unquote

        target = unquote(target)
    if target.startswith("/"):
        segments: list[str] = []
    else:
        folder = source.rpartition("/")[0]
        segments = folder.split("/") if folder else []
    for piece in target.split("/"):
        if piece == "..":
            if segments:
                segments.pop()
        elif piece and piece != ".":
            segments.append(piece)
    return "/".join(segments)


# A named tuple rather than a frozen dataclass: cheaper to create at import and for each
# relationship read. id, kind (the last segment of the type: "styles", "header",
# "image", "hyperlink" ...), target (str) and external (bool).
Relationship = namedtuple("Relationship", ("id", "kind", "target", "external"))


def relationship_kind(rel_type: str) -> str:
    """The type's last segment; what `[^/]+$` finds, without compiling it at import
    (0.3 M instructions of a small diff; issue 21)."""
    return rel_type.rpartition("/")[2]


def copy_raw(source: Path | bytes, name: str, out: zipfile.ZipFile) -> None:
    """Copy one entry as it is stored, without inflating it: a part that cannot be read
    (corrupt, encrypted) but that nothing edits still goes into the written package."""
    import struct
    import zipfile

    with _zip(source) as zin:
        info = zin.getinfo(name)
        assert zin.fp is not None
        zin.fp.seek(info.header_offset)
        header = zin.fp.read(30)
        name_len, extra_len = struct.unpack("<HH", header[26:30])
        zin.fp.seek(info.header_offset + 30 + name_len + extra_len)
        raw = zin.fp.read(info.compress_size)
    entry = zipfile.ZipInfo(name, date_time=info.date_time)
    entry.compress_type = info.compress_type
    entry.flag_bits = info.flag_bits & ~0x08  # sizes go in the header: no data descriptor
    entry.CRC = info.CRC
    entry.compress_size = len(raw)
    entry.file_size = info.file_size
    assert out.fp is not None
    entry.header_offset = out.fp.tell()
    out.fp.write(entry.FileHeader())
    out.fp.write(raw)
    out.filelist.append(entry)
    out.NameToInfo[name] = entry
    out.start_dir = out.fp.tell()


def write_zip(order, parts, streamed, unreadable, source, write_tree) -> bytes:
    """The zip of a package (docx/package.py's `to_bytes`): `parts[name]`, or
    `write_tree(streamed[name], out)`, for each name of `order`, dated 1980-01-01 00:00
    as Word writes them, deflated at level 6; an unreadable entry copied as it is stored
    in `source`. zipio writes what zipfile would, without importing it."""
    if not (unreadable and source is not None):
        try:
            return zipio.write(order, parts, streamed, write_tree)
        except zipio.Unusual:
            pass  # written by zipfile, as zipio would have
    import io
    import zipfile

    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as zf:
        for name in order:
            if name in unreadable and source is not None:
                copy_raw(source, name, zf)
                continue
            info = zipfile.ZipInfo(name, date_time=ZIP_EPOCH)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.create_system = 0
            info.external_attr = 0
            if name in streamed:
                info._compresslevel = 6  # what writestr(compresslevel=6) sets
                with zf.open(info, "w") as out:
                    write_tree(streamed[name], out)
                continue
            zf.writestr(info, parts[name], compresslevel=6)
    return buffer.getvalue()
