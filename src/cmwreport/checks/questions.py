"""Checks of references to the list of issues and of its own data: a question or
sub-item the data lacks (`questions:` of a source item), a paragraph of the previous
concluding observations the list of issues' data cites but the CO data lacks, sub-items
out of order, a question listed twice. Only complete data judges what it does not list.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from cmwreport.checks.references import _diag, _unknown, documents_of
from cmwreport.diagnostics import Diagnostic
from cmwreport.i18n import _
from cmwreport.sources.load import Loaded
from cmwreport.sources.model import Report
from cmwreport.sources.schema import ITEM_LABELS, QUESTION_PATTERN

QUESTION = re.compile(QUESTION_PATTERN)


def run(loaded: Loaded) -> Iterator[Diagnostic]:
    citing = loaded.cited_by()
    reports = [v for v in citing if isinstance(v, Report)]
    if len(reports) != 1:
        return
    report = reports[0]
    documents, _reported = documents_of(report, citing)  # read errors: said once already
    issues = documents.get(getattr(report.list_of_issues, "symbol", None))
    observations = documents.get(getattr(report.previous_observations, "symbol", None))
    if issues is not None:
        yield from _order(issues)
        if observations is not None and observations.complete:
            yield from _cited(issues, observations)
    for item in loaded.objects("consultations", "axis"):
        wanted = getattr(item, "questions", None)
        if wanted:
            yield from _questions(item, wanted, issues)


def _order(document) -> Iterator[Diagnostic]:
    seen: set[int] = set()
    for paragraph in document.paragraphs:
        if paragraph is None or paragraph.number is None:
            continue
        if paragraph.number in seen:
            yield _diag(
                paragraph.at("number"),
                "R207",
                _(
                    "paragraph {number} of {symbol} is listed twice",
                    number=paragraph.number,
                    symbol=document.symbol,
                ),
            )
        seen.add(paragraph.number)
        labels = [i.label for i in paragraph.items or [] if i is not None and i.label]
        expected = list(ITEM_LABELS[: len(labels)])
        if labels != expected:
            shown = ", ".join(f"({x})" for x in labels)
            yield _diag(
                paragraph.at("items"),
                "R207",
                _(
                    "the sub-items of paragraph {number} are {labels}: list them in order, "
                    "from (a), without gaps",
                    number=paragraph.number,
                    labels=shown,
                ),
            )


def _cited(issues, observations) -> Iterator[Diagnostic]:
    numbers = {p.number for p in observations.paragraphs if p is not None}
    last = max(numbers, default=0)
    for paragraph in issues.paragraphs:
        if paragraph is None:
            continue
        for holder in (paragraph, *(i for i in paragraph.items or [] if i is not None)):
            for loc, number in _unknown(holder, "observations", holder.observations, numbers):
                yield _diag(
                    loc,
                    "R202",
                    _(
                        "{cited} has no paragraph {number} (it has 1-{last})",
                        cited=observations.symbol,
                        number=number,
                        last=last,
                    ),
                )


def _questions(item, wanted: list, issues) -> Iterator[Diagnostic]:
    locs = item.items_at("questions")
    listed = {} if issues is None else {p.number: p for p in issues.paragraphs if p is not None}
    for index, text in enumerate(wanted):
        if text is None or index >= len(locs):
            continue
        loc = locs[index]
        found = QUESTION.fullmatch(text.strip())
        if found is None:
            yield _diag(
                loc,
                "S104",
                _(
                    "'{value}' is not a question of the list of issues: write 3 or 3 (a)",
                    value=text,
                ),
            )
            continue
        if issues is None:
            continue  # R206 says once that the document has no data
        number, label = int(found.group(1)), found.group(2)
        question = listed.get(number)
        if question is None:
            if issues.complete:
                known = ", ".join(str(n) for n in sorted(listed)) or "none"
                yield _diag(
                    loc,
                    "R202",
                    _(
                        "{symbol} has no question {number} (it has {known})",
                        symbol=issues.symbol,
                        number=number,
                        known=known,
                    ),
                )
            continue
        labels = [i.label for i in question.items or [] if i is not None]
        if label and label not in labels and question.complete is not False:
            if labels:
                message = _(
                    "question {number} of {symbol} has no sub-item ({label}) (it has "
                    "({first})-({last}))",
                    number=number,
                    symbol=issues.symbol,
                    label=label,
                    first=labels[0],
                    last=labels[-1],
                )
            else:
                message = _(
                    "question {number} of {symbol} has no sub-item ({label}) (it has no sub-items)",
                    number=number,
                    symbol=issues.symbol,
                    label=label,
                )
            yield _diag(loc, "R202", message)
