"""The one error path: trouble the user can fix, and the exit codes every command uses.

Kept free of heavy imports: every command reports through it, and `cli.main` is the
only place that turns these into exit codes and one-line messages (pre-commit's
`errors.py` + `error_handler.py` are the model).
"""

from __future__ import annotations


class Exit:
    """Exit codes shared by every command (documented in README.md). Plain ints, not an
    IntEnum, whose creation every command paid (1% of `--help`)."""

    OK = 0
    #: validate/build: the sources have errors; diff: the drafts differ.
    FAILED = 1
    #: Usage or I/O trouble: a missing path, an unreadable or corrupt file, an
    #: unwritable output. Always one line on stderr.
    TROUBLE = 2
    #: A bug in cmwreport: never a finding about the user's files.
    BUG = 3
    #: Interrupted (Ctrl-C), as shells report SIGINT.
    INTERRUPTED = 130


class CmwError(Exception):
    """Trouble the user can fix (exit 2). The message is one line, says where and what
    to do, and is printed as `cmwreport <command>: <message>` by `cli.main` alone."""

    exit_code = Exit.TROUBLE


class Failed(CmwError):
    """Findings already reported (errors in the sources): exit 1, with a one-line
    summary of what was not done."""

    exit_code = Exit.FAILED
