"""`--only-accepted`: the draft with its pending tracked changes rejected."""

from __future__ import annotations

import zipfile
from pathlib import Path

from cmwreport.docx.revisions import rejected_package
from cmwreport.errors import CmwError


class DraftUnreadable(CmwError):
    pass


def reject_all(path: Path) -> tuple[bytes, int]:
    try:
        return rejected_package(path)
    except (zipfile.BadZipFile, KeyError, OSError) as exc:
        raise DraftUnreadable(f"{path}: not a readable .docx draft ({exc})") from None
