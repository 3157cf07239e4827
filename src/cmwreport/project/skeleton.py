"""The files `cmwreport init` writes for a new report project, as text.

The sources are a skeleton that validates and builds as written: every value a
drafting team must still supply is a valid provisional value (dates 2000-01-01,
Arabic text in square brackets) on a line marked `TO FILL` (see docs/source-format.md),
so that the first `cmwreport build` shows the document's shape and nothing in it can be
mistaken for a real value. Optional fields with nothing to say yet are left as
comments.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from cmwreport.errors import CmwError

#: The mark on every line whose value the drafting team must still replace.
TO_FILL = "TO FILL"
SYMBOL = re.compile(r"CMW/C/([A-Z]{3})/(\d+)")
#: A State's names as the sources print them, for the States whose we know.
STATE_NAMES = {"MAR": ("المغرب", "المملكة المغربية")}
PLACEHOLDER_DATE = "2000-01-01"
#: Where a project keeps the editors' JSON Schemas of its source files.
SCHEMAS = "schemas"


class BadSymbol(CmwError):
    """The symbol given to init is not a periodic report's (exit 2)."""


@dataclass(frozen=True)
class Symbol:
    state: str
    cycle: int

    @property
    def report(self) -> str:
        return f"CMW/C/{self.state}/{self.cycle}"

    @property
    def previous_observations(self) -> str:
        return f"CMW/C/{self.state}/CO/{self.cycle - 1}"

    @property
    def list_of_issues(self) -> str:
        return f"CMW/C/{self.state}/QPR/{self.cycle}"


def parse_symbol(text: str) -> Symbol:
    """The State and cycle of a report symbol, CMW/C/XXX/N, or BadSymbol saying why not."""
    symbol = text.strip()
    match = SYMBOL.fullmatch(symbol)
    if match is None:
        if re.fullmatch(r"CMW/C/[A-Z]{3}/?", symbol):
            raise BadSymbol(
                f"symbol {symbol} has no cycle: give the report's own symbol, "
                f"with its cycle number, e.g. {symbol.rstrip('/')}/3"
            )
        if symbol.upper() != symbol and SYMBOL.fullmatch(symbol.upper()):
            raise BadSymbol(f"symbol {symbol!r} must be in capitals: {symbol.upper()}")
        raise BadSymbol(
            f"symbol {symbol!r} is not a periodic report's: write CMW/C/XXX/N, XXX the "
            "State's ISO 3166 alpha-3 code and N the reporting cycle, e.g. CMW/C/MAR/3"
        )
    state, cycle = match.group(1), int(match.group(2))
    if cycle < 2:
        raise BadSymbol(
            f"symbol {symbol} is an initial report (cycle {cycle}), which answers no "
            "concluding observations; init starts periodic reports (cycle 2 or more)"
        )
    if cycle > 20:  # the sources' own bound on `cycle`
        raise BadSymbol(f"symbol {symbol}: cycle {cycle} is out of range (2 to 20)")
    return Symbol(state, cycle)


def file_stem(symbol: str) -> str:
    """CMW/C/MAR/CO/2 -> CMW-C-MAR-CO-2: how file names write a symbol."""
    return symbol.replace("/", "-")


def ordinal(cycle: int) -> str:
    """ "the [n-th] periodic report": the build's own table (reference/un_arabic.yaml),
    so a new project's title and its template's {{ ordinal }} agree."""
    from cmwreport.arabic.wording import cycle_ordinal

    return cycle_ordinal(cycle)


def marker() -> str:
    return (
        "# This folder is a cmwreport project: `cmwreport validate` and `cmwreport build`\n"
        "# run anywhere below it work on it. Paths are relative to this folder.\n"
        'sources = "sources"\n'
        'template = "templates/periodic-report.docx"\n'
        'out = "out"\n'
    )


