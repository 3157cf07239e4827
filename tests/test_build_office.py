"""The built report and annex as LibreOffice renders them (PDF, then pdftotext).

Each output is converted once per session. pdftotext gives Arabic line by line in
logical order, but a justified paragraph's numbers (1-, (أ)) land in a column of their
own and diacritics may come out detached, so text is compared after dropping those
labels, diacritics, tatweel and all whitespace, and with hyphenated digit groups
(03-02), whose order pdftotext does not keep in Arabic lines, taken unordered.
"""

from __future__ import annotations

import re
import subprocess
import unicodedata
from pathlib import Path

import pytest

from cmwreport.arabic import strip_diacritics
from cmwreport.commands import build as build_command
from tests.conftest import ROOT, SOURCES
from tests.office import pdf_text, require, to_pdf

pytestmark = pytest.mark.libreoffice

TEMPLATE = ROOT / "templates" / "periodic-report.docx"
LABEL = re.compile(r"^(?:-?\d+-?|\(\S{1,3}\))$")


def squash(text: str) -> str:
    text = unicodedata.normalize("NFKC", text)  # a ligature a PDF may hold, as letters
    # pdftotext may give "03-02" inside Arabic as "02-03": compare such groups unordered.
    text = re.sub(r"\d+(?:-\d+)+", lambda m: "-".join(sorted(m.group().split("-"))), text)
    return re.sub(r"\s+", "", strip_diacritics(text))


def body_text(layout: str) -> str:
    """pdftotext -layout text without the list-label column, squashed."""
    kept = []
    for line in layout.splitlines():
        columns = [c.strip() for c in re.split(r"\s{3,}", line) if c.strip()]
        kept += [c for c in columns if not LABEL.match(c)]
    return squash(" ".join(kept))


@pytest.fixture(scope="module")
def rendered(tmp_path_factory) -> dict[str, str]:
    out = tmp_path_factory.mktemp("office")
    assert build_command.run(SOURCES, TEMPLATE, out, "text") == 0
    return {
        name: pdf_text(to_pdf(out / name, out))
        for name in ("CMW-C-MAR-2.docx", "CMW-C-MAR-2-annex.docx")
    }


@pytest.fixture(scope="module")
def resaved_by_libreoffice(tmp_path_factory) -> Path:
    """The template opened and saved again by LibreOffice, as a drafter would."""
    work = tmp_path_factory.mktemp("resaved")
    subprocess.run(
        [
            require("soffice"),
            f"-env:UserInstallation=file://{work / 'profile'}",
            "--headless",
            "--convert-to",
            "docx:MS Word 2007 XML",
            "--outdir",
            str(work / "saved"),
            str(TEMPLATE),
        ],
        check=True,
        capture_output=True,
        timeout=180,
    )
    return work / "saved" / TEMPLATE.name


def test_a_template_saved_by_libreoffice_still_builds(resaved_by_libreoffice, tmp_path) -> None:
    # LibreOffice rewrites style ids from names (UNPara becomes UNNumberedParagraph):
    # generated paragraphs must use the ids the saved file has.
    assert build_command.run(SOURCES, resaved_by_libreoffice, tmp_path, "text") == 0
    import docx

    document = docx.Document(str(tmp_path / "CMW-C-MAR-2.docx"))
    styles = [p.style.name for p in document.paragraphs]
    assert styles.count("Annex Paragraph") == 26
    assert styles.count("UN Numbered Paragraph") == 12


def recommendations() -> list[str]:
    from cmwreport.sources.load import load_sources

    cons = load_sources(SOURCES).sources.consultations
    return [rec.text for axis in cons.axes for rec in axis.recommendations]


def test_pdf_shows_the_symbol_on_the_masthead_and_in_the_page_header(rendered) -> None:
    report = rendered["CMW-C-MAR-2.docx"]
    pages = report.split("\f")
    assert "CMW/C/MAR/2" in pages[0]
    assert all("CMW/C/MAR/2" in page for page in pages if page.strip())
    assert "CMW/C/MAR/2" in rendered["CMW-C-MAR-2-annex.docx"].split("\f")[0]


@pytest.mark.parametrize("name", ["CMW-C-MAR-2.docx", "CMW-C-MAR-2-annex.docx"])
def test_pdf_holds_every_recommendation(rendered, name: str) -> None:
    text = body_text(rendered[name])
    missing = [rec for rec in recommendations() if squash(rec) not in text]
    assert missing == []


def test_pdf_numbers_paragraphs_consecutively(rendered) -> None:
    report = rendered["CMW-C-MAR-2.docx"]
    labels = re.findall(r"(?m)\s(-\d+|\d+-)\s*$", report)
    numbers = [int(label.strip("-")) for label in labels]
    body, annex = numbers[:12], numbers[12:]
    assert body == list(range(1, 13))
    assert annex == list(range(1, 27))


def test_pdf_letters_sub_paragraphs_with_abjad(rendered) -> None:
    report = rendered["CMW-C-MAR-2.docx"]
    # LibreOffice draws abjad 1 as bare alef (ا) where Word writes أ: accept both.
    letters = [m.replace("ا", "أ") for m in re.findall(r"\(([اأبجدهوزح])\)", report)]
    assert letters[:2] == ["أ", "ب"]  # the template's sub-paragraphs
    assert letters[2:] == ["أ", "ب", "ج", "د", "ه", "و", "ز", "ح"]  # the 8 participants
    # "(i)" comes out of pdftotext as "()i" in a right-to-left line: compare bare.
    romans = re.findall(r"(?m)\s[()]*([ivx]+)[()]*\s*$", report)
    assert romans == ["i", "ii"]
