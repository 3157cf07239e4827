"""`cmwreport diff` on real documents (issue 9): Word's own files, LibreOffice's, pandoc's,
and pairs made from them by editing as a reviewer would (tests/fixtures/real/README.md).

Each pair's expected report is written here by hand from the edit that made it: the
kind of change, its story (location), the old and new text, the image, formatting or
field that changed. Pairs the current reader gets wrong are marked xfail(strict): when
the reader learns them, the mark must go.
"""

from __future__ import annotations

import json
from dataclasses import dataclass

import pytest

from tests.cli_helpers import cli
from tests.conftest import ROOT

CORPUS = ROOT / "tests" / "fixtures" / "real"
PAIRS: dict[str, list[str]] = json.loads((CORPUS / "pairs.json").read_text())
SOURCES = sorted(
    p.relative_to(CORPUS).as_posix()
    for d in ("word", "lo", "pandoc")
    for p in (CORPUS / d).glob("*.docx")
)
TODO = pytest.mark.xfail(strict=True, reason="reader: issue 9")

LOGO = "Logo: "
RATE = "The rate is"
FONT_PARA = "Text having some superscript and some subscript."
WHEN = "2024"


def diff(old: str, new: str) -> tuple[int, dict | None, str]:
    proc = cli("diff", "--format", "json", str(CORPUS / old), str(CORPUS / new))
    assert "Traceback" not in proc.stderr, proc.stderr
    report = json.loads(proc.stdout) if proc.returncode in (0, 1) else None
    return proc.returncode, report, proc.stderr


@dataclass
class Expect:
    """One change: its kind (or kinds, where the model may say either), its story, its
    texts (None: not checked; a str: equal), words its JSON must name (an image, a URL,
    a field code, a formatting property), and extra checks on the whole report."""

    kind: str | tuple[str, ...]
    location: str
    old_text: str | None = None
    new_text: str | None = None
    names: tuple[str, ...] = ()
    old_has: str | None = None
    new_has: str | None = None
    #: False where the model may list one block's change as several entries (cells).
    one_entry: bool = True


SAME = None  # the pair must diff as no change
UNCOMPARED = "uncompared"  # differs in a part the reader may not compare (issue 9 item 4)


def change(kind, location, old=None, new=None, *names, old_has=None, new_has=None) -> Expect:
    return Expect(kind, location, old, new, names, old_has, new_has)


def fmt(text: str, *names: str) -> Expect:
    return Expect("formatting", "body", text, text, names)


