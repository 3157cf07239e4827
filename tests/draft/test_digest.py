"""A picture's digest is part of the pairing's key: the same value whichever SHA-256 the
reader finds (CPython's own module, or hashlib where it has none)."""

from __future__ import annotations

import hashlib
import sys
import zipfile

from cmwreport.docx.package import Package
from cmwreport.draft import reader
from tests.conftest import ROOT

PAIRS = ROOT / "tests" / "fixtures" / "real" / "pairs"


def test_a_pictures_digest_is_its_sha256_whichever_module_computes_it(monkeypatch):
    path = PAIRS / "lo-image-replaced.docx"
    with zipfile.ZipFile(path) as z:
        media = {n: z.read(n) for n in z.namelist() if n.startswith("word/media/")}
    assert media
    package = Package.read(path)
    own = {}
    for name, data in media.items():
        want = hashlib.sha256(data).hexdigest()[:16]
        own[name] = reader.digest(package, name)
        assert own[name] == want, name
    # Neither of CPython's own modules: the fallback to hashlib, same digests.
    monkeypatch.setitem(sys.modules, "_sha256", None)
    monkeypatch.setitem(sys.modules, "_sha2", None)
    assert {name: reader.digest(package, name) for name in media} == own
