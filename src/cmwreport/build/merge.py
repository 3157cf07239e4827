"""Fill a report template from the sources: the report and the standalone annex.

Works on the template's XML through cmwreport.docx; never writes to the template.
Everything that can go wrong with a template is found before anything is built and
reported together, each problem with the place in the template to fix.
"""

from __future__ import annotations

from pathlib import Path

from lxml import etree

from cmwreport import contract
from cmwreport.arabic.wording import cycle_ordinal, languages_line, un_date, wording
from cmwreport.build import annex, item_record, lists, presentation, readiness
from cmwreport.build import standalone as standalone_annex
from cmwreport.build.wordcount import count_words
from cmwreport.docx import brackets, custom_properties
from cmwreport.docx import slots as slotlib
from cmwreport.docx.content import render
from cmwreport.docx.core import document_moment
from cmwreport.docx.custom_properties import set_properties
from cmwreport.docx.document import WordDocument
from cmwreport.docx.package import Package, PackageError
from cmwreport.docx.xml import w
from cmwreport.errors import CmwError
from cmwreport.plain import Plain
from cmwreport.replies.questions import documents
from cmwreport.replies.scan import scan
from cmwreport.sources.model import Sources
from cmwreport.timestamps import source_date_epoch

#: Slots replaced inside their paragraph.
INLINE = {
    "symbol": "the report's symbol, report.symbol (masthead, page header)",
    "ordinal": "the report's ordinal, from report.cycle (الثاني for 2)",
    "date": "the date of issue, report.date (masthead)",
    "date_received": "report.date_received ([تاريخ الاستلام: ...])",
    "title": "the report's title, report.title",
    "co_symbol": "the previous concluding observations, report.previous_observations.symbol",
    "qpr_symbol": "the list of issues prior to reporting, report.list_of_issues.symbol",
    "languages": "the masthead's languages line, from report.languages (empty without)",
}
#: Slots that stand alone in a paragraph and are replaced by generated paragraphs.
BLOCK = {
    "participatory_process": "the general presentation's paragraphs on the consultations",
    "annex": "the annex of regional consultation outcomes",
}
REQUIRED = ("symbol", "date", "title", "date_received", "participatory_process", "annex")


class TemplateProblem(CmwError):
    def __init__(self, problems: list[str]) -> None:
        super().__init__("\n".join(problems))
        self.problems = problems


class Built(Plain):
    """`findings`: what keeps the report from submission (build/readiness.py);
    `replies`: the report's reply headings and what is under each (replies/scan.py);
    `texts`: the report's written text, its body paragraphs but headings and paragraphs
    holding the drafting placeholder (what `coverage` reads article mentions in).

    Plain rather than a dataclass, as the build's other values: creating a dataclass
    compiles its methods, 2.4 M instructions a class at every build (issue 21)."""

    _compared = (
        "report",
        "annex",
        "report_words",
        "annex_words",
        "findings",
        "replies",
        "texts",
    )

    def __init__(
        self,
        report: bytes,
        annex: bytes,
        report_words: int,
        annex_words: int,
        findings: list[readiness.Finding],
        replies: list | None = None,
        texts: list[str] | None = None,
    ) -> None:
        self.report, self.annex = report, annex
        self.report_words, self.annex_words, self.findings = report_words, annex_words, findings
        self.replies = [] if replies is None else replies
        self.texts = [] if texts is None else texts


def _open(path: Path | Package, label: str) -> WordDocument:
    try:
        document = WordDocument(path) if isinstance(path, Package) else WordDocument.open(path)
        found = document.slot_paragraphs()
        styles, missing = document.resolve_styles(contract.GENERATED)
    except PackageError as exc:
        raise TemplateProblem([f"{label}: {exc}"]) from None
    problems = _check(found, label)
    problems += [
        f"{label}: the template has no paragraph style {style.id} ({style.name!r}), "
        "which generated text uses"
        for style in missing
    ]
    if problems:
        raise TemplateProblem(problems)
    document.found = found
    document.style_map = styles
    return document


def _check(found: list[slotlib.SlotParagraph], label: str) -> list[str]:
    problems: list[str] = []
    seen: dict[str, list[str]] = {}
    mentioned: set[str] = set()
    for sp in found:
        excerpt = " ".join(sp.text.split())
        excerpt = excerpt if len(excerpt) <= 60 else excerpt[:59] + "…"
        for occ in sp.slots:
            mentioned.add(occ.name)
            shown = "{{ " + occ.name + " }}"
            if occ.end < 0:
                problems.append(f"{label}: {sp.where}: '{{{{' without a closing '}}}}'")
            elif not slotlib.NAME.match(occ.name):
                problems.append(f"{label}: {sp.where}: malformed slot {{{{{occ.name}}}}}")
            elif occ.name not in INLINE and occ.name not in BLOCK:
                known = ", ".join(sorted([*INLINE, *BLOCK]))
                problems.append(
                    f"{label}: {sp.where}: unknown slot {shown} in “{excerpt}” (known: {known})"
                )
            elif occ.name in BLOCK and sp.part != "body":
                problems.append(
                    f"{label}: {sp.where}: slot {shown} must be in the body, "
                    "not in a header or footer"
                )
            elif occ.name in BLOCK and not sp.is_block:
                problems.append(
                    f"{label}: {sp.where}: slot {shown} must stand alone in its paragraph"
                )
            else:
                seen.setdefault(occ.name, []).append(sp.where)
    for name in BLOCK:
        if len(seen.get(name, [])) > 1:
            places = "; ".join(seen[name])
            problems.append(f"{label}: slot {{{{ {name} }}}} appears more than once ({places})")
    for name in REQUIRED:
        if name not in mentioned:
            what = INLINE.get(name) or BLOCK[name]
            problems.append(f"{label}: missing required slot {{{{ {name} }}}} ({what})")
    return problems


