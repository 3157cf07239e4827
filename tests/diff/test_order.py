"""Pairing prefers order (issue 18): identical tables, rows and paragraphs pair in
document order before any move is considered."""

from __future__ import annotations

import pytest

from cmwreport.diff.compare import compare
from cmwreport.draft.reader import read_draft
from tests.diff.package import p, write


def table(cells: list[list[str]]) -> str:
    rows = "".join(
        "<w:tr>" + "".join(f"<w:tc>{p(c)}</w:tc>" for c in row) + "</w:tr>" for row in cells
    )
    return f"<w:tbl>{rows}</w:tbl>"


ROWS = [["Region", "Count"], ["Rabat", "45"], ["Fes", "12"], ["Oujda", "7"]]


@pytest.mark.parametrize("row", [0, 1, 3])
def test_three_identical_tables_one_cell_edited_in_the_second(tmp_path, row):
    edited = [list(r) for r in ROWS]
    edited[row][1] = "52"
    old = write(tmp_path / "old.docx", table(ROWS) + table(ROWS) + table(ROWS))
    new = write(tmp_path / "new.docx", table(ROWS) + table(edited) + table(ROWS))
    result = compare(read_draft(old), read_draft(new))
    found = [(c.kind, c.block.table, c.block.row, c.col, c.new_text) for c in result.changes]
    assert found == [("changed", 2, row + 1, 2, "52")]
    assert result.summary["changed"] == 1 and result.summary["moved"] == 0


def test_identical_paragraphs_pair_in_order(tmp_path):
    same = p("Same.") * 3
    old = write(tmp_path / "old.docx", same + p("Note one.") + same + p("End."))
    new = write(tmp_path / "new.docx", same + p("Note two.") + same + p("End."))
    result = compare(read_draft(old), read_draft(new))
    assert [(c.kind, c.old_text, c.new_text) for c in result.changes] == [
        ("changed", "Note one.", "Note two.")
    ]
