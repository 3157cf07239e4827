"""Read a .docx draft into blocks, every story in its accepted view.

Parts are read through the one package reader (docx/package.py) and walked with lxml
directly rather than through python-docx objects: a 5,000-paragraph draft must read
in a fraction of a second, and the text inside tracked changes needs its own reading
anyway (python-docx drops inserted text).
"""

from __future__ import annotations

import os

from cmwreport.docx import wordml as n
from cmwreport.docx.opc import PackageError
from cmwreport.docx.package import Package
from cmwreport.docx.revisions import Tracked, accept_all
from cmwreport.docx.text import Objects
from cmwreport.docx.xml import R_NS, count_blocks, serialize, w
from cmwreport.draft import identity, notes, sections, stories
from cmwreport.draft.citing import citing_unresolved
from cmwreport.draft.model import FOOTER, HEADER, Draft, DraftError
from cmwreport.i18n import _

# pathlib only for type checkers: a diff imports none (cmwreport/pathtext.py).
TYPE_CHECKING = False
if TYPE_CHECKING:
    from pathlib import Path

#: Parts that are not content: properties, settings, fonts, themes, the styles and
#: numbering (read for what they do to paragraphs), comment metadata, the glossary.
_METADATA_KINDS = {
    "styles",
    "numbering",
    "settings",
    "webSettings",
    "fontTable",
    "theme",
    "core-properties",
    "extended-properties",
    "custom-properties",
    "thumbnail",
    "customXml",
    "customXmlProps",
    "people",
    "commentsExtended",
    "commentsIds",
    "commentsExtensible",
    "glossaryDocument",
    "stylesWithEffects",
    "keyMapCustomizations",
    "font",
    "customizations",
    "vbaProject",
    "vbaData",
    "digitalSignatureOrigin",
    "printerSettings",
}
#: Story parts read into blocks.
_STORIES = {"header", "footer", "footnotes", "endnotes", "comments"}


#: Body children past which the reader keys paragraphs by the bytes they were read
#: from (docx/bodybytes.py): below, writing each out costs less than compiling the
#: expressions that find them (about 1.7 ms, 400 paragraphs written out).
CUT_ABOVE = 400
#: Body children past which a draft whose paragraphs must be written out to key them
#: keeps no paragraph's bytes (`seen`): on `stress` (32,684 blocks) they would add to
#: the time and peak of a diff. Keys cut from the part's bytes (docx/bodybytes.py) cost
#: neither, whatever the length.
KEEP_WRITTEN = 10_000


def read_draft(
    source: Path | bytes | Package, name: str | None = None, seen: dict | None = None
) -> Draft:
    """Read one draft in its accepted view, or raise DraftError with a one-line reason.

    `source` is a file, the bytes of a package built in this process, or a package
    already opened (absorb --only-accepted rejects its pending changes first); `name`
    is what messages call it (the path by default). `seen`, one dict for both drafts
    of a diff: their plain body paragraphs written alike are read once (stories.Walk)."""
    name = name or str(source if isinstance(source, (str, os.PathLike)) else "draft")
    try:
        return _read(source, name, seen)
    except stories.TooLarge:
        raise DraftError(
            _(
                "{name}: more than {MAX_BLOCKS:,} paragraphs and table rows: too large to compare "
                "(see docs/architecture.md, Bounds)",
                name=name,
                MAX_BLOCKS=stories.MAX_BLOCKS,
            )
        ) from None
    except DraftError:
        raise
    except PackageError as exc:
        # One line whatever the package held (a part name or message with a line break).
        raise DraftError(" ".join(_("{name}: {exc}", name=name, exc=exc).split())) from None


def _keys(data: bytes, body) -> tuple[bytes, dict, bytes] | None:
    """(context, spans, `data`): docx/bodybytes.py's keys for `body`, written as `data`."""
    from cmwreport.docx.bodybytes import paragraph_keys

    keys = paragraph_keys(data, body)
    return None if keys is None else (*keys, data)


