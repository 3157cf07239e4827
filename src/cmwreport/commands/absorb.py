"""`cmwreport absorb DRAFT.docx`: take reviewers' edits home into the sources and template.

Exit codes: 0 every edit absorbed (or none to absorb); 1 some edits were reported and
not absorbed, or the result would not validate (nothing written then); 2 trouble (a
missing or corrupt draft, sources that do not validate, a draft built from other
versions of the sources without --force). See docs/absorb.md.
"""

from __future__ import annotations

import sys
from pathlib import Path

from cmwreport.errors import Exit


def run(
    draft: Path,
    sources: Path,
    template: Path,
    *,
    dry_run: bool = False,
    only_accepted: bool = False,
    force: bool = False,
) -> int:
    from cmwreport.absorb import engine, report
    from cmwreport.outputs import write_atomic

    result = engine.run(
        Path(draft),
        engine.Options(Path(sources), Path(template), only_accepted=only_accepted, force=force),
    )
    if dry_run:
        sys.stdout.write(report.unified(result))
    elif result.files and not result.invalid:
        write_atomic(sorted(result.files.items()))  # OutputError (exit 2): nothing replaced
    sys.stdout.write(report.summary(result, dry_run=dry_run))
    return int(Exit.FAILED if result.unabsorbed or result.invalid else Exit.OK)
