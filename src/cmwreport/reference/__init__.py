"""Reference data the checks and the build need, kept as YAML data files beside this module."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from importlib import resources


@dataclass(frozen=True)
class Reference:
    #: article number -> Part (Roman numeral)
    article_part: dict[int, str]
    #: Part -> (English title, Arabic title)
    parts: dict[str, tuple[str, str]]
    #: paragraph number of CMW/C/MAR/CO/1 -> (kind, subject)
    co_paragraphs: dict[int, tuple[str, str]]
    co_symbol: str


def _load(name: str) -> dict:
    import yaml

    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    text = resources.files(__package__).joinpath(name).read_text(encoding="utf-8")
    return yaml.load(text, Loader=loader)


@cache
def reference() -> Reference:
    convention = _load("convention.yaml")
    co = _load("co1.yaml")
    article_part = {}
    parts = {}
    for part in convention["parts"]:
        parts[part["part"]] = (part["title_en"], part["title_ar"])
        for article in part["articles"]:
            article_part[article] = part["part"]
    return Reference(
        article_part=article_part,
        parts=parts,
        co_paragraphs={p["number"]: (p["kind"], p["subject"]) for p in co["paragraphs"]},
        co_symbol=co["symbol"],
    )
