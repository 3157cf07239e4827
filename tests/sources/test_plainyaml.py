"""sources/plainyaml.py: the reader without PyYAML gives the composer's tree or declines.

A confident wrong tree would be the worst defect, so every test here compares the two
readers on the same text (plainyaml_oracle.compare): field by field, the text values
list included, or plainyaml declines and PyYAML reads the file as before.
"""

from __future__ import annotations

import random
import sys

import pytest
import yaml

from cmwreport.project import skeleton
from cmwreport.sources import plainyaml
from cmwreport.sources.yamlsafe import MAX_NODES, FileReader
from tests.conftest import ROOT, SOURCES
from tests.fuzz.source_trees import ESCAPES, ODD_TEXT
from tests.sources.plainyaml_oracle import VALUES, compare, mutations

sys.path.insert(0, str(ROOT / "bench"))
import generate  # noqa: E402

#: Files drafters write: `sources/`, a generated tree, `cmwreport init`'s skeleton. The
#: fast reader must take every one of them (or validate would still import PyYAML).
DRAFTED = {
    **{str(p.relative_to(ROOT)): p.read_text(encoding="utf-8") for p in SOURCES.rglob("*.yaml")},
    **{f"small/{n}": text for n, text in generate.render(generate.generate("small", 3)).items()},
    **{
        f"init/{name}": text
        for symbol in ("CMW/C/MAR/2", "CMW/C/SEN/3")
        for name, text in skeleton.files(skeleton.parse_symbol(symbol)).items()
        if name.endswith(".yaml")
    },
}  # fmt: skip
#: Every other YAML file of the repository (fixtures, shipped reference data).
OTHERS = {
    str(p.relative_to(ROOT)): p.read_text(encoding="utf-8")
    for folder in ("tests/fixtures", "src/cmwreport/reference")
    for p in sorted((ROOT / folder).rglob("*.y*ml"))
}


def test_every_drafted_file_is_read_without_pyyaml_and_equal():
    assert len(DRAFTED) > 20
    for name, text in DRAFTED.items():
        assert compare(text) == "equal", name


def test_every_other_yaml_file_is_equal_or_declined():
    equal = [name for name, text in OTHERS.items() if compare(text) == "equal"]
    assert len(equal) >= 10  # the fixtures' trees and the shipped reference documents
    # The shipped data a build reads besides the sources, read without PyYAML too.
    for name in ("un_arabic.yaml", "convention.yaml"):
        assert f"src/cmwreport/reference/{name}" in equal


def test_thousands_of_mutations_are_equal_or_declined():
    rng = random.Random(21)
    outcomes = {"equal": 0, None: 0}
    for text in [*DRAFTED.values(), *OTHERS.values()]:
        for mutant in mutations(text, rng, 90):
            outcomes[compare(mutant)] += 1
    # Both ways are exercised in numbers: damage the reader takes and damage it leaves.
    assert outcomes["equal"] > 1200 and outcomes[None] > 1200, outcomes


#: The fuzz campaign's escapes and odd characters, in double quotes and bare.
FUZZ_VALUES = (
    [f'"{e}"' for e in ESCAPES] + [f"a{t}b" for t in ODD_TEXT] + [f'"a{t}b"' for t in ODD_TEXT]
)


@pytest.mark.parametrize("value", VALUES + FUZZ_VALUES)
def test_odd_values_as_values_keys_and_items(value):
    for text in (
        f"id: x\nk: {value}\n",
        f"id: x\nlist:\n  - {value}\n  - b\n",
        f"id: x\n{value}: 1\n",
        f"id: x\nk: [{value}, 1]\n",
        f"id: x\nk: {value}  # a comment\nz: 1\n",
    ):
        compare(text)


def test_the_resolver_tags_plain_values_as_pyyaml_does():
    # Read by the fast path (not declined), each with PyYAML's tag.
    expected = {
        "yes": "bool", "Off": "bool", "0x1F": "int", "0b101": "int", "017": "int", "1_000": "int",
        "1:30": "int", "190:20:30.5": "float", "1e3": "str", "1.5e+3": "float", "-.INF": "float",
        ".NaN": "float", "~": "null", "Null": "null", "2002-12-14": "timestamp",
        "2001-12-14t21:59:43.10-05:00": "timestamp", "09": "str", "+12": "int", "y": "str",
    }  # fmt: skip
    for value, tag in expected.items():
        text = f"k: {value}\n"
        assert compare(text) == "equal", value
        root, _strings = plainyaml.read(text)
        assert root.entries["k"][1].tag == f"tag:yaml.org,2002:{tag}", value


