"""The differential oracle of `plainyaml`: its tree against the PyYAML composer's.

Shared by tests/sources/test_plainyaml.py and by hand runs on large generated trees
(`python -m tests.sources.plainyaml_oracle DIR...`).
"""

from __future__ import annotations

import random
import sys
from pathlib import Path

from cmwreport.sources import plainyaml
from cmwreport.sources.yamlsafe import FileReader, Node

_FIELDS = ("kind", "tag", "line", "column", "end_line", "start", "end", "text", "style")


def _shape(node: Node, path: str, paths: dict[int, str], seen: set[int]) -> tuple:
    """Every field of every node, recursively; `paths` maps each node to where it is."""
    if id(node) in seen:
        raise AssertionError(f"node shared at {path}")
    seen.add(id(node))
    paths[id(node)] = path
    fields = tuple(getattr(node, name) for name in _FIELDS)
    items = tuple(_shape(item, f"{path}[{i}]", paths, seen) for i, item in enumerate(node.items))
    entries = tuple(
        (
            name,
            _shape(key, f"{path}.{name}:key", paths, seen),
            _shape(value, f"{path}.{name}", paths, seen),
        )
        for name, (key, value) in node.entries.items()
    )
    return fields, items, entries


def compare(text: str) -> str | None:
    """None when `plainyaml` declines; "equal" when its tree and text values are the
    composer's, field by field; otherwise what differs (an AssertionError)."""
    fast = plainyaml.read(text)
    if fast is None:
        return None
    reader = FileReader(Path("x.yaml"), "x.yaml")
    slow = reader.compose_pyyaml(text)
    if reader.diagnostics or slow is None:
        raise AssertionError(f"read a file PyYAML reports: {reader.diagnostics}\n{text!r}")
    fast_paths: dict[int, str] = {}
    slow_paths: dict[int, str] = {}
    fast_shape = _shape(fast[0], "", fast_paths, set())
    slow_shape = _shape(slow, "", slow_paths, set())
    if fast_shape != slow_shape:
        raise AssertionError(f"trees differ:\n{text!r}\n{fast_shape}\n{slow_shape}")
    fast_strings = [fast_paths[id(node)] for node in fast[1]]
    slow_strings = [slow_paths[id(node)] for node in reader.strings]
    if fast_strings != slow_strings:
        raise AssertionError(f"text values differ:\n{text!r}\n{fast_strings}\n{slow_strings}")
    return "equal"


#: Characters that mean something to YAML, and line breaks it knows besides LF.
SIGNIFICANT = list(":#-[]{}'\"&*!|>%@\t,?~\\ ") + ["\r", "\r\n", "\x85", "\u2028", "\ufeff", "\x00"]
#: Values whose tag depends on PyYAML's resolvers, and other odd one-line values.
VALUES = [
    "yes", "No", "ON", "off", "y", "true", "False", "0x1F", "0o17", "017", "0b101", "+12",
    "-0", "1_000", "1:30", "190:20:30", "1.5", "1e3", "1.5e+3", "-.INF", ".nan", ".5",
    "~", "null", "Null", "", "2002-12-14", "2001-12-14t21:59:43.10-05:00",
    "2001-12-14 21:59:43.10 -5", "<<", "=", "a:b", "C#", "a #b", "-x", "- x", "?x", ":x",
    '"a\\u00e9\\x41\\U0001F600"', '"\\ud800"', '"a\\/b\\"c\\\\"', '"\\q"', "'it''s'",
    "[a, \"b\", 'c']", "[]", "[ ]", "[1,2 , 3]", "[1, 2,]", "[a b]", "[[1]]", "{a: 1}",
    "&a x", "*a", "!!str 1", "|", ">-", '"open', "'open", "x: y", "x:", "a\xa0b", "\xa0",
    "[a]  # c", '"x" # c', '"x"#c', "1 # c", "#c", "a  b", "'a' b", "[أ, ب, هـ]",
    "[الحادي عشر, ثانياً]", "[أ  ب]", "[أa, b]", "[\xa0أ]", "[أ,]", "[ أ ]",
]  # fmt: skip


def mutations(text: str, rng: random.Random, count: int) -> list[str]:
    """`count` damaged copies of (a slice of) `text`."""
    lines = text.split("\n")
    out = []
    for _ in range(count):
        start = rng.randrange(len(lines))
        window = lines[start : start + rng.randint(3, 25)] if rng.random() < 0.7 else lines[:]
        if rng.random() < 0.5 and start > 0:
            window = lines[:2] + window  # keep a root at column 0 half the time
        kind = rng.randrange(9)
        at = rng.randrange(len(window))
        line = window[at]
        if kind == 0:
            del window[at]
        elif kind == 1:
            window.insert(at, line)
        elif kind == 2:
            change = rng.choice([-2, -1, 1, 2, 4])
            window[at] = " " * change + line if change > 0 else line[-change:]
        elif kind in (3, 4):
            char = rng.choice(SIGNIFICANT)
            where = rng.randint(0, len(line))
            end = where + (kind == 4)
            window[at] = line[:where] + char + line[end:]
        elif kind == 5:
            head, colon, _ = line.partition(": ")
            if colon:
                window[at] = head + colon + rng.choice(VALUES)
            else:
                window[at] = line + rng.choice(VALUES)
        elif kind == 6:
            joined = "\n".join(window)
            out.append(joined[: rng.randint(0, len(joined))])
            continue
        elif kind == 7:
            out.append("\r\n".join(window))
            continue
        else:
            window.insert(at, rng.choice(["- x", "  - y", "k: v", "k:", "#", "  ", "..."]))
        out.append("\n".join(window))
    return out


def main(folders: list[str]) -> None:
    counts = {"files": 0, "files declined": 0, "mutations": 0, "declined": 0}
    rng = random.Random(1)
    for folder in folders:
        for path in sorted(Path(folder).rglob("*.y*ml")):
            text = path.read_text(encoding="utf-8")
            counts["files"] += 1
            if compare(text) is None:
                counts["files declined"] += 1
                print("declined:", path)
            for mutant in mutations(text, rng, 50):
                counts["mutations"] += 1
                counts["declined"] += compare(mutant) is None
    print(counts)


if __name__ == "__main__":
    main(sys.argv[1:])
