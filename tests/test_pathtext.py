"""cmwreport/pathtext.py against pathlib itself: the same text for every odd path."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from cmwreport import pathtext

ODD = [
    "", ".", "..", "/", "//", "///", "////x", "a", "a/", "a//b", "./a", "a/./b", "a/../b",
    "/a", "//a", "///a", "//a//b/", "a/.", "./", "../..", ".x", "a/.x.tmp", "é/ü.docx",
    "/tmp/../tmp/./x.docx", " ", "a /b ", "\\", "a\\b",
]  # fmt: skip


@pytest.mark.parametrize("text", ODD)
def test_each_is_what_pathlib_says(text):
    path = Path(text)
    assert pathtext.shown(text) == str(path)
    assert pathtext.shown(path) == str(path)
    assert pathtext.name(text) == path.name
    assert pathtext.parent(text) == str(path.parent)
    assert pathtext.child(text, ".x.1.tmp") == str(path / ".x.1.tmp")


def test_resolved_follows_links_and_refuses_a_loop(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "real.docx").write_bytes(b"x")
    os.symlink("real.docx", tmp_path / "link.docx")
    os.symlink("loop.docx", tmp_path / "loop.docx")
    for text in ("link.docx", "./real.docx", "missing/x.docx", "", str(tmp_path) + "//link.docx"):
        assert pathtext.resolved(text) == str(Path(text).resolve())
    with pytest.raises(RuntimeError) as ours:
        pathtext.resolved("loop.docx")
    with pytest.raises(RuntimeError) as theirs:
        Path("loop.docx").resolve()
    assert str(ours.value) == str(theirs.value)
