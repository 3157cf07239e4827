"""The shipped reference data of CMW/C/MAR/QPR/2 and CMW/C/MAR/CO/1: it loads clean, is
complete where it says so (every number present, sub-items consecutive), marks what was
not read, and agrees with facts read in the documents themselves."""

from __future__ import annotations

import string
import unicodedata

import pytest

from cmwreport.reference import shipped_document
from cmwreport.replies.questions import list_of_issues, observations
from cmwreport.sources.load import read_file

QPR, CO = "CMW/C/MAR/QPR/2", "CMW/C/MAR/CO/1"


def _load(symbol: str):
    diagnostics: list = []
    path = shipped_document(symbol)
    assert path is not None, symbol
    loaded = read_file(path, path.name, "reference", diagnostics)
    assert diagnostics == [], diagnostics
    return loaded.value


@pytest.fixture(scope="module")
def qpr():
    return list_of_issues(_load(QPR), QPR)


@pytest.fixture(scope="module")
def co():
    return observations(_load(CO), CO)


def test_concluding_observations_complete_and_numbered_1_to_54(co):
    assert co.complete
    assert sorted(co.paragraphs) == list(range(1, 55))
    for number, paragraph in co.paragraphs.items():
        assert paragraph.subject, number
        if 9 <= number <= 48:  # a concern (odd) precedes each recommendation (even)
            assert paragraph.kind == ("concern" if number % 2 else "recommendation"), number
        elif number >= 49:
            assert paragraph.kind == "recommendation", number
        else:
            assert paragraph.kind == "introduction", number


def test_concluding_observations_spot_facts(co):
    assert "02-03" in co.paragraphs[10].subject  # harmonise Law 02.03
    assert co.paragraphs[12].articles == [76, 77]
    assert co.paragraphs[20].articles == [7]
    assert co.paragraphs[34].articles == [21]
    assert co.paragraphs[44].articles == [67]
    assert "2018" in co.paragraphs[52].subject
    assert co.paragraphs[10].articles == []  # not recorded rather than guessed


def test_list_of_issues_numbers_and_sub_items_consecutive(qpr):
    numbers = [q.number for q in qpr.questions]
    assert numbers == list(range(1, len(numbers) + 1))
    for question in qpr.questions:
        labels = [t.label for t in question.items]
        assert labels == list(string.ascii_lowercase[: len(labels)]), question.number
        assert question.section in ("I", "II", "III"), question.number


def test_list_of_issues_says_what_was_not_read(qpr):
    # Only the opening of the document (question 1 to the middle of (c)) was read:
    # the data must not claim to be whole, nor question 1 to be.
    assert not qpr.complete
    assert qpr.incomplete_questions == [1]


def test_list_of_issues_spot_facts(qpr):
    question = qpr.question(1)
    assert question.section == "I"
    assert [t.label for t in question.items] == ["a", "b", "c"]
    b = question.items[1]
    assert b.observations == (10,)  # "comme l'a recommandé le Comité ... (par. 10)"
    assert b.laws == ("02.03", "72.17", "66.17")
    assert question.items[0].observations == ()


def test_questions_cite_recommendations_that_exist(qpr, co):
    for target in qpr.targets:
        for number in target.observations:
            assert co.paragraphs[number].kind == "recommendation", target.key


def test_subjects_in_three_languages_arabic_clean(qpr):
    for target in [*qpr.targets, *(q.whole for q in qpr.questions)]:
        assert target.subject and target.subject_fr and target.subject_ar, target.key
        arabic = target.subject_ar
        assert unicodedata.normalize("NFC", arabic) == arabic
        assert any("\u0600" <= c <= "\u06ff" for c in arabic)
        assert not any("\ufb50" <= c <= "\ufeff" for c in arabic)  # presentation forms
