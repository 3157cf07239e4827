"""Reading a .docx package, and writing one reproducibly and atomically.

Reproducible: entries in a fixed order ([Content_Types].xml first, then the order
the template had), every entry dated 1980-01-01 00:00 as Word writes them, fixed
attributes, and core properties dated from the sources, never from the clock.
Atomic: the file is written beside its destination and renamed over it, so an
interrupted build or a full disk leaves the previous good file in place.
"""

from __future__ import annotations

import datetime as dt
import os
import tempfile
import zipfile
from dataclasses import dataclass, field
from html import escape as _html_escape
from pathlib import Path

from lxml import etree

from cmwreport.docx.xml import PKG_REL_NS, REL_TYPE, parse, serialize
from cmwreport.errors import CmwError

ZIP_EPOCH = (1980, 1, 1, 0, 0, 0)
#: A .docx larger than this once inflated is refused: templates are a few hundred KB,
#: and a zip bomb should not exhaust the drafter's memory.
MAX_INFLATED = 256 * 1024 * 1024
CONTENT_TYPES = "[Content_Types].xml"


def escape(text: str) -> str:
    # html.escape, not xml.sax.saxutils: the latter drags in urllib, http and email
    # (26 ms of start-up for every diff --redline).
    return _html_escape(text, quote=False)


class PackageError(CmwError):
    """The file is missing, unreadable, not a zip, or not a Word document."""


@dataclass
class Package:
    names: list[str]
    parts: dict[str, bytes]
    _trees: dict[str, etree._Element] = field(default_factory=dict, repr=False)

    @classmethod
    def read(cls, path: Path) -> Package:
        try:
            with zipfile.ZipFile(path) as zf:
                infos = zf.infolist()
                if sum(i.file_size for i in infos) > MAX_INFLATED:
                    raise PackageError("too large once uncompressed to be a template")
                names = [i.filename for i in infos if not i.is_dir()]
                parts = {name: zf.read(name) for name in names}
        except FileNotFoundError:
            raise PackageError("no such file") from None
        except IsADirectoryError:
            raise PackageError("is a folder, not a .docx file") from None
        except PermissionError:
            raise PackageError("cannot be read (permission denied)") from None
        except zipfile.BadZipFile:
            raise PackageError("not a .docx file (not a zip package), or corrupt") from None
        except (zipfile.LargeZipFile, NotImplementedError, EOFError, OSError) as exc:
            raise PackageError(f"cannot be read as a zip package ({exc})") from None
        if CONTENT_TYPES not in parts or "_rels/.rels" not in parts:
            raise PackageError("not a Word document (no [Content_Types].xml or _rels/.rels)")
        package = cls(names, parts)
        main = package.main_part()
        if main not in parts:
            raise PackageError(f"not a Word document (its main part {main} is missing)")
        return package

    def xml(self, name: str) -> etree._Element:
        if name not in self._trees:
            try:
                self._trees[name] = parse(self.parts[name])
            except etree.XMLSyntaxError as exc:
                raise PackageError(f"{name} is not well-formed XML ({exc})") from None
        return self._trees[name]

    def main_part(self) -> str:
        for rel in self.xml("_rels/.rels").iter(f"{{{PKG_REL_NS}}}Relationship"):
            if rel.get("Type") == REL_TYPE + "officeDocument":
                return rel.get("Target", "").lstrip("/")
        raise PackageError("not a Word document (no officeDocument relationship)")

    def related(self, part: str, rel_type: str) -> list[str]:
        """Targets of `part`'s relationships of one type, as package part names."""
        folder, _, base = part.rpartition("/")
        rels = f"{folder}/_rels/{base}.rels" if folder else f"_rels/{base}.rels"
        if rels not in self.parts:
            return []
        out = []
        for rel in self.xml(rels).iter(f"{{{PKG_REL_NS}}}Relationship"):
            if rel.get("Type") == REL_TYPE + rel_type and rel.get("TargetMode") != "External":
                target = rel.get("Target", "")
                name = target.lstrip("/") if target.startswith("/") else _join(folder, target)
                if name in self.parts:
                    out.append(name)
        return out

    def set_xml(self, name: str, root: etree._Element) -> None:
        self._trees[name] = root

    def set_bytes(self, name: str, data: bytes) -> None:
        self._trees.pop(name, None)
        self.parts[name] = data

    def copy(self) -> Package:
        """An independent copy: parsed parts are re-parsed, never shared."""
        parts = dict(self.parts)
        for name, tree in self._trees.items():
            parts[name] = serialize(tree)
        return Package(list(self.names), parts)

    def to_bytes(self) -> bytes:
        import io

        for name, tree in self._trees.items():
            self.parts[name] = serialize(tree)
        order = [CONTENT_TYPES] + [n for n in self.names if n != CONTENT_TYPES]
        buffer = io.BytesIO()
        with zipfile.ZipFile(buffer, "w") as zf:
            for name in order:
                info = zipfile.ZipInfo(name, date_time=ZIP_EPOCH)
                info.compress_type = zipfile.ZIP_DEFLATED
                info.create_system = 0
                info.external_attr = 0
                zf.writestr(info, self.parts[name], compresslevel=6)
        return buffer.getvalue()


