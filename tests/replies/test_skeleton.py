"""`cmwreport replies --template` and `init`: a reply heading for every question and
sub-item of the list of issues, in the document's order, written into the template;
a heading already there kept with its text."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import docx
import pytest

from cmwreport.replies.headings import heading
from tests.cli_helpers import cli
from tests.conftest import ROOT
from tests.office import audit_errors
from tests.replies.helpers import COMPLETE_QPR, project

SECOND = ROOT / "tests" / "fixtures" / "second-project" / "sources"
DRAFT = "[نص يحرره فريق الصياغة]"

#: Four questions over the three sections, some following up CO/1 paragraphs.
QPR = (
    COMPLETE_QPR.replace(
        '      - label: a\n        subject: "laws"\n',
        '      - label: a\n        subject: "laws"\n        subject_ar: "القوانين الجديدة"\n'
        "        observations: [26, 32]\n",
    )
    + """\
  - number: 4
    kind: question
    section: "III"
    subject: "statistics"
    subject_ar: "الإحصاءات"
    observations: [16]
"""
)


def paragraphs(template: Path) -> list[tuple[str, str]]:
    return [(p.style.style_id, p.text) for p in docx.Document(str(template)).paragraphs]


def reply_headings(template: Path) -> list[str]:
    return [t for s, t in paragraphs(template) if t.startswith("الرد على")]


def coverage_states(root: Path) -> dict[str, str]:
    proc = cli("coverage", "--format", "json", cwd=root)
    return {q["key"]: q["state"] for q in json.loads(proc.stdout)["questions"]}


def test_listing_writes_nothing(tmp_path):
    root = project(tmp_path, QPR)
    template = root / "templates" / "periodic-report.docx"
    before = template.read_bytes()
    proc = cli("replies", cwd=root)
    assert proc.returncode == 0, proc.stderr
    assert "missing: question 3 (a) of CMW/C/MAR/QPR/2" in proc.stdout
    assert "4 would be added" in proc.stdout
    assert template.read_bytes() == before


def test_every_question_headed_in_order_existing_ones_kept(tmp_path):
    root = project(tmp_path, QPR)
    template = root / "templates" / "periodic-report.docx"
    before = paragraphs(template)
    proc = cli("replies", "--template", cwd=root)
    assert proc.returncode == 0, proc.stderr
    assert "3 reply heading(s) kept, 4 added" in proc.stdout
    assert audit_errors(template) == []
    after = paragraphs(template)

    # In the document's order; questions 1 and 2 keep their one heading each.
    assert reply_headings(template) == [
        heading(1, None),
        heading(2, None),
        heading(3, "a"),
        heading(3, "b"),
        heading(3, "c"),
        heading(4, None),
    ]
    assert heading(3, "a") == "الرد على المسألة المثارة في الفقرة 3 (أ) من قائمة المسائل"
    # Nothing of the template's own text is lost or changed: the new paragraphs are
    # inserted between the old ones.
    old = iter(after)
    assert all(p in old for p in before)
    assert len(after) == len(before) + 8

    # Section II's question after the Part II heading, III's after Part III's.
    texts = [t for _, t in after]
    part2 = next(i for i, t in enumerate(texts) if t.startswith("الجزء الثاني"))
    part3 = next(i for i, t in enumerate(texts) if t.startswith("الجزء الثالث"))
    assert part2 < texts.index(heading(3, "a")) < part3 < texts.index(heading(4, None))

    # Each heading is a Heading3 followed by a UN paragraph holding the placeholder,
    # the question's subject and the CO paragraphs it follows up.
    at = texts.index(heading(3, "a"))
    assert after[at][0] == "Heading3" and after[at + 1][0] == "UNPara"
    assert after[at + 1][1] == (
        f"{DRAFT}: الرد على الفقرة 3 (أ) من قائمة المسائل، القوانين الجديدة "
        "(متابعة CMW/C/MAR/CO/1، الفقرتان 26 و32)."
    )
    assert texts[texts.index(heading(4, None)) + 1].endswith(
        "الإحصاءات (متابعة CMW/C/MAR/CO/1، الفقرة 16)."
    )

    # Every question headed, each reported "placeholder left" until written.
    assert set(coverage_states(root).values()) == {"placeholder left"}
    # A second run adds nothing and leaves the file as it is.
    written = template.read_bytes()
    again = cli("replies", "--template", cwd=root)
    assert "0 added" in again.stdout and template.read_bytes() == written


def test_a_written_reply_turns_to_answered(tmp_path):
    root = project(tmp_path, QPR)
    template = root / "templates" / "periodic-report.docx"
    assert cli("replies", "--template", cwd=root).returncode == 0
    document = docx.Document(str(template))
    found = [p for p in document.paragraphs if p.text == heading(3, "b")]
    reply = found[0]._p.getnext()
    for run in reply.iter("{http://schemas.openxmlformats.org/wordprocessingml/2006/main}t"):
        run.text = ""
    next(
        reply.iter("{http://schemas.openxmlformats.org/wordprocessingml/2006/main}t")
    ).text = "اعتمدت المملكة قوانين جديدة."
    document.save(str(template))
    states = coverage_states(root)
    assert states["3 (b)"] == "answered"
    assert states["3 (a)"] == "placeholder left"


def test_trouble_leaves_the_template_as_it_was(tmp_path):
    root = project(tmp_path, QPR)
    template = root / "templates" / "periodic-report.docx"
    before = template.read_bytes()
    (root / "sources" / "report.yaml").write_text("cycle: [", "utf-8")
    proc = cli("replies", "--template", cwd=root)
    assert proc.returncode == 1 and template.read_bytes() == before
    assert "Traceback" not in proc.stderr


def test_no_data_for_the_list_of_issues_is_exit_2(tmp_path):
    root = tmp_path / "mar3"
    assert cli("init", str(root), "--symbol", "CMW/C/MAR/3").returncode == 0
    shutil.rmtree(root / "sources")
    shutil.copytree(SECOND, root / "sources")  # cites QPR/3 and has no data for it
    proc = cli("replies", "--template", cwd=root)
    assert proc.returncode == 2
    assert "no question of CMW/C/MAR/QPR/3 is known" in proc.stderr
    assert proc.stderr.count("\n") == 1


def test_an_init_project_for_the_third_cycle(tmp_path):
    """The second data set (CMW/C/MAR/3) in an init project whose QPR/3 fill-in file is
    filled: the same skeleton, the same coverage."""
    root = tmp_path / "mar3"
    assert cli("init", str(root), "--symbol", "CMW/C/MAR/3").returncode == 0
    fill_in = root / "sources" / "reference" / "CMW-C-MAR-QPR-3.yaml"
    assert "kind: question" in fill_in.read_text("utf-8")
    shutil.rmtree(root / "sources")
    shutil.copytree(SECOND, root / "sources")
    (root / "sources" / "reference" / "CMW-C-MAR-QPR-3.yaml").write_text(
        """\
