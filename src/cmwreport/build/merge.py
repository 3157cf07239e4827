"""Fill a report template from the sources: the report and the standalone annex.

Works on the template's XML through cmwreport.docx; never writes to the template.
Everything that can go wrong with a template is found before anything is built and
reported together, each problem with the place in the template to fix.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from cmwreport import contract
from cmwreport.build import annex, presentation
from cmwreport.build.wordcount import count_words
from cmwreport.dates import format_date
from cmwreport.docx import slots as slotlib
from cmwreport.docx.content import render
from cmwreport.docx.document import WordDocument, set_page_break_before
from cmwreport.docx.package import PackageError, document_moment, source_date_epoch
from cmwreport.errors import CmwError
from cmwreport.sources.model import Sources

#: Slots replaced inside their paragraph.
INLINE = {
    "symbol": "the report's symbol, CMW/C/MAR/2 (masthead, page header)",
    "date": "the date of issue, report.date (masthead)",
    "date_received": "report.date_received ([تاريخ الاستلام: ...])",
    "title": "the report's title, report.title",
    "co_symbol": "the previous concluding observations, CMW/C/MAR/CO/1",
    "qpr_symbol": "the list of issues prior to reporting, CMW/C/MAR/QPR/2",
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


@dataclass
class Built:
    report: bytes
    annex: bytes
    report_words: int
    annex_words: int


def _open(path: Path, label: str) -> WordDocument:
    try:
        document = WordDocument.open(path)
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


def check_template(path, label: str) -> None:
    """Raise TemplateProblem if the template cannot be built from."""
    _open(path, label)


def build(sources: Sources, template_path: Path, label: str) -> Built:
    document = _open(template_path, label)
    # The standalone annex starts from the untouched template parts (its styles,
    # numbering, headers), copied before the report's XML is changed.
    standalone = document.copy()

    report = sources.report
    inline = {
        "symbol": report.symbol,
        "date": format_date(report.date),
        "date_received": format_date(report.date_received),
        "title": report.title,
        "co_symbol": report.previous_observations.symbol,
        "qpr_symbol": report.list_of_issues.symbol,
    }
    created = document_moment(report.date)
    modified = source_date_epoch() or created
    bookmarks = document.bookmarks()

    # The annex is rendered once: written out first as the standalone file, then its
    # elements move into the report (rendering it twice doubled time and memory).
    cs_font = document.cs_font()
    annex_nodes = render(
        annex.blocks(sources, text_width=document.text_width()),
        bookmarks,
        document.style_map,
        cs_font,
    )
    annex_words = count_words(slotlib.paragraph_texts(annex_nodes))
    for sp in standalone.slot_paragraphs(body=False):
        slotlib.replace_inline(sp, inline)
    set_page_break_before(annex_nodes[0], False)  # the file starts with it
    standalone.replace_body(annex_nodes)
    standalone.set_core(f"{report.symbol} — {annex.ANNEX_TITLE}", created, modified)
    annex_bytes = standalone.to_bytes()
    annex_nodes = standalone.take_body()
    del standalone
    set_page_break_before(annex_nodes[0], None)

    annex_slot = None
    for sp in document.found:
        if sp.is_block and sp.slots[0].name == "participatory_process":
            slotlib.replace_block(
                sp,
                render(presentation.paragraphs(sources), bookmarks, document.style_map, cs_font),
            )
        elif sp.is_block and sp.slots[0].name == "annex":
            annex_slot = sp
        else:
            slotlib.replace_inline(sp, inline)
    # Counted before the annex goes in: annexes do not count against the limit.
    report_words = count_words(
        slotlib.paragraph_texts([n for n in document.body if n is not annex_slot.paragraph])
    )
    slotlib.replace_block(annex_slot, annex_nodes)
    document.set_core(report.symbol, created, modified)
    return Built(document.to_bytes(), annex_bytes, report_words, annex_words)
