"""A draft built from other versions of the sources or the template: a no-op when it
shows no edit, refused without --force, and with --force its edits to the changed
files judged item by item (absorb/per_item.py) where the draft records its items as
built, the rest per file: reported as conflicts, not made."""

from __future__ import annotations

from pathlib import Path

from cmwreport.absorb import origins, per_item
from cmwreport.absorb.plan import Entry, Unabsorbed
from cmwreport.build import item_record
from cmwreport.errors import CmwError
from cmwreport.i18n import _, ngettext


class Stale(CmwError):
    """The sources or the template changed since the draft was built (exit 2)."""


def judge(path: Path, conflicts: set[str], read, the_plan, options, result) -> None:
    """`read`: the fresh build, the draft and their pairs."""
    spared = _judge_items(path, conflicts, read, the_plan, options, result)
    _stale(path, conflicts, the_plan, options, result, spared)


def _stale(path: Path, conflicts: set[str], the_plan, options, result, spared) -> None:
    """A draft built from other versions of the sources: nothing to do if it shows no
    edit (its edits were absorbed already: a no-op); else refused, or with --force its
    edits to the changed files reported as conflicts."""
    edits = the_plan.text_edits or the_plan.changed_lists() or the_plan.template
    edits = edits or the_plan.notes
    if not edits:
        # Generated prose shows the data of the sources it was built from.
        the_plan.unabsorbed = [u for u in the_plan.unabsorbed if not u.generated]
        result.notes.append(
            _(
                "{path}: built from other versions of {files}, and it shows no edit "
                "that is not in the sources already: nothing to absorb",
                path=path,
                files=", ".join(sorted(conflicts)),
            )
        )
        return
    if not options.force:
        shown = ", ".join(sorted(conflicts))
        raise Stale(
            _(
                "{path}: built from other versions of {files}; absorbing it would undo "
                "those changes: rebuild and have the edits made on the new draft, or "
                "use --force to absorb what does not conflict",
                path=path,
                files=shown,
            )
        )
    _hold_conflicts(the_plan, conflicts, options, result, spared)


def _judge_items(path: Path, conflicts, read, the_plan, options, result):
    """With --force, and a draft that records its items as built: the edits to changed
    files judged item by item (absorb/per_item.py); what is left is judged per file."""
    if not options.force:
        return per_item.Judged()
    record = item_record.read(path)
    if record is None:
        result.notes.append(
            _(
                "{path}: the draft does not record its items as built (built by an older "
                "cmwreport, or the record was removed): every edit to a file changed "
                "since the build is reported as a conflict, whether or not the reviewer "
                "made it",
                path=path,
            )
        )
        return per_item.Judged()
    judged = per_item.judge(record, *read, the_plan, _conflicted(conflicts, options))
    if judged.untouched:
        result.notes.append(
            ngettext(
                "{path}: {n} item changed in the sources since the build is shown as "
                "built in the draft: it keeps the sources' text",
                "{path}: {n} items changed in the sources since the build are shown as "
                "built in the draft: they keep the sources' text",
                judged.untouched,
                path=path,
            )
        )
    return judged


def _conflicted(conflicts: set[str], options):
    def conflicted(path: Path | None) -> bool:
        if path is None:
            return False
        try:
            rel = path.resolve().relative_to(options.sources.resolve()).as_posix()
        except ValueError:
            return False
        return rel in conflicts

    return conflicted


def _hold_conflicts(the_plan, conflicts: set[str], options, result, spared) -> None:
    """With --force: edits to files changed since the build are reported, not made
    (but those judged item by item: `spared`)."""
    conflicted = _conflicted(conflicts, options)

    def held_list(group: str, ref) -> bool:
        return conflicted(ref.file) and group not in spared.groups

    kept = []
    for edit in the_plan.text_edits:
        if conflicted(edit.origin.file) and id(edit) not in spared.edits:
            the_plan.unabsorbed.append(
                Unabsorbed(
                    edit.where,
                    edit.before,
                    edit.after,
                    _(
                        "conflict: {file} changed since the draft was built",
                        file=edit.origin.file,
                    ),
                    _(
                        "{label} at {file}:{line}",
                        label=origins.shown(edit.origin.label),
                        file=edit.origin.file,
                        line=edit.origin.line,
                    ),
                )
            )
        else:
            kept.append(edit)
    the_plan.text_edits = kept
    for note_edit in [n for n in the_plan.notes if conflicted(n.origin.file)]:
        the_plan.notes.remove(note_edit)
        the_plan.unabsorbed.append(
            Unabsorbed(
                note_edit.where,
                " | ".join(note_edit.before) or None,
                " | ".join(note_edit.after) or None,
                _(
                    "conflict: {file} changed since the draft was built",
                    file=note_edit.origin.file,
                ),
                _("the footnotes of {label}", label=origins.shown(note_edit.origin.label)),
            )
        )
    # What the draft shows in the lists about to be held as built.
    shown_in_held = {
        e.item_id
        for group, (ref, entries) in the_plan.lists.items()
        if held_list(group, ref)
        for e in entries
        if e.item_id is not None
    }
    for group, (ref, _entries) in list(the_plan.changed_lists().items()):
        if held_list(group, ref):
            the_plan.unabsorbed.append(
                Unabsorbed(
                    ref.file.as_posix(),
                    None,
                    None,
                    _(
                        "conflict: items of {file} were removed, added or moved in the "
                        "draft, and the file changed since the draft was built",
                        file=ref.file,
                    ),
                )
            )
            the_plan.lists[group] = (ref, [Entry(i) for i in the_plan.current[group]])
    held = {g for g, (ref, _e) in the_plan.lists.items() if held_list(g, ref)}
    _keep_home(the_plan, held, shown_in_held)
    if "template" in conflicts and the_plan.template:
        for edit in the_plan.template:
            the_plan.unabsorbed.append(
                Unabsorbed(
                    edit.where,
                    edit.before or None,
                    edit.text or None,
                    _(
                        "conflict: {file} changed since the draft was built",
                        file=options.template,
                    ),
                )
            )
        the_plan.template = []


def _keep_home(the_plan, held: set[str], shown_in_held: set[str]) -> None:
    """An item moved between a list held as built (its file changed since the build)
    and another list stays where it is: neither removed from one nor added to the other."""
    home = {i: g for g, ids in the_plan.current.items() for i in ids}
    for group, (ref, entries) in the_plan.lists.items():
        if group in held:
            continue
        kept = [e for e in entries if e.item_id is None or home.get(e.item_id) not in held]
        present = {e.item_id for e in kept}
        for n, item_id in enumerate(the_plan.current.get(group, [])):
            if item_id not in present and item_id in shown_in_held:
                kept.insert(min(n, len(kept)), Entry(item_id))
        the_plan.lists[group] = (ref, kept)