@pytest.mark.parametrize(
    "text",
    [
        "a: &x 1\nb: *x\n",  # anchors and aliases
        "a: !!str 1\n",  # tags
        "%YAML 1.1\n---\na: 1\n",  # directives
        "a: 1\n---\nb: 2\n",  # two documents
        "a:\n\t- 1\n",  # a tab
        "a: 1\na: 2\n",  # a duplicate key (the composer reports it)
        "a: |\n  text\n",  # block scalars
        "a: >\n  text\n",
        "a: one\n  two\n",  # multi-line plain
        'a: "one\n  two"\n',  # multi-line quoted
        "a: [1,\n  2]\n",  # multi-line flow
        "<<: 1\n",  # a merge key: the composer reports its tag
        "a: =\n",
        "a: {b: 1}\n",  # flow mappings
        "? a\n: 1\n",  # complex keys
        '"a": 1\n',  # quoted keys
        "a: b: c\n",  # a syntax error
        "a:\n  - b\n c: 1\n",  # indentation off
        "# only a comment\n",  # empty
        "a: x\u2028b: y\n",  # a line break YAML knows but this reader does not
        "a: x\rb: y\n",
        "a: x\x85\n",
        "a: '\ufeff'\n",
        'a: "\\q"\n',  # an unknown escape
        'a: "\\ud800"\n',
        "a: [1, 2,]\n",
    ],
)
def test_outside_the_subset_declines(text):
    assert plainyaml.read(text) is None


def test_declines_near_the_budget_of_values():
    text = "".join(f"k{i}: v\n" for i in range(MAX_NODES // 2))
    assert plainyaml.read(text) is None
    assert compare("".join(f"k{i}: v\n" for i in range(1000))) == "equal"


def test_a_long_damaged_line_is_declined_in_linear_time():
    # The line regex backtracks only a bounded number of times per character: a line
    # of a million characters that fits no form is declined, not scanned quadratically.
    long = ("a: x" + " " * 1_000_000 + "y\rz", 'a: "' + "x" * 1_000_000, "a: " + "'x" * 500_000)
    for line in long:
        assert plainyaml.read(line + "\n") is None


def test_crlf_and_byte_order_mark_through_the_file_reader(tmp_path, monkeypatch):
    text = '\ufeffid: x\r\nitems:\r\n  - "a"\r\n  - b: 1\r\n'
    data = text.encode("utf-8")
    fast = FileReader(tmp_path / "x.yaml", "x.yaml")
    fast_root = fast.read(data)
    assert compare(text[1:]) == "equal"  # the fast path, after the BOM is dropped
    monkeypatch.setattr(plainyaml, "read", lambda text: None)
    slow = FileReader(tmp_path / "x.yaml", "x.yaml")
    slow_root = slow.read(data)
    assert (fast.diagnostics, slow.diagnostics) == ([], [])
    assert [n.text for n in fast.strings] == [n.text for n in slow.strings] == ["x", "a"]
    assert fast_root.entries["items"][1].items[1].entries["b"][1].end == (
        slow_root.entries["items"][1].items[1].entries["b"][1].end
    )


def test_data_is_what_safe_load_gives():
    for name in ("convention.yaml", "un_arabic.yaml"):
        shipped = (ROOT / "src/cmwreport/reference" / name).read_text(encoding="utf-8")
        assert plainyaml.data(shipped) == yaml.safe_load(shipped), name
    read = 0
    for text in [*DRAFTED.values(), *OTHERS.values()]:
        found = plainyaml.data(text)
        if found is not None:
            read += 1
            assert found == yaml.safe_load(text)
    assert read >= 5
    # A float, a date, an octal: safe_load's constructors decide, so data() declines.
    for value in ("1.5", "2002-12-14", "017", "0x1F", "1:30"):
        assert plainyaml.data(f"k: {value}\n") is None
    listed = "k:\n  - yes\n  - No\n  - ~\n  - -3\n  - text\nyes: [1, on]\n"
    assert plainyaml.data(listed) == {"k": [True, False, None, -3, "text"], True: [1, True]}
