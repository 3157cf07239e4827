"""The editors' JSON Schemas speak to drafters (issue 19, item 4): every pattern and
format carries a message instead of the regular expression (yaml-language-server's
`patternErrorMessage` / `errorMessage`), and descriptions and messages come in the
language of messages."""

from __future__ import annotations

import json

from tests.cli_helpers import cli


def _walk(node, path=""):
    if isinstance(node, dict):
        yield path, node
        for key, value in node.items():
            yield from _walk(value, f"{path}/{key}")
    elif isinstance(node, list):
        for i, value in enumerate(node):
            yield from _walk(value, f"{path}/{i}")


def _schemas(tmp_path, lang):
    out = tmp_path / lang
    proc = cli("--lang", lang, "schema", "--out", str(out), cwd=tmp_path)
    assert proc.returncode == 0, proc.stderr
    return {p.name: json.loads(p.read_text(encoding="utf-8")) for p in out.glob("*.json")}


def test_every_pattern_and_format_has_a_message_in_the_language(tmp_path):
    english, french = _schemas(tmp_path, "en"), _schemas(tmp_path, "fr")
    assert english.keys() == french.keys() and len(english) >= 5
    checked = 0
    for name, schema in french.items():
        for where, node in _walk(schema):
            if "pattern" in node and isinstance(node["pattern"], str):
                assert node.get("patternErrorMessage"), (name, where)
                checked += 1
            if "format" in node:
                assert node.get("errorMessage"), (name, where)
    assert checked > 20
    report = french["report.schema.json"]["properties"]
    assert report["symbol"]["description"] == "Cote ONU du rapport, par exemple CMW/C/MAR/2."
    symbol = report["symbol"]
    assert symbol["patternErrorMessage"].startswith("Une cote de document du Comité")
    # The same schema in English: the messages differ, the rules do not.
    assert english["report.schema.json"]["properties"]["symbol"]["pattern"] == symbol["pattern"]


def test_arabic_descriptions(tmp_path):
    arabic = _schemas(tmp_path, "ar")
    description = arabic["report.schema.json"]["properties"]["symbol"]["description"]
    assert description.startswith("رمز وثيقة الأمم المتحدة للتقرير")
