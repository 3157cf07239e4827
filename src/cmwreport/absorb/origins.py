"""Where each paragraph of a fresh build comes from: a source item, a source field,
the template's own text, or prose the build composes from data.

Identity bookmarks name source items; the few unbookmarked annex paragraphs that are
source fields (the chapter headings, the outcomes intro) are recognised by their
text; everything before the annex is paired, in order, with the template's own
paragraphs, which is what the build copies them from.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass, field
from pathlib import Path

from cmwreport import contract
from cmwreport.absorb import adapter
from cmwreport.i18n import N_, _

ITEM = "item"  # a member of a list in a YAML file (recommendation, participant ...)
FIELD = "field"  # one scalar of a YAML file (a title, a heading, a city)
TEMPLATE = "template"  # a paragraph of the template's own text

#: The kinds of list items, as a reader is told them.
_KINDS = (
    N_("recommendation"),
    N_("context paragraph"),
    N_("participant"),
    N_("programme part"),
)


class Said(str):
    """A label or note in English, as the code compares and stores it, that keeps its
    message so that `shown` gives it in the user's language."""

    msgid: str
    values: dict[str, object]

    def __new__(cls, msgid: str, **values: object) -> Said:
        self = super().__new__(cls, msgid.format(**values))
        self.msgid, self.values = msgid, values
        return self


def shown(text: str | None) -> str | None:
    """`text` as the user reads it: a `Said` translated, anything else as it is."""
    if isinstance(text, Said):
        return _(text.msgid, **text.values)
    return text


#: An item's label by the kind of its list ("recommendation harmonise-law-02-03").
_ITEM_LABELS = {
    "recommendation": N_("recommendation {id}"),
    "context paragraph": N_("context paragraph {id}"),
    "participant": N_("participant {id}"),
    "programme part": N_("programme part {id}"),
}


def kind_name(kind: str) -> str:
    """A list's kind of item ("recommendation") in the user's language."""
    return _(kind) if kind in _KINDS else kind


GENERATED = "generated"  # composed by the build from data: reported, never absorbed

#: Characters the annex closes list items with; the sources hold the text without them.
SEPARATORS = "؛;.،,"


@dataclass
class ListRef:
    """A list of items in one file: which file, the keys down to it, the text field."""

    kind: str  # "recommendation" | "context paragraph" | "participant" | "programme part"
    group: str  # one list: "axis:<id>", "context", "participants", "programme"
    file: Path
    path: tuple[str, ...]
    text_key: str
    #: Items carry the annex's list separator (؛ or .), added by the build.
    separated: bool = False
    #: Whether absorb can create a new item here from a paragraph's text alone.
    creatable: bool = True


@dataclass
class Origin:
    kind: str
    #: What it is, for messages: "recommendation harmonise-law-02-03", "axis title" ...
    label: str
    file: Path | None = None
    line: int | None = None
    item_id: str | None = None
    ref: ListRef | None = None
    #: Keys from the file's root to the scalar (FIELD), or from the item (ITEM).
    path: tuple[str, ...] = ()
    #: Text the build puts before the value ("ألف- ") that is not in the source.
    prefix: str = ""
    #: The data a generated paragraph was composed from (GENERATED).
    data: str = ""
    #: The template paragraph (TEMPLATE): the block read from the template itself.
    template_block: object | None = None
    #: A template paragraph with {{ slots }}: its text as the template holds it.
    filled: str | None = None
    #: For a table row: the origin of each cell, by column.
    cells: list[Origin] = field(default_factory=list)

    @property
    def generated(self) -> bool:
        return self.kind == GENERATED


def _key(item_id: str, suffix: str = "") -> str | None:
    return contract.identity_of(contract.bookmark_name(item_id, suffix))


def _loc(obj) -> tuple[Path | None, int | None]:
    loc = getattr(obj, "loc", None)
    return (_path(loc.file), loc.line) if loc else (None, None)


@functools.lru_cache(maxsize=4096)
def _path(file: str) -> Path:
    return Path(file)  # one per file, not one per item (thousands of items)


