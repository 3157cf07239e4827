"""A table cell written without a paragraph (Word opens those; the schema wants one):
the redline gives it one, keeps the new text inserted and the old deleted, and Accept
All / Reject All (tests/drafts.resolve_revisions) give the new and the old draft."""

from __future__ import annotations

import pytest

from cmwreport.commands.diff import run
from tests import drafts as d
from tests.diff.package import p, write
from tests.office import audit_errors

EMPTY = '<w:tcPr><w:tcW w:w="2000" w:type="dxa"/></w:tcPr>'


def table(*rows: list[str]) -> str:
    body = "".join("<w:tr>" + "".join(f"<w:tc>{c}</w:tc>" for c in row) + "</w:tr>" for row in rows)
    grid = '<w:tblGrid><w:gridCol w:w="2000"/><w:gridCol w:w="2000"/></w:tblGrid>'
    return f'<w:tbl><w:tblPr><w:tblW w:w="0" w:type="auto"/></w:tblPr>{grid}{body}</w:tbl>' + p(
        "End."
    )


HEAD = [p("Region"), p("Count")]
CASES = {
    "text typed into an empty cell": ([HEAD, [p("Rabat"), EMPTY]], [HEAD, [p("Rabat"), p("52")]]),
    "cell emptied": ([HEAD, [p("Rabat"), p("45")]], [HEAD, [p("Rabat"), EMPTY]]),
    "row with an empty cell removed": ([HEAD, [p("Rabat"), EMPTY]], [HEAD]),
}


@pytest.mark.parametrize("case", sorted(CASES))
def test_cell_without_paragraph(case, tmp_path, capsys):
    old_rows, new_rows = CASES[case]
    old = write(tmp_path / "old.docx", table(*old_rows))
    new = write(tmp_path / "new.docx", table(*new_rows))
    red = tmp_path / "red.docx"
    assert run(old, new, fmt="json", redline=red, date="2024-05-02") == 1
    capsys.readouterr()
    fixed = write(
        tmp_path / "fixed.docx",
        table(*[[c if c != EMPTY else EMPTY + p("") for c in r] for r in new_rows]),
    )
    assert audit_errors(red) == audit_errors(fixed)
    for accept, same_as in ((True, new), (False, old)):
        resolved = d.resolve_revisions(red, tmp_path / f"resolved-{accept}.docx", accept=accept)
        assert run(same_as, resolved, fmt="json") == 0, capsys.readouterr().out
        capsys.readouterr()
