"""lxml.etree loaded by `cmwreport.docx` without `inspect` (issue 21): lxml still works
where it needs inspect, and `inspect` is the real module for everyone after."""

from __future__ import annotations

import subprocess
import sys

from tests.conftest import ROOT


def run(code: str) -> str:
    proc = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, timeout=60
    )
    assert proc.returncode == 0, proc.stderr
    return proc.stdout.strip()


def test_lxml_loads_without_inspect_and_a_parser_target_still_gets_its_arguments():
    code = (
        "import sys, cmwreport.docx\n"
        "assert 'lxml.etree' in sys.modules, 'lxml not loaded'\n"
        "print('inspect' in sys.modules)\n"
        "from lxml import etree\n"
        "class Target:\n"
        "    def start(self, tag, attrib): print('start', tag, dict(attrib))\n"
        "    def close(self): return 'closed'\n"
        "print(etree.fromstring('<a b=\"1\"/>', etree.XMLParser(target=Target())))\n"
        "import inspect\n"
        "print(inspect.__file__ is not None, hasattr(inspect, 'signature'))\n"
    )
    assert run(code).splitlines() == ["False", "start a {'b': '1'}", "closed", "True True"]


def test_any_other_name_read_from_the_stand_in_is_the_real_modules():
    # A later lxml could import another name of inspect while it loads: it gets the
    # real one, and the stand-in leaves sys.modules at once.
    code = (
        "import sys, cmwreport.docx as d\n"
        "sys.modules['inspect'] = d._STAND_IN\n"
        "from inspect import signature\n"
        "import inspect\n"
        "print(inspect is not d._STAND_IN, signature is inspect.signature)\n"
    )
    assert run(code) == "True True"


def test_inspect_loaded_first_is_left_alone():
    code = (
        "import inspect, sys, cmwreport.docx\n"
        "print(sys.modules['inspect'] is inspect, 'lxml.etree' in sys.modules)\n"
    )
    assert run(code) == "True True"
