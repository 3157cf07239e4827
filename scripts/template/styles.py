"""word/styles.xml and word/numbering.xml of the template, from styles.toml.

The styles are data (styles.toml); this module only knows how each key is written in
WordprocessingML. Containers are ordered by cmwreport.docx.order, like everything the
build writes.
"""

from __future__ import annotations

import tomllib
from pathlib import Path

from lxml import etree

from cmwreport import contract
from cmwreport.docx import rtl
from cmwreport.docx.order import ordered
from cmwreport.docx.xml import el, serialize, w
from cmwreport.docx.xml import root as xml_root

DATA = Path(__file__).with_name("styles.toml")
HANG = 567  # 1 cm between a paragraph number and its text

_PARAGRAPH_KEYS = {"bidi", "keep_next", "keep_lines", "page_break_before", "spacing", "jc",
                   "outline", "list", "ind", "border_top", "border_bottom",
                   "widow_control"}  # fmt: skip
_RUN_KEYS = {"bold", "size", "superscript", "shading"}
_STYLE_KEYS = {"id", "name", "type", "based", "next", "ui", "default", "semi_hidden", "quick"}


def load(path: Path = DATA) -> dict:
    data = tomllib.loads(path.read_text(encoding="utf-8"))
    names = {s["id"]: s["name"] for s in data["style"]}
    for style in contract.ALL:
        if names.get(style.id) != style.name:
            raise SystemExit(
                f"{path}: style {style.id} must be named {style.name!r} (src/cmwreport/contract.py)"
            )
    for style in data["style"]:
        unknown = set(style) - _PARAGRAPH_KEYS - _RUN_KEYS - _STYLE_KEYS
        if unknown:
            raise SystemExit(f"{path}: style {style['id']}: unknown keys {sorted(unknown)}")
    return data


def _spacing(values: dict) -> etree._Element:
    attrs = {"before": str(values.get("before", 0)), "after": str(values.get("after", 0))}
    if values.get("line"):
        attrs.update(line=str(values["line"]), lineRule="auto")
    return el("spacing", attrs)


def paragraph_props(spec: dict, lists: dict) -> list[etree._Element]:
    props: list[etree._Element] = []
    for key in ("keep_next", "keep_lines", "page_break_before", "widow_control", "bidi"):
        if spec.get(key):
            props.append(el({"keep_next": "keepNext", "keep_lines": "keepLines",
                             "page_break_before": "pageBreakBefore",
                             "widow_control": "widowControl"}.get(key, key)))  # fmt: skip
    if "list" in spec:
        name, level = spec["list"]
        props.append(
            el(
                "numPr",
                None,
                el("ilvl", {"val": str(level)}),
                el("numId", {"val": str(lists[name]["id"])}),
            )
        )
    rules = [side for side in ("top", "bottom") if spec.get(f"border_{side}")]
    if rules:
        rule = {"val": "single", "sz": "6", "space": "1", "color": "auto"}
        props.append(ordered("pBdr", [el(side, rule) for side in rules]))
    if "spacing" in spec:
        props.append(_spacing(spec["spacing"]))
    if "ind" in spec:
        props.append(el("ind", {k: str(v) for k, v in spec["ind"].items()}))
    if "jc" in spec:
        props.append(rtl.jc(spec["jc"], bidi=bool(spec.get("bidi"))))
    if "outline" in spec:
        props.append(el("outlineLvl", {"val": str(spec["outline"])}))
    return props


def run_props(spec: dict) -> list[etree._Element]:
    props: list[etree._Element] = []
    if spec.get("bold"):
        props += rtl.bold()
    if "size" in spec:
        props += rtl.size(spec["size"])
    if "shading" in spec:
        props.append(el("shd", {"val": "clear", "color": "auto", "fill": spec["shading"]}))
    if spec.get("superscript"):
        props.append(el("vertAlign", {"val": "superscript"}))
    return props


