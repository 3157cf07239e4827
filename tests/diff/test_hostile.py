"""Hostile drafts: bounded time and memory, exit 2 at once, never a redline Word refuses."""

from __future__ import annotations

import os
import zipfile
from pathlib import Path

import pytest

from cmwreport.commands.diff import run
from cmwreport.draft.reader import read_draft
from tests.cli_helpers import diff_trouble
from tests.diff.package import p, write


@pytest.fixture()
def good(tmp_path) -> Path:
    return write(tmp_path / "good.docx", p("A paragraph of text."))


def test_fifo_device_and_folder_are_refused_at_once(good, tmp_path, capsys):
    fifo = tmp_path / "pipe.docx"
    os.mkfifo(fifo)
    assert "is not a regular file" in diff_trouble(capsys, good, fifo)
    assert "is not a regular file" in diff_trouble(capsys, good, Path("/dev/zero"))
    assert "is a folder, not a .docx file" in diff_trouble(capsys, good, tmp_path)


def test_zip_bomb_that_lies_about_its_size(good, tmp_path, capsys, monkeypatch):
    """Inflated bytes are counted, never the sizes the headers claim: a header that
    claims 10 bytes gets 10 bytes (then a CRC error: the part is unreadable), a header
    that claims little while the budget is exceeded is refused on what was inflated."""
    from cmwreport.docx import opc

    bomb = tmp_path / "bomb.docx"
    with zipfile.ZipFile(good) as zin, zipfile.ZipFile(bomb, "w", zipfile.ZIP_DEFLATED) as zout:
        for info in zin.infolist():
            zout.writestr(info, zin.read(info.filename))
        zout.writestr("word/media/big.bin", b"\0" * (3 << 20))
    honest = bomb.read_bytes()
    monkeypatch.setattr(opc, "MAX_INFLATED", 2 << 20)
    assert "too large once uncompressed (over 2 MiB, reached in word/media/big.bin)" in (
        diff_trouble(capsys, good, bomb)
    )
    data = bytearray(honest)
    at = data.rfind(b"PK\x01\x02")  # the last entry's central directory record
    data[at + 24 : at + 28] = (10).to_bytes(4, "little")
    bomb.write_bytes(bytes(data))
    assert run(good, bomb, color="never") == 1
    out = capsys.readouterr().out
    assert "not compared: unknown part (word/media/big.bin): only in new" in out


def test_doctype_is_refused(good, tmp_path, capsys):
    evil = tmp_path / "evil.docx"
    with zipfile.ZipFile(good) as zin, zipfile.ZipFile(evil, "w") as zout:
        for info in zin.infolist():
            data = zin.read(info.filename)
            if info.filename == "word/document.xml":
                data = b'<!DOCTYPE w:document [<!ENTITY e "x">]>' + data
            zout.writestr(info, data)
    assert "word/document.xml declares a DOCTYPE" in diff_trouble(capsys, good, evil)


def test_corrupt_part_nothing_reads_still_gives_a_redline(tmp_path, capsys):
    old = write(tmp_path / "old.docx", p("First text here."))
    new = write(
        tmp_path / "new.docx",
        p("First text there."),
        parts={"rId4": ("oleObject", "embeddings/blob.bin", b"x" * 5000)},
    )
    data = bytearray(new.read_bytes())
    # Corrupt the compressed bytes of the embedded blob (its CRC no longer matches).
    with zipfile.ZipFile(new) as zf:
        info = zf.getinfo("word/embeddings/blob.bin")
    start = info.header_offset + 30 + len(info.filename) + len(info.extra)
    data[start : start + 8] = b"\xff" * 8
    new.write_bytes(bytes(data))
    redline = tmp_path / "redline.docx"
    assert run(old, new, redline=redline, color="never") == 1
    out = capsys.readouterr().out
    assert "[-here-]{+there+}" in out
    assert "not compared: oleObject (word/embeddings/blob.bin): only in new" in out
    with zipfile.ZipFile(redline) as zf:
        assert "word/embeddings/blob.bin" in zf.namelist()
        assert zf.getinfo("word/embeddings/blob.bin").CRC == info.CRC
    assert read_draft(redline).body[0].text == "First text there."


def test_too_many_paragraphs(tmp_path, capsys, monkeypatch):
    from cmwreport.draft import stories

    monkeypatch.setattr(stories, "MAX_BLOCKS", 100)
    many = write(tmp_path / "many.docx", p("x") * 101)
    message = diff_trouble(capsys, many, many)
    assert "more than 100 paragraphs and table rows: too large to compare" in message


def test_main_part_missing_or_a_stray_notes_part(good, tmp_path, capsys):
    """Found by mutating the corpus (issue 10): each is one line, never a traceback."""
    gone = tmp_path / "gone.docx"
    with zipfile.ZipFile(good) as zin, zipfile.ZipFile(gone, "w") as zout:
        for info in zin.infolist():
            if info.filename != "word/document.xml":
                zout.writestr(info, zin.read(info.filename))
    assert "not a Word document (its main part word/document.xml is missing)" in diff_trouble(
        capsys, good, gone
    )
