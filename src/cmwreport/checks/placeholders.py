"""Values a drafting team must still supply: lines marked `# TO FILL`.

`cmwreport init` writes a skeleton whose every value passes validation (a real date, a
bracketed Arabic text) so that a new project builds at once; the mark on the line is
what says the value is provisional. It lives in a comment, which the YAML reader drops,
so it is found on the raw lines.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from cmwreport.diagnostics import Diagnostic
from cmwreport.i18n import _
from cmwreport.sources.load import LoadedFile
from cmwreport.sources.yamlsafe import split_lines

MARK = "TO FILL"
#: Compiled on first use (`re` keeps it): only a file with the mark needs it.
_MARKED = r"^(\s*(?:-\s+)?)([^\s:#][^:#]*):\s*(.*?)\s+#\s*" + MARK + r"\b"


def check_file(loaded: LoadedFile) -> Iterator[Diagnostic]:
    if not loaded.text or MARK not in loaded.text:
        return
    for number, line in enumerate(split_lines(loaded.text), start=1):
        found = re.match(_MARKED, line)
        if found is None:
            continue
        key = found.group(2).strip()
        yield Diagnostic(
            loaded.shown,
            number,
            found.start(3) + 1,
            "S107",
            "warning",
            _(
                "{key} is still to fill: replace the provisional value, then delete the '# "
                "{MARK}' mark",
                key=key,
                MARK=MARK,
            ),
        )
