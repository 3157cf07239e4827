"""The UN paragraph numbers the draft reader gives, labelled as the build prints them."""

from __future__ import annotations

import re

from lxml import etree

from cmwreport.docx.styles import Styles
from cmwreport.docx.xml import W_NS, w
from cmwreport.draft.numbering import Numbering, list_level
from cmwreport.draft.reader import read_draft
from tests.conftest import REPORT

NS = {"w": W_NS}


def styles(*ids: tuple[str, int]) -> etree._Element:
    """A styles part: each (style id, list level) numbered in list 1."""
    body = "".join(
        f'<w:style w:type="paragraph" w:styleId="{sid}"><w:name w:val="{sid}"/>'
        f'<w:pPr><w:numPr><w:ilvl w:val="{level}"/><w:numId w:val="1"/></w:numPr></w:pPr>'
        "</w:style>"
        for sid, level in ids
    )
    return etree.fromstring(f'<w:styles xmlns:w="{W_NS}">{body}</w:styles>')


def para(style: str) -> etree._Element:
    return etree.fromstring(
        f'<w:p xmlns:w="{W_NS}"><w:pPr><w:pStyle w:val="{style}"/></w:pPr></w:p>'
    )


def numbers(*paragraph_styles: str) -> list[str | None]:
    roles = Styles(styles(("UNPara", 0), ("UNSubPara", 1), ("UNSubSubPara", 2)))
    counter = Numbering(roles)
    return [counter.number(para(s)) for s in paragraph_styles]


def test_the_fifth_sub_paragraph_is_lettered_with_the_kashida_form() -> None:
    got = numbers("UNPara", *["UNSubPara"] * 5)
    assert got[1:] == ["1 (أ)", "1 (ب)", "1 (ج)", "1 (د)", "1 (هـ)"]


def test_the_third_level_is_numbered_as_the_document_prints_it() -> None:
    got = numbers("UNPara", "UNSubPara", "UNSubSubPara", "UNSubSubPara", "UNPara")
    assert got == ["1", "1 (أ)", "1 (أ) ’1‘", "1 (أ) ’2‘", "2"]


def test_list_level_reads_back_the_level_of_a_number() -> None:
    levels = [list_level(x) for x in (None, "4", "annex 3", "4 (أ)", "4 (أ) ’2‘")]
    assert levels == [-1, 0, 0, 1, 2]


def test_every_sub_paragraph_label_read_is_the_label_the_built_report_prints(built) -> None:
    # The build writes a sub-paragraph's label either literally (a w:num whose level
    # text is the label) or counted (a w:num whose level starts at its run's first
    # number): the reader's number must end with what that markup prints.
    draft = read_draft(built / REPORT)
    numbering = draft.package.xml(draft.package.related(draft.main_part, "numbering")[0])
    levels_of = {
        num.get(w("numId")): num.find("w:lvlOverride/w:lvl", NS)
        for num in numbering.findall("w:num", NS)
        if num.find("w:lvlOverride/w:lvl", NS) is not None
    }
    # Counted letters: arabicAbjad's, where LibreOffice and Word agree with the UN's.
    abjad = dict(enumerate("ا ب ج د ه و ز ح ط ي".split(), start=1))
    seen: dict[str, int] = {}
    levels, kinds = [], set()
    for block in draft.body:
        if block.number is None or list_level(block.number) < 1:
            continue
        num_id = block.element.find("w:pPr/w:numPr/w:numId", NS).get(w("val"))
        level = levels_of[num_id]
        text = level.find("w:lvlText", NS).get(w("val"))
        fmt = level.find("w:numFmt", NS).get(w("val"))
        if fmt != "none":
            n = int(level.find("w:start", NS).get(w("val"))) + seen.get(num_id, 0)
            seen[num_id] = seen.get(num_id, 0) + 1
            shown = str(n) if fmt == "decimal" else abjad[n]
            text = re.sub(r"%\d", shown, text)
        kinds.add(fmt == "none")
        assert block.number.endswith(" " + text), block.number
        levels.append(list_level(block.number))
    assert 1 in levels and 2 in levels and kinds == {True, False}


def test_the_labels_read_without_pyyaml_are_those_pyyaml_reads() -> None:
    """The draft reader labels sub-paragraphs from the shipped wording file through a
    reader of its plain shape alone: what it reads is what the full YAML load reads."""
    from cmwreport.arabic import wording as wording_module
    from cmwreport.reference import HERE

    text = (HERE / "un_arabic.yaml").read_text("utf-8")
    full = wording_module.wording()
    assert wording_module.plain_labels(text) == (
        full.letters,
        full.letter_label,
        full.third_level_label,
    )
    assert len(full.letters) == 28


def test_a_wording_file_in_another_shape_is_left_to_the_full_yaml_load() -> None:
    from cmwreport.arabic.wording import plain_labels

    shipped = 'letters: [أ, ب]\nlabels:\n  letter: "({})"\n  third_level: "’{}‘"\n'
    assert plain_labels(shipped) == (("أ", "ب"), "({})", "’{}‘")
    for other in (
        shipped.replace("[أ, ب]", "[أ, ب,\n  ج]"),  # a flow sequence over two lines
        shipped.replace("[أ, ب]", "[أ, 'b']"),  # a quoted or ASCII item
        shipped.replace("[أ, ب]", "[أ, ب]  # a comment"),
        shipped.replace('"({})"', "'({})'"),  # single quotes
        shipped.replace('"({})"', '"(\\u0028{})"'),  # an escape
        shipped.replace("letters:", "letters:\n  - أ\nother:"),  # a block sequence
        shipped + "letters: [ج]\n",  # the key twice
        shipped.replace('  third_level: "’{}‘"\n', ""),  # a label missing
    ):
        assert plain_labels(other) is None, other
