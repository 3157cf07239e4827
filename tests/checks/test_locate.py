"""checks/locate.py: character k of a decoded value -> line and column of the raw file."""

from __future__ import annotations

from cmwreport.checks.locate import Lines
from cmwreport.sources.yamlsafe import FileReader


def first_value(tmp_path, text: str):
    path = tmp_path / "x.yaml"
    path.write_text(text, encoding="utf-8")
    reader = FileReader(path, str(path))
    node = reader.read()
    return Lines(reader.text), next(iter(node.entries.values()))[1]


def test_plain(tmp_path):
    lines, node = first_value(tmp_path, "a: abc def\n")
    assert lines.position(node, 4) == (1, 8)


def test_double_quoted_with_escapes(tmp_path):
    lines, node = first_value(tmp_path, 'a: "x\\u202Ey\\x01z\\"w"\n')
    assert node.text == 'x\u202ey\x01z"w'
    # x at 5, \u202E at 6 (6 characters), y at 12, \x01 at 13 (4), z at 17, \" at 18, w at 20
    assert [lines.position(node, k)[1] for k in range(7)] == [5, 6, 12, 13, 17, 18, 20]


def test_single_quoted_with_doubled_quotes(tmp_path):
    lines, node = first_value(tmp_path, "a: 'it''s x'\n")
    assert node.text == "it's x"
    assert lines.position(node, 5) == (1, 11)  # the x, after the doubled quote


def test_values_over_several_lines_point_at_their_start(tmp_path):
    lines, node = first_value(tmp_path, "a: |\n  one\n  two\n")
    assert lines.position(node, 5) == (1, 4)


def test_lines_are_counted_as_the_parser_counts_them(tmp_path):
    # CRLF, a lone CR and U+2028 are line breaks to YAML: columns and suppressions follow.
    path = tmp_path / "x.yaml"
    text = 'a: 1\r\nb: "x\\u202ey"\rc: "\u2028"\nd: "y"  # cmwreport: ignore T504\n'
    path.write_bytes(text.encode())
    reader = FileReader(path, str(path))
    node = reader.read()
    b, d = node.entries["b"][1], node.entries["d"][1]
    assert (b.line, d.line) == (2, 5)
    assert Lines(reader.text).position(b, 1) == (2, 6)
    assert reader.suppressions() == {5: {"T504"}}
