"""The one way a .docx is opened, read, changed and written: a package read through
docx/opc.py (from a file, or from bytes built in this process), its parts parsed with
one parser on demand, found by relationship, changed in place (parts, relationships,
content types), and serialised reproducibly.

Reproducible: entries in a fixed order ([Content_Types].xml first, then the order
the template had), every entry dated 1980-01-01 00:00 as Word writes them, fixed
attributes, and core properties dated from the sources, never from the clock.
Writing the bytes to disk safely is `cmwreport.outputs`' job.
"""

from __future__ import annotations

import posixpath

from lxml import etree

from cmwreport.docx import opc
from cmwreport.docx.opc import CONTENT_TYPES, PackageError, Relationship
from cmwreport.docx.styles import Styles
from cmwreport.docx.xml import CT_NS, PKG_REL_NS, parse_part, serialize, write_tree
from cmwreport.i18n import _
from cmwreport.plain import Plain

# pathlib only for type checkers: a diff imports none (cmwreport/pathtext.py).
TYPE_CHECKING = False
if TYPE_CHECKING:
    from pathlib import Path

_CONFORMANCE = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}conformance"


def escape(text: str) -> str:
    # What html.escape(text, quote=False) does, without importing `html`: its module
    # loads the table of 2,231 HTML entities, 2% of a diff of two small drafts.
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


