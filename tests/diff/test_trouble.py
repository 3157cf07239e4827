"""Exit code 2 and one clear line on stderr for every kind of unusable input."""

from __future__ import annotations

import os
import zipfile
from pathlib import Path

import pytest

from tests import drafts as d
from tests.cli_helpers import cli, diff_trouble


@pytest.fixture(scope="module")
def good(tmp_path_factory) -> Path:
    return d.make_draft(tmp_path_factory.mktemp("trouble") / "good.docx")


def test_missing_file(good, tmp_path, capsys):
    assert "no such file" in diff_trouble(capsys, tmp_path / "absent.docx", good)


def test_directory(good, tmp_path, capsys):
    assert "is a folder, not a .docx file" in diff_trouble(capsys, good, tmp_path)


def test_not_a_zip(good, tmp_path, capsys):
    fake = tmp_path / "notes.docx"
    fake.write_text("plain text, renamed", encoding="utf-8")
    assert "not a .docx file (not a zip package)" in diff_trouble(capsys, good, fake)


def test_zip_without_a_word_document(good, tmp_path, capsys):
    other = tmp_path / "sheet.docx"
    with zipfile.ZipFile(other, "w") as zf:
        zf.writestr("xl/workbook.xml", "<workbook/>")
    assert "not a Word document" in diff_trouble(capsys, good, other)


def test_zip_bomb_is_refused_before_inflating(good, tmp_path, capsys, monkeypatch):
    from cmwreport.docx import opc

    bomb = tmp_path / "bomb.docx"
    with zipfile.ZipFile(bomb, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("word/document.xml", b"<w:document/>" + b" " * (2 << 20))  # 2 MiB inflated
    monkeypatch.setattr(opc, "MAX_INFLATED", 1 << 20)
    assert "too large once uncompressed (over 1 MiB, reached in word/document.xml)" in diff_trouble(
        capsys, good, bomb
    )


def test_corrupt_xml(good, tmp_path, capsys):
    broken = tmp_path / "broken.docx"
    with zipfile.ZipFile(good) as zin, zipfile.ZipFile(broken, "w") as zout:
        for info in zin.infolist():
            data = zin.read(info.filename)
            if info.filename == "word/document.xml":
                data = data[: len(data) // 2]
            zout.writestr(info, data)
    message = diff_trouble(capsys, good, broken)
    assert "word/document.xml:" in message and "not well-formed XML" in message


def test_truncated_zip(good, tmp_path, capsys):
    cut = tmp_path / "cut.docx"
    cut.write_bytes(good.read_bytes()[:3000])
    assert "not a .docx file" in diff_trouble(capsys, good, cut)


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads any file")
def test_unreadable(good, tmp_path, capsys):
    locked = tmp_path / "locked.docx"
    locked.write_bytes(good.read_bytes())
    locked.chmod(0)
    assert "cannot read" in diff_trouble(capsys, good, locked)


def test_bad_date_and_unwritable_outputs(good, tmp_path, capsys):
    assert "--date" in diff_trouble(capsys, good, good, redline=tmp_path / "r.docx", date="soon")
    assert "cannot write" in diff_trouble(
        capsys, good, good, html=tmp_path / "no" / "dir" / "x.html"
    )
    assert "cannot write" in diff_trouble(capsys, good, good, redline=tmp_path / "no" / "r.docx")


def test_command_line_never_shows_a_traceback(good, tmp_path):
    fake = tmp_path / "fake.docx"
    fake.write_bytes(b"PK\x03\x04 not really")
    proc = cli("diff", str(good), str(fake))
    assert proc.returncode == 2
    assert proc.stderr.strip().count("\n") == 0 and "Traceback" not in proc.stderr
    assert "fake.docx" in proc.stderr


def _rewritten(good: Path, out: Path, edit) -> Path:
    """`good` with each entry passed through edit(info, data) -> (info, data)."""
    with zipfile.ZipFile(good) as zin, zipfile.ZipFile(out, "w") as zout:
        for info in zin.infolist():
            info, data = edit(info, zin.read(info.filename))
            zout.writestr(info, data)
    return out


def test_part_with_nul_bytes_is_one_line(good, tmp_path, capsys):
    def nul(info, data):
        if info.filename == "word/document.xml":
            data = data.replace(b"<w:body>", b"<w:body>\x00\n\x00", 1)
        return info, data

    broken = _rewritten(good, tmp_path / "nul.docx", nul)
    message = diff_trouble(capsys, good, broken)  # asserts one line, exit 2
    assert "word/document.xml:" in message and "not well-formed XML" in message


def _flag_encrypted(good: Path, out: Path, name: str) -> Path:
    """A copy of `good` whose entry `name` has the "encrypted" bit set in its local and
    central headers (Python's zipfile clears it on write, so the bytes are patched)."""
    import struct

    data = bytearray(good.read_bytes())
    encoded = name.encode()
    # (signature, offset of the flags, of the name's length, of the name)
    for signature, flag_at, length_at, name_at in (
        (b"PK\x03\x04", 6, 26, 30),
        (b"PK\x01\x02", 8, 28, 46),
    ):
        at = data.find(signature)
        while at != -1:
            length = struct.unpack_from("<H", data, at + length_at)[0]
            if bytes(data[at + name_at : at + name_at + length]) == encoded:
                flags = struct.unpack_from("<H", data, at + flag_at)[0]
                struct.pack_into("<H", data, at + flag_at, flags | 1)
            at = data.find(signature, at + 4)
    out.write_bytes(bytes(data))
    return out


def test_unreadable_content_types_refused_like_a_missing_one(good, tmp_path, capsys):
    """Flagged encrypted: refused (exit 2), and no output written (a redline would
    carry it still flagged, and LibreOffice could not open it)."""

    flagged = _flag_encrypted(good, tmp_path / "flagged.docx", "[Content_Types].xml")
    redline = tmp_path / "redline.docx"
    message = diff_trouble(capsys, good, flagged, redline=redline)
    assert "[Content_Types].xml cannot be read" in message
    assert not redline.exists()


def test_no_output_is_written_when_one_cannot_be_made(good, tmp_path, capsys, monkeypatch):
    """All or none: a redline that fails leaves no HTML page behind."""
    from cmwreport.errors import CmwError
    from cmwreport.redline import writer

    class Refused(CmwError):
        pass

    def fail(*args, **kwargs):
        raise Refused("the redline cannot be written")

    monkeypatch.setattr(writer, "redline_bytes", fail)
    html, redline = tmp_path / "report.html", tmp_path / "redline.docx"
    message = diff_trouble(capsys, good, good, html=html, redline=redline)
    assert message.endswith("the redline cannot be written")
    assert not html.exists() and not redline.exists()
