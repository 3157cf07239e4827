"""Coverage as text (for a terminal or a CI log) and as JSON (for programs)."""

from __future__ import annotations

import json

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
    if not covered.numbers:
        return "no numbered paragraph" if covered.state != MISSING else ""
    text = f"paragraph{'s' if len(covered.numbers) > 1 else ''} {ranges(covered.numbers)}"
    if covered.under_question:
        text += f" (under the heading of question {covered.target.number})"
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


def text(coverage: Coverage) -> str:
    issues = coverage.issues
    lines = [
        f"coverage of {coverage.report}"
        + (f" against {issues.symbol} ({issues.source})" if issues else "")
    ]
    if coverage.targets or coverage.unlisted or coverage.unknown:
        lines.append("questions and sub-items:")
        keys = [t.target.key for t in coverage.targets] + [_key(r) for r in coverage.unlisted]
        width = max(map(len, keys), default=1)
        for covered in coverage.targets:
            detail = where(covered)
            if covered.consultation:
                detail += f"{'; ' if detail else ''}consultation {', '.join(covered.consultation)}"
            lines.append(
                f"  {covered.target.key:<{width}}  {covered.state:<25}  "
                f"{detail + '  ' if detail else ''}{covered.target.subject}".rstrip()
            )
    for reply in coverage.unlisted:
        numbers = f"paragraph(s) {ranges(reply.numbers)}  " if reply.numbers else ""
        lines.append(
            f"  {_key(reply):<{width}}  {reply.state:<25}  {numbers}(a reply heading for a "
            "question the data does not list: not judged)"
        )
    for reply in coverage.unknown:
        named = (
            f"question {reply.number}{f' ({reply.label})' if reply.label else ''}, which "
            f"{issues.symbol if issues else 'the data'} does not have"
            if reply.number is not None
            else "no paragraph number"
        )
        lines.append(
            f"  reply heading at body paragraph {reply.heading.index} ({reply.heading.where}) "
            f"names {named}"
        )
    for key, replies in coverage.duplicates.items():
        at = ", ".join(str(r.heading.index) for r in replies)
        lines.append(f"  question {key} has {len(replies)} reply headings (body paragraphs {at})")
    if coverage.recommendations:
        lines.append(f"recommendations of {coverage.observations.symbol}:")
        for rec in coverage.recommendations:
            parts = [
                f"questions {'; '.join(rec.questions)}" if rec.questions else "no question listed",
                f"consultation {', '.join(rec.consultation)}" if rec.consultation else "",
                f"paragraphs {ranges(rec.numbers)}" if rec.numbers else "",
            ]
            lines.append(f"  {rec.number:>3}  {'; '.join(p for p in parts if p)}  {rec.subject}")
    lines.append(
        f"articles of the Convention: {len(coverage.articles)} covered "
        f"({ranges(list(coverage.articles)) or 'none'}); never mentioned: "
        f"{ranges(coverage.missing_articles) or 'none'}"
    )
    lines.extend(f"note: {note}" for note in notes(coverage))
    found = counts(coverage)
    summary = ", ".join(f"{n} {state}" for state, n in found.items())
    lines.append(f"{len(coverage.targets)} questions and sub-items: {summary}")
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
