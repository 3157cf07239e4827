"""Measure cmwreport against pandoc and python-redlines on one generated report.

    python bench/run.py --preset full --json results/full.json [--repeat 3]
    python bench/run.py --preset stress --json results/stress.json --baseline results/full.json

Every figure is the median wall time of `--repeat` runs of a separate process, so
start-up and imports count, as they do for a drafter at a shell. Peak memory is the
process tree's maximum resident set (rusage, which includes the children a process
waited for, e.g. the .NET comparer that python-redlines starts), read by a small
launcher process: Linux carries a parent's own peak into a forked child's ru_maxrss,
so measured straight from this (large) process, `python -c pass` showed 89 MB.

A command that does not exist yet, or fails, is reported as such and the run goes on;
a peer that is not installed is skipped with the way to install it. The exit status
is 0 whatever the timings: CI runs the `small` preset only to keep the bench alive.
See README.md for what each figure means and the targets.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import re
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import zipfile
from dataclasses import asdict, dataclass, field
from pathlib import Path
from xml.etree import ElementTree as ET

sys.path.insert(0, str(Path(__file__).resolve().parent))
import generate  # noqa: E402

REPO = Path(__file__).resolve().parent.parent
TEMPLATE = REPO / "templates" / "periodic-report.docx"
#: Pairs of LibreOffice-authored drafts from the real-document corpus (tests/fixtures/real)
#: whose changes sit in text boxes, endnotes and pictures: what Word drafts carry.
REAL = REPO / "tests" / "fixtures" / "real"
REAL_PAIRS = ("lo-textbox-edited", "lo-endnote-edited", "lo-image-replaced")
REPEAT = {"small": 3, "full": 3, "stress": 1}
INSTALL = {
    "pandoc": "install it with `apt-get install pandoc` (Debian) to compare build speed",
    "redlines": "install it with `pip install 'python-redlines[docxodus]'` to compare diff speed",
}
# Issue 5's targets: (limit, the preset it is judged on). On other presets the value is
# still reported, with "met": null, since e.g. validate on `stress` may rightly take longer.
TARGETS = {
    "build_vs_pandoc": (1.0, "full"),
    "diff_vs_redlines": (0.1, "full"),
    "help_seconds": (0.25, "full"),
    "validate_seconds": (0.5, "full"),
    "build_peak_mb": (300.0, "stress"),
}
#: Time per word, `stress` over `full` (--baseline): no worse than linear, give or take
#: the noise of one run on a shared machine.
GROWTH_LIMIT = 1.1
W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"

# Runs a command and writes its wall time and its tree's peak RSS (KiB on Linux, bytes
# on macOS) to argv[1]. Being small, it passes on no inflated ru_maxrss to the command.
LAUNCHER = """\
import resource, subprocess, sys, time
start = time.perf_counter()
code = subprocess.call(sys.argv[2:])
elapsed = time.perf_counter() - start
with open(sys.argv[1], "w") as report:
    report.write(f"{elapsed} {resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss}")
