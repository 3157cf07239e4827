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

from lxml import etree

from cmwreport import contract
from cmwreport.arabic.wording import wording
from cmwreport.build.wordcount import LIMIT, RESOLUTION
from cmwreport.docx.plain import plain_text
from cmwreport.docx.slots import SLOT
from cmwreport.docx.styles import Styles
from cmwreport.docx.text import paragraph_text
from cmwreport.docx.wordml import style_of
from cmwreport.docx.xml import w
from cmwreport.draft.numbering import Numbering
from cmwreport.i18n import _
from cmwreport.plain import Frozen, Plain

PLACEHOLDER_PROPERTY = contract.PLACEHOLDER_PROPERTY
_NOT_NUMBERED = (w("tbl"), w("txbxContent"))
# A set: asked of every body paragraph, a tuple compared each role by `Style.__eq__`.
HEADINGS = frozenset(
    (contract.HEADING1, contract.HEADING2, contract.HEADING3, contract.ANNEX_TITLE)
)


class Finding(Frozen):
    """`paragraph`: the body paragraph, counted from 1 (table cells included), 0 for the
    report as a whole; `at`: where else it is located (file, line, column), a
    question's entry in the reference data, for a question with no reply heading.

    Frozen and Plain (cmwreport/plain.py) rather than dataclasses: creating a dataclass
    compiles its methods, 2.4 M instructions a class at every build (issue 21)."""

    __slots__ = ("at", "code", "message", "paragraph")
    _compared = ("code", "paragraph", "message", "at")

    def __init__(
        self, code: str, paragraph: int, message: str, at: tuple[str, int, int] | None = None
    ) -> None:
        self._set(code=code, paragraph=paragraph, message=message, at=at)


class Paragraph(Plain):
    """`index`: the body paragraph, from 1; `number`: the UN number it has ("4",
    "4 (أ)", "annex 3"), or None, and then `after`, the number of the nearest numbered
    paragraph above it."""

    __slots__ = ("after", "index", "number", "role", "text")
    _compared = ("index", "number", "after", "role", "text")

    def __init__(
        self,
        index: int,
        number: str | None,
        after: str | None,
        role: contract.Style | None,
        text: str,
    ) -> None:
        self.index, self.number, self.after, self.role, self.text = (
            index,
            number,
            after,
            role,
            text,
        )

    @property
    def numbered(self) -> bool:
        """A UN paragraph of the first level ("4"), the numbers replies cite."""
        return self.number is not None and self.number.isdigit()

    @property
    def where(self) -> str:
        """ "paragraph 4 (أ)", "after annex paragraph 3" (made only for a finding)."""
        if self.number is not None:
            return _paragraph(self.number)
        if self.after and self.after.startswith("annex "):
            return _("after annex paragraph {number}", number=self.after[6:])
        if self.after:
            return _("after paragraph {number}", number=self.after)
        return _("before paragraph 1")


def _paragraph(number: str) -> str:
    if number.startswith("annex "):
        return _("annex paragraph {number}", number=number[6:])
    return _("paragraph {number}", number=number)


class Body:
    """The body's paragraphs (`paragraphs`, read once for every use), where the run of
    paragraphs whose texts were given starts among them (from 0; -1 when not met),
    and which of them lie inside another body paragraph (a text box's)."""

    __slots__ = ("first", "inner", "paragraphs")

    def __init__(self, paragraphs: list[Paragraph], first: int, inner: set[int]) -> None:
        self.paragraphs, self.first, self.inner = paragraphs, first, inner

    def words_outside(self, start: int, count: int) -> Iterator[str]:
        """The texts of the paragraphs outside the `count` from `start` that a walk of
        the body's own blocks reads (`slots.paragraph_texts`): a paragraph, or one of a
        table's (or another block's) at any depth, not one inside a paragraph."""
        inner = self.inner
        for index, para in enumerate(self.paragraphs):
            if not start <= index < start + count and index not in inner:
                yield para.text


def paragraphs(
    body: etree._Element,
    styles: Styles,
    known: tuple[etree._Element | None, list[tuple[str, str | None] | None]] = (None, []),
) -> Body:
    """The body's paragraphs with their role and UN number. `known`: (the first of a run
    of paragraphs, for each of those None or its text and the style id it alone names,
    in its properties that hold no numbering, or None): what is given is not read
    again."""
    counter = Numbering(styles)
    number_of = counter.number
    roles = styles.roles
    val, body_tag, p_tag = w("val"), w("body"), w("p")
    start, given = known
    first = -1
    inner: set[int] = set()
    out = []
    for index, p in enumerate(body.iter(p_tag), start=1):
        after = counter.last
        if p is start:
            first = index - 1
        held = given[index - 1 - first] if first >= 0 and index - 1 - first < len(given) else None
        # As diff reads a draft: paragraphs in tables and text boxes are not numbered
        # (a paragraph of the body itself, most of them, is in neither).
        if p.getparent().tag == body_tag:
            if held is not None and held[1] is not None:
                # Its style known, and no numbering of its own: not read again.
                number = counter.number_styled(held[1])
                out.append(Paragraph(index, number, after, roles.get(held[1]), held[0]))
                continue
            outside = True
        else:
            ancestors = list(p.iterancestors())
            outside = not any(a.tag in _NOT_NUMBERED for a in ancestors)
            # The body's own child that holds it: a paragraph (its text box's text)?
            if ancestors[ancestors.index(body) - 1].tag == p_tag:
                inner.add(index - 1)
        number = number_of(p) if outside else None
        # Numbering read the paragraph's style id: not read a second time.
        if outside and counter.style is not None:
            role = roles.get(counter.style)
        else:
            style = style_of(p)
            role = roles.get(style.get(val, "")) if style is not None else None
        text = held[0] if held is not None else None
        if text is None:
            # Most built paragraphs are plain (runs of one text): read without `atoms`.
            text = plain_text(p)
            if text is None:
                text = paragraph_text(p)
        out.append(Paragraph(index, number, after, role, text))
    return Body(out, first, inner)


