"""Nothing unbuildable is written (issue 17): a reviewer's change that would break the
template is reported, not written; a draft of another report is refused; text a
reviewer types is never read as a slot."""

from __future__ import annotations

import pytest

from tests import drafts as d
from tests.absorb.workspace import Workspace
from tests.office import audit_errors

PRESENTATION = "يقدّم المغرب"


@pytest.fixture
def ws(tmp_path) -> Workspace:
    return Workspace.make(tmp_path)


def test_a_draft_of_another_report_is_refused(ws, tmp_path):
    before = ws.snapshot()
    draft = d.edited(
        ws.report,
        tmp_path / "mar3.docx",
        d.edit_header("CMW/C/MAR/2", "CMW/C/MAR/3"),
        d.edit_cell(1, 1, 2, "CMW/C/MAR/3"),
        d.insert_paragraph(PRESENTATION, "فقرة من تقرير آخر."),
    )
    for options in ((), ("--force",)):
        proc = ws.absorb(draft, *options)
        assert proc.returncode == 2, proc.stdout + proc.stderr
        assert proc.stderr.strip().endswith(
            "a draft of CMW/C/MAR/3, and these sources are of CMW/C/MAR/2: absorb it into "
            "that report's own sources"
        )
        assert "Traceback" not in proc.stderr
    assert ws.snapshot() == before


@pytest.mark.parametrize("typed", ["{{ qpr_symbol }}", "{{", "{% if x %}"])
def test_slot_marks_a_reviewer_types_are_never_read_as_slots(ws, tmp_path, typed):
    before = ws.snapshot()
    draft = d.edited(
        ws.report, tmp_path / "typed.docx", d.change_word(PRESENTATION, f"{PRESENTATION} {typed}")
    )
    proc = ws.absorb(draft)
    assert proc.returncode == 1, proc.stdout + proc.stderr
    assert "typed in the template's text: the next build would read it as a slot" in proc.stdout
    assert ws.snapshot() == before


def test_a_required_slot_deleted_is_reported_and_the_rest_written(ws, tmp_path):
    template = ws.template.read_bytes()
    draft = d.edited(
        ws.report,
        tmp_path / "slot.docx",
        d.delete_paragraph("[تاريخ الاستلام"),
        d.change_word(PRESENTATION, "يعرض المغرب"),
    )
    proc = ws.absorb(draft)
    assert proc.returncode == 1, proc.stdout + proc.stderr
    assert "the template would no longer build after this change: the template: missing " in (
        proc.stdout
    )
    assert "template text reworded" in proc.stdout
    assert ws.template.read_bytes() != template
    ws.build(ws.root / "again")  # the template as written builds
    assert audit_errors(ws.template) == []


def test_force_with_an_item_moved_out_of_a_file_changed_since_the_build(ws, tmp_path):
    """The item stays where it is (neither removed nor added), reported; no crash."""
    draft = d.edited(
        ws.report,
        tmp_path / "moved.docx",
        d.move_paragraph("مواصلة الجهود في مجال الخدمات الصحية", "تعزيز دور السلطة القضائية"),
    )
    esc = ws.sources / "axes" / "economic-social-cultural-rights.yaml"
    esc.write_text(esc.read_text() + "# edited since the build\n")
    before = ws.snapshot()
    proc = ws.absorb(draft, "--force")
    assert proc.returncode == 1, proc.stdout + proc.stderr
    assert "conflict: items of " in proc.stdout and "Traceback" not in proc.stderr
    assert ws.snapshot() == before
    assert "id: health-services" in esc.read_text()


def test_a_fingerprint_of_deeply_nested_json_is_no_fingerprint(ws, tmp_path):
    from cmwreport.build import provenance
    from cmwreport.docx.custom_properties import set_property
    from cmwreport.docx.package import Package

    package = Package.read(ws.report)
    set_property(package, provenance.PROPERTY, "[" * 100_000 + "]" * 100_000)
    draft = tmp_path / "nested.docx"
    draft.write_bytes(package.to_bytes())
    proc = ws.absorb(draft)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert "records no build fingerprint" in proc.stdout
