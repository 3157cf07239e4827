"""sources/yamlsafe.py: one file read into located nodes, whatever the file holds."""

from __future__ import annotations

from pathlib import Path

import pytest

from cmwreport.sources.yamlsafe import MAX_DEPTH, FileReader


def read(tmp_path: Path, text: str) -> FileReader:
    path = tmp_path / "x.yaml"
    path.write_text(text, encoding="utf-8")
    reader = FileReader(path, str(path))
    reader.node = reader.read()  # type: ignore[attr-defined]
    return reader


def codes(reader: FileReader) -> list[tuple[str, int, int]]:
    return [(d.code, d.line, d.column) for d in reader.diagnostics]


def test_positions_of_values_and_keys(tmp_path):
    reader = read(tmp_path, 'id: x\nitems:\n  - "a"\n  - b: 1\n')
    node = reader.node
    assert reader.diagnostics == []
    key, value = node.entries["items"]
    assert (key.line, key.column) == (2, 1)
    assert [(i.line, i.column) for i in value.items] == [(3, 5), (4, 5)]
    assert value.items[0].style == '"' and value.items[1].entries["b"][1].style is None


@pytest.mark.parametrize(
    "shape,text,line",
    [
        ("flow", "a: " + "[" * 500 + "]" * 500 + "\n", 1),
        ("block", "a:\n" + "".join("  " * i + "-\n" for i in range(1, 400)), MAX_DEPTH + 1),
        (
            "mappings",
            "".join("  " * i + "k:\n" for i in range(300)) + "  " * 300 + "v\n",
            MAX_DEPTH + 1,
        ),
    ],
)
def test_deep_nesting_is_one_located_error_not_a_recursion_error(tmp_path, shape, text, line):
    reader = read(tmp_path, text)
    assert reader.node is None
    ((code, at_line, _column),) = codes(reader)
    assert (code, at_line) == ("C007", line)


def test_self_referencing_alias(tmp_path):
    reader = read(tmp_path, "id: x\nrecommendations: &r [*r]\n")
    assert reader.node is None
    assert codes(reader) == [("C005", 2, 22)]
    assert "contains itself" in reader.diagnostics[0].message


def test_self_referencing_mapping_alias(tmp_path):
    reader = read(tmp_path, "a: &m\n  b: *m\n")
    assert codes(reader) == [("C005", 2, 6)]


def test_aliases_past_the_budget(tmp_path):
    lines = ["a0: &a0 [" + ", ".join(['"lol"'] * 10) + "]"]
    lines += [f"a{n}: &a{n} [" + ", ".join([f"*a{n - 1}"] * 10) + "]" for n in range(1, 9)]
    reader = read(tmp_path, "\n".join(lines) + "\n")
    assert reader.node is None
    assert [c[0] for c in codes(reader)] == ["C005"]
    assert codes(reader)[0][1] == 5  # the alias that went past 50,000 values


def test_alias_expanded_deeper_than_the_bound(tmp_path):
    # Each anchor alone is shallow; expanded, the chain is deeper than MAX_DEPTH.
    lines = ["a0: &a0 " + "[" * 30 + "]" * 30]
    lines += [f"a{n}: &a{n} " + "[" * 30 + f"*a{n - 1}" + "]" * 30 for n in range(1, 4)]
    reader = read(tmp_path, "\n".join(lines) + "\n")
    assert [c[:2] for c in codes(reader)] == [("C007", 3)]


def test_a_harmless_alias_is_a_shared_node(tmp_path):
    reader = read(tmp_path, "a: &x [1, 2]\nb: *x\n")
    assert reader.diagnostics == []
    assert reader.node.entries["a"][1] is reader.node.entries["b"][1]


@pytest.mark.parametrize(
    "text,code,line,message",
    [
        ("", "C003", 1, "empty"),
        ("# only a comment\n", "C003", 1, "empty"),
        ("a: 1\n---\nb: 2\n", "C003", 2, "more than one YAML document"),
        ("a: *nowhere\n", "C003", 1, "YAML syntax"),
        ("a: 1\na: 2\n", "C004", 2, "duplicate key"),
        ("a: !!python/object/apply:os.system [echo]\n", "C005", 1, "not allowed"),
        ("? [a]\n: 1\n", "S103", 1, "a key must be a plain word"),
        ("a: 1\nb: x\x07y\n", "C003", 2, "character U+0007 is not allowed"),
    ],
)
def test_malformed_files(tmp_path, text, code, line, message):
    reader = read(tmp_path, text)
    found = [d for d in reader.diagnostics if d.code == code]
    assert found and found[0].line == line and message in found[0].message, reader.diagnostics
    assert "\n" not in found[0].message


def test_suppression_comments(tmp_path):
    reader = read(
        tmp_path,
        'a: "x"  # cmwreport: ignore T507\n'
        'b: "y"  # cmwreport: ignore T505, T504 -- verbatim of record\n'
        'c: "z"  # cmwreport: ignore\n',
    )
    assert reader.suppressions() == {1: {"T507"}, 2: {"T505", "T504"}}


def test_escapes_are_decoded(tmp_path):
    reader = read(tmp_path, 'a: "x\\u202Ey\\x01"\n')
    assert reader.node.entries["a"][1].text == "x\u202ey\x01"


def test_too_many_values_without_aliases(tmp_path):
    reader = read(tmp_path, "a: [" + ",".join(["x"] * 60_000) + "]\n")
    assert [c[:2] for c in codes(reader)] == [("C002", 1)]
    assert "split it" in reader.diagnostics[0].message


def test_nesting_past_the_parser_own_limit(tmp_path):
    # libyaml stops at 1,000 levels of flow nesting before we see an event: still one line.
    reader = read(tmp_path, "a: " + "[" * 5_000 + "\n")
    ((code, line, _column),) = codes(reader)
    assert (code, line) in {("C003", 1), ("C007", 1)}
    assert "\n" not in reader.diagnostics[0].message


def test_offsets_span_each_value_as_written(tmp_path):
    # Character offsets (not bytes) into the text as read: absorb splices edits there.
    text = (
        'id: "وجدة"\r\n'
        "list:\r\n"
        "  - 'نص'\r\n"
        "  - {a: [1, 2]}\r\n"
        "block: |\r\n"
        "  سطر\r\n"
        "plain: كلمة واحدة\r\n"
    )
    path = tmp_path / "x.yaml"
    path.write_bytes(b"\xef\xbb\xbf" + text.encode("utf-8"))
    reader = FileReader(path, str(path))
    node = reader.read()
    assert reader.diagnostics == [] and reader.text == text
    spans = {name: text[value.start : value.end] for name, (_key, value) in node.entries.items()}
    assert spans == {
        "id": '"وجدة"',
        "list": "- 'نص'\r\n  - {a: [1, 2]}\r\n",
        "block": "|\r\n  سطر\r\n",
        "plain": "كلمة واحدة",
    }
    key, _value = node.entries["plain"]
    assert text[key.start : key.end] == "plain"
    quoted, flow = node.entries["list"][1].items
    assert text[quoted.start : quoted.end] == "'نص'"
    assert text[flow.start : flow.end] == "{a: [1, 2]}"
    numbers = flow.entries["a"][1]
    assert [text[n.start : n.end] for n in numbers.items] == ["1", "2"]
    assert (node.start, node.end) == (0, len(text))
