"""The `cmwreport` entry point, and the one place trouble becomes an exit code.

Nothing heavy is imported here: the command line (commands/app.py) is
imported inside `main`'s try, so Ctrl-C at any moment, start-up imports included, ends
in one line and exit 130, never a traceback. Every command raises a subclass of
`cmwreport.errors.CmwError` for trouble the user can fix; anything else that escapes
is a bug in cmwreport and is reported as one (exit 3), never disguised as bad input.
"""

from __future__ import annotations

import os
import sys

# Nothing else at module level: until main's try is entered, Ctrl-C would print a
# traceback, so the module must load in well under a millisecond (enum alone is 6 ms).
_COMMANDS = ("validate", "build", "diff", "absorb", "schema", "init")
#: Exit status when the reader of standard output went away (`| head`): what a shell
#: reports for a program killed by SIGPIPE; nothing is printed.
BROKEN_PIPE = 141
#: errors.Exit.INTERRUPTED and BUG, repeated so that this module imports nothing.
INTERRUPTED = 130
BUG = 3
#: Commands that leave no cyclic garbage (gc.collect() finds none after each, on the
#: bench's `full` tree): run as a process, they run without the cycle collector.
_NO_CYCLES = ("validate", "build", "diff")
#: Commands (None: help, version, a usage error) whose process ends without the
#: interpreter's exit (`_exit_now`).
_EXIT_NOW = (None, *_NO_CYCLES)


def main(argv: list[str] | None = None) -> int:
    """Run the command line; return its exit code (the console script exits with it)."""
    prefix, debug = "cmwreport", False
    try:
        sys.unraisablehook = _unraisable
        args = sys.argv[1:] if argv is None else [str(a) for a in argv]
        args, lang = _take_lang(args)
        command = next((a for a in args if not a.startswith("-")), None)
        prefix = f"cmwreport {command}" if command in _COMMANDS else "cmwreport"
        debug = _debug(args, command)
        from cmwreport.errors import CmwError
        from cmwreport.stdio import guard_stdout

        try:
            _choose_language(lang)
            if argv is None:
                _collect_less(command)
            with guard_stdout():
                code = _invoke(args)
            if _interrupted_unraisably:
                raise KeyboardInterrupt
            if argv is None:
                _collect_less(None)
                _exit_now(code, command)
            return code
        except CmwError as exc:
            if debug:
                _traceback(exc)
            return _say(prefix, str(exc), exc.exit_code)
    except KeyboardInterrupt:
        return _say(prefix, _interrupted(), INTERRUPTED)
    except BrokenPipeError:
        return _reader_gone()
    except Exception as exc:  # the one catch-all: an unexpected exception is a bug (exit 3)
        if _caused_by_interrupt(exc):
            return _say(prefix, _interrupted(), INTERRUPTED)
        return _bug(prefix, exc, debug)


_LANG = "--lang"


def _take_lang(args: list[str]) -> tuple[list[str], str | None]:
    """`--lang X` (or `--lang=X`) taken out wherever it stands, before or after the
    command, so that every command speaks it and the help that click writes too."""
    rest, lang, i = [], None, 0
    while i < len(args):
        arg = args[i]
        if arg == "--":
            rest.extend(args[i:])
            break
        if arg == _LANG:
            lang = args[i + 1] if i + 1 < len(args) else ""
            i += 2
            continue
        if arg.startswith(_LANG + "="):
            lang = arg[len(_LANG) + 1 :]
        else:
            rest.append(arg)
        i += 1
    return rest, lang


def _choose_language(lang: str | None) -> None:
    from cmwreport import i18n
    from cmwreport.errors import CmwError

    try:
        i18n.choose(lang)
    except i18n.UnknownLanguage:
        raise CmwError(
            f"--lang {lang!r}: cmwreport speaks ar (Arabic), fr (French) and en (English)"
        ) from None


def _interrupted() -> str:
    # Ctrl-C can land while the catalogue is read: then the English word.
    try:
        from cmwreport.i18n import _

        return _("interrupted")
    except BaseException:
        return "interrupted"


_interrupted_unraisably = False


def _unraisable(unraisable) -> None:
    """Ctrl-C that lands in a callback Python cannot raise from (a weakref callback of
    the import system): remembered, not printed; anything else as Python shows it."""
    global _interrupted_unraisably
    if isinstance(unraisable.exc_value, KeyboardInterrupt):
        _interrupted_unraisably = True
        return
    sys.__unraisablehook__(unraisable)


