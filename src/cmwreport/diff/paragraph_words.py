"""A paragraph's alignment, indentation and spacing changes as reviewers read them:
"alignment: aligned to the start -> centred", "indent at the start: 0 cm -> 1.27 cm"."""

from __future__ import annotations

from cmwreport.docx.paragraph_look import PARAGRAPH
from cmwreport.i18n import N_, _

_ALIGNMENT = {
    "start": N_("aligned to the start"),
    "end": N_("aligned to the end"),
    "centre": N_("centred"),
    "justified": N_("justified"),
}
_NAMES = {
    "alignment": N_("alignment"),
    "indent start": N_("indent at the start"),
    "indent end": N_("indent at the end"),
    "first line": N_("first-line indent"),
    "space before": N_("space before"),
    "space after": N_("space after"),
    "line spacing": N_("line spacing"),
}


def changes(before: tuple, after: tuple) -> list[str]:
    out = []
    for name, a, b in zip(PARAGRAPH, before, after, strict=True):
        if a != b:
            out.append(
                _(
                    "{property}: {before} -> {after}",
                    property=_(_NAMES[name]),
                    before=_value(name, a),
                    after=_value(name, b),
                )
            )
    return out


def _value(name: str, value) -> str:
    if name == "alignment":
        known = _ALIGNMENT.get(value)
        return _(known) if known else str(value)
    if name in ("space before", "space after"):
        return f"{value / 20:g} pt"
    if name == "line spacing":
        line, rule = value
        points, lines = f"{line / 20:g} pt", f"{line / 240:g}"
        if rule == "exact":
            return _("exactly {size}", size=points)
        if rule == "atLeast":
            return _("at least {size}", size=points)
        return _("{count} lines", count=lines)
    if name == "first line" and value < 0:
        return _("hanging {size}", size=_cm(-value))
    return _cm(value)


def _cm(twips: int) -> str:
    return f"{round(twips / 567, 2):g} cm"