sys.exit(code if code >= 0 else 128 - code)
"""

# The peer comparer, run the way a Python user runs it: one process per comparison.
REDLINES_SCRIPT = """\
import sys
from python_redlines import DocxodusEngine
out, _, _ = DocxodusEngine().run_redline("bench", sys.argv[1], sys.argv[2])
open(sys.argv[3], "wb").write(out)
"""


@dataclass
class Measure:
    status: str = "ok"  # ok | failed | missing | skipped | timeout
    seconds: float | None = None  # median of runs
    runs: list[float] = field(default_factory=list)
    peak_mb: float | None = None
    exit: int | None = None
    note: str = ""


@dataclass
class Run:
    seconds: float
    exit: int
    peak_mb: float | None
    stderr: str


def run_once(cmd: list[str], stdout: Path | None = None, timeout: float = 1800) -> Run:
    out = open(stdout, "wb") if stdout else tempfile.TemporaryFile()  # noqa: SIM115
    fd, report_path = tempfile.mkstemp(prefix="bench-run-")
    os.close(fd)
    cmd = [sys.executable, "-c", LAUNCHER, report_path, *cmd]
    with out, tempfile.TemporaryFile() as err:
        start = time.perf_counter()
        # Its own session, so a timeout or Ctrl-C ends the whole tree: python-redlines'
        # .NET comparer would otherwise outlive its killed Python parent.
        posix = os.name == "posix"
        proc = subprocess.Popen(
            cmd, stdout=out, stderr=err, stdin=subprocess.DEVNULL, start_new_session=posix
        )

        def kill() -> None:
            try:
                os.killpg(proc.pid, signal.SIGKILL) if posix else proc.kill()
            except ProcessLookupError:
                pass

        timer = threading.Timer(timeout, kill)
        timer.start()
        try:
            if hasattr(os, "wait4"):
                _, status, usage = os.wait4(proc.pid, 0)
                elapsed = time.perf_counter() - start
                # Reaped here, so tell Popen, or it would wait for a pid that is gone.
                proc.returncode = os.waitstatus_to_exitcode(status)
                scale = 1 if sys.platform == "darwin" else 1024  # bytes vs KiB
                peak = usage.ru_maxrss * scale / 2**20
            else:
                proc.wait()
                elapsed = time.perf_counter() - start
                peak = None
        except BaseException:
            kill()
            raise
        finally:
            timer.cancel()
        err.seek(0)
        tail = err.read()[-4000:].decode("utf-8", "replace")
    # The launcher's own figures leave out its start-up and its inherited peak; a
    # command killed by the timeout leaves no report, and the outer figures stand.
    with open(report_path) as report:
        figures = report.read().split()
    os.unlink(report_path)
    if len(figures) == 2:
        scale = 1 if sys.platform == "darwin" else 1024
        elapsed, peak = float(figures[0]), int(figures[1]) * scale / 2**20
    return Run(elapsed, proc.returncode, peak, tail)


def measure(
    steps: list[tuple[list[str], Path | None]],
    repeat: int,
    ok_exits: tuple[int, ...] = (0,),
    timeout: float = 1800,
) -> Measure:
    """Time `steps` run one after the other, `repeat` times; stop at the first failure."""
    m = Measure()
    peaks: list[float] = []
    for _ in range(repeat):
        total = 0.0
        for cmd, stdout in steps:
            r = run_once(cmd, stdout, timeout)
            total += r.seconds
            if r.peak_mb is not None:
                peaks.append(r.peak_mb)
            m.exit = r.exit
            # Exit 1 is also what Python gives an uncaught exception, so a traceback
            # is a failure even when the exit code is one the command may return.
            if r.exit not in ok_exits or "Traceback (most recent call last)" in r.stderr:
                m.status, m.note = _failure(r)
                m.seconds = round(total, 4)
                m.peak_mb = max(peaks, default=None)
                return m
        m.runs.append(round(total, 4))
    m.seconds = round(statistics.median(m.runs), 4)
    m.peak_mb = round(max(peaks), 1) if peaks else None
    return m


def _failure(r: Run) -> tuple[str, str]:
    if r.exit < 0:
        return "timeout", f"killed (signal {-r.exit})"
    if re.search(r"No module named '?cmwreport\.commands\.\w+", r.stderr):
        return "missing", "not implemented yet: " + _last_line(r.stderr)
    if "No such command" in r.stderr:
        return "missing", "no such command"
    return "failed", f"exit {r.exit}: {_last_line(r.stderr)}"


def _last_line(text: str) -> str:
    lines = [line.strip() for line in text.strip().splitlines() if line.strip()]
    return lines[-1][:200] if lines else ""


def skipped(note: str) -> Measure:
    return Measure(status="skipped", note=note)


def cmwreport_cmd() -> list[str]:
    # The console script next to this interpreter is what a drafter runs; fall back to
    # the module when the bench runs from an interpreter without it on its path.
    script = Path(sys.executable).parent / "cmwreport"
    if script.exists():
        return [str(script)]
    found = shutil.which("cmwreport")
    return [found] if found else [sys.executable, "-m", "cmwreport"]


# --- documents -----------------------------------------------------------------


def built_docs(out: Path) -> tuple[Path | None, Path | None]:
    docs = sorted(out.glob("*.docx"))
    report = next((d for d in docs if "annex" not in d.stem.lower()), None)
    annex = next((d for d in docs if "annex" in d.stem.lower()), None)
    return report, annex


def _blocks(path: Path):
    """(style, text) of each body paragraph, and ("<table>", rows) for each table."""
    with zipfile.ZipFile(path) as z:
        root = ET.fromstring(z.read("word/document.xml"))
    body = root.find(f"{W}body")
    for el in body if body is not None else []:
        if el.tag == f"{W}p":
            yield _style(el), _text(el)
        elif el.tag == f"{W}tbl":
            rows = [
                [" ".join(_text(p) for p in tc.iter(f"{W}p")) for tc in tr.iter(f"{W}tc")]
                for tr in el.iter(f"{W}tr")
            ]
            yield "<table>", rows


def _style(p: ET.Element) -> str:
    s = p.find(f"{W}pPr/{W}pStyle")
    return s.get(f"{W}val", "") if s is not None else ""


def _text(p: ET.Element) -> str:
    parts = []
    for node in p.iter():
        if node.tag in (f"{W}t", f"{W}delText") and node.text:
            parts.append(node.text)
        elif node.tag == f"{W}tab":
            parts.append("\t")
    return "".join(parts)


def count_words(path: Path) -> int:
    n = 0
    for style, content in _blocks(path):
        texts = [c for row in content for c in row] if style == "<table>" else [content]
        n += sum(len(t.split()) for t in texts)
    return n


def paragraphs(path: Path) -> int:
    return sum(1 for style, _ in _blocks(path) if style != "<table>")


def markdown_from_docx(path: Path) -> str:
    """The built document's text as Markdown, so pandoc writes exactly what we wrote."""
    out = [_front_matter()]
    for style, content in _blocks(path):
        if style == "<table>":
            out.append(_pipe_table(content))
            continue
        text = _md_escape(content.strip())
        if not text:
            continue
        level = re.fullmatch(r"Heading([1-3])", style)
        if level:
            out.append("#" * int(level.group(1)) + " " + text)
        elif style in ("Title", "AnnexTitle"):
            out.append("# " + text)
        elif "Para" in style or "List" in style:
            # Numbered like ours: pandoc has to write the numbering definitions too.
            out.append("1. " + text)
        else:
            out.append(text)
    return "\n\n".join(out) + "\n"