def report_yaml(symbol: Symbol) -> str:
    short, _long = STATE_NAMES.get(symbol.state, ("[اسم الدولة]", ""))
    fill = f"# {TO_FILL}"
    title = f"التقرير الدوري {ordinal(symbol.cycle)} المقدم من {short} بموجب المادة 73 من الاتفاقية"
    return f"""\
# The report the consultations feed: {symbol.report}. The masthead, the page header and
# every reference the tool writes come from here. Lines marked {TO_FILL} hold provisional
# values: replace each, then delete its mark (`cmwreport validate` lists those left).
treaty: CMW
state: {symbol.state}
cycle: {symbol.cycle}
symbol: {symbol.report}
language: ar
title: "{title}"  {fill}: the full title
due_year: 2000  {fill}: the year the report is due
date_received: {PLACEHOLDER_DATE}  {fill}: date the UN receives the report
date: {PLACEHOLDER_DATE}  {fill}: date of issue (also the Word file's date)
previous_observations:
  symbol: {symbol.previous_observations}
  session: 1  {fill}: the Committee's session that adopted them
  session_start: {PLACEHOLDER_DATE}  {fill}
  session_end: {PLACEHOLDER_DATE}  {fill}
  adopted: {PLACEHOLDER_DATE}  {fill}
  # issued: YYYY-MM-DD
list_of_issues:
  symbol: {symbol.list_of_issues}
  # issued: YYYY-MM-DD
"""


def consultations_yaml(symbol: Symbol) -> str:
    _short, long = STATE_NAMES.get(symbol.state, ("", "[اسم الدولة]"))
    fill = f"# {TO_FILL}"
    return f"""\
# The consultations that prepared {symbol.report}: their context, participants,
# programme and outcomes. Meetings are in meetings/, recommendations in axes/.
# Lines marked {TO_FILL} hold provisional text: replace it, then delete the mark.
id: consultations
state: "{long}"
title: "[عنوان خلاصات اللقاءات التشاورية]"  {fill}
# Paragraphs of {symbol.previous_observations} the consultations answer, e.g. [5, 12].
# observations: []
# What those paragraphs ask, as the general presentation paraphrases them after
# "استجابةً ل" (in response to):
# observations_summary: "..."

context:
  heading: "السياق العام للقاءات التشاورية"
  paragraphs:
    - id: context-meetings
      text: "[نص مؤقت: سياق اللقاءات التشاورية وأهدافها، يحرره فريق الصياغة]"  {fill}

# The kinds of participants, in the order the summary names them.
participants:
  - id: participant-1
    name: "[نص مؤقت: صنف من المشاركين]"  {fill}

# What each meeting held: kind is plenary or workshop.
programme:
  - id: plenary
    kind: plenary
    title: "جلسة عمل عامة"
    text: "[نص مؤقت: وصف الجلسة العامة]"  {fill}

outcomes:
  heading: "خلاصات وتوصيات اللقاءات التشاورية"
  intro: "[نص مؤقت: تقديم التوصيات]"  {fill}
  # The ids of the files in axes/, in the order the annex presents them.
  axes: [axis-1]
"""


def meeting_yaml() -> str:
    fill = f"# {TO_FILL}"
    return f"""\
# One consultation meeting; add one file per meeting (meetings/<city>.yaml).
id: meeting-1
city: "[المدينة]"  {fill}
# city_en: City   (optional, for the drafters' own use)
region: "[الجهة]"  {fill}
date: {PLACEHOLDER_DATE}  {fill}
# weekday: "الأربعاء"   (optional, checked against the date)
"""


def axis_yaml() -> str:
    fill = f"# {TO_FILL}"
    return f"""\
# One axis of recommendations; add one file per axis (axes/<id>.yaml) and list its id
# in consultations.yaml, outcomes.axes.
id: axis-1
title: "[نص مؤقت: عنوان المحور]"  {fill}
recommendations:
  - id: recommendation-1
    text: "[نص مؤقت: توصية يصوغها فريق الصياغة]"  {fill}
    # observations: [12]   paragraphs of the previous concluding observations
    # articles: [7]        articles of the Convention
"""


def reference_yaml(document: str, what: str) -> str:
    fill = f"# {TO_FILL}"
    return f"""\
# {what}: the paragraphs of {document} that the sources cite by number
# (observations: [..]), so that validate can judge those numbers. Add each paragraph as
# you check it against the document; once all are listed, set complete: true (then a
# number not listed is an error).
symbol: {document}
complete: false
paragraphs:
  - number: 1
    subject: "[paragraph 1: what it is about]"  {fill}
"""


def questions_yaml(document: str, observations: str) -> str:
    """The list of issues' data: its questions, which `cmwreport replies --template`,
    `coverage` and the readiness gate read (docs/replies.md)."""
    fill = f"# {TO_FILL}"
    return f"""\
# The list of issues prior to reporting: the questions of {document} that the report
# replies to, in the document's order. `cmwreport replies --template` writes a reply
# heading into the template for each question and sub-item listed here, and
# `cmwreport coverage` says which have a reply. Add each question as you check it
# against the document (subjects in your own words); once all are listed, set
# complete: true.
symbol: {document}
complete: false
paragraphs:
  - number: 1
    kind: question
    section: "I"
    subject: "[question 1: what it asks]"  {fill}
    # subject_ar: "..."      what it asks, in Arabic
    # observations: [10]     paragraphs of {observations} it cites
    # articles: [7]          articles of the Convention it cites
    # items:                 its sub-items (a), (b) ..., if it has any
    #   - label: a
    #     subject: "..."
"""


