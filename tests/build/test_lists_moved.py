"""The report takes the annex's list labels from the standalone annex's labelling
(build/lists.py, `Labelled`) rather than walking the annex again: what it writes is
byte for byte what the whole walk writes, and where the annex starts or ends inside a
list (so that its labels could differ in the report) the whole walk is done."""

from __future__ import annotations

import pytest

from cmwreport.build import lists, merge
from cmwreport.checks import load
from cmwreport.docx.content import Para
from tests.conftest import SOURCES, TEMPLATE


def _built(monkeypatch: pytest.MonkeyPatch, *, whole_walk: bool) -> tuple[bytes, list]:
    """The report's bytes, and what each `_split` returned for the report's labelling."""
    split = lists._split
    splits = []

    def spy(document, nodes, walked, moved):
        found = None if whole_walk else split(document, nodes, walked, moved)
        if moved is not None:
            splits.append(found)
        return found

    monkeypatch.setattr(lists, "_split", spy)
    merged = merge.merge(load(SOURCES).sources, TEMPLATE, "template")
    return merged.document.to_bytes(), splits


@pytest.mark.parametrize("list_at", [None, "first", "last"])
def test_the_report_labels_the_annex_as_a_whole_walk_does(
    monkeypatch: pytest.MonkeyPatch, list_at: str | None
) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")
    blocks = merge.annex.blocks

    def with_list(sources, *, text_width):
        out = blocks(sources, text_width=text_width)
        item = Para("AnnexList", "بند من قائمة")
        return [item, *out] if list_at == "first" else [*out, item] if list_at else out

    monkeypatch.setattr(merge.annex, "blocks", with_list)
    taken, splits = _built(monkeypatch, whole_walk=False)
    walked, _ = _built(monkeypatch, whole_walk=True)
    assert len(splits) == 1  # the report's labelling, given the standalone's
    if list_at is None:
        assert splits[0] is not None, "the annex's labels were not taken"
    else:
        assert splits[0] is None, "an annex inside a list must be walked again"
    assert taken == walked