def markdown_from_tree(tree: generate.Tree) -> tuple[str, str]:
    """Report and annex as Markdown straight from the sources, for when build cannot run."""
    report = [_front_matter()]
    for n, section in enumerate(tree.narrative, 1):
        report.append(f"# {n}")
        report += ["1. " + _md_escape(i.text) for i in section]
    annex = [_front_matter(), "# السياق العام للقاءات التشاورية الجهوية"]
    annex += ["1. " + _md_escape(i.text) for i in tree.context]
    annex.append("# خلاصات وتوصيات اللقاءات التشاورية الجهوية")
    for axis in tree.axes:
        annex.append("## " + axis.title)
        annex += ["- " + _md_escape(i.text) + "؛" for i in axis.recommendations]
    rows = [["المدينة", "الجهة", "التاريخ"]]
    rows += [[m.city, m.region, m.date.isoformat()] for m in tree.meetings]
    annex.append(_pipe_table(rows))
    return "\n\n".join(report) + "\n", "\n\n".join(annex) + "\n"


def _front_matter() -> str:
    return "---\ndir: rtl\nlang: ar-MA\n---"


def _md_escape(text: str) -> str:
    return re.sub(r"([\\`*_\[\]<>#|])", r"\\\1", text.replace("\t", " "))


def _pipe_table(rows: list[list[str]]) -> str:
    if not rows:
        return ""
    width = max(len(r) for r in rows)
    rows = [[_md_escape(c.replace("\n", " ")) for c in r] + [""] * (width - len(r)) for r in rows]
    lines = ["| " + " | ".join(rows[0]) + " |", "|" + "---|" * width]
    lines += ["| " + " | ".join(r) + " |" for r in rows[1:]]
    return "\n".join(lines)


