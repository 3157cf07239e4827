"""checks/text.py: character hygiene on decoded values, located on the raw line."""

from __future__ import annotations

import pytest

from tests.cli_helpers import cli
from tests.helpers_sources import edit, line_of, validate

REGION = 'region: "جهة الشرق"'


@pytest.mark.parametrize(
    "written,code,severity",
    [
        ("\\x01", "T506", "error"),
        ("\\uFFFE", "T506", "error"),
        ("\\u202E", "T502", "error"),
        ("\\uFE8D", "T501", "error"),
        ("\\u200B", "T504", "warning"),
        ("\\u0627\\u0653", "T503", "warning"),
    ],
)
def test_yaml_escapes_are_checked_as_the_characters_they_stand_for(tree, written, code, severity):
    path = tree / "meetings" / "oujda.yaml"
    edit(path, REGION, f'region: "جهة{written} الشرق"')
    found = [d for d in validate(tree).diagnostics if d.code == code]
    assert [(d.file, d.line, d.severity) for d in found] == [
        (str(path), line_of(path, "region:"), severity)
    ]
    escape_column = len('region: "جهة') + 1
    # T503 points at the combining mark after the letter; the others at the escape itself.
    assert found[0].column == escape_column + (6 if code == "T503" else 0)


def test_a_control_character_stops_the_build(tree, tmp_path):
    edit(tree / "meetings" / "oujda.yaml", REGION, 'region: "جهة\\x01 الشرق"')
    proc = cli("build", str(tree), "--out", str(tmp_path / "out"))
    assert proc.returncode == 1
    assert "T506" in proc.stdout and "Traceback" not in proc.stderr
    assert not (tmp_path / "out").exists()


def test_column_counts_escapes_before_the_character(tree):
    path = tree / "meetings" / "oujda.yaml"
    edit(path, REGION, 'region: "\\u062c\\u0647\\u0629\\u202e الشرق"')
    (d,) = [d for d in validate(tree).diagnostics if d.code == "T502"]
    assert d.column == len('region: "') + 1 + 3 * 6


def test_single_quoted_and_plain_values(tree):
    path = tree / "meetings" / "oujda.yaml"
    edit(path, REGION, "region: 'جهة''  الشرق'")
    (d,) = [d for d in validate(tree).diagnostics if d.code == "T505"]
    assert d.column == len("region: 'جهة''") + 1


def test_stray_spaces(tree):
    path = tree / "meetings" / "oujda.yaml"
    edit(path, REGION, 'region: "جهة الشرق "')
    (d,) = [d for d in validate(tree).diagnostics if d.code == "T505"]
    assert (d.line, d.column) == (line_of(path, "region:"), len('region: "جهة الشرق') + 1)


@pytest.mark.parametrize(
    "value",
    ["جهة  الشرق", "جهة ، الشرق", "جهة ؛ الشرق", "جهة\u00a0الشرق", "جهة\u202fالشرق", " جهة الشرق"],
    ids=["double", "before-comma", "before-semicolon", "nbsp", "narrow-nbsp", "leading"],
)
def test_each_stray_space_in_one_value_of_a_file_is_found(tree, value):
    # The file's values are first searched together: one spoilt value among clean ones
    # must still be found, and only there.
    path = tree / "meetings" / "oujda.yaml"
    edit(path, REGION, f'region: "{value}"')
    found = [(d.file, d.line) for d in validate(tree).diagnostics if d.code == "T505"]
    assert found == [(str(path), line_of(path, "region:"))]


@pytest.mark.parametrize(
    "value,code",
    [
        (" " * 300_000 + "x", "T505"),  # " +(?=،)" backtracked over every space: O(n²)
        ("ب" * 300_000 + "\u0627\u0653", "T503"),  # the NFC offset was found in O(n²)
    ],
    ids=["long-run-of-spaces", "late-unnormalised-mark"],
)
def test_long_values_are_checked_in_linear_time(tree, value, code):
    path = tree / "meetings" / "oujda.yaml"
    edit(path, REGION, f'region: "{value}"')
    proc = cli("validate", str(tree), timeout=60)  # quadratic work would not end in time
    assert proc.returncode == 0
    assert f"{path}:{line_of(path, 'region:')}:" in proc.stdout and code in proc.stdout