PRESENTATION_DATA = Said(
    N_(
        "composed by `cmwreport build` from consultations.yaml (state, observations, "
        "participants, programme titles and topics), meetings/*.yaml (city, region, date) "
        "and axes/*.yaml (titles, number of recommendations)"
    )
)


def by_identity(sources) -> dict[str, Origin]:
    """Origins of every bookmarked paragraph, keyed by the identity the reader gives."""
    cons = sources.consultations
    cons_file, cons_line = _loc(cons)
    out: dict[str, Origin] = {}

    def item(obj, ref: ListRef, label: str) -> None:
        file, line = _loc(obj)
        out[_key(obj.id)] = Origin(
            ITEM, Said(_ITEM_LABELS[label], id=obj.id), file, line, obj.id, ref, (ref.text_key,)
        )

    context = ListRef("context paragraph", "context", cons_file, ("context", "paragraphs"), "text")
    for p in cons.context:
        item(p, context, "context paragraph")
    people = ListRef("participant", "participants", cons_file, ("participants",), "name", True)
    for p in cons.participants:
        item(p, people, "participant")
    programme = ListRef(
        "programme part", "programme", cons_file, ("programme",), "text", creatable=False
    )
    for p in cons.programme:
        item(p, programme, "programme part")
    for index, axis in enumerate(cons.axes):
        axis_file, axis_line = _loc(axis)
        ref = ListRef(
            "recommendation", f"axis:{axis.id}", axis_file, ("recommendations",), "text", True
        )
        for rec in axis.recommendations:
            item(rec, ref, "recommendation")
        out[_key(axis.id)] = Origin(
            FIELD,
            Said(N_("title of axis {id}"), id=axis.id),
            axis_file,
            axis_line,
            axis.id,
            path=("title",),
            prefix=adapter.axis_prefix(index),
        )
    for meeting in cons.meetings:
        file, line = _loc(meeting)
        out[_key(meeting.id)] = Origin(
            FIELD,
            Said(N_("meeting {id}"), id=meeting.id),
            file,
            line,
            meeting.id,
            cells=[
                Origin(
                    FIELD,
                    Said(N_("city of meeting {id}"), id=meeting.id),
                    file,
                    line,
                    path=("city",),
                ),
                Origin(
                    FIELD,
                    Said(N_("region of meeting {id}"), id=meeting.id),
                    file,
                    line,
                    path=("region",),
                ),
                Origin(
                    GENERATED,
                    Said(N_("date of meeting {id}"), id=meeting.id),
                    file,
                    line,
                    data=Said(
                        N_("written by the build from `date: {date}` in {file}"),
                        date=meeting.date,
                        file=file,
                    ),
                ),
            ],
        )
    out[_key(cons.id)] = Origin(
        FIELD,
        Said(N_("title of the consultations")),
        cons_file,
        cons_line,
        cons.id,
        path=("title",),
    )
    for suffix in ("__gp1", "__gp2"):
        out[_key(cons.id, suffix)] = Origin(
            GENERATED,
            Said(N_("general presentation paragraph on the consultations")),
            data=PRESENTATION_DATA,
        )
    return out


def annex_fields(sources) -> list[tuple[str, Origin]]:
    """Unbookmarked annex paragraphs that hold a source field: (value, origin)."""
    cons = sources.consultations
    file, line = _loc(cons)
    return [
        (
            cons.context_heading,
            Origin(FIELD, Said(N_("context heading")), file, line, path=("context", "heading")),
        ),
        (
            cons.outcomes_heading,
            Origin(FIELD, Said(N_("outcomes heading")), file, line, path=("outcomes", "heading")),
        ),
        (
            cons.outcomes_intro,
            Origin(FIELD, Said(N_("outcomes intro")), file, line, path=("outcomes", "intro")),
        ),
    ]


def assign(sources, built, template_draft) -> dict[int, Origin]:
    """The origin of each body block of a built draft, by block index."""
    idents = by_identity(sources)
    fields = annex_fields(sources)
    out: dict[int, Origin] = {}
    annex_start = _annex_start(built, sources)
    for block in built.body[annex_start:]:
        origin = idents.get(block.ident) if block.ident else None
        if origin is None:
            origin = _unbookmarked(block, fields)
        out[block.index] = origin
    for block in built.body[:annex_start]:
        if block.ident and block.ident in idents:
            out[block.index] = idents[block.ident]
    if template_draft is not None:
        _template(built.body[:annex_start], template_draft, out, sources)
    return out


