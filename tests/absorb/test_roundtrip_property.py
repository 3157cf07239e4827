"""A property-based round trip over reviewer edits (issue 17): rewordings, deletions,
insertions, moves, splits and merges of recommendations, in Word's markup (tracked or
not) and through LibreOffice's own API (change recording on or off), on the report or
the standalone annex, absorbed with the tracked changes accepted or, with
--only-accepted, left pending (rejected). For each case:

- absorb exits 0 (everything absorbed) or 1 (something reported), never anything else;
- a build of the absorbed sources diffs identical to the draft as absorb read it (its
  accepted or its rejected view), but for what the build composes (the count of
  recommendations in para. 3, list separators) and for paragraphs absorb reported as
  not absorbed (their text is in one of its "not absorbed" entries): nothing is
  silently written wrong;
- items no edit touched keep every byte.

Cases: CMWREPORT_FUZZ_EXAMPLES for the Word markup (default 25, under a second each:
the commands run in this process), and one in 25 of it, at least 1, for LibreOffice
(a session of its own per case, some 20 s).
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path
from types import SimpleNamespace

import pytest
import yaml
from docx.oxml.ns import qn

from cmwreport.contract import bookmark_name, identity_of
from tests import drafts as d
from tests.absorb import edits as e
from tests.absorb import word_edits as we
from tests.absorb.test_identity import all_items, lo_review
from tests.absorb.workspace import Workspace
from tests.fuzz.harness import examples, run

hypothesis = pytest.importorskip("hypothesis")
st = hypothesis.strategies

#: Seconds one command of a case may take (the machine may be shared).
LIMIT = 120.0
OPS = ("reword", "delete", "move", "insert", "split", "merge")
SETTINGS = {
    "deadline": None,
    # No shrinking: a LibreOffice case costs a session; the drawn case is printed.
    "phases": (hypothesis.Phase.explicit, hypothesis.Phase.generate),
    "derandomize": True,
    "suppress_health_check": [
        hypothesis.HealthCheck.too_slow,
        hypothesis.HealthCheck.function_scoped_fixture,
    ],
}


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


def _second_word(frag: str) -> str:
    words = frag.split()
    return words[1] if len(words) > 1 and frag.count(words[1]) == 1 else words[0]


def _word_edit(op: str, tracked: bool, frag: str, other: str, n: int, merged: list):
    first = frag.split()[0]
    rid = 8000 + 10 * n
    if op == "reword":
        return we.reword(frag, first, "عدّل", rid=rid) if tracked else (
            d.change_word(frag, frag.replace(first, "عدّل", 1))
        )  # fmt: skip
    if op == "delete":
        return we.delete_paragraph(frag, rid=rid) if tracked else d.delete_paragraph(frag)
    if op == "move":
        if tracked:
            return we.move_paragraph(frag, other, name=f"move{n}", rid=rid)
        return d.move_paragraph(frag, other)
    if op == "split":
        return we.split_paragraph(frag, _second_word(frag), tracked, rid=rid)
    if op == "merge":
        merge = we.merge_with_next(frag, tracked, rid=rid)

        def edit(doc) -> None:
            # The item of the paragraph it is merged with is touched too.
            following = d._paragraph(doc, frag).getnext()
            if following is not None:  # its bookmarks, read before they move
                merged.extend(bm.get(qn("w:name")) for bm in following.iter(qn("w:bookmarkStart")))
            merge(doc)

        return edit
    return lambda doc: e.insert_after(d._paragraph(doc, frag), f"توصية جديدة رقم {n + 1}")


def _lo_edit(op: str, frag: str, other: str, n: int) -> list:
    first = frag.split()[0]
    return {
        "reword": ["replace", frag, frag.replace(first, "عدّل", 1)],
        "delete": ["delete", frag],
        "move": ["move", frag, other],
        "insert": ["insert", frag, f"توصية جديدة رقم {n + 1}"],
        "split": ["split", frag, _second_word(frag)],
        "merge": ["merge", frag],
    }[op]


def _draw_case(data, recs, lo: bool):
    """[(op, tracked, item id, fragment, other fragment)], the draft kind, pending."""
    count = data.draw(st.integers(1, 3 if lo else 4), label="edits")
    chosen = data.draw(
        st.lists(st.integers(0, len(recs) - 1), min_size=count, max_size=count, unique=True),
        label="recommendations",
    )
    others = [i for i in range(len(recs)) if i not in chosen]
    case = []
    for n, index in enumerate(chosen):
        op = data.draw(st.sampled_from(OPS), label=f"op {n}")
        tracked = data.draw(st.booleans(), label=f"tracked {n}") and op != "insert"
        other = recs[data.draw(st.sampled_from(others), label=f"to {n}")][1]
        case.append((op, tracked, *recs[index], other))
    which = data.draw(st.sampled_from(("report", "annex")), label="draft")
    pending = any(c[1] for c in case) and data.draw(st.booleans(), label="left pending")
    return case, which, pending


def _merged_ids(names, ids) -> set[str]:
    """The items whose identity bookmarks the paragraphs merged into another held."""
    by_identity = {identity_of(bookmark_name(i)): i for i in ids}
    found = {identity_of(name or "") for name in names}
    return {by_identity[f] for f in found if f in by_identity}


def _reported(stdout: str) -> list[str]:
    """The texts of absorb's "not absorbed" entries (before, after, data)."""
    out, inside = [], False
    for line in stdout.splitlines():
        if line.startswith("not absorbed: "):
            inside = True
            out.append(line)
        elif inside and line.startswith("  "):
            out.append(line)
        else:
            inside = False
    return out


