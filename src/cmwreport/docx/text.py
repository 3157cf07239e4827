"""The text a reader sees in a paragraph, and what it holds beside text.

`atoms` walks a paragraph in reading order and yields each piece of text with the run
and element it comes from (the redline cuts runs at these pieces). What is not a
sentence's text is left out: text boxes (their paragraphs are read on their own),
mc:Fallback (Choice is always the branch read: Word and LibreOffice write the same
content twice), deleted text (read after accepting), and the shown result of
page-number fields (it changes with every repagination, and LibreOffice rewrites it).
"""

from __future__ import annotations

from cmwreport.contract import identity_of
from cmwreport.docx import wordml as n
from cmwreport.docx.fields import add_field, link_target
from cmwreport.docx.xml import w
from cmwreport.plain import Plain

#: Characters a run child stands for in the text reviewers read.
_CHAR_OF = {n.TAB: "\t", n.BR: "\n", n.CR: "\n", n.NB_HYPHEN: "\u2011", w("ptab"): "\t"}
_VOLATILE = ("PAGE", "NUMPAGES", "SECTIONPAGES")
#: Elements whose content is never paragraph text.
_SKIP = {n.PPR, n.RPR, n.FALLBACK, n.TXBX, w("sdtPr"), w("sdtEndPr"), w("smartTagPr")}
_SKIP |= {w("customXmlPr"), w("del"), w("moveFrom")}


class Inline(Plain):
    """What a paragraph holds beside its text, compared by identity.

    A plain class with a dataclass's equality and repr: one is made per paragraph read,
    and creating the dataclass was a large part of a small diff's imports."""

    __slots__ = ("fields", "links", "objects", "boxes", "drawn")

    _compared = ("fields", "links", "objects", "boxes", "drawn")

    def __init__(self) -> None:
        #: Field instructions, normalised ("HYPERLINK \"x\"", "REF _Ref1 \\h").
        self.fields: list[str] = []
        #: Hyperlink targets: the URL, or "#bookmark".
        self.links: list[str] = []
        #: Pictures and embedded objects: (what, content digest, alternative text).
        self.objects: list[tuple[str, str, str]] = []
        #: Text boxes anchored in the paragraph (their w:txbxContent), read as their own
        #: blocks.
        self.boxes: list = []
        #: Whether a run holds a drawing or object (only then are text boxes looked for).
        self.drawn = False


#: Relationship kinds as reviewers name them.
_OBJECT_NAMES = {
    "image": "image",
    "chart": "chart",
    "oleObject": "embedded object",
    "package": "embedded object",
    "diagramData": "diagram",
}


class Objects:
    """What a drawing or embedded object is, from the part its relationship names."""

    def __init__(self, describe) -> None:
        #: (r:id, element) -> (relationship kind, content digest or external target),
        #: or None; the element tells which part's relationships the id belongs to.
        self.describe = describe

    def label(self, el, inline: Inline | None) -> str:
        found = []
        for node in _outside_boxes(el):
            for attr, value in node.attrib.items():
                if not attr.startswith(n.R_ATTR):
                    continue
                described = self.describe(value, node)
                if described is not None and described[0] != "hyperlink":
                    found.append((_OBJECT_NAMES.get(described[0], described[0]), described[1]))
        if not found:
            return ""
        alt = _alt_text(el)
        if inline is not None:
            inline.objects.extend((what, digest, alt) for what, digest in found)
        what = found[0][0]
        return f"[{what}: {alt}]" if alt else f"[{what}]"


def _outside_boxes(el):
    """The element and its descendants, less text boxes and mc:Fallback copies."""
    stack = [el]
    while stack:
        node = stack.pop()
        if not isinstance(node.tag, str) or node.tag in (n.TXBX, n.FALLBACK):
            continue
        yield node
        stack.extend(reversed(node))


