"""A paragraph mark deleted with Track Changes, read as Word's Accept All reads it: the
paragraph's content is combined with the following paragraph, whose mark, and so whose
paragraph properties (style, alignment), the merged paragraph keeps (ECMA-376 Part 1,
17.13.5.15 "del (Deleted Paragraph)": "the contents of this paragraph are no longer
delimited by this paragraph mark, and are combined with the following paragraph")."""

from __future__ import annotations

from cmwreport.diff.compare import compare
from cmwreport.draft.reader import read_draft
from tests.diff.package import p, write

DELETED_MARK = '<w:rPr><w:del w:id="1" w:author="x" w:date="2024-01-01T00:00:00Z"/></w:rPr>'


def styled(text: str, style: str, mark: str = "") -> str:
    return p(text, f'<w:pPr><w:pStyle w:val="{style}"/>{mark}</w:pPr>')


def test_merged_paragraph_takes_the_following_paragraphs_properties(tmp_path):
    tracked = write(
        tmp_path / "tracked.docx",
        styled("First half,", "Heading1", DELETED_MARK) + styled(" second half.", "Quote"),
    )
    as_word_accepts = write(tmp_path / "accepted.docx", styled("First half, second half.", "Quote"))
    result = compare(read_draft(as_word_accepts), read_draft(tracked))
    assert [(c.kind, c.details) for c in result.changes] == []
    first_style = write(tmp_path / "first.docx", styled("First half, second half.", "Heading1"))
    result = compare(read_draft(first_style), read_draft(tracked))
    assert [(c.kind, c.details) for c in result.changes] == [
        ("formatting", ["paragraph style: heading1 -> quote"])
    ]
