"""Surgical edits of one YAML source file: a changed text, a removed, added or moved item.

Why not a round-trip library (ruamel.yaml): it re-emits the whole file, and even
configured carefully it re-flows long lines, re-indents sequences and normalises
quoting. A drafter's file must keep every byte they did not ask to change, so we
compose the file with PyYAML (whose marks give each node's exact character range),
splice new text into just that range, in the scalar's own quoting style. Each file is
composed once: after the changed texts, the lists are edited on the same nodes, their
places shifted by what the texts added (composed again only when a change spans lines),
and the result is read back by the check of the sources absorb would write.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from cmwreport.absorb import yaml_text as yt
from cmwreport.absorb.errors import YamlEditError
from cmwreport.i18n import _

__all__ = ["YamlEditError", "YamlFile"]


@dataclass
class Splice:
    start: int
    end: int
    text: str
    #: The scalar whose text this is (None: whole lines), and whether both its old and
    #: its new text are on one line.
    scalar: yaml.ScalarNode | None = None
    one_line: bool = False


@dataclass
class YamlFile:
    path: Path
    shown: str
    text: str
    #: A UTF-8 byte order mark the file started with, kept as it was.
    bom: bool = False
    root: yaml.Node | None = None
    splices: list[Splice] = field(default_factory=list)
    #: A text whose nodes are those of an earlier text (`after_texts`): that text, where
    #: each earlier splice ended, and how far it moved what follows; and the style each
    #: changed scalar now has, by where it starts there.
    _source: str | None = field(default=None, repr=False)
    _ends: list[int] = field(default_factory=list, repr=False)
    _shifts: list[int] = field(default_factory=list, repr=False)
    _styles: dict[int, str | None] = field(default_factory=dict, repr=False)
    _seen_styles: dict[tuple[int, str], set] = field(default_factory=dict, repr=False)
    #: Each item id -> its sequence and index, found in one walk of `root` (never changed:
    #: edits are splices of the text).
    _items: dict[str, tuple[yaml.SequenceNode, int]] | None = field(default=None, repr=False)

    @classmethod
    def read(cls, path: Path, shown: str) -> YamlFile:
        raw = path.read_bytes()
        bom = raw.startswith(b"\xef\xbb\xbf")
        text = raw[3 if bom else 0 :].decode("utf-8")
        out = cls(path, shown, text, bom)
        out.root = yt.compose(text, shown)
        return out

    @staticmethod
    def read_text(text: str, shown: str) -> yaml.Node:
        return yt.compose(text, shown)

    def after_texts(self) -> YamlFile:
        """The file with its splices made, for the next edits: on the same nodes when
        every splice was a one-line scalar for a one-line scalar (lines and the other
        values unchanged, places shifted), composed again otherwise."""
        out = YamlFile(self.path, self.shown, self.result(check=False), self.bom)
        if not all(sp.scalar and sp.one_line for sp in self.splices):
            out.root = yt.compose(out.text, self.shown)
            return out
        out.root, out._source = self.root, self.text if self._source is None else self._source
        shift = 0
        for sp in sorted(self.splices, key=lambda sp: sp.start):
            shift += len(sp.text) - (sp.end - sp.start)
            out._ends.append(sp.end)
            out._shifts.append(shift)
            out._styles[sp.start] = yt.style_of(sp.text)
        return out

    def drop_nodes(self) -> None:
        """Forget the nodes (a long report's sources: one file's at a time); composed again
        from the same text when next asked for, they are the same nodes."""
        self.root, self._items, self._seen_styles = None, None, {}

    def _nodes(self) -> yaml.Node:
        if self.root is None:
            self.root = yt.compose(self.text if self._source is None else self._source, self.shown)
        return self.root

    def _index(self, index: int) -> int:
        """A place in the text read, in this text."""
        n = bisect.bisect_right(self._ends, index)
        return index + (self._shifts[n - 1] if n else 0)

    def _start(self, node: yaml.Node) -> int:
        return self._index(node.start_mark.index)

    def _style(self, node: yaml.ScalarNode) -> str | None:
        return self._styles.get(node.start_mark.index, node.style) or None

    # -- finding -------------------------------------------------------------------

    def find_item(self, item_id: str) -> tuple[yaml.SequenceNode, int] | None:
        """The block sequence holding the mapping whose `id` is `item_id`, and its index."""
        if self._items is None:
            self._items = _items(self._nodes())
        return self._items.get(item_id)

    def field_node(self, path: tuple[str | int, ...]) -> yaml.Node | None:
        """A node by its path of keys and indexes from the root."""
        node = self._nodes()
        for step in path:
            if isinstance(step, int):
                if not isinstance(node, yaml.SequenceNode) or step >= len(node.value):
                    return None
                node = node.value[step]
            else:
                if not isinstance(node, yaml.MappingNode):
                    return None
                node = _get(node, step)
                if node is None:
                    return None
        return node

    def line_of(self, node: yaml.Node) -> int:
        return node.start_mark.line + 1  # lines never move under shifted nodes

    # -- editing ---------------------------------------------------------------------

    def set_text(self, node: yaml.Node, value: str) -> None:
        if not isinstance(node, yaml.ScalarNode):
            raise YamlEditError(
                _("{where}: expected a text here, found a list or mapping", where=self._at(node))
            )
        assert not self._ends, "texts are set before lists are edited"
        start, end = node.start_mark.index, node.end_mark.index
        new = self._scalar(node, value)
        one_line = not any(b in new or b in self.text[start:end] for b in yt.LINE_BREAKS)
        self.splices.append(Splice(start, end, new, node, one_line))

    def set_list(self, mapping: yaml.MappingNode, key: str, values: list[str]) -> None:
        """An item's list of texts (`footnotes:`) set to `values`: its lines replaced,
        added after the item's last line, or removed when `values` is empty."""
        assert not self._ends, "texts are set before lists are edited"
        pad = " " * mapping.value[0][0].start_mark.column
        nl = self._newline()
        lines = f"{pad}{key}:{nl}" + "".join(f"{pad}  - {yt.double(v)}{nl}" for v in values)
        for k, node in mapping.value:
            if k.value != key:
                continue
            if isinstance(node, yaml.SequenceNode) and node.flow_style and values:
                flow = "[" + ", ".join(yt.double(v) for v in values) + "]"
                self.splices.append(Splice(node.start_mark.index, node.end_mark.index, flow))
                return
            start = self.text.rfind("\n", 0, k.start_mark.index) + 1
            last = self.text.find("\n", _last_index(node))
            end = len(self.text) if last < 0 else last + 1
            self.splices.append(Splice(start, end, lines if values else ""))
            return
        if values:
            last = self.text.find("\n", _last_index(mapping))
            at = len(self.text) if last < 0 else last + 1
            if at == len(self.text) and not self.text.endswith("\n"):
                lines = nl + lines
            self.splices.append(Splice(at, at, lines))

    def remove_item(self, seq: yaml.SequenceNode, index: int) -> str:
        """Remove an item's lines; return them (for a move)."""
        start, end = self._item_lines(seq, index)
        block = self.text[start:end]
        self.splices.append(Splice(start, end, ""))
        return block

    def insert_lines(self, seq: yaml.SequenceNode, index: int, block: str) -> None:
        """Insert whole item lines so they become item `index` of `seq`."""
        self._block_sequence(seq)
        if index < len(seq.value):
            at = self._item_lines(seq, index)[0]
        else:
            at = self._item_lines(seq, len(seq.value) - 1)[1]
            if at == len(self.text) and not self.text.endswith("\n"):
                block = self._newline() + block
        self.splices.append(Splice(at, at, block))

    def new_item(self, seq: yaml.SequenceNode, fields: list[tuple[str, str]]) -> str:
        """The lines of a new mapping item laid out like its siblings, its text quoted as
        theirs is (double quotes when they differ, or the text needs them)."""
        dash = self._block_sequence(seq)
        pad = " " * dash
        lines = []
        for n, (key, value) in enumerate(fields):
            lead = f"{pad}- " if n == 0 else f"{pad}  "
            shown = value if key == "id" else self._like_siblings(seq, key, value)
            lines.append(f"{lead}{key}: {shown}")
        return "".join(line + self._newline() for line in lines)

    def _like_siblings(self, seq: yaml.SequenceNode, key: str, value: str) -> str:
        styles = self._seen_styles.get((id(seq), key))
        if styles is None:  # once per list: its nodes stay as read while lines are added
            styles = self._seen_styles[(id(seq), key)] = {
                self._style(node)
                for item in seq.value
                if isinstance(item, yaml.MappingNode)
                for node in [_get(item, key)]
                if isinstance(node, yaml.ScalarNode)
            }
        safe = not any(ch in value for ch in yt.BREAKS) and "\n" not in value
        if styles == {None} and safe and yt.plain_ok(value):
            return value
        if styles == {"'"} and safe:
            return "'" + value.replace("'", "''") + "'"
        return yt.double(value)

    def reindent(self, block: str, seq: yaml.SequenceNode) -> str:
        """Item lines taken from another sequence, shifted to this one's indentation."""
        dash = self._block_sequence(seq)
        first = next((ln for ln in block.splitlines() if ln.lstrip().startswith("-")), "")
        shift = dash - (len(first) - len(first.lstrip(" ")))
        out = []
        nl = self._newline()  # the file's own line ends, whatever the other file's
        for line in block.splitlines():
            if shift >= 0:
                out.append(" " * shift + line if line.strip() else line)
            else:
                cut = min(-shift, len(line) - len(line.lstrip(" ")))
                out.append(line[cut:])
        return "".join(line + nl for line in out)

    def result(self, check: bool = True) -> str:
        """The file's new text, checked (unless the caller composes it next) to compose."""
        text = self.text
        # From the end backwards, so earlier offsets stay true; of two insertions at one
        # place, the later one goes in first, leaving them in the order they were asked.
        ordered = [
            sp
            for _k, sp in sorted(
                (((sp.start, sp.end, n), sp) for n, sp in enumerate(self.splices)),
                key=lambda pair: pair[0],
                reverse=True,
            )
        ]
        last_start = None
        for splice in ordered:
            if last_start is not None and splice.end > last_start:
                raise YamlEditError(
                    _("{file}: two edits overlap; absorb them one at a time", file=self.shown)
                )
            text = text[: splice.start] + splice.text + text[splice.end :]
            last_start = splice.start
        if check and self.splices:
            yt.compose(text, self.shown)
        return text

    def result_bytes(self, check: bool = True) -> bytes:
        """`check=False`: the caller reads the result back itself (absorb's check of the
        sources it would write)."""
        text = self.result(check=check)
        return (b"\xef\xbb\xbf" if self.bom else b"") + text.encode("utf-8")

    # -- layout ------------------------------------------------------------------------

    def _newline(self) -> str:
        return "\r\n" if "\r\n" in self.text else "\n"

    def _at(self, node: yaml.Node) -> str:
        start = self._start(node)
        column = start - (self.text.rfind("\n", 0, start) + 1)
        return f"{self.shown}:{node.start_mark.line + 1}:{column + 1}"

    def _block_sequence(self, seq: yaml.SequenceNode) -> int:
        """The column of the sequence's dashes; refuses flow sequences ([a, b])."""
        if seq.flow_style or not seq.value:
            raise YamlEditError(
                _(
                    "{where}: absorb edits lists written one item per line ('- '); "
                    "rewrite this list that way, then absorb again",
                    where=self._at(seq),
                )
            )
        item_start = self._start(seq.value[0])
        line_start = self.text.rfind("\n", 0, item_start) + 1
        dash = self.text.rfind("-", line_start, item_start)
        return dash - line_start

    def _item_lines(self, seq: yaml.SequenceNode, index: int) -> tuple[int, int]:
        """From the start of the item's `- ` line to the end of its last value's line."""
        self._block_sequence(seq)
        item = seq.value[index]
        start = self.text.rfind("\n", 0, self._start(item)) + 1
        # Comment lines right above the item (no blank line between) are about it.
        while start > 0:
            above = self.text.rfind("\n", 0, start - 1) + 1
            if not self.text[above:start].strip().startswith("#"):
                break
            start = above
        end_index = self._index(_last_index(item))
        newline = self.text.find("\n", end_index)
        # A comment at the end of the item's last line goes with the item.
        end = len(self.text) if newline < 0 else newline + 1
        return start, end

    def _scalar(self, node: yaml.ScalarNode, value: str) -> str:
        style = node.style or None  # libyaml says "" for plain, PyYAML None
        foldable = not any(ch in value for ch in yt.BREAKS)
        if style == "'" and "\n" not in value and foldable and yt.one_line(self.text, node):
            return "'" + value.replace("'", "''") + "'"
        if style is None and foldable and yt.plain_ok(value) and yt.one_line(self.text, node):
            return value
        if style in ("|", ">"):
            block = self._block(node, value, style) if foldable else None
            # A block value's range runs to the next line: keep its end and blank lines.
            return block if block is not None else yt.double(value) + self._tail(node)
        return yt.double(value)

    def _tail(self, node: yaml.ScalarNode) -> str:
        body = self.text[node.start_mark.index : node.end_mark.index]
        return body[len(body.rstrip("\r\n ")) :]

    def _block(self, node: yaml.ScalarNode, value: str, style: str) -> str | None:
        """The value in the node's own block style (`|` or `>`), its header's comment
        and the blank lines after it kept; None if that style cannot say it."""
        start = node.start_mark.index
        header_end = self.text.find("\n", start)
        header = self.text[start:header_end].rstrip("\r")
        indicators = re.match(r"[|>][-+]?[0-9]?[-+]?", header)
        comment = header[indicators.end() :] if indicators else ""
        body = self.text[header_end + 1 : node.end_mark.index]
        first = next((ln for ln in body.splitlines() if ln.strip()), "  ")
        pad = first[: len(first) - len(first.lstrip(" "))] or "  "
        tail = self._tail(node)  # the last line's end and the blank lines after it
        nl = self._newline()
        kept = value.rstrip("\n")
        ends = len(value) - len(kept)
        chomp = "-" if ends == 0 else ("" if ends == 1 else "+")
        if not kept or kept != kept.strip(" ") and style == ">":
            return None
        lines = kept.split("\n")
        if style == ">":
            if any(ln.startswith((" ", "\t")) for ln in lines):
                return None  # more-indented lines keep their breaks: say it plainly
            lines = [x for ln in lines for x in (ln, "")][:-1]  # a break is a blank line
        out = style + chomp + comment + nl + nl.join(pad + ln if ln else "" for ln in lines)
        out += tail if ends <= 1 else nl * (ends - 1) + tail
        try:
            back = yaml.safe_load("k: " + out)
        except yaml.YAMLError:
            return None
        return out if back == {"k": value} else None


