"""Checks across fields and files: ids, references between files and to UN documents,
symbols.

They run on whatever loaded, even when some values failed their own checks (those are
None here and skipped), so one run reports everything; and they say nothing about a
file that could not be parsed, which is reported once already (no cascade).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from cmwreport.diagnostics import Diagnostic
from cmwreport.i18n import _
from cmwreport.reference import convention, document_file_name, shipped_reference
from cmwreport.sources.load import Loaded
from cmwreport.sources.model import Loc, ReferenceDocument, Report

#: typing is imported only by type checkers: every command would pay for it.
TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any


def _diag(loc: Loc, code: str, message: str, severity: str = "error") -> Diagnostic:
    return Diagnostic(loc.file, loc.line, loc.column, code, severity, message)


def duplicate_ids(loaded: Loaded) -> Iterator[Diagnostic]:
    # Ids name bookmarks in the Word file, so they must be unique across the whole tree.
    # Where an id stands is worked out only for a duplicate: thousands of items have ids.
    seen: dict[str, Any] = {}
    for kind in ("report", "consultations", "meeting", "axis"):
        for item in loaded.objects(kind):
            item_id = getattr(item, "id", None)
            if isinstance(item_id, str):
                holder = seen.setdefault(item_id, item)
                if holder is not item:
                    loc, first = item.at("id"), holder.at("id")
                    yield _diag(
                        loc,
                        "R201",
                        _(
                            "duplicate id '{item_id}' (first at {file}:{line}): ids must be "
                            "unique across all sources; rename this one",
                            item_id=item_id,
                            file=first.file,
                            line=first.line,
                        ),
                    )


def axis_order(loaded: Loaded) -> Iterator[Diagnostic]:
    axes = {a.id: a for a in loaded.values("axis") if isinstance(a.id, str)}
    unparsed = [f for f in loaded.of_kind("axis") if not f.parsed]
    # An axis file YAML cannot parse is reported once; its id, when its text shows it,
    # still counts, and when it does not (or an axis file could not be read at all), no
    # listed id is called missing.
    recovered = {f.recovered_id for f in unparsed}
    unknown_unparsed = any(i is None for i in recovered) or "axis" in loaded.unread
    for consultations in loaded.values("consultations"):
        if not isinstance(consultations.axis_order, list):
            continue
        listed: set[str] = set()
        for loc, axis_id in zip(
            consultations.items_at("axis_order"), consultations.axis_order, strict=True
        ):
            if axis_id is None:
                continue
            if axis_id in listed:
                yield _diag(
                    loc,
                    "S104",
                    _("axis '{axis_id}' is listed twice in outcomes.axes", axis_id=axis_id),
                )
            elif axis_id not in axes and axis_id not in recovered and not unknown_unparsed:
                known = ", ".join(sorted(axes)) or "none"
                yield _diag(
                    loc,
                    "R202",
                    _(
                        "no axis with id '{axis_id}' in axes/ (known: {known}): fix the id or add "
                        "the axis file",
                        axis_id=axis_id,
                        known=known,
                    ),
                )
            listed.add(axis_id)
        for axis_id, axis in axes.items():
            if axis_id not in listed:
                yield _diag(
                    axis.at("id"),
                    "R204",
                    _(
                        "axis '{axis_id}' is not listed in consultations.yaml outcomes.axes, so "
                        "the annex would leave it out: add it to the list where it belongs",
                        axis_id=axis_id,
                    ),
                )


def _expected_symbols(state: str, cycle: int) -> tuple[str, str, str]:
    """The report's symbol, its previous concluding observations', its list of issues'."""
    return f"CMW/C/{state}/{cycle}", f"CMW/C/{state}/CO/{cycle - 1}", f"CMW/C/{state}/QPR/{cycle}"


def symbols(report) -> Iterator[Diagnostic]:
    """Symbols that do not fit the State and cycle, with both ways out: write the symbol
    the cycle implies, or set the cycle the symbol implies (and the symbols that go with it)."""
    state, cycle = report.state, report.cycle
    if not isinstance(state, str) or not isinstance(cycle, int):
        return
    holders = (report, report.previous_observations, report.list_of_issues)
    have = [getattr(holder, "symbol", None) for holder in holders]
    for index, (holder, want) in enumerate(
        zip(holders, _expected_symbols(state, cycle), strict=True)
    ):
        if not isinstance(have[index], str) or have[index] == want:
            continue
        said = {"symbol": have[index], "state": state, "cycle": cycle, "want": want}
        message = _(
            "symbol {symbol} does not fit report {state}, cycle {cycle}: write {want}", **said
        )
        implied = _cycle_of(have[index], state, index)
        if implied is not None and implied != cycle:
            others = [
                symbol
                for i, symbol in enumerate(_expected_symbols(state, implied))
                if i != index and isinstance(have[i], str) and have[i] != symbol
            ]
            if others:
                message = _(
                    "symbol {symbol} does not fit report {state}, cycle {cycle}: write {want}, "
                    "or if {symbol} is right, set cycle: {implied} (and write {others})",
                    **said,
                    implied=implied,
                    others=_(" and ").join(others),
                )
            else:
                message = _(
                    "symbol {symbol} does not fit report {state}, cycle {cycle}: write {want}, "
                    "or if {symbol} is right, set cycle: {implied}",
                    **said,
                    implied=implied,
                )
        yield _diag(holder.at("symbol"), "N402", message)


