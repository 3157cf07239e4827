"""The fields of each kind of source file: one declaration that the loader checks
against and docs/source-format.md documents (a test keeps the two in step)."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Field:
    name: str
    #: text (Arabic prose), word (a short Latin token), id, int, date, symbol,
    #: observation (a paragraph number of CMW/C/MAR/CO/1), article (of the Convention),
    #: ref (the id of another source item), list, map
    type: str
    doc: str
    required: bool = True
    item: Field | None = None  # for list
    fields: tuple[Field, ...] = ()  # for map
    choices: tuple[str, ...] = ()
    minimum: int | None = None
    maximum: int | None = None


def text(name: str, doc: str, required: bool = True) -> Field:
    return Field(name, "text", doc, required)


def date(name: str, doc: str, required: bool = True) -> Field:
    return Field(name, "date", doc, required)


def listof(name: str, item: Field, doc: str, required: bool = True) -> Field:
    return Field(name, "list", doc, required, item=item)


def mapping(name: str, doc: str, *fields: Field, required: bool = True) -> Field:
    return Field(name, "map", doc, required, fields=fields)


ID = Field(
    "id",
    "id",
    "Stable identifier: lower-case letters, digits and hyphens, unique in the "
    "whole tree. It names the item's bookmark in the Word file, so keep it when the text "
    "changes.",
)
OBSERVATIONS = listof(
    "observations",
    Field("observation", "observation", "Paragraph number of CMW/C/MAR/CO/1."),
    "Paragraphs of the concluding observations CMW/C/MAR/CO/1 that this item answers.",
    required=False,
)
ARTICLES = listof(
    "articles",
    Field("article", "article", "Article number of the Convention (1-93)."),
    "Articles of the Convention this item concerns.",
    required=False,
)

REPORT = mapping(
    "report.yaml",
    "The report the consultations feed; masthead and references come from here.",
    Field("treaty", "word", "Treaty body: CMW.", choices=("CMW",)),
    Field("state", "word", "ISO 3166 alpha-3 code of the reporting State, e.g. MAR."),
    Field(
        "cycle", "int", "Reporting cycle: 2 for the second periodic report.", minimum=1, maximum=20
    ),
    Field("symbol", "symbol", "UN document symbol of the report, e.g. CMW/C/MAR/2."),
    Field(
        "language",
        "word",
        "Language of the original: ar, fr, en or es.",
        choices=("ar", "fr", "en", "es"),
    ),
    text("title", "Title printed under the Committee's name."),
    Field("due_year", "int", "Year the report was due.", minimum=1990, maximum=2100),
    date("date", "Date of issue in the masthead; also the Word file's date."),
    date("date_received", "Date the UN received the report, printed as [Date received: ...]."),
    mapping(
        "previous_observations",
        "The concluding observations on the previous report.",
        Field("symbol", "symbol", "Their symbol, e.g. CMW/C/MAR/CO/1."),
        Field(
            "session", "int", "Session of the Committee that adopted them.", minimum=1, maximum=200
        ),
        date("session_start", "First day of that session."),
        date("session_end", "Last day of that session."),
        date("adopted", "Date of adoption."),
        date("issued", "Date of issue.", required=False),
    ),
    mapping(
        "list_of_issues",
        "The list of issues prior to reporting the report replies to.",
        Field("symbol", "symbol", "Its symbol, e.g. CMW/C/MAR/QPR/2."),
        date("issued", "Date of issue.", required=False),
    ),
)

ITEM_PARAGRAPH = mapping(
    "paragraph",
    "A paragraph of text.",
    ID,
    text("text", "The paragraph, verbatim."),
    OBSERVATIONS,
    ARTICLES,
)

CONSULTATIONS = mapping(
    "consultations.yaml",
    "The consultations themselves: title, context, participants, programme, outcomes.",
    ID,
    text("state", "The State's name as the summary prints it."),
    text("title", "Title of the summary of the consultations."),
    OBSERVATIONS,
    mapping(
        "context",
        "The general context of the consultations.",
        text("heading", "Heading of the context section."),
        listof("paragraphs", ITEM_PARAGRAPH, "The context paragraphs, in order."),
    ),
    listof(
        "participants",
        mapping(
            "participant",
            "One kind of participant.",
            ID,
            text("name", "Name of this kind of participant."),
        ),
        "The kinds of participants, in the order the summary names them.",
    ),
    listof(
        "programme",
        mapping(
            "session",
            "One part of the programme of each meeting.",
            ID,
            Field("kind", "word", "plenary or workshop.", choices=("plenary", "workshop")),
            text("title", "Short name, used in the generated text."),
            text("text", "The paragraph describing it, verbatim."),
            listof(
                "topics",
                Field("topic", "text", "A topic discussed."),
                "Topics discussed.",
                required=False,
            ),
        ),
        "The programme of the meetings.",
    ),
    mapping(
        "outcomes",
        "The outcomes section of the annex.",
        text("heading", "Heading of the outcomes section."),
        text("intro", "Paragraph introducing the recommendations."),
        listof(
            "axes",
            Field("axis", "ref", "Id of an axis file in axes/."),
            "The thematic axes, in the order the annex presents them.",
        ),
    ),
)

MEETING = mapping(
    "meetings/*.yaml",
    "One regional consultation meeting.",
    ID,
    text("city", "City, in Arabic."),
    Field("city_en", "word", "City, in English (used in file names and logs)."),
    text("region", "Region (official name of 2015), in Arabic."),
    date("date", "Date of the meeting."),
    text("weekday", "Weekday as the summary writes it; checked against the date.", required=False),
)

AXIS = mapping(
    "axes/*.yaml",
    "One thematic axis of recommendations.",
    ID,
    text("title", "Title of the axis."),
    listof(
        "recommendations",
        mapping(
            "recommendation",
            "One recommendation of the consultations.",
            ID,
            text("text", "The recommendation, verbatim, without the list separator (؛ or .)."),
            OBSERVATIONS,
            ARTICLES,
        ),
        "The recommendations of the axis, in the order the annex numbers them.",
    ),
)

#: Where each kind of file lives in the tree.
FILE_KINDS = {
    "report": REPORT,
    "consultations": CONSULTATIONS,
    "meeting": MEETING,
    "axis": AXIS,
}
