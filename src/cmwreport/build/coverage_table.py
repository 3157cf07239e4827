"""The correspondence table as a Word file drafters can annex: one row per question and
sub-item of the list of issues (its number as the Arabic text cites it, its subject, the
previous concluding observations it follows up, the report paragraphs that reply, the
state), laid out in the project's own template (its styles, page, headers)."""

from __future__ import annotations

from pathlib import Path

from cmwreport.replies.coverage import Coverage
from cmwreport.replies.headings import arabic_key
from cmwreport.replies.render import ARABIC_STATES, ranges

TITLE = "جدول التوافق بين فقرات التقرير وقائمة المسائل"
HEADER = (
    "الفقرة من قائمة المسائل",
    "الموضوع",
    "الملاحظات الختامية السابقة",
    "فقرات التقرير",
    "الحالة",
)
#: Column widths, in tenths of the text width.
SHARES = (12, 40, 14, 17, 17)


def render(coverage: Coverage, template: Path, sources) -> bytes:
    from cmwreport.build.merge import _open, inline_values
    from cmwreport.docx import slots as slotlib
    from cmwreport.docx.content import Bookmarks, Para, Row, Table
    from cmwreport.docx.content import render as render_blocks
    from cmwreport.docx.core import document_moment
    from cmwreport.timestamps import source_date_epoch

    document = _open(template, str(template))
    report = sources.report
    inline = inline_values(report)
    for sp in document.slot_paragraphs(body=False):
        slotlib.replace_inline(sp, inline)

    width = document.text_width()
    widths = [width * share // 100 for share in SHARES]
    widths[-1] = width - sum(widths[:-1])
    rows = [Row([[Para("TableHeading", text)] for text in HEADER], header=True)]
    for c in coverage.targets:
        t = c.target
        cells = (
            arabic_key(t.number, t.label),
            t.subject_ar or t.subject,
            "، ".join(str(n) for n in t.observations),
            ranges(c.numbers).replace(", ", "، "),
            ARABIC_STATES[c.state],
        )
        rows.append(Row([[Para("TableText", text)] for text in cells]))
    for r in coverage.unlisted:  # headings for questions the data does not list
        cells = (
            arabic_key(r.number, r.label),
            r.heading.text,
            "",
            ranges(r.numbers).replace(", ", "، "),
            ARABIC_STATES[r.state],
        )
        rows.append(Row([[Para("TableText", text)] for text in cells]))
    issues = coverage.issues
    intro = f"ردود التقرير {report.symbol}"
    if issues is not None:
        intro += f" على قائمة المسائل {issues.symbol}"
    blocks = [
        Para("Heading1", TITLE),
        Para("TableCaption", intro),
        Table(widths=widths, rows=rows, caption=TITLE),
    ]
    cs_font = document.cs_font()
    nodes = render_blocks(blocks, Bookmarks(), document.style_map, cs_font)
    document.replace_body(nodes)
    created = document_moment(report.date)
    document.set_core(f"{report.symbol} — {TITLE}", created, source_date_epoch() or created)
    return document.to_bytes()
