"""checks.run: loading's findings and every rule's, merged into what a command acts on.

The rules themselves are tested module by module beside this file (test_text,
test_numbers, test_dates, test_references, test_locate); this pins the merge.
"""

from __future__ import annotations

from cmwreport import checks
from cmwreport.sources.load import load_sources
from tests.helpers_sources import edit


def test_clean_sources_give_the_model_and_count_every_file(tree):
    result = checks.run(load_sources(tree))
    assert result.diagnostics == [] and result.errors == 0
    assert result.sources is not None
    assert result.files == len(list(tree.rglob("*.yaml")))


def test_an_error_withholds_the_model_a_warning_does_not(tree):
    path = tree / "axes/legal-framework.yaml"
    edit(path, "  # cmwreport: ignore T507 -- verbatim: the summary of record writes 03-02", "")
    warned = checks.run(load_sources(tree))
    assert [(d.code, d.severity) for d in warned.diagnostics] == [("T507", "warning")]
    assert warned.errors == 0 and warned.sources is not None
    edit(tree / "meetings/oujda.yaml", 'region: "جهة الشرق"', 'region: "جهة\\u202e الشرق"')
    failed = checks.run(load_sources(tree))
    assert sorted(d.code for d in failed.diagnostics) == ["T502", "T507"]
    assert failed.errors == 1 and failed.sources is None


def test_loading_and_rules_findings_come_out_sorted_and_once_each(tree):
    edit(tree / "meetings/oujda.yaml", 'region: "جهة الشرق"', 'region: "جهة\\u202e الشرق"')
    edit(tree / "meetings/agadir.yaml", "id: agadir", "id: agadir\nunknown_key: 1")
    loaded = load_sources(tree)
    assert loaded.diagnostics  # the unknown key, found by the loader
    result = checks.run(loaded)
    assert result.diagnostics == sorted(set(result.diagnostics))
    # What loading found is kept beside what the rules found.
    assert set(loaded.diagnostics) <= set(result.diagnostics)
    assert {"T502"} <= {d.code for d in result.diagnostics} - {d.code for d in loaded.diagnostics}