def _read(source: Path | bytes | Package, name: str, seen: dict | None) -> Draft:
    package = source if isinstance(source, Package) else Package.read(source)
    main = package.main_part()
    # Counted before parsing, which costs ten times the text; a tree made or read in
    # this process is only walked (check_size below). The count of the bytes is never
    # below the tree's (every w:p and w:tr start tag is one it counts), so a part it
    # passed needs no second count. A count at most the limit may be above the
    # paragraphs' (count_blocks).
    counted = not package.parsed(main)
    if counted and count_blocks(package.bytes(main), stories.MAX_BLOCKS) > stories.MAX_BLOCKS:
        raise stories.TooLarge
    doc = package.xml(main)
    body = doc.find(w("body")) if doc.tag == w("document") else None
    if body is None:
        raise DraftError(
            _(
                "{name}: not a Word document (no WordprocessingML body in {main})",
                name=name,
                main=main,
            )
        )
    if not counted:
        stories.check_size(body)
    keep = seen is not None and len(body) <= KEEP_WRITTEN
    # Keys cut from the bytes the tree was read from, or, for a tree made in this
    # process (absorb's build) or changed below, from the tree written out once as it
    # would be saved: keyed by each paragraph written apart instead, the paragraphs of
    # such a draft would never meet the other draft's. Written out only where each
    # paragraph's bytes would have been kept: they cost as much memory.
    cut = seen is not None and len(body) > CUT_ABOVE
    write = cut and keep
    keys = None
    if cut and counted:
        keys = _keys(package.bytes(main), body)
    elif write:
        keys = _keys(serialize(doc), body)
    tracked = Tracked()
    # Before the accept joins deleted paragraphs to the next, bookmarks and all.
    cited = citing_unresolved(body)
    held, authors, touched = identity.resolved(doc, cited is None)
    if accept_all(doc, tracked) or touched:
        cited = None
        keys = _keys(serialize(doc), body) if write else None
    draft = Draft(
        path=name, body=[], headers={}, footers={}, footnotes=[], tracked=tracked, parts={}
    )
    draft.main_part = main
    draft.parts[main] = doc
    draft.package = package
    describer = _Describer(package, draft)
    objects = draft.objects = Objects(describer)
    walk = stories.Walk(package.styles(main), objects, draft.body)
    if keys is not None:
        # Keys from bytes mean the same paragraph only in the same context.
        context, walk.spans, walk.data = keys
        walk.seen = seen.setdefault((context,), {})
    else:
        walk.seen = seen if keep else None
    keys = None  # the bytes go with the walk's
    stories.read_body(body, walk, cited)
    walk.spans, walk.data = None, b""  # the bytes go when the package lets them go
    if held or authors:
        draft.held = {b.index: held[b.element] for b in draft.body if b.element in held}
        draft.authors = {b.index: authors[b.element] for b in draft.body if b.element in authors}
    _headers_footers(package, draft, doc, main)
    seen = {main, *draft.stories}
    for kind in ("footnotes", "endnotes"):
        for target in package.related(main, kind)[:1]:
            root = _story(package, draft, target)
            blocks = notes.read_notes(root, walk.hosts[kind[:-1]], kind[:-1], objects, draft.boxes)
            if kind == "footnotes":
                draft.footnotes_part = target
                draft.footnotes = blocks
            else:
                draft.endnotes = blocks
            seen.add(target)
    for target in package.related(main, "comments")[:1]:
        root = _story(package, draft, target)
        draft.comments = notes.read_comments(root, walk.comment_hosts, objects, draft.boxes)
        seen.add(target)
    for i, block in enumerate(draft.boxes):
        block.index = i
    draft.not_compared = [f"{count} {what}" for what, count in walk.partial.items()]
    draft.unread = _unread(package, main, seen | describer.read)
    return draft


def _story(package: Package, draft: Draft, part: str):
    root = package.xml(part)
    accept_all(root, draft.tracked)
    draft.parts[part] = root
    return root


def _headers_footers(package: Package, draft: Draft, doc, main: str) -> None:
    """Every section's headers and footers, keyed "default", "first", "even" (+ ordinal)."""
    by_id = {r.id: r.target for r in package.relationships(main) if r.kind in ("header", "footer")}
    seen: set[str] = set()
    counts: dict[tuple[str, str], int] = {}
    for sect in doc.iter(n.SECT_PR):
        for ref in sect:
            kind = {w("headerReference"): "header", w("footerReference"): "footer"}.get(ref.tag)
            target = by_id.get(ref.get(f"{{{R_NS}}}id") or "")
            if kind is None or target is None or target in seen or not package.has(target):
                continue
            seen.add(target)
            kind_type = ref.get(w("type")) or "default"
            count = counts[(kind, kind_type)] = counts.get((kind, kind_type), 0) + 1
            key = kind_type if count == 1 else f"{kind_type} {count}"
            root = _story(package, draft, target)
            location = HEADER if kind == "header" else FOOTER
            blocks = stories.read_loose(root, location, key, draft.objects)
            (draft.headers if kind == "header" else draft.footers)[key] = blocks
            draft.stories[target] = blocks
    draft.shown = sections.shown(package, doc, main)


