"""Two drafts of a diff read with one `seen` (draft/reader.py): the new draft's plain
body paragraphs written as the old draft's are not read again. What is read must be
what reading each draft alone gives, block by block, notes and comments included."""

from __future__ import annotations

import json

import pytest

from cmwreport.docx import bodybytes
from cmwreport.draft import reader
from cmwreport.draft.model import Block, Draft
from cmwreport.draft.reader import read_draft
from tests.conftest import ROOT

CORPUS = ROOT / "tests" / "fixtures" / "real"
PAIRS: dict[str, list[str]] = json.loads((CORPUS / "pairs.json").read_text())
_READ = [f for f in Block._FIELDS if f not in ("element", "formatting")]


def _blocks(draft: Draft) -> list[tuple]:
    stories = [draft.body, draft.footnotes, draft.endnotes, draft.comments, draft.boxes]
    stories += [*draft.headers.values(), *draft.footers.values()]
    return [tuple(getattr(b, f) for f in _READ) for blocks in stories for b in blocks]


def _same(alone: Draft, shared: Draft) -> None:
    assert _blocks(shared) == _blocks(alone)
    assert [b.element.tag for b in shared.body] == [b.element.tag for b in alone.body]
    assert shared.held.keys() == alone.held.keys()
    assert shared.authors == alone.authors


@pytest.mark.parametrize("cut_above", [0, 10**9], ids=["keys-from-bytes", "keys-written"])
def test_reading_with_seen_reads_what_each_draft_alone_reads(cut_above, monkeypatch):
    monkeypatch.setattr(reader, "CUT_ABOVE", cut_above)
    again = 0
    for old_name, new_name in PAIRS.values():
        old, new = CORPUS / old_name, CORPUS / new_name
        seen: dict = {}
        old_shared = read_draft(old, seen=seen)
        before = {id(b.__dict__["written"]) for b in old_shared.body if "written" in b.__dict__}
        new_shared = read_draft(new, seen=seen)
        _same(read_draft(old), old_shared)
        _same(read_draft(new), new_shared)
        # The new draft's paragraphs the old one had written alike were not read again:
        # they were given its entries.
        again += sum(1 for b in new_shared.body if id(b.__dict__.get("written")) in before)
    assert again > 100


def test_keyed_by_their_bytes_or_written_out_the_drafts_read_the_same(monkeypatch):
    """Keys cut from the part's bytes (docx/bodybytes.py) and keys written out give
    the same blocks, and keep an entry for the same paragraphs."""
    monkeypatch.setattr(reader, "CUT_ABOVE", 0)
    from_bytes = shared = 0
    for name in ("lo-bold", "w-sentence-appended", "lo-heading-word-added"):
        old, new = (CORPUS / part for part in PAIRS[name])
        seen: dict = {}
        pair = [read_draft(old, seen=seen), read_draft(new, seen=seen)]
        from_bytes += sum(1 for k in seen if type(k) is tuple)
        with monkeypatch.context() as m:
            m.setattr(bodybytes, "paragraph_keys", lambda data, body: None)
            written: dict = {}
            again = [read_draft(old, seen=written), read_draft(new, seen=written)]
            assert not any(type(k) is tuple for k in written)
        for ours, theirs in zip(pair, again, strict=True):
            _same(theirs, ours)
            kept = [("written" in b.__dict__) for b in ours.body]
            assert kept == [("written" in b.__dict__) for b in theirs.body]
            shared += sum(kept)
    assert from_bytes >= 3 and shared > 20


