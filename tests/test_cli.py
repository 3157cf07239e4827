"""The command line itself: help, start-up imports, usage errors."""

from __future__ import annotations

import shutil
import subprocess
import sys

from tests.conftest import ROOT

HEAVY = ("docx", "lxml", "yaml", "babel", "rapidfuzz", "arabic_reshaper", "bidi")


def run(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, *args], cwd=ROOT, capture_output=True, text=True, timeout=60
    )


def test_help_lists_the_three_commands():
    proc = run("-m", "cmwreport", "--help")
    assert proc.returncode == 0
    for command in ("validate", "build", "diff"):
        assert command in proc.stdout


def test_start_up_imports_nothing_heavy():
    # Every call pays for what cli.py imports; the commands import their own libraries.
    code = f"import sys, cmwreport.cli; print(','.join(m for m in {HEAVY!r} if m in sys.modules))"
    proc = run("-c", code)
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.strip() == ""


def test_usage_error_exits_2_without_traceback():
    proc = run("-m", "cmwreport", "validate", "--format", "xml")
    assert proc.returncode == 2
    assert "Traceback" not in proc.stderr
    proc = run("-m", "cmwreport", "frobnicate")
    assert proc.returncode == 2


def test_the_entry_point_imports_not_even_typer():
    # Until cli.main's try is entered, Ctrl-C would print a traceback: the entry module
    # must load in well under a millisecond.
    code = "import sys, cmwreport.cli; print(sorted({'typer', 'click', 'enum'} & set(sys.modules)))"
    proc = run("-c", code)
    assert proc.returncode == 0, proc.stderr
    assert "typer" not in proc.stdout and "click" not in proc.stdout


def test_no_arguments_shows_help():
    proc = run("-m", "cmwreport")
    assert proc.returncode == 2 and "Usage: cmwreport" in proc.stdout + proc.stderr
    assert "Traceback" not in proc.stderr


# What `--help` and `validate` may import beyond a bare interpreter's start-up: the
# start-up every call pays (issue 21). A module missing here is a deliberate choice to
# make, with its cost measured (`python -X importtime`), not a line to add in passing.
_IMPORTED = (
    "import io, sys; base = set(sys.modules); from cmwreport.cli import main\n"
    "out, sys.stdout = sys.stdout, io.StringIO()\n"
    "try: code = main(sys.argv[1:])\n"
    "finally: sys.stdout = out\n"
    "print(code, ' '.join(sorted(set(sys.modules) - base)))"
)
#: Standard-library modules the entry point, the parser and the error path use.
HELP_STDLIB = {
    "__future__", "_collections", "_functools", "_operator", "collections",
    "collections.abc", "encodings.ascii", "enum", "functools", "itertools",
    "keyword", "operator", "reprlib", "types",
}  # fmt: skip
HELP_MODULES = {
    "cmwreport", "cmwreport.cli", "cmwreport.commands", "cmwreport.commands.app",
    "cmwreport.commands.args", "cmwreport.errors", "cmwreport.stdio",
    # The one message function (docs/translating.md): English reads no catalogue.
    "cmwreport.i18n",
}  # fmt: skip
#: validate reads YAML and checks it: no Word, no comparison, no command-line framework,
#: no terminal library.
NEVER_IN_VALIDATE = (
    "typer", "click", "rich", "lxml", "docx", "rapidfuzz", "babel", "arabic_reshaper",
    "bidi", "cmwreport.docx", "cmwreport.build", "cmwreport.diff", "cmwreport.draft",
    "cmwreport.redline", "cmwreport.absorb",
)  # fmt: skip


def _imported(*args: str) -> tuple[int, set[str]]:
    proc = run("-c", _IMPORTED, *args)
    assert proc.returncode == 0, proc.stderr
    code, _, modules = proc.stdout.strip().partition(" ")
    return int(code), set(modules.split())


def test_help_imports_only_the_parser_and_the_error_path():
    for args in (["--help"], ["--version"], ["validate", "--help"], ["diff", "--help"]):
        code, modules = _imported(*args)
        assert code == 0
        assert modules - HELP_STDLIB - HELP_MODULES == set(), args


def test_a_usage_error_imports_no_command():
    code, modules = _imported("diff", "--format", "xml")
    assert code == 2
    assert modules - HELP_STDLIB - HELP_MODULES == set()


