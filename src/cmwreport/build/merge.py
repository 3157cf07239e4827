"""Fill a report template from the sources: the report and the standalone annex.

Works on the template's XML through cmwreport.docx; never writes to the template.
Everything that can go wrong with a template is found before anything is built and
reported together, each problem with the place in the template to fix.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from cmwreport.build import annex, presentation
from cmwreport.build.wordcount import count_words
from cmwreport.dates import format_date
from cmwreport.docx import slots as slotlib
from cmwreport.docx.content import Bookmarks, render
from cmwreport.docx.package import (
    Package,
    PackageError,
    core_properties,
    document_moment,
    source_date_epoch,
)
from cmwreport.docx.xml import PKG_REL_NS, w
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
#: Styles the generated paragraphs use; a template without them would silently lose
#: numbering and direction, so their absence stops the build.
STYLES = ("UNPara", *annex.STYLES)


class TemplateProblem(Exception):
    def __init__(self, problems: list[str]) -> None:
        super().__init__("\n".join(problems))
        self.problems = problems


@dataclass
class Built:
    report: bytes
    annex: bytes
    report_words: int
    annex_words: int


@dataclass
class _Template:
    package: Package
    main: str
    stories: list[str]  # headers and footers
    found: list[slotlib.SlotParagraph]


def _open(path, label: str) -> _Template:
    try:
        package = Package.read(path)
        main = package.main_part()
        root = package.xml(main)
        if root.find(w("body")) is None:
            raise PackageError(f"{main} has no document body")
        stories = package.related(main, "header") + package.related(main, "footer")
        found = list(slotlib.paragraphs_with_slots(root, "body"))
        for story in stories:
            found += slotlib.paragraphs_with_slots(package.xml(story), story.rpartition("/")[2])
        styles = package.related(main, "styles")
        style_ids = set()
        if styles:
            style_ids = {s.get(w("styleId")) for s in package.xml(styles[0]).iter(w("style"))}
    except PackageError as exc:
        raise TemplateProblem([f"{label}: {exc}"]) from None
    problems = _check(found, label)
    problems += [
        f"{label}: the template has no paragraph style {sid!r}, which generated text uses"
        for sid in STYLES
        if sid not in style_ids
    ]
    if problems:
        raise TemplateProblem(problems)
    return _Template(package, main, stories, found)


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


def build(sources: Sources, template_path, label: str) -> Built:
    template = _open(template_path, label)
    # The standalone annex starts from the untouched template parts (its styles,
    # numbering, headers), copied before the report's XML is changed.
    annex_template = Package(list(template.package.names), dict(template.package.parts))

    report = sources.report
    inline = {
        "symbol": report.symbol,
        "date": format_date(report.date),
        "date_received": format_date(report.date_received),
        "title": report.title,
        "co_symbol": report.previous_observations.symbol,
        "qpr_symbol": report.list_of_issues.symbol,
    }
    package = template.package
    body = package.xml(template.main).find(w("body"))
    bookmarks = _bookmarks(package, [template.main, *template.stories])
    width = _text_width(body)

    report_words = 0
    annex_nodes: list = []
    for sp in template.found:
        if sp.is_block and sp.slots[0].name in BLOCK:
            name = sp.slots[0].name
            if name == "participatory_process":
                nodes = render(presentation.paragraphs(sources), bookmarks)
            else:
                nodes = render(annex.blocks(sources, text_width=width), bookmarks)
                annex_nodes = nodes
            slotlib.replace_block(sp, nodes)
        else:
            slotlib.replace_inline(sp, inline)
    annex_ids = {id(node) for node in annex_nodes}
    report_words = count_words(
        slotlib.paragraph_texts([node for node in body if id(node) not in annex_ids])
    )
    annex_words = count_words(slotlib.paragraph_texts(annex_nodes))

    created = document_moment(report.date)
    modified = source_date_epoch() or created
    _set_core(package, report.symbol, created, modified)

    standalone = _standalone_annex(annex_template, sources, inline, label)
    _set_core(standalone, f"{report.symbol} — {annex.ANNEX_TITLE}", created, modified)
    return Built(package.to_bytes(), standalone.to_bytes(), report_words, annex_words)


def _standalone_annex(package: Package, sources: Sources, inline: dict, label: str) -> Package:
    template = _Template(package, package.main_part(), [], [])
    template.stories = package.related(template.main, "header") + package.related(
        template.main, "footer"
    )
    root = package.xml(template.main)
    body = root.find(w("body"))
    for story in template.stories:
        for sp in slotlib.paragraphs_with_slots(package.xml(story), story):
            slotlib.replace_inline(sp, inline)
    sect = body.find(w("sectPr"))
    width = _text_width(body)
    for node in list(body):
        body.remove(node)
    bookmarks = _bookmarks(package, [template.main, *template.stories])
    body.extend(render(annex.blocks(sources, text_width=width, standalone=True), bookmarks))
    if sect is not None:
        # The annex has no masthead: its first page carries the running header too.
        title_page = sect.find(w("titlePg"))
        if title_page is not None:
            sect.remove(title_page)
        body.append(sect)
    return package


def _bookmarks(package: Package, parts: list[str]) -> Bookmarks:
    highest = -1
    names: set[str] = set()
    for part in parts:
        for node in package.xml(part).iter(w("bookmarkStart")):
            value = node.get(w("id"), "")
            if value.lstrip("-").isdigit():
                highest = max(highest, int(value))
            names.add(node.get(w("name"), ""))
    return Bookmarks(first_id=highest + 1, taken=names)


def _text_width(body) -> int:
    """Width between the margins of the template's last section, for table columns."""
    sect = body.find(w("sectPr"))
    try:
        size = sect.find(w("pgSz"))
        margins = sect.find(w("pgMar"))
        return (
            int(size.get(w("w")))
            - int(margins.get(w("left"), "0"))
            - int(margins.get(w("right"), "0"))
        )
    except (AttributeError, TypeError, ValueError):
        return 9070


def _set_core(package: Package, title: str, created: dt.datetime, modified: dt.datetime) -> None:
    for rel in package.xml("_rels/.rels").iter(f"{{{PKG_REL_NS}}}Relationship"):
        if rel.get("Type", "").endswith("/metadata/core-properties"):
            name = rel.get("Target", "").lstrip("/")
            if name in package.parts:
                package._trees.pop(name, None)
                package.parts[name] = core_properties(
                    title=title,
                    creator="cmwreport",
                    language="ar-MA",
                    created=created,
                    modified=modified,
                )
            return