# --- the bench ---------------------------------------------------------------------


def bench(preset: str, seed: int, repeat: int, work: Path, timeout: float) -> dict:
    cmw = cmwreport_cmd()
    say = _progress
    say(f"generating {preset} trees (seed {seed}) in {work}")
    for stale in ("a", "b"):
        # A reused --workdir must not hand last run's drafts to a build that failed.
        shutil.rmtree(work / stale, ignore_errors=True)
    tree_a = generate.generate(preset, seed)
    tree_b = generate.edit(tree_a, 0.05)
    src_a = generate.write(tree_a, work / "a" / "sources")
    src_b = generate.write(tree_b, work / "b" / "sources")
    # Each draft's narrative is written into its own copy of the template, as drafters
    # do; the build then merges the sources into that.
    tpl_a = tpl_b = []
    if TEMPLATE.exists():
        tpl_a = [
            "--template",
            str(generate.write_template(tree_a, TEMPLATE, work / "a" / TEMPLATE.name)),
        ]
        tpl_b = [
            "--template",
            str(generate.write_template(tree_b, TEMPLATE, work / "b" / TEMPLATE.name)),
        ]
    out_a, out_b = work / "a" / "out", work / "b" / "out"
    result: dict = {
        "preset": preset,
        "seed": seed,
        "repeat": repeat,
        "sources": {"words": generate.words(tree_a), **_counts(tree_a)},
    }
    m: dict[str, Measure] = {}

    say("start-up: python -c pass, cmwreport --help")
    run_once(cmw + ["--help"])  # compiles the .pyc files outside the timing
    m["python"] = measure([([sys.executable, "-c", "pass"], None)], max(repeat, 5))
    m["help"] = measure([(cmw + ["--help"], None)], max(repeat, 5))

    say("cmwreport validate")
    m["validate"] = measure([(cmw + ["validate", str(src_a)], None)], repeat, timeout=timeout)

    say("cmwreport build")
    build_a = cmw + ["build", str(src_a), "--out", str(out_a)] + tpl_a
    build_log = work / "build-a.txt"
    m["build"] = measure([(build_a, build_log)], repeat, timeout=timeout)
    report_a, annex_a = built_docs(out_a)
    report_b = annex_b = None
    if m["build"].status == "ok":
        b = run_once(cmw + ["build", str(src_b), "--out", str(out_b)] + tpl_b, None, timeout)
        report_b, annex_b = built_docs(out_b)
        if b.exit != 0:
            say(f"  building the second draft failed: {_failure(b)[1]}")
    if report_a:
        result["built"] = {
            "report_words": count_words(report_a),
            "report_paragraphs": paragraphs(report_a),
            "report_bytes": report_a.stat().st_size,
        }
        # The build's own count, GA resolution 68/268's way: the body without the annex.
        counted = re.search(r"([\d,]+) words \(limit", build_log.read_text("utf-8", "replace"))
        if counted:
            result["built"]["report_words_counted"] = int(counted.group(1).replace(",", ""))
        if annex_a:
            result["built"].update(
                annex_words=count_words(annex_a),
                annex_paragraphs=paragraphs(annex_a),
                annex_bytes=annex_a.stat().st_size,
            )

    say("pandoc (Markdown with dir: rtl -> .docx)")
    m["pandoc"], result["pandoc_input"] = _pandoc(work, tree_a, report_a, annex_a, repeat, timeout)

    pairs = [(o, n) for o, n in ((report_a, report_b), (annex_a, annex_b)) if o and n]
    result["drafts"] = "cmwreport build"
    if not pairs and shutil.which("pandoc"):
        # Until build works, diff and its peer still get a pair of drafts to compare;
        # without our bookmarks, so diff aligns them by text alone.
        say("  no built drafts: writing the pair with pandoc instead")
        pairs = _pandoc_drafts(work, tree_a, tree_b)
        result["drafts"] = "pandoc (cmwreport build unavailable)"
    if not pairs:
        note = "needs two built drafts: " + (m["build"].note or "build wrote no .docx")
        m["diff"] = m["diff_redline"] = m["redlines"] = skipped(note)
    else:
        say("cmwreport diff (report and annex)")
        diff = [
            (cmw + ["diff", str(o), str(n), "--format", "json"], work / f"diff-{i}.json")
            for i, (o, n) in enumerate(pairs)
        ]
        # Exit 1 means "the drafts differ", which they do: it is success here.
        m["diff"] = measure(diff, repeat, ok_exits=(0, 1), timeout=timeout)
        say("cmwreport diff --redline")
        redline = [
            (cmd + ["--redline", str(work / f"redline-{i}.docx")], stdout)
            for i, (cmd, stdout) in enumerate(diff)
        ]
        m["diff_redline"] = measure(redline, repeat, ok_exits=(0, 1), timeout=timeout)
        say("python-redlines (docxodus)")
        m["redlines"] = _redlines(work, pairs, repeat, timeout)

    m["absorb"] = _absorb(cmw, work, report_a and report_b, src_a, tpl_a, repeat, timeout)

    real = _real_pairs()
    if real:
        say("cmwreport diff --redline, Word-style pairs (text boxes, endnotes, pictures)")
        m["diff_real"] = measure(
            [
                (cmw + ["diff", o, n, "--format", "json", "--redline",
                        str(work / f"real-{i}.docx")], work / f"real-{i}.json")
                for i, (o, n) in enumerate(real)
            ],
            repeat,
            ok_exits=(0, 1),
            timeout=timeout,
        )  # fmt: skip
        m["redlines_real"] = _redlines(work, real, repeat, timeout)
    else:
        m["diff_real"] = m["redlines_real"] = skipped("the real-document corpus is missing")

    result["measurements"] = {k: asdict(v) for k, v in m.items()}
    result["seconds"] = {k: v.seconds for k, v in m.items() if v.status == "ok"}
    result.update(_ratios(m, preset))
    result["environment"] = _environment()
    return result


