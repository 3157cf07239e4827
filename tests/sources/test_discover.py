"""sources/discover.py and load.py on hostile trees: every problem a located diagnostic
with exit 1, never a traceback or a hang; every file that is not read is named."""

from __future__ import annotations

import os
import socket
import stat

import pytest

from tests.cli_helpers import cli
from tests.helpers_sources import validate


def diagnostics_for(tree, path):
    return [(d.code, d.severity, d.line) for d in validate(tree).diagnostics if d.file == str(path)]


def test_two_files_for_one_kind(tree):
    second = tree / "report.yml"
    second.write_bytes((tree / "report.yaml").read_bytes())
    result = validate(tree)
    assert [(d.code, d.file, d.line) for d in result.diagnostics] == [("R205", str(second), 1)]
    assert "report.yaml" in result.diagnostics[0].message


def test_a_folder_where_a_file_is_expected(tree):
    (tree / "report.yaml").unlink()
    (tree / "report.yaml").mkdir()
    assert diagnostics_for(tree, tree / "report.yaml") == [("R203", "error", 1)]


def test_a_file_where_a_folder_is_expected(tree):
    for meeting in (tree / "meetings").iterdir():
        meeting.unlink()
    (tree / "meetings").rmdir()
    (tree / "meetings").write_text("oujda\n", encoding="utf-8")
    assert diagnostics_for(tree, tree / "meetings") == [("R203", "error", 1)]


def test_a_symlink_loop(tree):
    (tree / "axes" / "a.yaml").symlink_to("b.yaml")
    (tree / "axes" / "b.yaml").symlink_to("a.yaml")
    result = validate(tree)
    assert {(d.code, d.file) for d in result.diagnostics} == {
        ("C001", str(tree / "axes" / "a.yaml")),
        ("C001", str(tree / "axes" / "b.yaml")),
    }


def test_a_link_to_a_folder_is_named_not_followed(tree):
    (tree / "axes" / "again").symlink_to(tree)
    assert diagnostics_for(tree, tree / "axes" / "again") == [("S105", "warning", 1)]


def test_the_root_itself_a_symlink_loop_is_trouble(tmp_path):
    (tmp_path / "loop").symlink_to(tmp_path / "loop")
    proc = cli("validate", str(tmp_path / "loop"))
    assert proc.returncode == 2
    assert proc.stderr.count("\n") == 1 and "Traceback" not in proc.stderr


def test_an_empty_path_argument(tree):
    for command in ("validate", "build"):
        proc = cli(command, "", cwd=tree)
        assert proc.returncode == 2
        assert (
            proc.stderr
            == f"cmwreport {command}: empty path: give the folder of sources, e.g. sources\n"
        )


def test_a_named_pipe_is_never_opened(tree):
    os.mkfifo(tree / "meetings" / "fes.yaml")
    os.mkfifo(tree / "notes")
    proc = cli("validate", str(tree), timeout=20)  # a hang would time out
    assert proc.returncode == 1
    assert f"{tree}/meetings/fes.yaml:1:1: error C008 a named pipe: skipped, never opened" in (
        proc.stdout
    )
    assert f"{tree}/notes:1:1: warning C008 a named pipe" in proc.stdout


def test_a_socket_is_never_opened(tree):
    server = socket.socket(socket.AF_UNIX)
    try:
        server.bind(str(tree / "axes" / "listen.yaml"))
        assert diagnostics_for(tree, tree / "axes" / "listen.yaml") == [("C008", "error", 1)]
    finally:
        server.close()


def test_a_device_is_never_opened(tree):
    try:
        os.mknod(tree / "axes" / "zero.yaml", stat.S_IFCHR | 0o600, os.makedev(1, 5))
    except PermissionError:
        pytest.skip("cannot make a device node here")
    proc = cli("validate", str(tree), timeout=20)
    assert proc.returncode == 1
    assert "axes/zero.yaml:1:1: error C008 a character device: skipped, never opened" in (
        proc.stdout
    )


def test_a_file_name_that_is_not_utf8(tree):
    name = os.fsencode(tree / "axes") + b"/caf\xe9.yaml"
    with open(name, "wb") as f:
        f.write(b"id: x\n")
    proc = cli("validate", str(tree), "--format", "json")
    assert proc.returncode == 1 and "Traceback" not in proc.stderr
    assert f"{tree}/axes/caf\\xe9.yaml:1:1: error C001" in cli("validate", str(tree)).stdout


@pytest.mark.parametrize(
    "name,code,severity",
    [
        ("meetings/fes.YAML", "S106", "error"),
        ("meetings/fes.Yml", "S106", "error"),
        ("meetings/fes.yml.bak", "S106", "error"),
        ("meetings/fes.txt", "S106", "error"),
        ("axes/more.txt", "S106", "error"),
        ("Report.yaml", "S105", "warning"),
        ("notes.txt", "S105", "warning"),
        ("meetings/2021/fes.yaml", "S106", "error"),
        ("old/fes.yaml", "S105", "warning"),
    ],
)
def test_every_file_not_read_is_named(tree, name, code, severity):
    path = tree / name
    path.parent.mkdir(exist_ok=True)
    path.write_bytes((tree / "meetings" / "oujda.yaml").read_bytes())
    assert diagnostics_for(tree, path) == [(code, severity, 1)]


def test_upper_case_extension_says_how_to_rename(tree):
    path = tree / "meetings" / "oujda.yaml"
    path.rename(tree / "meetings" / "oujda.YAML")
    (d,) = [d for d in validate(tree).diagnostics if d.code == "S106"]
    assert d.message.endswith("rename it oujda.yaml")


def test_hidden_files_are_skipped_silently(tree):
    (tree / "meetings" / ".oujda.yaml.swp").write_bytes(b"\x00\x01")
    (tree / ".git").mkdir()
    (tree / ".git" / "HEAD").write_text("ref\n", encoding="utf-8")
    assert validate(tree).diagnostics == []


@pytest.mark.parametrize("make", ["fifo", "loop", "upper"])
def test_a_report_that_cannot_be_read_is_not_also_missing(tree, make):
    report = tree / "report.yaml"
    report.unlink()
    if make == "fifo":
        os.mkfifo(report)
    elif make == "loop":
        report.symlink_to(report)
    else:
        report = tree / "report.YAML"
        report.write_text("treaty: CMW\n", encoding="utf-8")
    result = validate(tree)
    assert [(d.file, d.severity) for d in result.diagnostics] == [(str(report), "error")]


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads any folder")
def test_an_unreadable_folder(tree):
    (tree / "axes").chmod(0)
    try:
        result = validate(tree)
        assert [(d.code, d.file) for d in result.diagnostics] == [("C001", str(tree / "axes"))]
        tree.chmod(0)
        assert cli("validate", str(tree)).returncode == 2
    finally:
        tree.chmod(0o755)
        (tree / "axes").chmod(0o755)


@pytest.mark.parametrize("make", ["fifo", "upper", "loop"])
def test_an_axis_that_cannot_be_read_is_not_also_missing(tree, make):
    axis = tree / "axes" / "public-policies.yaml"
    axis.unlink()
    if make == "fifo":
        os.mkfifo(axis)
    elif make == "loop":
        axis.symlink_to(axis)
    else:
        axis = axis.with_suffix(".YAML")
        axis.write_text("id: public-policies\n", encoding="utf-8")
    result = validate(tree)
    assert [(d.file, d.severity) for d in result.diagnostics] == [(str(axis), "error")]
