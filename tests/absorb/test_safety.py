"""absorb's safety: --dry-run, validation before writing, the build fingerprint, trouble."""

from __future__ import annotations

import pytest

from tests.absorb import edits as e
from tests.absorb.workspace import Workspace


@pytest.fixture
def ws(tmp_path) -> Workspace:
    return Workspace.make(tmp_path)


def one_word(ws: Workspace, dst, item="decriminalise-irregular-migration", old="إلغاء", new="رفع"):
    doc = e.open_draft(ws.report)
    e.replace_words(e.by_id(doc, item), old, new)
    doc.save(dst)
    return dst


def test_dry_run_prints_a_unified_diff_and_writes_nothing(ws, tmp_path):
    before = ws.snapshot()
    draft = one_word(ws, tmp_path / "edited.docx")
    doc = e.open_draft(draft)
    e.replace_words(e.by_text(doc, "يقدّم المغرب"), "يقدّم", "يقدم")
    doc.save(draft)
    proc = ws.absorb(draft, "--dry-run")
    assert proc.returncode == 0, proc.stdout + proc.stderr
    out = proc.stdout
    legal = ws.sources / "axes" / "legal-framework.yaml"
    assert f"--- a/{legal}\n+++ b/{legal}\n" in out
    assert '-    text: "إلغاء تجريم الهجرة غير النظامية"\n' in out
    assert '+    text: "رفع تجريم الهجرة غير النظامية"\n' in out
    assert f"--- a/{ws.template} (paragraph text)" in out
    assert "+يقدم المغرب" in out
    assert "nothing written" in out
    assert ws.snapshot() == before


def test_nothing_is_written_when_the_result_would_not_validate(ws, tmp_path):
    before = ws.snapshot()
    draft = one_word(ws, tmp_path / "edited.docx")
    # A second edit pasted from a PDF: Arabic presentation forms (error T501).
    doc = e.open_draft(draft)
    e.replace_words(e.by_id(doc, "health-services"), "الصحية", "\ufeb0\ufe8e\ufedf")
    doc.save(draft)
    proc = ws.absorb(draft)
    assert proc.returncode == 1
    assert "T501" in proc.stdout and "nothing was written" in proc.stdout
    assert ws.snapshot() == before


def test_a_draft_built_from_other_sources_is_refused(ws, tmp_path):
    draft = one_word(ws, tmp_path / "edited.docx")
    oujda = ws.sources / "meetings" / "oujda.yaml"
    oujda.write_text(oujda.read_text() + "# a comment added after the build\n")
    before = ws.snapshot()
    proc = ws.absorb(draft)
    assert proc.returncode == 2
    assert proc.stderr.count("\n") == 1 and "Traceback" not in proc.stderr
    assert proc.stderr.startswith("cmwreport absorb: ")
    assert "meetings/oujda.yaml" in proc.stderr and "--force" in proc.stderr
    assert ws.snapshot() == before


def test_force_reports_conflicts_and_absorbs_the_rest(ws, tmp_path):
    draft = one_word(ws, tmp_path / "edited.docx")
    doc = e.open_draft(draft)
    e.replace_words(e.by_id(doc, "media"), "الإعلام", "وسائل الإعلام")
    doc.save(draft)
    legal = ws.sources / "axes" / "legal-framework.yaml"
    legal.write_text(legal.read_text().replace("إلغاء تجريم", "إلغاء كل أشكال تجريم"))
    changed = legal.read_bytes()
    proc = ws.absorb(draft, "--force")
    assert proc.returncode == 1, proc.stdout + proc.stderr
    # The same item edited in the draft and in the sources since: both versions shown.
    assert (
        f"conflict: edited in the draft, and changed in {legal} since the draft was built; "
        "nothing was written for it\n  before: إلغاء كل أشكال تجريم الهجرة غير النظامية؛\n"
        "  after:  رفع تجريم الهجرة غير النظامية؛\n"
    ) in proc.stdout
    assert legal.read_bytes() == changed  # the drafter's later change is not overwritten
    assert 'name: "وسائل الإعلام"' in (ws.sources / "consultations.yaml").read_text()


def test_a_changed_template_is_refused(ws, tmp_path):
    draft = one_word(ws, tmp_path / "edited.docx")
    ws.template.write_bytes(ws.template.read_bytes() + b"")  # same bytes: accepted
    assert ws.absorb(draft, "--dry-run").returncode == 0
    import zipfile

    data = tmp_path / "t.docx"
    with zipfile.ZipFile(ws.template) as src, zipfile.ZipFile(data, "w") as dst:
        for info in src.infolist():
            dst.writestr(
                info,
                src.read(info.filename) + (b" " if info.filename.endswith("settings.xml") else b""),
            )
    ws.template.write_bytes(data.read_bytes())
    proc = ws.absorb(draft)
    assert proc.returncode == 2 and "template" in proc.stderr


