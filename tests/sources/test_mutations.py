"""Mutated copies of the shipped sources: loading and checking never raise, and what
passes validation builds. Seeded, so a failure is reproducible; set
CMWREPORT_MUTATIONS=5000 for a longer run before a release."""

from __future__ import annotations

import os
import random
import shutil
from pathlib import Path

import pytest

from cmwreport import checks
from cmwreport.sources.load import load_sources
from tests.conftest import ROOT, SOURCES

#: What drafters and tools get wrong, and what an attacker would try.
TOKENS = [
    b"&a ", b"*a", b"[", b"]", b"{", b"}", b": ", b"- ", b"\n", b"\t", b'"', b"'",
    b"\\u202e", b"\\x01", b"\\uFFFE", b"!!binary ", b"!!python/name:os.system ", b"? ",
    b"|", b">", b"---\n", b"...\n", b"#", b"\xff", b"%YAML 1.1\n", b"&", b"!", b"null",
    b"~", b"2022-02-30", b"99999999999999999999", b"-1", b"\x00", b"\r",
    b"\xef\xbb\xbf", b"<<: *a\n", b"[" * 200, b"- " * 100,
]  # fmt: skip
CASES = int(os.environ.get("CMWREPORT_MUTATIONS", "120"))


def mutate(rng: random.Random, tree: Path) -> None:
    files = sorted(tree.rglob("*.yaml"))
    for _ in range(rng.randint(1, 3)):
        path = rng.choice(files)
        data = bytearray(path.read_bytes())
        for _ in range(rng.randint(1, 6)):
            at = rng.randrange(len(data) + 1)
            choice = rng.random()
            if choice < 0.4:
                data[at:at] = rng.choice(TOKENS)
            elif choice < 0.7:
                del data[at : at + rng.randint(1, 20)]
            else:
                data[at:at] = data[rng.randrange(len(data) or 1) :][: rng.randint(1, 60)]
        path.write_bytes(bytes(data))


@pytest.mark.parametrize("seed", range(4))
def test_mutated_trees_never_raise(tmp_path, seed):
    from cmwreport.build.merge import build

    rng = random.Random(seed)
    for case in range(CASES // 4):
        tree = tmp_path / f"case{case}"
        shutil.copytree(SOURCES, tree)
        mutate(rng, tree)
        result = checks.run(load_sources(tree))
        for d in result.diagnostics:
            assert d.line >= 1 and d.column >= 1 and "\n" not in d.message, d
        if result.sources is not None:
            build(result.sources, ROOT / "templates" / "periodic-report.docx", "template")
        shutil.rmtree(tree)
