"""A small command-line parser and help printer, in the manner of click's plain output.

Why not Typer or click: importing Typer costs about 60 ms (and its Rich help another
180 ms) before a command does anything, on every call; `--help` would then take ten
times a bare interpreter's start. The commands' options are few and plain (flags,
choices, strings), so they are declared as data (`commands/app.py`) and parsed here
with the standard library's core only. Messages and exit codes are click's: usage
errors print the usage line, a hint, and `Error: ...`, and exit 2.
"""

from __future__ import annotations

import sys

from cmwreport.i18n import N_, _

WIDTH = 80


class UsageError(Exception):
    """Bad command-line input: shown with the usage line of `command`, exit 2."""

    def __init__(self, message: str, command: Command | None = None) -> None:
        super().__init__(message)
        self.command = command


class Param:
    """An argument (no flags) or an option (`flags` such as ("--format", "-f")).
    `choices` is None for a flag that takes no value, else the values it may take
    (empty: any). (A plain class: dataclasses would import inspect and ast.)"""

    def __init__(
        self,
        name: str,
        help: str,
        flags: tuple[str, ...] = (),
        choices: tuple[str, ...] | None = (),
        default: object = None,
        required: bool = False,
        show_default: bool = False,
        many: bool = False,
    ) -> None:
        self.name, self.help, self.flags, self.choices = name, help, flags, choices
        self.default, self.required, self.show_default = default, required, show_default
        #: The last argument may take every remaining value (a list).
        self.many = many

    @property
    def is_flag(self) -> bool:
        return self.choices is None

    @property
    def label(self) -> str:
        return " / ".join(f"'{f}'" for f in self.flags)


class Command:
    """A command: its name, help, parameters, and the "module:function" called with the
    parsed values as keyword arguments."""

    def __init__(self, name: str, help: str, target: str, params: tuple[Param, ...] = ()):
        self.name, self.help, self.target, self.params = name, help, target, params

    @property
    def arguments(self) -> list[Param]:
        return [p for p in self.params if not p.flags]

    @property
    def options(self) -> list[Param]:
        return [p for p in self.params if p.flags]

    def usage(self, prog: str) -> str:
        names = " ".join(
            (a.name.upper() + ("..." if a.many else "")) if a.required else f"[{a.name.upper()}]"
            for a in self.arguments
        )
        return f"Usage: {prog} {self.name} [OPTIONS] {names}".rstrip()


HELP = Param("help", N_("Show this message and exit."), ("--help",), choices=None)


def parse(command: Command, args: list[str]) -> dict[str, object] | None:
    """The values of `command`'s parameters from `args`; None when --help was asked."""
    by_flag = {flag: p for p in command.options for flag in p.flags}
    values: dict[str, object] = {p.name: p.default for p in command.params}
    given: set[str] = set()
    positional: list[str] = []
    rest = list(args)
    if "--help" in (rest[: rest.index("--")] if "--" in rest else rest):
        return None
    while rest:
        arg = rest.pop(0)
        if arg == "--":
            positional += rest
            break
        if not arg.startswith("-") or arg == "-":
            positional.append(arg)
            continue
        flag, value = _split(arg, by_flag)
        param = by_flag.get(flag)
        if param is None:
            raise UsageError(_("No such option: {flag}", flag=flag), command)
        if param.is_flag:
            if value is not None:
                raise UsageError(_("Option '{flag}' does not take a value.", flag=flag), command)
            values[param.name] = True
            continue
        if value is None:
            if not rest:
                raise UsageError(_("Option '{flag}' requires an argument.", flag=flag), command)
            value = rest.pop(0)
        if param.choices and value not in param.choices:
            allowed = ", ".join(f"'{c}'" for c in param.choices)
            raise UsageError(
                _(
                    "Invalid value for {label}: '{value}' is not one of {allowed}.",
                    label=param.label,
                    value=value,
                    allowed=allowed,
                ),
                command,
            )
        values[param.name] = value
        given.add(param.name)
    arguments = command.arguments
    if arguments and arguments[-1].many and len(positional) >= len(arguments):
        head = len(arguments) - 1
        positional = [*positional[:head], positional[head:]]
    if len(positional) > len(arguments):
        extra = " ".join(positional[len(arguments) :])
        raise UsageError(_("Got unexpected extra argument ({extra})", extra=extra), command)
    for param, value in zip(arguments, positional, strict=False):
        values[param.name] = value
        given.add(param.name)
    for param in command.params:
        if param.required and param.name not in given:
            kind = "option" if param.flags else "argument"
            shown = param.label if param.flags else f"'{param.name.upper()}'"
            raise UsageError(_("Missing {kind} {shown}.", kind=kind, shown=shown), command)
    return values


