"""validate in a terminal as good as the best linters' (issue 19, item 3): the source
line with a caret under the column, for ASCII and Arabic lines; --color and NO_COLOR;
SARIF 2.1.0 for code-scanning tools."""

from __future__ import annotations

import json
import shutil

import pytest

from tests.cli_helpers import cli
from tests.conftest import SOURCES


@pytest.fixture
def broken(tmp_path):
    tree = tmp_path / "sources"
    shutil.copytree(SOURCES, tree)
    report = tree / "report.yaml"
    report.write_text(
        report.read_text(encoding="utf-8").replace("\nsymbol:", "\nsymbool:", 1), encoding="utf-8"
    )
    axis = sorted((tree / "axes").glob("*.yaml"))[0]
    text = axis.read_text(encoding="utf-8")
    start = text.index('text: "') + len('text: "')
    space = text.index(" ", start)  # after the first Arabic word: make it two spaces
    axis.write_text(text[:space] + " " + text[space:], encoding="utf-8")
    return tmp_path, axis.relative_to(tmp_path).as_posix(), text[:space].count("\n") + 1


def test_source_line_and_caret_for_ascii_and_arabic_lines(broken):
    root, axis, axis_line = broken
    proc = cli("validate", "sources", "--color", "never", cwd=root)
    assert proc.returncode == 1
    lines = proc.stdout.splitlines()
    # ASCII: the misspelt key, one error, the caret under its first letter.
    at = next(i for i, line in enumerate(lines) if " S102 " in line)
    assert lines[at].startswith("sources/report.yaml:")
    number, column = (int(x) for x in lines[at].split(":")[1:3])
    assert lines[at + 1].endswith(" |")
    gutter, source = lines[at + 2].split(" | ", 1)
    assert int(gutter) == number and source.startswith("symbool:")
    caret = lines[at + 3]
    assert caret.index("^") == len(gutter) + 3 + column - 1
    # Arabic: the caret under the second space, counted in characters (logical order).
    at = next(i for i, line in enumerate(lines) if " T505 " in line)
    assert lines[at].startswith(f"{axis}:{axis_line}:")
    column = int(lines[at].split(":")[2])
    gutter, source = lines[at + 2].split(" | ", 1)
    position = lines[at + 3].index("^") - (len(gutter) + 3)
    assert position == column - 1
    assert source[position] == " " and "\u0600" <= source[position - 1] <= "\u06ff"
    # One mistake, one diagnostic.
    assert sum(1 for line in lines if ": error " in line) == 1


def test_color_option_and_no_color(broken):
    root, _axis, _line = broken
    coloured = cli("validate", "sources", "--color", "always", cwd=root, env={"NO_COLOR": "1"})
    assert "\x1b[31merror\x1b[0m" in coloured.stdout
    plain = cli("validate", "sources", "--color", "never", cwd=root)
    assert "\x1b[" not in plain.stdout
    # auto: not a terminal here, so no colour; NO_COLOR changes nothing then either.
    auto = cli("validate", "sources", cwd=root, env={"NO_COLOR": ""})
    assert "\x1b[" not in auto.stdout
    bad = cli("validate", "sources", "--color", "sometimes", cwd=root)
    assert bad.returncode == 2 and "sometimes" in bad.stderr


def test_sarif(broken):
    root, axis, _line = broken
    proc = cli("validate", "sources", "--format", "sarif", "--lang", "fr", cwd=root)
    assert proc.returncode == 1
    sarif = json.loads(proc.stdout)
    assert sarif["version"] == "2.1.0" and "sarif-schema-2.1.0" in sarif["$schema"]
    (run,) = sarif["runs"]
    assert run["tool"]["driver"]["name"] == "cmwreport"
    rules = [r["id"] for r in run["tool"]["driver"]["rules"]]
    results = run["results"]
    assert {r["ruleId"] for r in results} == {"S102", "T505"} == set(rules)
    for result in results:
        assert rules[result["ruleIndex"]] == result["ruleId"]
        location = result["locations"][0]["physicalLocation"]
        assert location["artifactLocation"]["uri"] in ("sources/report.yaml", axis)
        assert location["region"]["startLine"] >= 1 and location["region"]["startColumn"] >= 1
    levels = {r["ruleId"]: r["level"] for r in results}
    assert levels == {"S102": "error", "T505": "warning"}
    s102 = next(r for r in results if r["ruleId"] == "S102")
    assert s102["message"]["text"].startswith("champ « symbool » inconnu")


def test_a_warning_in_a_word_file_is_located_as_printed_not_by_line():
    import io

    from cmwreport.diagnostics import Diagnostic
    from cmwreport.print_diagnostics import emit

    stream = io.StringIO()
    found = Diagnostic(
        "templates/periodic-report.docx", 11, 1, "B003", "warning",
        "paragraph 4 (أ): slot {{ x }} left in the text",
    )  # fmt: skip
    emit([found], "text", stream, color="never")
    first = stream.getvalue().splitlines()[0]
    assert first == (
        "templates/periodic-report.docx: warning B003 "
        "paragraph 4 (أ): slot {{ x }} left in the text"
    )
    stream = io.StringIO()
    emit([found], "json", stream)
    assert json.loads(stream.getvalue())["diagnostics"][0]["line"] == 11  # programs keep it
