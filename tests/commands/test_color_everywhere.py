"""`--color auto|always|never` on every command (issue 19), NO_COLOR honoured: the
diagnostics coverage and replies show before refusing bad sources are coloured like
validate's."""

from __future__ import annotations

import shutil

import pytest

from cmwreport.commands.app import COMMANDS
from tests.cli_helpers import cli
from tests.conftest import SOURCES

RED = "\033[31m"


@pytest.mark.parametrize("command", sorted(COMMANDS))
def test_every_command_takes_color(command):
    param = next(p for p in COMMANDS[command].params if p.name == "color")
    assert param.choices == ("auto", "always", "never")
    assert "--color" in cli(command, "--help").stdout
    bad = cli(command, "--color", "sometimes")
    assert bad.returncode == 2 and "sometimes" in bad.stderr


@pytest.mark.parametrize("command", ["coverage", "replies"])
def test_diagnostics_before_a_refusal_are_coloured_on_demand(tmp_path, command):
    sources = tmp_path / "sources"
    shutil.copytree(SOURCES, sources)
    (sources / "report.yaml").write_text("symbol: [unclosed\n", encoding="utf-8")
    always = cli(command, str(sources), "--color", "always")
    assert always.returncode != 0
    assert RED in always.stdout + always.stderr
    never = cli(command, str(sources), "--color", "never")
    assert RED not in never.stdout + never.stderr
    auto = cli(command, str(sources), env={"NO_COLOR": "1"})
    assert RED not in auto.stdout + auto.stderr
    assert never.stdout == auto.stdout
