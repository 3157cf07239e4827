"""The fields of each kind of source file, declared once.

Everything else is derived from these declarations: the loader checks a file against
them (types and formats), `model.py` generates the dataclasses the build reads from
them, `jsonschema.py` writes the editors' JSON Schemas from them, and a test keeps
docs/source-format.md in step with them. Adding a field is one line here.
"""

from __future__ import annotations

from cmwreport.contract import BOOKMARK_MAX, BOOKMARK_PREFIX
from cmwreport.sources.field import Field

#: Kinds of scalar value. Each has one meaning everywhere: the loader's check, the
#: Python type of the model and the JSON Schema type and format.
#:   text   Arabic prose (checked by the text checks; blank refused)
#:   word   a short Latin token
#:   id     a stable identifier (pattern below)
#:   ref    the id of another source item
#:   int    a whole number, within `minimum`..`maximum`
#:   number a paragraph number of a cited document (judged against its reference data)
#:   article an article of the Convention
#:   date   YYYY-MM-DD
#:   symbol a CMW document symbol
#:   bool   true or false
SCALARS = ("text", "word", "id", "ref", "int", "number", "article", "date", "symbol", "bool")

ID_PATTERN = r"^[a-z][a-z0-9]*(?:-[a-z0-9]+)*$"
#: Word caps bookmark names at 40 characters and ours are "_cmw_" + id.
ID_MAX = BOOKMARK_MAX - len(BOOKMARK_PREFIX)
SYMBOL_PATTERN = r"^CMW/C/[A-Z]{3}/(?:(?:CO|QPR|Q)/)?\d+(?:/Add\.\d+)?$"
DATE_PATTERN = r"^\d{4}-\d{2}-\d{2}$"


def text(name: str, doc: str, required: bool = True, attr: str | None = None) -> Field:
    return Field(name, "text", doc, required, attr=attr)


def word(name: str, doc: str, required: bool = True, choices: tuple[str, ...] = ()) -> Field:
    return Field(name, "word", doc, required, choices=choices)


def integer(name: str, doc: str, minimum: int, maximum: int) -> Field:
    return Field(name, "int", doc, minimum=minimum, maximum=maximum)


def date(name: str, doc: str, required: bool = True) -> Field:
    return Field(name, "date", doc, required)


def listof(
    name: str, item: Field, doc: str, required: bool = True, attr: str | None = None
) -> Field:
    return Field(name, "list", doc, required, item=item, attr=attr)


def record(name: str, cls: str, doc: str, *fields: Field, required: bool = True) -> Field:
    """A mapping read into an object of class `cls` of the model."""
    return Field(name, "map", doc, required, fields=fields, cls=cls)


def section(name: str, doc: str, *fields: Field) -> Field:
    """A mapping whose fields the model keeps on the object that holds it."""
    return Field(name, "map", doc, fields=fields, inline=True)


ID = Field(
    "id",
    "id",
    "Stable identifier: lower-case letters, digits and hyphens, unique in the "
    "whole tree. It names the item's bookmark in the Word file, so keep it when the text "
    "changes.",
)
OBSERVATIONS = listof(
    "observations",
    Field("observation", "number", "Paragraph number of the previous concluding observations."),
    "Paragraphs of the previous concluding observations (report.yaml "
    "previous_observations.symbol) that this item answers.",
    required=False,
)
FOOTNOTES = listof(
    "footnotes",
    Field("footnote", "text", "The text of one footnote."),
    "Footnotes of this item, in order: each is printed as a numbered footnote whose "
    "mark ends the item's paragraph.",
    required=False,
)
ARTICLES = listof(
    "articles",
    Field("article", "article", "Article number of the Convention (1-93)."),
    "Articles of the Convention this item concerns.",
    required=False,
)

