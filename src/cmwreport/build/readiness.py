"""What keeps a draft from submission, found in the built report.

`build` lists these as warnings, and `build --final` refuses to write a report that
has any: drafting placeholders left (the template names its placeholder text in the
document property `cmwreport.placeholder`), slots left unreplaced, a body over the
word limit (B001), a reply heading with no reply under it. Each is located by its
body paragraph (the line of the diagnostic) and by the UN paragraph number it
stands at, the number drafters see, counted by the rule `diff` counts with
(cmwreport.draft.numbering): a warning's "paragraph 4 (أ)" is diff's "para. 4 (أ)".
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from lxml import etree

from cmwreport import contract
from cmwreport.arabic.wording import wording
from cmwreport.build.wordcount import LIMIT, RESOLUTION
from cmwreport.docx.slots import SLOT
from cmwreport.docx.text import paragraph_text
from cmwreport.docx.xml import w
from cmwreport.draft.numbering import Numbering, StyleRoles

PLACEHOLDER_PROPERTY = "cmwreport.placeholder"
_NOT_NUMBERED = (w("tbl"), w("txbxContent"))
HEADINGS = (contract.HEADING1, contract.HEADING2, contract.HEADING3, contract.ANNEX_TITLE)


@dataclass(frozen=True)
class Finding:
    code: str
    #: Body paragraph, counted from 1 (table cells included); 0: the report as a whole.
    paragraph: int
    message: str


@dataclass(slots=True)
class _Paragraph:
    index: int  # body paragraph, from 1
    #: The UN number it has ("4", "4 (أ)", "annex 3"), or None ...
    number: str | None
    #: ... and then the number of the nearest numbered paragraph above it.
    after: str | None
    role: contract.Style | None
    text: str

    @property
    def where(self) -> str:
        """ "paragraph 4 (أ)", "after annex paragraph 3" (made only for a finding)."""
        if self.number is not None:
            return _paragraph(self.number)
        return f"after {_paragraph(self.after)}" if self.after else "before paragraph 1"


def _paragraph(number: str) -> str:
    annex = number.startswith("annex ")
    return f"annex paragraph {number[6:]}" if annex else f"paragraph {number}"


def _paragraphs(
    body: etree._Element, roles: dict[str, contract.Style], styles: etree._Element | None
) -> Iterator[_Paragraph]:
    counter = Numbering(StyleRoles(styles))
    ppr_tag, style_tag, val = w("pPr"), w("pStyle"), w("val")
    for index, p in enumerate(body.iter(w("p")), start=1):
        ppr = p.find(ppr_tag)
        style = ppr.find(style_tag) if ppr is not None else None
        role = roles.get(style.get(val, "")) if style is not None else None
        after = counter.last
        # As diff reads a draft: paragraphs in tables and text boxes are not numbered.
        outside = next(p.iterancestors(_NOT_NUMBERED), None) is None
        number = counter.number(p) if outside else None
        yield _Paragraph(index, number, after, role, paragraph_text(p))


def _excerpt(text: str) -> str:
    text = " ".join(text.split())
    return text if len(text) <= 50 else text[:49] + "…"


def findings(
    body: etree._Element,
    roles: dict[str, contract.Style],
    styles: etree._Element | None,
    *,
    placeholder: str | None,
    report_words: int,
    other_texts: dict[str, list[str]],
) -> list[Finding]:
    """`styles`: the styles part (None: the document has none); `other_texts`: the
    paragraphs of headers, footers and footnotes, by part name."""
    out: list[Finding] = []
    if report_words > LIMIT:
        out.append(
            Finding(
                "B001",
                0,
                f"the report has {report_words:,} words, {report_words - LIMIT:,} over the "
                f"{LIMIT:,}-word limit of a periodic report (GA resolution {RESOLUTION}); "
                "the Committee may ask for it to be shortened",
            )
        )
    reply = wording().reply_heading
    pending: _Paragraph | None = None  # a reply heading waiting for its reply
    for para in _paragraphs(body, roles, styles):
        if placeholder and placeholder in para.text:
            out.append(
                Finding(
                    "B002",
                    para.index,
                    f"{para.where}: drafting placeholder {placeholder} still in "
                    f"“{_excerpt(para.text)}”: write the text",
                )
            )
        for match in SLOT.finditer(para.text):
            out.append(
                Finding("B003", para.index, f"{para.where}: slot {match.group()} left in the text")
            )
        if para.role in HEADINGS or para.role is contract.ANNEX_TITLE:
            if pending is not None:
                out.append(_no_reply(pending))
            pending = para if para.text.strip().startswith(reply) else None
        elif para.text.strip() and pending is not None:
            pending = None
    if pending is not None:
        out.append(_no_reply(pending))
    for part, texts in other_texts.items():
        for n, text in enumerate(texts, start=1):
            for match in SLOT.finditer(text):
                out.append(Finding("B003", 0, f"{part} paragraph {n}: slot {match.group()} left"))
    return out


def _no_reply(heading: _Paragraph) -> Finding:
    return Finding(
        "B004",
        heading.index,
        f"{heading.where}: the heading “{' '.join(heading.text.split())}” has no reply under it",
    )
