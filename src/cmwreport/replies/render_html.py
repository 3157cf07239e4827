"""Coverage as one self-contained HTML page, in the style of diff's page: right to left
(the drafters' language), no scripts, fonts or stylesheets fetched; every text escaped.
Each question's row carries id="q-N" or "q-N-x" and data-state, for a reader (or a
test) to find it."""

from __future__ import annotations

import unicodedata
from html import escape

from cmwreport.i18n import _
from cmwreport.replies.coverage import Coverage
from cmwreport.replies.headings import arabic_key
from cmwreport.replies.render import ARABIC_STATES, counts, notes, ranges

_CSS = """
body{font-family:"Amiri","Noto Naskh Arabic","Traditional Arabic",serif;margin:2em;color:#222}
h1{font-size:1.3em} h2{font-size:1.1em} table{border-collapse:collapse;width:100%}
th,td{border:1px solid #ccc;padding:.4em .6em;vertical-align:top;line-height:1.6}
th{background:#f3f3f3} .meta{font-family:sans-serif;font-size:.85em;color:#555}
.note{background:#ffd;padding:.5em;border:1px solid #ee9;font-family:sans-serif}
tr.answered td.state{background:#dfd} tr.missing td.state{background:#fdd}
tr.placeholder td.state,tr.empty td.state{background:#ffe9c7}
.num{font-family:sans-serif;white-space:nowrap}
"""

_CLASS = {
    "answered": "answered",
    "placeholder left": "placeholder",
    "nothing under the heading": "empty",
    "no reply heading": "missing",
}


def _dir(text: str) -> str:
    """A message's direction is its first strong letter's (Unicode bidi P2-P3): notes
    follow the user's language, the page is right to left."""
    isolated = 0  # characters between an isolate initiator and its PDI are skipped (P2)
    for ch in text:
        kind = unicodedata.bidirectional(ch)
        if kind in ("LRI", "RLI", "FSI"):
            isolated += 1
        elif kind == "PDI":
            isolated = max(isolated - 1, 0)
        elif isolated:
            continue
        elif kind in ("R", "AL"):
            return "rtl"
        if kind == "L":
            return "ltr"
    return "rtl"


def _anchor(number: int, label: str | None) -> str:
    return f"q-{number}-{label}" if label else f"q-{number}"


def render(coverage: Coverage) -> str:
    issues = coverage.issues
    title = f"الردود على قائمة المسائل: {coverage.report}"
    out = [
        "<!DOCTYPE html>",
        '<html lang="ar" dir="rtl"><head><meta charset="utf-8">',
        f"<title>{escape(title)}</title>",
        f"<style>{_CSS}</style></head><body>",
        f"<h1>{escape(title)}"
        + (f' <span dir="ltr">({escape(issues.symbol)})</span>' if issues else "")
        + "</h1>",
        '<table class="summary meta"><tr>'
        + "".join(f"<th>{escape(ARABIC_STATES[k])}</th>" for k in counts(coverage))
        + "</tr><tr>"
        + "".join(f"<td>{v}</td>" for v in counts(coverage).values())
        + "</tr></table>",
    ]
    out.extend(f'<p class="note" dir="{_dir(note)}">{escape(note)}</p>' for note in notes(coverage))
    out.append(
        '<h2>المسائل</h2><table class="questions"><thead><tr><th>الفقرة</th>'
        "<th>الموضوع</th><th>الحالة</th><th>فقرات التقرير</th>"
        "<th>الملاحظات الختامية السابقة</th></tr></thead><tbody>"
    )
    for c in coverage.targets:
        t = c.target
        subject = t.subject_ar or t.subject
        paragraphs = ranges(c.numbers)
        if c.under_question and paragraphs:
            paragraphs += f" (تحت عنوان الفقرة {t.number})"
        out.append(
            f'<tr id="{_anchor(t.number, t.label)}" class="{_CLASS[c.state]}" '
            f'data-state="{escape(c.state)}">'
            f'<td class="num">{escape(arabic_key(t.number, t.label))}</td>'
            f"<td>{escape(subject)}</td>"
            f'<td class="state">{escape(ARABIC_STATES[c.state])}</td>'
            f'<td class="num">{escape(paragraphs)}</td>'
            f'<td class="num">{escape("، ".join(str(n) for n in t.observations))}</td></tr>'
        )
    unlisted = _("not in the data")
    for r in coverage.unlisted + coverage.unknown:
        number = "?" if r.number is None else arabic_key(r.number, r.label)
        out.append(
            f'<tr class="unlisted {_CLASS[r.state]}" data-state="{escape(r.state)}">'
            f'<td class="num">{escape(number)}</td>'
            f"<td>{escape(r.heading.text)}</td>"
            f'<td class="state">{escape(ARABIC_STATES[r.state])}</td>'
            f'<td class="num">{escape(ranges(r.numbers))}</td>'
            f'<td class="meta" dir="{_dir(unlisted)}">{escape(unlisted)}</td></tr>'
        )
    out.append("</tbody></table>")
    if coverage.recommendations:
        out.append(
            f'<h2>توصيات <span dir="ltr">{escape(coverage.observations.symbol)}</span></h2>'
            '<table class="recommendations"><thead><tr><th>الفقرة</th><th>الموضوع</th>'
            "<th>المسائل التي تتابعها</th><th>توصيات المشاورات</th><th>فقرات التقرير</th>"
            "</tr></thead><tbody>"
        )
        arabic = {
            c.target.key: arabic_key(c.target.number, c.target.label) for c in coverage.targets
        }
        for rec in coverage.recommendations:
            questions = "؛ ".join(arabic.get(k, k) for k in rec.questions)
            out.append(
                f'<tr id="co-{rec.number}"><td class="num">{rec.number}</td>'
                f'<td dir="ltr">{escape(rec.subject)}</td>'
                f'<td class="num">{escape(questions)}</td>'
                f'<td dir="ltr">{escape(", ".join(rec.consultation))}</td>'
                f'<td class="num">{escape(ranges(rec.numbers))}</td></tr>'
            )
        out.append("</tbody></table>")
    out.append(
        "<h2>مواد الاتفاقية</h2>"
        f'<p>المواد المشمولة: <span class="num">{escape(ranges(list(coverage.articles)))}'
        "</span></p>"
        f'<p>المواد التي لم يُشر إليها: <span class="num">'
        f"{escape(ranges(coverage.missing_articles))}</span></p>"
    )
    out.append("</body></html>")
    return "\n".join(out) + "\n"
