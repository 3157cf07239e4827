"""A paragraph's alignment, indentation and spacing, and hidden or shaded words, are
compared as effective values: a change is reported, one value written two ways is
not (issue 17)."""

from __future__ import annotations

import pytest

from tests.diff.test_formatting import PLAIN, details, para, run_xml

RUNS = run_xml("The committee ") + run_xml("met") + run_xml(" in Rabat.")


def ppr(inner: str) -> str:
    return f"<w:pPr>{inner}</w:pPr>"


@pytest.mark.parametrize(
    ("new", "expected"),
    [
        (para(RUNS, ppr('<w:jc w:val="center"/>')), "alignment: aligned to the start -> centred"),
        (para(RUNS, ppr('<w:jc w:val="both"/>')), "alignment: aligned to the start -> justified"),
        (para(RUNS, ppr('<w:ind w:start="567"/>')), "indent at the start: 0 cm -> 1 cm"),
        (para(RUNS, ppr('<w:ind w:right="1134"/>')), "indent at the end: 0 cm -> 2 cm"),
        (para(RUNS, ppr('<w:ind w:hanging="283"/>')), "first-line indent: 0 cm -> hanging 0.5 cm"),
        (para(RUNS, ppr('<w:spacing w:before="240"/>')), "space before: 0 pt -> 12 pt"),
        (para(RUNS, ppr('<w:spacing w:after="120"/>')), "space after: 0 pt -> 6 pt"),
        (
            para(RUNS, ppr('<w:spacing w:line="360" w:lineRule="auto"/>')),
            "line spacing: 1 lines -> 1.5 lines",
        ),
        (
            para(run_xml("The committee ") + run_xml("met", "<w:vanish/>") + run_xml(" in Rabat.")),
            "made hidden: «met»",
        ),
        (
            para(
                run_xml("The committee ")
                + run_xml("met", '<w:shd w:val="clear" w:color="auto" w:fill="ffff00"/>')
                + run_xml(" in Rabat.")
            ),
            "shading none -> FFFF00: «met»",
        ),
    ],
)
def test_a_paragraph_or_run_look_changed_is_reported(tmp_path, new, expected):
    assert details(tmp_path, PLAIN, new) == [("formatting", [expected])]


@pytest.mark.parametrize(
    ("old", "new"),
    [
        ('<w:ind w:left="567" w:right="283"/>', '<w:ind w:start="567" w:end="283"/>'),
        ('<w:jc w:val="both"/>', '<w:jc w:val="distribute"/>'),
        ('<w:jc w:val="left"/>', ""),
        ('<w:jc w:val="right"/>', '<w:jc w:val="end"/>'),
        ('<w:ind w:firstLine="0"/>', '<w:ind w:start="0" w:end="0"/>'),
        ('<w:spacing w:before="0" w:after="0"/>', ""),
        ('<w:spacing w:lineRule="auto"/>', '<w:spacing w:line="240" w:lineRule="auto"/>'),
        (
            '<w:spacing w:before="100" w:beforeAutospacing="1"/>',
            '<w:spacing w:before="280"/>',
        ),
    ],
)
def test_one_value_written_two_ways_is_no_change(tmp_path, old, new):
    assert details(tmp_path, para(RUNS, ppr(old)), para(RUNS, ppr(new))) == []


def test_shading_with_no_fill_and_vanish_off_are_no_change(tmp_path):
    plain = para(RUNS)
    written = para(
        run_xml("The committee ")
        + run_xml("met", '<w:vanish w:val="0"/><w:shd w:val="clear" w:fill="auto"/>')
        + run_xml(" in Rabat.")
    )
    assert details(tmp_path, plain, written) == []
