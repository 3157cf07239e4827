"""What changed in a paired block beside its words: field codes, link targets,
pictures and embedded objects (compared by the content of their part)."""

from __future__ import annotations

from cmwreport.draft.model import Block
from cmwreport.i18n import N_, _


def identity_key(block: Block) -> str:
    """The part of a block's comparison key that its text does not show."""
    if not (block.fields or block.links or block.objects):
        return ""
    objects = "\x1d".join(f"{what}:{digest}:{alt}" for what, digest, alt in block.objects)
    return "\x1e" + "\x1d".join(block.fields) + "\x1e" + "\x1d".join(block.links) + "\x1e" + objects


#: Each detail a whole sentence, so that a translator can make the noun and the verb
#: agree (Arabic and French give an image and a chart different genders).
_SAID = {
    ("field code", "changed"): N_("field code changed: {old} -> {new}"),
    ("field code", "removed"): N_("field code removed: {old}"),
    ("field code", "added"): N_("field code added: {new}"),
    ("link target", "changed"): N_("link target changed: {old} -> {new}"),
    ("link target", "removed"): N_("link target removed: {old}"),
    ("link target", "added"): N_("link target added: {new}"),
    ("image", "replaced"): N_("image replaced"),
    ("image", "removed"): N_("image removed"),
    ("image", "added"): N_("image added"),
    ("image", "alt"): N_("image alternative text changed: {old} -> {new}"),
    ("chart", "replaced"): N_("chart replaced"),
    ("chart", "removed"): N_("chart removed"),
    ("chart", "added"): N_("chart added"),
    ("chart", "alt"): N_("chart alternative text changed: {old} -> {new}"),
    ("embedded object", "replaced"): N_("embedded object replaced"),
    ("embedded object", "removed"): N_("embedded object removed"),
    ("embedded object", "added"): N_("embedded object added"),
    ("embedded object", "alt"): N_("embedded object alternative text changed: {old} -> {new}"),
    ("diagram", "replaced"): N_("diagram replaced"),
    ("diagram", "removed"): N_("diagram removed"),
    ("diagram", "added"): N_("diagram added"),
    ("diagram", "alt"): N_("diagram alternative text changed: {old} -> {new}"),
}
#: Objects of another kind (named by their relationship type).
_OTHER = {
    "replaced": N_("{what} replaced"),
    "removed": N_("{what} removed"),
    "added": N_("{what} added"),
    "alt": N_("{what} alternative text changed: {old} -> {new}"),
}


def _said(what: str, action: str, **values: str) -> str:
    known = _SAID.get((what, action))
    if known is not None:
        return _(known, **values)
    return _(_OTHER[action], what=what, **values)


def details_of(old: Block, new: Block) -> list[str]:
    out = []
    if old.fields != new.fields:
        out.extend(_listed("field code", old.fields, new.fields))
    if old.links != new.links:
        out.extend(_listed("link target", old.links, new.links))
    if old.objects != new.objects:
        out.extend(_objects(old.objects, new.objects))
    return out


def _listed(what: str, old: tuple[str, ...], new: tuple[str, ...]) -> list[str]:
    gone = [x for x in old if x not in new]
    came = [x for x in new if x not in old]
    pairs = zip(gone, came, strict=False)
    out = [_said(what, "changed", old=repr(a), new=repr(b)) for a, b in pairs]
    out += [_said(what, "removed", old=repr(a)) for a in gone[len(came) :]]
    out += [_said(what, "added", new=repr(b)) for b in came[len(gone) :]]
    return out


def _objects(old, new) -> list[str]:
    out = []
    old_digests = [digest for _what, digest, _alt in old]
    new_digests = [digest for _what, digest, _alt in new]
    gone = [o for o in old if o[1] not in new_digests]
    came = [o for o in new if o[1] not in old_digests]
    for (what, _digest, alt_a), (_what, _digest_b, alt_b) in zip(gone, came, strict=False):
        out.append(_said(what, "replaced") + _alt(alt_a, alt_b))
    for what, _digest, alt in gone[len(came) :]:
        out.append(_said(what, "removed") + (f" ({alt})" if alt else ""))
    for what, _digest, alt in came[len(gone) :]:
        out.append(_said(what, "added") + (f" ({alt})" if alt else ""))
    kept = [(a, b) for a in old for b in new if a[1] == b[1] and a[2] != b[2]]
    out.extend(_said(a[0], "alt", old=repr(a[2]), new=repr(b[2])) for a, b in kept)
    return out


def _alt(old: str, new: str) -> str:
    if old == new:
        return f" ({new})" if new else ""
    return " (" + _("alternative text {old} -> {new}", old=repr(old), new=repr(new)) + ")"