class _Describer:
    """(r:id, element) -> (relationship kind, digest of the part's content, or the
    external target); remembers which parts it read."""

    def __init__(self, package: Package, draft: Draft) -> None:
        self.package = package
        self.draft = draft
        self.read: set[str] = set()
        self._part_of: dict = {}

    def __call__(self, rid: str, node):
        root = node.getroottree().getroot()
        source = self._part_of.get(root)
        if source is None:
            source = next((k for k, v in self.draft.parts.items() if v is root), None)
            if source is None:
                return None
            self._part_of[root] = source
        for rel in self.package.relationships(source):
            if rel.id != rid:
                continue
            if rel.external:
                return rel.kind, rel.target
            if not self.package.has(rel.target):
                return None
            self.read.add(rel.target)
            return rel.kind, digest(self.package, rel.target)
        return None


def digest(package: Package, part: str) -> str:
    """A part's identity: its bytes, or "unreadable" (a corrupt part still compares)."""
    try:
        data = package.bytes(part)
    except PackageError:
        return "unreadable"
    return _sha256_of(data).hexdigest()[:16]


def _sha256_of(data: bytes):
    """SHA-256 of `data` without importing hashlib, which starts OpenSSL (about 11 M
    instructions, 4% of a diff of two small drafts); CPython's own module gives the same
    digest. Its name changed in 3.12; hashlib where neither exists."""
    try:
        from _sha256 import sha256  # CPython up to 3.11
    except ImportError:
        try:
            from _sha2 import sha256  # CPython 3.12 and later
        except ImportError:
            from hashlib import sha256
    return sha256(data)


def _glossary(package: Package, main: str) -> set[str]:
    """The glossary document (building blocks, AutoText: never shown in the document)
    and every part it reaches: its own styles, settings and fonts are no difference."""
    out: set[str] = set()
    todo = package.related(main, "glossaryDocument")
    while todo:
        part = todo.pop()
        if part in out or part == main:
            continue
        out.add(part)
        if package.has(_rels(part)):
            todo.extend(r.target for r in package.relationships(part) if not r.external)
    return out


def _unread(package: Package, main: str, seen: set[str]) -> dict[str, tuple[str, str]]:
    """Parts that hold content no reader compared, with what they are and their digest."""
    seen = seen | _glossary(package, main)
    kinds: dict[str, str] = {}
    #: Pictures whose relationship no element of a read story names: nothing shows
    #: them (LibreOffice drops them on save), so they are not content.
    orphans: set[str] = set()
    for source in ["", main, *sorted(seen)]:
        for rel in package.relationships(source) if package.has(_rels(source)) else []:
            if not rel.external:
                kinds.setdefault(rel.target, rel.kind)
                if rel.kind == "image" and source and not _names(package, source, rel.id):
                    orphans.add(rel.target)
                else:
                    orphans.discard(rel.target)
    out = {}
    for name in package.names:
        kind = kinds.get(name, "")
        if name in seen or name.endswith(".rels") or name == "[Content_Types].xml":
            continue
        if name in orphans:
            continue
        if kind in _METADATA_KINDS or kind in _STORIES:
            continue
        if name.startswith(("docProps/", "customXml/")):
            continue
        out[name] = (kind or "unknown part", digest(package, name))
    return out


def _names(package: Package, source: str, rid: str) -> bool:
    """Whether the part's XML names the relationship id (as an attribute value)."""
    try:
        data = package.bytes(source)
    except PackageError:
        return True
    return f'"{rid}"'.encode() in data or f"'{rid}'".encode() in data


def _rels(source: str) -> str:
    from cmwreport.docx.opc import PKG_RELS, rels_name

    return rels_name(source) if source else PKG_RELS
