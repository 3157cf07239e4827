"""The benchmark runs end to end on the `small` preset, so it cannot rot.

No timing is asserted: CI machines are too noisy for that, and a slow run is a
finding for the bench's report, not a broken build.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

BENCH = Path(__file__).resolve().parent.parent / "bench"
sys.path.insert(0, str(BENCH))

import generate  # noqa: E402
import run  # noqa: E402


def test_generator_is_deterministic(tmp_path: Path) -> None:
    first = generate.render(generate.generate("small", 7))
    assert first == generate.render(generate.generate("small", 7))
    assert first != generate.render(generate.generate("small", 8))
    edited = generate.render(generate.edit(generate.generate("small", 7), 0.05))
    assert edited == generate.render(generate.edit(generate.generate("small", 7), 0.05))
    assert edited != first
    # Through the CLI as well, byte for byte on disk.
    for name in ("x", "y"):
        subprocess.run(
            [sys.executable, str(BENCH / "generate.py"), str(tmp_path / name), "--seed", "7"],
            check=True,
            capture_output=True,
        )
    files = sorted(p.relative_to(tmp_path / "x") for p in (tmp_path / "x").rglob("*.yaml"))
    assert files == sorted(p.relative_to(tmp_path / "y") for p in (tmp_path / "y").rglob("*.yaml"))
    assert len(files) > 3  # report, consultations, meetings, axes
    for rel in files:
        assert (tmp_path / "x" / rel).read_bytes() == (tmp_path / "y" / rel).read_bytes()


def test_edit_touches_about_five_percent_and_keeps_ids() -> None:
    tree = generate.generate("full", 1)
    new = generate.edit(tree, 0.05)

    def items(t):
        return {i.id: i.text for i in t.context + [r for a in t.axes for r in a.recommendations]}

    old, cur = items(tree), items(new)
    changed = sum(1 for k in old.keys() & cur.keys() if old[k] != cur[k])
    touched = changed + len(old.keys() - cur.keys()) + len(cur.keys() - old.keys())
    assert 0.03 * len(old) <= touched <= 0.07 * len(old)
    assert len(cur) == len(set(cur))


def test_generated_text_is_clean_arabic() -> None:
    tree = generate.generate("small", 1)
    text = " ".join(i.text for i in tree.context + tree.axes[0].recommendations)
    assert not any("a" <= ch.lower() <= "z" for ch in text)
    assert not any("\ufb50" <= ch <= "\ufdff" or "\ufe70" <= ch <= "\ufeff" for ch in text)
    assert "،" in text


@pytest.mark.parametrize("edited", [False, True])
def test_generated_trees_pass_validate(tmp_path: Path, edited: bool) -> None:
    tree = generate.generate("small", 1)
    if edited:
        tree = generate.edit(tree, 0.05)
    generate.write(tree, tmp_path / "sources")
    done = subprocess.run(
        run.cmwreport_cmd() + ["validate", str(tmp_path / "sources")],
        capture_output=True,
        text=True,
    )
    assert done.returncode == 0, done.stdout + done.stderr


def test_small_preset_end_to_end(tmp_path: Path) -> None:
    out = tmp_path / "small.json"
    done = subprocess.run(
        [
            sys.executable,
            str(BENCH / "run.py"),
            "--preset",
            "small",
            "--repeat",
            "1",
            "--json",
            str(out),
            "--workdir",
            str(tmp_path / "work"),
            # This interpreter's install: building and installing the wheel in a fresh
            # venv (the default) takes a minute, and tests/test_project.py builds it.
            "--install",
            "editable",
        ],
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert done.returncode == 0, done.stderr
    assert "build vs pandoc" in done.stdout
    result = json.loads(out.read_text(encoding="utf-8"))
    for key in (
        "build_vs_pandoc",
        "diff_vs_redlines",
        "help_seconds",
        "validate_seconds",
        "build_peak_mb",
        "diff_peak_mb",
        "seconds",
        "measurements",
        "targets",
        "sources",
        "environment",
    ):
        assert key in result, key
    m = result["measurements"]
    assert {"python", "help", "validate", "build", "diff", "diff_redline"} <= m.keys()
    for name, record in m.items():
        assert record["status"] in ("ok", "failed", "missing", "skipped", "timeout"), name
        if record["status"] == "ok":
            assert 0 < record["seconds"] < 300, name
            assert all(t > 0 for t in record["runs"]), name
            assert record["peak_mb"] is None or 1 < record["peak_mb"] < 4000, name
    assert m["python"]["status"] == m["help"]["status"] == "ok"
    # Every command runs on a generated tree: a failure here is a bug in the bench or
    # in the command.
    for name in ("validate", "build", "diff", "diff_redline"):
        assert m[name]["status"] == "ok", m[name]
    for name in ("build_vs_pandoc", "diff_vs_redlines"):
        assert result[name] is None or result[name] > 0
        assert set(result["targets"][name]) == {"value", "target", "preset", "met"}
        # Targets are judged on `full` and `stress`, never on the CI preset.
        assert result["targets"][name]["met"] is None
    assert result["sources"]["words"]["total"] > 500
    assert result["install"]["kind"] == "editable" and "editable" in done.stdout
    # The built documents' words are counted by the build's own rule.
    assert result["built"]["report_words"] > result["built"]["report_words_counted"] > 500


def test_template_gets_the_narrative(tmp_path: Path) -> None:
    import zipfile

    template = run.TEMPLATE
    tree = generate.generate("small", 1)
    out = generate.write_template(tree, template, tmp_path / "t.docx")
    with zipfile.ZipFile(template) as z, zipfile.ZipFile(out) as y:
        assert [i.filename for i in z.infolist()] == [i.filename for i in y.infolist()]
        xml = y.read("word/document.xml").decode("utf-8")
    items = [item for section in tree.narrative for item in section]
    assert items
    for item in items:
        assert item.text in xml
    paragraphs = [m.group(0) for m in generate._PARA.finditer(xml)]
    assert paragraphs and not any(generate._is_placeholder(p) for p in paragraphs)


def test_growth_is_time_per_word() -> None:
    def result(words: int, build: float) -> dict:
        return {"sources": {"words": {"total": words}}, "seconds": {"build": build}}

    g = run.growth(result(1000, 12.0), result(100, 1.0))
    assert g["size_ratio"] == 10
    assert g["build"] == {"time_ratio": 12.0, "vs_linear": 1.2}
