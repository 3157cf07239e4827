"""absorb, start to finish: check the fingerprint, build afresh, pair, plan, apply in
memory, validate a copy, and hand back what would be written and what was not absorbed.

Nothing is written here: the command writes `Result.files` (atomically) or shows
them as a diff; so a failure anywhere leaves every file as it was.
"""

from __future__ import annotations

import shutil
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

from cmwreport.absorb import adapter, looks, origins, plan, source_edit, template_edit
from cmwreport.absorb.plan import Unabsorbed
from cmwreport.build import provenance
from cmwreport.errors import CmwError


class Stale(CmwError):
    """The sources or the template changed since the draft was built (exit 2)."""


@dataclass
class Options:
    sources: Path
    template: Path
    only_accepted: bool = False
    force: bool = False


@dataclass
class Result:
    draft_kind: str = "report"
    files: dict[Path, bytes] = field(default_factory=dict)
    done: list[str] = field(default_factory=list)
    unabsorbed: list[Unabsorbed] = field(default_factory=list)
    comments: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    #: Validation errors of the sources as absorb would leave them (nothing written).
    invalid: list[str] = field(default_factory=list)
    accepted: int = 0
    pending_left_out: int = 0


def run(draft_path: Path, options: Options) -> Result:
    result = Result()
    if not options.template.is_file():
        raise CmwError(f"{options.template}: no such template; give it with --template")
    if not options.sources.is_dir():
        raise CmwError(f"{options.sources}: no such folder of sources; give it with --sources")
    draft = adapter.read(draft_path)  # first: a missing or corrupt draft says so
    if options.only_accepted:
        draft, result.pending_left_out = adapter.read_rejected(draft_path)
    else:
        result.accepted = adapter.tracked_count(draft)
    sources = adapter.load(options.sources)
    recorded = provenance.read(draft_path)
    conflicts = _check_fingerprint(draft_path, recorded, options, result)

    built = adapter.build(sources, options.template)
    report = adapter.read(built.report, "built-report")
    annex = adapter.read(built.annex, "built-annex")
    result.draft_kind = _which(draft, report, annex)
    base = report if result.draft_kind == "report" else annex
    template_draft = adapter.read(options.template) if result.draft_kind == "report" else None

    origin_of = origins.assign(sources, base, template_draft)
    pairs = adapter.body_pairs(base, draft)
    the_plan = plan.make(pairs, origin_of, base.body, draft.held)
    _elsewhere(base, draft, the_plan)
    the_plan.unabsorbed += looks.unabsorbed(pairs, base, draft, origin_of, the_plan)
    if conflicts:
        _hold_conflicts(the_plan, conflicts, options, result)

    result.notes += _generated_follow(the_plan, base, origin_of)
    applied = source_edit.apply(the_plan, _all_ids(sources))
    result.files.update(applied.files)
    result.done += applied.done
    if template_draft is not None and the_plan.template:
        edited = template_edit.apply(
            options.template, template_draft.package, template_draft.main_part, the_plan.template
        )
        result.done += edited.done
        the_plan.unabsorbed += edited.unabsorbed
        if edited.data is not None and edited.done:
            result.files[options.template] = edited.data
    result.unabsorbed = the_plan.unabsorbed
    result.comments = _comments(draft, pairs, origin_of)
    if any(p.suffix in provenance.YAML_SUFFIXES for p in result.files):
        result.invalid = _validate(options.sources, result.files)
    return result


def _check_fingerprint(draft_path: Path, recorded, options: Options, result: Result) -> set[str]:
    """Files changed since the build ("template" for the template); Stale unless --force."""
    if recorded is None:
        result.notes.append(
            "the draft records no build fingerprint (built by an older cmwreport, or the "
            "property was removed): absorb cannot tell whether the sources changed since"
        )
        return set()
    now = provenance.of(options.sources, options.template)
    changed = set(recorded.changed_files(now))
    if recorded.template != now.template:
        changed.add("template")
    if changed and not options.force:
        shown = ", ".join(sorted(changed))
        raise Stale(
            f"{draft_path}: built from other versions of {shown}; absorbing it would undo "
            "those changes: rebuild and have the edits made on the new draft, or use "
            "--force to absorb what does not conflict"
        )
    return changed


def _hold_conflicts(the_plan, conflicts: set[str], options: Options, result: Result) -> None:
    """With --force: edits to files changed since the build are reported, not made."""

    def conflicted(path: Path | None) -> bool:
        if path is None:
            return False
        try:
            rel = path.resolve().relative_to(options.sources.resolve()).as_posix()
        except ValueError:
            return False
        return rel in conflicts

    kept = []
    for edit in the_plan.text_edits:
        if conflicted(edit.origin.file):
            the_plan.unabsorbed.append(
                Unabsorbed(
                    edit.where,
                    edit.before,
                    edit.after,
                    f"conflict: {edit.origin.file} changed since the draft was built",
                    f"{edit.origin.label} at {edit.origin.file}:{edit.origin.line}",
                )
            )
        else:
            kept.append(edit)
    the_plan.text_edits = kept
    for group, (ref, _entries) in list(the_plan.changed_lists().items()):
        if conflicted(ref.file):
            the_plan.unabsorbed.append(
                Unabsorbed(
                    ref.file.as_posix(),
                    None,
                    None,
                    f"conflict: items of {ref.file} were removed, added or moved in the "
                    "draft, and the file changed since the draft was built",
                )
            )
            the_plan.lists[group] = (ref, [])
            the_plan.current[group] = []
    if "template" in conflicts and the_plan.template:
        for edit in the_plan.template:
            the_plan.unabsorbed.append(
                Unabsorbed(
                    edit.where,
                    edit.before or None,
                    edit.text or None,
                    f"conflict: {options.template} changed since the draft was built",
                )
            )
        the_plan.template = []


