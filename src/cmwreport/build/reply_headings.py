"""What `validate` checks in a project's template: a reply heading that appears twice
(two replies to one question, which the coverage table and the Committee would read as
one). Only the template's body is read; nothing is built."""

from __future__ import annotations

from pathlib import Path

from cmwreport.diagnostics import Diagnostic
from cmwreport.i18n import _


def duplicate_headings(template: Path) -> list[Diagnostic]:
    """R208 for each reply heading naming a question or sub-item an earlier one names,
    located at its body paragraph (the line). A template that cannot be read is left to
    build, which says why (validate checks the sources)."""
    from cmwreport.build.readiness import HEADINGS, paragraphs
    from cmwreport.docx.document import WordDocument
    from cmwreport.docx.package import PackageError
    from cmwreport.replies import headings

    try:
        document = WordDocument.open(template)
    except (PackageError, OSError):
        return []
    first: dict[tuple[int, str | None], int] = {}
    out = []
    for para in paragraphs(document.body, document.styles()).paragraphs:
        if para.role not in HEADINGS:
            continue
        named = headings.parse(para.text)
        if named is None:
            continue
        if named in first:
            number, label = named
            key = f"{number} ({label})" if label else str(number)
            out.append(
                Diagnostic(
                    str(template),
                    para.index,
                    1,
                    "R208",
                    "error",
                    _(
                        "a second reply heading for question {key} of the list of issues (the "
                        "first at body paragraph {first}): keep one, and put both replies "
                        "under it",
                        key=key,
                        first=first[named],
                    ),
                )
            )
        else:
            first[named] = para.index
    return out
