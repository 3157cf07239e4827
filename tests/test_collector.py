"""The cycle collector is paused while sources load and absorb runs, and given back as
it was: on after, also when the step fails; off after when the caller had turned it off."""

import gc
from pathlib import Path

import pytest

from cmwreport.checks import load_kept
from cmwreport.collector import paused
from cmwreport.sources.load import SourceTreeError

SOURCES = Path(__file__).resolve().parent.parent / "sources"


def test_paused_inside_and_on_again_after_also_on_failure():
    assert gc.isenabled()
    with paused():
        assert not gc.isenabled()
    assert gc.isenabled()
    with pytest.raises(ZeroDivisionError), paused():
        1 / 0  # noqa: B018
    assert gc.isenabled()


def test_a_caller_that_turned_it_off_keeps_it_off():
    gc.disable()
    try:
        with paused():
            assert not gc.isenabled()
        assert not gc.isenabled()
    finally:
        gc.enable()


def test_loading_the_sources_gives_it_back():
    seen = []
    loaded, checked = load_kept(SOURCES)
    seen.append(gc.isenabled())
    with pytest.raises(SourceTreeError):
        load_kept(SOURCES / "no-such-folder")
    seen.append(gc.isenabled())
    assert checked.errors == 0 and loaded.files
    assert seen == [True, True]
