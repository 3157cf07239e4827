"""docx/zipio.py: the zips of ordinary packages read and written without zipfile, the
same parts and the same bytes as zipfile; anything else read and written by zipfile,
with its messages (issue 21)."""

from __future__ import annotations

import io
import struct
import zipfile
from pathlib import Path

import pytest

from cmwreport.docx import opc, zipio
from cmwreport.docx.package import Package
from tests.conftest import ROOT
from tests.fuzz.drafts import MUTATIONS, mutated_draft
from tests.fuzz.drafts import write as write_members

REAL = ROOT / "tests" / "fixtures" / "real"
DRAFT = REAL / "lo" / "lo-report.docx"


def _unusual(*_args, **_kwargs):
    raise zipio.Unusual


def by_zipfile(monkeypatch, call):
    """`call()` with zipio refusing everything: what zipfile alone reads or writes."""
    with monkeypatch.context() as patch:
        patch.setattr(zipio, "read", _unusual)
        patch.setattr(zipio, "read_one", _unusual)
        patch.setattr(zipio, "write", _unusual)
        return call()


def outcome(source):
    try:
        return opc.read_entries(source)
    except opc.PackageError as exc:
        return str(exc)


def zipio_reads(source) -> bool:
    try:
        zipio.read(source, inflate=True, budget=opc.MAX_INFLATED, max_entries=opc.MAX_ENTRIES)
    except zipio.Unusual:
        return False
    return True


def test_every_real_draft_is_read_by_zipio_as_zipfile_reads_it(monkeypatch):
    drafts = sorted(REAL.rglob("*.docx"))
    assert len(drafts) > 100
    for path in drafts:
        assert zipio_reads(path), path
        entries = opc.read_entries(path)
        assert entries == by_zipfile(monkeypatch, lambda p=path: opc.read_entries(p)), path
        assert entries.parts and not entries.unreadable


def test_what_is_written_is_zipfiles_bytes(monkeypatch):
    # A name outside ASCII (zipfile's UTF-8 flag), an empty part, a tree streamed.
    def written(stream: bool) -> bytes:
        package = Package.read(DRAFT)
        package.edit(package.main_part())
        package.add_part("word/media/صورة.png", b"\x89PNG image")
        package.add_part("customXml/empty.xml", b"")
        return package.to_bytes(stream=stream)

    for stream in (False, True):
        ours = written(stream)
        assert ours == by_zipfile(monkeypatch, lambda s=stream: written(s))
        with zipfile.ZipFile(io.BytesIO(ours)) as zf:
            assert zf.testzip() is None
            assert zf.read("word/media/صورة.png") == b"\x89PNG image"
            assert zf.getinfo("word/media/صورة.png").flag_bits & 0x800


def _rezip(members: list[tuple[str, bytes]], compression: int = zipfile.ZIP_DEFLATED) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression) as zf:
        for name, data in members:
            zf.writestr(name, data)
    return buffer.getvalue()


def _members() -> list[tuple[str, bytes]]:
    with zipfile.ZipFile(DRAFT) as zf:
        return [(info.filename, zf.read(info)) for info in zf.infolist()]


def _zip64_end(data: bytes) -> bytes:
    """The same zip with zip64 end records before its end record (zipfile reads them)."""
    end = data[-22:]
    count, size, offset = struct.unpack("<HLL", end[10:20])
    record = struct.pack("<4sQ2H2L4Q", b"PK\x06\x06", 44, 45, 45, 0, 0, count, count, size, offset)
    locator = struct.pack("<4sLQL", b"PK\x06\x07", 0, len(data) - 22, 1)
    return data[:-22] + record + locator + end


def _encrypted_flag(data: bytes) -> bytes:
    damaged = bytearray(data)
    at = damaged.find(b"PK\x01\x02")
    damaged[at + 8] |= 0x01
    return bytes(damaged)


def _bad_crc(data: bytes) -> bytes:
    damaged = bytearray(data)
    at = damaged.find(b"PK\x01\x02")
    damaged[at + 16] ^= 0xFF
    return bytes(damaged)


def _data_descriptors(members) -> bytes:
    # zipfile writing to a stream it cannot seek: every entry with a data descriptor.
    class Unseekable(io.RawIOBase):
        def __init__(self) -> None:
            self.buffer = bytearray()

        def writable(self) -> bool:
            return True

        def write(self, data) -> int:
            self.buffer += data
            return len(data)

    out = Unseekable()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as zf:
        for name, data in members:
            zf.writestr(name, data)
    return bytes(out.buffer)


