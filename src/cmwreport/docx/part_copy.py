"""Parts copied from one package into another: a picture, a chart with its workbook,
anything an element of the old package points to by relationship, each copied once
under a fresh name, with its content type and its own relationships, and the
element's relationship ids pointed at the new package's."""

from __future__ import annotations

import os
import posixpath

from cmwreport.docx.opc import CONTENT_TYPES, PackageError, rels_name, resolve
from cmwreport.docx.package import Package
from cmwreport.docx.xml import R_NS
from cmwreport.i18n import _


class PartCopier:
    """Copies parts of the old package into the new one, each once, and relationships
    of the new part to them."""

    def __init__(self, old: Package, new: Package) -> None:
        self.old = old
        self.new = new
        #: Old part name -> its name in the new package.
        self.copied: dict[str, str] = {}

    def relink(self, el, old_part: str, new_part: str) -> None:
        """Point every relationship attribute under `el` at a relationship of `new_part`."""
        memo: dict[str, str] = {}
        for node in el.iter():
            if not isinstance(node.tag, str):
                continue
            for name, value in node.attrib.items():
                if name.startswith(f"{{{R_NS}}}") and value:
                    if value not in memo:
                        memo[value] = self._relationship(value, old_part, new_part)
                    node.set(name, memo[value])

    def _relationship(self, rid: str, old_part: str, new_part: str) -> str:
        old_rels = rels_name(old_part)
        found = None
        if self.old.has(old_rels):
            found = next((r for r in self.old.xml(old_rels) if r.get("Id") == rid), None)
        if found is None:
            return rid
        external = found.get("TargetMode") == "External"
        target = found.get("Target") or ""
        if not external:
            name = self._part(resolve(old_part, target))
            target = _relative(new_part, name)
        return self.add_relationship(new_part, found.get("Type") or "", target, external)

    def add_relationship(self, part: str, kind: str, target: str, external: bool = False) -> str:
        """A relationship of `part` in the new package, with an id past those Word
        numbers from 1 (rId1000 and up), so that none is reused."""
        rels = rels_name(part)
        taken = len(self.new.xml(rels)) if self.new.has(rels) else 0
        return self.new.add_relationship(
            part, kind, target, external=external, rid=_free_id(self.new, rels, taken + 1000)
        )

    def _part(self, name: str) -> str:
        if name in self.copied:
            return self.copied[name]
        if not self.old.has(name):
            return name
        try:
            data = self.old.bytes(name)
        except PackageError as exc:
            # Copied empty, the deleted picture (or chart ...) would show as nothing,
            # and the redline would not say so.
            source = self.old.source
            where = source if isinstance(source, (str, os.PathLike)) else "old draft"
            raise PackageError(
                _(
                    "{draft}: {problem}: the tracked-changes copy would show it empty; "
                    "nothing was written",
                    draft=where,
                    problem=exc,
                )
            ) from None
        if (
            self.new.has(name)
            and self.new.parts.get(name) == data
            and not self.old.has(rels_name(name))
        ):
            self.copied[name] = name
            return name
        stem, dot, ext = name.rpartition(".")
        if not dot:
            stem, ext = name, ""
        fresh = self.new.free_name(f"{stem}_old", f".{ext}" if ext else "", start=1)
        self.copied[name] = fresh
        self.new.add_part(fresh, data)
        self._content_type(name, fresh, ext)
        old_rels = rels_name(name)
        if self.old.has(old_rels):
            for rel in self.old.xml(old_rels):
                if rel.get("TargetMode") == "External":
                    target = rel.get("Target") or ""
                else:
                    target = _relative(fresh, self._part(resolve(name, rel.get("Target") or "")))
                # The copy's own XML names its relationships by id: keep the old ids.
                self.new.add_relationship(
                    fresh,
                    rel.get("Type") or "",
                    target,
                    external=rel.get("TargetMode") == "External",
                    rid=rel.get("Id") or "",
                )
        return fresh

    def _content_type(self, name: str, fresh: str, ext: str) -> None:
        old_types = self.old.xml(CONTENT_TYPES)
        kind = None
        for el in old_types:
            if el.get("PartName", "").lstrip("/") == name:
                kind = el.get("ContentType")
        if kind is None:
            kind = next(
                (
                    el.get("ContentType")
                    for el in old_types
                    if (el.get("Extension") or "").lower() == ext.lower()
                ),
                None,
            )
        if kind is None:
            return
        default = next(
            (
                el.get("ContentType")
                for el in self.new.xml(CONTENT_TYPES)
                if (el.get("Extension") or "").lower() == ext.lower()
            ),
            None,
        )
        if default != kind:
            self.new.declare(fresh, kind)


def _free_id(package: Package, rels: str, start: int) -> str:
    taken = {r.get("Id") for r in package.xml(rels)} if package.has(rels) else set()
    return next(f"rId{i}" for i in range(start, 10**6) if f"rId{i}" not in taken)


def _relative(source: str, target: str) -> str:
    folder = source.rpartition("/")[0]
    return posixpath.relpath(target, folder or ".")
