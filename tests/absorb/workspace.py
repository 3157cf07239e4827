"""A private workspace for absorb tests: copies of the shipped sources and template,
a build of them, and the commands run as a drafter runs them."""

from __future__ import annotations

import hashlib
import json
import shutil
import subprocess
from dataclasses import dataclass
from pathlib import Path

from tests.cli_helpers import cli
from tests.conftest import ROOT


@dataclass
class Workspace:
    root: Path

    @property
    def sources(self) -> Path:
        return self.root / "sources"

    @property
    def template(self) -> Path:
        return self.root / "template.docx"

    @property
    def report(self) -> Path:
        return self.root / "out" / "CMW-C-MAR-2.docx"

    @property
    def annex(self) -> Path:
        return self.root / "out" / "CMW-C-MAR-2-annex.docx"

    @classmethod
    def make(cls, root: Path) -> Workspace:
        shutil.copytree(ROOT / "sources", root / "sources")
        shutil.copy(ROOT / "templates" / "periodic-report.docx", root / "template.docx")
        ws = cls(root)
        ws.build()
        return ws

    def build(self, out: Path | None = None) -> Path:
        out = out or self.root / "out"
        proc = self.cli("build", str(self.sources), "-t", str(self.template), "-o", str(out))
        assert proc.returncode == 0, proc.stderr
        return out

    def absorb(self, *drafts_and_options) -> subprocess.CompletedProcess:
        """`cmwreport absorb` of one draft or several, then options (strings)."""
        args = [str(a) for a in drafts_and_options]
        return self.cli("absorb", *args, "-s", str(self.sources), "-t", str(self.template))

    def cli(self, *args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess:
        return cli(*args, cwd=self.root, env=env)

    def snapshot(self) -> dict[str, str]:
        """A hash of every source file and of the template, to prove what changed."""
        files = sorted(self.sources.rglob("*.yaml")) + [self.template]
        return {
            str(p.relative_to(self.root)): hashlib.sha256(p.read_bytes()).hexdigest() for p in files
        }

    def rebuild_diff(self, edited: Path, which: str = "report") -> dict:
        """`cmwreport diff` of the edited draft against a build of the absorbed sources."""
        out = self.build(self.root / "rebuilt")
        rebuilt = out / ("CMW-C-MAR-2.docx" if which == "report" else "CMW-C-MAR-2-annex.docx")
        proc = self.cli("diff", str(edited), str(rebuilt), "--format", "json")
        assert proc.returncode in (0, 1), proc.stderr
        return json.loads(proc.stdout)