def test_validate_imports_no_word_reader_nor_framework():
    code, modules = _imported("validate", str(ROOT / "sources"))
    assert code == 0 and "cmwreport.sources.load" in modules
    heavy = {m for m in modules if m.split(".")[0] in NEVER_IN_VALIDATE}
    heavy |= {m for m in modules for prefix in NEVER_IN_VALIDATE if m.startswith(prefix + ".")}
    assert heavy == set()


def test_validate_of_plain_files_imports_no_pyyaml(tmp_path):
    # Importing PyYAML costs twice a bare interpreter's start-up: files in the subset
    # sources/plainyaml.py reads (all a drafter writes) are read without it, and so is
    # the Convention's data the checks need.
    for args in ([], ["--format", "json"]):
        code, modules = _imported("validate", str(ROOT / "sources"), *args)
        assert code == 0 and "cmwreport.sources.plainyaml" in modules
        assert {m for m in modules if m == "yaml" or m.startswith("yaml.")} == set(), args
    # A file outside the subset (an anchor) is read by PyYAML, as before.
    tree = tmp_path / "sources"
    shutil.copytree(ROOT / "sources", tree)
    report = tree / "report.yaml"
    report.write_text(report.read_text(encoding="utf-8").replace("cycle: 2", "cycle: &c 2"))
    code, modules = _imported("validate", str(tree))
    assert code == 0 and "yaml" in modules


def test_build_of_plain_files_imports_no_pyyaml(tmp_path):
    # The sources, the Convention and the UN Arabic wording (un_arabic.yaml): all read
    # by plainyaml.
    code, modules = _imported("build", str(ROOT / "sources"), "--out", str(tmp_path / "out"))
    assert code == 0 and (tmp_path / "out" / "CMW-C-MAR-2.docx").is_file()
    assert "cmwreport.arabic.wording" in modules
    assert {m for m in modules if m == "yaml" or m.startswith("yaml.")} == set()


def test_validate_leaves_what_only_a_problem_or_json_needs():
    # difflib (a misspelt field), calendar (a date that does not exist), json (--format
    # json) are imported where they are used: a clean tree printed as text needs none;
    # typing only by type checkers.
    code, modules = _imported("validate", str(ROOT / "sources"))
    assert code == 0 and "cmwreport.sources.convert" in modules
    assert {"difflib", "calendar", "json", "typing"} & modules == set()
    # Nor dataclasses (and inspect, ast, dis, tokenize with it): the module and the
    # methods it compiles for each class cost more than checking a small tree.
    assert {"dataclasses", "inspect", "ast", "dis", "tokenize"} & modules == set()
    code, modules = _imported("validate", str(ROOT / "sources"), "--format", "json")
    assert code == 0 and "json" in modules


#: What a diff of two small drafts (text on the terminal) does without: each costs more
#: than reading the drafts does (issue 21). Dataclass creation was a tenth of such a diff;
#: rapidfuzz loads every metric it has for the one or two scores the pairing needs
#: (diff/similarity.py computes them); hashlib starts OpenSSL for a picture's digest,
#: which CPython's own SHA-256 module computes. typing, gzip and contextlib are lxml's
#: at load, and stood in for while it loads (cmwreport/docx/__init__.py); the UN wording
#: labels sub-paragraphs, which these drafts have none of.
NEVER_IN_A_SMALL_DIFF = (
    "dataclasses", "json", "tempfile", "cmwreport.redline",
    "cmwreport.diff.render.html", "cmwreport.diagnostics", "yaml", "datetime", "rapidfuzz",
    "hashlib", "_hashlib", "typing", "gzip", "contextlib", "cmwreport.arabic.wording",
)  # fmt: skip


def _unwanted(modules: set[str], names) -> set[str]:
    return {m for m in modules for name in names if m == name or m.startswith(name + ".")}


