"""Namespaces and the small element-building vocabulary the other modules share."""

from __future__ import annotations

from lxml import etree

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


def set_text(node: etree._Element, text: str) -> None:
    """A text element's text, with xml:space=preserve only when the text needs it."""
    node.text = text
    if text != text.strip() or "  " in text:
        node.set(f"{{{XML_NS}}}space", "preserve")


def parse(data: bytes) -> etree._Element:
    return etree.fromstring(data, PARSER)


def serialize(root: etree._Element) -> bytes:
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)


def etree_localname(node: etree._Element) -> str:
    tag = node.tag
    if isinstance(tag, str):  # a quarter of etree.QName's time, called per element built
        return tag.rpartition("}")[2]
    return etree.QName(node).localname
