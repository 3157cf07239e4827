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

from cmwreport.arabic.script import strip_diacritics
from cmwreport.commands import build as build_command
from tests.conftest import ANNEX, REPORT, SOURCES, TEMPLATE
from tests.office import office_text, pdf_text, require, to_pdf

pytestmark = pytest.mark.libreoffice

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
def rendered(built: Path, tmp_path_factory) -> dict[str, str]:
    # The session's build folder is shared: LibreOffice writes into a folder of its own.
    work = tmp_path_factory.mktemp("office-pdf")
    return {name: pdf_text(to_pdf(built / name, work)) for name in (REPORT, ANNEX)}


@pytest.fixture(scope="module")
def exported(built: Path, tmp_path_factory) -> str:
    """The report as LibreOffice numbers it, in logical order (its text export)."""
    return office_text(built / REPORT, tmp_path_factory.mktemp("office-txt"))


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
    # LibreOffice wrote the list on every sub-paragraph it saved: they are still
    # labelled by the build, (أ) literally, (ب) counted from 2, ’1‘ ’2‘ counted from 1.
    labels = [
        _label(document, p)
        for p in document.paragraphs
        if p.style.name in ("UN Sub-paragraph", "UN Sub-sub-paragraph")
    ]
    assert [label[:3] for label in labels] == [
        ("none", "(أ)", None),
        ("arabicAbjad", "(%2)", "2"),
        ("decimal", "’%3‘", "1"),
        ("decimal", "’%3‘", "1"),
    ]
    assert labels[2][3] == labels[3][3]  # one run: the second is counted after the first


def _label(document, paragraph) -> tuple[str, str, str | None, str]:
    """(numFmt, lvlText, startOverride, numId) of a paragraph's w:num's level override."""
    from docx.oxml.ns import qn

    num_id = paragraph._p.find(f"{qn('w:pPr')}/{qn('w:numPr')}/{qn('w:numId')}").get(qn("w:val"))
    numbering = document.part.numbering_part.element
    num = next(n for n in numbering.iter(qn("w:num")) if n.get(qn("w:numId")) == num_id)
    override = num.find(qn("w:lvlOverride"))
    level = override.find(qn("w:lvl"))
    start = override.find(qn("w:startOverride"))
    return (
        level.find(qn("w:numFmt")).get(qn("w:val")),
        level.find(qn("w:lvlText")).get(qn("w:val")),
        None if start is None else start.get(qn("w:val")),
        num_id,
    )


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


def test_libreoffice_numbers_paragraphs_consecutively(exported) -> None:
    numbers = [int(n) for n in re.findall(r"(?m)^\s*(\d+)- ", exported)]
    # Template headings "1- المبادئ العامة ..." are typed, not numbered: they have no
    # indent in the export; numbered paragraphs do.
    labels = [int(n) for n in re.findall(r"(?m)^\s+(\d+)- ", exported)]
    body, annex = labels[:12], labels[12:]
    assert body == list(range(1, 13))
    assert annex == list(range(1, 27))
    assert len(numbers) >= len(labels)


def test_libreoffice_letters_sub_paragraphs_as_un_arabic_texts_do(exported) -> None:
    # (أ) with its hamza and (هـ) with its kashida, as Word prints them too: the build
    # writes the labels, LibreOffice's own abjad would give (ا) and (ه).
    letters = re.findall(r"(?m)^\s+\((\S{1,2})\)\s", exported)
    assert letters[:2] == ["أ", "ب"]  # the template's sub-paragraphs
    assert letters[2:] == ["أ", "ب", "ج", "د", "هـ", "و", "ز", "ح"]  # the 8 participants
    # The third level: ’1‘ ’2‘ (the English (i), (ii)).
    assert re.findall(r"(?m)^\s+’(\d)‘\s", exported) == ["1", "2"]


def test_pdf_prints_the_un_labels(rendered) -> None:
    report = rendered["CMW-C-MAR-2.docx"]
    assert "(أ)" in report and "(هـ)" in report and "(ا)" not in report
    assert re.search(r"‘\s*1", report) and re.search(r"‘\s*2", report)


def test_pdf_masthead_dates_and_title_footnotes(rendered) -> None:
    report = rendered["CMW-C-MAR-2.docx"]
    first = report.split("\f")[0]
    # UN paired month names (pdftotext moves digits around in right-to-left lines).
    assert squash("28 تشرين الثاني/نوفمبر 2022") in squash(first)
    received = next(line for line in first.splitlines() if "تاريخ الاستلام" in line)
    assert squash("تشرين الثاني/نوفمبر") in squash(received) and "18" in received
    # The title's footnote, at the foot of the first page: one asterisk footnote per
    # document, saying also that the annex is in the language of submission only.
    language_note = squash("يعمَّم مرفق هذه الوثيقة باللغة التي قُدِّم بها فقط.")
    assert "*" + squash("تصدر هذه الوثيقة دون تحرير رسمي.") + language_note in squash(first)
    assert squash(first).count("*") == 2  # the mark on the title and at the foot
    standalone = rendered["CMW-C-MAR-2-annex.docx"].split("\f")[0]
    assert "*" + language_note in squash(standalone)
    assert "التقرير الدوري الثاني المقدم من المغرب" in standalone  # the report it belongs to


def test_pdf_page_headers_on_odd_and_even_pages_carry_the_symbol(rendered) -> None:
    pages = rendered["CMW-C-MAR-2.docx"].split("\f")
    for number, page in enumerate(pages[1:], start=2):
        if not page.strip():
            continue
        first_line = next(line for line in page.splitlines() if line.strip())
        assert "CMW/C/MAR/2" in first_line, number
        # The outer edge: right on even pages, left on odd pages (right to left).
        indent = len(first_line) - len(first_line.lstrip())
        assert (indent > 40) == (number % 2 == 0), (number, first_line)
