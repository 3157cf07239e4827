"""The bench's ratios, targets and tables, from the measurements (no process is run here).

    python bench/report.py small.json full.json stress.json     # the growth table
    python bench/report.py --versions before.json after.json    # two commits compared

prints, from results of several presets, the time per 1,000 words of each command and
its peak memory, so growth reads at a glance (issue 21: within 25% from small to full
to stress, and at most 300 MB on stress).
"""

from __future__ import annotations

import json
import os
import platform
import shutil
import subprocess
import sys
from pathlib import Path

from measure import Measure, added

REPO = Path(__file__).resolve().parent.parent
# Issue 21's targets: (limit, the preset it is judged on). On other presets the value
# is still reported, with "met": null, since e.g. build on `small` is start-up alone.
TARGETS = {
    "help_vs_python": (3.0, "full"),
    # validate within 4x a bare interpreter's start plus 50 ms: value / that budget.
    "validate_vs_budget": (1.0, "full"),
    "build_vs_pandoc": (0.15, "full"),
    "diff_text_vs_redlines": (0.015, "full"),
    "diff_vs_redlines": (0.02, "full"),
    "diff_real_vs_redlines": (0.08, "full"),
    "absorb_vs_build_diff": (0.8, "full"),
    "build_peak_mb": (300.0, "stress"),
    "diff_peak_mb": (300.0, "stress"),
    "absorb_peak_mb": (300.0, "stress"),
}
#: Time per word, this preset over a smaller one (--baseline): within 25% of linear.
GROWTH_LIMIT = 1.25
GROWN = ("validate", "build", "diff", "diff_redline", "absorb", "pandoc", "redlines")


def _ratio(ours: Measure, theirs: Measure) -> float | None:
    # A peer killed at --timeout took at least that long: the ratio is then an upper
    # bound, still good enough to say a "<=" target is met (the table marks it "<").
    if ours.status == "ok" and theirs.status in ("ok", "timeout") and theirs.seconds:
        return round(ours.seconds / theirs.seconds, 4)
    return None


def _ok(m: Measure, value):
    return value if m.status == "ok" else None


