"""sources/schema.py and model.py: each field declared once, the model generated from it."""

from __future__ import annotations

import dataclasses

import pytest

from cmwreport.sources import model, schema
from cmwreport.sources.load import load_sources
from tests.conftest import SOURCES


def attributes(cls) -> list[str]:
    return list(cls._compared)


def test_paragraphs_and_recommendations_are_one_class():
    sources = load_sources(SOURCES).sources
    paragraph = sources.consultations.context[0]
    recommendation = sources.consultations.axes[0].recommendations[0]
    assert type(paragraph) is type(recommendation) is model.TextItem


def test_each_class_has_the_fields_its_declaration_lists():
    assert attributes(model.Meeting) == [f.attribute for f in schema.MEETING.fields]
    assert attributes(model.Axis) == [f.attribute for f in schema.AXIS.fields]
    assert attributes(model.Report) == [f.attribute for f in schema.REPORT.fields]
    # Sections (context:, outcomes:) are lifted into the object that holds them.
    assert attributes(model.Consultations) == [
        "id", "state", "title", "observations", "observations_summary", "context_heading",
        "context",
        "participants", "programme", "outcomes_heading", "outcomes_intro", "axis_order",
        "axes", "meetings",
    ]  # fmt: skip


def test_a_field_added_to_a_declaration_reaches_the_model_and_the_loader(tmp_path):
    # What the document helper's `footnotes` on text items will be: one line in schema.py.
    spec = schema.record(
        "probe.yaml",
        "Probe",
        "A test-only kind of file.",
        schema.ID,
        schema.listof("footnotes", schema.Field("note", "text", "A footnote."), "Notes.", False),
    )
    cls = model._declare(spec)
    assert attributes(cls) == ["id", "footnotes"]
    from cmwreport.sources.convert import Converter
    from cmwreport.sources.yamlsafe import FileReader

    path = tmp_path / "probe.yaml"
    path.write_text('id: p\nfootnotes: ["حاشية"]\n', encoding="utf-8")
    diagnostics: list = []
    probe = Converter(str(path), diagnostics).convert(FileReader(path, str(path)).read(), spec)
    assert (probe.id, probe.footnotes, diagnostics) == ("p", ["حاشية"], [])
    assert probe.at("footnotes").line == 2


def test_meetings_by_date_and_axes_in_the_listed_order():
    cons = load_sources(SOURCES).sources.consultations
    assert [m.date.isoformat() for m in cons.meetings] == sorted(
        m.date.isoformat() for m in cons.meetings
    )
    assert [a.id for a in cons.axes] == cons.axis_order


def test_generated_methods_behave_as_a_dataclass_s():
    # model.py writes __init__, __repr__ and __eq__ once for every class: the same
    # behaviour as those dataclasses would compile, compared with a real one.
    def same_field(name, default, factory):
        compared = name in model.TextItem._compared
        if factory is not None:
            made = dataclasses.field(default_factory=factory, compare=compared)
        else:
            made = dataclasses.field(default=default, compare=compared)
        made.repr = name in model.TextItem._shown
        return (name, object, made)

    plain = dataclasses.make_dataclass(
        "TextItem", [same_field(*f) for f in model.TextItem._defaults], kw_only=True
    )
    ours = model.TextItem(id="a-1", text="نص")
    theirs = plain(id="a-1", text="نص")
    assert repr(ours) == repr(theirs)
    assert [getattr(ours, f.name) for f in dataclasses.fields(plain)] == [
        getattr(theirs, f.name) for f in dataclasses.fields(plain)
    ]
    assert ours.positions == {} and ours.positions is not model.TextItem().positions
    assert ours == model.TextItem(id="a-1", text="نص", loc=model.Loc("f.yaml", 1, 1))
    assert ours != model.TextItem(id="a-2", text="نص")
    assert ours.__eq__(theirs) is NotImplemented
    with pytest.raises(TypeError, match="unexpected keyword argument 'colour'"):
        model.TextItem(colour="red")
    with pytest.raises(TypeError, match="unhashable"):
        hash(ours)
    looping = model.TextItem(id="a-1")
    looping.footnotes = [looping]
    assert "footnotes=[...]" in repr(looping)


def test_values_compare_hash_and_order_as_the_frozen_dataclasses_they_were():
    # Diagnostic, Loc and Field are plain classes (validate imports no dataclasses):
    # sorted, deduplicated, compared and shown as `@dataclass(frozen=True, order=True)`.
    from cmwreport.diagnostics import Diagnostic

    names = ("file", "line", "column", "code", "severity", "message")
    real = dataclasses.make_dataclass(
        "Diagnostic", [(n, object) for n in names], frozen=True, order=True
    )
    rows = [
        ("b.yaml", 2, 1, "T507", "warning", "x"),
        ("a.yaml", 10, 3, "C004", "error", "y"),
        ("a.yaml", 2, 7, "S101", "error", "z"),
        ("a.yaml", 2, 7, "S101", "error", "z"),
        ("a.yaml", 2, 7, "C003", "error", "z"),
    ]
    ours = sorted(set(Diagnostic(*row) for row in rows))
    theirs = sorted(set(real(*row) for row in rows))
    assert [repr(d) for d in ours] == [repr(d) for d in theirs] and len(ours) == 4
    assert Diagnostic(*rows[0]) == Diagnostic(*rows[0]) != Diagnostic(*rows[1])
    assert hash(Diagnostic(*rows[0])) == hash(real(*rows[0]))
    assert Diagnostic(*rows[0]).__eq__(real(*rows[0])) is NotImplemented
    with pytest.raises(AttributeError):
        Diagnostic(*rows[0]).line = 3  # type: ignore[misc]
    loc = model.Loc("f.yaml", 1, 2)
    assert {loc, model.Loc("f.yaml", 1, 2)} == {loc} and repr(loc) == (
        "Loc(file='f.yaml', line=1, column=2)"
    )
    field = schema.Field("x", "text", "A text.")
    assert field == schema.Field("x", "text", "A text.", True) and hash(field) == hash(
        schema.Field("x", "text", "A text.")
    )
    with pytest.raises(AttributeError):
        field.name = "y"  # type: ignore[misc]
