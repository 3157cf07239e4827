"""`cmwreport schema --out DIR`: JSON Schemas generated from the field declarations,
checked with a real validator (jsonschema, draft 2020-12) against real files."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest
import yaml

from cmwreport.sources.discover import kind_by_name
from cmwreport.sources.schema import FILE_KINDS
from tests.cli_helpers import cli
from tests.conftest import SOURCES
from tests.helpers_sources import edit


class _Yaml12Loader(yaml.SafeLoader):
    """YAML as the YAML language server reads it (1.2 core schema): a date is a string."""


_Yaml12Loader.yaml_implicit_resolvers = {
    first: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.copy().items()
}


@pytest.fixture(scope="module")
def schemas(tmp_path_factory) -> dict[str, dict]:
    out = tmp_path_factory.mktemp("schemas")
    proc = cli("schema", "--out", str(out))
    assert proc.returncode == 0, proc.stderr
    written = {p.name: json.loads(p.read_text(encoding="utf-8")) for p in out.iterdir()}
    assert sorted(written) == sorted(f"{kind}.schema.json" for kind in FILE_KINDS)
    return {name.split(".")[0]: schema for name, schema in written.items()}


def errors(schema: dict, path: Path) -> list[str]:
    data = yaml.load(path.read_text(encoding="utf-8"), Loader=_Yaml12Loader)
    validator = jsonschema.Draft202012Validator(
        schema, format_checker=jsonschema.Draft202012Validator.FORMAT_CHECKER
    )
    return [e.message for e in validator.iter_errors(data)]


def test_every_schema_is_a_valid_draft_2020_12_schema(schemas):
    for schema in schemas.values():
        assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"
        jsonschema.Draft202012Validator.check_schema(schema)


def test_generated_from_the_declaration(schemas):
    for kind, spec in FILE_KINDS.items():
        assert list(schemas[kind]["properties"]) == [f.name for f in spec.fields]
        assert schemas[kind]["required"] == [f.name for f in spec.fields if f.required]


def test_the_shipped_sources_are_accepted(schemas):
    checked = 0
    for path in sorted(SOURCES.rglob("*.yaml")):
        kind = kind_by_name(path.relative_to(SOURCES))
        assert errors(schemas[kind], path) == [], path
        checked += 1
    assert checked == 9


def test_the_shipped_reference_documents_are_accepted(schemas):
    from cmwreport.reference import shipped_document

    for symbol in ("CMW/C/MAR/CO/1", "CMW/C/MAR/QPR/2"):
        assert errors(schemas["reference"], shipped_document(symbol)) == []


@pytest.mark.parametrize(
    "file,old,new,what",
    [
        ("meetings/oujda.yaml", "date: 2022-04-06", 'date: "the sixth of April"', "date"),
        ("meetings/oujda.yaml", "date: 2022-04-06", "date: 2022-02-30", "date"),
        ("axes/public-policies.yaml", "id: public-policies", "id: Local_Good", "id"),
        ("report.yaml", "cycle: 2", "cycle: two", "type"),
        ("report.yaml", "symbol: CMW/C/MAR/2", "symbol: CMW/MAR/2", "symbol"),
        ("meetings/agadir.yaml", 'city: "أكادير"', "city: 2022", "type"),
        ("consultations.yaml", "kind: workshop", "kind: seminar", "choice"),
        ("meetings/agadir.yaml", "city_en: Agadir", "city_en: Agadir\ncitty: x", "unknown field"),
        ("meetings/tangier.yaml", "date: 2022-04-20\n", "", "missing field"),
        ("meetings/oujda.yaml", 'region: "جهة الشرق"', 'region: "  "', "blank"),
    ],
)
def test_what_validate_rejects_the_schema_rejects(schemas, tree, file, old, new, what):
    path = tree / file
    edit(path, old, new)
    assert errors(schemas[kind_by_name(Path(file))], path), what
    assert cli("validate", str(tree)).returncode == 1


def test_trouble_writing_is_exit_2(tmp_path):
    blocker = tmp_path / "file"
    blocker.write_text("", encoding="utf-8")
    proc = cli("schema", "--out", str(blocker / "schemas"))
    assert proc.returncode == 2
    assert proc.stderr.startswith("cmwreport schema: cannot write to ")


def test_schema_without_out_refreshes_the_project_schemas_from_a_subfolder(tmp_path):
    # The folder `init` filled and the sources' yaml-language-server lines name: after an
    # upgrade, `cmwreport schema` anywhere in the project refreshes those, not ./schemas.
    project = tmp_path / "mar3"
    assert cli("init", str(project), "--symbol", "CMW/C/MAR/3").returncode == 0
    target = project / "schemas" / "report.schema.json"
    target.write_text("{}", encoding="utf-8")
    inside = project / "sources" / "meetings"
    proc = cli("schema", cwd=inside)
    assert proc.returncode == 0, proc.stderr
    assert json.loads(target.read_text(encoding="utf-8"))["$schema"].endswith("2020-12/schema")
    assert not (inside / "schemas").exists()
