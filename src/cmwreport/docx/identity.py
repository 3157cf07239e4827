"""What names a draft for a reader of a comparison: the build that wrote it and when.

A draft built by cmwreport carries its build identity (custom property
`cmwreport.build`, commands/build.py) and the date of its sources in its core
properties (`dcterms:modified`, package.core_properties); Word updates the latter on
each save. Read from the package the comparison already opened: nothing is fetched
twice, and a draft without them is named by its file alone.
"""

from __future__ import annotations

from dataclasses import dataclass

from cmwreport.docx.opc import PackageError
from cmwreport.docx.package import Package

BUILD_PROPERTY = "cmwreport.build"
_CUSTOM = "docProps/custom.xml"
_CORE = "docProps/core.xml"
_CUSTOM_NS = "{http://schemas.openxmlformats.org/officeDocument/2006/custom-properties}"
_MODIFIED = "{http://purl.org/dc/terms/}modified"


@dataclass(frozen=True)
class Identity:
    #: The build identity (a hash), or None for a draft cmwreport did not build.
    build: str | None
    #: The date the draft was built or last saved (YYYY-MM-DD), or None.
    date: str | None


def identity(package: Package | None) -> Identity:
    if package is None:
        return Identity(None, None)
    return Identity(_build(package), _date(package))


def _build(package: Package) -> str | None:
    if not package.has(_CUSTOM):
        return None
    try:
        root = package.xml(_CUSTOM)
    except PackageError:  # a damaged properties part is no reason to refuse a comparison
        return None
    for prop in root.iter(f"{_CUSTOM_NS}property"):
        if prop.get("name") == BUILD_PROPERTY:
            value = "".join(prop.itertext()).strip()
            return value or None
    return None


def _date(package: Package) -> str | None:
    if not package.has(_CORE):
        return None
    try:
        root = package.xml(_CORE)
    except PackageError:
        return None
    found = root.find(_MODIFIED)
    text = (found.text or "").strip() if found is not None else ""
    return text[:10] if len(text) >= 10 and text[4] == "-" and text[7] == "-" else None
