"""The reply headings of a report body, and what stands under each.

A reply runs from its heading to the next heading of any level (or the annex). What is
under it is judged as the readiness gate judges a draft: nothing with text is no reply;
the template's drafting placeholder left anywhere in it is a reply still to write.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from cmwreport.replies import headings

ANSWERED = "answered"
PLACEHOLDER = "placeholder left"
EMPTY = "nothing under the heading"
MISSING = "no reply heading"


@dataclass
class Reply:
    number: int | None  # None: a reply heading naming no paragraph number
    label: str | None
    #: The heading's paragraph (build.readiness.Paragraph: index, number, text, where).
    heading: Any
    #: UN numbers of the numbered paragraphs under the heading, as printed.
    numbers: list[int] = field(default_factory=list)
    written: bool = False
    placeholder: bool = False
    text: list[str] = field(default_factory=list)

    @property
    def state(self) -> str:
        if self.placeholder:
            return PLACEHOLDER
        return ANSWERED if self.written else EMPTY


def scan(paragraphs: Iterable[Any], placeholder: str | None) -> list[Reply]:
    """Every reply heading of a body, in order, with what is under it. `paragraphs`: the
    body's paragraphs with their role and UN number (build.readiness.paragraphs)."""
    found: list[Reply] = []
    current: Reply | None = None
    for para in paragraphs:
        # Any heading level, and the annex title (level 0), ends a reply.
        if para.role is not None and para.role.heading is not None:
            current = None
            if headings.is_reply_heading(para.text):
                named = headings.parse(para.text)
                number, label = named if named else (None, None)
                current = Reply(number, label, para)
                found.append(current)
            continue
        if current is None:
            continue
        if para.numbered:
            current.numbers.append(int(para.number))
        if para.text.strip():
            current.written = True
            current.text.append(para.text)
            if placeholder and placeholder in para.text:
                current.placeholder = True
    return found
