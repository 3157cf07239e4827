"""A fuzzing campaign before a release: thousands of hostile source trees and drafts,
each failure counted by category and crash site instead of stopping at the first.

    .venv/bin/python scripts/fuzz.py --cases 3000 [--kind sources|drafts|both] [--seed N]

The same mutations and the same promises as the CI property tests (tests/fuzz/): exit
0, 1 or 2, no traceback, no input changed, no hang (CMWREPORT_FUZZ_TIME_LIMIT seconds,
default 10). Prints a summary and writes every failing case, replayable from its
categories and seed, to fuzz-report.json.
"""

from __future__ import annotations

import argparse
import collections
import json
import random
import re
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tests.fuzz import harness  # noqa: E402
from tests.fuzz.drafts import MUTATIONS as DRAFT_MUTATIONS  # noqa: E402
from tests.fuzz.drafts import mutated_draft  # noqa: E402
from tests.fuzz.source_trees import MUTATIONS as TREE_MUTATIONS  # noqa: E402
from tests.fuzz.source_trees import mutated_tree  # noqa: E402
from tests.fuzz.test_fuzz_sources import baseline  # noqa: E402

TEMPLATE = ROOT / "templates" / "periodic-report.docx"


def crash_site(outcome: harness.Outcome) -> str:
    """Exception type and the innermost cmwreport frame of a bug report."""
    match = re.search(r"traceback written to (\S+?);", outcome.err)
    where = ""
    if match and Path(match.group(1)).exists():
        text = Path(match.group(1)).read_text(encoding="utf-8", errors="replace")
        frames = re.findall(r'File "[^"]*/src/(cmwreport/[^"]+)", line (\d+), in (\S+)', text)
        if frames:
            file, line, function = frames[-1]
            where = f" at {file}:{line} ({function})"
    return f"{outcome.crash_type or 'exit ' + str(outcome.code)}{where}"


def one_tree(work: Path, categories: list[str], seed: int) -> list[tuple[str, str]]:
    tree = mutated_tree(work, categories, seed)
    before = harness.fingerprint(tree)
    found = []
    for args in (
        ("validate", tree),
        ("build", tree, "--template", TEMPLATE, "--out", work / "out"),
    ):
        outcome = harness.run(*args)
        if outcome.hung:
            found.append((args[0], "hang"))
        elif outcome.code not in (0, 1, 2) or "Traceback" in outcome.err:
            found.append((args[0], crash_site(outcome)))
    if harness.forbidden_characters(work / "out" / "CMW-C-MAR-2.docx") > baseline():
        found.append(("build", "forbidden characters written into Word"))
    if harness.fingerprint(tree) != before:
        found.append(("tree", "source tree changed"))
    return found


def one_draft(work: Path, base: Path, categories: list[str], seed: int) -> list[tuple[str, str]]:
    old = work / "old.docx"
    old.write_bytes(base.read_bytes())
    new = mutated_draft(base, work / "new.docx", categories, seed)
    before = old.read_bytes(), new.read_bytes()
    found = []
    for label, args in (
        ("diff json", ("diff", old, new, "--format", "json")),
        (
            "diff redline",
            ("diff", new, old, "--html", work / "c.html", "--redline", work / "r.docx"),
        ),
    ):
        start = time.monotonic()
        outcome = harness.run(*args)
        if outcome.hung:
            found.append((label, "hang"))
        elif outcome.code not in (0, 1, 2) or "Traceback" in outcome.err:
            found.append((label, crash_site(outcome)))
        elif time.monotonic() - start > 5:
            found.append((label, "slow (over 5 s)"))
    if (old.read_bytes(), new.read_bytes()) != before:
        found.append(("drafts", "a draft changed"))
    return found


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cases", type=int, default=1000)
    parser.add_argument("--kind", choices=["sources", "drafts", "both"], default="both")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--report", type=Path, default=Path("fuzz-report.json"))
    options = parser.parse_args()
    harness.TIME_LIMIT = float(__import__("os").environ.get("CMWREPORT_FUZZ_TIME_LIMIT", 10))

    from tests import drafts as d

    rng = random.Random(options.seed)
    kinds = ["sources", "drafts"] if options.kind == "both" else [options.kind]
    cases = collections.Counter()
    failing_cases = collections.Counter()
    sites: dict[tuple[str, str, str], list] = collections.defaultdict(list)
    started = time.monotonic()
    with tempfile.TemporaryDirectory(prefix="cmwreport-fuzz-base-") as base_dir:
        base = d.make_draft(Path(base_dir) / "base.docx")
        for number in range(options.cases):
            kind = kinds[number % len(kinds)]
            names = sorted(TREE_MUTATIONS if kind == "sources" else DRAFT_MUTATIONS)
            # Mostly one category per case, so a failure is attributed to it.
            categories = [rng.choice(names) for _ in range(1 if rng.random() < 0.8 else 2)]
            seed = rng.randrange(2**32)
            with tempfile.TemporaryDirectory(prefix="cmwreport-fuzz-") as work:
                try:
                    if kind == "sources":
                        found = one_tree(Path(work), categories, seed)
                    else:
                        found = one_draft(Path(work), base, categories, seed)
                except Exception as exc:  # the harness's own failure: counted, not fatal
                    found = [("harness", f"{type(exc).__name__}: {exc}"[:120])]
            cases[kind] += 1
            if found:
                failing_cases[kind] += 1
            for command, site in found:
                sites[(kind, "+".join(categories), f"{command}: {site}")].append(seed)
            if (number + 1) % 200 == 0:
                print(f"{number + 1} cases, {sum(failing_cases.values())} failing", flush=True)
    elapsed = time.monotonic() - started
    print(
        f"\n{sum(cases.values())} cases in {elapsed:.0f} s: "
        + ", ".join(f"{kind} {cases[kind]} ({failing_cases[kind]} failing)" for kind in kinds)
    )
    for (kind, categories, site), seeds in sorted(sites.items()):
        print(f"  {len(seeds):4d}  {kind:7s}  {categories:32s}  {site}")
    options.report.write_text(
        json.dumps(
            [
                {"kind": k, "categories": c.split("+"), "failure": s, "seeds": seeds}
                for (k, c, s), seeds in sorted(sites.items())
            ],
            indent=1,
        ),
        encoding="utf-8",
    )
    return 1 if sites else 0


if __name__ == "__main__":
    sys.exit(main())
