"""WordprocessingML facts that reading and redlining share: names, tracked changes, text."""

from __future__ import annotations

from cmwreport.docx.content import BOOKMARK_PREFIX
from cmwreport.docx.xml import XML_NS, w

MC_NS = "http://schemas.openxmlformats.org/markup-compatibility/2006"
XML_SPACE = f"{{{XML_NS}}}space"

#: Bookmarks the build puts around generated paragraphs name their source item.
IDENTITY_PREFIX = BOOKMARK_PREFIX


P, R, T, TBL, TR, TC = w("p"), w("r"), w("t"), w("tbl"), w("tr"), w("tc")
PPR, RPR, PSTYLE, NUMPR = w("pPr"), w("rPr"), w("pStyle"), w("numPr")
INS, DEL, MOVE_FROM, MOVE_TO = w("ins"), w("del"), w("moveFrom"), w("moveTo")
DEL_TEXT, DEL_INSTR, INSTR = w("delText"), w("delInstrText"), w("instrText")
TAB, BR, CR, NB_HYPHEN = w("tab"), w("br"), w("cr"), w("noBreakHyphen")
SDT, SDT_CONTENT, SECT_PR = w("sdt"), w("sdtContent"), w("sectPr")
BOOKMARK_START, BOOKMARK_END = w("bookmarkStart"), w("bookmarkEnd")
FOOTNOTE_REF, TXBX = w("footnoteReference"), w("txbxContent")
FLD_CHAR, FLD_SIMPLE = w("fldChar"), w("fldSimple")
VAL, ID, NAME = w("val"), w("id"), w("name")
FALLBACK = f"{{{MC_NS}}}Fallback"

#: Formatting revisions: accepting them means dropping the record of the old formatting.
_PROPERTY_CHANGES = tuple(
    w(t)
    for t in (
        "rPrChange",
        "pPrChange",
        "sectPrChange",
        "tblPrChange",
        "tblPrExChange",
        "trPrChange",
        "tcPrChange",
        "tblGridChange",
        "numberingChange",
    )
)
_RANGE_MARKS = tuple(
    w(t) for t in ("moveFromRangeStart", "moveFromRangeEnd", "moveToRangeStart", "moveToRangeEnd")
)

#: Characters a run child stands for in the text reviewers read.
_CHAR_OF = {TAB: "\t", BR: "\n", CR: "\n", NB_HYPHEN: "\u2011"}


def accept_all(root) -> tuple[int, int, int, int]:
    """Accept every tracked change in place; return (insertions, deletions, moves, formatting).

    Accepting first keeps one reading of the text for comparing and for redlining:
    what Word shows after "Accept All Changes".
    """
    insertions = deletions = moves = formatting = 0
    # Deleted rows go with everything in them.
    for mark in list(root.iter(DEL)):
        parent = mark.getparent()
        if parent is not None and parent.tag == w("trPr"):
            row = parent.getparent()
            if row is not None and row.getparent() is not None:
                row.getparent().remove(row)
                deletions += 1
    for el in list(root.iter(DEL, MOVE_FROM)):
        parent = el.getparent()
        if parent is None:
            continue
        if el.tag == MOVE_FROM:
            moves += 1
        else:
            deletions += 1
        if parent.tag == RPR and parent.getparent() is not None and parent.getparent().tag == PPR:
            _merge_with_next(parent.getparent().getparent())
        parent.remove(el)
    for el in list(root.iter(INS, MOVE_TO)):
        parent = el.getparent()
        if parent is None:
            continue
        if el.tag == INS:
            insertions += 1
        if parent.tag in (RPR, w("trPr"), w("tcPr")) or len(el) == 0:
            parent.remove(el)
            continue
        # Unwrap: the inserted content takes the container's place.
        at = parent.index(el)
        for child in list(el):
            parent.insert(at, child)
            at += 1
        parent.remove(el)
    for el in list(root.iter(*_PROPERTY_CHANGES, w("cellIns"), w("cellDel"), *_RANGE_MARKS)):
        if el.tag in _PROPERTY_CHANGES:
            formatting += 1
        el.getparent().remove(el)
    return insertions, deletions, moves, formatting


