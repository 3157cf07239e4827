"""The reply heading's UN Arabic form and the question a heading names; the articles of
the Convention a text mentions."""

from __future__ import annotations

import pytest

from cmwreport.reference import convention
from cmwreport.replies.coverage import _articles
from cmwreport.replies.headings import arabic_key, heading, parse


def test_the_un_arabic_form_and_back():
    assert heading(3, "a") == "الرد على المسألة المثارة في الفقرة 3 (أ) من قائمة المسائل"
    assert heading(12, None) == "الرد على المسألة المثارة في الفقرة 12 من قائمة المسائل"
    assert arabic_key(2, "e") == "2 (هـ)"  # the kashida form, not read as a digit
    for number in (1, 9, 40):
        for label in (None, "a", "b", "e", "k"):
            assert parse(heading(number, label)) == (number, label)


@pytest.mark.parametrize(
    ("text", "named"),
    [
        ("الرد على المسألة المثارة في الفقرة ٣ (ب) من قائمة المسائل", (3, "b")),  # Arabic-Indic
        ("الرد على المسألة المثارة في الفقرة 3(ب)", (3, "b")),
        ("الرد على المسألة المثارة في الفقرة 3 (b) من قائمة المسائل", (3, "b")),
        ("  الرد على الفقرة 7 من قائمة المسائل", (7, None)),
        ("الرد على ملاحظات اللجنة", None),  # a reply heading naming no paragraph
        ("1- المبادئ العامة (المادتان 7 و83)", None),  # not a reply heading
    ],
)
def test_the_question_a_heading_names(text, named):
    assert parse(text) == named


def test_articles_mentioned_in_text():
    known = convention().article_part
    found = _articles(
        [
            "يقدّم المغرب هذا التقرير بموجب المادة 73 من الاتفاقية.",
            "المبادئ العامة (المادتان 7 و83)",
            "المواد من 8 إلى 10، والمادتين 76 و77",
            "تنص المادة 5 من القانون رقم 02.03 على ...",  # an article of a law, not ours
            "المادة 120",  # the Convention has 93
        ],
        known,
    )
    assert sorted(found) == [7, 8, 9, 10, 73, 76, 77, 83]
    assert all(where == ["text"] for where in found.values())