def _real_pairs() -> list[tuple[str, str]]:
    try:
        listed = json.loads((REAL / "pairs.json").read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return []
    return [
        tuple(str(REAL / part) for part in listed[name]) for name in REAL_PAIRS if name in listed
    ]


def _absorb(cmw, work: Path, report_b, src_a: Path, tpl_a: list[str], repeat, timeout) -> Measure:
    """absorb of the second draft (5% of paragraphs edited) as a review of the first:
    `--dry-run`, so every run starts from the same sources (it does all but write)."""
    if not report_b:
        return skipped("needs the second built draft")
    _progress("cmwreport absorb --dry-run (the second draft as a review of the first)")
    from cmwreport.build import provenance
    from cmwreport.docx.custom_properties import set_property
    from cmwreport.docx.package import Package

    template = Path(tpl_a[1]) if tpl_a else TEMPLATE
    reviewed = work / "reviewed.docx"
    # The second draft says it was built from the first tree, as a reviewed copy would.
    package = Package.read(Path(report_b))
    set_property(package, provenance.PROPERTY, provenance.of(src_a, template).as_text())
    reviewed.write_bytes(package.to_bytes())
    cmd = cmw + ["absorb", str(reviewed), "--sources", str(src_a), "--dry-run", *tpl_a]
    return measure([(cmd, work / "absorb.txt")], repeat, ok_exits=(0, 1), timeout=timeout)


def _counts(tree: generate.Tree) -> dict:
    return {
        "context_paragraphs": len(tree.context),
        "axes": len(tree.axes),
        "recommendations": sum(len(a.recommendations) for a in tree.axes),
        "meetings": len(tree.meetings),
        "narrative_paragraphs": sum(len(section) for section in tree.narrative),
    }


def _pandoc(work, tree, report, annex, repeat, timeout) -> tuple[Measure, str]:
    pandoc = shutil.which("pandoc")
    if pandoc is None:
        return skipped("pandoc not found: " + INSTALL["pandoc"]), ""
    if report and annex:
        texts, source = (markdown_from_docx(report), markdown_from_docx(annex)), "built-docx"
    else:
        texts, source = markdown_from_tree(tree), "sources"
    reference = ["--reference-doc", str(TEMPLATE)] if TEMPLATE.exists() else []
    steps = []
    for name, text in zip(("report", "annex"), texts, strict=True):
        md = work / f"pandoc-{name}.md"
        md.write_text(text, encoding="utf-8")
        out = work / f"pandoc-{name}.docx"
        steps.append(
            ([pandoc, "-f", "markdown", "-t", "docx", *reference, "-o", str(out), str(md)], None)
        )
    return measure(steps, repeat, timeout=timeout), source


def _pandoc_drafts(work: Path, *trees: generate.Tree) -> list[tuple[Path, Path]]:
    docs = []
    for label, tree in zip("ab", trees, strict=True):
        pair = []
        for name, text in zip(("report", "annex"), markdown_from_tree(tree), strict=True):
            md = work / label / f"{name}.md"
            md.write_text(text, encoding="utf-8")
            pair.append(md.with_suffix(".docx"))
            subprocess.run(["pandoc", "-o", str(pair[-1]), str(md)], check=True)
        docs.append(pair)
    return list(zip(*docs, strict=True))


def _redlines(work, pairs, repeat, timeout) -> Measure:
    try:
        from python_redlines import DocxodusEngine

        DocxodusEngine()  # unpacks the .NET program once, outside the timing
    except Exception as exc:  # ImportError, EngineNotInstalledError, unsupported platform
        return skipped(
            f"python-redlines unavailable ({exc.__class__.__name__}): " + INSTALL["redlines"]
        )
    steps = [
        (
            [sys.executable, "-c", REDLINES_SCRIPT, str(o), str(n), str(work / f"peer-{i}.docx")],
            None,
        )
        for i, (o, n) in enumerate(pairs)
    ]
    return measure(steps, repeat, timeout=timeout)


def _ratio(ours: Measure, theirs: Measure) -> float | None:
    # A peer killed at --timeout took at least that long: the ratio is then an upper
    # bound, still good enough to say a "<=" target is met (the table marks it "<").
    if ours.status == "ok" and theirs.status in ("ok", "timeout") and theirs.seconds:
        return round(ours.seconds / theirs.seconds, 4)
    return None


def _sum(a: Measure, b: Measure) -> Measure:
    ok = a.status == "ok" and b.status == "ok"
    return Measure(seconds=a.seconds + b.seconds if ok else 0.0, status="ok" if ok else "skipped")


def _ratios(m: dict[str, Measure], preset: str) -> dict:
    r = {
        "build_vs_pandoc": _ratio(m["build"], m["pandoc"]),
        # Like for like: both write NEW with tracked changes against OLD.
        "diff_vs_redlines": _ratio(m["diff_redline"], m["redlines"]),
        "diff_text_vs_redlines": _ratio(m["diff"], m["redlines"]),
        "diff_real_vs_redlines": _ratio(m["diff_real"], m["redlines_real"]),
        "help_vs_python": _ratio(m["help"], m["python"]),
        "help_seconds": m["help"].seconds if m["help"].status == "ok" else None,
        "validate_seconds": m["validate"].seconds if m["validate"].status == "ok" else None,
        "build_peak_mb": m["build"].peak_mb if m["build"].status == "ok" else None,
        "diff_peak_mb": m["diff_redline"].peak_mb if m["diff_redline"].status == "ok" else None,
        # Issue 13: "about the time of one build plus one diff" (diff here: report and annex).
        "absorb_vs_build_diff": _ratio(m["absorb"], _sum(m["build"], m["diff"])),
    }
    r["upper_bounds"] = [
        name
        for name, peer in (
            ("build_vs_pandoc", "pandoc"),
            ("diff_vs_redlines", "redlines"),
            ("diff_text_vs_redlines", "redlines"),
        )
        if m[peer].status == "timeout" and r[name] is not None
    ]
    r["targets"] = {
        name: {
            "value": r[name],
            "target": limit,
            "preset": on,
            "met": None if r[name] is None or preset != on else r[name] <= limit,
        }
        for name, (limit, on) in TARGETS.items()
    }
    return r


def growth(result: dict, baseline: dict) -> dict:
    """Time per word from the baseline preset to this one: 1.0 is linear, above is worse."""
    size = result["sources"]["words"]["total"] / baseline["sources"]["words"]["total"]
    out = {"size_ratio": round(size, 2)}
    for name in ("validate", "build", "diff", "diff_redline", "pandoc", "redlines"):
        ours, base = result["seconds"].get(name), baseline["seconds"].get(name)
        if ours and base:
            out[name] = {
                "time_ratio": round(ours / base, 2),
                "vs_linear": round(ours / base / size, 2),
            }
    return out


def _environment() -> dict:
    env = {
        "python": platform.python_version(),
        "platform": platform.platform(),
        "cpus": os.cpu_count(),
    }
    git = subprocess.run(
        ["git", "-C", str(REPO), "rev-parse", "--short", "HEAD"], capture_output=True, text=True
    )
    env["commit"] = git.stdout.strip() or None
    pandoc = shutil.which("pandoc")
    if pandoc:
        first = subprocess.run([pandoc, "--version"], capture_output=True, text=True).stdout
        env["pandoc"] = first.splitlines()[0] if first else None
    try:
        from importlib.metadata import version

        env["python_redlines"] = version("python-redlines")
    except Exception:
        env["python_redlines"] = None
    return env


# --- output ------------------------------------------------------------------------


def table(result: dict) -> str:
    m = result["measurements"]
    src = result["sources"]
    built = result.get("built", {})
    lines = [
        f"preset {result['preset']} (seed {result['seed']}, median of {result['repeat']}): "
        f"{src['narrative_paragraphs']} template narrative + {src['context_paragraphs']} context "
        f"paragraphs, {src['recommendations']} "
        f"recommendations in {src['axes']} axes, {src['meetings']} meetings, "
        f"{src['words']['total']:,} source words",
    ]
    if built:
        counted = built.get("report_words_counted")
        lines.append(
            (f"body {counted:,} words (the limit's count); " if counted else "")
            + f"built: report {built['report_words']:,} words / {built['report_paragraphs']:,} "
            f"paragraphs; annex {built.get('annex_words', 0):,} words / "
            f"{built.get('annex_paragraphs', 0):,} paragraphs"
        )
    rows = [("measure", "cmwreport", "peer", "ratio", "target", "")]

    def cell(name: str) -> str:
        x = m[name]
        if x["status"] == "timeout":
            return f"> {x['seconds']:.1f} s"
        return f"{x['seconds']:.3f} s" if x["status"] == "ok" else x["status"]

    def mark(name: str) -> str:
        target = result["targets"].get(name, {})
        if target.get("preset", result["preset"]) != result["preset"]:
            return f"(on {target['preset']})"
        met = target.get("met")
        return "" if met is None else ("met" if met else "MISSED")

    def fmt(v, key="") -> str:
        bound = "< " if key in result.get("upper_bounds", ()) else ""
        return "" if v is None else f"{bound}{v:.3f}"

    def row(label, ours, peer, ratio, target, key):
        return (label, cell(ours), cell(peer) if peer else "", fmt(ratio, key), target, mark(key))

    rows += [
        row("--help vs python -c pass", "help", "python", result["help_vs_python"], "<= 0.25 s",
            "help_seconds"),
        row("validate", "validate", None, None, "<= 0.5 s", "validate_seconds"),
        row("build vs pandoc", "build", "pandoc", result["build_vs_pandoc"], "<= 1.0",
            "build_vs_pandoc"),
        row("diff --redline vs redlines", "diff_redline", "redlines", result["diff_vs_redlines"],
            "<= 0.1", "diff_vs_redlines"),
        row("diff (json) vs redlines", "diff", "redlines", result["diff_text_vs_redlines"], "",
            "diff_text_vs_redlines"),
        row("diff --redline vs redlines, Word-style pairs", "diff_real", "redlines_real",
            result["diff_real_vs_redlines"], "", "diff_real_vs_redlines"),
        row("absorb --dry-run vs build + diff", "absorb", None, result["absorb_vs_build_diff"],
            "about 1", "absorb_vs_build_diff"),
        ("peak memory build", _mb(m["build"]), _mb(m["pandoc"]), "", "<= 300 MB",
         mark("build_peak_mb")),
        ("peak memory diff --redline", _mb(m["diff_redline"]), _mb(m["redlines"]), "", "", ""),
    ]  # fmt: skip
    widths = [max(len(r[i]) for r in rows) for i in range(len(rows[0]))]
    lines += ["  ".join(c.ljust(w) for c, w in zip(r, widths, strict=True)).rstrip() for r in rows]
    notes = [f"  {k}: {v['status']}: {v['note']}" for k, v in m.items() if v["note"]]
    if result.get("drafts", "cmwreport build") != "cmwreport build":
        notes.append(f"  diff drafts written by {result['drafts']}")
    if result.get("pandoc_input") == "sources":
        notes.append("  pandoc input: Markdown from the sources (no built report to copy)")
    if notes:
        lines += ["notes:"] + notes
    if "growth" in result:
        g = result["growth"]
        lines.append(f"growth from {result['baseline']} (size x{g['size_ratio']}):")
        for k, v in g.items():
            if isinstance(v, dict):
                met = result["targets"].get(f"growth_{k}", {}).get("met")
                verdict = "" if met is None else ("  met" if met else "  MISSED")
                lines.append(
                    f"  {k}: time x{v['time_ratio']}, {v['vs_linear']} of linear"
                    f" (target <= {GROWTH_LIMIT}){verdict}"
                    if met is not None
                    else f"  {k}: time x{v['time_ratio']}, {v['vs_linear']} of linear"
                )
    return "\n".join(lines)


def _mb(x: dict) -> str:
    return f"{x['peak_mb']:.0f} MB" if x.get("peak_mb") is not None and x["status"] == "ok" else ""


def _progress(text: str) -> None:
    print(f"bench: {text}", file=sys.stderr, flush=True)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--preset", choices=sorted(generate.PRESETS), default="small")
    ap.add_argument("--json", type=Path, help="write the results here")
    ap.add_argument("--repeat", type=int, help="runs per figure (default: 3; 1 for stress)")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--baseline", type=Path, help="JSON of a smaller preset, for growth")
    ap.add_argument("--workdir", type=Path, help="keep trees and drafts here (default: a tmp dir)")
    ap.add_argument("--timeout", type=float, default=1800, help="seconds per process")
    args = ap.parse_args(argv)
    repeat = args.repeat or REPEAT[args.preset]
    with tempfile.TemporaryDirectory(prefix="cmwbench-") as tmp:
        work = args.workdir or Path(tmp)
        work.mkdir(parents=True, exist_ok=True)
        result = bench(args.preset, args.seed, repeat, work, args.timeout)
    if args.baseline:
        result["baseline"] = str(args.baseline)
        result["growth"] = growth(result, json.loads(args.baseline.read_text(encoding="utf-8")))
        for name in ("validate", "build", "diff", "diff_redline"):
            if name in result["growth"]:
                value = result["growth"][name]["vs_linear"]
                result["targets"][f"growth_{name}"] = {
                    "value": value,
                    "target": GROWTH_LIMIT,
                    "preset": result["preset"],
                    "met": value <= GROWTH_LIMIT,
                }
    print(table(result))
    if args.json:
        args.json.parent.mkdir(parents=True, exist_ok=True)
        args.json.write_text(json.dumps(result, ensure_ascii=False, indent=2) + "\n", "utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