REPORT = record(
    "report.yaml",
    "Report",
    "The report the consultations feed; masthead and references come from here.",
    word("treaty", "Treaty body: CMW.", choices=("CMW",)),
    word("state", "ISO 3166 alpha-3 code of the reporting State, e.g. MAR."),
    integer("cycle", "Reporting cycle: 2 for the second periodic report.", 1, 20),
    Field("symbol", "symbol", "UN document symbol of the report, e.g. CMW/C/MAR/2."),
    word(
        "language", "Language of the original: ar, fr, en or es.", choices=("ar", "fr", "en", "es")
    ),
    text("title", "Title printed under the Committee's name."),
    integer("due_year", "Year the report was due.", 1990, 2100),
    date("date", "Date of issue in the masthead; also the Word file's date."),
    date("date_received", "Date the UN received the report, printed as [Date received: ...]."),
    Field(
        "without_formal_editing",
        "bool",
        "true: the title carries the UN footnote that the document is issued without "
        "formal editing.",
        required=False,
    ),
    Field(
        "annex_in_language_of_submission",
        "bool",
        "true: a UN footnote says that the annex is circulated in the language of submission only.",
        required=False,
    ),
    listof(
        "languages",
        word(
            "language",
            "A UN official language: ar, en, es, fr, ru or zh.",
            choices=("ar", "en", "es", "fr", "ru", "zh"),
        ),
        "Languages the report is issued in, when not all six: the masthead prints them "
        "under the original's language (e.g. [ar, en, fr, es]).",
        required=False,
    ),
    record(
        "previous_observations",
        "ConcludingObservations",
        "The concluding observations on the previous report.",
        Field("symbol", "symbol", "Their symbol, e.g. CMW/C/MAR/CO/1."),
        integer("session", "Session of the Committee that adopted them.", 1, 200),
        date("session_start", "First day of that session."),
        date("session_end", "Last day of that session."),
        date("adopted", "Date of adoption."),
        date("issued", "Date of issue.", required=False),
    ),
    record(
        "list_of_issues",
        "DocumentRef",
        "The list of issues prior to reporting the report replies to.",
        Field("symbol", "symbol", "Its symbol, e.g. CMW/C/MAR/QPR/2."),
        date("issued", "Date of issue.", required=False),
    ),
)

#: A paragraph of the context and a recommendation: the same fields, one class.
TEXT_ITEM = record(
    "text item",
    "TextItem",
    "A paragraph of text with its id and references.",
    ID,
    text(
        "text",
        "The paragraph, verbatim (a recommendation without its list separator ؛ or ., "
        "which the annex adds).",
    ),
    OBSERVATIONS,
    ARTICLES,
    listof(
        "questions",
        Field("question", "word", "A question of the list of issues: '3', or '3 (a)'."),
        "Questions (or sub-items) of the list of issues (report.yaml list_of_issues.symbol) "
        "this item informs the reply to.",
        required=False,
    ),
    FOOTNOTES,
)

CONSULTATIONS = record(
    "consultations.yaml",
    "Consultations",
    "The consultations themselves: title, context, participants, programme, outcomes.",
    ID,
    text("state", "The State's name as the summary prints it."),
    text("title", "Title of the summary of the consultations."),
    OBSERVATIONS,
    text(
        "observations_summary",
        "What the cited paragraphs ask, as the general presentation paraphrases them "
        "after 'استجابةً ل' (in response to).",
        required=False,
    ),
    section(
        "context",
        "The general context of the consultations.",
        text("heading", "Heading of the context section.", attr="context_heading"),
        listof("paragraphs", TEXT_ITEM, "The context paragraphs, in order.", attr="context"),
    ),
    listof(
        "participants",
        record(
            "participant",
            "Participant",
            "One kind of participant.",
            ID,
            text("name", "Name of this kind of participant."),
            FOOTNOTES,
        ),
        "The kinds of participants, in the order the summary names them.",
    ),
    listof(
        "programme",
        record(
            "session",
            "ProgrammeItem",
            "One part of the programme of each meeting.",
            ID,
            word("kind", "plenary or workshop.", choices=("plenary", "workshop")),
            text("title", "Short name, used in the generated text."),
            text("text", "The paragraph describing it, verbatim."),
            listof(
                "topics",
                Field("topic", "text", "A topic discussed."),
                "Topics discussed.",
                required=False,
            ),
            text(
                "presentation",
                "How the general presentation describes this part, before its topics "
                "(otherwise: the title, then 'تناولت' and the topics).",
                required=False,
            ),
            FOOTNOTES,
        ),
        "The programme of the meetings.",
    ),
    section(
        "outcomes",
        "The outcomes section of the annex.",
        text("heading", "Heading of the outcomes section.", attr="outcomes_heading"),
        text("intro", "Paragraph introducing the recommendations.", attr="outcomes_intro"),
        listof(
            "axes",
            Field("axis", "ref", "Id of an axis file in axes/."),
            "The thematic axes, in the order the annex presents them.",
            attr="axis_order",
        ),
    ),
)

