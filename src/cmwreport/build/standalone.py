"""The annex as a document of its own, written from the elements render made for it,
which then move on into the report.

What render knew of the annex's paragraphs of one run of text (their text and their
style, `plain`) stands for reading them again: nothing changes either before the
report's readiness reads them, but on the annex's first paragraph, where the title's
footnote mark goes (merge leaves it out of `plain`).
"""

from __future__ import annotations

import copy

from lxml import etree

from cmwreport.arabic.wording import wording
from cmwreport.build import lists
from cmwreport.docx import brackets, numbering
from cmwreport.docx.content import Bookmarks, Para, render
from cmwreport.docx.document import WordDocument, set_page_break_before
from cmwreport.docx.package import Package
from cmwreport.docx.slots import replace_inline
from cmwreport.docx.xml import W_NS, w

#: Paragraph -> (its text, its style id), for paragraphs render wrote as one run.
Plain = dict[etree._Element, tuple[str, str]]


def known(nodes: list[etree._Element], plain: Plain) -> list[tuple[str, str] | None]:
    """(text, style id) of each paragraph of `nodes` where `plain` holds it, by its place
    among them (a walk of each node), else None."""
    tag = w("p")
    found: list[tuple[str, str] | None] = []
    for node in nodes:
        held = plain.get(node)
        if held is None:
            found += [None] * sum(1 for _p in node.iter(tag))
        else:
            found.append(held)
    return found


#: The most blocks the draft reader (draft/stories.py) can find in a body: a paragraph
#: outside table cells, a paragraph of a text box (wherever the box is), a table row (a
#: cell's own paragraphs are its row's text).
#: (Node sets: a paragraph of nested cells or boxes is counted once in each term.)
_MOST_BLOCKS = "count(.//w:p) - count(.//w:tc//w:p) + count(.//w:txbxContent//w:p) + count(.//w:tr)"


def write(
    standalone: WordDocument,
    document: WordDocument,
    annex_nodes: list[etree._Element],
    plain: Plain,
    annex_notes: list[etree._Element],
    report,
    inline: dict[str, str],
    in_memory: bool = False,
) -> tuple[bytes | Package, list[etree._Element], lists.Labelled, int]:
    """The annex as a document of its own: the symbol and the title of the report it
    belongs to on its first page, the annex, and what ends the template (the closing
    rule). Returns its bytes (in memory: its package, parts as bytes), the annex's
    elements, free to move into the report, how their lists were labelled, and (in
    memory) its paragraphs and rows."""
    for sp in standalone.slot_paragraphs(body=False):
        replace_inline(sp, inline)
    cs_font = document.cs_font()
    notes = standalone.footnotes(cs_font)
    notes.adopt(annex_notes)
    front = render(
        [
            Para("MastheadSymbol", report.symbol, rtl=False),
            Para("ReportTitle", report.title),
        ],
        Bookmarks(),
        document.style_map,
        cs_font,
    )
    slot = next(
        sp.paragraph for sp in document.found if sp.is_block and sp.slots[0].name == "annex"
    )
    closing = [copy.deepcopy(node) for node in slot.itersiblings() if node.tag != w("sectPr")]
    title_mark = []
    if report.annex_in_language_of_submission:
        text = wording().footnotes["annex_in_language_of_submission"]
        title_mark = notes.add(text, "*")
        annex_nodes[0].extend(title_mark)
    set_page_break_before(annex_nodes[0], False)  # it starts the first page
    standalone.replace_body([*front, *annex_nodes, *closing])
    # A paragraph of one run (`plain`) has no symbol run between brackets to bind.
    brackets.bind_each(node for node in standalone.body if node not in plain)
    brackets.bind(notes.root)
    labelled = lists.label(standalone, annex_nodes, styles={n: s for n, (_t, s) in plain.items()})
    # In memory, its parts as written (the annex's elements go on into the report,
    # changed): serialised, not a copy of the trees, which a draft of the report never
    # reads and which on a long report are a hundred MB.
    blocks = 0
    if in_memory:
        blocks = int(standalone.body.xpath(_MOST_BLOCKS, namespaces={"w": W_NS}))
        annex_written = standalone.package.snapshot()
    else:
        annex_written = standalone.to_bytes()
    numbering.unlabel(labelled.paragraphs)
    for run in title_mark:
        run.getparent().remove(run)
    taken = standalone.take_body()
    annex_nodes = taken[len(front) : len(taken) - len(closing)]
    set_page_break_before(annex_nodes[0], None)
    labelled.nodes = annex_nodes
    return annex_written, annex_nodes, labelled, blocks