def ratios(m: dict[str, Measure], preset: str) -> dict:
    budget = Measure(seconds=4 * (m["python"].seconds or 0) + 0.05)
    r = {
        "build_vs_pandoc": _ratio(m["build"], m["pandoc"]),
        # Like for like: both write NEW with tracked changes against OLD.
        "diff_vs_redlines": _ratio(m["diff_redline"], m["redlines"]),
        "diff_text_vs_redlines": _ratio(m["diff"], m["redlines"]),
        "diff_real_vs_redlines": _ratio(m["diff_real"], m["redlines_real"]),
        "help_vs_python": _ratio(m["help"], m["python"]),
        "validate_vs_budget": _ratio(m["validate"], budget),
        "help_seconds": _ok(m["help"], m["help"].seconds),
        "validate_seconds": _ok(m["validate"], m["validate"].seconds),
        "build_peak_mb": _ok(m["build"], m["build"].peak_mb),
        "diff_peak_mb": _ok(m["diff_redline"], m["diff_redline"].peak_mb),
        "absorb_peak_mb": _ok(m["absorb"], m["absorb"].peak_mb),
        # "about the time of one build plus one diff" (diff here: report and annex).
        "absorb_vs_build_diff": _ratio(m["absorb"], added(m["build"], m["diff"])),
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


def per_kwords(result: dict) -> dict:
    """Seconds per 1,000 source words of each command: flat from preset to preset is
    linear growth."""
    words = result["sources"]["words"]["total"] / 1000
    return {k: round(result["seconds"][k] / words, 5) for k in GROWN if k in result["seconds"]}


def growth(result: dict, baseline: dict) -> dict:
    """Time per word from the baseline preset to this one: 1.0 is linear, above is worse."""
    size = result["sources"]["words"]["total"] / baseline["sources"]["words"]["total"]
    out = {"size_ratio": round(size, 2)}
    for name in GROWN:
        ours, base = result["seconds"].get(name), baseline["seconds"].get(name)
        if ours and base:
            out[name] = {
                "time_ratio": round(ours / base, 2),
                "vs_linear": round(ours / base / size, 2),
            }
            # CPU time too: on a machine other sessions load, a long run waits longer
            # for a core than a short one, and wall time grows with the load as well.
            cpu, base_cpu = _cpu(result, name), _cpu(baseline, name)
            if cpu and base_cpu:
                out[name]["cpu_vs_linear"] = round(cpu / base_cpu / size, 2)
    return out


def _cpu(result: dict, name: str) -> float | None:
    m = result.get("measurements", {}).get(name, {})
    return m.get("cpu") if m.get("status") == "ok" else None


def add_growth(result: dict, baseline_path: Path) -> None:
    result["baseline"] = str(baseline_path)
    result["growth"] = growth(result, json.loads(baseline_path.read_text(encoding="utf-8")))
    for name in ("validate", "build", "diff", "diff_redline", "absorb"):
        if name in result["growth"]:
            grown = result["growth"][name]
            value = grown.get("cpu_vs_linear", grown["vs_linear"])
            result["targets"][f"growth_{name}"] = {
                "value": value,
                "target": GROWTH_LIMIT,
                "preset": result["preset"],
                "met": value <= GROWTH_LIMIT,
            }


def environment(redlines_version: str | None) -> dict:
    env = {
        "python": platform.python_version(),
        "platform": platform.platform(),
        "cpus": os.cpu_count(),
        # The machine is shared: the load says how far to trust a figure.
        "load_average": [round(x, 2) for x in os.getloadavg()]
        if hasattr(os, "getloadavg")
        else None,
    }
    git = subprocess.run(
        ["git", "-C", str(REPO), "rev-parse", "--short", "HEAD"], capture_output=True, text=True
    )
    env["commit"] = git.stdout.strip() or None
    pandoc = shutil.which("pandoc")
    if pandoc:
        first = subprocess.run([pandoc, "--version"], capture_output=True, text=True).stdout
        env["pandoc"] = first.splitlines()[0] if first else None
    env["python_redlines"] = redlines_version
    return env


# --- the table ------------------------------------------------------------------------


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
    if "install" in result:
        install = result["install"]
        lines.append(f"cmwreport measured: {install['shows']} (commit {install['commit']})")
    load = result.get("environment", {}).get("load_average")
    if load:
        lines.append(f"load average at the start / end: {result.get('load_start')} / {load}")
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

    def row(label, ours, peer, key):
        limit = TARGETS[key][0] if key in TARGETS else None
        target = "" if limit is None else f"<= {limit:g}"
        return (label, cell(ours), cell(peer) if peer else "", fmt(result.get(key), key),
                target, mark(key))  # fmt: skip

    rows += [
        row("--help vs python -c pass", "help", "python", "help_vs_python"),
        row("validate vs (4 x python -c pass + 0.05 s)", "validate", None, "validate_vs_budget"),
        row("build vs pandoc", "build", "pandoc", "build_vs_pandoc"),
        row("diff (json) vs redlines", "diff", "redlines", "diff_text_vs_redlines"),
        row("diff --redline vs redlines", "diff_redline", "redlines", "diff_vs_redlines"),
        row("diff --redline vs redlines, Word-style pairs", "diff_real", "redlines_real",
            "diff_real_vs_redlines"),
        row("absorb --dry-run vs build + diff", "absorb", None, "absorb_vs_build_diff"),
        ("peak memory build", _mb(m["build"]), _mb(m["pandoc"]), "", "<= 300 MB",
         mark("build_peak_mb")),
        ("peak memory diff --redline", _mb(m["diff_redline"]), _mb(m["redlines"]), "",
         "<= 300 MB", mark("diff_peak_mb")),
        ("peak memory absorb --dry-run", _mb(m["absorb"]), "", "", "<= 300 MB",
         mark("absorb_peak_mb")),
    ]  # fmt: skip
    widths = [max(len(r[i]) for r in rows) for i in range(len(rows[0]))]
    lines += ["  ".join(c.ljust(w) for c, w in zip(r, widths, strict=True)).rstrip() for r in rows]
    if result.get("per_kwords"):
        lines.append(
            "seconds per 1,000 source words: "
            + ", ".join(f"{k} {v:.4f}" for k, v in result["per_kwords"].items())
        )
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
                cpu = f", CPU {v['cpu_vs_linear']} of linear" if "cpu_vs_linear" in v else ""
                lines.append(
                    f"  {k}: time x{v['time_ratio']}, {v['vs_linear']} of linear{cpu}"
                    + (f" (target <= {GROWTH_LIMIT}){verdict}" if met is not None else "")
                )
    return "\n".join(lines)


def _mb(x: dict) -> str:
    return f"{x['peak_mb']:.0f} MB" if x.get("peak_mb") is not None and x["status"] == "ok" else ""


def growth_table(results: list[dict]) -> str:
    """Seconds per 1,000 source words and peak MB of each command, preset by preset."""
    head = ["command"] + [
        f"{r['preset']} ({r['sources']['words']['total']:,} words)" for r in results
    ]
    rows = [head]
    for name in GROWN:
        cells = []
        for r in results:
            s = r["seconds"].get(name)
            peak = r["measurements"].get(name, {}).get("peak_mb")
            words = r["sources"]["words"]["total"] / 1000
            if s is None:
                cells.append("")
                continue
            cpu = _cpu(r, name)
            shown = f"{s / words:.4f} s" + (f", CPU {cpu / words:.4f} s" if cpu else "")
            cells.append(f"{shown} ({peak:.0f} MB)" if peak else shown)
        spread = [(_cpu(r, name) or r["seconds"][name]) / (r["sources"]["words"]["total"] / 1000)
                  for r in results if name in r["seconds"]]  # fmt: skip
        if len(spread) > 1:
            cells.append(f"max/min {max(spread) / min(spread):.2f}")
        rows.append([name, *cells])
    widths = [max(len(r[i]) if i < len(r) else 0 for r in rows) for i in range(max(map(len, rows)))]
    lines = ["  ".join(c.ljust(w) for c, w in zip(r, widths, strict=False)).rstrip() for r in rows]
    # Start-up is paid once a call, whatever the size: on `small` it is nearly all of
    # the time. What grows with the text is the time each further 1,000 words add,
    # from one preset to the next; linear growth keeps it flat.
    lines.append("seconds (CPU where measured) each further 1,000 words add:")
    for name in GROWN:
        steps = []
        for a, b in zip(results, results[1:], strict=False):
            sa, sb = (
                _cpu(a, name) or a["seconds"].get(name),
                _cpu(b, name) or b["seconds"].get(name),
            )
            wa, wb = a["sources"]["words"]["total"], b["sources"]["words"]["total"]
            if sa is not None and sb is not None and wb > wa:
                steps.append((f"{a['preset']}->{b['preset']}", (sb - sa) / (wb - wa) * 1000))
        if steps:
            ratio = f"  (last/first {steps[-1][1] / steps[0][1]:.2f})" if len(steps) > 1 else ""
            lines.append(f"  {name}: " + ", ".join(f"{k} {v:.4f} s" for k, v in steps) + ratio)
    return "\n".join(lines)


def versions_table(before: dict, after: dict) -> str:
    """Two runs of one preset (two commits), figure by figure: median wall seconds and
    median CPU seconds (user + system, what other sessions' load changes least)."""
    rows = [("figure", "before wall", "after wall", "before CPU", "after CPU", "CPU after/before")]
    for name in ("python", "help", "validate", "build", "diff", "diff_redline", "diff_real",
                 "absorb"):  # fmt: skip
        a, b = before["measurements"].get(name), after["measurements"].get(name)
        if not a or not b or a["status"] != "ok" or b["status"] != "ok":
            continue
        ratio = f"{b['cpu'] / a['cpu']:.2f}" if a.get("cpu") and b.get("cpu") else ""
        rows.append((name, f"{a['seconds']:.3f}", f"{b['seconds']:.3f}",
                     f"{a['cpu']:.3f}" if a.get("cpu") else "",
                     f"{b['cpu']:.3f}" if b.get("cpu") else "", ratio))  # fmt: skip
    widths = [max(len(r[i]) for r in rows) for i in range(len(rows[0]))]
    head = (
        f"before: {before.get('install', {}).get('commit')}, load {before.get('load_start')}; "
        f"after: {after.get('install', {}).get('commit')}, load {after.get('load_start')}"
    )
    return "\n".join([head] + ["  ".join(c.ljust(w) for c, w in zip(r, widths, strict=True))
                              for r in rows])  # fmt: skip


def main(argv: list[str]) -> int:
    if argv[:1] == ["--versions"]:
        before, after = (json.loads(Path(p).read_text(encoding="utf-8")) for p in argv[1:3])
        print(versions_table(before, after))
        return 0
    print(growth_table([json.loads(Path(p).read_text(encoding="utf-8")) for p in argv]))
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
