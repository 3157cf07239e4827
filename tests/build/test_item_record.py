"""The per-item record the build leaves in both outputs (build/item_record.py): each
source item's paragraph as built, read back as absorb reads a draft, in properties
Word does not truncate, and kept by a LibreOffice re-save."""

from __future__ import annotations

from pathlib import Path

import pytest

from cmwreport.build import item_record
from cmwreport.docx.custom_properties import properties_of
from cmwreport.draft.reader import read_draft
from tests.conftest import ANNEX, REPORT
from tests.office import convert


def _record_matches(path: Path) -> int:
    """How many source items the record gives exactly as the reader reads them."""
    record = item_record.read(path)
    assert record is not None, f"{path.name} carries no per-item record"
    items = [b for b in read_draft(path).body if b.ident]
    assert len(items) > 40  # every recommendation, participant, axis, meeting ...
    assert len(record.order) == len(items)
    for block in items:
        assert record.get(block.ident) == item_record.digest(block.text), block.text
    assert [record.position(b.ident) for b in items] == list(range(len(items)))
    return len(items)


@pytest.mark.parametrize("name", [REPORT, ANNEX])
def test_each_item_is_recorded_as_the_reader_reads_it(built, name):
    path = built / name
    assert _record_matches(path) > 40
    props = properties_of(path)
    chunks = [v for k, v in props.items() if k.startswith(item_record.PROPERTY + ".")]
    assert len(chunks) >= 2 and all(len(c) <= 255 for c in chunks)  # Word keeps 255
    assert props[item_record.PROPERTY] == f"1 {len(chunks)}"


def test_an_edited_paragraph_no_longer_matches_its_record(built, tmp_path):
    from tests.absorb import edits as e

    doc = e.open_draft(built / REPORT)
    e.replace_words(e.by_id(doc, "media"), "الإعلام", "وسائل الإعلام")
    doc.save(tmp_path / "edited.docx")
    record = item_record.read(tmp_path / "edited.docx")
    blocks = {b.ident: b for b in read_draft(tmp_path / "edited.docx").body if b.ident}
    assert record.get("media") != item_record.digest(blocks["media"].text)
    assert record.get("university") == item_record.digest(blocks["university"].text)


@pytest.mark.libreoffice
def test_the_record_survives_a_libreoffice_resave(built, tmp_path):
    resaved = convert(built / REPORT, tmp_path, "docx")
    assert _record_matches(resaved) > 40


def test_a_damaged_record_is_no_record(built, tmp_path):
    props = properties_of(built / REPORT)
    assert item_record.decode(props.get) is not None
    cut = dict(props)
    cut[item_record.PROPERTY + ".1"] = cut[item_record.PROPERTY + ".1"][:200]  # truncated
    assert item_record.decode(cut.get) is None
    missing = {k: v for k, v in props.items() if k != item_record.PROPERTY + ".2"}
    assert item_record.decode(missing.get) is None
    assert item_record.decode({}.get) is None