def _style(spec: dict, lists: dict) -> etree._Element:
    children = [el("name", {"val": spec["name"]})]
    if "based" in spec:
        children.append(el("basedOn", {"val": spec["based"]}))
    if "next" in spec:
        children.append(el("next", {"val": spec["next"]}))
    if "ui" in spec:
        children.append(el("uiPriority", {"val": str(spec["ui"])}))
    if spec.get("semi_hidden"):
        children += [el("semiHidden"), el("unhideWhenUsed")]
    elif spec.get("quick", True):
        children.append(el("qFormat"))
    ppr = paragraph_props(spec, lists)
    if ppr:
        children.append(ordered("pPr", ppr))
    rpr = run_props(spec)
    if rpr:
        children.append(ordered("rPr", rpr))
    node = ordered("style", children)
    node.set(w("type"), spec.get("type", "paragraph"))
    node.set(w("styleId"), spec["id"])
    if spec.get("default"):
        node.set(w("default"), "1")
    else:
        node.set(w("customStyle"), "0" if spec["id"].startswith("Heading") else "1")
    return node


def _table_style(spec: dict) -> etree._Element:
    attrs = {"type": "table", "styleId": spec["id"]}
    if spec.get("default"):
        attrs["default"] = "1"
    node = el("style", attrs)
    node.append(el("name", {"val": spec["name"]}))
    if "based" in spec:
        node.append(el("basedOn", {"val": spec["based"]}))
    node.append(el("uiPriority", {"val": "99"}))
    if spec.get("default"):
        node.extend([el("semiHidden"), el("unhideWhenUsed")])
    margins = el("tblCellMar")
    for side, width in (("top", 0), ("left", 108), ("bottom", 0), ("right", 108)):
        margins.append(el(side, {"w": str(width), "type": "dxa"}))
    node.append(ordered("tblPr", [el("tblInd", {"w": "0", "type": "dxa"}), margins]))
    return node


def styles_xml(data: dict) -> bytes:
    defaults = data["defaults"]
    root = xml_root("styles")
    run_default = ordered(
        "rPr",
        [
            rtl.fonts(defaults["font"]),
            *rtl.size(defaults["size"]),
            el("lang", {"val": "en-GB", "eastAsia": "en-GB", "bidi": rtl.LANG_BIDI}),
        ],
    )
    root.append(
        el(
            "docDefaults",
            None,
            el("rPrDefault", None, run_default),
            el("pPrDefault", None, ordered("pPr", [_spacing(defaults["spacing"])])),
        )
    )
    for spec in data["style"]:
        root.append(_style(spec, data["lists"]))
    for spec in data["table_style"]:
        root.append(_table_style(spec))
    numbering_style = el("style", {"type": "numbering", "default": "1", "styleId": "NoList"})
    numbering_style.extend(
        [
            el("name", {"val": "No List"}),
            el("uiPriority", {"val": "99"}),
            el("semiHidden"),
            el("unhideWhenUsed"),
        ]
    )
    root.append(numbering_style)
    return serialize(root)


def _level(level: int, fmt: str, text: str, indent: int) -> etree._Element:
    node = ordered(
        "lvl",
        [
            el("start", {"val": "1"}),
            el("numFmt", {"val": fmt}),
            el("suff", {"val": "tab"}),
            el("lvlText", {"val": text}),
            el("lvlJc", {"val": "center"}),
            ordered(
                "pPr",
                [
                    el("tabs", None, el("tab", {"val": "num", "pos": str(indent)})),
                    el("ind", {"left": str(indent), "hanging": str(HANG // 2)}),
                ],
            ),
        ],
    )
    node.set(w("ilvl"), str(level))
    return node


def numbering_xml(data: dict) -> bytes:
    """UN paragraph numbering as Arabic UN documents write it: 1- then (أ) then ’1‘."""
    root = xml_root("numbering")
    lists = data["lists"]
    for spec in lists.values():
        node = el("abstractNum", {"abstractNumId": str(spec["id"])})
        node.append(el("nsid", {"val": spec["nsid"]}))
        single = len(spec["levels"]) == 1
        node.append(el("multiLevelType", {"val": "singleLevel" if single else "multilevel"}))
        node.append(el("name", {"val": spec["name"]}))
        for level, (fmt, text) in enumerate(spec["levels"]):
            indent = (spec.get("indent_levels", 1) + level) * HANG
            node.append(_level(level, fmt, text, indent))
        root.append(node)
    for spec in lists.values():
        num_id = str(spec["id"])
        root.append(el("num", {"numId": num_id}, el("abstractNumId", {"val": num_id})))
    return serialize(root)