def _caused_by_interrupt(exc: BaseException) -> bool:
    # Python 3.11 wraps an exception raised in __set_name__ (Ctrl-C while a class body
    # is created during an import) in a RuntimeError.
    seen = set()
    while exc is not None and id(exc) not in seen:
        if isinstance(exc, KeyboardInterrupt):
            return True
        seen.add(id(exc))
        exc = exc.__cause__ or exc.__context__
    return False


def _collect_less(command: str | None) -> None:
    """The cycle collector, in a process that is cmwreport (not a caller's, which keeps
    its own): its passes over every module's objects were a tenth of a small diff.
    Off while a command that makes no cycles runs; at the end, what is left is frozen,
    so the interpreter's exit does not walk it all again (issue 21)."""
    import gc

    if command is None:
        gc.freeze()
    elif command in _NO_CYCLES:
        gc.disable()


def _exit_now(code: int, command: str | None) -> None:
    """End a process that is cmwreport once its command is done, without the
    interpreter's exit, which takes every module's objects apart one by one (4.4 M
    instructions of a diff of two small drafts, 3.3 M of `--help`; issue 21). The
    command's files are written and closed by then (outputs.write_atomic), and
    standard output and error are flushed here. Returns, leaving the exit to the
    interpreter as before, where anything could still need it: another command, a
    callback registered with atexit (a coverage tool's), a thread still running, or a
    stream that cannot be flushed (the interpreter then reports it as it always did)."""
    import atexit

    if command not in _EXIT_NOW or atexit._ncallbacks():
        return
    threading = sys.modules.get("threading")
    if threading is not None and threading.active_count() > 1:
        return
    try:
        for stream in (sys.stdout, sys.stderr):
            if stream is not None:
                stream.flush()
    except (OSError, ValueError):
        return
    os._exit(code)


def _invoke(args: list[str]) -> int:
    from cmwreport.commands.app import dispatch

    return dispatch(args)


def _debug(args: list[str], command: str | None) -> bool:
    before = args[: args.index(command)] if command in args else args
    flag = os.environ.get("CMWREPORT_DEBUG", "").strip().lower()
    return "--debug" in before or flag not in ("", "0", "false", "no")


def _say(prefix: str, message: str, code: int) -> int:
    lines = message.splitlines() or [""]
    _stderr("".join(f"{prefix}: {line}\n" for line in lines))
    return int(code)


def _stderr(text: str) -> None:
    try:
        sys.stderr.write(text)
        sys.stderr.flush()
    except OSError:  # stderr itself is gone or full: the exit code still tells
        pass


def _reader_gone() -> int:
    # Point stdout at /dev/null so the interpreter's final flush does not complain.
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError):
        pass
    return BROKEN_PIPE


def _traceback(exc: BaseException) -> None:
    import traceback

    _stderr("".join(traceback.format_exception(exc)))


def _bug(prefix: str, exc: BaseException, debug: bool) -> int:
    from cmwreport.crash import write_crash_report

    if debug:
        _traceback(exc)
    where = write_crash_report(exc)
    try:
        message = _bug_line(type(exc).__name__, where, debug)
    except Exception:  # the translation failing must not hide the bug being reported
        message = f"internal error ({type(exc).__name__}): this is a bug in cmwreport"
    return _say(prefix, message, BUG)


def _bug_line(kind: str, where: object, debug: bool) -> str:
    from cmwreport.i18n import _

    if where and debug:
        return _(
            "internal error ({kind}): this is a bug in cmwreport, not a problem with your "
            "files; traceback written to {where}; please report it",
            kind=kind,
            where=where,
        )
    if where:
        return _(
            "internal error ({kind}): this is a bug in cmwreport, not a problem with your "
            "files; traceback written to {where}; run with --debug to show it; please report it",
            kind=kind,
            where=where,
        )
    if debug:
        return _(
            "internal error ({kind}): this is a bug in cmwreport, not a problem with your "
            "files; traceback not saved; please report it",
            kind=kind,
        )
    return _(
        "internal error ({kind}): this is a bug in cmwreport, not a problem with your "
        "files; traceback not saved; run with --debug to show it; please report it",
        kind=kind,
    )