def _rebuild_diff(ws: Workspace, view: Path, which: str) -> list[dict]:
    """In this process (a subprocess per command tripled a case's time)."""
    out = ws.root / "rebuilt"
    built = run("build", ws.sources, "-t", ws.template, "-o", out, limit=LIMIT)
    assert built.code == 0, built.err
    name = "CMW-C-MAR-2.docx" if which == "report" else "CMW-C-MAR-2-annex.docx"
    diffed = run("diff", view, out / name, "--format", "json", limit=LIMIT)
    assert diffed.code in (0, 1), diffed.err
    return json.loads(diffed.out)["changes"]


def _check(ws: Workspace, draft: Path, which: str, pending: bool, touched: set[str], before):
    flags = ["--only-accepted"] if pending else []
    absorbed = run("absorb", draft, *flags, "-s", ws.sources, "-t", ws.template, limit=LIMIT)
    proc = SimpleNamespace(returncode=absorbed.code, stdout=absorbed.out, stderr=absorbed.err)
    said = proc.stdout + proc.stderr
    assert proc.returncode in (0, 1), said
    assert "Traceback" not in proc.stderr
    if "the sources would not validate: nothing was written" in proc.stdout:
        # Refused whole, with the validation errors shown: nothing may have changed.
        assert proc.returncode == 1 and all_items(ws) == before, said
        return
    view = d.resolve_revisions(draft, ws.root / "view.docx", accept=False) if pending else draft
    changes = _rebuild_diff(ws, view, which)
    reported = "\n".join(_reported(proc.stdout))

    def bare(text: str | None) -> str:
        return (text or "").rstrip("؛. ")

    # A new item the draft shows with the identity of the paragraph it was split from
    # is paired by diff as removed + added when only the separator differs.
    removed = {bare(c["old_text"]) for c in changes if c["kind"] == "removed"}
    added = {bare(c["new_text"]) for c in changes if c["kind"] == "added"}

    def explained(c) -> bool:
        if c.get("old_number") == "3" == c.get("new_number"):
            return "note: para. 3 is generated from" in proc.stdout
        old, new = c["old_text"] or "", c["new_text"] or ""
        if c["kind"] == "changed" and bare(old) == bare(new):
            return True  # the build's list separators (docs/absorb.md)
        if (c["kind"], bare(old or new)) in {("removed", a) for a in added} | {
            ("added", r) for r in removed
        }:
            return True
        return bool(reported) and any(t.strip() and t.strip() in reported for t in (old, new))

    assert [c for c in changes if not explained(c)] == [], said
    assert (proc.returncode == 1) == bool(reported), said
    after = all_items(ws)
    by_id = {k.split(":", 1)[1]: v for k, v in after.items()}
    untouched = [k for k in before if k.split(":", 1)[1] not in touched]
    assert untouched  # the loop below checks something
    for key in untouched:
        assert by_id.get(key.split(":", 1)[1]) == before[key], key


def _workspace(built: Workspace, tmp_path_factory) -> Workspace:
    root = tmp_path_factory.mktemp("case") / "ws"
    shutil.copytree(built.root, root)
    return Workspace(root)


@hypothesis.settings(max_examples=examples(25), **SETTINGS)
@hypothesis.given(data=st.data())
def test_word_markup_round_trip(built, tmp_path_factory, data):
    ws = _workspace(built, tmp_path_factory)
    recs = recommendations(ws)
    case, which, pending = _draw_case(data, recs, lo=False)
    merged: list = []
    edits = [_word_edit(op, t, frag, other, n, merged) for n, (op, t, _i, frag, other) in
             enumerate(case)]  # fmt: skip
    before = all_items(ws)
    src = ws.report if which == "report" else ws.annex
    draft = d.edited(src, ws.root / "edited.docx", *edits)
    ids = {k.split(":", 1)[1] for k in before}
    touched = {c[2] for c in case} | _merged_ids(merged, ids)
    _check(ws, draft, which, pending, touched, before)


@pytest.mark.libreoffice
@hypothesis.settings(max_examples=max(1, examples(25) // 25), **SETTINGS)
@hypothesis.given(data=st.data())
def test_libreoffice_round_trip(built, tmp_path_factory, data):
    ws = _workspace(built, tmp_path_factory)
    recs = recommendations(ws)
    case, which, pending = _draw_case(data, recs, lo=True)
    steps = []
    for n, (op, tracked, _i, frag, other) in enumerate(case):
        steps += [["track", tracked], _lo_edit(op, frag, other, n)]
    before = all_items(ws)
    src = ws.report if which == "report" else ws.annex
    draft = lo_review(src, ws.root / "edited.docx", *steps)
    touched = {c[2] for c in case}
    # A merge joins the next recommendation: touched too (annex order).
    order = [i for i, _f in recs]
    for op, _t, item_id, _f, _o in case:
        if op == "merge" and order.index(item_id) + 1 < len(order):
            touched.add(order[order.index(item_id) + 1])
    _check(ws, draft, which, pending, touched, before)