class Package(Plain):
    """A package's parts as bytes, parsed on demand, with its relationships.

    The one reader of .docx files: build opens the template with it, diff and absorb
    the drafts, absorb the template it edits; the redline writes the new draft back
    through it. Parts are found by relationship (`main_part`, `related`), never by name.

    A plain class with a dataclass's equality and repr: creating the dataclass was a
    large part of what a diff of two small drafts spends importing.
    `unreadable`: entries that could not be inflated, trouble only for the part that is
    needed; `source`: the file (or bytes) read, for copying unreadable entries as they
    are stored; `changed`: parts whose parsed tree was changed through the methods below
    (written from their tree even when `forget_trees` drops the others); `_pending`,
    `_budget`: entries listed but not inflated yet (a package read `lazy`), and what may
    still be inflated of the MAX_INFLATED bound; `_styles`: styles read
    (docx/styles.py), by styles part name ("" for none).
    """

    _compared = (
        "names",
        "parts",
        "unreadable",
        "_trees",
        "_rels",
        "source",
        "changed",
        "_pending",
        "_budget",
        "_styles",
    )
    _shown = ("names", "parts", "unreadable", "source", "_budget")

    def __init__(
        self,
        names: list[str],
        parts: dict[str, bytes],
        unreadable: dict[str, str] | None = None,
        _trees: dict[str, etree._Element] | None = None,
        _rels: dict[str, list[Relationship]] | None = None,
        source: Path | bytes | None = None,
        changed: set[str] | None = None,
        _pending: set[str] | None = None,
        _budget: int = opc.MAX_INFLATED,
        _styles: dict[str, Styles] | None = None,
    ) -> None:
        self.names, self.parts, self.source, self._budget = names, parts, source, _budget
        self.unreadable = {} if unreadable is None else unreadable
        self._trees = {} if _trees is None else _trees
        self._rels = {} if _rels is None else _rels
        self.changed = set() if changed is None else changed
        self._pending = set() if _pending is None else _pending
        self._styles = {} if _styles is None else _styles

    @classmethod
    def read(cls, source: Path | bytes, *, lazy: bool = False) -> Package:
        """A package from a file, or from the bytes of one (no temporary file). `lazy`
        inflates a part when it is first needed: for reading one property of a large
        package; every part is inflated at once otherwise."""
        entries = opc.read_entries(source, inflate=not lazy)
        package = cls(entries.names, entries.parts, entries.unreadable, source=source)
        if lazy:
            package._pending = set(entries.names)
        if not package.has(opc.CONTENT_TYPES):
            raise PackageError(_("not a Word document (no [Content_Types].xml in the zip)"))
        if opc.CONTENT_TYPES in package.unreadable:
            # Refused like a missing one: nothing says which parts the package holds, and
            # a copy (the redline) would keep it unreadable for Word and LibreOffice.
            raise PackageError(
                _(
                    "{name} cannot be read (corrupt or encrypted: {value})",
                    name=opc.CONTENT_TYPES,
                    value=package.unreadable[opc.CONTENT_TYPES],
                )
            )
        main = package.main_part()
        if not package.has(main):
            raise PackageError(
                _("not a Word document (its main part {main} is missing)", main=main)
            )
        return package

    def bytes(self, name: str) -> bytes:
        if name in self._pending:
            self._inflate(name)
        if name not in self.parts and name not in self.unreadable:
            raise PackageError(_("{name} is missing from the package", name=name))
        if name in self.unreadable:
            raise PackageError(
                _(
                    "{name} cannot be read (corrupt or encrypted: {value})",
                    name=name,
                    value=self.unreadable[name],
                )
            )
        return self.parts[name]

    def xml(self, name: str) -> etree._Element:
        if name not in self._trees:
            self._trees[name] = parse_part(name, self.bytes(name))
        return self._trees[name]

    def has(self, name: str) -> bool:
        return name in self.parts or name in self.unreadable or name in self._pending

    def _inflate(self, name: str) -> None:
        self._pending.discard(name)
        assert self.source is not None
        data, trouble = opc.read_entry(self.source, name, self._budget)
        if data is None:
            self.unreadable[name] = trouble
        else:
            self._budget -= len(data)
            self.parts[name] = data

    def main_part(self) -> str:
        """The officeDocument target; without one, the part the content types call the
        main document (python-docx and some converters rely on either)."""
        for rel in self.relationships(""):
            if rel.kind == "officeDocument" and not rel.external:
                return rel.target
        if self.has(opc.CONTENT_TYPES) and opc.CONTENT_TYPES not in self.unreadable:
            for override in self.xml(opc.CONTENT_TYPES):
                if (override.get("ContentType") or "").endswith(_MAIN_TYPES):
                    return opc.resolve("", override.get("PartName", ""))
        raise PackageError(_("not a Word document (no officeDocument relationship)"))

    def relationships(self, part: str) -> list[Relationship]:
        """The relationships of a part ("" for the package), targets as part names."""
        if part not in self._rels:
            name = opc.rels_name(part) if part else opc.PKG_RELS
            found = []
            if self.has(name):
                for rel in self.xml(name).iter(f"{{{PKG_REL_NS}}}Relationship"):
                    external = rel.get("TargetMode") == "External"
                    target = rel.get("Target") or ""
                    found.append(
                        Relationship(
                            rel.get("Id") or "",
                            opc.relationship_kind(rel.get("Type") or ""),
                            target if external else opc.resolve(part, target),
                            external,
                        )
                    )
            self._rels[part] = found
        return self._rels[part]

    def related(self, part: str, kind: str) -> list[str]:
        """Internal targets of `part`'s relationships of one kind that the package holds."""
        return [
            rel.target
            for rel in self.relationships(part)
            if rel.kind == kind and not rel.external and self.has(rel.target)
        ]

    def styles(self, part: str | None = None) -> Styles:
        """The styles of the styles part `part` (by default the main part) relates to,
        read once: every reader of styles asks here (docx/styles.py); an empty Styles
        where there is no styles part."""
        found = self.related(self.main_part() if part is None else part, "styles")
        name = found[0] if found else ""
        if name not in self._styles:
            self._styles[name] = Styles(self.xml(name) if name else None)
        return self._styles[name]

    def forget_trees(self, keep: set[str]) -> None:
        """Write the other parts as they were read, not re-serialised from their parse
        (a part only read must leave the package byte for byte); parts changed through
        this class are kept."""
        for name in [n for n in self._trees if n not in keep and n not in self.changed]:
            del self._trees[name]

    def drop(self) -> None:
        """Forget every part and tree: for a package that is neither read nor written
        again (the old draft, once its redline is marked)."""
        self._trees.clear()
        self.parts.clear()

    def release(self, name: str) -> None:
        """Drop the bytes of a part already parsed: its tree is the part from now on
        (written from it, never forgotten). A stress-sized draft's main part is 18 MB
        of bytes that `diff` holds for nothing once parsed."""
        if name in self._trees:
            self.parts[name] = b""
            self.changed.add(name)

    def free_name(self, stem: str, ext: str, start: int = 0) -> str:
        """A part name the package does not hold: `stem` + `ext` (with `start` 0), else
        `stem` numbered from `start` (2 when 0) + `ext`."""
        count = start
        name = f"{stem}{count or ''}{ext}"
        while self.has(name):
            count = max(count + 1, 2)
            name = f"{stem}{count}{ext}"
        return name

    def add_part(
        self,
        name: str,
        content: etree._Element | bytes,
        content_type: str | None = None,
        *,
        related_from: str | None = None,
        rel_type: str = "",
        rid: str = "",
    ) -> str:
        """A new part: an XML tree (serialised when written) or bytes (written as they
        are). With `content_type`, declared (an Override); with `related_from` (a part,
        "" for the package), related from it by a relationship of `rel_type` whose id
        is returned (see add_relationship). A name the package holds is a bug: take
        `free_name`."""
        if self.has(name):
            raise ValueError(f"{name} is already a part of the package")
        self.names.append(name)
        if isinstance(content, bytes):
            self.parts[name] = content
        else:
            self.parts[name] = b""
            self._trees[name] = content
            self.changed.add(name)
        if content_type is not None:
            self.declare(name, content_type)
        if related_from is None:
            return ""
        folder = related_from.rpartition("/")[0]
        target = posixpath.relpath(name, folder or ".")
        return self.add_relationship(related_from, rel_type, target, rid=rid)

    def edit(self, name: str) -> etree._Element:
        """A part's tree, to be changed in place: written from it even when
        `forget_trees` drops the others."""
        root = self.xml(name)
        self.changed.add(name)
        return root

    def add_relationship(
        self, part: str, rel_type: str, target: str, *, external: bool = False, rid: str = ""
    ) -> str:
        """A relationship from `part` ("" for the package) to `target` (as written in
        the relationships part: relative to `part`'s folder); its id is `rid` when free,
        else the first free rIdN."""
        rels = opc.rels_name(part) if part else opc.PKG_RELS
        if not self.has(rels):
            self.add_part(
                rels, etree.Element(f"{{{PKG_REL_NS}}}Relationships", nsmap={None: PKG_REL_NS})
            )
        root = self.xml(rels)
        taken = {rel.get("Id") for rel in root}
        if not rid or rid in taken:
            rid = next(f"rId{i}" for i in range(1, len(taken) + 2) if f"rId{i}" not in taken)
        rel = etree.SubElement(root, f"{{{PKG_REL_NS}}}Relationship", Id=rid, Type=rel_type)
        rel.set("Target", target)
        if external:
            rel.set("TargetMode", "External")
        self.changed.add(rels)
        self._rels.pop(part, None)
        return rid

    def declare(self, name: str, content_type: str) -> None:
        """The content type of a part, as an Override (unless one is already there)."""
        types = self.xml(CONTENT_TYPES)
        if any(o.get("PartName") == "/" + name for o in types.iter(f"{{{CT_NS}}}Override")):
            return
        etree.SubElement(
            types, f"{{{CT_NS}}}Override", PartName="/" + name, ContentType=content_type
        )
        self.changed.add(CONTENT_TYPES)

    def set_bytes(self, name: str, data: bytes) -> None:
        self._trees.pop(name, None)
        self._styles.pop(name, None)
        self.parts[name] = data

    def parsed(self, name: str) -> bool:
        """Whether the part is held as a tree (read, or made in this process)."""
        return name in self._trees

    def hold_tree(self, name: str, root: etree._Element) -> None:
        """`root` as the parse of part `name` (a copy of another parse of its bytes)."""
        self._trees[name] = root

    def copy(self) -> Package:
        """A second package of the same parts, its parsed trees copied (lxml's copy, a
        tenth of parsing them again): changing one leaves the other as it was."""
        out = Package(list(self.names), dict(self.parts), dict(self.unreadable))
        out._trees = {name: tree.__copy__() for name, tree in self._trees.items()}
        out._pending, out._budget = set(self._pending), self._budget
        out.source, out.changed = self.source, set(self.changed)
        return out

    def in_memory(self) -> Package:
        """This package as `Package.read(self.to_bytes())` would read it, without the zip
        and XML text, for a reader in this process that no longer changes it (absorb
        reads the build it makes so; `snapshot` for one that goes on changing it)."""
        for name in list(self._pending):
            self._inflate(name)
        main = self.main_part()
        if main in self._trees or opc.is_strict(self.parts.get(main, b"")):
            self.xml(main).attrib.pop(_CONFORMANCE, None)  # as to_bytes writes it
        return self

    def snapshot(self) -> Package:
        """`Package.read(self.to_bytes())` without the zip: trees serialised, parsed again
        when read (a tenth of a copy's memory: absorb's annex, a draft may never read)."""
        order, _streamed = self._written(stream=False)
        parts = {n: self.parts[n] for n in order if n in self.parts}
        return Package(order, parts, dict(self.unreadable), source=self.source)

    def _written(self, *, stream: bool) -> tuple[list[str], dict[str, etree._Element]]:
        """Part names in writing order, `parts` serialised; with `stream`, trees to stream."""
        # Parsed parts are written with transitional names (docx/opc.py reads Strict so,
        # a part streamed needs no renaming) and the main part no longer claims Strict
        # conformance: a package never mixes the two. Top-level comments and processing
        # instructions are not written by `serialize` but would be streamed: those go whole.
        for name in list(self._pending):
            self._inflate(name)
        main = self.main_part()
        if main in self._trees or opc.is_strict(self.parts.get(main, b"")):
            self.xml(main).attrib.pop(_CONFORMANCE, None)
        trees = self._trees.items() if stream else ()
        streamed = {n: t for n, t in trees if t.getprevious() is None and t.getnext() is None}
        for name, tree in self._trees.items():
            if name not in streamed:
                self.parts[name] = serialize(tree)
        order = [CONTENT_TYPES] + [n for n in self.names if n != CONTENT_TYPES]
        for name in order:
            if name.endswith((".xml", ".rels")) and name in self.parts and name not in streamed:
                self.parts[name] = opc.transitional(self.parts[name])
        return order, streamed

    def to_bytes(self, *, stream: bool = False) -> bytes:
        """The package's bytes. `stream`: parsed parts are serialised straight into the
        zip, never whole in memory (serialising a tree holds its text twice over: 18 MB
        and more on `stress`); their bytes are then not kept in `parts`, for a caller
        that reads nothing of the package after this."""
        order, streamed = self._written(stream=stream)
        return opc.write_zip(order, self.parts, streamed, self.unreadable, self.source, write_tree)


_MAIN_TYPES = (
    "document.main+xml",
    "document.macroEnabled.main+xml",
    "template.main+xml",
    "template.macroEnabledTemplate.main+xml",
)
