"""checks/dates.py: weekdays written beside dates, meeting weekdays, report date order."""

from __future__ import annotations

from pathlib import Path

from cmwreport.checks import dates
from cmwreport.sources.load import read_file
from tests.helpers_sources import edit, line_of, validate


def loaded(tmp_path: Path, text: str, kind: str = "meeting"):
    path = tmp_path / "m.yaml"
    path.write_text(text, encoding="utf-8")
    diagnostics: list = []
    return read_file(path, str(path), kind, diagnostics)


MEETING = 'id: fes\ncity: "فاس"\nregion: "جهة فاس مكناس"\ndate: 2022-04-06\n'


def test_a_weekday_in_text_that_disagrees_with_its_date(tmp_path):
    file = loaded(tmp_path, MEETING + 'weekday: "الأربعاء"\nx: "عقد يوم الخميس 6 ابريل 2022"\n')
    (d,) = list(dates.written_weekdays(file))
    assert (d.code, d.line, d.column) == ("D302", 6, len('x: "عقد يوم ') + 1)


def test_a_written_date_that_does_not_exist(tmp_path):
    file = loaded(tmp_path, MEETING + 'x: "الأربعاء 31 أبريل 2022"\n')
    (d,) = list(dates.written_weekdays(file))
    assert (d.code, d.line) == ("D301", 5)


def test_the_meeting_weekday_field(tmp_path):
    file = loaded(tmp_path, MEETING + 'weekday: "الخميس"\n')
    (d,) = list(dates.meeting_weekday(file.value))
    assert (d.code, d.line, d.column) == ("D302", 5, 10)
    assert list(dates.meeting_weekday(loaded(tmp_path, MEETING).value)) == []


def test_report_dates_in_order(tree):
    report = tree / "report.yaml"
    edit(report, "date_received: 2022-11-18", "date_received: 2022-12-18")
    (d,) = validate(tree).diagnostics
    assert (d.code, d.line) == ("D303", line_of(report, "date: 2022-11-28"))
    assert "the report is issued after it is received" in d.message