EXPECTED: dict[str, Expect | None] = {
    # -- stories: text boxes, endnotes, footnotes, comments, headers -------------------
    "lo-textbox-edited": change(
        "changed", "textbox", "Key figure: 45 participants", "Key figure: 52 participants"
    ),
    "lo-vml-textbox-edited": change(
        "changed", "textbox", "Key figure: 45 participants", "Key figure: 52 participants"
    ),
    "lo-endnote-edited": change(
        "changed",
        "endnote",
        "Law No. 27.14 on trafficking in persons.",
        "Law No. 27.14 on combating trafficking in persons.",
    ),
    "lo-endnote-added": change("added", "endnote", None, "Adopted on 2 May 2024."),
    "lo-endnote-removed": change(
        "removed", "endnote", "Law No. 27.14 on trafficking in persons.", None
    ),
    "lo-footnote-removed": change("removed", "footnote", "Tangier, Oujda and Agadir.", None),
    # A text box in a header is a text box story, named with its header.
    "lo-header-textbox-edited": change(
        "changed", "textbox", "Advance unedited version", "Edited version", "header"
    ),
    "w-block-sdt-edited": change("changed", "body", "No hyperlinks", "Truly no hyperlinks"),
    "lo-footnote-edited": change(
        "changed", "footnote", "Tangier, Oujda and Agadir.", "Tangier, Oujda, Agadir and Rabat."
    ),
    "w-comment-edited": change(
        "changed",
        "comment",
        "Text with hyperlink https://google.com embedded.",
        "Text with a hyperlink https://google.com embedded.",
    ),
    "w-comment-removed": change(
        "removed", "comment", "Paragraph with Heading 2 paragraph style.", None
    ),
    # The anchor paragraph is named with the comment.
    "w-comment-added": change("added", "comment", None, "Check this figure.", "Paragraph 7"),
    "w-comment-image-replaced": change("changed", "comment", None, None, "image"),
    "lo-header-edited": change("changed", "header", "CMW/C/MAR/2", "CMW/C/MAR/3"),
    "w-header-first-edited": change(
        "changed",
        "header",
        "First Page Header (section 2)",
        "First Page Header (section 2, revised)",
        "first",
    ),
    "w-header-even-edited": change(
        "changed", "header", "Even page header.", "Even page header, revised.", "even"
    ),
    # Section 2 showed section 1's header (inherited); it now has its own: what section
    # 2 shows changed (issue 18: headers as each section shows them).
    "w-header-section2-added": change(
        "changed", "header", "Header for section-1", "Header for section-2", "section 2"
    ),
    # -- tables -------------------------------------------------------------------------
    "lo-merged-cell-edited": change(
        "changed", "table", "Tangier and Oujda", "Tangier, Oujda and Rabat"
    ),
    "pd-cell-edited": change("changed", "table", "45", "52"),
    # A cell deleted with Track Changes on is gone in the accepted view: the row changed.
    "w-cell-deleted-tracked": Expect("changed", "table", old_has="5", one_entry=False),
    # -- constructs: equations, images, fields, hyperlinks, content controls ------------
    "lo-formula-changed": change("changed", "body", None, None, old_has="+", new_has="-"),
    "pd-equation-changed": change("changed", "body", None, None, old_has="+", new_has="-"),
    "lo-image-replaced": change("changed", "body", None, None, "image"),
    "lo-image-added": change(("changed", "added"), "body", None, None, "image"),
    "lo-image-removed": change(("changed", "removed"), "body", None, None, "image"),
    "w-image-removed": change(("changed", "removed"), "body", None, None, "image"),
    "lo-alt-text-changed": change(
        "changed", "body", None, None, "Python logo", "Logo of the Python language"
    ),
    "w-alt-text-added": change("changed", "body", None, None, "A monty python still"),
    "lo-field-code-changed": change("changed", "body", None, None, "M/d/yy", "d MMMM yyyy"),
    "lo-hyperlink-target-changed": change(
        "changed",
        "body",
        None,
        None,
        "https://www.ohchr.org/en/treaty-bodies/cmw",
        "https://www.ohchr.org/en/treaty-bodies/cmw/reporting",
    ),
    "w-hyperlink-target-changed": change(
        "changed", "body", None, None, "http://python.org/", "https://docs.python.org/"
    ),
    "w-hyperlink-text-edited": change(
        "changed", "body", "One awesome hyperlink.", "One splendid hyperlink."
    ),
    "lo-content-control-edited": change(
        "changed", "body", "Reporting State: Morocco", "Reporting State: Kingdom of Morocco"
    ),
    "w-moved-tracked": change("moved", "body", "No hyperlinks", "No hyperlinks"),
    "lo-tracked-edit": change(
        "changed",
        "body",
        "Consultations were held in three regions.",
        "Consultations were held in four regions.",
    ),
    # -- pairing of short paragraphs ---------------------------------------------------
    "lo-sentence-appended": change("changed", "body", "تقرير قصير.", "تقرير قصير. أضيفت جملة."),
    "w-sentence-appended": change(
        "changed",
        "body",
        "Other document text.",
        "Other document text. A reviewer appended this whole sentence to it.",
    ),
    "lo-heading-word-added": change("changed", "body", "Periodic report", "Second periodic report"),
    "pd-heading-word-added": change("changed", "body", "مقدمة التقرير", "مقدمة التقرير الدوري"),
    # -- formatting ---------------------------------------------------------------------
    "lo-bold": fmt("The box beside this paragraph holds a key figure.", "bold"),
    "lo-italic": fmt("Consultations were held in three regions.", "italic"),
    "lo-colour": fmt("The law was adopted in 2016.", "C00000"),
    "lo-size": fmt("Conclusion paragraph after the table.", "16"),
    "lo-style-changed": fmt("Conclusion paragraph after the table.", "Heading"),
    "w-bold": fmt(FONT_PARA, "bold"),
    "w-italic": fmt(FONT_PARA, "italic"),
    "w-colour": fmt(FONT_PARA, "C00000"),
    "w-size": fmt(FONT_PARA, "16"),
    # Bold applied with Track Changes on: the accepted view is bold.
    "w-bold-tracked": fmt(FONT_PARA, "bold"),
    "w-style-changed": fmt("Paragraph in ‘Large Size’ style.", "Underlined"),
    # -- packages -------------------------------------------------------------------------
    "w-absolute-targets-identical": SAME,
    "w-absolute-targets-edited": change(
        "changed",
        "body",
        "Lorem ipsum dolor sit amet, consectetur adipiscing elit.",
        "Lorem ipsum dolor dolor sit amet, consectetur adipiscing elit.",
    ),
    "w-no-styles-typed": change("added", "body", None, "Typed into a package with no styles part."),
    "w-no-sectpr-edited": change("changed", "body", "No hyperlinks", "Still no hyperlinks"),
    "lo-strict-edited": change("changed", "body", "Periodic report", "Second periodic report"),
    # -- content nothing may compare: a chart's data ---------------------------------
    "lo-chart-edited": UNCOMPARED,
    # -- re-saves that change nothing -------------------------------------------------
    "lo-resaved": SAME,
    "lo-ooxml-filter": SAME,
    "w-lo-resaved-hyperlinks": SAME,
    "w-lo-resaved-tables": SAME,
    # LibreOffice 7.4 drops the picture inside a comment when it saves: a real loss.
    "w-lo-resaved-comments": change(
        "changed", "comment", None, None, "image", "Text with inline image"
    ),
    "w-lo-resaved-font-props": SAME,
}