def _join(folder: str, target: str) -> str:
    segments = folder.split("/") if folder else []
    for piece in target.split("/"):
        if piece == "..":
            if segments:
                segments.pop()
        elif piece and piece != ".":
            segments.append(piece)
    return "/".join(segments)


def core_properties(
    *, title: str, creator: str, language: str, created: dt.datetime, modified: dt.datetime
) -> bytes:
    def stamp(moment: dt.datetime) -> str:
        return moment.astimezone(dt.UTC).strftime("%Y-%m-%dT%H:%M:%SZ")

    return (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        '<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/'
        'metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" '
        'xmlns:dcterms="http://purl.org/dc/terms/" '
        'xmlns:dcmitype="http://purl.org/dc/dcmitype/" '
        'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">'
        f"<dc:title>{escape(title)}</dc:title>"
        f"<dc:creator>{escape(creator)}</dc:creator>"
        f"<cp:lastModifiedBy>{escape(creator)}</cp:lastModifiedBy>"
        "<cp:revision>1</cp:revision>"
        f'<dcterms:created xsi:type="dcterms:W3CDTF">{stamp(created)}</dcterms:created>'
        f'<dcterms:modified xsi:type="dcterms:W3CDTF">{stamp(modified)}</dcterms:modified>'
        f"<dc:language>{escape(language)}</dc:language>"
        "</cp:coreProperties>"
    ).encode()


def document_moment(day: dt.date) -> dt.datetime:
    return dt.datetime(day.year, day.month, day.day, tzinfo=dt.UTC)


def source_date_epoch() -> dt.datetime | None:
    """SOURCE_DATE_EPOCH (reproducible-builds.org) if set and valid."""
    value = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    if not value.isdigit():
        return None
    return dt.datetime.fromtimestamp(int(value), tz=dt.UTC)


def write_atomic(files: list[tuple[Path, bytes]]) -> None:
    """Write every file through a temporary file in its own folder, then rename.

    All temporary files are written (and synced) before the first rename, so a full
    disk or an interruption while writing leaves every previous output untouched.
    """
    staged: list[tuple[Path, Path]] = []
    umask = os.umask(0)
    os.umask(umask)
    try:
        for path, data in files:
            handle = tempfile.NamedTemporaryFile(
                dir=path.parent, prefix=f".{path.name}.", suffix=".tmp", delete=False
            )
            staged.append((Path(handle.name), path))
            with handle:
                handle.write(data)
                handle.flush()
                os.fsync(handle.fileno())
            os.chmod(handle.name, 0o666 & ~umask)
        for tmp, path in staged:
            os.replace(tmp, path)
    finally:
        for tmp, _ in staged:
            tmp.unlink(missing_ok=True)