symbol: CMW/C/MAR/QPR/3
complete: true
paragraphs:
  - number: 1
    kind: question
    section: "I"
    subject: "legal framework"
    subject_ar: "الإطار القانوني"
  - number: 2
    kind: question
    section: "I"
    subject: "follow-up"
    observations: [12]
    items:
      - label: a
        subject: "regional actors"
      - label: b
        subject: "trade unions"
""",
        "utf-8",
    )
    template = root / "templates" / "periodic-report.docx"
    proc = cli("replies", "--template", cwd=root)
    assert proc.returncode == 0, proc.stderr
    # The packaged template heads question 2 as a whole: kept, its sub-items under it.
    assert "3 reply heading(s) kept, 0 added" in proc.stdout
    assert reply_headings(template) == [heading(1, None), heading(2, None)]
    assert set(coverage_states(root).values()) == {"placeholder left"}


def test_init_heads_every_question_the_shipped_data_lists(tmp_path):
    root = tmp_path / "mar2"
    assert cli("init", str(root), "--symbol", "CMW/C/MAR/2").returncode == 0
    # The shipped data of QPR/2 is used, not shadowed by a fill-in file.
    assert not (root / "sources" / "reference").exists()
    template = root / "templates" / "periodic-report.docx"
    assert audit_errors(template) == []
    assert reply_headings(template)[0] == heading(1, None)


@pytest.mark.libreoffice
def test_the_skeleton_as_libreoffice_numbers_it(tmp_path):
    """The report built from the skeleton, exported by LibreOffice: each new heading in
    order, each reply a numbered UN paragraph continuing the template's numbering."""
    from tests.office import office_text

    root = project(tmp_path, QPR)
    assert cli("replies", "--template", cwd=root).returncode == 0
    assert cli("build", cwd=root).returncode == 0
    lines = [
        line.strip()
        for line in office_text(root / "out" / "CMW-C-MAR-2.docx", tmp_path).splitlines()
    ]
    at = [lines.index(heading(n, x)) for n, x in ((3, "a"), (3, "b"), (3, "c"), (4, None))]
    assert at == sorted(at)
    replies = [lines[i + 1] for i in at]
    numbers = [int(r.split("-", 1)[0]) for r in replies]
    # 3 (a)-(c) one after the other; 4 after Part III's own paragraph.
    assert numbers[:3] == list(range(numbers[0], numbers[0] + 3)), replies
    assert numbers[3] == numbers[2] + 2, replies
    assert all(DRAFT in r for r in replies)