def _empty_line(sp: slotlib.SlotParagraph, inline: dict[str, str]) -> bool:
    """A paragraph holding only slots that fill in nothing (the languages line of a
    report issued in all languages), in a cell that keeps another paragraph: it goes,
    rather than leave a blank line in the masthead."""
    if not sp.is_block or any(inline.get(occ.name) for occ in sp.slots):
        return False
    parent = sp.paragraph.getparent()
    return parent is not None and len(parent.findall(w("p"))) > 1


def require_buildable(path: Path | Package, label: str) -> None:
    """Raise TemplateProblem if the template cannot be built from: its slots and the
    styles generated text uses, as the build checks them before merging (absorb checks
    the template it would write, as a package in memory)."""
    _open(path, label)


def inline_values(report) -> dict[str, str]:
    """What each inline slot of the template is replaced by."""
    return {
        "symbol": report.symbol,
        "ordinal": cycle_ordinal(report.cycle),
        # The masthead's dates are the UN's (paired month names); the State's prose
        # keeps Moroccan month names.
        "date": un_date(report.date),
        "date_received": un_date(report.date_received),
        "title": report.title,
        "co_symbol": report.previous_observations.symbol,
        "qpr_symbol": report.list_of_issues.symbol,
        "languages": languages_line(report.languages or []),
    }


class Merged(Plain):
    """The report and the standalone annex as `build` writes them, before any reading
    of what they hold; the annex as bytes or (`in_memory`) as a package.

    `annex_blocks`: in memory, how many paragraphs and table rows the standalone
    annex's body holds, a bound on the blocks a reader finds there (absorb reads it
    only if needed); `slot_words`: words of the report outside its body's paragraphs
    (`build` counts those); `annex_known`: the text and style id of each of the annex's
    paragraphs as the report holds it, by its place among them, where render knew them
    (None elsewhere; the style None where a list label may have given it numbering of
    its own)."""

    _compared = (
        "document",
        "annex",
        "annex_first",
        "annex_paragraphs",
        "annex_blocks",
        "slot_words",
        "annex_known",
    )

    def __init__(
        self,
        document: WordDocument,
        annex: bytes | Package,
        annex_first: etree._Element,
        annex_paragraphs: int,
        annex_blocks: int = 0,
        slot_words: int = 0,
        annex_known: list[tuple[str, str | None] | None] | None = None,
    ) -> None:
        self.document, self.annex = document, annex
        self.annex_first, self.annex_paragraphs = annex_first, annex_paragraphs
        self.annex_blocks, self.slot_words = annex_blocks, slot_words
        self.annex_known = [] if annex_known is None else annex_known


def build(
    sources: Sources,
    template_path: Path,
    label: str,
    properties: dict[str, str] | None = None,
) -> Built:
    """`properties`: custom document properties written into both files (the build's
    identity, so that a report and an annex of two different builds can be told)."""
    merged = merge(sources, template_path, label, properties)
    document = merged.document
    styles = document.styles()
    placeholder = custom_properties.get(document.package, readiness.PLACEHOLDER_PROPERTY)
    # Read once (text, role, UN number): the word counts, the findings, the replies and
    # the texts use it; the annex's texts render knew are not read again.
    read = readiness.paragraphs(document.body, styles, (merged.annex_first, merged.annex_known))
    body, first = read.paragraphs, read.first
    merged.annex_known = []  # read: its texts live on in `body`, the rest goes
    # The report's words, but the annex's (annexes do not count against the limit),
    # and the annex's, from its paragraphs in the report: bound brackets add only
    # LEFT-TO-RIGHT MARKs inside words, which the count does not see.
    report_words = merged.slot_words + count_words(
        read.words_outside(first, merged.annex_paragraphs)
    )
    annex_words = count_words(p.text for p in body[first : first + merged.annex_paragraphs])
    found = readiness.findings(
        body,
        placeholder=placeholder,
        report_words=report_words,
        other_texts=document.story_texts(),
    )
    replies = scan(body, placeholder)
    issues, _observations = documents(sources)
    found += readiness.reply_findings(replies, issues)
    texts = [
        p.text
        for p in body
        if p.role not in readiness.HEADINGS and not (placeholder and placeholder in p.text)
    ]
    return Built(
        document.to_bytes(), merged.annex, report_words, annex_words, found, replies, texts
    )