def out_gitignore() -> str:
    return "# Built documents: made again by `cmwreport build`, not kept in git.\n*\n!.gitignore\n"


def readme(symbol: Symbol) -> str:
    return f"""\
# {symbol.report}

هذا المجلد مشروع تقرير يُعدّ بأداة cmwreport: نتائج المشاورات في ملفات YAML داخل
`sources/`، وقالب Word في `templates/`، والوثائق المُنتَجة في `out/`.

1. املؤوا القيم المؤشر عليها بعبارة `{TO_FILL}` في ملفات `sources/` ثم احذفوا العبارة.
2. `cmwreport validate`: يتحقق من المصادر ويحدد موضع كل خطأ (الملف:السطر:العمود).
3. `cmwreport build`: يُنتج `out/{file_stem(symbol.report)}.docx` ومرفقه.
4. `cmwreport diff قديم.docx جديد.docx`: يبيّن ما تغيّر بين مسودتين.

تعمل هذه الأوامر من أي مجلد داخل المشروع. في محرر يدعم خادم لغة YAML (مثل VS Code
مع إضافة YAML)، تُكمَل الحقول وتُفحص أثناء الكتابة وفق المخططات الموجودة في `schemas/`.

This folder is a report project for cmwreport: the findings of the consultations as
YAML in `sources/`, the Word template in `templates/`, the built documents in `out/`.

1. Replace the values on lines marked `{TO_FILL}` in `sources/`, then delete the mark.
2. `cmwreport validate` checks the sources and says where each problem is
   (file:line:column).
3. `cmwreport build` writes `out/{file_stem(symbol.report)}.docx` and its annex.
4. `cmwreport diff old.docx new.docx` shows what changed between two drafts.

The commands work from any folder inside the project. In an editor that uses the YAML
language server (VS Code with the YAML extension, and others), fields are completed and
checked as you type, from the JSON Schemas in `schemas/` that the first line of each
source file names. The fields of each file are described in cmwreport's
docs/source-format.md.
"""


def schemas() -> dict[str, str]:
    """The editors' JSON Schemas (cmwreport schema), by path relative to the project."""
    import json

    from cmwreport.sources.editor_schema import file_name, json_schemas

    return {
        f"{SCHEMAS}/{file_name(kind)}": json.dumps(schema, ensure_ascii=False, indent=2) + "\n"
        for kind, schema in json_schemas().items()
    }


def with_schema(relative: str, kind: str, text: str) -> str:
    """`text` headed by the line that names its schema to the YAML language server."""
    up = "../" * relative.count("/")
    return f"# yaml-language-server: $schema={up}{SCHEMAS}/{kind}.schema.json\n{text}"


def files(symbol: Symbol) -> dict[str, str]:
    """Every text file of a new project, by path relative to its root."""
    sources = {
        ("sources/report.yaml", "report"): report_yaml(symbol),
        ("sources/consultations.yaml", "consultations"): consultations_yaml(symbol),
        ("sources/meetings/meeting-1.yaml", "meeting"): meeting_yaml(),
        ("sources/axes/axis-1.yaml", "axis"): axis_yaml(),
    }
    # A document whose data cmwreport ships (CMW/C/MAR/CO/1, QPR/2) gets no fill-in
    # file: one in sources/reference/ would take the shipped data's place.
    from cmwreport.reference import shipped_document

    documents = (
        (
            symbol.previous_observations,
            reference_yaml(symbol.previous_observations, "The previous concluding observations"),
        ),
        (
            symbol.list_of_issues,
            questions_yaml(symbol.list_of_issues, symbol.previous_observations),
        ),
    )
    for document, text in documents:
        if shipped_document(document) is None:
            sources[(f"sources/reference/{file_stem(document)}.yaml", "reference")] = text
    return {
        "cmwreport.toml": marker(),
        "README.md": readme(symbol),
        **{path: with_schema(path, kind, text) for (path, kind), text in sources.items()},
        **schemas(),
        "out/.gitignore": out_gitignore(),
    }
