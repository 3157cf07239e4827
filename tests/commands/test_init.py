"""`cmwreport init`: a new report project that validates and builds, and the issue's test:
a second data set built as CMW/C/MAR/3 from a subfolder, with no trace of the 2022 data
or of the second cycle in what is written."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import docx
import pytest
import yaml
from docx.oxml.ns import qn

from cmwreport.commands import init as init_command
from tests.conftest import ROOT, SOURCES
from tests.sources.test_editor_schema import errors as schema_errors

#: The console script the venv installed: the tool as a user runs it.
CMWREPORT = Path(sys.executable).parent / "cmwreport"
SECOND = ROOT / "tests" / "fixtures" / "second-project" / "sources"


def tool(*args: str, cwd: Path) -> subprocess.CompletedProcess:
    env = {k: v for k, v in os.environ.items() if k != "SOURCE_DATE_EPOCH"}
    return subprocess.run(
        [str(CMWREPORT), *args], cwd=cwd, capture_output=True, text=True, timeout=120, env=env
    )


def document_text(path: Path) -> str:
    """Every w:t of the body, of every header and footer, and the core properties."""
    document = docx.Document(str(path))
    parts = [document.element.body]
    for section in document.sections:
        for hf in (
            section.header, section.footer, section.first_page_header,
            section.first_page_footer, section.even_page_header, section.even_page_footer,
        ):  # fmt: skip
            if not hf.is_linked_to_previous:
                parts.append(hf._element)
    texts = ["".join(t.text or "" for t in part.iter(qn("w:t"))) for part in parts]
    core = document.core_properties
    texts += [core.title or "", core.subject or "", core.keywords or ""]
    return "\n".join(texts)


@pytest.fixture
def project(tmp_path: Path) -> Path:
    proc = tool("init", "report", "--symbol", "CMW/C/MAR/3", cwd=tmp_path)
    assert proc.returncode == 0, proc.stderr
    return tmp_path / "report"


def test_init_makes_every_part_of_a_project(project: Path) -> None:
    made = sorted(p.relative_to(project).as_posix() for p in project.rglob("*") if p.is_file())
    assert made == [
        "README.md",
        "cmwreport.toml",
        "out/.gitignore",
        "schemas/axis.schema.json",
        "schemas/consultations.schema.json",
        "schemas/meeting.schema.json",
        "schemas/reference.schema.json",
        "schemas/report.schema.json",
        "sources/axes/axis-1.yaml",
        "sources/consultations.yaml",
        "sources/meetings/meeting-1.yaml",
        "sources/reference/CMW-C-MAR-CO-2.yaml",
        "sources/reference/CMW-C-MAR-QPR-3.yaml",
        "sources/report.yaml",
        "templates/periodic-report.docx",
    ]
    report = yaml.safe_load((project / "sources" / "report.yaml").read_text("utf-8"))
    assert report["cycle"] == 3
    assert report["symbol"] == "CMW/C/MAR/3"
    assert report["previous_observations"]["symbol"] == "CMW/C/MAR/CO/2"
    assert report["list_of_issues"]["symbol"] == "CMW/C/MAR/QPR/3"
    assert "الدوري الثالث" in report["title"]
    readme = (project / "README.md").read_text("utf-8")
    assert "cmwreport validate" in readme and "cmwreport build" in readme
    assert "CMW-C-MAR-3.docx" in readme
    assert any("\u0600" <= ch <= "\u06ff" for ch in readme)  # the Arabic half
    assert "!.gitignore" in (project / "out" / ".gitignore").read_text()


def test_each_source_file_names_its_schema_and_passes_it(project: Path) -> None:
    # What an editor with the YAML language server does with the first line: find the
    # schema beside the project and check the file against it.
    for relative, kind in (
        ("sources/report.yaml", "report"),
        ("sources/consultations.yaml", "consultations"),
        ("sources/meetings/meeting-1.yaml", "meeting"),
        ("sources/axes/axis-1.yaml", "axis"),
        ("sources/reference/CMW-C-MAR-CO-2.yaml", "reference"),
        ("sources/reference/CMW-C-MAR-QPR-3.yaml", "reference"),
    ):
        path = project / relative
        first = path.read_text("utf-8").splitlines()[0]
        assert first.startswith("# yaml-language-server: $schema="), first
        schema_path = (path.parent / first.split("=", 1)[1]).resolve()
        assert schema_path == project / "schemas" / f"{kind}.schema.json"
        schema = json.loads(schema_path.read_text("utf-8"))
        assert schema_errors(schema, path) == [], relative
    # The same schemas `cmwreport schema` writes.
    proc = tool("schema", "--out", "fresh", cwd=project)
    assert proc.returncode == 0, proc.stderr
    for fresh in (project / "fresh").iterdir():
        assert fresh.read_bytes() == (project / "schemas" / fresh.name).read_bytes()


def test_every_value_still_to_fill_is_marked(project: Path) -> None:
    report = (project / "sources" / "report.yaml").read_text("utf-8")
    for field in ("date:", "date_received:", "session:", "session_start:", "adopted:"):
        line = next(x for x in report.splitlines() if x.strip().startswith(field))
        assert "TO FILL" in line, line
    # Provisional Arabic text is bracketed, so nobody mistakes it for a finding.
    axis = yaml.safe_load((project / "sources" / "axes" / "axis-1.yaml").read_text("utf-8"))
    assert axis["recommendations"][0]["text"].startswith("[")


def test_new_project_validates_and_builds_from_inside(project: Path) -> None:
    proc = tool("validate", cwd=project / "sources")
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert "\n0 errors, " in "\n" + proc.stdout
    assert proc.stdout.startswith("axes/axis-1.yaml:")  # relative to sources/, where it ran
    proc = tool("build", cwd=project / "sources" / "meetings")
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert "wrote ../../out/CMW-C-MAR-3.docx" in proc.stdout
    report, annex = project / "out" / "CMW-C-MAR-3.docx", project / "out" / "CMW-C-MAR-3-annex.docx"
    text = document_text(report)
    assert "CMW/C/MAR/3" in text and "[نص مؤقت: توصية يصوغها فريق الصياغة]" in text
    assert "[نص مؤقت: توصية يصوغها فريق الصياغة]" in document_text(annex)


def test_a_project_inside_a_project_is_noted(project: Path) -> None:
    proc = tool("init", "annex-work", "--symbol", "CMW/C/MAR/3", cwd=project / "sources")
    assert proc.returncode == 0, proc.stderr
    assert "note: it is inside the project ..\n" in proc.stdout
    # Its own commands work on it, the nearest project.
    assert tool("build", cwd=project / "sources" / "annex-work" / "sources").returncode == 0
    assert (project / "sources" / "annex-work" / "out" / "CMW-C-MAR-3.docx").is_file()


def test_another_state_and_cycle(tmp_path: Path) -> None:
    proc = tool("init", "tun", "--symbol", "CMW/C/TUN/2", cwd=tmp_path)
    assert proc.returncode == 0, proc.stderr
    report = yaml.safe_load((tmp_path / "tun" / "sources" / "report.yaml").read_text("utf-8"))
    assert (report["state"], report["previous_observations"]["symbol"]) == ("TUN", "CMW/C/TUN/CO/1")
    assert tool("build", cwd=tmp_path / "tun").returncode == 0
    assert (tmp_path / "tun" / "out" / "CMW-C-TUN-2.docx").is_file()


def test_init_in_the_current_empty_folder(tmp_path: Path) -> None:
    proc = tool("init", "--symbol", "CMW/C/MAR/4", cwd=tmp_path)
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.endswith("`cmwreport validate` and `cmwreport build` here\n")
    assert (tmp_path / "cmwreport.toml").is_file()
    assert "الدوري الرابع" in (tmp_path / "sources" / "report.yaml").read_text("utf-8")


def test_init_refuses_a_folder_that_is_not_empty(tmp_path: Path) -> None:
    (tmp_path / "drafts").mkdir()
    (tmp_path / "drafts" / "notes.txt").write_text("keep me")
    proc = tool("init", "drafts", "--symbol", "CMW/C/MAR/3", cwd=tmp_path)
    assert proc.returncode == 2
    assert proc.stderr == (
        "cmwreport init: drafts is not empty; init makes a project in a new or empty folder\n"
    )
    assert [p.name for p in (tmp_path / "drafts").iterdir()] == ["notes.txt"]
    (tmp_path / "a-file").write_text("")
    proc = tool("init", "a-file", "--symbol", "CMW/C/MAR/3", cwd=tmp_path)
    assert (proc.returncode, proc.stderr.count("\n")) == (2, 1)
    assert "a-file is a file" in proc.stderr


@pytest.mark.parametrize(
    "symbol, says",
    [
        ("CMW/C/MAR", "has no cycle: give the report's own symbol, with its cycle number"),
        ("CMW/C/MAR/", "has no cycle"),
        ("CMW/C/MAR/1", "is an initial report (cycle 1)"),
        ("CMW/C/MAR/0", "is an initial report (cycle 0)"),
        ("CMW/C/MAR/21", "out of range"),
        ("cmw/c/mar/3", "must be in capitals: CMW/C/MAR/3"),
        ("CMW/C/MAR/CO/2", "is not a periodic report's: write CMW/C/XXX/N"),
        ("CMW/C/MA/3", "is not a periodic report's"),
        ("CRC/C/MAR/3", "is not a periodic report's"),
    ],
)  # fmt: skip
def test_init_refuses_a_bad_symbol(tmp_path: Path, symbol: str, says: str) -> None:
    proc = tool("init", "new", "--symbol", symbol, cwd=tmp_path)
    assert proc.returncode == 2
    assert proc.stderr.startswith("cmwreport init: symbol ") and says in proc.stderr
    assert proc.stderr.count("\n") == 1 and "Traceback" not in proc.stderr
    assert not (tmp_path / "new").exists()


def test_a_failed_write_leaves_nothing(tmp_path: Path, monkeypatch, capsys) -> None:
    # A disk that fills up half-way: the folder must be as it was, not half a project.
    real_write = init_command._write
    calls = []

    def failing(root: Path, relative: Path, data: bytes) -> Path:
        calls.append(relative)
        if len(calls) == 4:
            raise OSError(28, "No space left on device")
        return real_write(root, relative, data)

    monkeypatch.setattr(init_command, "_write", failing)
    for target in (tmp_path / "new", tmp_path / "empty"):
        if target.name == "empty":
            target.mkdir()
        calls.clear()
        with pytest.raises(init_command.InitTrouble, match="No space left on device; nothing kept"):
            init_command.run(target, "CMW/C/MAR/3")
        assert len(calls) == 4
        if target.name == "empty":
            assert list(target.iterdir()) == []
        else:
            assert not target.exists()


# The test: a second, real data set as CMW/C/MAR/3.

#: The 2022 data (sources/ as shipped) and the second cycle, none of which may appear.
CYCLE_2 = ("CMW/C/MAR/2", "CMW/C/MAR/CO/1", "CMW/C/MAR/QPR/2")
PLACES_2022 = ("وجدة", "طنجة", "أكادير", "Oujda", "Tangier", "Agadir", "جهة الشرق")


def texts_of_2022() -> list[str]:
    """Every text of the shipped sources that names something of 2022: recommendations,
    participants, context paragraphs, meeting places and dates."""
    found: list[str] = []
    for path in sorted((SOURCES / "axes").glob("*.yaml")):
        axis = yaml.safe_load(path.read_text("utf-8"))
        found += [r["text"] for r in axis["recommendations"]]
    cons = yaml.safe_load((SOURCES / "consultations.yaml").read_text("utf-8"))
    found += [p["name"] for p in cons["participants"]]
    found += [p["text"] for p in cons["context"]["paragraphs"]]
    found += [cons["title"]]
    for path in sorted((SOURCES / "meetings").glob("*.yaml")):
        meeting = yaml.safe_load(path.read_text("utf-8"))
        found += [meeting["city"], meeting["region"]]
    return found


@pytest.fixture(scope="module")
def second_build(tmp_path_factory) -> tuple[subprocess.CompletedProcess, Path]:
    """The second data set in a project made by init, built from a subfolder with the
    installed tool and no options."""
    tmp = tmp_path_factory.mktemp("second")
    assert tool("init", "mar3", "--symbol", "CMW/C/MAR/3", cwd=tmp).returncode == 0
    project = tmp / "mar3"
    shutil.rmtree(project / "sources")
    shutil.copytree(SECOND, project / "sources")
    proc = tool("build", cwd=project / "sources" / "axes")
    return proc, project / "out"


def test_second_data_set_builds_from_a_subfolder(second_build) -> None:
    proc, out = second_build
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert proc.stderr == ""
    # Its CO/2 paragraph data is in sources/reference/, so paragraph 12 is judged.
    assert "no paragraph data for CMW/C/MAR/CO/2" not in proc.stdout
    assert sorted(p.name for p in out.iterdir()) == [
        ".gitignore", "CMW-C-MAR-3-annex.docx", "CMW-C-MAR-3.docx",
    ]  # fmt: skip
    report = document_text(out / "CMW-C-MAR-3.docx")
    # Its own data is there: the symbols, the places, the year, the recommendations.
    for expected in ("CMW/C/MAR/3", "CMW/C/MAR/CO/2", "CMW/C/MAR/QPR/3", "فاس", "العيون"):
        assert expected in report
    assert "2026" in report  # the dates' formats are the document's business
    assert "تعميم العقود المكتوبة على العمال الموسميين في الضيعات الفلاحية" in report
    assert "لدعوة اللجنة إلى إشراك الفاعلين الجهويين والنقابات" in report  # its paraphrase


@pytest.mark.parametrize("name", ["CMW-C-MAR-3.docx", "CMW-C-MAR-3-annex.docx"])
def test_second_data_set_shows_nothing_of_2022(second_build, name: str) -> None:
    _proc, out = second_build
    text = document_text(out / name)
    leaks = [t for t in (*texts_of_2022(), *PLACES_2022, "2022") if t in text]
    assert leaks == []
    assert [s for s in CYCLE_2 if s in text] == []


def test_second_data_set_shows_no_template_text_of_cycle_2(second_build) -> None:
    _proc, out = second_build
    text = document_text(out / "CMW-C-MAR-3.docx")
    assert "الدوري الثاني" not in text


def test_second_data_set_cites_its_own_paragraph_without_co1_paraphrase(second_build) -> None:
    _proc, out = second_build
    text = document_text(out / "CMW-C-MAR-3.docx")
    assert "(CMW/C/MAR/CO/2، الفقرة 12)" in text
    # CO/1's paragraph 53 (participation of all ministries) is not what CO/2 para 12 says.
    assert "بإشراك جميع الوزارات والهيئات الحكومية" not in text


def test_validate_warns_for_each_value_still_to_fill(project: Path) -> None:
    marked = [
        (path.relative_to(project).as_posix(), number)
        for path in sorted((project / "sources").rglob("*.yaml"))
        for number, line in enumerate(path.read_text("utf-8").splitlines(), 1)
        if "# TO FILL" in line
    ]
    assert len(marked) >= 10
    proc = tool("validate", "--format", "json", cwd=project)
    assert proc.returncode == 0
    found = json.loads(proc.stdout)
    found = found["diagnostics"]
    assert sorted((d["file"], d["line"]) for d in found if d["code"] == "S107") == marked
    assert {d["severity"] for d in found} == {"warning"}
    assert tool("validate", "--strict", cwd=project).returncode == 1
    # Filled in: the marks deleted, nothing left to warn about.
    for path in (project / "sources").rglob("*.yaml"):
        text = path.read_text("utf-8")
        path.write_text(re.sub(r"  # TO FILL.*", "", text), "utf-8")
    # What is left is the template's own drafting placeholders (checks/template.py),
    # still to write in Word: warnings, as the sources' values to fill were.
    proc = tool("validate", "--format", "json", cwd=project)
    left = json.loads(proc.stdout)["diagnostics"]
    assert left and {(d["code"], d["file"]) for d in left} == {
        ("B002", "templates/periodic-report.docx")
    }
