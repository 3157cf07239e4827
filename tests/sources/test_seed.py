"""The shipped sources hold the 2022 consultations' summary without losing a word."""

from __future__ import annotations

import re
import unicodedata

import pytest

from cmwreport.sources.load import load_sources
from cmwreport.sources.schema import FILE_KINDS, Field
from tests.conftest import ROOT, SEED, SHARED_SEED, SOURCES


def seed_lines() -> list[str]:
    return [line.strip() for line in SEED.read_text(encoding="utf-8").split("\n") if line.strip()]


def parse_seed() -> dict:
    lines = seed_lines()
    axes: list[tuple[str, list[str]]] = []
    headings, paragraphs = [], []
    for line in lines:
        if line.startswith("[image:"):
            continue
        heading = re.fullmatch(r"(\d)- (.+):", line)
        if heading:
            axes.append((heading[2], []))
        elif line.startswith("· "):
            axes[-1][1].append(line[2:].strip())
        elif not line.endswith((".", ":")):
            headings.append(line)
        else:
            paragraphs.append(line)
    return {"headings": headings, "paragraphs": paragraphs, "axes": axes}


@pytest.fixture(scope="module")
def model():
    result = load_sources(SOURCES)
    assert result.sources is not None, result.diagnostics
    return result.sources.consultations


def test_the_repository_seed_is_the_shared_one():
    if not SHARED_SEED.exists():
        pytest.skip("no shared/ beside this checkout")
    assert SEED.read_bytes() == SHARED_SEED.read_bytes()


def test_seed_structure_is_what_we_expect():
    seed = parse_seed()
    assert [len(recs) for _title, recs in seed["axes"]] == [5, 10, 6, 5]
    assert len(seed["headings"]) == 4  # state, title, context, outcomes


def test_every_heading_is_verbatim(model):
    seed = parse_seed()
    state, title, context, outcomes = seed["headings"]
    assert (model.state, model.title) == (state, title)
    assert (model.context_heading, model.outcomes_heading) == (context, outcomes)
    assert [axis.title for axis in model.axes] == [title for title, _ in seed["axes"]]


def test_every_paragraph_is_verbatim(model):
    ours = [p.text for p in model.context] + [p.text for p in model.programme]
    ours.append(model.outcomes_intro)
    assert ours == parse_seed()["paragraphs"]


def test_every_recommendation_is_verbatim_and_in_order(model):
    for axis, (_title, seed_recs) in zip(model.axes, parse_seed()["axes"], strict=True):
        # The seed ends each item with the list separator, the last with a full stop.
        expected = [rec[:-1].rstrip() for rec in seed_recs]
        assert [r.text for r in axis.recommendations] == expected
        assert all(rec[-1] == "؛" for rec in seed_recs[:-1]) and seed_recs[-1][-1] == "."


def test_participants_and_meetings_come_from_the_seed(model):
    text = SEED.read_text(encoding="utf-8")
    for participant in model.participants:
        assert participant.name in text
    for topic in model.programme[1].topics:
        assert topic in text
    for meeting in model.meetings:
        assert meeting.city in text
        assert f"{meeting.weekday} {meeting.date.day} " in text


def test_sources_are_nfc_without_presentation_forms():
    for path in SOURCES.rglob("*.yaml"):
        text = path.read_text(encoding="utf-8")
        assert unicodedata.is_normalized("NFC", text), path
        assert not re.search("[\ufb50-\ufdff\ufe70-\ufeff]", text), path


def _fields(spec: Field, prefix: str = ""):
    for field in spec.fields:
        yield field.name
        if field.type == "map":
            yield from _fields(field)
        if field.type == "list" and field.item and field.item.type == "map":
            yield from _fields(field.item)


def test_source_format_documents_every_field():
    doc = (ROOT / "docs" / "source-format.md").read_text(encoding="utf-8")
    for kind, spec in FILE_KINDS.items():
        assert f"`{spec.name}`" in doc, kind
        for name in _fields(spec):
            assert f"`{name}`" in doc, f"{kind}: field {name} is not documented"
