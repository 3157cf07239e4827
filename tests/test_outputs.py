"""Outputs never destroy inputs or system files (outputs.py, through the commands)."""

from __future__ import annotations

import os
import socket
import stat
import subprocess
import sys
from pathlib import Path

import pytest

from cmwreport.outputs import OutputError, check_target, write_atomic
from tests.conftest import SOURCES, TEMPLATE, cmwreport


def refused(capsys, *args) -> str:
    assert cmwreport(*args) == 2
    captured = capsys.readouterr()
    (line,) = captured.err.splitlines()
    assert captured.out == ""
    return line


@pytest.mark.parametrize("option", ["--redline", "--html"])
@pytest.mark.parametrize("which", [0, 1])
def test_an_output_onto_an_input_is_refused(draft_pair, capsys, option, which):
    before = [p.read_bytes() for p in draft_pair]
    line = refused(capsys, "diff", *draft_pair, option, draft_pair[which])
    assert f"{draft_pair[which]}: is also an input" in line and "would destroy it" in line
    assert [p.read_bytes() for p in draft_pair] == before


def test_an_input_reached_another_way_is_refused(draft_pair, capsys, tmp_path, monkeypatch):
    old, new = draft_pair
    monkeypatch.chdir(old.parent)
    assert "is also an input" in refused(capsys, "diff", old, new, "--html", "./old.docx")
    hard = tmp_path / "hard.docx"
    os.link(new, hard)
    assert "is also an input" in refused(capsys, "diff", old, new, "--redline", hard)


def test_a_device_a_pipe_a_socket_a_folder_and_a_link_are_never_replaced(
    draft_pair, capsys, tmp_path
):
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    sock_path = tmp_path / "sock"
    sock = socket.socket(socket.AF_UNIX)
    sock.bind(str(sock_path))
    link = tmp_path / "link.html"
    target = tmp_path / "target.html"
    target.write_text("kept", encoding="utf-8")
    link.symlink_to(target)
    cases = {
        Path("/dev/full"): "is a device",
        Path("/dev/null"): "is a device",
        fifo: "is a named pipe",
        sock_path: "is a socket",
        tmp_path: "is a folder",
        link: "is a symbolic link",
    }
    for path, said in cases.items():
        for option in ("--html", "--redline"):
            line = refused(capsys, "diff", *draft_pair, option, path)
            assert line.startswith(f"cmwreport diff: {path}: {said}"), line
    assert stat.S_ISCHR(os.stat("/dev/full").st_mode)
    assert stat.S_ISFIFO(os.lstat(fifo).st_mode) and os.path.islink(link)
    assert target.read_text(encoding="utf-8") == "kept"
    sock.close()


def test_dash_is_standard_output(draft_pair, tmp_path):
    old, new = draft_pair
    for option, start in (("--html", b"<!DOCTYPE html>"), ("--redline", b"PK\x03\x04")):
        proc = subprocess.run(
            [sys.executable, "-m", "cmwreport", "diff", str(old), str(new), option, "-"],
            cwd=tmp_path,
            capture_output=True,
            timeout=120,
        )
        assert proc.returncode == 1, proc.stderr
        assert proc.stdout.startswith(start) and proc.stderr == b""
        assert not (tmp_path / "-").exists()
    proc = subprocess.run(
        [sys.executable, "-m", "cmwreport", "diff", str(old), str(new)]
        + ["--html", "-", "--redline", "-"],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert proc.returncode == 2 and "only one output" in proc.stderr


def test_build_never_overwrites_the_template_or_a_source(tmp_path, capsys):
    out = tmp_path / "out"
    out.mkdir()
    template = tmp_path / "template.docx"
    template.write_bytes(TEMPLATE.read_bytes())
    os.link(template, out / "CMW-C-MAR-2.docx")
    line = refused(capsys, "build", SOURCES, "--template", template, "--out", out)
    assert "is one of the build's inputs" in line
    assert template.read_bytes() == TEMPLATE.read_bytes()
    (out / "CMW-C-MAR-2.docx").unlink()
    (out / "CMW-C-MAR-2-annex.docx").symlink_to(template)
    line = refused(capsys, "build", SOURCES, "--template", template, "--out", out)
    assert "is a symbolic link" in line
    assert template.read_bytes() == TEMPLATE.read_bytes()
    assert sorted(p.name for p in out.iterdir()) == ["CMW-C-MAR-2-annex.docx"]


def test_build_refuses_dash_and_a_file_as_output_folder(tmp_path, capsys, monkeypatch):
    monkeypatch.chdir(tmp_path)
    assert "give an output folder" in refused(capsys, "build", SOURCES, "--out", "-")
    assert "give a folder" in refused(capsys, "schema", "--out", "-")
    assert not (tmp_path / "-").exists()
    plain = tmp_path / "file"
    plain.write_text("x", encoding="utf-8")
    line = refused(capsys, "build", SOURCES, "--template", TEMPLATE, "--out", plain)
    assert "exists and is not a folder" in line


def test_write_atomic_checks_again_just_before_renaming(tmp_path):
    target = tmp_path / "x.html"
    os.mkfifo(target)
    with pytest.raises(OutputError, match="is a named pipe"):
        write_atomic([(target, b"data")])
    assert stat.S_ISFIFO(os.lstat(target).st_mode)
    assert [p.name for p in tmp_path.iterdir()] == ["x.html"]
    check_target(tmp_path / "new.html")  # a path with nothing there yet is fine


def test_a_device_or_a_pipe_as_template_is_refused_at_once(tmp_path, capsys):
    # (Drafts: the reader refuses them, tests/diff/test_hostile.py.)
    fifo = tmp_path / "template.docx"
    os.mkfifo(fifo)
    line = refused(capsys, "build", SOURCES, "--template", fifo, "--out", tmp_path / "out")
    assert line == f"cmwreport build: {fifo}: is a named pipe, not a Word template (.docx)"
    line = refused(capsys, "build", SOURCES, "--template", "/dev/zero", "--out", tmp_path / "o")
    assert line == "cmwreport build: /dev/zero: is a device, not a Word template (.docx)"
