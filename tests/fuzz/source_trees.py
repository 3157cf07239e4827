"""Hostile source trees: mutations of a copy of the shipped sources, by category.

Each mutation takes the tree and a seeded random generator, so a case is replayed
exactly from (categories, seed). The categories are those of the hostile-input issue:
YAML nesting and aliases, escaped characters, duplicate and misplaced files, special
files, odd names and extensions, and plain byte damage.
"""

from __future__ import annotations

import os
import random
import re
import shutil
import socket
from collections.abc import Callable
from pathlib import Path

from tests.conftest import SOURCES

#: Characters written as YAML escapes that checks must see decoded (issue 10, 1).
ESCAPES = [
    "\\x01", "\\x00", "\\x1b", "\\x7f", "\\uFFFE", "\\uFFFF", "\\u202E", "\\u202B",
    "\\uFE8D", "\\u200B", "\\u200F", "\\uFEFF", "\\uD800", "\\U0001F600", "\\N", "\\_",
    "\\L", "\\P", "\\e", "\\a",
]  # fmt: skip
ODD_TEXT = [
    "\u0000", "\ufffe", "\u202e", "\ufe8d", "\u200b", "\x85", "\u2028", "'", '"', ":",
    "- ", "#", "&a", "*a", "!!python/object:os.system", "!!binary", "{", "[", "%", "@",
    "`", "|", ">", "\t", "\r", "\r\n", "..." , "---", "\\", "ﷺ", "ـــ", "\U0010ffff",
]  # fmt: skip


def yaml_files(tree: Path) -> list[Path]:
    return sorted(p for p in tree.rglob("*") if p.is_file() and p.suffix in (".yaml", ".yml"))


def _pick(tree: Path, rng: random.Random) -> Path:
    return rng.choice(yaml_files(tree) or [tree / "report.yaml"])


def _scalar_lines(text: str) -> list[int]:
    lines = text.splitlines()
    return [i for i, line in enumerate(lines) if re.match(r"^\s*(- )?[A-Za-z_]+: \S", line)]


def _set_value(path: Path, rng: random.Random, value: str) -> None:
    if not path.is_file():
        return
    lines = path.read_text(encoding="utf-8", errors="surrogateescape").splitlines()
    candidates = _scalar_lines("\n".join(lines))
    if not candidates:
        return
    index = rng.choice(candidates)
    key = lines[index].split(":", 1)[0]
    lines[index] = f"{key}: {value}"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8", errors="surrogateescape")


def escaped_characters(tree: Path, rng: random.Random) -> None:
    escape = rng.choice(ESCAPES)
    word = rng.choice(["", "نص ", "text "])
    _set_value(_pick(tree, rng), rng, f'"{word}{escape}{word}"')


def odd_text(tree: Path, rng: random.Random) -> None:
    text = "".join(rng.choice(ODD_TEXT) for _ in range(rng.randint(1, 4)))
    path = _pick(tree, rng)
    data = path.read_text(encoding="utf-8", errors="surrogateescape")
    at = rng.randint(0, len(data))
    path.write_text(data[:at] + text + data[at:], encoding="utf-8", errors="surrogatepass")


def deep_nesting(tree: Path, rng: random.Random) -> None:
    depth = rng.choice([100, 500, 1000, 5000, 20000])
    opener, closer = rng.choice([("[", "]"), ("{a: ", "}"), ("- ", "")])
    if closer == "":
        body = "".join("  " * i + "-\n" for i in range(min(depth, 2000))) + "  " * depth + "x\n"
    else:
        body = opener * depth + "1" + closer * depth + "\n"
    _set_value(_pick(tree, rng), rng, body if opener != "- " else "\n" + body)


def aliases(tree: Path, rng: random.Random) -> None:
    value = rng.choice(
        [
            "&r [*r]",
            "&r {a: *r}",
            "&a [1, 2]\nother: *a",
            "*undefined",
            "&a x\nb: &a y",
            "!!python/object/apply:os.system ['true']",
            "!!binary aGVsbG8=",
            "!custom 1",
            "&a [" + ",".join(["x"] * 50) + "]\nb: [" + ",".join(["*a"] * 50) + "]",
        ]
    )
    _set_value(_pick(tree, rng), rng, value)


def wrong_types(tree: Path, rng: random.Random) -> None:
    value = rng.choice(
        ["null", "~", "[]", "{}", "true", "0", "-1", "1e400", "9" * 400, "2022-02-30",
         "0000-00-00", "9999-12-31", "2022-06-08T10:00:00", "[1, [2, [3]]]", "{a: b}", "''",
         "'   '", ".nan", ".inf", "0x1F", "0o17", "1_000"]
    )  # fmt: skip
    _set_value(_pick(tree, rng), rng, value)


def duplicate_kind(tree: Path, rng: random.Random) -> None:
    source = rng.choice([tree / "report.yaml", tree / "consultations.yaml", _pick(tree, rng)])
    if source.is_file():
        twin = source.with_suffix(".yml" if source.suffix == ".yaml" else ".yaml")
        shutil.copyfile(source, twin)


def duplicate_keys(tree: Path, rng: random.Random) -> None:
    path = _pick(tree, rng)
    lines = path.read_text(encoding="utf-8").splitlines()
    candidates = _scalar_lines("\n".join(lines))
    if candidates:
        index = rng.choice(candidates)
        lines.insert(index + 1, lines[index])
        path.write_text("\n".join(lines) + "\n", encoding="utf-8")


