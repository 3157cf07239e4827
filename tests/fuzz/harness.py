"""Running one fuzz case: the command line in this process, under a time limit, with
what it printed, its exit code and whether it touched its inputs.

What must hold for every case, whatever the input (README, "Hostile input"): exit code
0, 1 or 2, never 3 (a bug); no "Traceback" on stderr; no input changed; done within
the time limit. In-process, not a subprocess per case: a case costs about 50 ms
instead of 400 ms, so a CI budget of a few seconds still runs dozens of cases.
"""

from __future__ import annotations

import hashlib
import io
import os
import signal
import stat
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path

#: Seconds one command may take before the case counts as a hang.
TIME_LIMIT = 20.0


def examples(default: int) -> int:
    """How many cases a fuzz test runs: CMWREPORT_FUZZ_EXAMPLES, else `default` (CI)."""
    value = os.environ.get("CMWREPORT_FUZZ_EXAMPLES", "")
    return int(value) if value.isdigit() and int(value) > 0 else default


class Hang(BaseException):
    """The time limit passed (a BaseException: cli.main must not report it as a bug)."""


@dataclass
class Outcome:
    code: int
    out: str
    err: str
    hung: bool = False

    @property
    def crash_type(self) -> str | None:
        """The exception type a bug report names, e.g. "RecursionError"."""
        marker = "internal error ("
        if marker not in self.err:
            return None
        return self.err.split(marker, 1)[1].split(")", 1)[0]

    def problems(self) -> list[str]:
        found = []
        if self.hung:
            found.append(f"hang: over {TIME_LIMIT:g} s")
        elif self.code not in (0, 1, 2):
            found.append(f"exit {self.code}: {self.err.strip()[-300:]}")
        if "Traceback" in self.err:
            found.append("traceback on stderr")
        return found


def run(*args: object, limit: float = TIME_LIMIT) -> Outcome:
    """`cmwreport ARGS` through cli.main, stdout/stderr captured, within `limit` s."""
    from cmwreport.cli import main

    out = io.TextIOWrapper(io.BytesIO(), encoding="utf-8")
    err = io.TextIOWrapper(io.BytesIO(), encoding="utf-8", errors="backslashreplace")
    saved = sys.stdout, sys.stderr

    def expire(signum, frame):
        raise Hang

    previous = signal.signal(signal.SIGALRM, expire)
    signal.setitimer(signal.ITIMER_REAL, limit)
    sys.stdout, sys.stderr = out, err
    hung = False
    try:
        code = main([str(a) for a in args])
    except Hang:
        code, hung = -1, True
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)
        sys.stdout, sys.stderr = saved
    return Outcome(code, _text(out), _text(err), hung)


def _text(stream: io.TextIOWrapper) -> str:
    stream.flush()
    return stream.buffer.getvalue().decode("utf-8", "replace")


def fingerprint(root: Path) -> str:
    """Names, kinds and contents of everything under `root`, links not followed,
    special files not opened: equal before and after means nothing was changed."""
    digest = hashlib.sha256()
    for folder, dirs, files in os.walk(root):
        dirs.sort()
        for name in sorted(files) + [d + "/" for d in dirs]:
            path = os.path.join(folder, name.rstrip("/"))
            info = os.lstat(path)
            digest.update(os.fsencode(os.path.relpath(path, root)) + b"\0")
            digest.update(str(stat.S_IFMT(info.st_mode)).encode())
            if stat.S_ISREG(info.st_mode):
                with open(path, "rb") as handle:
                    digest.update(hashlib.sha256(handle.read()).digest())
            elif stat.S_ISLNK(info.st_mode):
                digest.update(os.fsencode(os.readlink(path)))
    return digest.hexdigest()


def scratch() -> tempfile.TemporaryDirectory:
    return tempfile.TemporaryDirectory(prefix="cmwreport-fuzz-")


#: What a build must never write into Word from the sources: characters XML 1.0 cannot
#: carry, and those `validate` refuses as errors when written literally (presentation
#: forms, bidi controls), whatever YAML escape they came through. (Zero-width
#: characters are a warning, T504: a build may carry them.)
FORBIDDEN = (
    "[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff\ufb50-\ufdff\ufe70-\ufeff"
    "\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]"
)


def forbidden_characters(docx: Path) -> int:
    """How many FORBIDDEN characters the text of a built document holds (0 if absent)."""
    import re
    import zipfile

    if not docx.is_file():
        return 0
    pattern = re.compile(FORBIDDEN)
    total = 0
    with zipfile.ZipFile(docx) as zf:
        for name in zf.namelist():
            if name.endswith(".xml"):
                text = zf.read(name).decode("utf-8", "surrogatepass")
                total += len(pattern.findall(text))
    return total


def campaign(mutations, known):
    """The Hypothesis settings and inputs every fuzz test shares: one to three mutation
    categories (those still known to fail left out) and a seed, replayed from the seed
    when a case fails."""
    from hypothesis import HealthCheck, given, settings
    from hypothesis import strategies as st

    def decorate(test):
        return settings(
            max_examples=examples(25),
            deadline=None,
            derandomize=True,
            phases=["explicit", "reuse", "generate"],
            suppress_health_check=[HealthCheck.too_slow],
        )(
            given(
                categories=st.lists(
                    st.sampled_from(sorted(set(mutations) - set(known))), min_size=1, max_size=3
                ),
                seed=st.integers(0, 2**32 - 1),
            )(test)
        )

    return decorate