def _merge_with_next(p) -> None:
    """A deleted paragraph mark joins the paragraph to the next one, as Word does on accept."""
    if p is None or p.tag != P:
        return
    nxt = p.getnext()
    if nxt is None or nxt.tag != P:
        # Nothing to join (a table follows): a paragraph deleted whole goes, as in Word.
        if not any(_kept(t) for t in p.iter(T)):
            p.getparent().remove(p)
        return
    content = [c for c in p if c.tag != PPR]
    nxt_ppr = nxt.find(PPR)
    at = 0 if nxt_ppr is None else 1
    for child in content:
        nxt.insert(at, child)
        at += 1
    p.getparent().remove(p)


def _kept(t) -> bool:
    parent = t.getparent()
    while parent is not None and parent.tag != P:
        if parent.tag in (DEL, MOVE_FROM):
            return False
        parent = parent.getparent()
    return True


def atoms(p):
    """(run, child, text) for each piece of text in a paragraph, in reading order.

    Text boxes and the fallback copies of drawings are left out: they are not part of
    the paragraph's sentence, and Fallback repeats what Choice holds. So are the shown
    results of page-number fields: they change with every repagination (LibreOffice
    rewrites them on save) and say nothing about the text.
    """
    fields: list[list] = []  # per open field: [instruction text, in result part?]
    # A footnote's custom mark ("*" of a UN title footnote) is the text right after
    # its reference: a reference mark, like a numbered footnote's, not the sentence's.
    custom_mark = False
    stack = [iter(p)]
    while stack:
        for el in stack[-1]:
            tag = el.tag
            if tag == R:
                for child in el:
                    ctag = child.tag
                    if ctag == FOOTNOTE_REF:
                        custom_mark = child.get(w("customMarkFollows")) in ("1", "true", "on")
                    elif ctag == T and custom_mark:
                        custom_mark = False
                    elif ctag == T:
                        if child.text and not _volatile(fields):
                            yield el, child, child.text
                    elif ctag == FLD_CHAR:
                        kind = child.get(w("fldCharType"))
                        if kind == "begin":
                            fields.append(["", False])
                        elif kind == "separate" and fields:
                            fields[-1][1] = True
                        elif kind == "end" and fields:
                            fields.pop()
                    elif ctag == INSTR:
                        if fields:
                            fields[-1][0] += child.text or ""
                    elif ctag in _CHAR_OF:
                        if ctag == BR and child.get(w("type")) in ("page", "column"):
                            continue
                        if not _volatile(fields):
                            yield el, child, _CHAR_OF[ctag]
            elif tag in (PPR, RPR, FALLBACK, TXBX) or not isinstance(tag, str):
                continue
            elif tag == FLD_SIMPLE and _is_volatile(el.get(w("instr")) or ""):
                continue
            elif len(el):
                stack.append(iter(el))
                break
        else:
            stack.pop()


_VOLATILE = ("PAGE", "NUMPAGES", "SECTIONPAGES")


def _is_volatile(instr: str) -> bool:
    words = instr.split()
    return bool(words) and words[0].upper() in _VOLATILE


def _volatile(fields: list[list]) -> bool:
    return any(result and _is_volatile(instr) for instr, result in fields)


def paragraph_text(p) -> str:
    return "".join(text for _, _, text in atoms(p))


def identity(el) -> str | None:
    """The source id of the first `_cmw_` bookmark inside an element."""
    for bm in el.iter(BOOKMARK_START):
        name = bm.get(NAME) or ""
        if name.startswith(IDENTITY_PREFIX):
            return name[len(IDENTITY_PREFIX) :]
    return None
