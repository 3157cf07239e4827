"""Messages in Arabic, French and English (issue 19, item 1).

The catalogues are checked against the code itself: every message marked with `_()`,
`ngettext()` or `N_()` anywhere in the package must have an Arabic and a French
translation whose `{placeholders}` are the English ones, and the compiled .mo files the
package loads must be those of the .po files. When one of these fails after you added a
message: translate it in src/cmwreport/locale/*/LC_MESSAGES/cmwreport.po and run
scripts/catalogues.sh (docs/translating.md).
"""

from __future__ import annotations

import io
import json
import re
import unicodedata
from pathlib import Path

import pytest

from cmwreport import i18n
from tests.cli_helpers import cli
from tests.conftest import ROOT

LOCALE = ROOT / "src" / "cmwreport" / "locale"
FSI, PDI = "\u2068", "\u2069"
_PLACEHOLDER = re.compile(r"(?<!\{)\{([A-Za-z_][A-Za-z_0-9]*)[^{}]*\}")


@pytest.fixture(autouse=True)
def _forget_language():
    yield
    i18n.reset()


def _messages_in_code() -> dict[str | tuple[str, str], str]:
    """Every message the code marks, with where it is (for the failure message)."""
    from babel.messages.extract import extract_from_dir
    from babel.messages.frontend import parse_mapping_cfg

    # babel.cfg, as scripts/catalogues.sh reads it: the field descriptions of
    # sources/schema.py too (cmwreport/i18n_extract.py).
    with (ROOT / "babel.cfg").open(encoding="utf-8") as cfg:
        method_map, options_map = parse_mapping_cfg(cfg)
    found: dict = {}
    for filename, lineno, message, _comments, _context in extract_from_dir(
        str(ROOT / "src" / "cmwreport"), method_map, options_map
    ):
        key = message if isinstance(message, str) else tuple(message[:2])
        found.setdefault(key, f"src/cmwreport/{filename}:{lineno}")
    return found


def _catalogue(lang: str):
    from babel.messages.pofile import read_po

    with (LOCALE / lang / "LC_MESSAGES" / "cmwreport.po").open("rb") as f:
        return read_po(f, locale=lang)


def _placeholders(text: str) -> set[str]:
    return set(_PLACEHOLDER.findall(text))


@pytest.mark.parametrize("lang", ["ar", "fr"])
def test_every_message_is_translated(lang):
    catalogue = _catalogue(lang)
    missing = []
    for key, where in sorted(_messages_in_code().items(), key=lambda kv: kv[1]):
        message = catalogue.get(key if isinstance(key, str) else key[0])
        strings = () if message is None else message.string
        strings = (strings,) if isinstance(strings, str) else strings
        if message is None or message.fuzzy or not strings or not all(strings):
            missing.append(f"{where}: {key!r}")
    assert not missing, f"{len(missing)} messages without a {lang} translation:\n" + "\n".join(
        missing
    )


@pytest.mark.parametrize("lang", ["ar", "fr"])
def test_translations_keep_the_placeholders(lang):
    wrong = []
    for message in _catalogue(lang):
        if not message.id or not message.string:
            continue
        if isinstance(message.id, str):
            if _placeholders(message.id) != _placeholders(message.string):
                wrong.append((message.id, message.string))
            continue
        # A plural form may leave out the count ("خطآن", two errors), nothing else.
        english = _placeholders(message.id[0]) | _placeholders(message.id[1])
        for form in message.string:
            if not _placeholders(form) <= english or (english - {"n"}) - _placeholders(form):
                wrong.append((message.id, form))
    assert not wrong, "placeholders differ from the English:\n" + "\n".join(map(repr, wrong))


@pytest.mark.parametrize("lang", ["ar", "fr"])
def test_compiled_catalogues_are_those_of_the_po_files(lang):
    from babel.messages.mofile import write_mo

    compiled = io.BytesIO()
    write_mo(compiled, _catalogue(lang))
    mo = LOCALE / lang / "LC_MESSAGES" / "cmwreport.mo"
    assert mo.read_bytes() == compiled.getvalue(), "run scripts/catalogues.sh"


def test_arabic_is_stored_logical_nfc_without_presentation_forms_or_marks():
    for message in _catalogue("ar"):
        strings = (message.string,) if isinstance(message.string, str) else message.string
        for text in strings:
            assert unicodedata.normalize("NFC", text) == text, text
            assert not re.search("[\ufb50-\ufdff\ufe70-\ufeff\u200e\u200f\u202a-\u202e]", text)


