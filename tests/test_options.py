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


def test_broken_pipe_ends_quietly(pair, tmp_path):
    # Enough output to fill the pipe after the reader has gone.
    many = d.edited(pair[0], tmp_path / "many.docx", *[d.change_word("ثلاث", "أربع")])
    script = (
        f"{sys.executable} -m cmwreport diff {pair[0]} {many} --format json | head -c 10; "
        f"{sys.executable} -m cmwreport validate {SOURCES} --format json | head -c 1"
    )
    proc = subprocess.run(
        ["bash", "-o", "pipefail", "-c", script], cwd=ROOT, capture_output=True, timeout=120
    )
    assert proc.stderr == b""
