"""Write templates/periodic-report.docx, the Word template drafters edit.

Run once to (re)create the template; the committed .docx is what users then edit in
Word or LibreOffice, and `cmwreport build` reads whatever they saved. The output is
byte-identical from run to run.

    python scripts/make_template.py [OUTPUT]
"""

from __future__ import annotations

import datetime as dt
import sys
from pathlib import Path

from cmwreport.docx.content import Para, Row, Table
from cmwreport.outputs import write_atomic

sys.path.insert(0, str(Path(__file__).resolve().parent))
from template.package import TEXT_WIDTH, new_package  # noqa: E402  (scripts/template/)

CONVENTION = "الاتفاقية الدولية لحماية حقوق جميع العمال المهاجرين وأفراد أسرهم"
COMMITTEE = "اللجنة المعنية بحماية حقوق جميع العمال المهاجرين وأفراد أسرهم"
#: The drafting placeholder: declared in the document property cmwreport.placeholder
#: (build lists every paragraph still holding it) and shown in its own character style.
DRAFT = "[نص يحرره فريق الصياغة]"
PLACEHOLDER_STYLE = "DraftingPlaceholder"
NBSP = "\u00a0"
#: A law's name and number never split across lines ("رقم" at the end of one, "02.03"
#: at the start of the next).
LAW_02_03 = NBSP.join(("القانون", "رقم", "02.03"))


def para(style: str, text: str, **kwargs) -> Para:
    """A paragraph whose drafting placeholders are marked."""
    marks = (DRAFT, PLACEHOLDER_STYLE) if DRAFT in text else None
    return Para(style, text, marks=marks, **kwargs)


def masthead() -> Table:
    # The treaty title takes the wide start column; distribution, date, language the rest.
    right = TEXT_WIDTH * 13 // 20
    left = TEXT_WIDTH - right
    return Table(
        widths=[right, left],
        borders="none",
        cell_margins={"left": 0, "right": 0},
        rows=[
            Row(
                [
                    [Para("MastheadOrg", "الأمم المتحدة")],
                    [Para("MastheadSymbol", "{{ symbol }}", rtl=False)],
                ],
                rule_below=True,
            ),
            Row(
                [
                    [Para("MastheadTitle", CONVENTION)],
                    [
                        Para("MastheadInfo", "التوزيع: عام"),
                        Para("MastheadInfo", "{{ date }}"),
                        Para("MastheadInfo", "الأصل: بالعربية"),
                        # report.yaml `languages`; the build drops the paragraph
                        # for a report issued in all six languages.
                        Para("MastheadInfo", "{{ languages }}"),
                    ],
                ],
                rule_below=True,
            ),
        ],
    )


def body() -> list:
    h1, h2, h3 = "Heading1", "Heading2", "Heading3"
    un = "UNPara"

    def reply(n: int) -> list:
        return [
            Para(h3, f"الرد على المسألة المثارة في الفقرة {n} من قائمة المسائل"),
            para(un, f"{DRAFT}: الرد على الفقرة {n} من قائمة المسائل."),
        ]

    blocks = [
        masthead(),
        Para("CommitteeName", COMMITTEE),
        Para("ReportTitle", "{{ title }}"),
        Para("DateReceived", "[تاريخ الاستلام: {{ date_received }}]"),
        Para(h1, "عرض عام"),
        para(
            un,
            "يقدّم المغرب هذا التقرير الدوري {{ ordinal }} بموجب المادة 73 من الاتفاقية، عملاً "
            "بالإجراء المبسط لتقديم التقارير، وتتضمن أجزاؤه ردود المملكة على قائمة المسائل "
            "المحالة إليها قبل تقديم التقرير ({{ qpr_symbol }}). " + DRAFT + ".",
        ),
        # Replaced by the paragraphs on the participatory drafting process and the
        # regional consultations, generated from sources/.
        Para(un, "{{ participatory_process }}"),
        Para(h1, "الجزء الأول- معلومات عامة ومعلومات تتعلق بكل مادة من مواد الاتفاقية"),
        Para(h2, "ألف- معلومات عامة"),
        Para(h3, "الرد على المسألة المثارة في الفقرة 1 من قائمة المسائل"),
        # Law numbers in their official form (02.03): with a hyphen, the bidi algorithm
        # shows "02-03" as 03-02 in right-to-left text. Paragraph 10 of the previous
        # concluding observations asks for it (the list of issues, paragraph 1 (b)).
        para(
            un,
            f"{DRAFT}: الرد على الفقرة 1 من قائمة المسائل، بما في ذلك ملاءمة {LAW_02_03} "
            "مع الاتفاقية على النحو الذي أوصت به اللجنة في ملاحظاتها الختامية "
            "({{ co_symbol }}، الفقرة 10)، ولا سيما ما يلي:",
        ),
        para("UNSubPara", f"{DRAFT}؛"),
        para("UNSubPara", f"{DRAFT}؛"),
        para("UNSubSubPara", f"{DRAFT}؛"),
        para("UNSubSubPara", f"{DRAFT}."),
        *reply(2),
        Para(h2, "باء- معلومات تتعلق بكل مادة من مواد الاتفاقية"),
        Para(h3, "1- المبادئ العامة (المادتان 7 و83)"),
        para(un, f"{DRAFT}."),
        Para(h3, "2- الجزء الثالث من الاتفاقية (المواد من 8 إلى 35)"),
        para(un, f"{DRAFT}."),
        Para(h3, "3- الجزء الرابع من الاتفاقية (المواد من 36 إلى 56)"),
        para(un, f"{DRAFT}."),
        Para(h3, "4- الجزء الخامس من الاتفاقية (المواد من 57 إلى 63)"),
        para(un, f"{DRAFT}."),
        Para(h3, "5- الجزء السادس من الاتفاقية (المواد من 64 إلى 71)"),
        para(un, f"{DRAFT}."),
        Para(h1, "الجزء الثاني- المستجدات التشريعية والمؤسسية والسياساتية"),
        para(un, f"{DRAFT}."),
        Para(h1, "الجزء الثالث- البيانات والتقديرات الرسمية والإحصاءات"),
        para(un, f"{DRAFT}."),
        # Replaced by the annex of regional consultation outcomes (new page).
        Para("AnnexText", "{{ annex }}"),
        # What follows the annex slot ends the report and the standalone annex alike.
        Para("ClosingRule", ""),
    ]
    return blocks


def main(argv: list[str]) -> int:
    out = (
        Path(argv[1])
        if len(argv) > 1
        else Path(__file__).resolve().parents[1] / "templates" / "periodic-report.docx"
    )
    # The symbol on the outer edge: odd pages of a right-to-left document face left.
    package = new_package(
        body(),
        header=[Para("Header", "{{ symbol }}", rtl=False, align="left")],
        even_header=[Para("Header", "{{ symbol }}", rtl=False, align="right")],
        # The page number on the outer edge too, as UN documents print it.
        footer=[Para("Footer", "", rtl=False, align="left", field="PAGE")],
        even_footer=[Para("Footer", "", rtl=False, align="right", field="PAGE")],
        title="Periodic report under the simplified reporting procedure (template)",
        day=dt.date(2000, 1, 1),
        properties={"cmwreport.placeholder": DRAFT},
    )
    out.parent.mkdir(parents=True, exist_ok=True)
    write_atomic([(out, package.to_bytes())])
    print(f"wrote {out}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
