"""diff/render/json_text.py writes what json.dumps(..., ensure_ascii=False, indent=2)
writes: the JSON report's bytes must not depend on which of the two made them."""

from __future__ import annotations

import json
import math

import pytest

from cmwreport.diff.compare import compare
from cmwreport.diff.options import DiffOptions
from cmwreport.diff.render.json_text import dumps
from cmwreport.draft.reader import read_draft
from tests.conftest import ROOT

CORPUS = ROOT / "tests" / "fixtures" / "real"


def _json(value) -> str:
    return json.dumps(value, ensure_ascii=False, indent=2)


def test_every_report_of_the_real_corpus_is_json_dumps_text():
    pairs = json.loads((CORPUS / "pairs.json").read_text(encoding="utf-8"))
    seen = 0
    for old, new in pairs.values():
        drafts = read_draft(CORPUS / old), read_draft(CORPUS / new)
        for options in (DiffOptions(), DiffOptions(ignore_formatting=True, ignore_diacritics=True)):
            report = compare(*drafts, options).as_json()
            assert dumps(report) == _json(report), (old, new)
            seen += bool(report["changes"])
    assert seen > 60


def test_every_kind_of_value_is_json_dumps_text():
    controls = "".join(chr(c) for c in range(0x20))
    value = {
        "text": f'quote " backslash \\ {controls} \x7f é مرحبا \U0001f600 \ud800 \u2028',
        "numbers": [0, -1, 10**30, 1.5, -0.0, 1e-7, 1e22, math.pi, math.inf, -math.inf],
        "nan": math.nan,
        "flags": [True, False, None],
        "empty": [[], {}, (), ""],
        "nested": {"a": [{"b": [1, [2, {"c": ()}]]}], "d": (1, "e")},
        7: "int key", 2.5: "float key", None: "null key", "": {"": [""]},
    }  # fmt: skip
    assert dumps(value) == _json(value)
    for key in (True, False, math.nan, math.inf, -math.inf, -3):
        assert dumps({key: key}) == _json({key: key})
    for scalar in ("", "x", 0, 1.0, True, False, None, [], {}):
        assert dumps(scalar) == _json(scalar)


def test_what_json_cannot_encode_is_refused_alike():
    for bad in ({(1, 2): "tuple key"}, [object()], {"set": {1}}):
        with pytest.raises(TypeError):
            _json(bad)
        with pytest.raises(TypeError):
            dumps(bad)
