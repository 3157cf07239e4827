"""Standard output that fails as trouble the user can fix, not as a traceback.

A full device (`> /dev/full`), a closed pipe or a terminal whose encoding cannot carry
Arabic are facts about where the output goes: one line and exit 2 (a closed pipe ends
quietly, see `cli.main`). File names that are not valid UTF-8 reach Python as lone
surrogates; on a UTF-8 stream they are written back as the bytes they came from, as
`ls` does, and any other unencodable character is shown escaped rather than failing.
"""

from __future__ import annotations

import codecs
import sys

from cmwreport.errors import CmwError
from cmwreport.i18n import _

_HANDLER = "cmwreport-stdout"


class StdoutError(CmwError):
    """Standard output cannot take what the command writes."""


def _escape_or_restore(exc: UnicodeError) -> tuple[str | bytes, int]:
    if not isinstance(exc, UnicodeEncodeError):
        raise exc
    chunk = exc.object[exc.start : exc.end]
    if all("\udc80" <= c <= "\udcff" for c in chunk):
        return bytes(ord(c) - 0xDC00 for c in chunk), exc.end
    return codecs.backslashreplace_errors(exc)


codecs.register_error(_HANDLER, _escape_or_restore)


def _is_unicode(encoding: str | None) -> bool:
    try:
        return codecs.lookup(encoding or "ascii").name.startswith(("utf-", "gb18030"))
    except LookupError:
        return False


class _GuardedStdout:
    """sys.stdout, with write and flush failures turned into StdoutError."""

    def __init__(self, stream) -> None:
        self._stream = stream

    def write(self, text: str) -> int:
        try:
            return self._stream.write(text)
        except UnicodeEncodeError:
            raise StdoutError(_encoding_message(self._stream.encoding)) from None
        except BrokenPipeError:
            raise
        except OSError as exc:
            raise StdoutError(
                _("cannot write to standard output: {value}", value=exc.strerror or exc)
            ) from None

    def flush(self) -> None:
        try:
            self._stream.flush()
        except BrokenPipeError:
            raise
        except OSError as exc:
            raise StdoutError(
                _("cannot write to standard output: {value}", value=exc.strerror or exc)
            ) from None

    def __getattr__(self, name: str):
        return getattr(self._stream, name)


def _encoding_message(encoding: str | None) -> str:
    return (
        f"standard output uses the {encoding} encoding, which cannot carry Arabic text; "
        "use a UTF-8 locale (e.g. LANG=C.UTF-8) or set PYTHONIOENCODING=utf-8"
    )


def guard_stdout() -> _StdoutGuard:
    """Guard sys.stdout while a command runs, and flush it before leaving, so a full
    device is reported here rather than by the interpreter at exit."""
    return _StdoutGuard()


class _StdoutGuard:
    # A class rather than contextlib.contextmanager: contextlib is 2.8 M instructions,
    # 4% of `--help`, and nothing else a command starts with needs it (issue 21).
    def __enter__(self) -> None:
        self._original = original = sys.stdout
        if original is None:  # started without a standard output (pythonw, closed fd)
            return
        if _is_unicode(getattr(original, "encoding", None)) and hasattr(original, "reconfigure"):
            original.reconfigure(errors=_HANDLER)
        sys.stdout = _GuardedStdout(original)

    def __exit__(self, kind, exc, traceback) -> None:
        if self._original is None:
            return
        try:
            if kind is None:
                sys.stdout.flush()
        finally:
            sys.stdout = self._original


def write_bytes(data: bytes) -> None:
    """Binary output (`--redline -`) to standard output, with the same failures."""
    stream = sys.stdout
    try:
        stream.flush()
        stream.buffer.write(data)
        stream.buffer.flush()
    except BrokenPipeError:
        raise
    except OSError as exc:
        raise StdoutError(
            _("cannot write to standard output: {value}", value=exc.strerror or exc)
        ) from None
