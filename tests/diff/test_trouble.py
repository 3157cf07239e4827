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
    assert "word/document.xml is not well-formed XML" in diff_trouble(capsys, good, broken)


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
