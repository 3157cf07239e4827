"""checks/references.py: ids, references between files, cited documents, symbols."""

from __future__ import annotations

from tests.helpers_sources import edit, line_of, validate


def third_cycle(tree) -> None:
    """The shipped report renumbered as CMW/C/MAR/3, which cites CO/2 and QPR/3."""
    report = tree / "report.yaml"
    edit(report, "cycle: 2", "cycle: 3")
    edit(report, "symbol: CMW/C/MAR/2", "symbol: CMW/C/MAR/3")
    edit(report, "symbol: CMW/C/MAR/CO/1", "symbol: CMW/C/MAR/CO/2")
    edit(report, "symbol: CMW/C/MAR/QPR/2", "symbol: CMW/C/MAR/QPR/3")


def test_a_cited_document_without_data_is_named_once_and_not_judged(tree):
    third_cycle(tree)
    # CO/1 has 54 paragraphs; CO/2 is another document: 60 must not be judged by CO/1.
    edit(tree / "axes/legal-framework.yaml", "observations: [26]", "observations: [60]")
    result = validate(tree)
    report = tree / "report.yaml"
    assert [(d.code, d.severity, d.file, d.line) for d in result.diagnostics] == [
        ("R206", "warning", str(report), line_of(report, "CMW/C/MAR/CO/2")),
        ("R206", "warning", str(report), line_of(report, "CMW/C/MAR/QPR/3")),
    ]
    assert "CMW/C/MAR/CO/2" in result.diagnostics[0].message
    assert "sources/reference/CMW-C-MAR-CO-2.yaml" in result.diagnostics[0].message
    assert result.sources is not None  # a warning: the build goes on


def test_a_project_adds_the_data_of_its_document(tree):
    third_cycle(tree)
    (tree / "reference").mkdir()
    paragraphs = "".join(f"  - number: {n}\n    subject: s{n}\n" for n in range(1, 71))
    (tree / "reference" / "CMW-C-MAR-CO-2.yaml").write_text(
        f"symbol: CMW/C/MAR/CO/2\ncomplete: true\nparagraphs:\n{paragraphs}", encoding="utf-8"
    )
    axis = tree / "axes/legal-framework.yaml"
    edit(axis, "observations: [26]", "observations: [60, 99]")
    found = [(d.code, d.file, d.line) for d in validate(tree).diagnostics]
    assert ("R202", str(axis), line_of(axis, "[60, 99]")) in found
    assert [c for c, *_ in found].count("R206") == 1  # QPR/3 still has no data
    (r202,) = [d for d in validate(tree).diagnostics if d.code == "R202"]
    assert r202.message == "CMW/C/MAR/CO/2 has no paragraph 99 (it has 1-70)"
    assert r202.column == len("    observations: [60, ") + 1


def test_shipped_data_judges_co1_numbers(tree):
    axis = tree / "axes/legal-framework.yaml"
    edit(axis, "observations: [26]", "observations: [99]")
    (d,) = validate(tree).diagnostics
    assert (d.code, d.message) == ("R202", "CMW/C/MAR/CO/1 has no paragraph 99 (it has 1-54)")


def test_an_incomplete_document_does_not_judge_numbers_it_does_not_list(tree):
    # QPR/2 is shipped with only its paragraph 1 documented: nothing to say about others.
    from cmwreport.reference import shipped_document

    text = shipped_document("CMW/C/MAR/QPR/2").read_text(encoding="utf-8")
    assert "complete: false" in text
    assert validate(tree).diagnostics == []


def test_no_cascade_after_a_syntax_error_in_an_axis(tree):
    axis = tree / "axes/public-policies.yaml"
    edit(axis, 'title: "', 'title: "unclosed')
    edit(axis, "\nrecommendations:", '\nrecommendations: "')
    result = validate(tree)
    assert [(d.code, d.file) for d in result.diagnostics] == [("C003", str(axis))]