# Each: the zip, and whether zipio reads it itself (else zipfile does it all again).
CASES = {
    "stored entries": (lambda m: _rezip(m, compression=zipfile.ZIP_STORED), True),
    "data descriptors": (_data_descriptors, True),
    "a folder entry": (lambda m: _rezip([("word/", b""), *m]), True),
    "an archive comment": (lambda m: _rezip(m)[:-2] + b"\x04\x00note", False),
    "bytes before the zip": (lambda m: b"MZ stub" + _rezip(m), False),
    "zip64 end records": (lambda m: _zip64_end(_rezip(m)), False),
    "a name twice": (lambda m: _rezip([*m, m[-1]]), False),
    "an encrypted entry": (lambda m: _encrypted_flag(_rezip(m)), False),
    "a wrong CRC-32": (lambda m: _bad_crc(_rezip(m)), False),
    "bzip2": (lambda m: _rezip(m, compression=zipfile.ZIP_BZIP2), False),
    "a name outside ASCII": (lambda m: _rezip([*m, ("word/é.bin", b"x")]), False),
    "not a zip": (lambda m: b"PK\x03\x04 nothing more", False),
    "an empty zip": (lambda m: _rezip([]), False),
}


@pytest.mark.parametrize("case", sorted(CASES))
def test_a_zip_out_of_the_ordinary_reads_as_zipfile_reads_it(case, tmp_path, monkeypatch):
    make, ours = CASES[case]
    with pytest.warns(UserWarning) if case == "a name twice" else _nothing():
        data = make(_members())
    path = tmp_path / "case.docx"
    path.write_bytes(data)
    assert zipio_reads(path) is ours
    for source in (path, data):
        assert outcome(source) == by_zipfile(monkeypatch, lambda s=source: outcome(s))
        for name in ("word/document.xml", "nothing/there.xml"):
            got = opc.read_entry(source, name, opc.MAX_INFLATED)
            assert got == by_zipfile(
                monkeypatch, lambda s=source, n=name: opc.read_entry(s, n, opc.MAX_INFLATED)
            )


class _nothing:
    def __enter__(self):
        return self

    def __exit__(self, *exc):
        return False


def test_a_zip_bomb_is_refused_by_zipfiles_count(tmp_path, monkeypatch):
    # zipio leaves a part larger than the budget to zipfile, which counts what it
    # inflates and says where the bound was reached.
    monkeypatch.setattr(opc, "MAX_INFLATED", 1 << 20)
    path = tmp_path / "bomb.docx"
    path.write_bytes(_rezip([*_members(), ("word/media/big.bin", b"\0" * (2 << 20))]))
    assert "reached in word/media/big.bin" in outcome(path)


@pytest.mark.parametrize("category", sorted(MUTATIONS))
def test_mutated_drafts_read_as_zipfile_reads_them(category, tmp_path, monkeypatch):
    # The fuzz campaign's mutations, a few seeds each: zipio never reads a part
    # differently, nor stops where zipfile would read on.
    for seed in range(4):
        path = mutated_draft(DRAFT, tmp_path / f"{seed}.docx", [category], seed)
        assert outcome(path) == by_zipfile(monkeypatch, lambda p=path: outcome(p)), seed


def test_a_package_written_with_an_unreadable_entry_copies_it_as_stored(tmp_path):
    members = _members() + [("word/embeddings/blob.bin", b"x" * 5000)]
    path = tmp_path / "corrupt.docx"
    write_members(members, path)
    data = bytearray(path.read_bytes())
    with zipfile.ZipFile(path) as zf:
        info = zf.getinfo("word/embeddings/blob.bin")
    start = info.header_offset + 30 + len(info.filename)
    data[start : start + 8] = b"\xff" * 8
    path.write_bytes(bytes(data))
    package = Package.read(Path(path))
    assert "word/embeddings/blob.bin" in package.unreadable
    with zipfile.ZipFile(io.BytesIO(package.to_bytes())) as zf:
        assert zf.getinfo("word/embeddings/blob.bin").CRC == info.CRC


def test_too_many_entries_are_refused_by_opcs_bound(tmp_path, monkeypatch):
    # Folders are not counted: a draft with as many parts as the bound is read.
    members = _members()
    monkeypatch.setattr(opc, "MAX_ENTRIES", len(members))
    path = tmp_path / "many.docx"
    path.write_bytes(_rezip([("word/", b""), *members]))
    assert zipio_reads(path) and outcome(path) == by_zipfile(monkeypatch, lambda: outcome(path))
    path.write_bytes(_rezip([*members, ("word/media/one-more.bin", b"x")]))
    message = outcome(path)
    assert message == f"holds {len(members) + 1} zip entries (over {len(members)}): refused"
    assert message == by_zipfile(monkeypatch, lambda: outcome(path))