def _alt_text(el) -> str:
    """Every alternative-text field Word's Alt Text pane shows: the description, and
    the title beside it (a title added under an unchanged description is a change)."""
    for node in el.iter(n.DOC_PR, f"{{{n.V_NS}}}shape", f"{{{n.V_NS}}}imagedata"):
        descr = " ".join((node.get("descr") or node.get("alt") or "").split())
        title = " ".join((node.get("title") or node.get(_O_TITLE) or "").split())
        if descr and title and title != descr:
            return f"{descr} (title: {title})"
        if descr or title:
            return descr or title
    return ""


_O_TITLE = "{urn:schemas-microsoft-com:office:office}title"


def atoms(p, objects: Objects | None = None, inline: Inline | None = None):
    """(run, element, text) for each piece of text in a paragraph, in reading order."""
    fields: list[list] = []  # per open field: [instruction text, in result part?]
    custom_mark = [False]  # after a footnote reference whose own mark follows
    stack = [iter(p)]
    run_tag, t_tag, rpr_tag = n.R, n.T, n.RPR
    while stack:
        for el in stack[-1]:
            tag = el.tag
            if tag == run_tag:
                # Most runs are properties and one text (a build writes nothing else):
                # read here, without a generator of their own (a third of the time).
                size = len(el)
                if (
                    0 < size <= 2
                    and not fields
                    and not custom_mark[0]
                    and el[-1].tag == t_tag
                    and (size == 1 or el[0].tag == rpr_tag)
                ):
                    text = el[-1].text
                    if text:
                        yield el, el[-1], text
                    continue
                yield from _run(el, fields, objects, inline, custom_mark)
            elif not isinstance(tag, str) or tag in _SKIP:
                continue
            elif tag in (n.O_MATH, n.O_MATH_PARA):
                text = math_text(el)
                if text and not _volatile(fields):
                    yield el, el, text
            elif tag == n.FLD_SIMPLE and inline is not None:
                add_field(inline, el.get(w("instr")) or "")
                if not _is_volatile(el.get(w("instr")) or ""):
                    stack.append(iter(el))
                    break
            elif tag == n.FLD_SIMPLE and _is_volatile(el.get(w("instr")) or ""):
                continue
            elif tag == n.ALTERNATE:
                choice = el.find(n.CHOICE)
                if choice is not None:
                    stack.append(iter(choice))
                    break
            elif len(el):
                if tag == n.HYPERLINK and inline is not None:
                    inline.links.append(_link(el, objects))
                stack.append(iter(el))
                break
        else:
            stack.pop()
    if inline is not None and inline.drawn:
        inline.boxes.extend(box for box in p.iter(n.TXBX) if _outermost_box(box, p))


def _run(run, fields, objects, inline, custom_mark: list[bool]):
    # A footnote's custom mark ("*" of a UN title footnote) is the text right after its
    # reference, in this run or a later one: a reference mark, like a numbered
    # footnote's, not the sentence's.
    for child in run:
        ctag = child.tag
        if ctag == n.FOOTNOTE_REF:
            custom_mark[0] = child.get(w("customMarkFollows")) in ("1", "true", "on")
        elif ctag == n.T and custom_mark[0]:
            custom_mark[0] = False
        elif ctag == n.T:
            if child.text and not _volatile(fields):
                yield run, child, child.text
        elif ctag == n.FLD_CHAR:
            kind = child.get(w("fldCharType"))
            if kind == "begin":
                fields.append(["", False])
            elif kind == "separate" and fields:
                fields[-1][1] = True
                if inline is not None:
                    add_field(inline, fields[-1][0])
            elif kind == "end" and fields:
                if not fields[-1][1] and inline is not None:
                    add_field(inline, fields[-1][0])
                fields.pop()
        elif ctag == n.INSTR:
            if fields:
                fields[-1][0] += child.text or ""
        elif ctag in _CHAR_OF:
            if ctag == n.BR and child.get(w("type")) in ("page", "column"):
                continue
            if not _volatile(fields):
                yield run, child, _CHAR_OF[ctag]
        elif ctag == n.SYM:
            char = child.get(w("char")) or ""
            try:
                yield run, child, chr(int(char, 16))
            except ValueError:
                continue
        elif ctag in (n.DRAWING, n.PICT, n.OBJECT, n.ALTERNATE):
            if inline is not None:
                inline.drawn = True
            if objects is None:
                continue
            label = objects.label(child, inline)
            if label and not _volatile(fields):
                yield run, child, label
        elif ctag in (n.O_MATH, n.O_MATH_PARA):
            yield run, child, math_text(child)