MEETING = record(
    "meetings/*.yaml",
    "Meeting",
    "One regional consultation meeting.",
    ID,
    text("city", "City, in Arabic."),
    word("city_en", "City, in English (optional, for the drafters' own use).", required=False),
    text("region", "Region (official name of 2015), in Arabic."),
    date("date", "Date of the meeting."),
    text("weekday", "Weekday as the summary writes it; checked against the date.", required=False),
)

AXIS = record(
    "axes/*.yaml",
    "Axis",
    "One thematic axis of recommendations.",
    ID,
    text("title", "Title of the axis."),
    listof(
        "recommendations",
        TEXT_ITEM,
        "The recommendations of the axis, in the order the annex numbers them.",
    ),
)

#: What a paragraph of a list of issues, or one of its sub-items, cites and asks, in
#: the project's own words (never the document's sentences).
CITED_OBSERVATIONS = listof(
    "observations",
    Field("observation", "number", "Paragraph number of the previous concluding observations."),
    "Paragraphs of the previous concluding observations it cites or follows up.",
    required=False,
)
LAWS = listof(
    "laws",
    Field("law", "word", "A law or bill by its official number, e.g. 02.03."),
    "Laws and bills it names, by official number (Moroccan laws: with a full stop).",
    required=False,
)
SUBJECTS = (
    text("subject_ar", "What it asks, in Arabic (a short line of our own).", required=False),
    word("subject_fr", "What it asks, in French (a short line of our own).", required=False),
)
#: Labels of sub-items: (a), (b) ... as the document letters them.
ITEM_LABELS = tuple("abcdefghijklmnopqrstuvwxyz")
#: How a source item names a question of the list of issues (`questions:`): "3", "3 (a)".
QUESTION_PATTERN = r"(\d{1,4})\s*(?:\(\s*([a-z])\s*\))?"

#: Paragraphs of a cited UN document (concluding observations, list of issues), so
#: that references to them can be judged. Shipped in cmwreport/reference/documents/;
#: a project adds its own in sources/reference/.
REFERENCE = record(
    "reference/*.yaml",
    "ReferenceDocument",
    "The paragraphs of one UN document that sources cite by number.",
    Field("symbol", "symbol", "The document's symbol, e.g. CMW/C/MAR/CO/2."),
    text("title", "What the document is.", required=False),
    date("issued", "Date of issue.", required=False),
    Field(
        "complete",
        "bool",
        "true when every paragraph of the document is listed (then a number not "
        "listed is an error); false when only some are known.",
    ),
    listof(
        "paragraphs",
        record(
            "paragraph",
            "ReferenceParagraph",
            "One paragraph of the document.",
            Field("number", "int", "Its number in the document.", minimum=1, maximum=10_000),
            word(
                "kind",
                "What it is.",
                required=False,
                choices=("introduction", "concern", "recommendation", "question", "other"),
            ),
            Field("subject", "word", "What it is about (a short summary, any language)."),
            *SUBJECTS,
            word(
                "section",
                "A list of issues' section: I (general information and the articles), "
                "II (new developments), III (data and statistics).",
                required=False,
                choices=("I", "II", "III"),
            ),
            Field(
                "complete",
                "bool",
                "false when the paragraph's text was not read whole: its sub-items and "
                "citations may be missing (default true).",
                required=False,
            ),
            ARTICLES,
            CITED_OBSERVATIONS,
            LAWS,
            listof(
                "items",
                record(
                    "item",
                    "ReferenceItem",
                    "One sub-item, (a), (b) ..., of a question.",
                    word("label", "Its letter, a to z, in order.", choices=ITEM_LABELS),
                    Field("subject", "word", "What it asks (a short summary, English)."),
                    *SUBJECTS,
                    ARTICLES,
                    CITED_OBSERVATIONS,
                    LAWS,
                ),
                "A question's sub-items, (a), (b) ..., in order; none when it has none.",
                required=False,
            ),
        ),
        "The paragraphs known.",
    ),
)

#: Every kind of file in a source tree, by the name the loader and the checks use.
FILE_KINDS = {
    "report": REPORT,
    "consultations": CONSULTATIONS,
    "meeting": MEETING,
    "axis": AXIS,
    "reference": REFERENCE,
}