def merge(
    sources: Sources,
    template_path: Path,
    label: str,
    properties: dict[str, str] | None = None,
    *,
    in_memory: bool = False,
) -> Merged:
    """The report and the annex merged. `in_memory` (absorb, which reads them in this
    process): the annex kept as a package, not written to bytes, no words counted and
    no item record written."""
    document = _open(template_path, label)
    # The standalone annex starts from the untouched template parts (its styles,
    # numbering, headers), copied before the report's XML is changed.
    standalone = document.copy(body=False)  # its body is the annex's

    report = sources.report
    inline = inline_values(report)
    notes_text = wording().footnotes
    # One asterisk footnote per document (docx/footnotes.py says why): on the title,
    # saying both what is issued without formal editing and that the annex is
    # circulated in the language of submission only, as A/HRC/36/6's title footnote
    # does; on the annex title when the title has none.
    title_note = (
        " ".join(
            notes_text[flag]
            for flag in ("without_formal_editing", "annex_in_language_of_submission")
            if getattr(report, flag)
        )
        if report.without_formal_editing
        else ""
    )
    created = document_moment(report.date)
    modified = source_date_epoch() or created
    bookmarks = document.bookmarks()

    # The annex is rendered once: written out first as the standalone file, then its
    # elements move into the report (rendering it twice doubled time and memory).
    cs_font = document.cs_font()
    notes = document.footnotes(cs_font)
    # What each plain paragraph's item record reads, known as it is rendered.
    read: dict = {}
    annex_nodes = render(
        annex.blocks(sources, text_width=document.text_width()),
        bookmarks,
        document.style_map,
        cs_font,
        notes,
        read,
    )
    # Each item's paragraph as built, for absorb --force to judge edits item by item
    # (read from the reviewer's draft: never from the build absorb makes in memory).
    properties = properties or {}
    annex_items = [] if in_memory else item_record.entries(annex_nodes, read)
    # The annex's paragraphs of one run of text, and that text, which nothing changes
    # from here on (brackets bind across runs; labels go in the properties) but on the
    # first, where the title's footnote mark goes.
    plain = {node: (text, style) for node, (_ident, text, style) in read.items()}
    plain.pop(annex_nodes[0], None)
    read.clear()
    presented: list[tuple[str, str]] = []
    standalone.set_core(f"{report.symbol} — {annex.ANNEX_TITLE}", created, modified)
    annex_record = {} if in_memory else item_record.encode(annex_items)
    set_properties(standalone.package, {**properties, **annex_record})
    annex_known: list = standalone_annex.known(annex_nodes, plain)
    annex_written, annex_nodes, annex_labelled, annex_blocks = standalone_annex.write(
        standalone, document, annex_nodes, plain, notes.added(), report, inline, in_memory
    )
    plain.clear()  # the elements it holds are gone (copied into the report)
    for place, _label in annex_labelled.at:  # list paragraphs: their numbering is read
        if annex_known[place] is not None:
            annex_known[place] = (annex_known[place][0], None)

    annex_slot = None
    for sp in document.found:
        if sp.is_block and sp.slots[0].name == "participatory_process":
            blocks = presentation.paragraphs(sources)
            nodes = render(
                blocks, bookmarks, document.style_map, cs_font, notes, None if in_memory else read
            )
            presented = [] if in_memory else item_record.entries(nodes, read)
            read.clear()
            slotlib.replace_block(sp, nodes)
        elif sp.is_block and sp.slots[0].name == "annex":
            annex_slot = sp
        elif _empty_line(sp, inline):
            sp.paragraph.getparent().remove(sp.paragraph)
        else:
            slotlib.replace_inline(sp, inline)
            if title_note and sp.part == "body" and any(o.name == "title" for o in sp.slots):
                sp.paragraph.extend(notes.add(title_note, "*"))
    if report.annex_in_language_of_submission and not title_note:
        annex_nodes[0].extend(notes.add(notes_text["annex_in_language_of_submission"], "*"))
    # A slot paragraph in a table cell was read with its table when the report's words
    # were counted before the annex went in: its word ("annex") still counts.
    slot_words = (
        0
        if in_memory or annex_slot.paragraph.getparent() is document.body
        else count_words(slotlib.paragraph_texts([annex_slot.paragraph]))
    )
    # The annex's brackets were bound in the standalone file (binding is done once:
    # a bound symbol's run no longer reads as a symbol).
    brackets.bind(document.body)
    brackets.bind(notes.root)
    slotlib.replace_block(annex_slot, annex_nodes)
    # The annex's lists as the standalone file labelled them (these are copies).
    lists.label(document, [document.body], annex_labelled)
    document.set_core(report.symbol, created, modified)
    record = {} if in_memory else item_record.encode(presented + annex_items)
    set_properties(document.package, {**properties, **record})
    # The standalone's labelling walked the annex's paragraphs: counted there.
    return Merged(
        document,
        annex_written,
        annex_nodes[0],
        annex_labelled.count,
        annex_blocks,
        slot_words,
        annex_known,
    )