def _annex_start(built, sources) -> int:
    subtitle = _key(sources.consultations.id)
    for block in built.body:
        if block.ident == subtitle:
            return max(block.index - 1, 0)
    return len(built.body)


def _unbookmarked(block, fields: list[tuple[str, Origin]]) -> Origin:
    text = block.text.strip()
    for value, origin in fields:
        if text == value:
            return origin
        if block.heading and text.endswith("- " + value):
            return Origin(**{**origin.__dict__, "prefix": text[: -len(value)]})
    return Origin(
        GENERATED,
        Said(N_("text the build writes itself in the annex")),
        data=Said(
            N_(
                "a heading, caption or phrase the build writes in every annex; it is in "
                "neither the sources nor the template"
            )
        ),
    )


def _template(blocks, template_draft, out: dict[int, Origin], sources) -> None:
    """Pair the built blocks before the annex with the template's paragraphs, in order."""
    mine = [b for b in blocks if b.index not in out]
    theirs = [b for b in template_draft.body if not _block_slot(b.text)]
    if len(mine) != len(theirs):
        for b in mine:
            out[b.index] = Origin(
                GENERATED,
                Said(N_("text that could not be traced to the template")),
                data=Said(N_("the template and the built draft do not line up here")),
            )
        return
    report = sources.report
    file, line = _loc(report)
    for built_block, template_block in zip(mine, theirs, strict=True):
        text = template_block.text
        if "{{" not in text:
            out[built_block.index] = Origin(
                TEMPLATE, Said(N_("template text")), template_block=template_block
            )
        elif text.strip().replace(" ", "") == "{{title}}":
            out[built_block.index] = Origin(
                FIELD, Said(N_("title of the report")), file, line, path=("title",)
            )
        else:
            out[built_block.index] = Origin(
                TEMPLATE,
                Said(N_("template text with fields filled in")),
                data=Said(
                    N_(
                        "the template's own words around values filled in from {file} "
                        "({slots}): edit the words, or the values in that file"
                    ),
                    file=file,
                    slots=", ".join(dict.fromkeys(_SLOT_NAME.findall(text))),
                ),
                template_block=template_block,
                filled=text,
            )


def _block_slot(text: str) -> bool:
    bare = text.strip().replace(" ", "")
    return bare in ("{{participatory_process}}", "{{annex}}")


_SLOT = re.compile(r"\{\{\s*[A-Za-z_][A-Za-z0-9_]*\s*\}\}")
_SLOT_NAME = re.compile(r"\{\{\s*([A-Za-z_][A-Za-z0-9_]*)\s*\}\}")


def unfill(template_text: str, built: str, edited: str) -> str | None:
    """The template text for an edited paragraph whose {{ slots }} the build filled in:
    the reviewer's words around the filled-in values, the slots back in their place.
    None if a filled-in value itself was edited (it belongs to the sources)."""
    slots = _SLOT.findall(template_text)
    literals = _SLOT.split(template_text)
    found = re.fullmatch("(.*?)".join(re.escape(x) for x in literals), built, re.DOTALL)
    if found is None:
        return None
    values = found.groups()
    pattern = "(.*?)" + "".join(re.escape(v) + "(.*?)" for v in values)
    again = re.fullmatch(pattern, edited, re.DOTALL)
    if again is None:
        return None
    pieces = again.groups()
    out = pieces[0]
    for slot, piece in zip(slots, pieces[1:], strict=True):
        out += slot + piece
    return out


def strip_separator(text: str) -> str:
    return text.rstrip().rstrip(SEPARATORS)


def source_value(origin: Origin, shown: str) -> str | None:
    """The source value a paragraph's text stands for, or None if its decoration is gone."""
    if origin.prefix:
        if not shown.startswith(origin.prefix):
            return None
        shown = shown[len(origin.prefix) :]
    if origin.ref is not None and origin.ref.separated:
        shown = strip_separator(shown)
    return shown
