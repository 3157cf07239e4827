"""The redline on every pair of the real-document corpus: Accept All gives NEW, Reject
All gives OLD (read back by diff), and diff's own accepted view of it is NEW."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from cmwreport.commands.diff import run
from tests import drafts as d

CORPUS = Path(__file__).resolve().parents[1] / "fixtures" / "real"
PAIRS: dict[str, list[str]] = json.loads((CORPUS / "pairs.json").read_text())


def _same(a: Path, b: Path, capsys) -> list:
    run(a, b, fmt="json")
    return json.loads(capsys.readouterr().out)["changes"]


@pytest.mark.parametrize("name", sorted(PAIRS))
def test_redline_round_trip(name, tmp_path, capsys):
    old, new = (CORPUS / part for part in PAIRS[name])
    red = tmp_path / "red.docx"
    assert run(old, new, fmt="json", redline=red, date="2024-05-02") in (0, 1)
    capsys.readouterr()
    assert _same(new, red, capsys) == []
    accepted = d.resolve_revisions(red, tmp_path / "accepted.docx", accept=True)
    assert _same(new, accepted, capsys) == []
    rejected = d.resolve_revisions(red, tmp_path / "rejected.docx", accept=False)
    assert _same(old, rejected, capsys) == []