def _split(arg: str, by_flag: dict[str, Param]) -> tuple[str, str | None]:
    """`--opt=value`, `-fvalue` and `-f` as (flag, value or None)."""
    if arg.startswith("--"):
        flag, eq, value = arg.partition("=")
        return flag, value if eq else None
    if len(arg) > 2 and arg[:2] in by_flag and not by_flag[arg[:2]].is_flag:
        return arg[:2], arg[2:]
    return arg, None


def help_text(prog: str, usage: str, description: str, sections: list[tuple[str, list]]) -> str:
    """Click's plain help page: usage, the description indented, then each section's rows
    (term, text) with the texts aligned and wrapped to 80 columns."""
    out = [usage, ""] + [f"  {line}" for line in wrap(description, WIDTH - 2)]
    for title, rows in sections:
        if not rows:
            continue
        out += ["", f"{title}:"]
        column = min(max(len(term) for term, _ in rows), 30) + 4
        for term, text in rows:
            lines = wrap(text, WIDTH - column) or [""]
            if len(term) + 4 > column:
                out.append(f"  {term}")
                out += [" " * column + line for line in lines]
                continue
            out.append(f"  {term.ljust(column - 2)}{lines[0]}".rstrip())
            out += [" " * column + line for line in lines[1:]]
    return "\n".join(out) + "\n"


def command_help(prog: str, command: Command) -> str:
    # The help is declared in English (N_ in commands/app.py) and translated here, when
    # it is shown: start-up reads no catalogue.
    required = " " + _("[required]")
    arguments = [
        (a.name.upper(), _(a.help) + (required if a.required else "")) for a in command.arguments
    ]
    options = [(_term(p), _option_text(p)) for p in (*command.options, HELP)]
    return help_text(
        prog,
        command.usage(prog),
        _(command.help),
        [(_("Arguments"), arguments), (_("Options"), options)],
    )


def _term(p: Param) -> str:
    term = ", ".join(p.flags)
    if p.choices:
        term += " [" + "|".join(p.choices) + "]"
    elif not p.is_flag:
        term += " TEXT"
    return term


def _option_text(p: Param) -> str:
    text = _(p.help)
    if p.show_default and p.default is not None:
        text += "  " + _("[default: {value}]", value=p.default)
    if p.required:
        text += "  " + _("[required]")
    return text


def wrap(text: str, width: int) -> list[str]:
    """Words into lines of at most `width` characters (textwrap would import re)."""
    lines: list[str] = []
    line = ""
    for word in text.split():
        if line and len(line) + 1 + len(word) > width:
            lines.append(line)
            line = word
        else:
            line = f"{line} {word}" if line else word
    if line:
        lines.append(line)
    return lines


def show_usage_error(prog: str, error: UsageError, top_usage: str) -> None:
    usage = error.command.usage(prog) if error.command else top_usage
    hint = f"{prog} {error.command.name} --help" if error.command else f"{prog} --help"
    try_help = _("Try '{hint}' for help.", hint=hint)
    error_word = _("Error")
    sys.stderr.write(f"{usage}\n{try_help}\n\n{error_word}: {error}\n")
