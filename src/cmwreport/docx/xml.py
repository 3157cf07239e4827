"""Namespaces, the small element-building vocabulary the other modules share, and how a
part's bytes are parsed (checked, Strict names read as transitional)."""

from __future__ import annotations

import re

from lxml import etree

from cmwreport.docx import opc
from cmwreport.docx.opc import PackageError
from cmwreport.i18n import _

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
R_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
PKG_REL_NS = "http://schemas.openxmlformats.org/package/2006/relationships"
CT_NS = "http://schemas.openxmlformats.org/package/2006/content-types"
XML_NS = "http://www.w3.org/XML/1998/namespace"

NSMAP = {"w": W_NS, "r": R_NS}

REL_TYPE = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/"
CT_WML = "application/vnd.openxmlformats-officedocument.wordprocessingml."

# A parser that refuses entities and huge trees: templates come from users' disks.
PARSER = etree.XMLParser(resolve_entities=False, no_network=True, remove_blank_text=False)


# Qualified names by local name: the build makes tens of thousands of elements.
_QUALIFIED: dict[str, str] = {}


def w(tag: str) -> str:
    try:
        return _QUALIFIED[tag]
    except KeyError:
        name = _QUALIFIED[tag] = f"{{{W_NS}}}{tag}"
        return name


def el(tag: str, attrs: dict[str, str] | None = None, *children: etree._Element) -> etree._Element:
    """`w:` element with `w:`-qualified attributes (or Clark names) and children.

    No namespace declarations: lxml binds the element to the `w` prefix of the tree it
    is appended to, and declaring it on every element costs a third of build time.
    """
    if attrs:
        node = etree.Element(
            w(tag), {(key if key[0] == "{" else w(key)): value for key, value in attrs.items()}
        )
    else:
        node = etree.Element(w(tag))
    for child in children:
        if child is not None:
            node.append(child)
    return node


def root(tag: str) -> etree._Element:
    """The root element of a part, declaring the `w` and `r` prefixes."""
    return etree.Element(w(tag), nsmap=NSMAP)


def sub(parent: etree._Element, tag: str, attrs: dict[str, str] | None = None) -> etree._Element:
    """`el` made inside `parent` (cheaper than making it apart and appending it)."""
    if attrs:
        return etree.SubElement(
            parent,
            w(tag),
            {(key if key[0] == "{" else w(key)): value for key, value in attrs.items()},
        )
    return etree.SubElement(parent, w(tag))


def text_element(tag: str, text: str, parent: etree._Element | None = None) -> etree._Element:
    """`w:t`/`w:instrText` with xml:space=preserve only when the text needs it (made
    inside `parent` when given)."""
    node = el(tag) if parent is None else sub(parent, tag)
    set_text(node, text)
    return node


_SPACE = f"{{{XML_NS}}}space"


def set_text(node: etree._Element, text: str) -> None:
    """A text element's text, with xml:space=preserve only when the text needs it."""
    node.text = text
    # text != text.strip(), without copying a paragraph's text to find out.
    if text and (text[0].isspace() or text[-1].isspace() or "  " in text):
        node.set(_SPACE, "preserve")


def parse(data: bytes) -> etree._Element:
    return etree.fromstring(data, PARSER)


def serialize(root: etree._Element) -> bytes:
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)


def write_tree(root: etree._Element, out) -> None:
    """`serialize(root)` written to a file object piece by piece (for a root with no
    comment or processing instruction beside it: the document's are written too)."""
    etree.ElementTree(root).write(out, xml_declaration=True, encoding="UTF-8", standalone=True)


def etree_localname(node: etree._Element) -> str:
    tag = node.tag
    if isinstance(tag, str):  # a quarter of etree.QName's time, called per element built
        return tag.rpartition("}")[2]
    return etree.QName(node).localname


# Given as bytes, compiled by re when a part first needs its tags matched (issue 21).
_BLOCK_TAGS = rb"<(?:[A-Za-z_][\w.-]*:)?(?:p|tr)[\s>/]"


def count_blocks(data: bytes, limit: int) -> int:
    """Paragraph and row start tags in a part's bytes, counted up to `limit` + 1 before
    parsing: a part of tiny paragraphs costs ten times its size once parsed. A part
    with no more tags than `limit` (every `<`, then every `<` less every `</`: counts
    in C) holds no more paragraphs either: then that count is returned, and the tags
    are not matched one by one (a tenth of reading a `full` draft, issue 21). The
    counts are not tried where they would rarely answer (the tags are then matched,
    as before): a part of more than 64 bytes a block allowed (a `full` draft writes 34
    bytes a tag), or more than twice as many tags as the limit (an end tag has a start
    tag); on `stress` they were two passes over 20 MB for nothing."""
    if len(data) <= 64 * limit:
        tags = data.count(b"<")
        if limit < tags <= 2 * limit:
            tags -= data.count(b"</")
        if tags <= limit:
            return tags
    count = 0
    for _found in re.finditer(_BLOCK_TAGS, data):
        count += 1
        if count > limit:
            break
    return count


def parse_part(name: str, data: bytes) -> etree._Element:
    """A part's XML: Strict names read as transitional; a DOCTYPE refused (Word never
    writes one, and a redline carrying it would not open)."""
    if len(data) > opc.MAX_XML_PART:
        raise PackageError(
            _(
                "{name} is {value} MiB of XML (over {value2} MiB): refused",
                name=name,
                value=len(data) >> 20,
                value2=opc.MAX_XML_PART >> 20,
            )
        )
    try:
        root = parse(opc.transitional(data))
    except etree.XMLSyntaxError as exc:
        # libxml2's message may hold the bad bytes themselves (a NUL, a line break):
        # only its first line, its words only, and where.
        what = " ".join((exc.msg or "").splitlines()[0].split()) if exc.msg else "unreadable"
        line, column = exc.position if exc.position else (0, 0)
        raise PackageError(
            _(
                "{name}:{line}:{column}: not well-formed XML ({what}); save the file again "
                "from Word or LibreOffice",
                name=name,
                line=line,
                column=column,
                what=what,
            )
        ) from None
    if root.getroottree().docinfo.doctype:
        raise PackageError(
            _("{name} declares a DOCTYPE (Word never writes one): refused", name=name)
        )
    return root
