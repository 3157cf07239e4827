"""The project a command works on: found from any folder inside it, its settings, the
paths it shows, and the template shipped in the package for projects without one."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from cmwreport.project import find as proj
from tests.conftest import ROOT, SOURCES

CMWREPORT = Path(sys.executable).parent / "cmwreport"
HEAVY = ("docx", "lxml", "yaml", "babel", "rapidfuzz", "arabic_reshaper", "bidi")


def tool(*args: str, cwd: Path, env: dict | None = None) -> subprocess.CompletedProcess:
    return subprocess.run(
        [str(CMWREPORT), *args], cwd=cwd, capture_output=True, text=True, timeout=120, env=env
    )


def make_project(root: Path, marker: str | None = None, template: bool = True) -> Path:
    """The shipped sources in a project at `root`, with a marker holding `marker` if given."""
    shutil.copytree(SOURCES, root / "sources")
    if template:
        (root / "templates").mkdir()
        shutil.copy(ROOT / "templates" / "periodic-report.docx", root / "templates")
    if marker is not None:
        (root / proj.MARKER).write_text(marker, encoding="utf-8")
    return root


# Finding the root


def test_found_from_any_folder_inside(tmp_path: Path) -> None:
    root = make_project(tmp_path / "p", marker="")
    (root / "notes" / "deep").mkdir(parents=True)
    for start in (root, root / "sources" / "axes", root / "notes" / "deep"):
        found = proj.find(start)
        assert found is not None and found.root == root
        assert found.marker == root / proj.MARKER
    found = proj.find(root / "sources" / "report.yaml")  # a file: its folder
    assert found is not None and found.root == root


def test_sources_report_yaml_alone_marks_a_project(tmp_path: Path) -> None:
    root = make_project(tmp_path / "p", template=False)
    found = proj.find(root / "sources" / "meetings")
    assert found is not None
    assert (found.root, found.marker, found.sources, found.out) == (
        root, None, root / "sources", root / "out",
    )  # fmt: skip
    assert found.template is None


def test_the_nearest_project_wins(tmp_path: Path) -> None:
    outer = make_project(tmp_path, marker="")
    inner = make_project(tmp_path / "next-cycle")
    found = proj.find(inner / "sources")
    assert found is not None and found.root == inner
    # A marker and sources/report.yaml in one folder: one project, the marker's.
    assert proj.find_root(outer) == (outer, outer / proj.MARKER)


def test_nothing_outside_any_project(tmp_path: Path) -> None:
    (tmp_path / "a" / "b").mkdir(parents=True)
    assert proj.find(tmp_path / "a" / "b") is None


def test_discovery_reads_only_the_marker(tmp_path: Path) -> None:
    # A broken report.yaml is validate's to report; finding the project must not read it.
    root = make_project(tmp_path / "p")
    (root / "sources" / "report.yaml").write_bytes(b"\xff\xfe: [unclosed")
    found = proj.find(root / "sources")
    assert found is not None and found.root == root


def test_start_up_imports_nothing_heavy() -> None:
    code = (
        "import sys, cmwreport.cli, cmwreport.project.find as p; p.find(p.Path.cwd()); "
        f"print(','.join(m for m in {HEAVY!r} if m in sys.modules))"
    )
    proc = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, timeout=60
    )
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.strip() == ""


# The marker's settings


def test_marker_settings_are_relative_to_the_root(tmp_path: Path) -> None:
    root = tmp_path / "p"
    root.mkdir()
    (root / proj.MARKER).write_text(
        'sources = "data/yaml"\ntemplate = "word/t.docx"\nout = "/abs/built"\n', encoding="utf-8"
    )
    found = proj.find(root)
    assert found is not None
    assert found.sources == root / "data" / "yaml"
    assert found.template == root / "word" / "t.docx"
    assert found.out == Path("/abs/built")


@pytest.mark.parametrize(
    "text, message",
    [
        ('sources = "a"\ntemplate =\n',
         "cmwreport.toml: not valid TOML: Invalid value (at line 2, column 11)"),
        ('sourcse = "a"\n', "cmwreport.toml: unknown setting 'sourcse' (did you mean 'sources'?); "
                            "the settings are sources, template, out"),
        ("out = 3\n",
         'cmwreport.toml: out must be a path in quotes (out = "..."), the output folder'),
        ('out = ""\n', "cmwreport.toml: out must be a path in quotes"),
        ("[paths]\nout = 'x'\n", "cmwreport.toml: unknown setting 'paths'"),
    ],
)  # fmt: skip
def test_a_bad_marker_is_one_line_exit_2(tmp_path: Path, text: str, message: str) -> None:
    make_project(tmp_path, marker=text)
    (tmp_path / "sub").mkdir()
    for command in ("validate", "build"):
        proc = tool(command, cwd=tmp_path)
        assert proc.returncode == 2
        assert proc.stderr.startswith(f"cmwreport {command}: {message}")
        assert proc.stderr.count("\n") == 1 and "Traceback" not in proc.stderr
    # From a subfolder the marker is named from there.
    proc = tool("validate", cwd=tmp_path / "sub")
    assert proc.stderr.startswith(f"cmwreport validate: ../{message}")


# Commands run from inside a project


def test_paths_in_messages_are_relative_to_where_the_user_stands(tmp_path: Path) -> None:
    root = make_project(tmp_path / "p", marker="")
    report = root / "sources" / "report.yaml"
    report.write_text(report.read_text("utf-8").replace("cycle: 2", "cycle: two"), "utf-8")
    line = next(
        n for n, x in enumerate(report.read_text("utf-8").splitlines(), 1) if x.startswith("cycle")
    )
    for cwd, shown in (
        (root, "sources/report.yaml"),
        (root / "sources" / "axes", "../report.yaml"),
        (root / "templates", "../sources/report.yaml"),
    ):
        proc = tool("validate", cwd=cwd)
        assert proc.returncode == 1
        assert f"{shown}:{line}:8: error S103" in proc.stdout, proc.stdout


def test_build_writes_to_the_project_out_folder_not_the_cwd(tmp_path: Path) -> None:
    root = make_project(tmp_path / "p", marker="")
    cwd = root / "sources" / "meetings"
    proc = tool("build", cwd=cwd)
    assert proc.returncode == 0, proc.stderr
    assert "\nwrote ../../out/CMW-C-MAR-2.docx: " in "\n" + proc.stdout
    assert (root / "out" / "CMW-C-MAR-2.docx").is_file()
    assert not (cwd / "out").exists()


def test_settings_of_the_marker_are_used(tmp_path: Path) -> None:
    root = make_project(
        tmp_path / "p", marker='sources = "data"\nout = "drafts"\ntemplate = "word/t.docx"\n'
    )
    (root / "sources").rename(root / "data")
    (root / "templates").rename(root / "word")
    (root / "word" / "periodic-report.docx").rename(root / "word" / "t.docx")
    proc = tool("build", cwd=root / "word")
    assert proc.returncode == 0, proc.stderr
    assert (root / "drafts" / "CMW-C-MAR-2.docx").is_file()
    # A template the marker names but that is not there: its path, relative to the user.
    (root / "word" / "t.docx").unlink()
    proc = tool("build", cwd=root / "data")
    assert proc.returncode == 2
    assert proc.stderr.startswith("cmwreport build: ../word/t.docx: ")
    assert proc.stderr.count("\n") == 1


def test_explicit_arguments_win(tmp_path: Path) -> None:
    root = make_project(tmp_path / "p", marker="")
    other = make_project(tmp_path / "other", marker='out = "built"\n')
    shutil.copy(ROOT / "templates" / "periodic-report.docx", tmp_path / "mine.docx")
    cwd = root / "sources"
    proc = tool("build", "--out", "here", "--template", "../../mine.docx", cwd=cwd)
    assert proc.returncode == 0, proc.stderr
    assert (cwd / "here" / "CMW-C-MAR-2.docx").is_file()
    # Sources of another project: that project's template and output folder.
    proc = tool("build", "../../other/sources", cwd=cwd)
    assert proc.returncode == 0, proc.stderr
    assert "wrote ../../other/built/CMW-C-MAR-2.docx" in proc.stdout
    assert (other / "built" / "CMW-C-MAR-2.docx").is_file()
    assert not (root / "out").exists()


def test_outside_any_project_without_arguments(tmp_path: Path) -> None:
    for command in ("validate", "build"):
        proc = tool(command, cwd=tmp_path)
        assert proc.returncode == 2
        assert proc.stdout == ""
        assert proc.stderr == (
            f"cmwreport {command}: no report project here or in any parent folder "
            "(no cmwreport.toml or sources/report.yaml); start one with "
            "`cmwreport init DIR --symbol CMW/C/<STATE>/<cycle>`, or give the sources "
            f"folder: `cmwreport {command} PATH`\n"
        )


def test_outside_any_project_with_sources_uses_the_packaged_template(tmp_path: Path) -> None:
    shutil.copytree(SOURCES, tmp_path / "data")  # not named sources/: no project
    proc = tool("build", "data", cwd=tmp_path)
    assert proc.returncode == 0, proc.stderr
    assert (tmp_path / "out" / "CMW-C-MAR-2.docx").is_file()


def test_a_project_without_a_template_uses_the_packaged_one(tmp_path: Path) -> None:
    root = make_project(tmp_path / "p", template=False)
    proc = tool("build", cwd=root / "sources")
    assert proc.returncode == 0, proc.stderr
    assert (root / "out" / "CMW-C-MAR-2.docx").is_file()


# The packaged template


def test_the_packaged_template_is_what_the_script_makes(tmp_path: Path) -> None:
    # The package ships the pristine template (templates/ holds this repository's own,
    # which drafters edit). After changing scripts/make_template.py, run
    # `python scripts/make_template.py src/cmwreport/templates/periodic-report.docx`.
    out = tmp_path / "t.docx"
    subprocess.run(
        [sys.executable, str(ROOT / "scripts" / "make_template.py"), str(out)],
        check=True,
        capture_output=True,
    )
    assert proj.PACKAGED_TEMPLATE.read_bytes() == out.read_bytes(), (
        "the packaged template is stale: run "
        "`python scripts/make_template.py src/cmwreport/templates/periodic-report.docx`"
    )


def test_the_wheel_ships_the_template_and_builds_outside_the_repository(tmp_path: Path) -> None:
    copy = tmp_path / "checkout"
    copy.mkdir()
    for name in ("pyproject.toml", "README.md", "src"):
        (shutil.copytree if (ROOT / name).is_dir() else shutil.copy)(ROOT / name, copy / name)
    subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "-q", "--no-deps", "--no-build-isolation",
         "-w", str(tmp_path / "dist"), str(copy)],
        check=True, capture_output=True, timeout=300,
    )  # fmt: skip
    (wheel,) = (tmp_path / "dist").glob("cmwreport-*.whl")
    site = tmp_path / "site"
    with zipfile.ZipFile(wheel) as zf:
        assert "cmwreport/templates/periodic-report.docx" in zf.namelist()
        for lang in ("ar", "fr"):
            assert f"cmwreport/locale/{lang}/LC_MESSAGES/cmwreport.mo" in zf.namelist()
        zf.extractall(site)
    # The unpacked wheel, not this checkout, run where there is no project at all.
    shutil.copytree(SOURCES, tmp_path / "work" / "data")
    env = {**os.environ, "PYTHONPATH": str(site)}
    code = "import sys, cmwreport; print(cmwreport.__file__); from cmwreport.cli import main; "
    code += "sys.exit(main())"
    proc = subprocess.run(
        [sys.executable, "-c", code, "build", "data"],
        cwd=tmp_path / "work", env=env, capture_output=True, text=True, timeout=120,
    )  # fmt: skip
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.startswith(str(site))
    assert (tmp_path / "work" / "out" / "CMW-C-MAR-2.docx").is_file()
    # ... and speaks French from its own catalogue.
    proc = subprocess.run(
        [sys.executable, "-c", code, "--lang", "fr", "validate", "--help"],
        cwd=tmp_path / "work", env=env, capture_output=True, text=True, timeout=120,
    )  # fmt: skip
    assert "Vérifier les sources YAML" in proc.stdout, proc.stdout


def test_everything_given_needs_no_project(tmp_path: Path) -> None:
    # A broken marker only matters to a command that needs the project's paths.
    root = make_project(tmp_path / "p", marker="this is not toml\n")
    proc = tool("validate", "sources", cwd=root)
    assert proc.returncode == 0, proc.stderr
    args = ("build", "sources", "--template", "templates/periodic-report.docx", "--out", "o")
    assert tool(*args, cwd=root).returncode == 0
    assert tool("validate", cwd=root).returncode == 2


def test_a_deleted_current_folder_is_one_line(tmp_path: Path) -> None:
    gone = tmp_path / "gone"
    gone.mkdir()
    code = (
        "import os, sys; os.chdir(sys.argv[1]); os.rmdir(sys.argv[1]); "
        "sys.argv = ['cmwreport', 'validate']; from cmwreport.cli import main; sys.exit(main())"
    )
    proc = subprocess.run(
        [sys.executable, "-c", code, str(gone)], capture_output=True, text=True, timeout=60
    )
    assert proc.returncode == 2
    assert proc.stderr == (
        "cmwreport validate: the current folder no longer exists (deleted or moved?); "
        "cd to a folder that exists\n"
    )


def test_a_path_through_dot_dot_is_walked_up_from_where_it_leads(tmp_path: Path) -> None:
    here = make_project(tmp_path / "here", marker="")
    (tmp_path / "elsewhere" / "deep").mkdir(parents=True)
    # From here/sources, ../../elsewhere/deep leads out of every project.
    assert proj.find_root(here / "sources" / ".." / ".." / "elsewhere" / "deep") is None


def test_absorb_takes_the_project_sources_and_never_the_packaged_template(tmp_path: Path) -> None:
    # absorb writes into the template: without one in the project it must say so, not
    # edit the template installed with cmwreport.
    root = make_project(tmp_path / "p", marker="", template=False)
    cwd = root / "sources" / "meetings"
    assert tool("build", cwd=cwd).returncode == 0
    packaged = proj.PACKAGED_TEMPLATE.read_bytes()
    proc = tool("absorb", "../../out/CMW-C-MAR-2.docx", cwd=cwd)
    assert proc.returncode == 2
    assert proc.stderr == (
        "cmwreport absorb: ../../templates/periodic-report.docx: no such template; "
        "give it with --template\n"
    )
    assert proj.PACKAGED_TEMPLATE.read_bytes() == packaged
    (root / "templates").mkdir()
    shutil.copy(proj.PACKAGED_TEMPLATE, root / "templates")
    assert tool("build", cwd=cwd).returncode == 0
    proc = tool("absorb", "../../out/CMW-C-MAR-2.docx", "--dry-run", cwd=cwd)
    assert proc.returncode == 0, proc.stderr
    assert "0 edit(s)" in proc.stdout
