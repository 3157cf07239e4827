"""`cmwreport schema --out DIR`: the JSON Schema of each kind of source file, for editors.

Writes DIR/report.schema.json, consultations.schema.json, meeting.schema.json,
axis.schema.json and reference.schema.json, generated from the one declaration of the
fields (cmwreport.sources.schema). Exit codes: 0 written; 2 the folder cannot be
written (nothing written).
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

from cmwreport.errors import CmwError, Exit
from cmwreport.i18n import _


class SchemaOutputError(CmwError):
    """The output folder cannot be written."""


def main(out: str | None) -> int:
    from pathlib import Path

    from cmwreport.commands.common import path_argument

    if out is None:
        from cmwreport.project import find as project
        from cmwreport.project.skeleton import SCHEMAS

        found = project.find(project.current_folder())
        # The folder `init` fills, which the sources' yaml-language-server lines name.
        return run(found.root / SCHEMAS if found is not None else Path(SCHEMAS))
    return run(path_argument(out, "--out"))


def run(out: Path) -> int:
    from cmwreport.outputs import write_atomic
    from cmwreport.sources.editor_schema import file_name, json_schemas

    if str(out) == "-":
        raise SchemaOutputError(_("--out -: the schemas are several files; give a folder"))
    files = [
        (out / file_name(kind), (json.dumps(schema, ensure_ascii=False, indent=2) + "\n").encode())
        for kind, schema in json_schemas().items()
    ]
    try:
        out.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise SchemaOutputError(
            _("cannot write to {out}: {value}", out=out, value=exc.strerror or exc)
        ) from None
    write_atomic(files)  # OutputError (exit 2): nothing replaced
    for path, _data in files:
        sys.stdout.write(f"wrote {path}\n")
    return Exit.OK