def _excerpt(text: str) -> str:
    text = " ".join(text.split())
    return text if len(text) <= 50 else text[:49] + "…"


def findings(
    body: list[Paragraph],
    *,
    placeholder: str | None,
    report_words: int,
    other_texts: dict[str, list[str]],
) -> list[Finding]:
    """`body`: the body's paragraphs (`paragraphs`, read once for every use); `other_texts`:
    the paragraphs of headers, footers and footnotes, by part name."""
    out: list[Finding] = []
    if report_words > LIMIT:
        out.append(
            Finding(
                "B001",
                0,
                _(
                    "the report has {words} words, {over} over the {limit}-word limit of a "
                    "periodic report (GA resolution {resolution}); the Committee may ask "
                    "for it to be shortened",
                    words=format(report_words, ","),
                    over=format(report_words - LIMIT, ","),
                    limit=format(LIMIT, ","),
                    resolution=RESOLUTION,
                ),
            )
        )
    reply = wording().reply_heading
    pending: Paragraph | None = None  # a reply heading waiting for its reply
    for para in body:
        if placeholder and placeholder in para.text:
            out.append(
                Finding(
                    "B002",
                    para.index,
                    _(
                        "{where}: drafting placeholder {placeholder} still in “{text}”: "
                        "write the text",
                        where=para.where,
                        placeholder=placeholder,
                        text=_excerpt(para.text),
                    ),
                )
            )
        for match in SLOT.finditer(para.text):
            out.append(
                Finding(
                    "B003",
                    para.index,
                    _(
                        "{where}: slot {slot} left in the text",
                        where=para.where,
                        slot=match.group(),
                    ),
                )
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
                left = _(
                    "{part} paragraph {n}: slot {slot} left", part=part, n=n, slot=match.group()
                )
                out.append(Finding("B003", 0, left))
    return out


def _no_reply(heading: Paragraph) -> Finding:
    return Finding(
        "B004",
        heading.index,
        _(
            "{where}: the heading “{heading}” has no reply under it",
            where=heading.where,
            heading=" ".join(heading.text.split()),
        ),
    )


def reply_findings(replies: list, issues) -> list[Finding]:
    """B005: a question or sub-item of the list of issues with no reply heading; B006: a
    question or sub-item replied to under two headings; B007: the data does not list every
    question (or sub-item), so B005 cannot be the whole answer. `replies`: replies.scan's;
    `issues`: replies.questions.ListOfIssues, or None (no data: nothing judged)."""
    out: list[Finding] = []
    headed: dict[tuple, list] = {}
    for reply in replies:
        if reply.number is not None:
            headed.setdefault((reply.number, reply.label), []).append(reply)
    for (number, label), found in headed.items():
        for again in found[1:]:
            key = f"{number} ({label})" if label else str(number)
            out.append(
                Finding(
                    "B006",
                    again.heading.index,
                    _(
                        "{where}: a second reply heading for question {question} (the first "
                        "at body paragraph {first}): merge the two",
                        where=again.heading.where,
                        question=key,
                        first=found[0].heading.index,
                    ),
                )
            )
    if issues is None:
        return out
    if not issues.complete or issues.incomplete_questions:
        loc = issues.loc
        unread = [] if issues.complete else [_("does not list every question (complete: false)")]
        if issues.incomplete_questions:
            listed = ", ".join(str(n) for n in issues.incomplete_questions)
            unread.append(_("was not read whole for question {questions}", questions=listed))
        out.append(
            Finding(
                "B007",
                0,
                _(
                    "the data of {symbol} {what}: whether every question has a reply cannot "
                    "be checked; complete it from the document (docs/replies.md)",
                    symbol=issues.symbol,
                    what=_("{a} and {b}", a=unread[0], b=unread[1])
                    if len(unread) > 1
                    else unread[0],
                ),
                (loc.file, loc.line, loc.column) if loc is not None else None,
            )
        )
    for target in issues.targets:
        if (target.number, target.label) in headed:
            continue
        if target.label and (target.number, None) in headed:
            continue  # replied under the question's own heading
        loc = target.loc
        at = (loc.file, loc.line, loc.column) if loc is not None else None
        out.append(
            Finding(
                "B005",
                0,
                _(
                    "question {question} of {symbol} has no reply heading: add “{heading}” "
                    "(cmwreport replies --template writes every one)",
                    question=target.key,
                    symbol=issues.symbol,
                    heading=_heading(target),
                ),
                at,
            )
        )
    return out


def _heading(target) -> str:
    from cmwreport.replies.headings import heading

    return heading(target.number, target.label)
