"""A long draft and its build leave their trees once read (absorb/engine.py `_slim`: their
plain paragraphs kept as bytes, draft/detach.py), so that two long trees are never held
at once. What absorb plans and would write must be the same as when both trees are
whole: every file's bytes, every line it says, every edit it reports not absorbed."""

from __future__ import annotations

from pathlib import Path

import pytest

from cmwreport.absorb import engine
from cmwreport.draft import detach
from tests import drafts as d
from tests.absorb.test_looks import DECRIMINALISE, HARMONISE, word_bold
from tests.absorb.workspace import Workspace

PLACEHOLDER = "[نص يحرره فريق الصياغة]: الرد على الفقرة 2"


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
    }


def _result(draft, ws: Workspace) -> tuple:
    result = engine.run(draft, engine.Options(ws.sources, ws.template))
    files = {str(path): data for path, data in result.files.items()}
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
    slim = _result(draft, ws)

    # The reviewed draft and the build were both taken out of their trees.
    assert len(detached) == 2 and all(n > 50 for n in detached), detached
    assert slim == whole
    # Not a comparison of two empty answers: each case writes what it is about.
    kind, files, done = whole[:3]
    assert kind == "report"
    assert sorted(Path(f).name for f in files) == _WRITES[case]
    assert len(done) == len(_WRITES[case])
    if case == "reworded-and-bold":
        assert "bold added: «الحماية الفعلية»" in whole[3][0]


_WRITES = {
    "reworded-and-bold": ["legal-framework.yaml"],
    "template-paragraph-added": ["template.docx"],
    "moved-and-deleted": ["legal-framework.yaml", "template.docx"],
}
