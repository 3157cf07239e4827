"""A declared field of a source file: what `schema.py` declares every field with."""

from __future__ import annotations

from cmwreport.plain import Frozen


class Field(Frozen):
    """One declared field (a frozen dataclass's behaviour, without dataclasses)."""

    __slots__ = (
        "name", "type", "doc", "required", "item", "fields", "choices", "minimum", "maximum",
        "attr", "cls", "inline",
    )  # fmt: skip
    _compared = __slots__

    name: str  # the key in the YAML file
    type: str  # one of SCALARS, or "list" or "map"
    doc: str
    required: bool
    item: Field | None  # a list's item
    fields: tuple[Field, ...]  # a map's fields
    choices: tuple[str, ...]
    minimum: int | None
    maximum: int | None
    #: The model's attribute, when it is not `name`.
    attr: str | None
    #: A map's model class (maps that share a class share one declaration).
    cls: str | None
    #: A map whose fields the model lifts into its parent (context.heading is
    #: Consultations.context_heading): a heading in the file, not an object in the build.
    inline: bool

    def __init__(
        self,
        name: str,
        type: str,
        doc: str,
        required: bool = True,
        item: Field | None = None,
        fields: tuple[Field, ...] = (),
        choices: tuple[str, ...] = (),
        minimum: int | None = None,
        maximum: int | None = None,
        attr: str | None = None,
        cls: str | None = None,
        inline: bool = False,
    ) -> None:
        self._set(
            name=name,
            type=type,
            doc=doc,
            required=required,
            item=item,
            fields=fields,
            choices=choices,
            minimum=minimum,
            maximum=maximum,
            attr=attr,
            cls=cls,
            inline=inline,
        )

    @property
    def attribute(self) -> str:
        return self.attr or self.name
