"""Names of the WordprocessingML elements that reading, accepting and redlining share."""

from __future__ import annotations

from cmwreport.docx.xml import R_NS, XML_NS, w

MC_NS = "http://schemas.openxmlformats.org/markup-compatibility/2006"
M_NS = "http://schemas.openxmlformats.org/officeDocument/2006/math"
WP_NS = "http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing"
V_NS = "urn:schemas-microsoft-com:vml"
XML_SPACE = f"{{{XML_NS}}}space"
R_ATTR = f"{{{R_NS}}}"

P, R, T, TBL, TR, TC = w("p"), w("r"), w("t"), w("tbl"), w("tr"), w("tc")
PPR, RPR, PSTYLE, NUMPR = w("pPr"), w("rPr"), w("pStyle"), w("numPr")
TCPR, TRPR = w("tcPr"), w("trPr")
INS, DEL, MOVE_FROM, MOVE_TO = w("ins"), w("del"), w("moveFrom"), w("moveTo")
DEL_TEXT, DEL_INSTR, INSTR = w("delText"), w("delInstrText"), w("instrText")
TAB, BR, CR, NB_HYPHEN, SYM = w("tab"), w("br"), w("cr"), w("noBreakHyphen"), w("sym")
SDT, SDT_CONTENT, SECT_PR = w("sdt"), w("sdtContent"), w("sectPr")
CUSTOM_XML, SMART_TAG, HYPERLINK = w("customXml"), w("smartTag"), w("hyperlink")
BOOKMARK_START, BOOKMARK_END = w("bookmarkStart"), w("bookmarkEnd")
FOOTNOTE_REF, ENDNOTE_REF, TXBX = w("footnoteReference"), w("endnoteReference"), w("txbxContent")
COMMENT_START, COMMENT_REF = w("commentRangeStart"), w("commentReference")
FLD_CHAR, FLD_SIMPLE = w("fldChar"), w("fldSimple")
DRAWING, PICT, OBJECT = w("drawing"), w("pict"), w("object")
VAL, ID, NAME = w("val"), w("id"), w("name")
ALTERNATE = f"{{{MC_NS}}}AlternateContent"
CHOICE = f"{{{MC_NS}}}Choice"
FALLBACK = f"{{{MC_NS}}}Fallback"
O_MATH, O_MATH_PARA = f"{{{M_NS}}}oMath", f"{{{M_NS}}}oMathPara"
DOC_PR = f"{{{WP_NS}}}docPr"


def first_child(parent, tag: str):
    """The first child named `tag`, as `parent.find(tag)` finds it: the first child is
    tried first (where the schema's order puts w:pPr in a paragraph and w:pStyle in
    w:pPr), then the others. lxml's find parses its path on every call (a few
    microseconds); the build and the reader ask this for every paragraph."""
    if len(parent):
        child = parent[0]
        if child.tag == tag:
            return child
    return next(parent.iterchildren(tag), None)


def style_of(p):
    """A paragraph's w:pStyle element, or None."""
    ppr = first_child(p, PPR)
    return first_child(ppr, PSTYLE) if ppr is not None else None
