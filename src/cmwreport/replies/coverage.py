"""What a report replies to: every question and sub-item of its list of issues, every
recommendation of the previous concluding observations, every article of the Convention.

Computed from the built report (the reply headings and the UN paragraph numbers under
them, as printed), the reference data of the two documents and the sources' own
citations (`observations:` and `articles:` of the consultation recommendations).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from cmwreport.replies.questions import ListOfIssues, Observations, Target
from cmwreport.replies.scan import ANSWERED, MISSING, Reply
from cmwreport.sources.schema import QUESTION_PATTERN


@dataclass
class TargetCoverage:
    target: Target
    state: str
    #: UN paragraph numbers of the reply, as printed.
    numbers: list[int]
    #: The reply stands under the question's own heading, not one for the sub-item.
    under_question: bool = False
    #: Body paragraphs (from 1) of the headings that reply.
    headings: list[int] = field(default_factory=list)
    #: Ids of the consultation recommendations that inform its reply (`questions:`).
    consultation: list[str] = field(default_factory=list)


@dataclass
class RecommendationCoverage:
    number: int
    subject: str
    articles: tuple[int, ...]
    questions: list[str]  # keys of the targets that follow it up, "1 (b)"
    consultation: list[str]  # ids of consultation recommendations citing it
    numbers: list[int]  # UN paragraphs of the replies to those questions


@dataclass
class Coverage:
    report: str
    issues: ListOfIssues | None
    observations: Observations | None
    targets: list[TargetCoverage]
    #: Reply headings naming a question or sub-item the data does not list, or no
    #: paragraph number at all.
    unknown: list[Reply]
    #: Reply headings naming a question the data does not list, where the data is
    #: incomplete: shown, not judged.
    unlisted: list[Reply]
    #: Reply headings that name the same question or sub-item, by its key.
    duplicates: dict[str, list[Reply]]
    recommendations: list[RecommendationCoverage]
    #: Article -> where the report covers it ("text", "sources", "question 1 (b)").
    articles: dict[int, list[str]]
    missing_articles: list[int]
    #: The list of issues report.yaml names (also when it has no data).
    issues_symbol: str | None = None

    @property
    def unanswered(self) -> list[TargetCoverage]:
        return [t for t in self.targets if t.state != ANSWERED]

    @property
    def known_whole(self) -> bool:
        """True when the data lists every question and every sub-item: only then can
        "every question answered" be said."""
        return (
            self.issues is not None
            and self.issues.complete
            and not self.issues.incomplete_questions
        )

    @property
    def ok(self) -> bool:
        return self.known_whole and not self.unanswered and not self.duplicates


def _key(number: int | None, label: str | None) -> str:
    if number is None:
        return "?"
    return f"{number} ({label})" if label else str(number)


def compute(
    report_symbol: str,
    issues: ListOfIssues | None,
    observations: Observations | None,
    replies: list[Reply],
    texts: list[str],
    consultation_items: list,
    convention_articles: dict[int, str],
    issues_symbol: str | None = None,
) -> Coverage:
    by_key: dict[tuple[int | None, str | None], list[Reply]] = {}
    for reply in replies:
        by_key.setdefault((reply.number, reply.label), []).append(reply)
    duplicates = {
        _key(*key): found for key, found in by_key.items() if len(found) > 1 and key[0] is not None
    }

    targets: list[TargetCoverage] = []
    known: set[tuple[int, str | None]] = set()
    for target in issues.targets if issues else []:
        known.add((target.number, target.label))
        known.add((target.number, None))
        own = by_key.get((target.number, target.label), [])
        under = False
        if not own and target.label:
            own, under = by_key.get((target.number, None), []), True
        covered = _judge(target, own, under)
        covered.consultation = [
            item.id for item in consultation_items if _informs(item, target.number, target.label)
        ]
        targets.append(covered)

    judged = issues is not None
    unknown = [
        r
        for r in replies
        if r.number is None or (judged and (r.number, r.label) not in known and _listed(issues, r))
    ]
    unlisted = [
        r
        for r in replies
        if r.number is not None and (r.number, r.label) not in known and r not in unknown
    ]

    articles = _articles(texts, convention_articles)
    for item in consultation_items:
        for article in getattr(item, "articles", None) or []:
            articles.setdefault(article, []).append(f"source {item.id}")
    for covered in targets:
        if covered.state == ANSWERED:
            for article in covered.target.articles:
                articles.setdefault(article, []).append(f"question {covered.target.key}")
    missing = [a for a in sorted(convention_articles) if a not in articles]

    return Coverage(
        report=report_symbol,
        issues=issues,
        observations=observations,
        targets=targets,
        unknown=unknown,
        unlisted=unlisted,
        duplicates=duplicates,
        recommendations=_recommendations(issues, observations, targets, consultation_items),
        articles=dict(sorted(articles.items())),
        missing_articles=missing,
        issues_symbol=issues.symbol if issues is not None else issues_symbol,
    )


def _informs(item, number: int, label: str | None) -> bool:
    """Whether a source item's `questions:` names this question or sub-item (naming a
    question names each of its sub-items)."""
    for text in getattr(item, "questions", None) or []:
        found = _QUESTION.fullmatch(text.strip()) if isinstance(text, str) else None
        if found and int(found.group(1)) == number and found.group(2) in (None, label):
            return True
    return False


def _listed(issues: ListOfIssues, reply: Reply) -> bool:
    """Whether the data can judge this heading: a question it does not list is unknown
    only when the data is complete; a sub-item only when its question is read whole."""
    question = issues.question(reply.number)
    if question is None:
        return issues.complete
    return question.complete or reply.label is None


def _judge(target: Target, replies: list[Reply], under: bool) -> TargetCoverage:
    if not replies:
        return TargetCoverage(target, MISSING, [])
    states = [r.state for r in replies]
    # The worst state wins: one reply still a placeholder is not an answer.
    state = next((s for s in states if s != ANSWERED), ANSWERED)
    numbers = sorted({n for r in replies for n in r.numbers})
    return TargetCoverage(target, state, numbers, under, [r.heading.index for r in replies])


def _recommendations(
    issues: ListOfIssues | None,
    observations: Observations | None,
    targets: list[TargetCoverage],
    items: list,
) -> list[RecommendationCoverage]:
    if observations is None:
        return []
    # A question's own citations reach each of its sub-items.
    cited: dict[str, set[int]] = {}
    for covered in targets:
        question = issues.question(covered.target.number) if issues else None
        inherited = question.observations if question is not None else ()
        cited[covered.target.key] = {*covered.target.observations, *inherited}
    out = []
    for paragraph in observations.recommendations:
        seen = {t.target.key: t for t in targets if paragraph.number in cited[t.target.key]}
        citing = [
            item.id
            for item in items
            if paragraph.number in (getattr(item, "observations", None) or [])
        ]
        out.append(
            RecommendationCoverage(
                number=paragraph.number,
                subject=paragraph.subject or "",
                articles=tuple(paragraph.articles or ()),
                questions=list(seen),
                consultation=citing,
                numbers=sorted({n for t in seen.values() for n in t.numbers}),
            )
        )
    return out


_QUESTION = re.compile(QUESTION_PATTERN)

#: "المادة 7", "المادتان 7 و83", "المادتين 76 و77", "المواد من 8 إلى 35", "المواد 8 و9 و10".
_MENTION = re.compile(
    r"(?:المادة|المادتان|المادتين|المواد)\s+((?:من\s+)?\d{1,2}"
    r"(?:\s*(?:و|،|,|-|–|إلى|الى)\s*\d{1,2})*)(?!\d)(\s+من\s+(?:القانون|الدستور|مدونة|الظهير))?"
)
_RANGE = re.compile(r"(\d{1,2})\s*(?:إلى|الى|-|–)\s*(\d{1,2})")


def _articles(texts: list[str], convention: dict[int, str]) -> dict[int, list[str]]:
    """Articles of the Convention the text mentions (not those of a law or the
    Constitution: a mention followed by "من القانون" and the like is left out)."""
    found: dict[int, list[str]] = {}
    for text in texts:
        for mention in _MENTION.finditer(text):
            if mention.group(2):
                continue
            numbers = {int(n) for n in re.findall(r"\d{1,2}", mention.group(1))}
            for low, high in _RANGE.findall(mention.group(1)):
                numbers.update(range(int(low), int(high) + 1))
            for number in numbers:
                if number in convention and "text" not in found.get(number, []):
                    found.setdefault(number, []).append("text")
    return found