def folder_for_file(tree: Path, rng: random.Random) -> None:
    target = rng.choice([tree / "report.yaml", tree / "consultations.yaml", _pick(tree, rng)])
    if target.exists() and not target.is_dir():
        target.unlink()
    target.mkdir(exist_ok=True)
    if rng.random() < 0.5:
        (target / "inner.yaml").write_text("id: x\n", encoding="utf-8")


def file_for_folder(tree: Path, rng: random.Random) -> None:
    folder = tree / rng.choice(["meetings", "axes"])
    if folder.is_dir():
        shutil.rmtree(folder)
    folder.write_text("id: x\n", encoding="utf-8")


def symlinks(tree: Path, rng: random.Random) -> None:
    choice = rng.randrange(5)
    meetings = tree / "meetings"
    if not meetings.is_dir():
        return
    if choice == 0:
        (meetings / "loop.yaml").symlink_to("loop.yaml")
    elif choice == 1:
        (meetings / "sub").symlink_to("..")
    elif choice == 2:
        (meetings / "outside.yaml").symlink_to("/etc/hostname")
    elif choice == 3:
        (meetings / "dangling.yaml").symlink_to("missing.yaml")
    else:
        (tree / "axes" / "again.yaml").symlink_to(os.path.abspath(_pick(tree, rng)))


def special_files(tree: Path, rng: random.Random) -> None:
    folder = tree / rng.choice(["meetings", "axes", "."])
    if not folder.is_dir():
        return
    name = rng.choice(["pipe.yaml", "pipe", "x.yml"])
    kind = rng.randrange(3)
    if kind == 0:
        os.mkfifo(folder / name)
    elif kind == 1:
        # A socket path must stay short (108 bytes): bind from inside the folder.
        here = os.getcwd()
        os.chdir(folder)
        try:
            sock = socket.socket(socket.AF_UNIX)
            sock.bind(name)
            sock.close()
        finally:
            os.chdir(here)
    else:
        os.symlink("/dev/zero", folder / name)


def odd_names(tree: Path, rng: random.Random) -> None:
    meetings = tree / "meetings"
    if not meetings.is_dir():
        return
    sources = [p for p in meetings.iterdir() if p.is_file()]
    if not sources:
        return
    source = rng.choice(sources)
    name = rng.choice(
        [b"caf\xe9.yaml", b"\xff\xfe.yaml", b"oujda.YAML", b"oujda.Yml", b"x.yaml.bak",
         b"x.yml~", b".hidden.yaml", b"x.json", b"x", b" .yaml", b"-.yaml", b"x\nb.yaml",
         "وجدة.yaml".encode(), b"x.yaml\xe9"]
    )  # fmt: skip
    os.rename(source, os.path.join(os.fsencode(meetings), name))


def byte_damage(tree: Path, rng: random.Random) -> None:
    path = _pick(tree, rng)
    data = bytearray(path.read_bytes())
    for _ in range(rng.randint(1, 8)):
        if not data:
            break
        at = rng.randrange(len(data))
        action = rng.randrange(3)
        if action == 0:
            data[at] = rng.randrange(256)
        elif action == 1:
            del data[at : at + rng.randint(1, 40)]
        else:
            data[at:at] = bytes(rng.randrange(256) for _ in range(rng.randint(1, 6)))
    path.write_bytes(bytes(data))


def truncation(tree: Path, rng: random.Random) -> None:
    path = _pick(tree, rng)
    data = path.read_bytes()
    path.write_bytes(data[: rng.randint(0, len(data))])


def encodings(tree: Path, rng: random.Random) -> None:
    path = _pick(tree, rng)
    text = path.read_text(encoding="utf-8")
    choice = rng.randrange(4)
    if choice == 0:
        path.write_bytes(b"\xef\xbb\xbf" + text.encode())
    elif choice == 1:
        path.write_bytes(text.encode("utf-16"))
    elif choice == 2:
        path.write_bytes(text.replace("\n", "\r\n").encode())
    else:
        path.write_bytes(text.encode("utf-8").replace(b"\n", b"\r"))


def empty_tree(tree: Path, rng: random.Random) -> None:
    victim = rng.choice([tree / "meetings", tree / "axes", tree / "report.yaml"])
    if victim.is_dir():
        for child in victim.iterdir():
            child.unlink()
    elif victim.exists():
        victim.write_bytes(b"")


MUTATIONS: dict[str, Callable[[Path, random.Random], None]] = {
    f.__name__: f
    for f in (
        escaped_characters, odd_text, deep_nesting, aliases, wrong_types, duplicate_kind,
        duplicate_keys, folder_for_file, file_for_folder, symlinks, special_files, odd_names,
        byte_damage, truncation, encodings, empty_tree,
    )
}  # fmt: skip


def mutated_tree(folder: Path, categories: list[str], seed: int) -> Path:
    tree = folder / "sources"
    shutil.copytree(SOURCES, tree)
    rng = random.Random(seed)
    for name in categories:
        try:
            MUTATIONS[name](tree, rng)
        except (OSError, UnicodeError):  # an earlier mutation left nothing for this one
            pass
    return tree
