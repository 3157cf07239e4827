"""What changed in a paired block beside its words: field codes, link targets,
pictures and embedded objects (compared by the content of their part)."""

from __future__ import annotations

from cmwreport.draft.model import Block


def identity_key(block: Block) -> str:
    """The part of a block's comparison key that its text does not show."""
    if not (block.fields or block.links or block.objects):
        return ""
    objects = "\x1d".join(f"{what}:{digest}:{alt}" for what, digest, alt in block.objects)
    return "\x1e" + "\x1d".join(block.fields) + "\x1e" + "\x1d".join(block.links) + "\x1e" + objects


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
    out = [f"{what} changed: {a!r} -> {b!r}" for a, b in zip(gone, came, strict=False)]
    out += [f"{what} removed: {a!r}" for a in gone[len(came) :]]
    out += [f"{what} added: {b!r}" for b in came[len(gone) :]]
    return out


def _objects(old, new) -> list[str]:
    out = []
    old_digests = [digest for _, digest, _ in old]
    new_digests = [digest for _, digest, _ in new]
    gone = [o for o in old if o[1] not in new_digests]
    came = [o for o in new if o[1] not in old_digests]
    for (what, _, alt_a), (_, _, alt_b) in zip(gone, came, strict=False):
        out.append(f"{what} replaced" + _alt(alt_a, alt_b))
    for what, _, alt in gone[len(came) :]:
        out.append(f"{what} removed" + (f" ({alt})" if alt else ""))
    for what, _, alt in came[len(gone) :]:
        out.append(f"{what} added" + (f" ({alt})" if alt else ""))
    kept = [(a, b) for a in old for b in new if a[1] == b[1] and a[2] != b[2]]
    out.extend(f"{a[0]} alternative text changed: {a[2]!r} -> {b[2]!r}" for a, b in kept)
    return out


def _alt(old: str, new: str) -> str:
    if old == new:
        return f" ({new})" if new else ""
    return f" (alternative text {old!r} -> {new!r})"
