"""One self-contained HTML page: the changes side by side, old on one side, new on the other.

No scripts, fonts or stylesheets are fetched: the page is mailed and opened offline.
Every piece of document text is escaped; cells whose text starts right to left (Arabic,
Hebrew) get dir="rtl" so the browser lays them out right to left, others dir="ltr".
"""

from __future__ import annotations

import unicodedata
from html import escape

from cmwreport.diff.compare import NOTE_TRACKED, Change, Result
from cmwreport.diff.render.text import renumbered_ranges, where
from cmwreport.diff.words import side_segments

_CSS = """
body{font-family:"Amiri","Noto Naskh Arabic","Traditional Arabic",serif;margin:2em;color:#222}
h1{font-size:1.3em} table{border-collapse:collapse;width:100%}
th,td{border:1px solid #ccc;padding:.4em .6em;vertical-align:top}
td.text{width:42%;line-height:1.7;white-space:pre-wrap}
th{background:#f3f3f3} .meta{font-family:sans-serif;font-size:.85em;color:#555}
del{background:#fdd;color:#900} ins{background:#dfd;color:#060;text-decoration:none}
tr.added td.new,tr.moved td.new{background:#f3fff3} tr.removed td.old{background:#fff3f3}
.kind{font-family:sans-serif;font-weight:bold} .summary td{text-align:center}
.note{background:#ffd;padding:.5em;border:1px solid #ee9}
"""


def _dir(text: str | None) -> str:
    """The direction of a paragraph is that of its first strong letter (Unicode bidi
    rules P2-P3): Hebrew is right to left too, and a Latin sentence quoting an Arabic
    title stays left to right."""
    for ch in text or "":
        kind = unicodedata.bidirectional(ch)
        if kind in ("R", "AL"):
            return "rtl"
        if kind == "L":
            return "ltr"
    return "ltr"


def render(result: Result) -> str:
    s = result.summary
    out = [
        "<!DOCTYPE html>",
        '<html lang="ar"><head><meta charset="utf-8">',
        f"<title>cmwreport diff: {escape(result.old.path)} → {escape(result.new.path)}</title>",
        f"<style>{_CSS}</style></head><body>",
        f'<h1 dir="ltr">{escape(result.old.path)} → {escape(result.new.path)}</h1>',
        '<table class="summary meta" dir="ltr"><tr>'
        + "".join(f"<th>{k}</th>" for k in s)
        + "</tr><tr>"
        + "".join(f"<td>{v}</td>" for v in s.values())
        + "</tr></table>",
    ]
    if result.tracked_inputs:
        out.append(f'<p class="note" dir="ltr">{escape(NOTE_TRACKED)}</p>')
    if not result.differs:
        out.append('<p class="meta" dir="ltr">No differences.</p>')
    elif not result.changes:
        out.append('<p class="meta" dir="ltr">No differences in the text compared.</p>')
    else:
        out.append(
            '<table class="changes"><thead dir="ltr"><tr><th>change</th>'
            f"<th>{escape(result.old.path)}</th><th>{escape(result.new.path)}</th>"
            "</tr></thead><tbody>"
        )
        out.extend(_row(c) for c in result.changes)
        out.append("</tbody></table>")
    if result.unread:
        out.append('<h2 class="meta" dir="ltr">Not compared</h2><ul dir="ltr">')
        out.extend(f"<li>{escape(item.describe())}</li>" for item in result.unread)
        out.append("</ul>")
    if result.renumbered:
        out.append(
            '<h2 class="meta" dir="ltr">Renumbered (not counted as changes)</h2><ul dir="ltr">'
        )
        out.extend(f"<li>{escape(line)}</li>" for line in renumbered_ranges(result))
        out.append("</ul>")
    out.append("</body></html>")
    return "\n".join(out) + "\n"


def _row(change: Change) -> str:
    label = f"{change.kind}<br>{escape(where(change.old))} → {escape(where(change.new))}"
    if change.col is not None:
        label += f"<br>col {change.col}"
    if change.section:
        label += f'<br><span dir="{_dir(change.section)}">{escape(change.section)}</span>'
    for detail in change.details:
        label += f'<br><span class="detail">{escape(detail)}</span>'
    old_html = escape(change.old_text) if change.old_text is not None else ""
    new_html = escape(change.new_text) if change.new_text is not None else ""
    if change.ops:
        old_html = "".join(
            escape(t) if k == "equal" else f"<del>{escape(t)}</del>"
            for k, t in side_segments(change.old_text or "", change.ops, "old")
        )
        new_html = "".join(
            escape(t) if k == "equal" else f"<ins>{escape(t)}</ins>"
            for k, t in side_segments(change.new_text or "", change.ops, "new")
        )
    elif change.kind == "added":
        new_html = f"<ins>{new_html}</ins>"
    elif change.kind == "removed":
        old_html = f"<del>{old_html}</del>"
    return (
        f'<tr class="{change.kind}"><td class="meta kind" dir="ltr">{label}</td>'
        f'<td class="text old" dir="{_dir(change.old_text)}">{old_html}</td>'
        f'<td class="text new" dir="{_dir(change.new_text)}">{new_html}</td></tr>'
    )