def test_language_from_environment_in_gettext_order(monkeypatch, tmp_path):
    monkeypatch.chdir(tmp_path)
    for name in ("LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG"):
        monkeypatch.delenv(name, raising=False)
    cases = [
        ({}, "en"),
        ({"LANG": "C.UTF-8"}, "en"),
        ({"LANG": "ar_MA.UTF-8"}, "ar"),
        ({"LANG": "fr_FR.UTF-8"}, "fr"),
        ({"LANG": "fr_FR.UTF-8", "LC_MESSAGES": "ar_MA.UTF-8"}, "ar"),
        ({"LANG": "ar_MA.UTF-8", "LC_ALL": "fr_CA"}, "fr"),
        ({"LANG": "ar_MA.UTF-8", "LANGUAGE": "de:fr"}, "fr"),
        # The first variable set decides, as in gettext: German asked, so English.
        ({"LANG": "ar_MA.UTF-8", "LC_ALL": "de_DE.UTF-8"}, "en"),
    ]
    for env, expected in cases:
        for name in ("LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG"):
            monkeypatch.delenv(name, raising=False)
        for name, value in env.items():
            monkeypatch.setenv(name, value)
        i18n.reset()
        assert i18n.language() == expected, env


def _project(root: Path, lang_line: str = "") -> Path:
    root.mkdir(parents=True)
    (root / "cmwreport.toml").write_text(f'sources = "sources"\n{lang_line}', encoding="utf-8")
    (root / "sources").mkdir()
    return root


def test_lang_option_beats_project_beats_environment(tmp_path):
    root = _project(tmp_path / "p", 'lang = "fr"\n')
    (root / "sub").mkdir()
    env = {"LANG": "ar_MA.UTF-8", "LANGUAGE": "", "LC_ALL": "", "LC_MESSAGES": ""}
    french = cli("validate", "--help", cwd=root / "sub", env=env)
    arabic = cli("--lang", "ar", "validate", "--help", cwd=root / "sub", env=env)
    english = cli("validate", "--help", "--lang=en", cwd=root / "sub", env=env)
    assert french.returncode == arabic.returncode == english.returncode == 0
    assert "Vérifier les sources YAML" in french.stdout, french.stdout
    assert "التحقق من مصادر YAML" in arabic.stdout.replace(FSI, "").replace(PDI, "")
    assert "Check the YAML sources" in english.stdout
    # Outside the project, the environment speaks.
    outside = cli("--help", cwd=tmp_path, env=env)
    assert "التحقق من مصادر" in outside.stdout


def test_unknown_language_is_one_line_exit_2(tmp_path):
    proc = cli("--lang", "de", "validate", cwd=tmp_path)
    assert proc.returncode == 2
    assert proc.stderr == (
        "cmwreport validate: --lang 'de': cmwreport speaks ar (Arabic), fr (French) "
        "and en (English)\n"
    )
    root = _project(tmp_path / "p", 'lang = "es"\n')
    proc = cli("validate", cwd=root)
    assert proc.returncode == 2
    assert proc.stderr.startswith("cmwreport validate: cmwreport.toml: lang must be one of")


def _broken_tree(tmp_path: Path) -> Path:
    import shutil

    from tests.conftest import SOURCES

    tree = tmp_path / "sources"
    shutil.copytree(SOURCES, tree)
    report = tree / "report.yaml"
    text = report.read_text(encoding="utf-8")
    report.write_text(text.replace("\nsymbol:", "\nsymbool:", 1), encoding="utf-8")
    return tree


def test_arabic_terminal_lines_isolate_paths_and_codes_on_the_bytes(tmp_path):
    _broken_tree(tmp_path)
    proc = subprocess_bytes("--lang", "ar", "validate", "sources", cwd=tmp_path)
    assert proc.returncode == 1
    lines = proc.stdout.splitlines()
    first = lines[0]
    # ⁨sources/report.yaml:L:C⁩: خطأ ⁨S1xx⁩ ...
    fsi, pdi = FSI.encode(), PDI.encode()
    assert first.startswith(fsi + b"sources/report.yaml:"), first
    where, rest = first[len(fsi) :].split(pdi + b": ", 1)
    assert re.fullmatch(rb"sources/report\.yaml:\d+:\d+", where)
    assert rest.startswith("خطأ ".encode() + fsi + b"S"), rest
    # One mistake, one diagnostic; the summary in Arabic words and plural forms.
    assert len(lines) == 5, proc.stdout.decode()  # the line, its source and caret, totals
    assert "«".encode() + fsi + b"symbool" + pdi + "»".encode() in first
    summary = lines[-1].decode().replace(FSI, "").replace(PDI, "")
    assert summary == "خطأ واحد، لا تنبيهات في 9 ملفات", summary


