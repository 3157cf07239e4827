"""The labels of sub-paragraphs and lettered lists, as UN Arabic texts print them.

(أ) (ب) ... (هـ) for `UNSubPara` and `AnnexList`, ’1‘ ’2‘ for `UNSubSubPara`, numbered the
way Word counts a list level: a letter restarts after each paragraph that is not a
sub-paragraph, a third-level number after each that is not of the third level. The
labels are written by cmwreport.docx.numbering, counted where the list's format
prints them, literal where it does not (why: see there).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from itertools import chain

from lxml import etree

from cmwreport import contract
from cmwreport.arabic.wording import letter_label, third_level_label
from cmwreport.build import indents
from cmwreport.docx.document import WordDocument
from cmwreport.docx.numbering import Labels
from cmwreport.docx.wordml import style_of
from cmwreport.docx.xml import w


def _labels(
    document: WordDocument,
    paragraphs: Iterable[etree._Element],
    known: dict[etree._Element, str] | None = None,
) -> list[tuple[etree._Element, tuple[str, int]]]:
    """The paragraphs of lists among `paragraphs` (in document order), each with its
    label and its number in its list.

    Each list role restarts the counters of the others but a sub-paragraph's letter,
    which its own sub-sub-paragraphs continue; any other paragraph restarts them all.
    One loop without calls per paragraph (few of the thousands are in a list): a
    paragraph's style is read as `wordml.style_of` reads it, inline, or taken from
    `known` (paragraph -> its style id)."""
    kinds = {
        style_id: _KINDS[role]
        for style_id, role in document.styles().roles.items()
        if role in _KINDS
    }
    ppr_tag, style_tag, val = w("pPr"), w("pStyle"), w("val")
    letter = third = annex = 0
    found = []
    known = known or {}
    for p in paragraphs:
        kind = None
        style_id = known.get(p)
        if style_id is not None:
            kind = kinds.get(style_id)
        elif len(p):
            ppr = p[0]
            if ppr.tag != ppr_tag:
                ppr = next(p.iterchildren(ppr_tag), None)
            if ppr is not None and len(ppr):
                style = ppr[0]
                if style.tag != style_tag:
                    style = next(ppr.iterchildren(style_tag), None)
                if style is not None:
                    kind = kinds.get(style.get(val, ""))
        if kind is None:
            letter = third = annex = 0
        elif kind == _SUB:
            third = annex = 0
            letter += 1
            found.append((p, (letter_label(letter - 1), letter)))
        elif kind == _SUB_SUB:
            annex = 0
            third += 1
            found.append((p, (third_level_label(third - 1), third)))
        else:
            third = letter = 0
            annex += 1
            found.append((p, (letter_label(annex - 1), annex)))
    return found


_SUB, _SUB_SUB, _ANNEX = 1, 2, 3
_KINDS = {
    contract.UN_SUB_PARA: _SUB,
    contract.UN_SUB_SUB_PARA: _SUB_SUB,
    contract.ANNEX_LIST: _ANNEX,
}


class Labelled:
    """What `label` did to a run of nodes: the paragraphs it labelled, the list
    paragraphs with their label and number (`_labels`), and the styles the run names,
    counted (`make_room`). A document a copy of the run then goes into (the annex,
    from the standalone file into the report) takes these rather than read it again:
    `at` holds each list paragraph by its place among the run's paragraphs, which a
    copy keeps."""

    __slots__ = ("at", "count", "named", "nodes", "paragraphs")

    def __init__(self, paragraphs, found, walked, named) -> None:
        self.paragraphs, self.named, self.count = paragraphs, named, len(walked)
        # `found` is in the walk's order: each searched from the last (in C), not a
        # map of every paragraph walked for the few in a list.
        self.at = []
        place = 0
        for p, label in found:
            place = walked.index(p, place)
            self.at.append((place, label))
        self.nodes: list[etree._Element] = []  # the copy, once it is made


def label(
    document: WordDocument,
    nodes: Iterable[etree._Element],
    moved: Labelled | None = None,
    styles: dict[etree._Element, str] | None = None,
) -> Labelled:
    """Label the lists of `nodes` (paragraphs and tables, or the body that holds them)
    in `document`, then size their hanging indents to what they print (`make_room`).
    `moved`: how a run of the body's children (`moved.nodes`) was labelled in another
    document of the same template, taken from there rather than read again. `styles`:
    the style id of paragraphs among `nodes` known to name that one style and no other
    (render's paragraphs of one run), not read again."""
    nodes = list(nodes)
    tag = w("p")
    # Each node's paragraphs walked by lxml, not a Python generator per paragraph.
    walked = list(chain.from_iterable(node.iter(tag) for node in nodes))
    split = _split(document, nodes, walked, moved)
    if split is None:
        found = _labels(document, walked, styles)
        named = _known_named(nodes, styles) if styles else None
    else:
        start, end, outside = split
        found = [
            *_labels(document, walked[:start]),
            *((walked[start + i], text) for i, text in moved.at),
            *_labels(document, walked[end:]),
        ]
        named = Counter(chain.from_iterable(_style_ids(node) for node in outside))
        named.subtract(chain.from_iterable(_changed_style_ids(node) for node in outside))
        named.update(moved.named)
    # Each paragraph's label is worked out once, for the labelling and the room.
    labels = dict(found)
    labelled = Labels(document.package, document.main).apply((p for p, _label in found), labels.get)
    named = make_room(document, nodes, found, named)
    return Labelled(labelled, found, walked, named)


def _split(
    document: WordDocument,
    nodes: list[etree._Element],
    walked: list[etree._Element],
    moved: Labelled | None,
) -> tuple[int, int, list[etree._Element]] | None:
    """Where the run `moved` labelled is among the paragraphs `walked` in `nodes` (a
    body), and the body's other children, when its labels are those a walk of the
    whole body gives: the run is there, whole, as many paragraphs as when it was
    labelled, and its first and last paragraphs are not in a list (so that every list
    restarts after them, in both documents); else None."""
    run = moved.nodes if moved is not None else []
    if not run or len(nodes) != 1:
        return None
    children = list(nodes[0])
    try:
        start = children.index(run[0])
    except ValueError:
        return None
    if children[start : start + len(run)] != run:
        return None
    tag = w("p")
    first = next(chain.from_iterable(node.iter(tag) for node in run), None)
    # The last paragraph a walk meets: a table's is in its last cell, a text box's
    # inside the paragraph that holds it.
    last = next((found[-1] for node in reversed(run) if (found := list(node.iter(tag)))), None)
    if first is None or _labels(document, [first, last]):
        return None
    at = walked.index(first)
    end = at + moved.count
    if end > len(walked) or walked[end - 1] is not last:
        return None
    return at, end, children[:start] + children[start + len(run) :]


def _known_named(nodes: list[etree._Element], styles: dict[etree._Element, str]) -> Counter[str]:
    """The styles `nodes` name, counted (`make_room`), those of the nodes in `styles`
    taken from there, the others' read."""
    named = Counter(styles[node] for node in nodes if node in styles)
    rest = [node for node in nodes if node not in styles]
    named.update(chain.from_iterable(_style_ids(node) for node in rest))
    named.subtract(chain.from_iterable(_changed_style_ids(node) for node in rest))
    return named


def _style_ids(node: etree._Element) -> Iterator[str]:
    """The style id each w:pStyle under `node` names. (An XPath for it grows faster
    than the body: 0.5 s of a `stress` build.)"""
    val = w("val")
    return (style.get(val, "") for style in node.iter(w("pStyle")))


def _changed_style_ids(node: etree._Element) -> Iterator[str]:
    """Those of them a tracked change names as the old properties (none, mostly)."""
    val, style_tag = w("val"), w("pStyle")
    for change in node.iter(w("pPrChange")):
        for style in change.iter(style_tag):
            if style.getparent().getparent() is change:
                yield style.get(val, "")


def _named(read: Callable[[etree._Element], Iterable[str]], nodes: list) -> Counter[str]:
    """What `read` finds in `nodes`, counted. Starting a walk costs more than walking a
    paragraph: nodes that are most of their parent's children in a row (the standalone
    annex, all but its first page and closing) are read by one walk of the parent,
    less the parent's other children."""
    parent = nodes[0].getparent() if len(nodes) > 16 else None
    if parent is not None:
        children = list(parent)
        start = children.index(nodes[0])
        if children[start : start + len(nodes)] == nodes:
            named = Counter(read(parent))
            others = children[:start] + children[start + len(nodes) :]
            named.subtract(chain.from_iterable(read(node) for node in others))
            return named
    return Counter(chain.from_iterable(read(node) for node in nodes))


def make_room(
    document: WordDocument,
    nodes: list[etree._Element],
    found: list[tuple[etree._Element, tuple[str, int]]],
    named: Counter[str] | None = None,
) -> Counter[str]:
    """Size the hanging indents of `document`'s lists to the labels `nodes` print
    (build/indents.py): paragraph numbers by their count, sub-paragraph labels as
    `label` wrote them (counted or literal); `found`: the paragraphs `label` labelled,
    with their label and number, in order."""
    labels = Labels(document.package, document.main)
    roles = document.styles().roles
    counts: dict[tuple[str, str], int] = {}
    val = w("val")
    counted_roles = (contract.UN_PARA, contract.ANNEX_PARA)
    # The list level each counted style numbers, looked up once per style.
    levels: dict[str, tuple[str, str] | None] = {}
    for style_id, role in roles.items():
        if role in counted_roles:
            level = labels.style_level(style_id)
            abstract = labels.abstract_of(level[0]) if level else None
            levels[style_id] = (abstract, level[1]) if abstract is not None else None
    # In a body, w:pStyle stands only in a paragraph's (or a tracked change's) pPr:
    # every style named, less those of the tracked changes' old pPr.
    if named is None:
        named = _named(_style_ids, nodes)
        named.subtract(_named(_changed_style_ids, nodes))
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
    return named
