"""diff's details beside the words (a picture replaced) and its "not compared" lines in
the reader's language (issue 19), on the real command; the JSON keys stay English."""

from __future__ import annotations

import json

from cmwreport.i18n import FSI, PDI
from tests.cli_helpers import cli
from tests.diff.test_stories import _image, pair

CHART = '<c:chartSpace xmlns:c="http://schemas.openxmlformats.org/drawingml/2006/chart">{}</c:chartSpace>'  # noqa: E501


def _drafts(tmp_path):
    return pair(
        tmp_path,
        _image("rId5", "Map"),
        _image("rId5", "Map"),
        old_parts={
            "rId5": ("image", "media/image1.png", b"\x89PNG old"),
            "rId8": ("chart", "charts/chart1.xml", CHART.format("1")),
        },
        new_parts={
            "rId5": ("image", "media/image1.png", b"\x89PNG new"),
            "rId8": ("chart", "charts/chart1.xml", CHART.format("2")),
        },
    )


def _diff(lang: str, *args) -> str:
    proc = cli("--lang", lang, "diff", *map(str, args), "--color", "never")
    assert proc.returncode == 1, proc.stdout + proc.stderr
    return proc.stdout.replace(FSI, "").replace(PDI, "")


def test_details_and_not_compared_in_french_and_arabic(tmp_path):
    old, new = _drafts(tmp_path)
    english = _diff("en", old, new)
    assert "image replaced (Map)" in english
    assert "not compared: chart (word/charts/chart1.xml): differs" in english

    french = _diff("fr", old, new)
    assert "image remplacée (Map)" in french
    assert "chart (word/charts/chart1.xml) : différent" in french
    assert "image replaced" not in french and "differs" not in french

    arabic = _diff("ar", old, new)
    assert "استُبدلت صورة (Map)" in arabic
    assert "chart (word/charts/chart1.xml): مختلف" in arabic
    assert "image replaced" not in arabic and "differs" not in arabic

    data = json.loads(_diff("fr", old, new, "--format", "json"))
    assert data["not_compared"][0]["status"] == "differs"  # keys and statuses stay
