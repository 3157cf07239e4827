"""checks/numbers.py: numbers of record that right-to-left display reverses (T507),
and the `# cmwreport: ignore` suppression for verbatim text."""

from __future__ import annotations

import pytest

from cmwreport.checks.numbers import reversed_numbers
from tests.cli_helpers import cli
from tests.conftest import SOURCES
from tests.helpers_sources import edit, line_of, validate


@pytest.mark.parametrize(
    "text,flagged",
    [
        ("القانون رقم 02-03 المتعلق بدخول الأجانب", ["02-03"]),
        ("التسريع بملائمة القانون 03-02 المتعلق", ["03-02"]),
        ("الظهير الشريف رقم 1-58-376", ["1-58-376"]),
        ("المرسوم رقم 2 – 10 – 328", ["2 – 10 – 328"]),
        ("مشروعي القانونين 72-17 و66-17", ["72-17", "66-17"]),
        ("بموجب النص 02-03", ["02-03"]),  # leading zeros: a number of record, not a range
        ("القانون رقم ٠٢-٠٣", ["٠٢-٠٣"]),  # Arabic-Indic digits are reversed as well
        # Not flagged:
        ("في دورتها التاسعة عشرة (9-13 شتنبر 2013", []),  # a range of days
        ("خلال الفترة 2013-2018", []),  # a range of years
        ("الفقرات 10-12 من الملاحظات", []),  # a range of paragraphs
        ("القانون رقم 02.03 المتعلق", []),  # a full stop keeps the order
        ("القانون رقم 02/03 المتعلق", []),  # so does a slash
        ("القانون رقم 02،03", []),
        ("Law No. 02-03 on entry", []),  # left-to-right context: displayed as written
        ("02-03 القانون", []),  # no Arabic before it
    ],
)
def test_which_pairs_are_flagged(text, flagged):
    assert [m.group() for m in reversed_numbers(text)] == flagged


def test_warning_is_located_and_says_how_to_write_it(tree):
    path = tree / "axes/legal-framework.yaml"
    edit(path, "  # cmwreport: ignore T507 -- verbatim: the summary of record writes 03-02", "")
    (d,) = validate(tree).diagnostics
    assert (d.code, d.severity, d.file) == ("T507", "warning", str(path))
    assert (d.line, d.column) == (
        line_of(path, "القانون 03-02"),
        len('    text: "التسريع بملائمة القانون ') + 1,
    )
    assert "write 03.02" in d.message


def test_the_shipped_sources_pass_strict_thanks_to_the_suppression():
    proc = cli("validate", "--strict", str(SOURCES))
    assert proc.returncode == 0, proc.stdout
    text = (SOURCES / "axes/legal-framework.yaml").read_text(encoding="utf-8")
    assert "القانون 03-02" in text  # the seed's wording, kept verbatim


def test_a_suppression_names_its_code(tree):
    path = tree / "axes/legal-framework.yaml"
    edit(path, "cmwreport: ignore T507", "cmwreport: ignore T505")
    assert [d.code for d in validate(tree).diagnostics] == ["T507"]
    edit(path, "cmwreport: ignore T505", "cmwreport: ignore T505, T507")
    assert validate(tree).diagnostics == []


def test_a_suppression_covers_its_own_line_only(tree):
    path = tree / "axes/legal-framework.yaml"
    edit(path, "إلغاء تجريم الهجرة غير النظامية", "إلغاء القانون رقم 02-03")
    (d,) = validate(tree).diagnostics
    assert (d.code, d.line) == ("T507", line_of(path, "إلغاء القانون"))


def test_an_error_cannot_be_suppressed(tree):
    path = tree / "meetings/oujda.yaml"
    edit(path, 'region: "جهة الشرق"', 'region: "جهة\\u202e الشرق"  # cmwreport: ignore T502')
    assert [d.code for d in validate(tree).diagnostics] == ["T502"]


def test_many_pairs_without_a_letter_are_checked_in_linear_time(tree):
    # Each pair used to rescan the text back to its start looking for a strong letter.
    path = tree / "meetings/oujda.yaml"
    edit(path, 'region: "جهة الشرق"', 'region: "' + "1-2 " * 150_000 + 'جهة"')
    proc = cli("validate", str(tree), timeout=60)
    assert proc.returncode == 0 and "T507" not in proc.stdout