def _items(root: yaml.Node) -> dict[str, tuple[yaml.SequenceNode, int]]:
    """Every mapping with an `id` in a sequence: id -> (the sequence, its index); of two
    with one id, the first met in this walk (the order a search for it would take)."""
    out: dict[str, tuple[yaml.SequenceNode, int]] = {}
    stack = [root]
    while stack:
        node = stack.pop()
        if isinstance(node, yaml.SequenceNode):
            for i, item in enumerate(node.value):
                if isinstance(item, yaml.MappingNode):
                    found = _get(item, "id")
                    if found is not None and isinstance(found.value, str):
                        out.setdefault(found.value, (node, i))
                stack.append(item)
        elif isinstance(node, yaml.MappingNode):
            stack.extend(v for _k, v in node.value)
    return out


def _get(mapping: yaml.MappingNode, key: str) -> yaml.Node | None:
    for k, v in mapping.value:
        if isinstance(k, yaml.ScalarNode) and k.value == key:
            return v
    return None


def _last_index(node: yaml.Node) -> int:
    """Where the last character of a node's own text is (block nodes' end marks run on)."""
    if isinstance(node, yaml.ScalarNode):
        return node.end_mark.index
    children = (
        [v for _k, v in node.value] if isinstance(node, yaml.MappingNode) else list(node.value)
    )
    if not children:
        return node.end_mark.index
    return _last_index(children[-1])
