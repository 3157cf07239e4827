"""Coverage as text (for a terminal or a CI log) and as JSON (for programs)."""

from __future__ import annotations

import json

from cmwreport.i18n import N_
from cmwreport.replies.coverage import Coverage, TargetCoverage
from cmwreport.replies.scan import ANSWERED, EMPTY, MISSING, PLACEHOLDER

STATES = (ANSWERED, PLACEHOLDER, EMPTY, MISSING)
#: The states as the Arabic page and the Word table name them.
ARABIC_STATES = {
    ANSWERED: "تمت الإجابة",
    PLACEHOLDER: "نص مؤقت لم يُستبدل",
    EMPTY: "لا نص تحت العنوان",
    MISSING: "لا عنوان للرد",
}


def ranges(numbers: list[int]) -> str:
    """[3, 4, 5, 8] -> '3-5, 8'."""
    out: list[str] = []
    start = previous = None
    for n in sorted(set(numbers)):
        if previous is not None and n == previous + 1:
            previous = n
            continue
        if start is not None:
            out.append(str(start) if start == previous else f"{start}-{previous}")
        start = previous = n
    if start is not None:
        out.append(str(start) if start == previous else f"{start}-{previous}")
    return ", ".join(out)


def where(covered: TargetCoverage) -> str:
    from cmwreport.i18n import _, ngettext

    if not covered.numbers:
        return _("no numbered paragraph") if covered.state != MISSING else ""
    shown = ranges(covered.numbers)
    text = ngettext(
        "paragraph {numbers}", "paragraphs {numbers}", len(covered.numbers), numbers=shown
    )
    if covered.under_question:
        question = covered.target.number
        text += " " + _("(under the heading of question {number})", number=question)
    return text


def _key(reply) -> str:
    return f"{reply.number} ({reply.label})" if reply.label else str(reply.number)


def notes(coverage: Coverage) -> list[str]:
    """What the data cannot say: the reason "every question answered" is not claimed."""
    from cmwreport.i18n import _

    issues = coverage.issues
    if issues is None:
        symbol = coverage.issues_symbol or "?"
        return [
            _(
                "no data for {symbol}: no question can be judged; add its questions to "
                "sources/reference/{file} (docs/replies.md)",
                symbol=symbol,
                file=symbol.replace("/", "-") + ".yaml",
            )
        ]
    out = []
    if not issues.complete:
        out.append(
            _(
                "{symbol}: the data ({source}) does not list every question (complete: "
                "false): questions it does not list are not judged, so this is not a finding "
                "that every question is answered",
                symbol=issues.symbol,
                source=issues.source,
            )
        )
    for number in issues.incomplete_questions:
        out.append(
            _(
                "{symbol} question {number} was not read whole: sub-items it may have beyond "
                "those listed are not judged",
                symbol=issues.symbol,
                number=number,
            )
        )
    if coverage.observations is None:
        out.append(
            _("no data for the previous concluding observations: recommendations not listed")
        )
    return out


def counts(coverage: Coverage) -> dict[str, int]:
    found = dict.fromkeys(STATES, 0)
    for covered in coverage.targets:
        found[covered.state] += 1
    return found


#: The states as the terminal names them (the JSON keeps the English keys).
_STATE_NAMES = {
    ANSWERED: N_("answered"),
    PLACEHOLDER: N_("placeholder left"),
    EMPTY: N_("nothing under the heading"),
    MISSING: N_("no reply heading"),
}


def _state(state: str) -> str:
    from cmwreport.i18n import _

    return _(_STATE_NAMES[state])


