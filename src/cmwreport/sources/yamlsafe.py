"""Reading one YAML file safely, keeping where every value stands.

PyYAML's constructors lose positions and silently keep the last of duplicate keys; so
the parser's events are built into a located Node tree by `compose.Composer`, within
budgets of depth and size. This module reads the file and turns every way it can fail
into a located diagnostic.

Only regular files are opened (a named pipe or a device would block or never end),
and they are opened non-blocking as a second guard.
"""

from __future__ import annotations

import os
import re
import stat
from pathlib import Path

from cmwreport.diagnostics import Diagnostic
from cmwreport.i18n import _
from cmwreport.sources import plainyaml
from cmwreport.sources.compose import MAX_DEPTH, MAX_NODES, STR, Composer, Node, Stop

__all__ = ["MAX_DEPTH", "MAX_FILE_BYTES", "MAX_NODES", "STR", "FileReader", "Node"]

#: A drafter's source file is a few KiB; 1 MiB leaves room for big annexes.
MAX_FILE_BYTES = 1024 * 1024

#: `# cmwreport: ignore T507` (codes separated by commas or spaces; a reason may follow
#: after `--`), at the end of the line a warning points at.
#: This pattern and the next are compiled on first use (`re` keeps them): a clean tree
#: has no such comment and no diagnostic to place on a line.
SUPPRESSION = r"#\s*cmwreport:\s*ignore\s+(?P<codes>[A-Z]\d{3}(?:[\s,]+[A-Z]\d{3})*)\s*(?:--.*)?$"


#: What YAML counts as a line break, so that our line numbers are the parser's.
_LINE_BREAK = "\r\n|[\r\n\x85\u2028\u2029]"


def split_lines(text: str) -> list[str]:
    """A file's lines as the YAML parser numbers them (CRLF, CR, NEL, U+2028 ...)."""
    return re.split(_LINE_BREAK, text)


