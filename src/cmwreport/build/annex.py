"""The annex: outcomes of the regional consultations, as the report appends it.

The seed summary is the reference for its content: its sentences appear verbatim
(they are the sources' text), its lists keep their separators (؛ between items, . at
the end). The 26 recommendations are the annex's numbered paragraphs (AnnexPara,
1-26 across the axes, restarting at 1 in the annex), under lettered subheadings
ألف، باء ... ; the narrative around them is unnumbered annex text, as the summary
was received.
"""

from __future__ import annotations

from cmwreport.arabic.counting import end_item
from cmwreport.arabic.dates import day_phrase
from cmwreport.arabic.wording import chapter_ordinal, heading_letter
from cmwreport.docx.content import Content, Para, Row, Table
from cmwreport.sources.model import Sources

ANNEX_TITLE = "المرفق"
PARTICIPANTS_HEADING = "المشاركون"
PARTICIPANTS_INTRO = "شاركت في اللقاءات التشاورية الجهوية الأطراف المعنية التالية:"
PROGRAMME_HEADING = "برنامج اللقاءات ومواعيدها"
TABLE_CAPTION = "مواعيد اللقاءات التشاورية الجهوية"
TABLE_HEADER = ("المدينة", "الجهة", "التاريخ")


def blocks(sources: Sources, *, text_width: int) -> list[Content]:
    cons = sources.consultations
    chapter = iter(range(100))
    out: list[Content] = [
        # A page of its own in the report (the style breaks the page); the merge turns
        # the break off in the standalone file, which starts with it.
        Para("AnnexTitle", ANNEX_TITLE),
        Para("AnnexSubtitle", cons.title, bookmark=cons.id),
    ]

    def heading(text: str) -> Para:
        return Para("Heading1", f"{chapter_ordinal(next(chapter))}- {text}")

    out.append(heading(cons.context_heading))
    out += [
        Para("AnnexText", p.text, bookmark=p.id, footnotes=tuple(p.footnotes)) for p in cons.context
    ]

    if cons.participants:
        out.append(heading(PARTICIPANTS_HEADING))
        out.append(Para("AnnexText", PARTICIPANTS_INTRO))
        last = len(cons.participants) - 1
        out += [
            Para(
                "AnnexList",
                end_item(p.name, n == last),
                bookmark=p.id,
                footnotes=tuple(p.footnotes),
            )
            for n, p in enumerate(cons.participants)
        ]

    out.append(heading(PROGRAMME_HEADING))
    out += [
        Para("AnnexText", item.text, bookmark=item.id, footnotes=tuple(item.footnotes))
        for item in cons.programme
    ]
    out.append(Para("TableCaption", TABLE_CAPTION))
    out.append(meetings_table(sources, text_width))

    out.append(heading(cons.outcomes_heading))
    out.append(Para("AnnexText", cons.outcomes_intro))
    for index, axis in enumerate(cons.axes):
        out.append(Para("Heading2", axis_prefix(index) + axis.title, bookmark=axis.id))
        last = len(axis.recommendations) - 1
        out += [
            Para(
                "AnnexPara",
                end_item(rec.text, n == last),
                bookmark=rec.id,
                footnotes=tuple(rec.footnotes),
            )
            for n, rec in enumerate(axis.recommendations)
        ]
    return out


def meetings_table(sources: Sources, text_width: int) -> Table:
    widths = [text_width * 2 // 10, text_width * 45 // 100]
    widths.append(text_width - sum(widths))
    rows = [Row([[Para("TableHeading", text)] for text in TABLE_HEADER], header=True)]
    for meeting in sources.consultations.meetings:
        cells = (meeting.city, meeting.region, day_phrase(meeting.date))
        rows.append(Row([[Para("TableText", text)] for text in cells], bookmark=meeting.id))
    return Table(widths=widths, rows=rows, caption=TABLE_CAPTION)


def axis_prefix(index: int) -> str:
    """What an axis heading starts with: its letter and a dash ("ألف- ")."""
    return f"{heading_letter(index)}- "
