"""WordprocessingML: the only package that builds or edits the XML inside a .docx.

Everything above this layer (the merge in `cmwreport.build`, the template script)
describes content with `Para` and `Table` and lets this layer turn it into
right-to-left WordprocessingML in schema order. lxml is imported by the modules here,
never by the CLI at start-up.

Importing this package imports lxml.etree (every module here uses it) without the
`inspect` module lxml imports at load for one function, `getfullargspec`, which it
calls only for a parser target with a `start` method (cmwreport has none): `inspect`
brings ast, dis and tokenize, 36 M instructions, 14% of a diff of two small drafts
(issue 21). While lxml loads, `sys.modules["inspect"]` is a stand-in whose
`getfullargspec` imports the real module when called, as does reading any other name
of it; the stand-in leaves `sys.modules` once lxml is loaded, so any later
`import inspect` is the real one.
"""

import sys


def _getfullargspec(func):
    import inspect

    return inspect.getfullargspec(func)


def _real(name: str):
    # A name lxml did not import before (a later lxml): the real module, loaded now.
    if sys.modules.get("inspect") is _STAND_IN:
        del sys.modules["inspect"]
    import inspect

    return getattr(inspect, name)


_STAND_IN = type(sys)("inspect")
_STAND_IN.getfullargspec = _getfullargspec
_STAND_IN.__getattr__ = _real


def _load_lxml() -> None:
    if "lxml.etree" in sys.modules or "inspect" in sys.modules:
        import lxml.etree  # noqa: F401

        return
    sys.modules["inspect"] = _STAND_IN
    try:
        import lxml.etree  # noqa: F401
    finally:
        if sys.modules.get("inspect") is _STAND_IN:
            del sys.modules["inspect"]


_load_lxml()
