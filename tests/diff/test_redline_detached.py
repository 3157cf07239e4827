"""The redline of a large old draft is made with its plain paragraphs out of its tree
(draft/detach.py): on every pair of the real-document corpus, and on a pretty-printed
pair with paragraphs removed, moved and restyled, the redline and the JSON report are
byte for byte those made with the whole tree held."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from cmwreport.commands import diff as diff_command
from cmwreport.commands.diff import run
from cmwreport.draft.detach import DetachedBlock, detach_plain
from cmwreport.draft.reader import read_draft

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
CORPUS = Path(__file__).resolve().parents[1] / "fixtures" / "real"
PAIRS: dict[str, list[str]] = json.loads((CORPUS / "pairs.json").read_text())


def _outputs(old: Path, new: Path, tmp_path: Path, capsys, label: str) -> tuple[bytes, str]:
    red = tmp_path / f"{label}.docx"
    assert run(old, new, fmt="json", redline=red, date="2024-05-02") in (0, 1)
    return red.read_bytes(), capsys.readouterr().out


@pytest.mark.parametrize("name", sorted(PAIRS))
def test_detached_redline_is_the_same(name, tmp_path, capsys, monkeypatch):
    old, new = (CORPUS / part for part in PAIRS[name])
    whole = _outputs(old, new, tmp_path, capsys, "whole")
    monkeypatch.setattr(diff_command, "_DETACH_ABOVE", 0)
    detached = _outputs(old, new, tmp_path, capsys, "detached")
    assert detached == whole


def test_detach_takes_plain_paragraphs_out_and_keeps_their_bytes():
    # A Word draft with plain paragraphs beside a hyperlink paragraph (kept in its tree).
    draft = read_draft(CORPUS / "word" / "par-hyperlinks.docx")
    body = draft.parts[draft.main_part].find(f"{{{W}}}body")
    before = len(body)
    texts = [b.text for b in draft.body]
    detach_plain(draft)
    detached = [b for b in draft.body if isinstance(b, DetachedBlock)]
    kept = [b for b in draft.body if not isinstance(b, DetachedBlock)]
    assert detached and kept
    assert len(body) == before - len(detached)
    assert [b.text for b in draft.body] == texts
    for block in detached:
        assert block.xml is not None and block.element.getparent() is None
        assert "".join(t.text or "" for t in block.element.iter(f"{{{W}}}t")) == block.text
    for block in kept:
        assert block.element.getparent() is body
