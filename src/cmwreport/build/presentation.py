"""The general presentation's paragraphs on the participatory drafting process.

Generated from the sources rather than written once in the template, so that a
meeting added, moved or renamed in sources/ changes the report with it. They are
UN numbered paragraphs (style UNPara) and continue the template's numbering.
"""

from __future__ import annotations

from cmwreport.arabic import counting as ar
from cmwreport.arabic.dates import day_phrase
from cmwreport.docx.content import Para
from cmwreport.sources.model import Sources


def paragraphs(sources: Sources) -> list[Para]:
    cons = sources.consultations
    report = sources.report
    meetings = cons.meetings
    where = ar.and_list([f"في {m.city} ({m.region}) يوم {day_phrase(m.date)}" for m in meetings])
    how_many = ar.count(
        len(meetings),
        one="لقاءً تشاورياً جهوياً",
        two="لقاءين تشاوريين جهويين",
        plural="لقاءات تشاورية جهوية",
        many="لقاءً تشاورياً جهوياً",
        feminine=False,
    )
    reference = ar.paragraph_reference(report.previous_observations.symbol, cons.observations)
    # What the cited paragraphs ask is the sources' (consultations.observations_summary):
    # another cycle cites other paragraphs.
    if cons.observations_summary:
        why = f"، استجابةً ل{cons.observations_summary} {reference}"
    else:
        why = f" {reference}"
    first = (
        f"وقد أُعدّ هذا التقرير وفق مقاربة تشاركية{why}. وفي هذا الإطار، نظمت {cons.state} "
        f"{how_many}، {where}."
    )
    if cons.participants:
        first += (
            " وشاركت في هذه اللقاءات الأطراف المعنية، وهي: "
            + ar.and_list([p.name for p in cons.participants])
            + "."
        )

    programme = []
    for item in cons.programme:
        piece = item.title
        if item.topics:
            lead = item.presentation or f"{item.title} تناولت"
            piece = f"{lead} {ar.and_list(item.topics)}"
        programme.append(piece)
    recommendations = sum(len(axis.recommendations) for axis in cons.axes)
    second_parts = []
    if programme:
        joiner = "؛ و" if any("،" in piece for piece in programme[:-1]) else None
        listed = joiner.join(programme) if joiner else ar.and_list(programme)
        second_parts.append(f"وتضمّن برنامج كل لقاء {listed}.")
    if cons.axes:
        axes = ar.count(
            len(cons.axes),
            one="محور واحد",
            two="محورين",
            plural="محاور",
            many="محوراً",
            feminine=False,
        )
        recs = ar.count(
            recommendations,
            one="توصية واحدة",
            two="توصيتين",
            plural="توصيات",
            many="توصية",
            feminine=True,
        )
        titles = ar.and_list([axis.title for axis in cons.axes])
        # The pronoun agrees with the count of axes: هو (one), هما (two), هي (more).
        pronoun = {1: "هو", 2: "هما"}.get(len(cons.axes), "هي")
        spread = "واردة في" if len(cons.axes) == 1 else "موزعة على"
        second_parts.append(
            f"وأفضت هذه اللقاءات إلى {recs} {spread} {axes} {pronoun}: {titles}، "
            "ترد في مرفق هذا التقرير."
        )
    out = [Para("UNPara", first, bookmark=cons.id, bookmark_suffix="__gp1")]
    if second_parts:
        out.append(
            Para("UNPara", " ".join(second_parts), bookmark=cons.id, bookmark_suffix="__gp2")
        )
    return out
