"""The template's own text checked as the sources are (`validate` on a project).

The rules of checks/usage.py (T508-T511), numbers that right-to-left display reverses
(T507) and drafting placeholders still in the text (B002, the code build gives them),
each located as the document prints it: the template's UN paragraph number and the
heading it stands under, with the body paragraph as the line (the count `build`'s
warnings use).

Text of record kept verbatim in the template is silenced per paragraph by a Word
comment on it that reads `cmwreport: ignore T510` (codes separated by spaces or
commas; a reason may follow), as `# cmwreport: ignore T507` does in a source file.
"""

from __future__ import annotations

import re
from pathlib import Path

from cmwreport.diagnostics import Diagnostic
from cmwreport.i18n import _

IGNORE = re.compile(r"cmwreport:\s*ignore\s+(?P<codes>[A-Z]\d{3}(?:[\s,]+[A-Z]\d{3})*)")


def template_text_warnings(template: Path | str) -> list[Diagnostic]:
    """Warnings on the template's text; [] for a template that cannot be read (build
    says why)."""
    from cmwreport.build.readiness import PLACEHOLDER_PROPERTY
    from cmwreport.checks import numbers, usage
    from cmwreport.docx.custom_properties import get
    from cmwreport.docx.package import PackageError
    from cmwreport.docx.xml import w
    from cmwreport.draft.model import DraftError
    from cmwreport.draft.reader import read_draft

    path = Path(template)
    try:
        draft = read_draft(path)
    except (PackageError, DraftError, OSError):
        return []
    placeholder = get(draft.package, PLACEHOLDER_PROPERTY)
    body = draft.parts[draft.main_part].find(w("body"))
    line_of = {p: n for n, p in enumerate(body.iter(w("p")), start=1)}
    silenced: dict[str, set[str]] = {}
    for comment in draft.comments:
        found = IGNORE.search(comment.text)
        if found and comment.anchor is not None:
            codes = set(re.split(r"[\s,]+", found.group("codes")))
            silenced.setdefault(comment.anchor, set()).update(codes)
    out: list[Diagnostic] = []
    for block in draft.body:
        if block.location not in ("body", "table"):
            continue
        element = block.element
        first = element if element.tag == w("p") else next(element.iter(w("p")), None)
        line = line_of.get(first, 0)
        problems = [(f.code, f.message) for f in usage.findings(block.text)]
        problems += [
            (
                "T507",
                _(
                    "'{value}' is displayed reversed in right-to-left text: write {fixed}",
                    value=m.group(),
                    fixed=re.sub(r"\s*[-\u2010-\u2015\u2212]\s*", ".", m.group()),
                ),
            )
            for m in numbers.reversed_numbers(block.text)
        ]
        if placeholder and placeholder in block.text:
            problems.append(
                ("B002", _("drafting placeholder {marker} still in the text", marker=placeholder))
            )
        quiet = silenced.get(block.text, set())
        for code, message in problems:
            if code in quiet:
                continue
            out.append(
                Diagnostic(str(template), line, 1, code, "warning", f"{_where(block)}: {message}")
            )
    return out


def _where(block) -> str:
    """'paragraph 3, under «ألف- معلومات عامة»': the place as the document prints it."""
    if block.number:
        place = _("paragraph {number}", number=block.number)
    elif block.after:
        place = _("after paragraph {number}", number=block.after)
    else:
        place = _("before paragraph 1")
    if block.section:
        return _("{place}, under «{heading}»", place=place, heading=block.section)
    return place
