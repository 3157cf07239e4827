"""Which cmwreport the bench measures: the installed wheel, or this interpreter's own.

A drafter installs a wheel: pip compiles its modules to bytecode once, and every call
loads the .pyc files. An editable install run where `PYTHONDONTWRITEBYTECODE=1` is set
(this machine sets it) compiles every module it imports on every call, which adds
tens of milliseconds to each start-up that no user pays. So by default the bench
builds the wheel of a checkout (this one, or `--source DIR` to measure another commit),
installs it with its dependencies in a fresh venv beside the editable one, compiles
the bytecode, and runs that venv's console script; the table says which it measured.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import venv
from pathlib import Path

from measure import progress

REPO = Path(__file__).resolve().parent.parent


def editable() -> list[str]:
    """The console script next to this interpreter, as the editable install runs it."""
    script = Path(sys.executable).parent / "cmwreport"
    if script.exists():
        return [str(script)]
    found = shutil.which("cmwreport")
    return [found] if found else [sys.executable, "-m", "cmwreport"]


def wheel(source: Path, where: Path) -> list[str]:
    """Build `source`'s wheel, install it in a fresh venv at `where`, compile it."""
    shutil.rmtree(where, ignore_errors=True)
    dist = where / "dist"
    progress(f"building the wheel of {source} and installing it in {where}")
    _pip(
        sys.executable,
        "wheel", "--no-deps", "--no-build-isolation", "--quiet", "-w", str(dist), str(source),
    )  # fmt: skip
    built = sorted(dist.glob("cmwreport-*.whl"))
    if not built:
        raise RuntimeError(f"no wheel was built from {source}")
    venv.EnvBuilder(with_pip=True, clear=True).create(where / "venv")
    python = where / "venv" / "bin" / "python"
    _pip(str(python), "install", "--quiet", str(built[-1]))
    # pip compiles what it installs, but PYTHONDONTWRITEBYTECODE in its environment can
    # stop it: compile explicitly, as a system package would be.
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    lib = where / "venv" / "lib"
    subprocess.run(
        [str(python), "-m", "compileall", "-q", "-j", "0", str(lib)],
        check=True, env=env, stdout=subprocess.DEVNULL,
    )  # fmt: skip
    return [str(where / "venv" / "bin" / "cmwreport")]


def _pip(python: str, *args: str) -> None:
    done = subprocess.run(
        [python, "-m", "pip", "--disable-pip-version-check", *args],
        capture_output=True, text=True,
    )  # fmt: skip
    if done.returncode:
        raise RuntimeError(f"pip {args[0]} failed: {done.stderr.strip().splitlines()[-1:]}")


def describe(kind: str, cmd: list[str], source: Path) -> dict:
    commit = subprocess.run(
        ["git", "-C", str(source), "rev-parse", "--short", "HEAD"], capture_output=True, text=True
    ).stdout.strip()
    if kind == "wheel":
        shown = "the installed wheel in a fresh venv, bytecode compiled"
    else:
        compiled = not os.environ.get("PYTHONDONTWRITEBYTECODE")
        shown = "the editable install of this interpreter" + (
            "" if compiled else " (PYTHONDONTWRITEBYTECODE set: compiled on every call)"
        )
    return {"kind": kind, "command": cmd, "source": str(source), "commit": commit or None,
            "shows": shown}  # fmt: skip
