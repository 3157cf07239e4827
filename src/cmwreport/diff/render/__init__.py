"""The diff reports, chosen by name from one registry (check-jsonschema's reporter.py is
the model): `--format text|json` for standard output, "html" for `--html`. Each takes
the comparison's Result and the DiffOptions and returns the report as text; the
command only writes it. The redline is a package, not a report (redline/writer.py)."""

from __future__ import annotations

from collections.abc import Callable

from cmwreport.diff.compare import Result
from cmwreport.diff.options import DiffOptions


def _text(result: Result, options: DiffOptions) -> str:
    from cmwreport.diff.render.text import render

    return render(result, color=options.color, reshape=options.reshape, context=options.context)


def _json(result: Result, options: DiffOptions) -> str:
    from cmwreport.diff.render.json_text import dumps

    data = result.as_json()
    changes, data["changes"] = data["changes"], []
    text = dumps(data) + "\n"
    if not changes:
        return text
    # Each change encoded on its own, indented as json.dumps would nest it: the whole
    # report at once made a list of a million small strings (45 MB on `stress`). A
    # newline is always escaped inside a JSON string, so only the layout's are indented.
    shown = ",\n".join("    " + dumps(c).replace("\n", "\n    ") for c in changes)
    # The top-level key is the one line indented by two spaces that reads so.
    empty = '\n  "changes": [],\n'
    return text.replace(empty, '\n  "changes": [\n' + shown + "\n  ],\n", 1)


def _html(result: Result, options: DiffOptions) -> str:
    from cmwreport.diff.render.html import render

    return render(result)


RENDERERS: dict[str, Callable[[Result, DiffOptions], str]] = {
    "text": _text,
    "json": _json,
    "html": _html,
}


def render(name: str, result: Result, options: DiffOptions) -> str:
    return RENDERERS[name](result, options)
