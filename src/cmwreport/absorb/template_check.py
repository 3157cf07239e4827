"""The template as absorb would leave it is written only if the build would take it:
it is checked in memory as the build checks a template before merging (its slots,
the styles generated text uses); a reviewer's change that would break it (a required
slot's paragraph deleted, a stray `{{`) is found, reported with what the build says,
and left out; the others are written. (The merge itself cannot fail on a template
that passes these checks and sources that validate, which absorb checks apart; a
second full build would double absorb's time on a long report.)"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from cmwreport.absorb import adapter, template_edit
from cmwreport.absorb.plan import TemplateEdit, Unabsorbed
from cmwreport.i18n import _


def apply(template: Path, template_draft, edits: list[TemplateEdit]):
    """template_edit.apply, checked: an Outcome whose data builds (or None)."""
    edited = template_edit.apply(template, template_draft.package, template_draft.main_part, edits)
    if edited.data is None or not edited.done or not _problems(edited.package):
        return edited
    culprits = []
    for edit in edits:
        alone = _fresh(template, [edit])
        problems = _problems(alone.package) if alone.data and alone.done else []
        if problems:
            culprits.append((edit, problems))
    bad = {id(edit) for edit, _p in culprits}
    kept = _fresh(template, [e for e in edits if id(e) not in bad])
    if kept.data is not None and kept.done and _problems(kept.package):
        kept = template_edit.Outcome()  # together they still break it: none is written
        culprits = [(e, [_("together with the other template changes")]) for e in edits]
    kept.unabsorbed += [
        Unabsorbed(
            edit.where,
            edit.before or None,
            edit.text or None,
            _(
                "the template would no longer build after this change: {problem}",
                problem=problems[0],
            ),
            _("make it in {template} with Word, keeping the template's slots", template=template),
        )
        for edit, problems in culprits
    ]
    return kept


def _fresh(template: Path, edits: list[TemplateEdit]):
    """The edits applied to a fresh reading of the template (edits point at blocks of
    one reading, by index)."""
    fresh = adapter.read(template, "template")
    moved = [
        replace(e, block=fresh.body[e.block.index] if e.block is not None else None) for e in edits
    ]
    return template_edit.apply(template, fresh.package, fresh.main_part, moved)


def _problems(package) -> list[str]:
    """What the build would say of the template as written, checked on the package it
    was written from (its main part as edited, the others as read): no file, no parse."""
    from cmwreport.build.merge import TemplateProblem, require_buildable
    from cmwreport.errors import CmwError

    try:
        require_buildable(package, "the template")
    except TemplateProblem as exc:
        return list(exc.problems)
    except CmwError as exc:
        return [str(exc)]
    return []
