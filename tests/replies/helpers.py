"""Projects for the reply tests: a copy of the shipped project, a list of issues of our
own making for it, and a template with every drafting placeholder written."""

from __future__ import annotations

import shutil
import zipfile
from pathlib import Path

from tests.conftest import ROOT, SOURCES, TEMPLATE

DRAFT = "[نص يحرره فريق الصياغة]"

#: A whole list of issues for CMW/C/MAR/QPR/2, invented for tests (the shipped data is
#: incomplete): question 1 with (a) and (b), 2 without sub-items, 3 with (a) to (c).
COMPLETE_QPR = """\
symbol: CMW/C/MAR/QPR/2
complete: true
paragraphs:
  - number: 1
    kind: question
    section: "I"
    subject: "legal framework"
    items:
      - label: a
        subject: "laws and policies"
      - label: b
        subject: "harmonising law 02.03"
        observations: [10]
  - number: 2
    kind: question
    section: "I"
    subject: "non-discrimination"
    articles: [7]
    observations: [20]
  - number: 3
    kind: question
    section: "II"
    subject: "new developments"
    items:
      - label: a
        subject: "laws"
      - label: b
        subject: "institutions"
      - label: c
        subject: "policies"
        articles: [65]
"""


def project(tmp_path: Path, qpr: str | None = None) -> Path:
    """A copy of the shipped project (marker, sources, template) in tmp_path/project;
    with `qpr`, its own reference data for CMW/C/MAR/QPR/2."""
    root = tmp_path / "project"
    root.mkdir()
    shutil.copy(ROOT / "cmwreport.toml", root / "cmwreport.toml")
    shutil.copytree(SOURCES, root / "sources")
    (root / "templates").mkdir()
    shutil.copy(TEMPLATE, root / "templates" / "periodic-report.docx")
    if qpr is not None:
        (root / "sources" / "reference").mkdir()
        (root / "sources" / "reference" / "CMW-C-MAR-QPR-2.yaml").write_text(qpr, "utf-8")
    return root


def fill_placeholders(template: Path, text: str = "نص محرر") -> None:
    """Every drafting placeholder of the template's body replaced by written text."""
    data = {}
    with zipfile.ZipFile(template) as src:
        infos = src.infolist()
        for info in infos:
            data[info.filename] = src.read(info.filename)
    data["word/document.xml"] = data["word/document.xml"].replace(DRAFT.encode(), text.encode())
    with zipfile.ZipFile(template, "w") as dst:
        for info in infos:
            dst.writestr(info, data[info.filename])


def body_paragraphs(document: Path, starting: str) -> list[int]:
    """Body paragraphs (from 1, table cells included, as build and validate count them)
    whose text starts with `starting`."""
    import docx

    W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
    body = docx.Document(str(document)).element.body
    return [
        n
        for n, p in enumerate(body.iter(f"{W}p"), start=1)
        if "".join(t.text or "" for t in p.iter(f"{W}t")).startswith(starting)
    ]