@pytest.mark.parametrize(
    "case", ["missing", "not-a-docx", "invalid-sources", "flow-list", "no-template"]
)
def test_trouble_is_one_line_and_exit_2(ws, tmp_path, case):
    draft = ws.report
    if case == "missing":
        draft = tmp_path / "nowhere.docx"
    elif case == "not-a-docx":
        draft = tmp_path / "notes.docx"
        draft.write_text("not a zip")
    elif case == "no-template":
        ws.template.rename(tmp_path / "elsewhere.docx")
    elif case == "invalid-sources":
        (ws.sources / "report.yaml").write_text("symbol: [\n")
    else:
        cons = ws.sources / "consultations.yaml"
        text = cons.read_text()
        start = text.index("participants:\n")
        end = text.index("\n\n", start)
        names = [ln.split(": ", 1)[1] for ln in text[start:end].splitlines() if "name:" in ln]
        ids = [ln.split(": ", 1)[1] for ln in text[start:end].splitlines() if "- id:" in ln]
        flow = ", ".join(f"{{id: {i}, name: {n}}}" for i, n in zip(ids, names, strict=True))
        cons.write_text(text[:start] + f"participants: [{flow}]" + text[end:])
        ws.build()
        doc = e.open_draft(ws.annex)
        e.delete(e.by_id(doc, "media"))
        doc.save(tmp_path / "edited.docx")
        draft = tmp_path / "edited.docx"
    before = ws.snapshot() if case != "no-template" else None
    proc = ws.absorb(draft)
    assert proc.returncode == 2, proc.stdout + proc.stderr
    assert proc.stderr.startswith("cmwreport absorb: ") and proc.stderr.count("\n") == 1
    assert "Traceback" not in proc.stderr
    expected = {
        "missing": "nowhere.docx: no such file",
        "not-a-docx": "notes.docx: not a .docx file",
        "invalid-sources": "report.yaml:2:1: the sources have 1 error(s)",
        "flow-list": "absorb edits lists written one item per line",
        "no-template": "template.docx: no such template",
    }[case]
    assert expected in proc.stderr
    if case != "no-template":
        assert ws.snapshot() == before


def _as_word_saves(src, dst):
    """The draft as desktop Word saves it: every custom property's text cut to 255
    characters (Word's limit on a custom property)."""
    from cmwreport.docx import custom_properties as cp
    from cmwreport.docx.package import Package

    package = Package.read(src)
    found = cp.properties_of(src)
    assert found, "the build wrote no custom property"
    for name, value in found.items():
        cp.set_property(package, name, value[: cp.WORD_LIMIT])
    dst.write_bytes(package.to_bytes())
    return dst


def test_the_fingerprint_is_kept_whole_by_words_limit(ws, tmp_path):
    """The JSON is longer than Word keeps (a tree of a few files passes 255 characters):
    written in pieces, a draft Word saved still tells a stale draft."""
    from cmwreport.build import provenance
    from cmwreport.docx.custom_properties import properties_of

    found = properties_of(ws.report)
    pieces = [v for k, v in found.items() if k.startswith(provenance.PROPERTY + ".")]
    assert len("".join(pieces)) > 255 and len(pieces) >= 2
    assert all(len(v) <= 255 for v in found.values())
    draft = _as_word_saves(one_word(ws, tmp_path / "edited.docx"), tmp_path / "word.docx")
    assert provenance.read(draft) == provenance.read(ws.report) is not None
    oujda = ws.sources / "meetings" / "oujda.yaml"
    oujda.write_text(oujda.read_text() + "# a comment added after the build\n")
    before = ws.snapshot()
    proc = ws.absorb(draft)
    assert proc.returncode == 2, proc.stdout + proc.stderr
    assert "meetings/oujda.yaml" in proc.stderr and "--force" in proc.stderr
    assert ws.snapshot() == before


def test_a_fingerprint_cut_short_is_no_fingerprint_and_said(ws, tmp_path):
    """A piece lost (a property deleted by hand): absorb says it cannot tell, never
    reads a part of the fingerprint as the whole."""
    from cmwreport.build import provenance
    from cmwreport.docx import custom_properties as cp
    from cmwreport.docx.package import Package

    package = Package.read(ws.report)
    head = cp.get(package, provenance.PROPERTY)
    count = int(head.split()[1])
    cp.set_property(package, provenance.PROPERTY, f"{provenance.VERSION} {count + 1}")
    draft = tmp_path / "cut.docx"
    draft.write_bytes(package.to_bytes())
    assert provenance.read(draft) is None
    proc = ws.absorb(draft, "--dry-run")
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert "records no build fingerprint" in proc.stdout


def test_a_draft_of_the_earlier_fingerprint_form_is_still_read(ws, tmp_path):
    """Drafts built before the fingerprint was cut into pieces hold its JSON whole."""
    from cmwreport.build import provenance
    from cmwreport.docx import custom_properties as cp
    from cmwreport.docx.package import Package

    recorded = provenance.read(ws.report)
    package = Package.read(ws.report)
    cp.set_property(package, provenance.PROPERTY, recorded.as_text())
    draft = tmp_path / "v1.docx"
    draft.write_bytes(package.to_bytes())
    assert provenance.read(draft) == recorded