def test_machine_formats_keep_keys_and_codes_and_translate_the_text(tmp_path):
    _broken_tree(tmp_path)
    english = json.loads(cli("validate", "--format", "json", "sources", cwd=tmp_path).stdout)
    french = json.loads(
        cli("validate", "--format", "json", "--lang", "fr", "sources", cwd=tmp_path).stdout
    )
    assert english.keys() == french.keys()
    assert english["summary"] == french["summary"]
    for en, fr in zip(english["diagnostics"], french["diagnostics"], strict=True):
        assert {k: v for k, v in en.items() if k != "message"} == {
            k: v for k, v in fr.items() if k != "message"
        }
    assert english["diagnostics"][0]["message"].startswith("unknown field 'symbool'")
    assert french["diagnostics"][0]["message"].startswith("champ « symbool » inconnu")
    annotations = cli("validate", "--format", "github", "--lang", "ar", "sources", cwd=tmp_path)
    assert annotations.stdout.startswith("::error file=sources/report.yaml,line="), annotations


def test_english_loads_no_catalogue(monkeypatch):
    i18n.choose("en")
    assert i18n._("interrupted") == "interrupted"
    assert i18n._catalogue is None
    i18n.choose("fr")
    assert i18n._("interrupted") == "interrompu"
    assert i18n._catalogue is not None


def subprocess_bytes(*args: str, cwd: Path):
    import os
    import subprocess
    import sys

    return subprocess.run(
        [sys.executable, "-m", "cmwreport", *args],
        cwd=cwd,
        capture_output=True,
        env={**os.environ},
        timeout=120,
    )


def test_no_message_hides_inside_an_f_string():
    # Babel cannot see a _() call written inside an f-string's braces (Python 3.11
    # tokenises the f-string as one string): the message would never reach the catalogue.
    import tokenize

    hidden = []
    for path in sorted((ROOT / "src" / "cmwreport").rglob("*.py")):
        with path.open("rb") as f:
            for token in tokenize.tokenize(f.readline):
                prefix = token.string[:3].lower()
                if token.type == tokenize.STRING and "f" in prefix.split('"')[0].split("'")[0]:
                    if re.search(r"\{[^{}]*\b(_|ngettext)\(", token.string):
                        hidden.append(f"{path.relative_to(ROOT)}:{token.start[0]}")
    assert not hidden, hidden


def test_no_function_rebinds_the_message_function():
    # `for (path, _), x in ...` in a function that also calls `_()` makes `_` a local:
    # the message after it is a TypeError, a crash instead of the message.
    import ast

    scopes = (ast.FunctionDef, ast.AsyncFunctionDef, ast.Lambda, ast.ListComp, ast.SetComp)
    scopes += (ast.DictComp, ast.GeneratorExp)

    def own_nodes(function):
        """The nodes of a function's own scope (not of nested functions or comprehensions)."""
        stack = list(ast.iter_child_nodes(function))
        while stack:
            node = stack.pop()
            yield node
            if not isinstance(node, scopes):
                stack.extend(ast.iter_child_nodes(node))

    rebound = []
    for path in sorted((ROOT / "src" / "cmwreport").rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for function in ast.walk(tree):
            if not isinstance(function, (ast.FunctionDef, ast.AsyncFunctionDef)):
                continue
            names = [n for n in own_nodes(function) if isinstance(n, ast.Name) and n.id == "_"]
            stores = [n for n in names if isinstance(n.ctx, ast.Store)]
            calls = [
                n
                for n in own_nodes(function)
                if isinstance(n, ast.Call) and isinstance(n.func, ast.Name) and n.func.id == "_"
            ]
            if stores and calls:
                rebound.append(f"{path.relative_to(ROOT)}:{stores[0].lineno}")
    assert not rebound, rebound


def test_no_arabic_message_isolates_a_mark_from_its_letter():
    # A tanwin or shadda (a nonspacing mark) belongs to the letter before it: isolating
    # the Latin run after "مثلاً" from its alif on put the mark inside the run, so
    # terminals drew "مثلا" and the tanwin apart (SOURCE_DATE_EPOCH's message did).
    from cmwreport.arabic.isolate import FSI, PDI, isolated

    marked, split = 0, []
    for message in _catalogue("ar"):
        forms = message.string if isinstance(message.string, tuple) else (message.string,)
        for form in forms:
            if not form or not any(unicodedata.category(c) == "Mn" for c in form):
                continue
            marked += 1
            shown = isolated(form, {name: _AnyValue() for name in _placeholders(form)})
            for i, ch in enumerate(shown[1:], 1):
                if unicodedata.category(ch) == "Mn" and shown[i - 1] in (FSI, PDI):
                    split.append(shown)
    assert marked > 10, marked  # the catalogue has marked words to check
    assert not split, "\n".join(split)


class _AnyValue:
    """A placeholder's value that any format spec accepts (dates', counts')."""

    def __format__(self, spec: str) -> str:
        return "v7"


def test_source_date_epoch_message_keeps_its_word_whole():
    from cmwreport.arabic.isolate import FSI

    proc = cli("--lang", "ar", "build", env={"SOURCE_DATE_EPOCH": "abc"})
    assert proc.returncode == 2, proc.stderr
    assert "مثلاً " + FSI + "1700000000" in proc.stderr, proc.stderr
