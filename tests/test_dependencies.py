"""The package's shape: what it declares is what it imports, and its parts form no cycle."""

from __future__ import annotations

import ast
import sys
import tomllib
from collections import defaultdict

from tests.conftest import ROOT

SRC = ROOT / "src" / "cmwreport"
#: Distribution name -> the module it is imported as.
MODULE_OF = {"pyyaml": "yaml", "arabic-reshaper": "arabic_reshaper", "python-bidi": "bidi"}
#: Run by Babel when the message catalogues are extracted (babel.cfg), never by cmwreport:
#: what it imports is a test dependency.
DEVELOPMENT_ONLY = {"cmwreport.i18n_extract"}
#: CPython's own SHA-256 module under its name in another version (_sha256 up to 3.11,
#: _sha2 from 3.12): `sys.stdlib_module_names` lists only the running version's.
STANDARD_IN_ANOTHER_VERSION = {"_sha256", "_sha2"}


def _imports() -> dict[str, set[str]]:
    """Top-level module names imported by each module of the package."""
    found: dict[str, set[str]] = {}
    for path in SRC.rglob("*.py"):
        name = ".".join(path.relative_to(SRC.parent).with_suffix("").parts)
        names: set[str] = set()
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                names |= {alias.name for alias in node.names}
            elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
                names.add(node.module)
        found[name] = names
    return found


def _declared() -> set[str]:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    out = set()
    for requirement in project["dependencies"]:
        dist = requirement.split(";")[0].split("[")[0]
        for stop in "<>=!~ ":
            dist = dist.split(stop)[0]
        out.add(MODULE_OF.get(dist.lower(), dist.lower().replace("-", "_")))
    return out


def test_runtime_dependencies_are_exactly_the_third_party_imports():
    third_party = {
        module.split(".")[0]
        for importer, names in _imports().items()
        if importer not in DEVELOPMENT_ONLY
        for module in names
        if module.split(".")[0] not in sys.stdlib_module_names | STANDARD_IN_ANOTHER_VERSION
        and module.split(".")[0] != "cmwreport"
    }
    assert third_party == _declared()


def test_parts_of_the_package_import_each_other_without_a_cycle():
    part_of = {}
    for module in _imports():
        pieces = module.split(".")
        part_of[module] = pieces[1] if len(pieces) > 2 else "(top)"
    edges: dict[str, set[str]] = defaultdict(set)
    for module, names in _imports().items():
        for name in names:
            if name.startswith("cmwreport."):
                target = name.split(".")[1]
                target_part = target if (SRC / target).is_dir() else "(top)"
                if target_part != part_of[module]:
                    edges[part_of[module]].add(target_part)
    # Top-level modules (errors, diagnostics, dates ...) are leaves everyone may use;
    # among the subpackages, an import path back to where it started is a cycle.
    packages = {p for p in edges if p != "(top)"}

    def reaches(start: str, goal: str, seen: set[str]) -> bool:
        for nxt in edges.get(start, ()):
            if nxt == goal:
                return True
            if nxt in packages and nxt not in seen:
                seen.add(nxt)
                if reaches(nxt, goal, seen):
                    return True
        return False

    cycles = sorted(p for p in packages if reaches(p, p, set()))
    assert cycles == [], {p: sorted(edges[p]) for p in cycles}
    assert "checks" not in edges["sources"]


def test_no_module_is_over_400_lines():
    """Small modules with one job each: past 400 lines a module holds two."""
    sizes = {
        path.relative_to(SRC).as_posix(): len(path.read_text(encoding="utf-8").splitlines())
        for path in SRC.rglob("*.py")
    }
    assert len(sizes) > 100
    assert {name: n for name, n in sizes.items() if n > 400} == {}
