"""WordprocessingML: the only package that builds or edits the XML inside a .docx.

Everything above this layer (the merge in `cmwreport.build`, the template script)
describes content with `Para` and `Table` and lets this layer turn it into
right-to-left WordprocessingML in schema order. lxml is imported by the modules here,
never by the CLI at start-up.

Importing this package imports lxml.etree (every module here uses it) without four
modules lxml imports at load and a diff of two small drafts never uses (issue 21):
- `inspect` (with ast, dis and tokenize: 36 M instructions), for `getfullargspec`,
  called only for a parser target with a `start` method (cmwreport has none);
- `typing` (15 M), for `class ElementTree(ABC, Generic[T])`, which makes
  `etree.ElementTree[X]` an annotation: the stand-in's `Generic` gives the class a
  `__class_getitem__` that answers as a generic class does (`types.GenericAlias`);
- `gzip` (2 M), for writing compressed XML, which cmwreport never asks for: its
  `GzipFile` is the real class, imported when called;
- `contextlib` (2.8 M), whose `contextmanager` lxml applies to one function, for
  C14N 2.0 output to a file: the function made calls the real one, imported then.
While lxml loads, `sys.modules` holds a stand-in for each of them (unless it is loaded
already); any other name read from one is the real module's, imported then. The
stand-ins leave `sys.modules` once lxml is loaded, so a later import is the real module.
"""

import sys


def _real(module: str, name: str):
    if sys.modules.get(module) is _STAND_INS.get(module):
        del sys.modules[module]
    return getattr(__import__(module), name)


def _stand_in(module: str, **names):
    stand_in = type(sys)(module)
    stand_in.__dict__.update(names)
    stand_in.__getattr__ = lambda name: _real(module, name)
    return stand_in


def _getfullargspec(func):
    return _real("inspect", "getfullargspec")(func)


def _contextmanager(func):
    def made(*args, **kwargs):
        return _real("contextlib", "contextmanager")(func)(*args, **kwargs)

    return made


def _gzip_file(*args, **kwargs):
    return _real("gzip", "GzipFile")(*args, **kwargs)


class _Generic:
    """typing.Generic as the base of lxml's ElementTree, for its one use: `Generic[T]`
    in the class statement gives this class, and the class made subscripted
    (`ElementTree[X]`) gives `ElementTree[X]` as a generic alias."""

    __slots__ = ()

    def __class_getitem__(cls, params):
        if cls is _Generic:
            return _Generic
        from types import GenericAlias

        return GenericAlias(cls, params)


def _type_var(name, *constraints, **kwargs):
    # lxml's T, read by nothing but a type checker (which reads lxml's stubs).
    return name


_STAND_INS = {
    "inspect": _stand_in("inspect", getfullargspec=_getfullargspec),
    "typing": _stand_in("typing", Generic=_Generic, TypeVar=_type_var),
    "gzip": _stand_in("gzip", GzipFile=_gzip_file),
    "contextlib": _stand_in("contextlib", contextmanager=_contextmanager),
}


def _load_lxml() -> None:
    if "lxml.etree" in sys.modules:
        return
    placed = [m for m in _STAND_INS if m not in sys.modules]
    for module in placed:
        sys.modules[module] = _STAND_INS[module]
    try:
        import lxml.etree  # noqa: F401
    finally:
        for module in placed:
            if sys.modules.get(module) is _STAND_INS[module]:
                del sys.modules[module]


_load_lxml()