def _which(draft, report, annex) -> str:
    """Whether the draft is the report or the standalone annex: the closer in content."""
    mine = {b.text for b in draft.body}

    def closeness(other) -> float:
        theirs = {b.text for b in other.body}
        return len(mine & theirs) / max(len(mine | theirs), 1)

    return "annex" if closeness(annex) > closeness(report) else "report"


def _elsewhere(base, draft, the_plan) -> None:
    """Headers, footers and footnotes: template matters absorb leaves to Word."""
    for place, pairs in adapter.place_pairs(base, draft).items():
        for pair in pairs:
            if pair.kind == "equal":
                continue
            old, new = pair.old, pair.new
            the_plan.unabsorbed.append(
                Unabsorbed(
                    place,
                    old.text if old is not None else None,
                    new.text if new is not None else None,
                    "headers, footers and footnotes are not absorbed",
                    "make this change in the template with Word",
                )
            )


def _generated_follow(the_plan, base, origin_of) -> list[str]:
    """Generated paragraphs that list or count what absorbing changes (participants,
    meetings, axis titles, the number of recommendations): the draft still shows them
    as they were, the next build updates them."""

    def members(prefix: str) -> tuple[int, int]:
        before = sum(len(v) for g, v in the_plan.current.items() if g.startswith(prefix))
        after = sum(len(e) for g, (_r, e) in the_plan.lists.items() if g.startswith(prefix))
        return before, after

    recs = members("axis:")
    edited = {edit.origin.label.split(" ", 1)[0] for edit in the_plan.text_edits}
    first, second = [], []
    if "participants" in the_plan.changed_lists() or "participant" in edited:
        first.append("the participants")
    if edited & {"city", "region"}:
        first.append("the meetings")
    if "title" in edited and any(e.origin.prefix for e in the_plan.text_edits):
        second.append("the axis titles")
    if recs[0] != recs[1]:
        second.append(f"the number of recommendations ({recs[0]} in the draft, {recs[1]} after)")
    out = []
    for block in base.body:
        origin = origin_of.get(block.index)
        if origin is None or origin.data != origins.PRESENTATION_DATA or not block.ident:
            continue
        what = first if block.ident.endswith("gp1") else second
        if what:
            out.append(
                f"{plan.where(block)} is generated from {' and '.join(what)}, which absorbing "
                "changes: the next build updates it"
            )
    return out


def _all_ids(sources) -> set[str]:
    cons = sources.consultations
    ids = {cons.id}
    ids.update(p.id for p in cons.context)
    ids.update(p.id for p in cons.participants)
    ids.update(p.id for p in cons.programme)
    ids.update(m.id for m in cons.meetings)
    for axis in cons.axes:
        ids.add(axis.id)
        ids.update(r.id for r in axis.recommendations)
    return ids


def _comments(draft, pairs, origin_of) -> list[str]:
    """The draft's comments (the reader's, with the body block each is anchored in),
    each beside the source item or template paragraph of its block."""
    by_new = {pair.new.index: pair for pair in pairs if pair.new is not None}
    out = []
    for comment in draft.comments:
        pair = by_new.get(comment.host) if comment.host is not None else None
        if pair is None:
            continue
        origin = origin_of.get(pair.old.index) if pair.old is not None else None
        if origin is not None and origin.file is not None:
            place = f"{origin.file}:{origin.line}"
        elif origin is not None and origin.kind == origins.TEMPLATE:
            place = "template"
        else:
            place = "draft"
        label = origin.label if origin is not None else "new paragraph"
        at = plan.where(pair.new)
        out.append(f"{place}: comment by {comment.part or '?'} on {label} ({at}): {comment.text}")
    return out


def _validate(root: Path, files: dict[Path, bytes]) -> list[str]:
    """Errors of the sources with the new files in place, checked on a copy."""
    with tempfile.TemporaryDirectory(prefix="cmw-absorb-") as folder:
        copy = Path(folder) / "sources"
        shutil.copytree(root, copy, symlinks=True)
        for path, data in files.items():
            if path.suffix not in provenance.YAML_SUFFIXES:
                continue
            rel = path.resolve().relative_to(root.resolve())
            (copy / rel).write_bytes(data)
        out = []
        for d in adapter.errors_of(copy):
            file = str(d.file).replace(str(copy), str(root), 1)
            out.append(f"{file}:{d.line}:{d.column}: {d.code} {d.message}")
        return out