def test_no_cascade_when_the_axis_id_cannot_be_recovered(tree):
    axis = tree / "axes/public-policies.yaml"
    axis.write_text("{{{ not yaml\n", encoding="utf-8")
    assert [d.code for d in validate(tree).diagnostics] == ["C003"]


def test_no_cascade_after_a_syntax_error_in_the_report(tree):
    edit(tree / "report.yaml", "cycle: 2", 'cycle: "2')
    assert [d.code for d in validate(tree).diagnostics] == ["C003"]


def test_symbol_mismatch_suggests_both_fixes(tree):
    report = tree / "report.yaml"
    edit(report, "symbol: CMW/C/MAR/2\n", "symbol: CMW/C/MAR/3\n")
    (d,) = validate(tree).diagnostics
    assert (d.code, d.line) == ("N402", line_of(report, "symbol: CMW/C/MAR/3"))
    assert d.message == (
        "symbol CMW/C/MAR/3 does not fit report MAR, cycle 2: write CMW/C/MAR/2, or if "
        "CMW/C/MAR/3 is right, set cycle: 3 (and write CMW/C/MAR/CO/2 and CMW/C/MAR/QPR/3)"
    )


def test_previous_observations_of_another_cycle_suggest_the_cycle(tree):
    edit(tree / "report.yaml", "symbol: CMW/C/MAR/CO/1", "symbol: CMW/C/MAR/CO/2")
    n402 = [d for d in validate(tree).diagnostics if d.code == "N402"]
    assert len(n402) == 1
    assert "write CMW/C/MAR/CO/1, or if CMW/C/MAR/CO/2 is right, set cycle: 3" in n402[0].message


def test_a_symbol_of_another_kind_suggests_only_the_symbol(tree):
    edit(tree / "report.yaml", "symbol: CMW/C/MAR/QPR/2", "symbol: CMW/C/MAR/Q/2")
    (d,) = [d for d in validate(tree).diagnostics if d.code == "N402"]
    assert d.message.endswith("write CMW/C/MAR/QPR/2")


def test_city_en_is_optional(tree):
    edit(tree / "meetings/oujda.yaml", "city_en: Oujda\n", "")
    assert validate(tree).diagnostics == []


def test_duplicate_ids_across_files(tree):
    axis = tree / "axes/training-awareness.yaml"
    edit(axis, "id: train-officials", "id: crdh")
    (d,) = validate(tree).diagnostics
    assert (d.code, d.file, d.line) == ("R201", str(axis), line_of(axis, "id: crdh"))
    assert "consultations.yaml" in d.message


def test_an_axis_listed_twice_and_one_not_listed(tree):
    consultations = tree / "consultations.yaml"
    edit(consultations, "    - training-awareness\n", "    - legal-framework\n")
    codes = sorted(d.code for d in validate(tree).diagnostics)
    assert codes == ["R204", "S104"]


def test_unknown_article(tree):
    edit(tree / "axes/legal-framework.yaml", "articles: [7]", "articles: [94]")
    (d,) = validate(tree).diagnostics
    assert (d.code, d.message) == ("R202", "the Convention has no article 94 (it has 1-93)")


def test_a_single_file_is_judged_against_the_report_beside_it(tree):
    axis = tree / "axes/legal-framework.yaml"
    edit(axis, "observations: [26]", "observations: [99]")
    (d,) = validate(axis).diagnostics
    assert (d.code, d.file, d.line) == ("R202", str(axis), line_of(axis, "[99]"))


def test_a_single_file_without_a_report_beside_it_is_not_judged(tree, tmp_path):
    alone = tmp_path / "axes"
    alone.mkdir()
    axis = alone / "legal-framework.yaml"
    axis.write_bytes((tree / "axes/legal-framework.yaml").read_bytes())
    edit(axis, "observations: [26]", "observations: [99]")
    assert validate(axis).diagnostics == []
