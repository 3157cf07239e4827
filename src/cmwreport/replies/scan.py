"""The reply headings of a report body, and what stands under each.

A reply runs from its heading to the next heading of any level (or the annex). What is
under it is judged as the readiness gate judges a draft: nothing with text is no reply;
the template's drafting placeholder left anywhere in it is a reply still to write.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from cmwreport.plain import Plain
from cmwreport.replies import headings

ANSWERED = "answered"
PLACEHOLDER = "placeholder left"
EMPTY = "nothing under the heading"
MISSING = "no reply heading"


class Reply(Plain):
    """`number`: None for a reply heading naming no paragraph number; `heading`: the
    heading's paragraph (build.readiness.Paragraph: index, number, text, where);
    `numbers`: UN numbers of the numbered paragraphs under the heading, as printed.

    Plain rather than a dataclass: creating a dataclass compiles its methods, 2.4 M
    instructions a class at every build (issue 21)."""

    _compared = ("number", "label", "heading", "numbers", "written", "placeholder", "text")

    def __init__(
        self,
        number: int | None,
        label: str | None,
        heading: Any,
        numbers: list[int] | None = None,
        written: bool = False,
        placeholder: bool = False,
        text: list[str] | None = None,
    ) -> None:
        self.number, self.label, self.heading = number, label, heading
        self.numbers = [] if numbers is None else numbers
        self.written, self.placeholder = written, placeholder
        self.text = [] if text is None else text

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