def _link(el, objects) -> str:
    anchor = el.get(w("anchor"))
    rid = el.get(n.R_ATTR + "id")
    target = objects.describe(rid, el) if (rid and objects is not None) else None
    if target is not None:
        return link_target(target[1], anchor)
    return f"#{anchor}" if anchor else ""


def _outermost_box(box, stop) -> bool:
    """Not in a Fallback copy, nor in another text box (read with that one)."""
    parent = box.getparent()
    while parent is not None and parent is not stop:
        if parent.tag in (n.FALLBACK, n.TXBX):
            return False
        parent = parent.getparent()
    return True


def _is_volatile(instr: str) -> bool:
    words = instr.split()
    return bool(words) and words[0].upper() in _VOLATILE


def _volatile(fields: list[list]) -> bool:
    # Called for every piece of text: most are outside any field.
    return bool(fields) and any(result and _is_volatile(instr) for instr, result in fields)


def paragraph_text(p, objects: Objects | None = None) -> str:
    """A paragraph's text as every reader sees it: tabs "\t", breaks "\n", symbols,
    field results (not page numbers), equations; pictures by label when `objects`."""
    return "".join(text for _, _, text in atoms(p, objects))


def read_paragraph(p, objects: Objects | None, pieces: list | None = None) -> tuple[str, Inline]:
    """A paragraph's text and what it holds beside it; `pieces`, when given, receives
    the (run, element, text) atoms (for reading their formatting)."""
    inline = Inline()
    found = list(atoms(p, objects, inline))
    if pieces is not None:
        pieces.extend(found)
    return "".join(text for _, _, text in found), inline


def identity(el) -> str | None:
    """The source id of the first `_cmw_` identity bookmark inside an element."""
    for bm in el.iter(n.BOOKMARK_START):
        found = identity_of(bm.get(n.NAME) or "")
        if found is not None:
            return found
    return None


def _m(tag: str) -> str:
    return f"{{{n.M_NS}}}{tag}"


_M_T = _m("t")
#: OMML structures written linearly (UnicodeMath-like): (a)/(b), x^(2), x_(i).
_M_FORMS = {
    _m("f"): ((_m("num"), "(", ")"), (_m("den"), "/(", ")")),
    _m("sSup"): ((_m("e"), "", ""), (_m("sup"), "^(", ")")),
    _m("sSub"): ((_m("e"), "", ""), (_m("sub"), "_(", ")")),
    _m("sSubSup"): ((_m("e"), "", ""), (_m("sub"), "_(", ")"), (_m("sup"), "^(", ")")),
    _m("rad"): ((_m("deg"), "√[", "]"), (_m("e"), "√(", ")")),
}
_PROPERTIES = {_m(t) for t in ("rPr", "fPr", "sSupPr", "sSubPr", "sSubSupPr", "radPr", "ctrlPr")}


def math_text(el) -> str:
    """An equation as linear text, so that a changed term is a changed word."""
    if el.tag == _M_T:
        return el.text or ""
    form = _M_FORMS.get(el.tag)
    if form is None:
        return "".join(
            math_text(child)
            for child in el
            if isinstance(child.tag, str) and child.tag not in _PROPERTIES
        )
    out = []
    for tag, before, after in form:
        part = el.find(tag)
        text = math_text(part) if part is not None else ""
        if text or tag != _m("deg"):
            out.append(f"{before}{text}{after}")
    if el.tag == _m("rad") and len(out) == 2:
        out = [out[0] + out[1][1:]]
    return "".join(out)
