"""Diagnostics as SARIF 2.1.0 (OASIS), for code-scanning tools (GitHub code scanning,
editors' SARIF viewers): one run, one rule per code, one result per diagnostic; paths
relative to where cmwreport ran, as the text output shows them; columns in Unicode
code points (cmwreport counts characters)."""

from __future__ import annotations

import json
import os
from typing import TextIO

from cmwreport.diagnostics import Diagnostic

SCHEMA = (
    "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"
)
INFORMATION = "docs/source-format.md"


def document(diagnostics: list[Diagnostic]) -> dict:
    from cmwreport import __version__

    codes = sorted({d.code for d in diagnostics})
    index = {code: i for i, code in enumerate(codes)}
    return {
        "$schema": SCHEMA,
        "version": "2.1.0",
        "runs": [
            {
                "tool": {
                    "driver": {
                        "name": "cmwreport",
                        "version": __version__,
                        "informationUri": INFORMATION,
                        "rules": [{"id": code, "helpUri": INFORMATION} for code in codes],
                    }
                },
                "columnKind": "unicodeCodePoints",
                "results": [
                    {
                        "ruleId": d.code,
                        "ruleIndex": index[d.code],
                        "level": "error" if d.is_error else "warning",
                        "message": {"text": d.message},
                        "locations": [
                            {
                                "physicalLocation": {
                                    "artifactLocation": {"uri": d.file.replace(os.sep, "/")},
                                    "region": {"startLine": d.line, "startColumn": d.column},
                                }
                            }
                        ],
                    }
                    for d in diagnostics
                ],
            }
        ],
    }


def write_sarif(diagnostics: list[Diagnostic], stream: TextIO) -> None:
    json.dump(document(diagnostics), stream, ensure_ascii=False, indent=2)
    stream.write("\n")
