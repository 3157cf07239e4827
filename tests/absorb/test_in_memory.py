"""absorb reads the build it makes in memory (absorb/adapter.build: the Package handed
to the draft reader, never zipped and read back): what it reads must be what the
reader reads from the same build's bytes, or absorb would judge edits against a
document nobody opened."""

from __future__ import annotations

import pytest

from cmwreport.absorb import adapter
from cmwreport.diff import formatting
from cmwreport.draft.reader import read_draft
from tests.conftest import ROOT


def _stories(draft):
    yield "body", draft.body
    for key, blocks in sorted(draft.headers.items()):
        yield f"header {key}", blocks
    for key, blocks in sorted(draft.footers.items()):
        yield f"footer {key}", blocks
    yield "footnotes", draft.footnotes
    yield "endnotes", draft.endnotes
    yield "comments", draft.comments
    yield "boxes", draft.boxes


def _same(in_memory, from_bytes) -> int:
    assert in_memory.styles_digest == from_bytes.styles_digest
    assert in_memory.unread == from_bytes.unread
    assert in_memory.not_compared == from_bytes.not_compared
    compared = 0
    for (story, mine), (_story, theirs) in zip(
        _stories(in_memory), _stories(from_bytes), strict=True
    ):
        assert len(mine) == len(theirs), story
        for a, b in zip(mine, theirs, strict=True):
            assert repr(a) == repr(b), story
            # The effective formatting diff compares: every run's properties, read
            # from the trees each draft holds.
            assert formatting.changed(in_memory, from_bytes, a, b) == [], (story, a.text)
            compared += 1
    return compared


@pytest.mark.parametrize("tree", ["sources", "bench"])
def test_the_build_read_in_memory_is_the_build_read_from_its_bytes(tree, tmp_path):
    from tests.conftest import TEMPLATE

    if tree == "sources":
        root, template = ROOT / "sources", TEMPLATE
    else:
        import subprocess
        import sys

        root, template = tmp_path / "small", tmp_path / "small.docx"
        subprocess.run(
            [
                sys.executable,
                str(ROOT / "bench" / "generate.py"),
                str(root),
                "--preset",
                "small",
                "--seed",
                "3",
                "--template",
                str(TEMPLATE),
                "--template-out",
                str(template),
            ],
            check=True,
            capture_output=True,
        )
    sources = adapter.load(root).sources
    package = adapter.open_template(template)
    built = adapter.build(sources, package, str(template))
    fresh = adapter.build(sources, adapter.open_template(template), str(template))
    report_bytes = fresh.report.to_bytes()
    annex_bytes = fresh.annex.to_bytes()

    compared = _same(read_draft(built.report, "report"), read_draft(report_bytes, "report"))
    annex = read_draft(built.annex, "annex")
    compared += _same(annex, read_draft(annex_bytes, "annex"))
    assert compared > 60  # the masthead, every recommendation, the annex table ...
    # absorb tells a draft of the report without reading the annex when this bound on
    # the annex's texts leaves no doubt (engine._kinds): it must bound them, closely.
    assert len({b.text for b in annex.body}) <= built.annex_blocks <= 2 * len(annex.body)


def test_a_drafts_kind_is_told_as_before_whether_or_not_the_annex_is_read():
    """engine._kinds reads the annex only when its size leaves a draft's kind open; its
    answer must be `_which`'s (the closer of the two in texts) for drafts of the report,
    of the annex, and of anything between."""
    from types import SimpleNamespace

    from cmwreport.absorb import engine
    from tests.conftest import TEMPLATE

    sources = adapter.load(ROOT / "sources").sources
    built = adapter.build(sources, adapter.open_template(TEMPLATE), str(TEMPLATE))
    report = adapter.read(built.report, "report")
    annex = adapter.read(built.annex, "annex")
    r, a = report.body, annex.body
    shapes = {
        "report": r,
        "annex": a,
        "annex and the report's first half": a + r[: len(r) // 2],
        "the report less its last third": r[: 2 * len(r) // 3],
        "the report's first tenth": r[: len(r) // 10],
        "half the annex": a[: len(a) // 2],
        "nothing": [],
    }
    unread = 0
    for label, blocks in shapes.items():
        draft = SimpleNamespace(body=blocks)
        bases = {"report": report}
        kinds = engine._kinds([draft], built, bases)
        assert kinds == [engine._which(draft, report, annex)], label
        unread += "annex" not in bases
    # Both ways are taken: the bound settles some drafts, the annex is read for others.
    assert 0 < unread < len(shapes)
    assert engine._kinds([SimpleNamespace(body=a)], built, {"report": report}) == ["annex"]


def test_absorb_in_process_leaves_the_garbage_collector_as_it_found_it(tmp_path):
    """engine.run pauses the cyclic collector while it works (bench/README): a caller in
    the same process gets it back, after an absorb and after one that fails."""
    import gc

    from cmwreport.absorb import engine
    from cmwreport.errors import CmwError
    from tests.absorb.workspace import Workspace

    ws = Workspace.make(tmp_path)
    options = engine.Options(ws.sources, ws.template)
    assert gc.isenabled()
    result = engine.run(ws.report, options)
    assert gc.isenabled()
    assert result.files == {} and result.unabsorbed == [] and result.draft_kind == "report"
    with pytest.raises(CmwError):
        engine.run(tmp_path / "missing.docx", options)
    assert gc.isenabled()
    gc.disable()
    try:
        engine.run(ws.report, options)
        assert not gc.isenabled()
    finally:
        gc.enable()
