"""Options and standard output: one line and exit 2, never a traceback; a closed pipe
ends quietly."""

from __future__ import annotations

import os
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from tests import drafts as d
from tests.conftest import ROOT, SOURCES, cmwreport


@pytest.fixture(scope="module")
def pair(tmp_path_factory) -> tuple[Path, Path]:
    folder = tmp_path_factory.mktemp("options")
    old = d.make_draft(folder / "old.docx")
    new = d.edited(old, folder / "new.docx", d.change_word("ثلاث", "أربع"))
    return old, new


def cli(*args, env: dict | None = None, stdout=subprocess.PIPE) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "cmwreport", *map(str, args)],
        cwd=ROOT,
        stdout=stdout,
        stderr=subprocess.PIPE,
        env={**os.environ, **(env or {})},
        timeout=120,
    )


def one_line(capsys, *args) -> str:
    assert cmwreport(*args) == 2
    (line,) = capsys.readouterr().err.splitlines()
    return line


@pytest.mark.parametrize(
    "author, said",
    [
        ("a\x01b", "U+0001"),
        ("Fatima\nX", "U+000A"),
        ("\u202eFatima", "U+202E"),
        ("", "empty"),
        ("x" * 300, "over Word's 255"),
    ],
)
def test_author_with_control_characters(pair, tmp_path, capsys, author, said):
    line = one_line(capsys, "diff", *pair, "--redline", tmp_path / "r.docx", "--author", author)
    assert line.startswith("cmwreport diff: --author") and said in line
    assert not (tmp_path / "r.docx").exists()


def test_an_arabic_author_is_written(pair, tmp_path, capsys):
    red = tmp_path / "r.docx"
    assert cmwreport("diff", *pair, "--redline", red, "--author", "فاطمة") == 1
    assert 'w:author="فاطمة"' in zipfile.ZipFile(red).read("word/document.xml").decode()


@pytest.mark.parametrize(
    "date, said",
    [
        ("0001-01-01T00:00:00+05:00", "out of range"),
        ("9999-12-31T23:00:00-05:00", "out of range"),
        ("1899-12-31", "out of range"),
        ("soon", "not an ISO 8601 date"),
        ("2024-02-30", "not an ISO 8601 date"),
    ],
)
def test_out_of_range_date(pair, tmp_path, capsys, date, said):
    line = one_line(capsys, "diff", *pair, "--redline", tmp_path / "r.docx", "--date", date)
    assert line.startswith(f"cmwreport diff: --date {date!r}: {said}")


@pytest.mark.parametrize("value", ["abc", "-5", "1e9", "٣٣", "99999999999999"])
def test_one_source_date_epoch_parser_for_build_and_diff(pair, tmp_path, capsys, value):
    os.environ["SOURCE_DATE_EPOCH"] = value
    try:
        for args in (
            ("build", SOURCES, "--out", tmp_path / "out"),
            ("diff", *pair, "--redline", tmp_path / "r.docx"),
        ):
            line = one_line(capsys, *args)
            assert f"SOURCE_DATE_EPOCH={value!r}" in line
    finally:
        del os.environ["SOURCE_DATE_EPOCH"]
    assert not (tmp_path / "out").exists()


def test_full_device_on_standard_output(pair):
    with open("/dev/full", "w") as full:
        for args in (("diff", *pair), ("validate", SOURCES), ("--help",)):
            proc = cli(*args, stdout=full)
            err = proc.stderr.decode()
            assert "Traceback" not in err and "Exception ignored" not in err, err
            if args[0] != "--help":
                assert proc.returncode == 2
                assert err.endswith("cannot write to standard output: No space left on device\n"), (
                    err
                )


def test_non_utf8_standard_output(pair):
    proc = cli("diff", *pair, env={"PYTHONIOENCODING": "ascii"})
    err = proc.stderr.decode()
    assert proc.returncode == 2 and proc.stdout == b""
    assert err == (
        "cmwreport diff: standard output uses the ascii encoding, which cannot carry Arabic "
        "text; use a UTF-8 locale (e.g. LANG=C.UTF-8) or set PYTHONIOENCODING=utf-8\n"
    )
    # The C locale: Python coerces it to UTF-8, and the output is the same as ever.
    plain = cli("diff", *pair, env={"LANG": "C", "LC_ALL": "C"})
    assert plain.returncode == 1 and "ثلاث" in plain.stdout.decode("utf-8")


def test_broken_pipe_ends_quietly(tmp_path):
    # Far more output than a pipe buffers (64 KiB), so the write fails after `head` exits.
    old = d.make_draft(
        tmp_path / "old.docx", items=[("para", f"p-{i}", f"فقرة رقم {i} " * 8) for i in range(800)]
    )
    new = d.make_draft(
        tmp_path / "new.docx", items=[("para", f"p-{i}", f"نص آخر {i} " * 8) for i in range(800)]
    )
    for args in (f"diff {old} {new} --format json", f"diff {old} {new} --color never"):
        # `true` has gone before the first write; `head` while the output is being written
        # (where the kernel may let that write finish, so exit 1 is fine there too).
        for reader, codes in (("true", {141}), ("head -c 10 >/dev/null", {1, 141})):
            proc = subprocess.run(
                ["bash", "-c", f"{sys.executable} -m cmwreport {args} | {reader}; "
                 "echo ${PIPESTATUS[0]} >&2"],
                cwd=ROOT,
                capture_output=True,
                timeout=120,
            )  # fmt: skip
            *said, code = proc.stderr.decode().splitlines()
            assert said == [] and int(code) in codes, proc.stderr.decode()