def test_a_draft_past_the_limit_keeps_nothing_unless_keyed_by_its_bytes(monkeypatch):
    monkeypatch.setattr(reader, "KEEP_WRITTEN", 2)
    monkeypatch.setattr(reader, "CUT_ABOVE", 0)
    old_name, _new = PAIRS["lo-bold"]
    seen: dict = {}
    draft = read_draft(CORPUS / old_name, seen=seen)
    assert len(draft.body) > 2
    # Keys cut from the bytes cost no serialising: kept whatever the draft's length.
    assert any("written" in b.__dict__ for b in draft.body)
    monkeypatch.setattr(bodybytes, "paragraph_keys", lambda data, body: None)
    seen = {}
    draft = read_draft(CORPUS / old_name, seen=seen)
    assert seen == {}
    assert not any("written" in b.__dict__ for b in draft.body)


@pytest.mark.parametrize("cut_above", [0, 10**9], ids=["keys-from-bytes", "keys-written"])
def test_paragraphs_differing_by_id_like_text_are_not_read_for_each_other(
    cut_above, monkeypatch, tmp_path
):
    # Text is written with `"` unescaped: a paragraph reading ` w:id="3"` in one draft
    # and ` w:id="4"` in the other once keyed alike, and diff said nothing changed.
    import docx

    from tests.cli_helpers import cli

    monkeypatch.setattr(reader, "CUT_ABOVE", cut_above)
    paths = []
    for number in (3, 4):
        document = docx.Document()
        document.add_paragraph("The paragraph above the one that changes.")
        document.add_paragraph(f' w:id="{number}"')
        paths.append(tmp_path / f"{number}.docx")
        document.save(paths[-1])
    seen: dict = {}
    old, new = (read_draft(path, seen=seen) for path in paths)
    assert [b.text for b in old.body][-1] == ' w:id="3"'
    assert [b.text for b in new.body][-1] == ' w:id="4"'
    if cut_above:  # as the command reads drafts this short: keys written out
        proc = cli("diff", str(paths[0]), str(paths[1]), "--format", "json")
        assert proc.returncode == 1, proc.stdout + proc.stderr
        assert 'w:id=\\"4\\"' in proc.stdout


def test_a_draft_with_tracked_changes_shares_what_it_writes_alike(monkeypatch):
    # Accepting the changes changes the tree the bytes were read from: its keys are cut
    # from the tree written out again, and still meet the other draft's where it wrote
    # them as lxml does (Word's bytes, here; LibreOffice writes `<w:rPr></w:rPr>`,
    # which lxml writes `<w:rPr/>`: those are read again, as before).
    name = "w-bold-tracked"
    monkeypatch.setattr(reader, "CUT_ABOVE", 0)
    old, new = (CORPUS / part for part in PAIRS[name])
    seen: dict = {}
    old_shared = read_draft(old, seen=seen)
    new_shared = read_draft(new, seen=seen)
    t = new_shared.tracked
    assert t.insertions + t.deletions + t.moves + t.formatting, name
    _same(read_draft(old), old_shared)
    _same(read_draft(new), new_shared)
    entries = {id(b.__dict__["written"]) for b in old_shared.body if "written" in b.__dict__}
    again = [b for b in new_shared.body if id(b.__dict__.get("written")) in entries]
    assert again, "no paragraph of the tracked draft met the other draft's"


def test_a_package_parsed_in_this_process_shares_with_a_draft_read_from_its_file(
    monkeypatch, tmp_path
):
    # absorb reads its build from a package held as trees: written out once, its
    # paragraphs meet those of a reviewed draft read from a file lxml wrote.
    import docx

    from cmwreport.docx.package import Package

    monkeypatch.setattr(reader, "CUT_ABOVE", 0)
    document = docx.Document()
    for i in range(5):
        document.add_paragraph(f"الفقرة {i}")
    path = tmp_path / "draft.docx"
    document.save(path)
    seen: dict = {}
    from_file = read_draft(path, seen=seen)
    package = Package.read(path)
    package.xml(package.main_part())  # held as a tree, as a build is
    in_memory = read_draft(package, seen=seen)
    _same(read_draft(path), in_memory)
    entries = [id(b.__dict__["written"]) for b in from_file.body]
    assert [id(b.__dict__["written"]) for b in in_memory.body] == entries
    assert len(entries) == 5
