"""Several reviewers' drafts of one build taken home at once (issue 17):
`cmwreport absorb a.docx b.docx c.docx`."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests import drafts as d
from tests.absorb import word_edits as we
from tests.absorb.test_identity import all_items, untouched
from tests.absorb.workspace import Workspace

LEGAL = Path("axes") / "legal-framework.yaml"
DECRIMINALISE = "إلغاء تجريم الهجرة غير النظامية"
JUDICIAL = "مراجعة المقتضيات القانونية"
COLOUR = "مناهضة الممارسات التمييزية"


@pytest.fixture(scope="module")
def built(tmp_path_factory) -> Workspace:
    return Workspace.make(tmp_path_factory.mktemp("reviewers") / "ws")


@pytest.fixture
def ws(built, tmp_path) -> Workspace:
    import shutil

    shutil.copytree(built.root, tmp_path / "ws")
    return Workspace(tmp_path / "ws")


def text_of(ws: Workspace, item: str) -> str:
    return all_items(ws)[f"legal-framework.yaml:{item}"]


def test_disjoint_edits_of_three_reviewers_are_all_absorbed(ws, tmp_path):
    before = all_items(ws)
    a = d.edited(ws.report, tmp_path / "a.docx", d.change_word("إلغاء تجريم", "رفع تجريم"))
    b = d.edited(ws.report, tmp_path / "b.docx", we.delete_paragraph(COLOUR, author="Karim"))
    c = d.edited(ws.annex, tmp_path / "c.docx", d.change_word("الإعلام", "وسائل الإعلام"))
    proc = ws.absorb(a, b, c)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert "absorb (3 drafts): 3 edit(s) absorbed, 0 not absorbed" in proc.stdout
    after = all_items(ws)
    assert '"رفع تجريم الهجرة غير النظامية"' in text_of(ws, "decriminalise-irregular-migration")
    assert "legal-framework.yaml:combat-colour-discrimination" not in after
    assert "وسائل الإعلام" in (ws.sources / "consultations.yaml").read_text()
    untouched(before, after, "decriminalise-irregular-migration", "combat-colour-discrimination")


def test_one_item_different_words_are_merged(ws, tmp_path):
    a = d.edited(ws.report, tmp_path / "a.docx", d.change_word("المقتضيات", "الأحكام"))
    b = d.edited(
        ws.report, tmp_path / "b.docx", d.change_word("المراقبة القضائية", "الرقابة القضائية")
    )
    proc = ws.absorb(a, b, "--dry-run")
    assert proc.returncode == 0, proc.stdout + proc.stderr
    merged = (
        "مراجعة الأحكام القانونية المنظمة لاستئناف القرارات الإدارية من أجل تقوية الرقابة القضائية"
    )
    assert f'+    text: "{merged} لهذه القرارات"' in proc.stdout  # the merged result, shown
    assert "المقتضيات" in text_of(ws, "judicial-review-of-decisions")  # dry run: unwritten
    proc = ws.absorb(a, b)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert merged in text_of(ws, "judicial-review-of-decisions")


def test_a_true_conflict_shows_each_version_and_writes_nothing_for_that_item(ws, tmp_path):
    before = text_of(ws, "judicial-review-of-decisions")
    a = d.edited(
        ws.report, tmp_path / "amina.docx", we.reword(JUDICIAL, "مراجعة", "تعديل", author="Amina")
    )
    b = d.edited(
        ws.report,
        tmp_path / "karim.docx",
        we.reword(JUDICIAL, "مراجعة", "إلغاء", author="Karim"),
        d.change_word("إلغاء تجريم", "رفع تجريم"),
    )
    proc = ws.absorb(a, b)
    assert proc.returncode == 1, proc.stdout + proc.stderr
    out = proc.stdout
    assert "conflict: reviewers changed the same words of recommendation " in out
    assert "amina.docx (tracked changes by Amina): تعديل المقتضيات القانونية" in out
    assert "karim.docx (tracked changes by Karim): إلغاء المقتضيات القانونية" in out
    assert text_of(ws, "judicial-review-of-decisions") == before
    assert '"رفع تجريم' in text_of(ws, "decriminalise-irregular-migration")  # the rest
    assert "1 edit(s) absorbed, 1 not absorbed" in out


def test_deleted_by_one_reworded_by_another_is_a_conflict(ws, tmp_path):
    before = text_of(ws, "decriminalise-irregular-migration")
    a = d.edited(ws.report, tmp_path / "a.docx", we.delete_paragraph(DECRIMINALISE))
    b = d.edited(ws.report, tmp_path / "b.docx", d.change_word("إلغاء تجريم", "رفع تجريم"))
    proc = ws.absorb(a, b)
    assert proc.returncode == 1, proc.stdout + proc.stderr
    assert "item decriminalise-irregular-migration: conflict: deleted in a.docx, edited or " in (
        proc.stdout
    )
    assert text_of(ws, "decriminalise-irregular-migration") == before


def test_five_drafts_of_one_build(ws, tmp_path):
    words = [
        ("التسريع بملائمة", "الإسراع بملائمة"),
        ("إلغاء تجريم", "رفع تجريم"),
        ("مراجعة المقتضيات", "تعديل المقتضيات"),
        ("مناهضة الممارسات", "مكافحة الممارسات"),
        ("تعزيز دور السلطة", "تقوية دور السلطة"),
    ]
    drafts = [
        d.edited(ws.report, tmp_path / f"r{n}.docx", d.change_word(old, new))
        for n, (old, new) in enumerate(words)
    ]
    proc = ws.absorb(*drafts)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    legal = (ws.sources / LEGAL).read_text()
    assert all(new in legal for _old, new in words)


def test_absorbing_a_draft_again_is_a_no_op(ws, tmp_path):
    draft = d.edited(
        ws.report,
        tmp_path / "a.docx",
        d.change_word("إلغاء تجريم", "رفع تجريم"),
        we.delete_paragraph(COLOUR),
    )
    assert ws.absorb(draft).returncode == 0
    after = ws.snapshot()
    proc = ws.absorb(draft)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert "shows no edit that is not in the sources already: nothing to absorb" in proc.stdout
    assert "0 edit(s) absorbed, 0 not absorbed" in proc.stdout
    assert ws.snapshot() == after


def test_paragraphs_added_in_a_row_keep_their_order_and_one_draft_twice_is_once(ws, tmp_path):
    from tests.absorb import edits as e

    def two_new(doc) -> None:
        first = e.insert_after(d._paragraph(doc, DECRIMINALISE), "توصية أولى جديدة")
        e.insert_after(first, "توصية ثانية جديدة")

    a = d.edited(ws.report, tmp_path / "a.docx", two_new)
    b = d.edited(
        ws.report, tmp_path / "b.docx", d.change_word("مناهضة الممارسات", "مكافحة الممارسات")
    )
    proc = ws.absorb(a, b, a)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    from tests.absorb.test_identity import items

    order = list(items(ws.sources / LEGAL))
    at = order.index("decriminalise-irregular-migration")
    assert order[at + 1 : at + 4] == [
        "legal-framework-1", "legal-framework-2", "judicial-review-of-decisions"
    ]  # fmt: skip
    assert len(order) == 7
    legal = (ws.sources / LEGAL).read_text()
    assert legal.index("توصية أولى جديدة") < legal.index("توصية ثانية جديدة")


HEALTH = "مواصلة الجهود في مجال الخدمات الصحية"
SKILLS = "تقوية البرامج الهادفة"
CURRICULA = "إدماج بعد الهجرة في البرامج التعليمية"


@pytest.mark.parametrize(
    "second",
    [
        (d.move_paragraph, SKILLS),  # the same other axis, another place
        (d.move_paragraph, CURRICULA),  # a third axis
        (d.move_paragraph, COLOUR),  # its own axis, another place
    ],
    ids=["same-axis", "other-axes", "own-axis"],
)
def test_one_item_moved_to_different_places_is_a_conflict(ws, tmp_path, second):
    """Found by hand: one reviewer moved a recommendation after another axis's, a second
    moved it elsewhere; the first's place was taken and the second's move dropped,
    exit 0. A conflict, reported with both places; the item stays where it was, with
    its observations; the other edits are written."""
    before = all_items(ws)
    move, after_text = second
    a = d.edited(ws.report, tmp_path / "a.docx", d.move_paragraph(DECRIMINALISE, HEALTH))
    b = d.edited(
        ws.annex,
        tmp_path / "b.docx",
        move(DECRIMINALISE, after_text),
        d.change_word("جنوب الصحراء", "جنوب الصحراء الكبرى"),
    )
    proc = ws.absorb(a, b)
    assert proc.returncode == 1, proc.stdout + proc.stderr
    assert "conflict: reviewers moved this item to different places" in proc.stdout
    assert "a.docx: in axis economic-social-cultural-rights, after health-services" in proc.stdout
    after = all_items(ws)
    assert list(after).index("legal-framework.yaml:decriminalise-irregular-migration") == list(
        before
    ).index("legal-framework.yaml:decriminalise-irregular-migration")
    assert "الصحراء الكبرى" in text_of(ws, "combat-colour-discrimination")
    untouched(before, after, "combat-colour-discrimination")
