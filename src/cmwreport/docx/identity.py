"""What names a draft for a reader of a comparison: the build that wrote it and when.

A draft built by cmwreport carries its build identity (custom property
`cmwreport.build`, commands/build.py) and the date of its sources in its core
properties (`dcterms:modified`, package.core_properties); Word updates the latter on
each save. Read from the package the comparison already opened: nothing is fetched
twice, and a draft without them is named by its file alone.
"""

from __future__ import annotations

from collections import namedtuple

from cmwreport.docx import custom_properties
from cmwreport.docx.opc import PackageError
from cmwreport.docx.package import Package

BUILD_PROPERTY = "cmwreport.build"
_MODIFIED = "{http://purl.org/dc/terms/}modified"


# A named tuple rather than a frozen dataclass: cheaper to create at import (and
# collections' namedtuple, not typing.NamedTuple, which evaluates every annotation).
# build: the build identity (a hash), or None for a draft cmwreport did not build;
# date: the date the draft was built or last saved (YYYY-MM-DD), or None.
Identity = namedtuple("Identity", ("build", "date"))


def identity(package: Package | None) -> Identity:
    if package is None:
        return Identity(None, None)
    return Identity(_build(package), _date(package))


def _build(package: Package) -> str | None:
    # A damaged properties part is no reason to refuse a comparison: get() says None.
    return (custom_properties.get(package, BUILD_PROPERTY) or "").strip() or None


def _date(package: Package) -> str | None:
    text = modified(package) or ""
    return text[:10] if len(text) >= 10 and text[4] == "-" and text[7] == "-" else None


def modified(package: Package) -> str | None:
    """The core properties' dcterms:modified as written, or None (none, or the part
    unreadable: no reason to refuse a comparison)."""
    core = package.related("", "core-properties")
    if not core:
        return None
    try:
        root = package.xml(core[0])
    except PackageError:
        return None
    found = root.find(_MODIFIED)
    if found is None:
        return None
    return (found.text or "").strip() or None
