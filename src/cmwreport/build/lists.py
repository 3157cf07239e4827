"""The labels of sub-paragraphs and lettered lists, as UN Arabic texts print them.

(أ) (ب) ... (هـ) for `UNSubPara` and `AnnexList`, ’1‘ ’2‘ for `UNSubSubPara`, numbered the
way Word counts a list level: a letter restarts after each paragraph that is not a
sub-paragraph, a third-level number after each that is not of the third level. The
labels are written by cmwreport.docx.numbering, counted where the list's format
prints them, literal where it does not (why: see there).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable
from itertools import chain

from lxml import etree

from cmwreport import contract
from cmwreport.arabic.wording import letter_label, third_level_label
from cmwreport.build import indents
from cmwreport.docx.document import WordDocument
from cmwreport.docx.numbering import Labels
from cmwreport.docx.wordml import style_of
from cmwreport.docx.xml import NSMAP, w


def _labeller(document: WordDocument) -> Callable[[etree._Element], tuple[str, int] | None]:
    """The label of a paragraph and its number in its list, or None: called on a
    document's paragraphs in order (it counts as it goes)."""
    roles = document.styles().roles
    counters = {"letter": 0, "annex": 0, "third": 0}
    val = w("val")
    sub, sub_sub, annex = contract.UN_SUB_PARA, contract.UN_SUB_SUB_PARA, contract.ANNEX_LIST

    def label_of(p: etree._Element) -> tuple[str, int] | None:
        style = style_of(p)
        role = roles.get(style.get(val, "")) if style is not None else None
        # Each role restarts the counters of the others but a sub-paragraph's letter,
        # which its own sub-sub-paragraphs continue.
        if role is sub:
            counters["third"] = counters["annex"] = 0
            counters["letter"] += 1
            return letter_label(counters["letter"] - 1), counters["letter"]
        if role is sub_sub:
            counters["annex"] = 0
            counters["third"] += 1
            return third_level_label(counters["third"] - 1), counters["third"]
        if role is annex:
            counters["third"] = counters["letter"] = 0
            counters["annex"] += 1
            return letter_label(counters["annex"] - 1), counters["annex"]
        counters["third"] = counters["letter"] = counters["annex"] = 0
        return None

    return label_of


def label(document: WordDocument, nodes: Iterable[etree._Element]) -> list[etree._Element]:
    """Label the lists of `nodes` (paragraphs and tables, or the body that holds them)
    in `document`, then size their hanging indents to what they print (`make_room`);
    returns the paragraphs labelled."""
    nodes = list(nodes)
    label_of = _labeller(document)
    found: list[tuple[etree._Element, tuple[str, int]]] = []

    def recording(p: etree._Element) -> tuple[str, int] | None:
        # Each paragraph's label is worked out once, for the labelling and the room.
        result = label_of(p)
        if result is not None:
            found.append((p, result))
        return result

    tag = w("p")
    # Each node's paragraphs walked by lxml, not a Python generator per paragraph.
    paragraphs = chain.from_iterable(node.iter(tag) for node in nodes)
    labelled = Labels(document.package, document.main).apply(paragraphs, recording)
    make_room(document, nodes, found)
    return labelled


#: The style ids a subtree's paragraphs name (plain strings: no lxml "smart" ones).
_STYLE_IDS = etree.XPath(
    "descendant-or-self::w:pStyle/@w:val", namespaces=NSMAP, smart_strings=False
)


def make_room(
    document: WordDocument,
    nodes: Iterable[etree._Element],
    found: list[tuple[etree._Element, tuple[str, int]]],
) -> None:
    """Size the hanging indents of `document`'s lists to the labels `nodes` print
    (build/indents.py): paragraph numbers by their count, sub-paragraph labels as
    `label` wrote them (counted or literal); `found`: the paragraphs `label` labelled,
    with their label and number, in order."""
    labels = Labels(document.package, document.main)
    roles = document.styles().roles
    counts: dict[tuple[str, str], int] = {}
    style_tag, change_tag, val = w("pStyle"), w("pPrChange"), w("val")
    counted_roles = (contract.UN_PARA, contract.ANNEX_PARA)
    # The list level each counted style numbers, looked up once per style.
    levels: dict[str, tuple[str, str] | None] = {}
    for style_id, role in roles.items():
        if role in counted_roles:
            level = labels.style_level(style_id)
            abstract = labels.abstract_of(level[0]) if level else None
            levels[style_id] = (abstract, level[1]) if abstract is not None else None
    # In a body, w:pStyle stands only in a paragraph's (or a tracked change's) pPr:
    # every style named, counted in C, less those of the tracked changes' old pPr.
    named = Counter(chain.from_iterable(_STYLE_IDS(node) for node in nodes))
    for change in chain.from_iterable(node.iter(change_tag) for node in nodes):
        for style in change.iter(style_tag):
            if style.getparent().getparent() is change:
                named[style.get(val, "")] -= 1
    for style_id, count in named.items():
        key = levels.get(style_id)
        if key is not None and count > 0:
            counts[key] = counts.get(key, 0) + count
    printed: dict[tuple[str, str], set[str]] = {}
    for p, (text, _number) in found:
        level = labels.style_level(style_of(p).get(val, ""))
        abstract = labels.abstract_of(level[0]) if level else None
        if abstract is not None:
            printed.setdefault((abstract, level[1]), set()).add(text)
    indents.widen(
        labels.root,
        labels.styles,
        [(a, lvl, n) for (a, lvl), n in counts.items()],
        [(a, lvl, text) for (a, lvl), texts in printed.items() for text in texts],
    )
