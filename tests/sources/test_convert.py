"""sources/convert.py: types and formats judged against the declaration, nothing else."""

from __future__ import annotations

import datetime as dt

import pytest

from cmwreport.sources import schema
from cmwreport.sources.load import read_file


def load(tmp_path, text: str, kind: str = "meeting"):
    path = tmp_path / "f.yaml"
    path.write_text(text, encoding="utf-8")
    diagnostics: list = []
    loaded = read_file(path, str(path), kind, diagnostics)
    return loaded.value, [(d.code, d.line) for d in diagnostics]


MEETING = 'id: fes\ncity: "فاس"\nregion: "جهة فاس مكناس"\n'


def test_a_clean_file(tmp_path):
    meeting, found = load(tmp_path, MEETING + "date: 2022-05-04\n")
    assert found == []
    assert (meeting.id, meeting.date, meeting.city_en, meeting.weekday) == (
        "fes",
        dt.date(2022, 5, 4),
        None,
        None,
    )
    assert meeting.at("date").line == 4 and meeting.loc.line == 1


@pytest.mark.parametrize(
    "line,code",
    [
        ("date: the sixth of April", "D301"),
        ("date: 2022-02-30", "D301"),
        ("date: [2022-05-04]", "S103"),
        ("date:", "S101"),
    ],
)
def test_dates(tmp_path, line, code):
    meeting, found = load(tmp_path, MEETING + line + "\n")
    assert found == [(code, 4)]
    assert meeting.date is None


def test_a_misspelt_required_field_is_one_error_naming_the_field(tmp_path):
    # One mistake, one diagnostic (issue 19): not also "missing the field 'date'".
    _meeting, found = load(tmp_path, MEETING + "dtae: 2022-05-04\n")
    assert sorted(found) == [("S102", 4)]


def test_a_missing_required_field_and_an_unrelated_unknown_one(tmp_path):
    _meeting, found = load(tmp_path, MEETING + "zzzzzz: 1\n")
    assert sorted(found) == [("S101", 1), ("S102", 4)]


def test_numbers_are_judged_by_type_and_range_only(tmp_path):
    # Paragraph 99 of the cited document is for checks/references.py, not the loader.
    text = (
        'id: a\ntitle: "ت"\nrecommendations:\n'
        '  - id: r\n    text: "ن"\n    observations: [99, 0, x]\n'
    )
    axis, found = load(tmp_path, text, "axis")
    assert found == [("S104", 6), ("S103", 6)]
    assert axis.recommendations[0].observations == [99, None, None]


def test_a_symbol(tmp_path):
    text = "symbol: CMW/MAR/CO/2\ncomplete: yes\nparagraphs: []\n"
    document, found = load(tmp_path, text, "reference")
    assert found == [("N401", 1)]
    assert document.complete is True


def test_every_declared_scalar_type_is_handled():
    declared = set()

    def walk(spec):
        if spec.type == "map":
            for f in spec.fields:
                walk(f)
        elif spec.type == "list":
            walk(spec.item)
        else:
            declared.add(spec.type)

    for spec in schema.FILE_KINDS.values():
        walk(spec)
    assert declared <= set(schema.SCALARS)
