"""The peers cmwreport is measured against, and what they are given to do.

- pandoc writes the same two documents from Markdown (`-f markdown -t docx`, the
  template as `--reference-doc`): its input is the text of our built documents, so
  both write the same words;
- python-redlines (its .NET `DocxodusEngine`) writes NEW with tracked changes against
  OLD, one Python process per comparison, as its users run it.
"""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path
from xml.etree import ElementTree as ET

import generate
from measure import Measure, measure, skipped

REPO = Path(__file__).resolve().parent.parent
TEMPLATE = REPO / "templates" / "periodic-report.docx"
#: Pairs of LibreOffice-authored drafts from the real-document corpus (tests/fixtures/real)
#: whose changes sit in text boxes, endnotes and pictures: what Word drafts carry.
REAL = REPO / "tests" / "fixtures" / "real"
REAL_PAIRS = ("lo-textbox-edited", "lo-endnote-edited", "lo-image-replaced")
INSTALL = {
    "pandoc": "install it with `apt-get install pandoc` (Debian) to compare build speed",
    "redlines": "install it with `pip install 'python-redlines[docxodus]'` to compare diff speed",
}
W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"

# The peer comparer, run the way a Python user runs it: one process per comparison.
REDLINES_SCRIPT = """\
import sys
from python_redlines import DocxodusEngine
out, _, _ = DocxodusEngine().run_redline("bench", sys.argv[1], sys.argv[2])
open(sys.argv[3], "wb").write(out)
"""


def real_pairs() -> list[tuple[str, str]]:
    try:
        listed = json.loads((REAL / "pairs.json").read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return []
    return [
        tuple(str(REAL / part) for part in listed[name]) for name in REAL_PAIRS if name in listed
    ]


def pandoc(work, tree, report, annex, repeat, timeout) -> tuple[Measure, str]:
    found = shutil.which("pandoc")
    if found is None:
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
            ([found, "-f", "markdown", "-t", "docx", *reference, "-o", str(out), str(md)], None)
        )
    return measure(steps, repeat, timeout=timeout), source


def pandoc_drafts(work: Path, *trees: generate.Tree) -> list[tuple[Path, Path]]:
    """A pair of drafts written by pandoc, for when `cmwreport build` cannot run."""
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


def redlines(work, pairs, repeat, timeout) -> Measure:
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


def redlines_version() -> str | None:
    try:
        from importlib.metadata import version

        return version("python-redlines")
    except Exception:
        return None


# --- pandoc's input: the text of what we built, as Markdown -------------------------


def blocks(path: Path):
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


def markdown_from_docx(path: Path) -> str:
    """The built document's text as Markdown, so pandoc writes exactly what we wrote."""
    out = [_front_matter()]
    for style, content in blocks(path):
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
