"""Measure cmwreport against pandoc and python-redlines on one generated report.

    python bench/run.py --preset full --json results/full.json [--repeat 3]
    python bench/run.py --preset stress --json results/stress.json --baseline results/full.json

The steps of one run: generate two drafts' source trees (bench/generate.py), install
the cmwreport to measure (install.py: the wheel in a fresh venv by default), time each
command and its peer as separate processes (measure.py, peers.py), and print the table
(report.py). A command that does not exist yet, or fails, is reported as such and the
run goes on; a peer that is not installed is skipped with the way to install it. The
exit status is 0 whatever the timings: CI runs the `small` preset only to keep the bench
alive. See README.md for what each figure means and the targets.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import sys
import tempfile
from dataclasses import asdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import generate  # noqa: E402
import install  # noqa: E402
import peers  # noqa: E402
import report  # noqa: E402
from measure import Measure, failure, measure, progress, run_once, skipped  # noqa: E402
from report import growth  # noqa: E402, F401  (tests call run.growth)

REPO = Path(__file__).resolve().parent.parent
TEMPLATE = peers.TEMPLATE
REPEAT = {"small": 3, "full": 3, "stress": 1}


def cmwreport_cmd() -> list[str]:
    return install.editable()


class Bench:
    """One run: the trees and drafts it works on, and the figures measured so far."""

    def __init__(self, preset: str, seed: int, repeat: int, work: Path, timeout: float, cmw):
        self.preset, self.seed, self.repeat, self.work = preset, seed, repeat, work
        self.timeout, self.cmw = timeout, cmw
        self.peers = True
        self.m: dict[str, Measure] = {}
        self.result: dict = {"preset": preset, "seed": seed, "repeat": repeat}

    def time(self, name: str, steps, ok_exits=(0,), repeat: int | None = None) -> Measure:
        self.m[name] = measure(steps, repeat or self.repeat, ok_exits, timeout=self.timeout)
        return self.m[name]

    def trees(self) -> None:
        progress(f"generating {self.preset} trees (seed {self.seed}) in {self.work}")
        for stale in ("a", "b"):
            # A reused --workdir must not hand last run's drafts to a build that failed.
            shutil.rmtree(self.work / stale, ignore_errors=True)
        self.tree_a = generate.generate(self.preset, self.seed)
        self.tree_b = generate.edit(self.tree_a, 0.05)
        self.src_a = generate.write(self.tree_a, self.work / "a" / "sources")
        self.src_b = generate.write(self.tree_b, self.work / "b" / "sources")
        # Each draft's narrative is written into its own copy of the template, as
        # drafters do; the build then merges the sources into that.
        self.tpl_a = self.tpl_b = []
        if TEMPLATE.exists():
            for label, tree in (("a", self.tree_a), ("b", self.tree_b)):
                written = generate.write_template(tree, TEMPLATE, self.work / label / TEMPLATE.name)
                setattr(self, f"tpl_{label}", ["--template", str(written)])
        self.out_a, self.out_b = self.work / "a" / "out", self.work / "b" / "out"
        self.result["sources"] = {"words": generate.words(self.tree_a), **_counts(self.tree_a)}

    def start_up(self) -> None:
        progress("start-up: python -c pass, cmwreport --help, validate")
        run_once(self.cmw + ["--help"])  # a first run outside the timing (disk caches)
        starts = max(self.repeat, 5)
        self.time("python", [([sys.executable, "-c", "pass"], None)], repeat=starts)
        self.time("help", [(self.cmw + ["--help"], None)], repeat=starts)
        self.time("validate", [(self.cmw + ["validate", str(self.src_a)], None)])

    def build(self) -> None:
        progress("cmwreport build")
        build_log = self.work / "build-a.txt"
        cmd = self.cmw + ["build", str(self.src_a), "--out", str(self.out_a)] + self.tpl_a
        self.time("build", [(cmd, build_log)])
        self.report_a, self.annex_a = built_docs(self.out_a)
        self.report_b = self.annex_b = None
        if self.m["build"].status == "ok":
            cmd = self.cmw + ["build", str(self.src_b), "--out", str(self.out_b)] + self.tpl_b
            b = run_once(cmd, None, self.timeout)
            self.report_b, self.annex_b = built_docs(self.out_b)
            if b.exit != 0:
                progress(f"  building the second draft failed: {failure(b)[1]}")
        if self.report_a:
            self.result["built"] = built_sizes(self.report_a, self.annex_a, build_log)
        if not self.peers:
            self.m["pandoc"] = skipped("--no-peers")
            return
        progress("pandoc (Markdown with dir: rtl -> .docx)")
        self.m["pandoc"], self.result["pandoc_input"] = peers.pandoc(
            self.work, self.tree_a, self.report_a, self.annex_a, self.repeat, self.timeout
        )

    def diff(self) -> None:
        pairs = [
            (o, n)
            for o, n in ((self.report_a, self.report_b), (self.annex_a, self.annex_b))
            if o and n
        ]
        self.result["drafts"] = "cmwreport build"
        if not pairs and shutil.which("pandoc"):
            # Until build works, diff and its peer still get a pair of drafts to compare;
            # without our bookmarks, so diff aligns them by text alone.
            progress("  no built drafts: writing the pair with pandoc instead")
            pairs = peers.pandoc_drafts(self.work, self.tree_a, self.tree_b)
            self.result["drafts"] = "pandoc (cmwreport build unavailable)"
        if not pairs:
            note = "needs two built drafts: " + (self.m["build"].note or "build wrote no .docx")
            self.m["diff"] = self.m["diff_redline"] = self.m["redlines"] = skipped(note)
            return
        progress("cmwreport diff (report and annex)")
        diff = [
            (self.cmw + ["diff", str(o), str(n), "--format", "json"], self.work / f"diff-{i}.json")
            for i, (o, n) in enumerate(pairs)
        ]
        # Exit 1 means "the drafts differ", which they do: it is success here.
        self.time("diff", diff, ok_exits=(0, 1))
        progress("cmwreport diff --redline")
        redline = [
            (cmd + ["--redline", str(self.work / f"redline-{i}.docx")], stdout)
            for i, (cmd, stdout) in enumerate(diff)
        ]
        self.time("diff_redline", redline, ok_exits=(0, 1))
        if not self.peers:
            self.m["redlines"] = skipped("--no-peers")
            return
        progress("python-redlines (docxodus)")
        self.m["redlines"] = peers.redlines(self.work, pairs, self.repeat, self.timeout)

    def absorb(self) -> None:
        """absorb of the second draft (5% of paragraphs edited) as a review of the first:
        `--dry-run`, so every run starts from the same sources (it does all but write)."""
        if not (self.report_a and self.report_b):
            self.m["absorb"] = skipped("needs the second built draft")
            return
        progress("cmwreport absorb --dry-run (the second draft as a review of the first)")
        from cmwreport.build import provenance
        from cmwreport.docx.custom_properties import set_property
        from cmwreport.docx.package import Package

        template = Path(self.tpl_a[1]) if self.tpl_a else TEMPLATE
        reviewed = self.work / "reviewed.docx"
        # The second draft says it was built from the first tree, as a reviewed copy would.
        package = Package.read(Path(self.report_b))
        recorded = provenance.of(self.src_a, template).as_text()
        for name, value in provenance.properties(recorded).items():
            set_property(package, name, value)
        reviewed.write_bytes(package.to_bytes())
        cmd = self.cmw + ["absorb", str(reviewed), "--sources", str(self.src_a), "--dry-run"]
        self.time("absorb", [(cmd + self.tpl_a, self.work / "absorb.txt")], ok_exits=(0, 1))

    def real(self) -> None:
        real = peers.real_pairs()
        if not real:
            self.m["diff_real"] = self.m["redlines_real"] = skipped("the real corpus is missing")
            return
        progress("cmwreport diff --redline, Word-style pairs (text boxes, endnotes, pictures)")
        steps = [
            (self.cmw + ["diff", o, n, "--format", "json", "--redline",
                         str(self.work / f"real-{i}.docx")], self.work / f"real-{i}.json")
            for i, (o, n) in enumerate(real)
        ]  # fmt: skip
        self.time("diff_real", steps, ok_exits=(0, 1))
        self.m["redlines_real"] = (
            peers.redlines(self.work, real, self.repeat, self.timeout)
            if self.peers
            else skipped("--no-peers")
        )

    def finish(self) -> dict:
        result, m = self.result, self.m
        result["measurements"] = {k: asdict(v) for k, v in m.items()}
        result["seconds"] = {k: v.seconds for k, v in m.items() if v.status == "ok"}
        result.update(report.ratios(m, self.preset))
        result["per_kwords"] = report.per_kwords(result)
        result["environment"] = report.environment(peers.redlines_version())
        return result


def bench(
    preset: str, seed: int, repeat: int, work: Path, timeout: float, cmw=None, with_peers=True
) -> dict:
    run = Bench(preset, seed, repeat, work, timeout, cmw or cmwreport_cmd())
    run.peers = with_peers
    run.result["load_start"] = [round(x, 2) for x in os.getloadavg()]
    run.trees()
    run.start_up()
    run.build()
    run.diff()
    run.absorb()
    run.real()
    return run.finish()


# --- the built documents -----------------------------------------------------------


def built_docs(out: Path) -> tuple[Path | None, Path | None]:
    docs = sorted(out.glob("*.docx"))
    report_doc = next((d for d in docs if "annex" not in d.stem.lower()), None)
    annex = next((d for d in docs if "annex" in d.stem.lower()), None)
    return report_doc, annex


def built_sizes(report_doc: Path, annex: Path | None, build_log: Path) -> dict:
    """Words and paragraphs of the built documents, counted by the build's own rule
    (cmwreport.build.wordcount), and the body count the build itself printed."""
    sizes = {**_sizes("report", report_doc)}
    counted = re.search(r"([\d,]+) words \(limit", build_log.read_text("utf-8", "replace"))
    if counted:
        sizes["report_words_counted"] = int(counted.group(1).replace(",", ""))
    if annex:
        sizes.update(_sizes("annex", annex))
    return sizes


def _sizes(name: str, path: Path) -> dict:
    from cmwreport.build.wordcount import count_words

    texts, paragraphs = [], 0
    for style, content in peers.blocks(path):
        if style == "<table>":
            texts += [cell for row in content for cell in row]
        else:
            texts.append(content)
            paragraphs += 1
    return {
        f"{name}_words": count_words(texts),
        f"{name}_paragraphs": paragraphs,
        f"{name}_bytes": path.stat().st_size,
    }


def _counts(tree: generate.Tree) -> dict:
    return {
        "context_paragraphs": len(tree.context),
        "axes": len(tree.axes),
        "recommendations": sum(len(a.recommendations) for a in tree.axes),
        "meetings": len(tree.meetings),
        "narrative_paragraphs": sum(len(section) for section in tree.narrative),
    }


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--preset", choices=sorted(generate.PRESETS), default="small")
    ap.add_argument("--json", type=Path, help="write the results here")
    ap.add_argument("--repeat", type=int, help="runs per figure (default: 3; 1 for stress)")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--baseline", type=Path, help="JSON of a smaller preset, for growth")
    ap.add_argument("--workdir", type=Path, help="keep trees and drafts here (default: a tmp dir)")
    ap.add_argument("--timeout", type=float, default=1800, help="seconds per process")
    ap.add_argument(
        "--install",
        choices=("wheel", "editable"),
        default="wheel",
        help="measure the wheel installed in a fresh venv (default), or this interpreter's",
    )
    ap.add_argument(
        "--source", type=Path, default=REPO, help="the checkout whose wheel is measured"
    )
    ap.add_argument(
        "--no-peers", action="store_true", help="cmwreport alone (growth runs on stress)"
    )
    args = ap.parse_args(argv)
    repeat = args.repeat or REPEAT[args.preset]
    with tempfile.TemporaryDirectory(prefix="cmwbench-") as tmp:
        work = args.workdir or Path(tmp)
        work.mkdir(parents=True, exist_ok=True)
        if args.install == "wheel":
            cmw = install.wheel(args.source.resolve(), work / "wheel")
        else:
            cmw = install.editable()
        result = bench(args.preset, args.seed, repeat, work, args.timeout, cmw, not args.no_peers)
        result["install"] = install.describe(args.install, cmw, args.source.resolve())
    if args.baseline:
        report.add_growth(result, args.baseline)
    print(report.table(result))
    if args.json:
        args.json.parent.mkdir(parents=True, exist_ok=True)
        args.json.write_text(json.dumps(result, ensure_ascii=False, indent=2) + "\n", "utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