def _cycle_of(symbol: str, state: str, index: int) -> int | None:
    """The cycle a symbol of the report (0), its CO (1) or its list of issues (2) implies."""
    prefix = (f"CMW/C/{state}/", f"CMW/C/{state}/CO/", f"CMW/C/{state}/QPR/")[index]
    number = symbol.removeprefix(prefix)
    if number == symbol or not number.isdigit():
        return None
    return int(number) + (1 if index == 1 else 0)


def cited_documents(loaded: Loaded) -> Iterator[Diagnostic]:
    """Paragraph numbers (`observations`) judged against the data of the document
    report.yaml cites, never another one's; a cited document without data is named once."""
    citing = loaded.cited_by()
    reports = [v for v in citing if isinstance(v, Report)]
    if len(reports) != 1:
        return  # unknown which document is cited: nothing to judge against
    report = reports[0]
    documents, diagnostics = documents_of(report, citing)
    yield from diagnostics
    for holder in (report.previous_observations, report.list_of_issues):
        symbol = getattr(holder, "symbol", None)
        if isinstance(symbol, str) and symbol not in documents and not loaded.single:
            yield _diag(
                holder.at("symbol"),
                "R206",
                _(
                    "no paragraph data for {symbol}: paragraph numbers cited from it are not "
                    "checked; add sources/reference/{document_file_name} (see "
                    "docs/source-format.md)",
                    symbol=symbol,
                    document_file_name=document_file_name(symbol),
                ),
                "warning",
            )
    cited = getattr(report.previous_observations, "symbol", None)
    document = documents.get(cited) if isinstance(cited, str) else None
    if document is None or not document.complete:
        return
    numbers = {p.number for p in document.paragraphs if p is not None}
    last = max(numbers, default=0)
    for item in loaded.objects("consultations", "axis"):
        wanted = getattr(item, "observations", None)
        for loc, number in _unknown(item, "observations", wanted, numbers):
            yield _diag(
                loc,
                "R202",
                _(
                    "{cited} has no paragraph {number} (it has 1-{last})",
                    cited=cited,
                    number=number,
                    last=last,
                ),
            )


def _unknown(item, attribute: str, wanted, known: set) -> Iterable[tuple[Loc, int]]:
    """The numbers of a list field not in `known`, each with its place; the places are
    looked up only when one is unknown (most lists have none: one test in C lets them
    go, on every consultation and axis item of a large tree)."""
    if not wanted or known.issuperset(wanted):
        return ()
    unknown = [
        (index, number)
        for index, number in enumerate(wanted or [])
        if number is not None and number not in known
    ]
    if not unknown:
        return ()
    locs = item.items_at(attribute)
    return [(locs[index], number) for index, number in unknown if index < len(locs)]


def documents_of(report, citing: list) -> tuple[dict, list[Diagnostic]]:
    """Symbol -> reference document: the project's own first, then those shipped."""
    documents = {
        d.symbol: d
        for d in citing
        if isinstance(d, ReferenceDocument) and isinstance(d.symbol, str)
    }
    diagnostics: list[Diagnostic] = []
    for holder in (report.previous_observations, report.list_of_issues):
        symbol = getattr(holder, "symbol", None)
        if not isinstance(symbol, str) or symbol in documents:
            continue
        value, found = shipped_reference(symbol)
        diagnostics.extend(found)
        if value is not None:
            documents[symbol] = value
    return documents, diagnostics


def articles(loaded: Loaded) -> Iterator[Diagnostic]:
    known = set(convention().article_part)
    for item in loaded.objects("consultations", "axis"):
        wanted = getattr(item, "articles", None)
        for loc, number in _unknown(item, "articles", wanted, known):
            yield _diag(
                loc,
                "R202",
                _("the Convention has no article {number} (it has 1-93)", number=number),
            )
