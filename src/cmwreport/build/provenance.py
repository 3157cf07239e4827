"""The fingerprint of what a draft was built from, recorded in the draft itself.

The build writes `properties(of(...).as_text())` into both outputs (commands/build.py):
the JSON cut into pieces Word keeps whole (`custom_properties.split`; a tree of a few
files already passes Word's 255 characters); absorb reads it back to refuse a draft
whose sources or template have changed since (their edits would otherwise be undone),
and, with --force, to tell which files conflict. A short hash per source file, rather
than one for the whole tree (the build identity), says *which* file changed.
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

from cmwreport.docx.custom_properties import joined, properties_of, split
from cmwreport.plain import Plain

PROPERTY = "cmwreport.fingerprint"
#: Version 1 was the JSON whole in PROPERTY, which Word cuts at 255 characters on save.
VERSION = "2"
YAML_SUFFIXES = (".yaml", ".yml")


class Fingerprint(Plain):
    """`sources`: path relative to the source tree (with /) -> hash of its bytes.

    Plain rather than a dataclass, as the build's other values: creating a dataclass
    compiles its methods, 2.4 M instructions a class at every build (issue 21)."""

    _compared = ("sources", "template")

    def __init__(self, sources: dict[str, str], template: str) -> None:
        self.sources, self.template = sources, template

    def as_text(self) -> str:
        return json.dumps(
            {"v": 1, "sources": self.sources, "template": self.template},
            sort_keys=True,
            separators=(",", ":"),
        )

    def changed_files(self, now: Fingerprint) -> list[str]:
        names = sorted(set(self.sources) | set(now.sources))
        return [n for n in names if self.sources.get(n) != now.sources.get(n)]


def _hash(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()[:16]


def of(sources_root: Path, template: Path) -> Fingerprint:
    files = {}
    for path in sorted(sources_root.rglob("*")):
        relative = path.relative_to(sources_root)
        # Regular files only (is_file): a named pipe called x.yml would block the build.
        hidden = any(p.startswith(".") for p in relative.parts)
        if path.suffix in YAML_SUFFIXES and not hidden and path.is_file():
            files[relative.as_posix()] = _hash(path.read_bytes())
    return Fingerprint(files, _hash(template.read_bytes()))


def properties(text: str) -> dict[str, str]:
    """The custom properties that carry a fingerprint's text."""
    return split(PROPERTY, text, VERSION)


def read(path: Path) -> Fingerprint | None:
    """The fingerprint a draft carries, or None (built before fingerprints, stripped, or
    not whole: a piece lost or cut short)."""
    found = properties_of(path)
    head = found.get(PROPERTY) or ""
    text = head if head.startswith("{") else joined(found.get, PROPERTY, VERSION)
    if not text:
        return None
    try:
        data = json.loads(text)
        return Fingerprint(dict(data["sources"]), data["template"])
    # RecursionError: a property of deeply nested JSON, not a fingerprint.
    except (ValueError, KeyError, TypeError, RecursionError):
        return None
