"""UN Arabic wording printed around the State's text, read from data.

The data file (cmwreport/reference/un_arabic.yaml) names its sources; nothing of it
is typed into code, so a drafting office can check and correct it in one place. The
build prints with it and the draft reader labels what it reads with it, so a label
`diff` reports is the one the document shows.
"""

from __future__ import annotations

from collections import namedtuple
from functools import cache

from cmwreport.arabic.dates import NO_BREAK

TYPE_CHECKING = False  # typing is imported by type checkers alone (issue 21)
if TYPE_CHECKING:  # for annotations: the draft reader, which labels with this, needs none
    import datetime as dt


# A named tuple rather than a frozen dataclass: immutable all the same, and a sixth of the
# cost to create at import, which every diff pays (the draft reader labels with it);
# collections' namedtuple, not typing.NamedTuple, which evaluates every annotation at
# import (issue 21). Tuples of str but footnotes (dict) and languages (language code ->
# its Arabic name, in the order the languages line lists them); the rest str.
Wording = namedtuple(
    "Wording",
    (
        "months", "footnotes", "letters", "letter_label", "third_level_label",
        "heading_letters", "chapter_ordinals", "ordinals", "reply_heading",
        "reply_heading_full", "languages", "languages_line",
    ),
)  # fmt: skip


@cache
def wording() -> Wording:
    from cmwreport.reference import HERE
    from cmwreport.sources import plainyaml

    text = (HERE / "un_arabic.yaml").read_text("utf-8")
    # Read without PyYAML, whose import alone costs twice a bare interpreter: a build
    # needs this file and no other YAML beyond the sources (which plainyaml reads too).
    data = plainyaml.data(text)
    if data is None:  # the file edited beyond what plainyaml reads
        import yaml

        data = yaml.load(text, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))
    return Wording(
        months=tuple(data["months"]),
        footnotes=dict(data["footnotes"]),
        letters=tuple(data["letters"]),
        letter_label=data["labels"]["letter"],
        third_level_label=data["labels"]["third_level"],
        heading_letters=tuple(data["heading_letters"]),
        chapter_ordinals=tuple(data["chapter_ordinals"]),
        ordinals=tuple(data["ordinals"]),
        reply_heading=data["reply_heading"],
        reply_heading_full=data["reply_heading_full"],
        languages=dict(data["languages"]["names"]),
        languages_line=data["languages"]["line"],
    )


def _nth(table: tuple[str, ...], index: int) -> str:
    """The index-th (0-based) entry; past the table's end, the number (1-based)."""
    return table[index] if 0 <= index < len(table) else str(index + 1)


def un_date(day: dt.date) -> str:
    """'28 تشرين الثاني/نوفمبر 2022', unbreakable: the date as the UN prints it."""
    month = wording().months[day.month - 1].replace(" ", NO_BREAK)
    return NO_BREAK.join((str(day.day), month, str(day.year)))


def cycle_ordinal(cycle: int) -> str:
    """'الثاني' for cycle 2: the report's ordinal adjective."""
    return _nth(wording().ordinals, cycle - 1)


def letter_label(index: int) -> str:
    """'(أ)' for 0, '(هـ)' for 4; past the alphabet, the number."""
    letters, label, _third = list_labels()
    return label.format(_nth(letters, index))


def third_level_label(index: int) -> str:
    """'’1‘' for 0: the third list level of a UN Arabic text."""
    return list_labels()[2].format(index + 1)


@cache
def list_labels() -> tuple[tuple[str, ...], str, str]:
    """The sub-paragraph letters and the labels of list levels 2 and 3, from the same
    file, without PyYAML when the file writes them in the plain shape it ships with:
    the draft reader labels paragraphs with these alone, and importing and running
    PyYAML was about 6% of a `diff`. Any other shape is read by `wording()`."""
    from cmwreport.reference import HERE

    found = plain_labels((HERE / "un_arabic.yaml").read_text("utf-8"))
    if found is None:
        full = wording()
        return full.letters, full.letter_label, full.third_level_label
    return found


def plain_labels(text: str) -> tuple[tuple[str, ...], str, str] | None:
    """`letters: [a, b, ...]` on one line, Arabic words only, and `labels:` with
    `letter:` and `third_level:` as double-quoted strings without escapes, each key
    once; None for anything else (a YAML reader of this one shape, not of YAML)."""
    letters = None
    labels: dict[str, str] = {}
    seen: set[str] = set()
    block = None
    for line in text.splitlines():
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        if not line[0].isspace():
            key, sep, value = line.partition(":")
            if not sep or key in seen:
                return None
            seen.add(key)
            block = key
            value = value.strip()
            if key == "letters":
                letters = _flow_words(value)
                if letters is None:
                    return None
            elif key == "labels" and value:
                return None
        elif block == "labels":
            key, sep, value = line.strip().partition(":")
            quoted = _double_quoted(value.strip())
            if not sep or key in labels or quoted is None:
                return None
            labels[key] = quoted
    if letters is None or set(labels) != {"letter", "third_level"}:
        return None
    return letters, labels["letter"], labels["third_level"]


def _flow_words(value: str) -> tuple[str, ...] | None:
    """`[أ, ب, هـ]`: words without ASCII (no YAML indicator, number or boolean)."""
    if not (value.startswith("[") and value.endswith("]")):
        return None
    words = tuple(word.strip() for word in value[1:-1].split(","))
    if not all(word and all(ord(c) > 127 for c in word) for word in words):
        return None
    return words


def _double_quoted(value: str) -> str | None:
    if len(value) < 2 or value[0] != '"' or value[-1] != '"':
        return None
    inner = value[1:-1]
    return None if '"' in inner or "\\" in inner else inner


def heading_letter(index: int) -> str:
    """'ألف' for 0, 'باء' for 1: a section heading's letter (the Arabic A, B)."""
    return _nth(wording().heading_letters, index)


def chapter_ordinal(index: int) -> str:
    """'أولاً' for 0, 'ثانياً' for 1: a chapter heading's number (the Arabic I, II)."""
    return _nth(wording().chapter_ordinals, index)


def languages_line(codes: list[str]) -> str:
    """'الإسبانية والإنكليزية والعربية والفرنسية فقط' for [ar, en, fr, es]; '' for none."""
    names = [name for code, name in wording().languages.items() if code in set(codes)]
    return wording().languages_line.format(" و".join(names)) if names else ""
