"""A property-based round trip over reviewer edits (issue 17): rewordings, deletions,
insertions and moves of recommendations, tracked in Word's markup or not, in any
combination. For each: absorb exits 0, the items no edit touched keep every byte, and
a build of the absorbed sources diffs identical to the edited draft (but for what the
build composes: the count of recommendations in para. 3, and list separators)."""

from __future__ import annotations

import shutil

import pytest
import yaml

from tests import drafts as d
from tests.absorb import edits as e
from tests.absorb import word_edits as we
from tests.absorb.test_identity import all_items, rebuilt_as_edited
from tests.absorb.workspace import Workspace
from tests.fuzz.harness import examples

hypothesis = pytest.importorskip("hypothesis")
st = hypothesis.strategies


@pytest.fixture(scope="module")
def built(tmp_path_factory) -> Workspace:
    return Workspace.make(tmp_path_factory.mktemp("property") / "ws")


def recommendations(ws: Workspace) -> list[tuple[str, str]]:
    """(id, a fragment of its text found in no other paragraph), in annex order."""
    out = []
    for name in ("legal-framework", "economic-social-cultural-rights", "public-policies",
                 "training-awareness"):  # fmt: skip
        axis = yaml.safe_load((ws.sources / "axes" / f"{name}.yaml").read_text())
        out += [(r["id"], r["text"]) for r in axis["recommendations"]]
    texts = [t for _i, t in out]
    frags = []
    for item_id, text in out:
        n = 20
        while any(other != text and other.startswith(text[:n]) for other in texts):
            n += 5
        frags.append((item_id, text[:n]))
    return frags


OPS = ("reword", "delete", "move", "insert")


def _edit(op: str, tracked: bool, frag: str, other: str, n: int):
    first = frag.split()[0]
    if op == "reword":
        return we.reword(frag, first, "عدّل", rid=8000 + 10 * n) if tracked else (
            d.change_word(frag, frag.replace(first, "عدّل", 1))
        )  # fmt: skip
    if op == "delete":
        return we.delete_paragraph(frag, rid=8000 + 10 * n) if tracked else (
            d.delete_paragraph(frag)
        )  # fmt: skip
    if op == "move":
        if tracked:
            return we.move_paragraph(frag, other, name=f"move{n}", rid=8000 + 10 * n)
        return d.move_paragraph(frag, other)
    return lambda doc: e.insert_after(d._paragraph(doc, frag), f"توصية جديدة رقم {n + 1}")


@hypothesis.settings(
    max_examples=examples(6),
    deadline=None,
    derandomize=True,
    suppress_health_check=[hypothesis.HealthCheck.too_slow,
                           hypothesis.HealthCheck.function_scoped_fixture],
)  # fmt: skip
@hypothesis.given(data=st.data())
def test_absorb_then_build_gives_back_the_edited_draft(built, tmp_path_factory, data):
    ws_root = tmp_path_factory.mktemp("case") / "ws"
    shutil.copytree(built.root, ws_root)
    ws = Workspace(ws_root)
    recs = recommendations(ws)
    count = data.draw(st.integers(1, 4), label="edits")
    chosen = data.draw(
        st.lists(st.integers(0, len(recs) - 1), min_size=count, max_size=count, unique=True),
        label="recommendations",
    )
    edits, touched = [], set()
    for n, index in enumerate(chosen):
        op = data.draw(st.sampled_from(OPS), label=f"op {n}")
        tracked = data.draw(st.booleans(), label=f"tracked {n}")
        item_id, frag = recs[index]
        others = [i for i in range(len(recs)) if i not in chosen]
        other = recs[data.draw(st.sampled_from(others), label=f"to {n}")][1]
        edits.append(_edit(op, tracked and op != "insert", frag, other, n))
        touched.add(item_id)
    before = all_items(ws)
    draft = d.edited(ws.report, ws.root / "edited.docx", *edits)
    proc = ws.absorb(draft)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    after = all_items(ws)
    by_id = {k.split(":", 1)[1]: v for k, v in after.items()}
    for key, lines in before.items():
        item_id = key.split(":", 1)[1]
        if item_id not in touched:
            assert by_id.get(item_id) == lines, item_id
    rebuilt_as_edited(ws, draft, proc)