def text(coverage: Coverage) -> str:
    from cmwreport.i18n import _, ngettext

    issues = coverage.issues
    if issues:
        head = _(
            "coverage of {report} against {symbol} ({source})",
            report=coverage.report,
            symbol=issues.symbol,
            source=issues.source,
        )
    else:
        head = _("coverage of {report}", report=coverage.report)
    lines = [head]
    if coverage.targets or coverage.unlisted or coverage.unknown:
        lines.append(_("questions and sub-items:"))
        keys = [t.target.key for t in coverage.targets] + [_key(r) for r in coverage.unlisted]
        width = max(map(len, keys), default=1)
        for covered in coverage.targets:
            detail = where(covered)
            if covered.consultation:
                held = _("consultation {ids}", ids=", ".join(covered.consultation))
                detail = f"{detail}; {held}" if detail else held
            lines.append(
                f"  {covered.target.key:<{width}}  {_state(covered.state):<25}  "
                f"{detail + '  ' if detail else ''}{covered.target.subject}".rstrip()
            )
    for reply in coverage.unlisted:
        numbers = ""
        if reply.numbers:
            numbers = _("paragraph(s) {numbers}", numbers=ranges(reply.numbers)) + "  "
        not_judged = _("(a reply heading for a question the data does not list: not judged)")
        lines.append(f"  {_key(reply):<{width}}  {_state(reply.state):<25}  {numbers}{not_judged}")
    for reply in coverage.unknown:
        if reply.number is None:
            named = _("no paragraph number")
        else:
            named = _(
                "question {question}, which {data} does not have",
                question=_key(reply),
                data=issues.symbol if issues else _("the data"),
            )
        line = _(
            "reply heading at body paragraph {index} ({where}) names {named}",
            index=reply.heading.index,
            where=reply.heading.where,
            named=named,
        )
        lines.append(f"  {line}")
    for key, replies in coverage.duplicates.items():
        at = ", ".join(str(r.heading.index) for r in replies)
        line = ngettext(
            "question {key} has {n} reply headings (body paragraphs {at})",
            "question {key} has {n} reply headings (body paragraphs {at})",
            len(replies),
            key=key,
            at=at,
        )
        lines.append(f"  {line}")
    if coverage.recommendations:
        lines.append(_("recommendations of {symbol}:", symbol=coverage.observations.symbol))
        for rec in coverage.recommendations:
            parts = [
                _("questions {keys}", keys="; ".join(rec.questions))
                if rec.questions
                else _("no question listed"),
                _("consultation {ids}", ids=", ".join(rec.consultation))
                if rec.consultation
                else "",
                _("paragraphs {numbers}", numbers=ranges(rec.numbers)) if rec.numbers else "",
            ]
            lines.append(f"  {rec.number:>3}  {'; '.join(p for p in parts if p)}  {rec.subject}")
    lines.append(
        _(
            "articles of the Convention: {count} covered ({covered}); never mentioned: {missing}",
            count=len(coverage.articles),
            covered=ranges(list(coverage.articles)) or _("none"),
            missing=ranges(coverage.missing_articles) or _("none"),
        )
    )
    lines.extend(_("note: {note}", note=note) for note in notes(coverage))
    found = counts(coverage)
    summary = ", ".join(f"{n} {_state(state)}" for state, n in found.items())
    lines.append(
        ngettext(
            "{n} questions and sub-items: {summary}",
            "{n} questions and sub-items: {summary}",
            len(coverage.targets),
            summary=summary,
        )
    )
    return "\n".join(lines) + "\n"


def as_dict(coverage: Coverage) -> dict:
    issues, observations = coverage.issues, coverage.observations
    return {
        "report": coverage.report,
        "list_of_issues": None
        if issues is None
        else {
            "symbol": issues.symbol,
            "source": issues.source,
            "complete": issues.complete,
            "incomplete_questions": issues.incomplete_questions,
        },
        "ok": coverage.ok,
        "counts": counts(coverage),
        "questions": [
            {
                "question": c.target.number,
                "item": c.target.label,
                "key": c.target.key,
                "section": c.target.section,
                "subject": c.target.subject,
                "subject_ar": c.target.subject_ar,
                "subject_fr": c.target.subject_fr,
                "state": c.state,
                "paragraphs": c.numbers,
                "under_question_heading": c.under_question,
                "headings_at": c.headings,
                "consultation": c.consultation,
                "observations": list(c.target.observations),
                "articles": list(c.target.articles),
            }
            for c in coverage.targets
        ],
        "unknown_headings": [
            {
                "body_paragraph": r.heading.index,
                "question": r.number,
                "item": r.label,
                "text": r.heading.text,
            }
            for r in coverage.unknown
        ],
        "unlisted_headings": [
            {
                "body_paragraph": r.heading.index,
                "question": r.number,
                "item": r.label,
                "state": r.state,
                "paragraphs": r.numbers,
            }
            for r in coverage.unlisted
        ],
        "duplicate_headings": {
            key: [r.heading.index for r in replies] for key, replies in coverage.duplicates.items()
        },
        "recommendations": None
        if observations is None
        else {
            "symbol": observations.symbol,
            "complete": observations.complete,
            "paragraphs": [
                {
                    "paragraph": r.number,
                    "subject": r.subject,
                    "articles": list(r.articles),
                    "questions": r.questions,
                    "consultation": r.consultation,
                    "report_paragraphs": r.numbers,
                }
                for r in coverage.recommendations
            ],
        },
        "articles": {
            "covered": {str(a): where for a, where in coverage.articles.items()},
            "never_mentioned": coverage.missing_articles,
        },
        "notes": notes(coverage),
    }


def as_json(coverage: Coverage) -> str:
    return json.dumps(as_dict(coverage), ensure_ascii=False, indent=2) + "\n"
