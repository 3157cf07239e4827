from __future__ import annotations

import shutil
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SOURCES = ROOT / "sources"
SEED = ROOT.parent / "shared" / "seed" / "regional-consultations-2022.ar.txt"


@pytest.fixture
def tree(tmp_path: Path) -> Path:
    """A private copy of the shipped sources, for tests that break them."""
    target = tmp_path / "sources"
    shutil.copytree(SOURCES, target)
    return target
