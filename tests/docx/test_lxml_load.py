"""lxml.etree loaded by `cmwreport.docx` without `inspect`, `typing`, `gzip` and
`contextlib` (issue 21): lxml still works where it needs them, and each is the real module
for everyone after."""

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
        "for name, attribute in (('inspect', 'signature'), ('typing', 'List'), ('gzip', 'open')):\n"
        "    sys.modules[name] = d._STAND_INS[name]\n"
        "    got = getattr(__import__(name), attribute)\n"
        "    real = __import__(name)\n"
        "    print(real is not d._STAND_INS[name], got is getattr(real, attribute))\n"
    )
    assert run(code).splitlines() == ["True True"] * 3


def test_inspect_loaded_first_is_left_alone():
    code = (
        "import inspect, sys, cmwreport.docx\n"
        "print(sys.modules['inspect'] is inspect, 'lxml.etree' in sys.modules)\n"
    )
    assert run(code) == "True True"


def test_lxml_loads_without_typing_gzip_contextlib_and_works_where_it_uses_them(tmp_path):
    code = (
        "import io, sys, cmwreport.docx\n"
        "print(sorted({'typing', 'gzip', 'contextlib'} & set(sys.modules)))\n"
        "from lxml import etree\n"
        "tree = etree.ElementTree(etree.fromstring('<a>\u00e9</a>'))\n"
        # ElementTree is generic for annotations: subscripted, an alias of it.
        "alias = etree.ElementTree[etree._Element]\n"
        "print(alias.__origin__ is etree.ElementTree, alias.__args__ == (etree._Element,))\n"
        "print(isinstance(tree, etree.ElementTree))\n"
        # Compressed output goes through gzip.GzipFile, C14N 2.0 to a file through a
        # function lxml made with contextlib.contextmanager.
        f"tree.write({str(tmp_path / 'a.xml.gz')!r}, compression=9)\n"
        "data = io.BytesIO()\n"
        "tree.write(data, compression=9)\n"
        f"tree.write({str(tmp_path / 'c.xml')!r}, method='c14n2')\n"
        f"tree.write({str(tmp_path / 'c.xml.gz')!r}, method='c14n2', compression=1)\n"
        "import contextlib, gzip, typing\n"
        f"print(gzip.decompress(open({str(tmp_path / 'a.xml.gz')!r}, 'rb').read()))\n"
        "print(gzip.decompress(data.getvalue()))\n"
        f"print(open({str(tmp_path / 'c.xml')!r}, 'rb').read())\n"
        f"print(gzip.decompress(open({str(tmp_path / 'c.xml.gz')!r}, 'rb').read()))\n"
        "stand_ins = cmwreport.docx._STAND_INS\n"
        "print(all(sys.modules.get(m) is not stand_ins[m] for m in stand_ins))\n"
        "print(typing.Generic.__module__, gzip.GzipFile.__module__, bool(contextlib.__file__))\n"
    )
    assert run(code).splitlines() == [
        "[]",
        "True True",
        "True",
        "b'<a>&#233;</a>'",
        "b'<a>&#233;</a>'",
        "b'<a>\\xc3\\xa9</a>'",
        "b'<a>\\xc3\\xa9</a>'",
        "True",
        "typing gzip True",
    ]


def test_modules_loaded_before_lxml_are_what_lxml_gets():
    # A process that has typing already (a test runner, another library) keeps it, and
    # lxml's ElementTree is then typing's Generic.
    code = (
        "import sys, typing, gzip\n"
        "mods = {m: sys.modules[m] for m in ('typing', 'gzip')}\n"
        "import cmwreport.docx\n"
        "from lxml import etree\n"
        "kept = all(sys.modules[m] is mods[m] for m in mods)\n"
        "print(kept, typing.Generic in etree.ElementTree.__mro__)\n"
    )
    assert run(code) == "True True"
