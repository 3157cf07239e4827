"""The fingerprint of what a draft was built from, recorded in the draft itself.

The build writes `of(...).as_text()` under the custom property `PROPERTY` of both
outputs (commands/build.py); absorb reads it back to refuse a draft whose sources or template have
changed since (their edits would otherwise be undone), and, with --force, to tell
which files conflict. A short hash per source file, rather than one for the whole
tree (the build identity), says *which* file changed.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from pathlib import Path

from cmwreport.docx.custom_properties import property_of

PROPERTY = "cmwreport.fingerprint"
YAML_SUFFIXES = (".yaml", ".yml")


@dataclass
class Fingerprint:
    #: Path relative to the source tree (with /) -> hash of its bytes.
    sources: dict[str, str]
    template: str

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


def read(path: Path) -> Fingerprint | None:
    """The fingerprint a draft carries, or None (built before fingerprints, or stripped)."""
    text = property_of(path, PROPERTY)
    if not text:
        return None
    try:
        data = json.loads(text)
        return Fingerprint(dict(data["sources"]), data["template"])
    # RecursionError: a property of deeply nested JSON, not a fingerprint.
    except (ValueError, KeyError, TypeError, RecursionError):
        return None
