"""absorb's ways of holding less of a long report at once: a long draft and its build
leave their trees once read (absorb/engine.py `_slim`: their plain paragraphs kept as
bytes, draft/detach.py), and the sources' files are edited with one file's YAML nodes
held at a time (absorb/source_edit.py, `lean`). What absorb plans and would write must
be what it plans and writes holding everything: every file's bytes, every line it says,
every edit it reports not absorbed."""

from __future__ import annotations

from pathlib import Path

import pytest

from cmwreport.absorb import engine, source_edit
from cmwreport.draft import detach
from tests import drafts as d
from tests.absorb.test_looks import DECRIMINALISE, HARMONISE, word_bold
from tests.absorb.workspace import Workspace

PLACEHOLDER = "[نص يحرره فريق الصياغة]: الرد على الفقرة 2"
#: The first recommendation of the second axis (economic-social-cultural-rights).
EDUCATION = "مواصلة الجهود في مجال تعليم أبناء"


@pytest.fixture(scope="module")
def ws(tmp_path_factory) -> Workspace:
    return Workspace.make(tmp_path_factory.mktemp("slim"))


def _edits() -> dict[str, list]:
    return {
        # Reworded and formatted: the words absorbed, the bold reported, read from a
        # paragraph taken out of its tree and parsed again.
        "reworded-and-bold": [
            d.change_word("التسريع", "الإسراع"),
            word_bold(HARMONISE.replace("التسريع", "الإسراع"), "الحماية الفعلية"),
        ],
        # A paragraph typed into the template's text: copied into the template from the
        # draft, with its runs.
        "template-paragraph-added": [d.insert_paragraph(PLACEHOLDER, "فقرة جديدة يكتبها المراجع.")],
        # A recommendation moved and one deleted: lists rebuilt in the draft's order.
        "moved-and-deleted": [
            d.move_paragraph(HARMONISE, DECRIMINALISE),
            d.delete_paragraph(PLACEHOLDER),
        ],
        # Across axes: the later list takes an item from an earlier one, whose removal
        # is made; the earlier list takes one from a later one, and waits for it.
        "moved-to-a-later-axis": [
            d.move_paragraph(HARMONISE, EDUCATION),
            d.change_word("إلغاء تجريم", "إلغاء تجريم ومعاقبة"),
        ],
        "moved-to-an-earlier-axis": [
            d.move_paragraph(EDUCATION, DECRIMINALISE),
            d.insert_paragraph(DECRIMINALISE, "توصية جديدة يضيفها المراجع؛"),
        ],
    }


def _result(draft, ws: Workspace) -> tuple:
    result = engine.run(draft, engine.Options(ws.sources, ws.template))
    files = [(str(path), data) for path, data in result.files.items()]  # in order
    return (
        result.draft_kind,
        files,
        result.done,
        [repr(u) for u in result.unabsorbed],
        result.comments,
        result.notes,
        result.invalid,
        result.accepted,
    )


@pytest.mark.parametrize("case", sorted(_edits()))
def test_slimmed_drafts_plan_what_whole_ones_do(ws, tmp_path, case, monkeypatch):
    draft = d.edited(ws.report, tmp_path / f"{case}.docx", *_edits()[case])
    whole = _result(draft, ws)

    detached = []

    def counted(target) -> None:
        detach.detach_plain.__wrapped__(target)
        detached.append(sum(isinstance(b, detach.DetachedBlock) for b in target.body))

    counted.__wrapped__ = detach.detach_plain
    monkeypatch.setattr(detach, "detach_plain", counted)
    monkeypatch.setattr(engine, "_LONG", 0)  # every draft is long
    leaned = []
    edit = source_edit._apply

    def recorded(plan, all_ids, lean):
        leaned.append(lean)
        return edit(plan, all_ids, lean)

    monkeypatch.setattr(source_edit, "_apply", recorded)
    monkeypatch.setattr(source_edit, "_MANY", -1)  # every report is long
    slim = _result(draft, ws)

    # The reviewed draft and the build were both taken out of their trees, and the
    # sources were edited lean (not made again the usual way after an error).
    assert len(detached) == 2 and all(n > 50 for n in detached), detached
    assert leaned == [True]
    assert slim == whole
    # Lists that could make the same new id: each list's insertions wait for those
    # of the lists before it.
    monkeypatch.setattr(source_edit, "_apart", lambda groups, most: False)
    assert _result(draft, ws) == whole
    assert leaned == [True, True]
    # Not a comparison of two empty answers: each case writes what it is about.
    kind, files, done = whole[:3]
    assert kind == "report"
    assert sorted(Path(f).name for f, _data in files) == _WRITES[case]
    assert done
    if case == "reworded-and-bold":
        assert "bold added: «الحماية الفعلية»" in whole[3][0]


_WRITES = {
    "reworded-and-bold": ["legal-framework.yaml"],
    "template-paragraph-added": ["template.docx"],
    "moved-and-deleted": ["legal-framework.yaml", "template.docx"],
    "moved-to-a-later-axis": ["economic-social-cultural-rights.yaml", "legal-framework.yaml"],
    "moved-to-an-earlier-axis": ["economic-social-cultural-rights.yaml", "legal-framework.yaml"],
}


def test_lists_apart_never_make_the_same_new_id():
    """`_apart` lets a lean edit insert lists out of their order only when no two of them
    can make the same new id, whatever ids are taken."""
    groups = ["axis:a", "axis:a-1", "axis:a-11", "context", "participants", "programme"]
    most = 200
    assert source_edit._apart(groups, most)
    made = {}
    for group in groups:
        taken: set[str] = set()
        made[group] = set()
        for _n in range(most + 1):
            new = source_edit._new_id(group, taken)
            taken.add(new)
            made[group].add(new)
    for group in groups:
        others = set().union(*(made[g] for g in groups if g != group))
        assert not made[group] & others, group
    # Bases cut to fit the longest id can meet, and one base twice always does.
    assert not source_edit._apart(["axis:" + "x" * 32, "axis:" + "x" * 33], most)
    assert not source_edit._apart(["axis:a", "axis:a"], most)
    assert source_edit._new_id("axis:" + "x" * 32, {"x" * 32 + "-1"}) == "x" * 32 + "-2"
