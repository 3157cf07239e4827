"""`cmwreport diff` on real .docx drafts edited the way reviewers edit them."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from cmwreport.commands.diff import run
from cmwreport.diff.words import tokens, word_ops
from cmwreport.draft.reader import read_draft
from tests import drafts as d
from tests.cli_helpers import diff_json
from tests.conftest import ROOT


@pytest.fixture(scope="module")
def old(tmp_path_factory) -> Path:
    return d.make_draft(tmp_path_factory.mktemp("drafts") / "old.docx")


def changes(report: dict) -> list[tuple]:
    return [
        (c["kind"], c["old_number"], c["new_number"], c["location"], c["old_text"], c["new_text"])
        for c in report["changes"]
    ]


TEXT = {ident: text for kind, ident, text in d.REPORT if kind != "table"}


def test_reader_numbers_sections_identity_and_places(old):
    draft = read_draft(old)
    body = [(b.location, b.number, b.ident, b.section) for b in draft.body]
    assert body[:8] == [
        ("body", None, None, None),
        ("body", "1", "intro_01", "أولاً - مقدمة"),
        ("body", "2", "intro_02", "أولاً - مقدمة"),
        ("body", "3", "intro_03", "أولاً - مقدمة"),
        ("body", None, None, "أولاً - مقدمة"),
        ("body", "4", "harmonise_law_01", "ألف - الإطار القانوني"),
        ("body", "4 (أ)", "harmonise_law_01_a", "ألف - الإطار القانوني"),
        ("body", "4 (ب)", "harmonise_law_01_b", "ألف - الإطار القانوني"),
    ]
    rows = [b for b in draft.body if b.location == "table"]
    assert [(r.table, r.row, r.ident, r.cells) for r in rows[:2]] == [
        (1, 1, None, ("المدينة", "التاريخ", "عدد المشاركين")),
        (1, 2, "tangier", ("طنجة", "2022-05-18", "45")),
    ]
    assert [b.text for b in draft.headers["default"]] == ["CMW/C/MAR/2"]
    # A PAGE field's shown number changes with every repagination: it is not text.
    assert [b.text for b in draft.footers["default"]] == ["GE.22-12345\t"]
    (note,) = draft.footnotes
    assert (note.text, note.number, note.part) == (d.FOOTNOTE[1], "5", "1")
    assert not draft.tracked.any


def test_arabic_punctuation_is_its_own_token():
    assert tokens("الجهود، في مجال؛ لماذا؟") == [
        "الجهود", "،", " ", "في", " ", "مجال", "؛", " ", "لماذا", "؟",
    ]  # fmt: skip
    (op,) = word_ops("مواصلة الجهود في", "مواصلة الجهود، في")
    assert (op.op, op.old, op.new, op.old_at, op.new_at) == ("insert", "", "،", 13, 13)


def test_tokens_are_those_of_the_plain_classes():
    # diff/words.py spells its character classes as alternatives (cheaper to compile):
    # the same tokens as the classes as a reader writes them, over every character of
    # Unicode and the real consultations' text.
    marks = "\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed\u0640\u200c\u200d"
    plain = re.compile(
        rf"(?:[^\W_]|[{marks}])(?:[^\W_]|[{marks}]|['\u2019](?=\w))*|\s+|[\u060c\u061b\u061f]|.",
        re.DOTALL,
    )
    every = "".join(chr(c) for c in range(0x110000) if not 0xD800 <= c < 0xE000)
    consultations = ROOT / "tests" / "fixtures" / "regional-consultations-2022.ar.txt"
    texts = [every, consultations.read_text(encoding="utf-8"), "كَتَبَ ـ ‌ال'كتاب l’état ،؛؟"]
    for text in texts:
        assert tokens(text) == plain.findall(text)
    assert len(tokens(texts[1])) > 1_000


def test_same_draft_exit_0(old, capsys):
    code, report = diff_json(old, old, capsys)
    assert code == 0
    assert report["summary"] == dict(
        added=0, removed=0, changed=0, moved=0, formatting=0, renumbered=0
    )
    assert report["changes"] == [] and "note" not in report


def test_change_one_word(old, tmp_path, capsys):
    new = d.edited(
        old, tmp_path / "new.docx", d.change_word("الجهود في مجال ملاءمة", "المساعي في مجال ملاءمة")
    )
    code, report = diff_json(old, new, capsys)
    assert code == 1
    assert report["summary"] == dict(
        added=0, removed=0, changed=1, moved=0, formatting=0, renumbered=0
    )
    (change,) = report["changes"]
    text = TEXT["harmonise-law-01"]
    assert changes(report) == [
        ("changed", "4", "4", "body", text, text.replace("الجهود", "المساعي"))
    ]
    assert change["section"] == "ألف - الإطار القانوني"
    assert change["identity"] == "harmonise_law_01"
    assert change["ops"] == [
        {"op": "replace", "old": "الجهود", "new": "المساعي", "old_at": 7, "new_at": 7}
    ]


def test_insert_one_paragraph_is_one_addition_and_renumbering(old, tmp_path, capsys):
    added = "فقرة جديدة أضافها فريق الصياغة في وورد."
    new = d.edited(old, tmp_path / "new.docx", d.insert_paragraph("نُظمت ثلاث", added))
    code, report = diff_json(old, new, capsys)
    assert code == 1
    assert changes(report) == [("added", None, "4", "body", None, added)]
    assert report["changes"][0]["section"] == "أولاً - مقدمة"
    # Every numbered paragraph after it moved up by one, and none of them is a change.
    assert report["summary"] == dict(
        added=1, removed=0, changed=0, moved=0, formatting=0, renumbered=9
    )
    assert report["renumbered"][:3] == [
        {"old_number": "4", "new_number": "5"},
        {"old_number": "4 (أ)", "new_number": "5 (أ)"},
        {"old_number": "4 (ب)", "new_number": "5 (ب)"},
    ]


def test_delete_one_paragraph(old, tmp_path, capsys):
    new = d.edited(old, tmp_path / "new.docx", d.delete_paragraph("تيسير الولوج للسكن"))
    code, report = diff_json(old, new, capsys)
    assert changes(report) == [("removed", "9", None, "body", TEXT["access-to-housing"], None)]
    assert report["summary"]["renumbered"] == 1  # the conclusion, 10 -> 9


def test_move_one_paragraph(old, tmp_path, capsys):
    new = d.edited(
        old, tmp_path / "new.docx", d.move_paragraph("تكثيف برامج التكوين", "تعزيز ولوج المهاجرين")
    )
    code, report = diff_json(old, new, capsys)
    text = TEXT["vocational-training"]
    assert changes(report) == [("moved", "8", "6", "body", text, text)]
    assert report["changes"][0]["ops"] == []
    assert report["changes"][0]["section"] == "ألف - الإطار القانوني"
    assert report["summary"] == dict(
        added=0, removed=0, changed=0, moved=1, formatting=0, renumbered=2
    )


def test_move_without_identity_is_found_by_content(old, tmp_path, capsys):
    bare_old = d.edited(old, tmp_path / "bare.docx", d.strip_identity())
    new = d.edited(
        bare_old, tmp_path / "new.docx", d.move_paragraph("تكثيف برامج", "تعزيز ولوج المهاجرين")
    )
    _, report = diff_json(bare_old, new, capsys)
    assert [(c["kind"], c["old_number"], c["new_number"]) for c in report["changes"]] == [
        ("moved", "8", "6")
    ]


def test_edit_table_cell_and_add_row(old, tmp_path, capsys):
    new = d.edited(
        old,
        tmp_path / "new.docx",
        d.edit_cell(1, 3, 3, "40"),
        d.add_row(1, ("الرباط", "2022-09-01", "60")),
    )
    code, report = diff_json(old, new, capsys)
    assert changes(report) == [
        ("changed", None, None, "table", "38", "40"),
        ("added", None, None, "table", None, "الرباط | 2022-09-01 | 60"),
    ]
    assert report["changes"][0]["table"] == {
        "old": {"index": 1, "row": 3, "col": 3},
        "new": {"index": 1, "row": 3, "col": 3},
    }
    assert report["changes"][0]["identity"] == "oujda"
    assert report["changes"][1]["table"]["new"] == {"index": 1, "row": 5}
    assert report["summary"] == dict(
        added=1, removed=0, changed=1, moved=0, formatting=0, renumbered=0
    )


def test_edit_header_and_footnote(old, tmp_path, capsys):
    new = d.edited(
        old,
        tmp_path / "new.docx",
        d.edit_header("CMW/C/MAR/2", "CMW/C/MAR/2/Rev.1"),
        d.edit_footnote("2016", "2017"),
    )
    _, report = diff_json(old, new, capsys)
    assert changes(report) == [
        ("changed", None, None, "header", "CMW/C/MAR/2", "CMW/C/MAR/2/Rev.1"),
        ("changed", "5", "5", "footnote", d.FOOTNOTE[1], d.FOOTNOTE[1].replace("2016", "2017")),
    ]
    assert report["changes"][0]["part"] == "default"
    assert report["changes"][1]["footnote"] == {"old": "1", "new": "1"}


def test_tracked_changes_are_read_in_their_accepted_view(old, tmp_path, capsys):
    new = d.edited(
        old,
        tmp_path / "new.docx",
        d.tracked_insert("تؤكد المملكة", "الحوار", "مواصلة "),
        d.tracked_delete("نُظمت ثلاث", "جهوية "),
        d.tracked_delete_paragraph("تيسير الولوج للسكن"),
    )
    code, report = diff_json(old, new, capsys)
    assert changes(report) == [
        ("changed", "3", "3", "body", TEXT["intro-03"], TEXT["intro-03"].replace("جهوية ", "")),
        ("removed", "9", None, "body", TEXT["access-to-housing"], None),
        (
            "changed",
            "10",
            "9",
            "body",
            TEXT["conclusion-01"],
            TEXT["conclusion-01"].replace("الحوار", "مواصلة الحوار"),
        ),
    ]
    assert report["tracked_changes"]["new"]["insertions"] == 1
    assert report["tracked_changes"]["new"]["deletions"] == 3
    assert "accepted view" in report["note"]
    # Accepting them in Word gives the same draft: no differences, but the note stays.
    accepted = d.edited(new, tmp_path / "accepted.docx", d.accept_tracked)
    code, report = diff_json(accepted, new, capsys)
    assert code == 0 and report["changes"] == [] and "note" in report


def test_ignore_diacritics(old, tmp_path, capsys):
    new = d.edited(old, tmp_path / "new.docx", d.change_word("نُظمت", "نظّمـت"))
    code, report = diff_json(old, new, capsys)
    assert code == 1 and report["summary"]["changed"] == 1
    code, report = diff_json(old, new, capsys, ignore_diacritics=True)
    assert code == 0 and report["changes"] == []
    # A real word change still shows, with the original spelling in the ops.
    new = d.edited(new, tmp_path / "new2.docx", d.change_word("ثلاث", "أربع"))
    code, report = diff_json(old, new, capsys, ignore_diacritics=True)
    assert [c["ops"] for c in report["changes"]] == [
        [{"op": "replace", "old": "ثلاث", "new": "أربع", "old_at": 6, "new_at": 7}]
    ]


def test_text_output_locates_by_un_number_and_section(old, tmp_path, capsys):
    new = d.edited(
        old,
        tmp_path / "new.docx",
        d.change_word("الجهود في مجال ملاءمة", "المساعي في مجال ملاءمة"),
        d.insert_paragraph("نُظمت ثلاث", "فقرة جديدة."),
    )
    assert run(old, new, color="never") == 1
    out = capsys.readouterr().out
    assert "added    para. 4  § أولاً - مقدمة\n  + فقرة جديدة." in out
    assert "changed  para. 5 (was para. 4)  § ألف - الإطار القانوني" in out
    assert "[-الجهود-]{+المساعي+}" in out
    assert "paras. 4-5 are now 5-6" in out or "para. 4 is now 5" in out
    assert "1 added, 0 removed, 1 changed, 0 moved, 0 formatting; 9 renumbered" in out
    assert "\x1b[" not in out

    run(old, new, color="always")
    coloured = capsys.readouterr().out
    assert "\x1b[31;9m[-الجهود-]\x1b[0m" in coloured

    run(old, new, color="never", reshape=True)
    reshaped = capsys.readouterr().out
    # Shaped glyphs (presentation forms) are for the terminal only.
    assert any("\ufe70" <= ch <= "\ufeff" for ch in reshaped)


def test_html_is_self_contained_escaped_and_right_to_left(old, tmp_path, capsys):
    new = d.edited(old, tmp_path / "new.docx", d.change_word("ثلاث مشاورات", "ثلاث <b>&مشاورات"))
    page = tmp_path / "diff.html"
    assert run(old, new, color="never", html=page) == 1
    capsys.readouterr()
    html = page.read_text(encoding="utf-8")
    assert "<b>&" not in html and "&lt;b&gt;&amp;" in html
    assert '<p class="text new" dir="rtl">' in html
    assert "<ins>&lt;b&gt;&amp;</ins>" in html
    # One file: nothing fetched (no URL, no src= or href= outside the page); the one
    # script is inline and only navigates.
    assert "http" not in html.replace("http://", "")
    assert not re.search(r'(src|href)="(?!#)', html) and html.count("<script") == 1


def test_the_json_report_is_what_json_dumps_writes_of_the_whole_result(capsys) -> None:
    """The JSON report encodes each change on its own (diff/render: the whole at once
    made a million small strings on a stress-sized draft): byte for byte what one
    json.dumps of the whole result writes, on a real pair with changes of every kind."""
    import json

    from cmwreport.diff.compare import compare
    from cmwreport.diff.options import DiffOptions
    from cmwreport.diff.render import render

    root = Path(__file__).resolve().parents[2] / "tests" / "fixtures" / "real"
    pairs = json.loads((root / "pairs.json").read_text("utf-8"))
    compared = 0
    for name in ("lo-textbox-edited", "lo-endnote-edited", "lo-image-replaced", "lo-bold"):
        old, new = (root / part for part in pairs[name])
        result = compare(read_draft(old), read_draft(new), DiffOptions())
        assert result.changes, name
        whole = json.dumps(result.as_json(), ensure_ascii=False, indent=2) + "\n"
        assert render("json", result, DiffOptions()) == whole, name
        compared += 1
    assert compared == 4