class FileReader:
    """Reads one file into a Node, collecting diagnostics instead of raising."""

    def __init__(self, path: Path, shown: str) -> None:
        self.path = path
        self.shown = shown  # the name diagnostics use, as the user's tree spells it
        self.diagnostics: list[Diagnostic] = []
        self.text: str | None = None
        #: Every text value (not keys), in file order, each once: what the text checks read.
        self.strings: list[Node] = []
        #: Whether every text value is known to hold only characters Python prints, none
        #: from U+F000 (checks/text.py then looks no further for suspect characters).
        self.plain = False

    def error(self, code: str, line: int, column: int, message: str) -> None:
        self.diagnostics.append(Diagnostic(self.shown, line, column, code, "error", message))

    def read(self, data: bytes | None = None) -> Node | None:
        """The file's values; `data`: bytes to read instead of the file, held to its bounds."""
        if data is not None and len(data) > MAX_FILE_BYTES:
            self._too_big(len(data))
            return None
        raw = self._read_bytes() if data is None else data
        if raw is None:
            return None
        text = self._decode(raw)
        if text is None:
            return None
        self.text = text
        root = self._compose(text)
        if self.plain and "\\" not in text:
            # No escape: every value is made of the file's characters, all printable,
            # and none from U+F000 (whose UTF-8 starts with the byte EF) if no EF byte
            # follows the byte order mark.
            self.plain = raw.find(b"\xef", 3 if raw.startswith(b"\xef\xbb\xbf") else 0) < 0
        else:
            self.plain = False
        return root

    def suppressions(self) -> dict[int, set[str]]:
        """Line -> codes that `# cmwreport: ignore ...` comments on that line name."""
        out: dict[int, set[str]] = {}
        if self.text is None or "cmwreport:" not in self.text:
            return out
        for number, line in enumerate(split_lines(self.text), start=1):
            found = re.search(SUPPRESSION, line)
            if found:
                out[number] = set(re.split(r"[\s,]+", found["codes"].strip()))
        return out

    def _read_bytes(self) -> bytes | None:
        flags = os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_CLOEXEC", 0)
        try:
            fd = os.open(self.path, flags)
        except OSError as exc:
            self.error("C001", 1, 1, _("cannot read the file: {value}", value=exc.strerror or exc))
            return None
        try:
            info = os.fstat(fd)
            if not stat.S_ISREG(info.st_mode):
                self.error("C001", 1, 1, _("not a regular file: not read"))
                return None
            if info.st_size > MAX_FILE_BYTES:
                self._too_big(info.st_size)
                return None
            chunks = []
            left = MAX_FILE_BYTES + 1
            while left > 0:
                chunk = os.read(fd, min(left, 1 << 16))
                if not chunk:
                    break
                chunks.append(chunk)
                left -= len(chunk)
        except OSError as exc:
            self.error("C001", 1, 1, _("cannot read the file: {value}", value=exc.strerror or exc))
            return None
        finally:
            os.close(fd)
        raw = b"".join(chunks)
        if len(raw) > MAX_FILE_BYTES:  # it grew while we read it
            self._too_big(len(raw))
            return None
        return raw

    def _too_big(self, size: int) -> None:
        self.error(
            "C002",
            1,
            1,
            _(
                "file is {size:,} bytes, over the {MAX_FILE_BYTES:,}-byte limit for a source "
                "file: split it (one file per meeting or axis)",
                size=size,
                MAX_FILE_BYTES=MAX_FILE_BYTES,
            ),
        )

    def _decode(self, raw: bytes) -> str | None:
        if raw.startswith(b"\xef\xbb\xbf"):
            raw = raw[3:]  # a UTF-8 BOM, as Notepad writes: harmless, not text
        try:
            return raw.decode("utf-8")
        except UnicodeDecodeError as exc:
            before = raw[: exc.start]
            line = before.count(b"\n") + 1
            column = len(before) - (before.rfind(b"\n") + 1) + 1
            self.error(
                "C001",
                line,
                column,
                _(
                    "not UTF-8 (byte 0x{raw:02X}): save the file as UTF-8 (in Word or Notepad: "
                    "Save As, encoding UTF-8)",
                    raw=raw[exc.start],
                ),
            )
            return None

    def _compose(self, text: str) -> Node | None:
        found = plainyaml.read_noting(text)
        if found is not None:
            root, self.strings, self.plain = found
            return root
        return self.compose_pyyaml(text)

    def compose_pyyaml(self, text: str) -> Node | None:
        """The file's values as PyYAML's parser reads them: every file outside the
        subset `plainyaml` reads, and the reference that reader is tested against."""
        import yaml

        loader_class = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
        loader = loader_class(text)
        try:
            composer = Composer(self.error)
            root = composer.document(loader, yaml)
            self.strings = composer.strings
            return root
        except yaml.MarkedYAMLError as exc:
            mark = exc.problem_mark or exc.context_mark
            line, column = (mark.line + 1, mark.column + 1) if mark else (1, 1)
            problem = exc.problem or "invalid YAML"
            at_tab = mark is not None and text[mark.index : mark.index + 1] == "\t"
            hint = ": indent with spaces, not tabs" if at_tab else _hint(problem)
            self.error(
                "C003", line, column, _("YAML syntax: {problem}{hint}", problem=problem, hint=hint)
            )
            return None
        except yaml.reader.ReaderError as exc:
            # A character YAML does not allow in a file (a control character, U+FFFE).
            before = text[: exc.position]
            line, column = before.count("\n") + 1, exc.position - (before.rfind("\n") + 1) + 1
            self.error(
                "C003",
                line,
                column,
                _(
                    "YAML syntax: character U+{character:04X} is not allowed in a YAML file: "
                    "delete it",
                    character=exc.character,
                ),
            )
            return None
        except yaml.YAMLError as exc:
            message = " ".join(str(exc).split())
            self.error("C003", 1, 1, _("YAML syntax: {message}", message=message))
            return None
        except Stop:
            return None
        finally:
            loader.dispose()


def _hint(problem: str) -> str:
    if "maximum nesting depth" in problem:
        return ": source files need a few levels; check the brackets and indentation"
    if "mapping values are not allowed" in problem:
        return ": a text containing ': ' must be quoted, e.g. title: \"...\""
    if "did not find expected key" in problem:
        return ": a quote opened on a line above may not be closed, or the indentation is off"
    if "could not find expected ':'" in problem:
        return ": a key is missing its ':' or a quote is not closed"
    if "found unexpected end of stream" in problem or "found unexpected" in problem:
        return ": check the quotes and brackets on this line"
    return ""