def test_a_diff_of_two_small_drafts_imports_only_what_it_uses(tmp_path, monkeypatch):
    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)
    real = ROOT / "tests" / "fixtures" / "real"
    old, new = real / "lo" / "lo-report.docx", real / "pairs" / "lo-textbox-edited.docx"
    code, modules = _imported("diff", str(old), str(new), "--color", "never")
    # Exit 1: the drafts differ, so the whole comparison ran (a picture digested too).
    assert code == 1 and {"cmwreport.draft.reader", "cmwreport.diff.compare"} <= modules
    # The pairing scores with diff/similarity.py, not rapidfuzz.
    assert "cmwreport.diff.similarity" in modules
    assert _unwanted(modules, NEVER_IN_A_SMALL_DIFF) == set()
    # These drafts hold a picture, compared by digest: CPython's SHA-256, not OpenSSL's.
    assert {"_sha256", "_sha2"} & modules
    # The redline brings its writer, JSON its encoder (not the json package, whose
    # decoder a report never uses): still no dataclass or tempfile (outputs make their
    # temporary files themselves).
    red = tmp_path / "redline.docx"
    code, modules = _imported("diff", str(old), str(new), "--format", "json", "--redline", str(red))
    assert code == 1 and red.stat().st_size > 0
    assert {"cmwreport.redline.writer", "cmwreport.diff.render.json_text"} <= modules
    assert "json" not in modules
    # lxml's own deep copy (__copy__) rather than the copy module's (with weakref).
    # The revisions' date is the new draft's, as Word wrote it: no datetime to parse it.
    assert _unwanted(modules, ("dataclasses", "tempfile", "rapidfuzz", "copy", "weakref")) == set()
    # lxml loads without inspect (cmwreport/docx/__init__.py), and nothing else wants it;
    # the drafts are read and the redline written by docx/zipio.py, without zipfile;
    # paths are text (cmwreport/pathtext.py), without pathlib and its urllib.parse.
    unwanted = {"inspect", "ast", "dis", "tokenize", "zipfile", "shutil", "pathlib", "urllib"}
    assert _unwanted(modules, unwanted) == set()
    assert {"hashlib", "_hashlib"} & modules == set()
    assert "datetime" not in modules
    assert _unwanted(modules, ("typing", "gzip", "contextlib", "cmwreport.arabic.wording")) == set()
    # A text edited: no formatting to mark (redline/format.py), no header put back.
    assert {"cmwreport.redline.format", "cmwreport.redline.stories"} & modules == set()
    # Dated by SOURCE_DATE_EPOCH, the revisions' date is written without datetime.
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")
    code, modules = _imported("diff", str(old), str(new), "--format", "json", "--redline", str(red))
    assert code == 1 and "cmwreport.redline.writer" in modules
    assert _unwanted(modules, ("datetime", "typing", "gzip", "contextlib")) == set()


def test_version():
    proc = run("-m", "cmwreport", "--version")
    assert proc.returncode == 0 and proc.stdout == "cmwreport 0.1.0\n"


# A process that is cmwreport ends without the interpreter's exit (cli._exit_now) once
# its command is done, but for whatever could still need that exit.
_AS_SCRIPT = (
    "import sys\n"
    "{before}\n"
    "from cmwreport.cli import main\n"
    "sys.argv = ['cmwreport', *sys.argv[1:]]\n"
    "sys.exit(main())\n"
)


def test_a_command_done_ends_its_process_with_its_output_whole():
    proc = run("-c", _AS_SCRIPT.format(before=""), "--version")
    assert (proc.returncode, proc.stdout, proc.stderr) == (0, "cmwreport 0.1.0\n", "")
    real = ROOT / "tests" / "fixtures" / "real"
    old, new = real / "lo" / "lo-report.docx", real / "pairs" / "lo-textbox-edited.docx"
    proc = run("-c", _AS_SCRIPT.format(before=""), "diff", str(old), str(new), "--format", "json")
    assert proc.returncode == 1 and proc.stderr == ""
    assert proc.stdout.endswith("}\n")
    assert '"changes"' in proc.stdout
    # What main gives in a process that keeps the interpreter's exit.
    inside = subprocess.run(
        [sys.executable, "-c", "import sys; from cmwreport.cli import main; main(sys.argv[1:])",
         "diff", str(old), str(new), "--format", "json"],
        cwd=ROOT, capture_output=True, text=True, timeout=60,
    )  # fmt: skip
    assert inside.stdout == proc.stdout


def test_the_interpreters_exit_is_kept_for_atexit_callbacks_and_threads():
    # A callback registered with atexit (a coverage tool's) runs; a thread still
    # running is waited for.
    code = _AS_SCRIPT.format(before="import atexit; atexit.register(print, 'atexit ran')")
    proc = run("-c", code, "--version")
    assert proc.returncode == 0
    assert proc.stdout.splitlines() == ["cmwreport 0.1.0", "atexit ran"]
    thread = (
        "import threading, time\n"
        "threading.Thread(target=lambda: (time.sleep(0.3), print('thread done'))).start()"
    )
    proc = run("-c", _AS_SCRIPT.format(before=thread), "--version")
    assert proc.returncode == 0
    assert proc.stdout.splitlines() == ["cmwreport 0.1.0", "thread done"]
