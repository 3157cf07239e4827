"""Reply headings for every question of the list of issues, written into a template.

For each question and sub-item the data lists, in the document's order: a reply heading
in the UN Arabic form (headings.py), then a numbered paragraph holding the template's
drafting placeholder, the subject of the question and the previous concluding
observations it follows up, so that `build` and `coverage` report it until a drafter
writes the reply. A heading already in the template (for the sub-item, or for its
question as a whole) is kept with everything under it; nothing else of the template is
touched. New headings go after the reply that precedes them in the list, or before the
first that follows; a question of a later section of the list (II, III) after the
template's heading of that Part when it has one.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from lxml import etree

from cmwreport import contract
from cmwreport.build.readiness import HEADINGS, PLACEHOLDER_PROPERTY
from cmwreport.docx.text import paragraph_text
from cmwreport.docx.xml import w
from cmwreport.replies import headings
from cmwreport.replies.questions import ListOfIssues, Target

#: The placeholder a template without `cmwreport.placeholder` gets (the shipped one's).
DEFAULT_PLACEHOLDER = "[نص يحرره فريق الصياغة]"
PLACEHOLDER_STYLE = "DraftingPlaceholder"
#: How the template's Part headings start, by section of the list of issues.
PARTS = {"I": "الجزء الأول", "II": "الجزء الثاني", "III": "الجزء الثالث"}


@dataclass
class Outcome:
    data: bytes | None  # the new template, or None when nothing was added
    added: list[Target] = field(default_factory=list)
    kept: list[Target] = field(default_factory=list)


def citation(co_symbol: str | None, numbers: tuple[int, ...]) -> str:
    """'(متابعة CMW/C/MAR/CO/1، الفقرة 10)', or '' when it follows up nothing."""
    if not numbers or not co_symbol:
        return ""
    listed = [str(n) for n in numbers]
    if len(listed) == 1:
        which = f"الفقرة {listed[0]}"
    elif len(listed) == 2:
        which = f"الفقرتان {listed[0]} و{listed[1]}"
    else:
        which = "الفقرات " + "، ".join(listed[:-1]) + f" و{listed[-1]}"
    return f" (متابعة {co_symbol}، {which})"


def draft_text(target: Target, placeholder: str, co_symbol: str | None, question) -> str:
    subject = target.subject_ar or (question.subject_ar if question else None)
    inherited = question.observations if question is not None else ()
    cited = tuple(dict.fromkeys((*inherited, *target.observations)))
    text = f"{placeholder}: الرد على الفقرة {headings.arabic_key(target.number, target.label)} "
    text += "من قائمة المسائل"
    if subject:
        text += f"، {subject}"
    return text + citation(co_symbol, cited) + "."


def write(template: Path, issues: ListOfIssues, co_symbol: str | None) -> Outcome:
    """The template with a reply heading for every target it lacks (bytes), or None."""
    from cmwreport.build.merge import _open
    from cmwreport.docx.content import Bookmarks, Para, render
    from cmwreport.docx.custom_properties import get

    document = _open(template, str(template))
    styles, _missing = document.resolve_styles((contract.HEADING3, contract.UN_PARA))
    roles = document.styles().roles
    placeholder = get(document.package, PLACEHOLDER_PROPERTY) or DEFAULT_PLACEHOLDER
    marked = _has_style(document, PLACEHOLDER_STYLE)
    body = document.body
    sections = _sections(body, roles)
    outcome = Outcome(None)
    # Where each target's reply ends (its last element), for the next one to follow.
    ends: dict[tuple[int, str | None], etree._Element] = {}
    starts: dict[tuple[int, str | None], etree._Element] = {}
    for key, (start, end) in sections.replies.items():
        starts[key], ends[key] = start, end
    order = issues.targets
    for index, target in enumerate(order):
        key = (target.number, target.label)
        if key in starts or (target.label and (target.number, None) in starts):
            outcome.kept.append(target)
            whole = key if key in starts else (target.number, None)
            ends[key] = ends[whole]
            continue
        question = issues.question(target.number)
        blocks = [
            Para("Heading3", headings.heading(target.number, target.label)),
            Para(
                "UNPara",
                draft_text(target, placeholder, co_symbol, question),
                marks=(placeholder, PLACEHOLDER_STYLE) if marked else None,
            ),
        ]
        nodes = render(blocks, Bookmarks(), styles, document.cs_font())
        anchor, before = _place(index, order, ends, starts, sections, target)
        if anchor is None:
            end = body.find(w("sectPr"))
            anchor, before = (end, True) if end is not None else (None, False)
        if anchor is None:
            body.extend(nodes)
        elif before:
            for node in nodes:
                anchor.addprevious(node)
        else:
            for node in reversed(nodes):
                anchor.addnext(node)
        starts[key], ends[key] = nodes[0], nodes[-1]
        outcome.added.append(target)
    if outcome.added:
        outcome.data = document.to_bytes()
    return outcome


@dataclass
class _Sections:
    #: (number, label) -> (heading element, last element of its reply)
    replies: dict[tuple[int, str | None], tuple[etree._Element, etree._Element]]
    #: section of the list of issues -> last element under the template's Part heading
    #: before its first subheading
    parts: dict[str, etree._Element]
    #: what to insert before when there is no better place: the annex slot's paragraph
    fallback: etree._Element | None


def _sections(body: etree._Element, roles) -> _Sections:
    replies: dict = {}
    parts: dict[str, etree._Element] = {}
    fallback = None
    current = None  # the key whose reply runs until the next heading
    part = None
    style_tag, val = w("pStyle"), w("val")
    for child in body:
        if child.tag == w("sectPr"):
            continue
        style = child.find(f"{w('pPr')}/{style_tag}") if child.tag == w("p") else None
        role = roles.get(style.get(val, "")) if style is not None else None
        text = paragraph_text(child).strip() if child.tag == w("p") else ""
        if fallback is None and "{{" in text and "annex" in text:
            fallback = child
        if role in HEADINGS:
            current, part = None, None
            named = headings.parse(text)
            if named is not None and named not in replies:
                replies[named] = (child, child)
                current = named
            elif role is contract.HEADING1:
                part = next((s for s, start in PARTS.items() if text.startswith(start)), None)
                if part is not None:
                    parts[part] = child
            continue
        if current is not None:
            replies[current] = (replies[current][0], child)
        elif part is not None:
            parts[part] = child
    return _Sections(replies, parts, fallback)


def _place(index, order, ends, starts, sections: _Sections, target: Target):
    """(element, True to insert before it / False after it) for a new reply; (None,
    False): at the end of the body."""
    previous = order[index - 1] if index else None
    same_section = previous is not None and previous.section == target.section
    if same_section and (previous.number, previous.label) in ends:
        return ends[(previous.number, previous.label)], False
    # The first of its section: right after the template's Part heading when it has one
    # (sections II and III), else before the first reply that follows it.
    if target.section in sections.parts and target.section != "I" and not same_section:
        return sections.parts[target.section], False
    for later in order[index + 1 :]:
        if later.section != target.section:
            break
        for key in ((later.number, later.label), (later.number, None)):
            if key in starts:
                return starts[key], True
    if previous is not None and (previous.number, previous.label) in ends:
        return ends[(previous.number, previous.label)], False
    if target.section in sections.parts:
        return sections.parts[target.section], False
    if sections.fallback is not None:
        return sections.fallback, True
    return None, False


def _has_style(document, style_id: str) -> bool:
    return style_id in document.styles().names