#: Pairs the reader gets wrong (none left: every pair above is read as expected).
READER_TODO: set[str] = set()


def params(names):
    return [pytest.param(n, marks=TODO) if n in READER_TODO else n for n in names]


def test_every_pair_has_an_expectation():
    assert sorted(PAIRS) == sorted(EXPECTED)
    for old, new in PAIRS.values():
        assert (CORPUS / old).is_file() and (CORPUS / new).is_file()


def test_corpus_stays_small():
    size = sum(p.stat().st_size for p in CORPUS.rglob("*") if p.is_file())
    assert size < 3_500_000, size


@pytest.mark.parametrize("name", params(n for n, e in sorted(EXPECTED.items()) if e != UNCOMPARED))
def test_pair(name):
    old, new = PAIRS[name]
    expect = EXPECTED[name]
    code, report, err = diff(old, new)
    if name == "lo-strict-edited" and code == 2:
        # Issue 9 allows a clear message instead of reading Strict namespaces.
        message = err.replace(str(CORPUS / old), "OLD").replace(str(CORPUS / new), "NEW")
        assert len(err.splitlines()) == 1 and "strict" in message.lower(), err
        return
    assert code in (0, 1), err
    assert report.get("not_compared", []) == [], report.get("not_compared")
    if expect is SAME:
        assert (code, report["changes"]) == (0, []), report["changes"]
        return
    assert code == 1, "No differences reported"
    entries = report["changes"]
    if not expect.one_entry:
        assert {(c["kind"], c["location"]) for c in entries} == {(expect.kind, expect.location)}, (
            entries
        )
        assert {(c["table"]["old"]["row"], c["table"]["new"]["row"]) for c in entries} == {(2, 2)}
        entries = [c for c in entries if expect.old_has in (c["old_text"] or "")]
    assert len(entries) == 1, f"expected one change, got {len(entries)}: {entries}"
    found = entries[0]
    kinds = expect.kind if isinstance(expect.kind, tuple) else (expect.kind,)
    assert found["kind"] in kinds, found
    # "textbox" or "text box": the story's name, spelt either way.
    assert found["location"].replace(" ", "") == expect.location, found
    if expect.old_text is not None:
        assert found["old_text"] == expect.old_text, found
    if expect.new_text is not None:
        assert found["new_text"] == expect.new_text, found
    if expect.old_has is not None:
        assert expect.old_has in (found["old_text"] or ""), found
        assert expect.old_has not in (found["new_text"] or ""), found
    if expect.new_has is not None:
        assert expect.new_has in (found["new_text"] or "") or "−" in (found["new_text"] or ""), (
            found
        )
    dumped = json.dumps(found, ensure_ascii=False).lower()
    for word in expect.names:
        assert word.lower() in dumped, f"{word!r} not named in {found}"
    summary = report["summary"]
    assert summary[found["kind"]] == 1, summary
    assert sum(v for k, v in summary.items() if k != "renumbered") == 1, summary


@pytest.mark.parametrize("name", params(n for n, e in sorted(EXPECTED.items()) if e == UNCOMPARED))
def test_content_nothing_compared_is_never_no_difference(name):
    """A chart's data changed: diff exits 1 and names the chart, as a change or in
    `not_compared`, never "No differences"."""
    code, report, err = diff(*PAIRS[name])
    assert code == 1, err or "No differences reported"
    named = report["changes"] + report.get("not_compared", [])
    assert "chart" in json.dumps(named).lower(), named


@pytest.mark.parametrize("source", params(SOURCES))
def test_every_real_document_reads_as_itself(source):
    code, report, err = diff(source, source)
    assert (code, err) == (0, ""), err
    assert report["changes"] == []
