"""`cmwreport validate` on the real sources and on one broken copy per rule."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

import pytest

from tests.cli_helpers import cli
from tests.conftest import ROOT, SOURCES
from tests.helpers_sources import edit, line_of, validate


def test_shipped_sources_are_clean():
    result = validate(SOURCES)
    assert result.diagnostics == []
    consultations = result.sources.consultations
    assert [m.id for m in consultations.meetings] == ["oujda", "tangier", "agadir"]
    assert [len(a.recommendations) for a in consultations.axes] == [5, 10, 6, 5]
    assert len(consultations.participants) == 8
    assert consultations.observations == [53]
    assert result.sources.report.symbol == "CMW/C/MAR/2"


# (case, file, old text, new text, expected code, line containing the marker)
CASES = [
    ("yaml-syntax", "meetings/oujda.yaml", 'city: "وجدة"', 'city: "وجدة', "C003", None),
    (
        "duplicate-key",
        "meetings/oujda.yaml",
        "city_en: Oujda",
        "city_en: Oujda\ncity_en: X",
        "C004",
        "city_en: X",
    ),
    ("missing-field", "meetings/tangier.yaml", "date: 2022-04-20\n", "", "S101", "id: tangier"),
    (
        "unknown-field",
        "meetings/agadir.yaml",
        "city_en: Agadir",
        "city_en: Agadir\ncitty: x",
        "S102",
        "citty:",
    ),
    ("mistyped-field", "report.yaml", "cycle: 2", "cycle: two", "S103", "cycle: two"),
    (
        "text-is-a-number",
        "meetings/agadir.yaml",
        'city: "أكادير"',
        "city: 2022",
        "S103",
        "city: 2022",
    ),
    (
        "bad-id",
        "axes/public-policies.yaml",
        "id: local-good-practices",
        "id: Local_Good",
        "S104",
        "id: Local_Good",
    ),
    (
        "unknown-choice",
        "consultations.yaml",
        "kind: workshop",
        "kind: seminar",
        "S104",
        "kind: seminar",
    ),
    (
        "duplicate-id",
        "axes/training-awareness.yaml",
        "id: train-officials",
        "id: harmonise-law-02-03",
        "R201",
        "id: harmonise-law-02-03",
    ),
    (
        "unknown-axis",
        "consultations.yaml",
        "- public-policies",
        "- public-policy",
        "R202",
        "- public-policy",
    ),
    (
        "unknown-co-paragraph",
        "axes/legal-framework.yaml",
        "observations: [26]",
        "observations: [99]",
        "R202",
        "observations: [99]",
    ),
    (
        "unknown-article",
        "axes/legal-framework.yaml",
        "articles: [7]",
        "articles: [94]",
        "R202",
        "articles: [94]",
    ),
    (
        "impossible-date",
        "meetings/oujda.yaml",
        "date: 2022-04-06",
        "date: 2022-02-30",
        "D301",
        "date: 2022-02-30",
    ),
    (
        "date-not-iso",
        "meetings/oujda.yaml",
        "date: 2022-04-06",
        "date: 06/04/2022",
        "D301",
        "date: 06/04/2022",
    ),
    (
        "weekday-field",
        "meetings/tangier.yaml",
        "date: 2022-04-20",
        "date: 2022-04-21",
        "D302",
        "weekday:",
    ),
    (
        "weekday-in-text",
        "consultations.yaml",
        "الأربعاء 20 أبريل 2022",
        "الخميس 20 أبريل 2022",
        "D302",
        "نظمت المملكة",
    ),
    (
        "dates-out-of-order",
        "report.yaml",
        "session_end: 2013-09-13",
        "session_end: 2013-09-01",
        "D303",
        "session_end:",
    ),
    (
        "bad-symbol",
        "report.yaml",
        "symbol: CMW/C/MAR/QPR/2",
        "symbol: CMW/MAR/QPR/2",
        "N401",
        "CMW/MAR/QPR/2",
    ),
    (
        "symbol-of-another-cycle",
        "report.yaml",
        "symbol: CMW/C/MAR/2\n",
        "symbol: CMW/C/MAR/3\n",
        "N402",
        "symbol: CMW/C/MAR/3",
    ),
    (
        "presentation-forms",
        "meetings/oujda.yaml",
        'region: "جهة الشرق"',
        'region: "\ufe9f\ufeec\ufe94 الشرق"',
        "T501",
        "region:",
    ),
    (
        "bidi-override",
        "meetings/oujda.yaml",
        'region: "جهة الشرق"',
        'region: "\u202eجهة الشرق"',
        "T502",
        "region:",
    ),
    (
        "not-nfc",
        "meetings/oujda.yaml",
        'region: "جهة الشرق"',
        'region: "جهة الشرق \u0627\u0653"',
        "T503",
        "region:",
    ),
    (
        "zero-width",
        "meetings/oujda.yaml",
        'region: "جهة الشرق"',
        'region: "جهة\u200b الشرق"',
        "T504",
        "region:",
    ),
    (
        "stray-space",
        "meetings/oujda.yaml",
        'region: "جهة الشرق"',
        'region: "جهة  الشرق "',
        "T505",
        "region:",
    ),
    (
        "custom-tag",
        "meetings/oujda.yaml",
        "city_en: Oujda",
        "city_en: !!python/object/apply:os.system [echo]",
        "C005",
        "city_en:",
    ),
    ("axis-not-listed", "consultations.yaml", "    - training-awareness\n", "", "R204", None),
]


@pytest.mark.parametrize("case,file,old,new,code,marker", CASES, ids=[c[0] for c in CASES])
def test_each_rule_is_reported_where_it_is(tree, case, file, old, new, code, marker):
    path = tree / file
    edit(path, old, new)
    result = validate(tree)
    found = [d for d in result.diagnostics if d.code == code]
    assert found, f"no {code} in {result.diagnostics}"
    if case == "axis-not-listed":
        path = tree / "axes/training-awareness.yaml"
        marker = "id: training-awareness"
    if case == "yaml-syntax":
        marker = "region:"  # YAML notices an unclosed quote where the next key should be
    assert found[0].file == str(path)
    assert found[0].line == line_of(path, marker)
    assert found[0].column >= 1
    assert result.sources is None or found[0].severity == "warning"


def test_column_points_at_the_character(tree):
    path = tree / "meetings/oujda.yaml"
    edit(path, 'region: "جهة الشرق"', 'region: "جهة\u202e الشرق"')
    (d,) = [d for d in validate(tree).diagnostics if d.code == "T502"]
    assert d.column == len('region: "جهة') + 1


def test_every_problem_in_one_run(tree):
    edit(tree / "meetings/oujda.yaml", "date: 2022-04-06", "date: 2022-13-01")
    edit(tree / "report.yaml", "cycle: 2", "cycle: two")
    edit(tree / "axes/legal-framework.yaml", "articles: [7]", "articles: [94]")
    codes = {d.code for d in validate(tree).diagnostics}
    assert {"D301", "S103", "R202"} <= codes


def test_not_utf8(tree):
    path = tree / "meetings/agadir.yaml"
    path.write_bytes(path.read_text(encoding="utf-8").encode("cp1256"))
    (d,) = [d for d in validate(tree).diagnostics if d.code == "C001"]
    assert (d.file, d.line) == (str(path), line_of_bytes(path, b"city:"))


def line_of_bytes(path: Path, needle: bytes) -> int:
    return path.read_bytes()[: path.read_bytes().index(needle)].count(b"\n") + 1


def test_billion_laughs_fails_fast_with_a_location(tree):
    bomb = ['a0: &a0 ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]']
    for level in range(1, 10):
        refs = ", ".join([f"*a{level - 1}"] * 10)
        bomb.append(f"a{level}: &a{level} [{refs}]")
    path = tree / "axes/bomb.yaml"
    path.write_text("\n".join(bomb) + "\n", encoding="utf-8")
    proc = cli("validate", str(tree), "--format", "json")
    assert proc.returncode == 1
    report = json.loads(proc.stdout)
    bombs = [d for d in report["diagnostics"] if d["code"] == "C005"]
    assert bombs and bombs[0]["file"] == str(path) and bombs[0]["line"] >= 1


def test_oversized_file(tree):
    path = tree / "axes/huge.yaml"
    path.write_text("# " + "x" * (1024 * 1024) + "\n", encoding="utf-8")
    codes = [d.code for d in validate(tree).diagnostics if d.file == str(path)]
    assert codes == ["C002"]


def test_link_out_of_the_tree_is_not_read(tree, tmp_path):
    outside = tmp_path / "secret.yaml"
    outside.write_text("id: x\n", encoding="utf-8")
    (tree / "axes" / "link.yaml").symlink_to(outside)
    diagnostics = validate(tree).diagnostics
    assert [d.code for d in diagnostics if d.file.endswith("link.yaml")] == ["C006"]


def test_missing_files(tree):
    (tree / "report.yaml").unlink()
    for meeting in (tree / "meetings").iterdir():
        meeting.unlink()
    missing = {d.file for d in validate(tree).diagnostics if d.code == "R203"}
    assert missing == {str(tree / "report.yaml"), str(tree / "meetings")}


def test_unknown_file_is_a_warning(tree):
    (tree / "notes.yaml").write_text("a: 1\n", encoding="utf-8")
    proc = cli("validate", str(tree))
    assert proc.returncode == 0
    assert "notes.yaml:1:1: warning S105" in proc.stdout
    assert cli("validate", str(tree), "--strict").returncode == 1


def test_sources_are_never_modified(tree):
    edit(tree / "meetings/oujda.yaml", 'region: "جهة الشرق"', 'region: "جهة  الشرق"')
    before = {p: hashlib.sha256(p.read_bytes()).hexdigest() for p in tree.rglob("*.yaml")}
    cli("validate", str(tree))
    after = {p: hashlib.sha256(p.read_bytes()).hexdigest() for p in tree.rglob("*.yaml")}
    assert before == after


def test_text_format_and_exit_codes(tree):
    assert cli("validate").returncode == 0
    edit(tree / "report.yaml", "cycle: 2", "cycle: two")
    proc = cli("validate", str(tree))
    assert proc.returncode == 1
    assert f"{tree}/report.yaml:{line_of(tree / 'report.yaml', 'cycle')}:8: error S103" in (
        proc.stdout
    )
    assert "Traceback" not in proc.stdout + proc.stderr
    missing = cli("validate", "no/such/folder")
    assert missing.returncode == 2
    assert missing.stderr.strip() == "cmwreport validate: no/such/folder: no such file or folder"


def test_json_format(tree):
    edit(tree / "meetings/oujda.yaml", "date: 2022-04-06", "date: 2022-02-30")
    edit(tree / "meetings/oujda.yaml", 'region: "جهة الشرق"', 'region: "جهة  الشرق"')
    proc = cli("validate", "sources", "--format", "json", cwd=tree.parent)
    report = json.loads(proc.stdout)
    assert report["summary"] == {"errors": 1, "warnings": 1}
    first = report["diagnostics"][0]
    assert set(first) == {"code", "severity", "file", "line", "column", "message"}
    assert {d["file"] for d in report["diagnostics"]} == {"sources/meetings/oujda.yaml"}


def test_github_format_escapes(tree, tmp_path):
    edit(tree / "consultations.yaml", "kind: workshop", 'kind: "50%,\\n:x"')
    summary = tmp_path / "summary.md"
    proc = cli(
        "validate", str(tree), "--format", "github", env={"GITHUB_STEP_SUMMARY": str(summary)}
    )
    (line,) = [x for x in proc.stdout.splitlines() if "S104" in x]
    assert line.startswith(f"::error file={tree}/consultations.yaml,line=")
    assert ",title=S104::" in line
    assert "50%25,%0A%3Ax" not in line  # properties escaping applies to properties only
    assert "'50%25,%0A:x'" in line
    assert "S104" in summary.read_text(encoding="utf-8")


def test_single_file(tree):
    proc = cli("validate", str(tree / "meetings" / "oujda.yaml"))
    assert proc.returncode == 0, proc.stdout
    odd = tree / "odd.yaml"
    odd.write_text("a: 1\n", encoding="utf-8")
    assert cli("validate", str(odd)).returncode == 2


def test_every_code_is_documented():
    import re

    emitted = set()
    for path in (ROOT / "src" / "cmwreport").rglob("*.py"):
        emitted |= set(re.findall(r'"([CSRDNTB]\d{3})"', path.read_text(encoding="utf-8")))
    doc = (ROOT / "docs" / "source-format.md").read_text(encoding="utf-8")
    documented = set(re.findall(r"^\| ([CSRDNTB]\d{3}) \|", doc, re.MULTILINE))
    assert emitted == documented


def test_a_control_character_quoted_in_a_message_stays_on_its_line(tree):
    edit(tree / "consultations.yaml", "kind: workshop", 'kind: "\\x07a\\nb"')
    for fmt in ("text", "github"):
        proc = cli("validate", str(tree), "--format", fmt)
        (line,) = [x for x in proc.stdout.splitlines() if "S104" in x]
        assert "\x07" not in line
        assert ("'\\u0007a\\u000ab'" if fmt == "text" else "'\\u0007a%0Ab'") in line
