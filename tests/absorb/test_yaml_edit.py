"""absorb's YAML splices on files laid out every way a drafter may write them."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from cmwreport.absorb.yaml_edit import YamlEditError, YamlFile

AXIS = """\
# Axis 9: a comment that must survive.
id: test-axis
title: "عنوان"   # trailing comment
recommendations:
  - id: first
    text: "النص الأول"
    observations: [10]   # why 10
  # A comment between items.
  - id: second
    text: 'النص الثاني'
  - id: third
    text: النص الثالث
"""


def edit(tmp_path: Path, text: str, change, newline: str = "\n", bom: bool = False) -> str:
    path = tmp_path / "axis.yaml"
    raw = text.replace("\n", newline).encode()
    path.write_bytes((b"\xef\xbb\xbf" if bom else b"") + raw)
    doc = YamlFile.read(path, str(path))
    change(doc)
    out = doc.result_bytes()
    assert out.startswith(b"\xef\xbb\xbf") == bom
    return out.decode("utf-8-sig")


def text_of(doc: YamlFile, item: str):
    seq, i = doc.find_item(item)
    return next(v for k, v in seq.value[i].value if k.value == "text")


@pytest.mark.parametrize(
    ("item", "before", "after"),
    [
        ("first", '"النص الأول"', '"النص الأول المعدل"'),
        ("second", "'النص الثاني'", "'النص الأول المعدل'"),
        ("third", "النص الثالث", "النص الأول المعدل"),
    ],
)
def test_each_quoting_style_is_kept(tmp_path, item, before, after):
    out = edit(tmp_path, AXIS, lambda d: d.set_text(text_of(d, item), "النص الأول المعدل"))
    assert out == AXIS.replace(f"text: {before}", f"text: {after}")


def test_plain_text_that_cannot_stay_plain_is_quoted(tmp_path):
    out = edit(tmp_path, AXIS, lambda d: d.set_text(text_of(d, "third"), "نص: مع نقطتين"))
    assert '    text: "نص: مع نقطتين"\n' in out
    assert yaml.safe_load(out)["recommendations"][2]["text"] == "نص: مع نقطتين"


def test_quotes_and_backslashes_are_escaped(tmp_path):
    value = 'قال "نعم" \\ وانتهى'
    out = edit(tmp_path, AXIS, lambda d: d.set_text(text_of(d, "first"), value))
    assert yaml.safe_load(out)["recommendations"][0]["text"] == value


def test_crlf_and_bom_are_kept(tmp_path):
    out = edit(
        tmp_path, AXIS, lambda d: d.set_text(text_of(d, "first"), "جديد"), newline="\r\n", bom=True
    )
    assert out == AXIS.replace('"النص الأول"', '"جديد"').replace("\n", "\r\n")


def test_literal_block_keeps_its_indentation(tmp_path):
    text = AXIS.replace('    text: "النص الأول"\n', "    text: |-\n      سطر أول\n      سطر ثان\n")
    out = edit(tmp_path, text, lambda d: d.set_text(text_of(d, "first"), "سطر أول\nسطر جديد"))
    assert "    text: |-\n      سطر أول\n      سطر جديد\n    observations" in out
    assert yaml.safe_load(out)["recommendations"][0]["text"] == "سطر أول\nسطر جديد"


def test_remove_move_insert_keep_comments(tmp_path):
    def change(d: YamlFile) -> None:
        seq, _ = d.find_item("first")
        block = d.remove_item(seq, 0)
        d.insert_lines(seq, 3, block)
        d.insert_lines(seq, 3, d.new_item(seq, [("id", "fourth"), ("text", "رابع")]))

    out = edit(tmp_path, AXIS, change)
    data = yaml.safe_load(out)
    assert [r["id"] for r in data["recommendations"]] == ["second", "third", "first", "fourth"]
    assert data["recommendations"][2]["observations"] == [10]
    for comment in ("# Axis 9", "# trailing comment", "# why 10", "# A comment between items."):
        assert comment in out


def test_insert_at_the_end_of_a_file_without_final_newline(tmp_path):
    def change(d: YamlFile) -> None:
        seq, _ = d.find_item("third")
        d.insert_lines(seq, 3, d.new_item(seq, [("id", "fourth"), ("text", "رابع")]))

    out = edit(tmp_path, AXIS.rstrip("\n"), change)
    assert out.endswith('النص الثالث\n  - id: fourth\n    text: "رابع"\n')


def test_flow_lists_are_refused_with_the_place(tmp_path):
    text = 'id: x\nrecommendations: [{id: a, text: "أ"}]\n'
    with pytest.raises(YamlEditError, match=r"axis.yaml:2:18: absorb edits lists written one"):
        edit(tmp_path, text, lambda d: d.remove_item(d.find_item("a")[0], 0))


# -- kept as written (issue 17) ------------------------------------------------------------


def test_a_folded_value_stays_folded_with_its_header_comment_and_blank_line(tmp_path):
    text = AXIS.replace(
        '    text: "النص الأول"\n', "    text: >-  # folded on purpose\n      سطر أول\n\n"
    )
    out = edit(tmp_path, text, lambda d: d.set_text(text_of(d, "first"), "سطر جديد"))
    assert out == text.replace("      سطر أول\n", "      سطر جديد\n")


def test_a_literal_value_keeps_its_header_comment_and_the_blank_line_after(tmp_path):
    text = AXIS.replace(
        '    text: "النص الأول"\n', "    text: |-   # keep the breaks\n      سطر\n      ثان\n\n"
    )
    out = edit(tmp_path, text, lambda d: d.set_text(text_of(d, "first"), "سطر\nثالث"))
    assert out == text.replace("      ثان\n", "      ثالث\n")


@pytest.mark.parametrize("char", ["\x85", "\u2028", "\u2029"])
def test_line_breaks_yaml_would_fold_are_escaped(tmp_path, char):
    for item in ("first", "second", "third"):
        value = f"قبل{char}بعد"
        out = edit(tmp_path, AXIS, lambda d, i=item, v=value: d.set_text(text_of(d, i), v))
        assert char not in out
        index = ["first", "second", "third"].index(item)
        assert yaml.safe_load(out)["recommendations"][index]["text"] == value


def test_a_comment_above_an_item_moves_with_it(tmp_path):
    def change(d: YamlFile) -> None:
        seq, index = d.find_item("second")
        block = d.remove_item(seq, index)
        d.insert_lines(seq, 3, block)

    out = edit(tmp_path, AXIS, change)
    assert out.endswith("  # A comment between items.\n  - id: second\n    text: 'النص الثاني'\n")
    assert out.count("# A comment between items.") == 1


def test_lines_moved_from_an_lf_file_take_a_crlf_files_line_ends(tmp_path):
    path = tmp_path / "crlf.yaml"
    path.write_bytes(AXIS.replace("\n", "\r\n").encode())
    doc = YamlFile.read(path, "crlf.yaml")
    seq, _ = doc.find_item("first")
    doc.insert_lines(seq, 3, doc.reindent("  - id: moved\n    text: نقل\n", seq))
    out = doc.result_bytes()
    assert b"\n" not in out.replace(b"\r\n", b"")
    assert yaml.safe_load(out)["recommendations"][3] == {"id": "moved", "text": "نقل"}


def test_a_new_item_takes_its_neighbours_quoting(tmp_path):
    text = AXIS.replace('"النص الأول"', "النص الأول").replace("'النص الثاني'", "النص الثاني")

    def change(d: YamlFile) -> None:
        seq, _ = d.find_item("third")
        d.insert_lines(seq, 3, d.new_item(seq, [("id", "fourth"), ("text", "رابع")]))

    assert edit(tmp_path, text, change).endswith("  - id: fourth\n    text: رابع\n")


# -- one composition: list edits on the nodes of the text edits (issue 21) ---------------------


def _nodes(node):
    yield node
    if isinstance(node, yaml.MappingNode):
        for key, value in node.value:
            yield from _nodes(key)
            yield from _nodes(value)
    elif isinstance(node, yaml.SequenceNode):
        for value in node.value:
            yield from _nodes(value)


@pytest.mark.parametrize(
    "values",
    [
        {"first": "أقصر", "second": "نص: يحتاج علامات", "third": 'it\'s "quoted" \\ here'},
        {"second": "سطر\nبفاصل", "third": "x\u2028y"},  # written escaped, on one line
    ],
)
def test_shifted_nodes_stand_where_a_new_composition_puts_them(tmp_path, values):
    path = tmp_path / "axis.yaml"
    path.write_text(AXIS, "utf-8")
    doc = YamlFile.read(path, str(path))
    for item, value in values.items():
        doc.set_text(text_of(doc, item), value)
    after = doc.after_texts()
    assert after.root is doc.root  # not composed again
    fresh = YamlFile.read_text(after.text, "fresh")
    pairs = list(zip(_nodes(after.root), _nodes(fresh), strict=True))
    assert len(pairs) > 20
    for old, new in pairs:
        assert after._start(old) == new.start_mark.index
        assert after._index(old.end_mark.index) == new.end_mark.index
        assert old.start_mark.line == new.start_mark.line
        if isinstance(old, yaml.ScalarNode):
            assert after._style(old) == (new.style or None)
    # The list edits made on the shifted nodes give what they give on a new reading.
    seq, _index = after.find_item("first")
    after.insert_lines(seq, 3, after.remove_item(seq, 0))
    after.insert_lines(seq, 2, after.new_item(seq, [("id", "new"), ("text", "جديد")]))
    data = yaml.safe_load(after.result())
    assert [r["id"] for r in data["recommendations"]] == ["second", "new", "third", "first"]
    assert {r["id"]: r["text"] for r in data["recommendations"]}["first"] == values.get(
        "first", "النص الأول"
    )


def test_a_change_across_lines_is_composed_again(tmp_path):
    text = AXIS.replace('    text: "النص الأول"\n', "    text: |-\n      سطر أول\n      سطر ثان\n")
    path = tmp_path / "axis.yaml"
    path.write_text(text, "utf-8")
    doc = YamlFile.read(path, str(path))
    doc.set_text(text_of(doc, "first"), "سطر أول\nسطر ثان\nسطر ثالث")
    after = doc.after_texts()
    assert after.root is not doc.root
    # A line more above it: the second item starts on line 12, not 11 as read.
    assert after.line_of(after.find_item("second")[0].value[1]) == 12
