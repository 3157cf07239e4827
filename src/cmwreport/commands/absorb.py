"""`cmwreport absorb DRAFT.docx`: take reviewers' edits home into the sources and template.

Exit codes: 0 every edit absorbed (or none to absorb); 1 some edits were reported and
not absorbed, or the result would not validate (nothing written then); 2 trouble (a
missing or corrupt draft, sources that do not validate, a draft built from other
versions of the sources without --force). See docs/absorb.md.
"""

from __future__ import annotations

import sys
from pathlib import Path

from cmwreport.errors import CmwError, Exit
from cmwreport.i18n import _


def main(
    drafts: list[str],
    path: str | None,
    template: str | None,
    dry_run: bool,
    only_accepted: bool,
    force: bool,
) -> int:
    from pathlib import Path

    from cmwreport.commands.common import path_argument
    from cmwreport.project.find import resolve

    # absorb writes no output folder: "." only spares a project search when both are given.
    paths = resolve(
        "absorb",
        None if path is None else path_argument(path, "--sources"),
        None if template is None else path_argument(template, "--template"),
        Path("."),
        packaged_template=False,
    )
    return run(
        [path_argument(draft, "DRAFT") for draft in drafts],
        paths.sources,
        paths.template,
        dry_run=dry_run,
        only_accepted=only_accepted,
        force=force,
    )


def run(
    drafts: Path | list[Path],
    sources: Path,
    template: Path,
    *,
    dry_run: bool = False,
    only_accepted: bool = False,
    force: bool = False,
) -> int:
    from cmwreport.absorb import engine, report
    from cmwreport.project import journal

    sources, template = Path(sources), Path(template)
    if not sources.is_dir():
        raise CmwError(
            _("{sources}: no such folder of sources; give it with --sources", sources=sources)
        )

    def waiting() -> None:
        sys.stderr.write(f"waiting for another cmwreport command working on {sources}\n")

    # One command at a time on a project: from the reading of the sources to the last
    # rename, so no other absorb's edit is lost and no build reads half of this one.
    with journal.locked(sources, exclusive=True, waiting=waiting):
        completed = journal.recover(sources, also=(template,))
        if completed:
            sys.stdout.write(
                f"note: completed the writing of {len(completed)} file(s) that an "
                "interrupted absorb had decided\n"
            )
        result = engine.run(
            [Path(d) for d in drafts] if isinstance(drafts, list) else Path(drafts),
            engine.Options(sources, template, only_accepted=only_accepted, force=force),
        )
        if dry_run:
            sys.stdout.write(report.unified(result))
        elif result.files and not result.invalid:
            # All files or none, also if killed (OutputError, exit 2: nothing replaced).
            journal.commit(sources, sorted(result.files.items()))
    sys.stdout.write(report.summary(result, dry_run=dry_run))
    return int(Exit.FAILED if result.unabsorbed or result.invalid else Exit.OK)
