"""The questions a report must reply to, from the reference data of its list of issues.

A question with sub-items ((a), (b) ...) is replied to item by item; one without, as a
whole. The data may be incomplete (`complete: false`, on the document or on one
question): then what is not listed is not known, and every reader of these targets must
say so rather than report "all answered".
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True)
class Target:
    """One question, or one sub-item of a question, that needs a reply."""

    number: int
    label: str | None  # "a", "b" ... for a sub-item
    subject: str
    subject_ar: str | None
    subject_fr: str | None
    observations: tuple[int, ...]
    articles: tuple[int, ...]
    laws: tuple[str, ...]
    section: str | None
    loc: Any = None  # where the reference data lists it

    @property
    def key(self) -> str:
        """'3 (a)', '4': how English and French texts cite it."""
        return f"{self.number} ({self.label})" if self.label else str(self.number)


@dataclass(frozen=True)
class Question:
    number: int
    section: str | None
    subject: str
    subject_ar: str | None
    subject_fr: str | None
    #: False when the question's text was not read whole (sub-items may be missing).
    complete: bool
    observations: tuple[int, ...]
    articles: tuple[int, ...]
    items: tuple[Target, ...]
    whole: Target  # the question itself, as a target of a reply heading

    @property
    def targets(self) -> tuple[Target, ...]:
        """What needs a reply heading: its sub-items, or the question itself."""
        return self.items or (self.whole,)

    @property
    def all_observations(self) -> tuple[int, ...]:
        found = dict.fromkeys(self.observations)
        for item in self.items:
            found.update(dict.fromkeys(item.observations))
        return tuple(found)


@dataclass(frozen=True)
class ListOfIssues:
    symbol: str
    complete: bool
    questions: tuple[Question, ...]
    #: Where the data was read from, as shown to the user.
    source: str
    #: Where the document says whether it is complete (a Loc), for findings about it.
    loc: Any = None

    @property
    def targets(self) -> list[Target]:
        return [t for q in self.questions for t in q.targets]

    def question(self, number: int) -> Question | None:
        return next((q for q in self.questions if q.number == number), None)

    @property
    def incomplete_questions(self) -> list[int]:
        return [q.number for q in self.questions if not q.complete]


@dataclass(frozen=True)
class Observations:
    """The previous concluding observations: paragraph number -> (kind, subject, articles)."""

    symbol: str
    complete: bool
    paragraphs: dict[int, Any]
    source: str

    @property
    def recommendations(self) -> list[Any]:
        return [p for p in self.paragraphs.values() if p.kind == "recommendation"]


def _tuple(values) -> tuple:
    return tuple(v for v in (values or ()) if v is not None)


def _target(number: int, item: Any, section: str | None, label: str | None) -> Target:
    return Target(
        number=number,
        label=label,
        subject=item.subject or "",
        subject_ar=item.subject_ar,
        subject_fr=item.subject_fr,
        observations=_tuple(item.observations),
        articles=_tuple(item.articles),
        laws=_tuple(item.laws),
        section=section,
        loc=item.loc,
    )


def list_of_issues(document: Any, source: str) -> ListOfIssues:
    """A loaded reference document (model.ReferenceDocument) as questions."""
    questions = []
    for p in document.paragraphs:
        if p is None or p.number is None or p.kind not in (None, "question"):
            continue
        items = tuple(
            _target(p.number, item, p.section, item.label)
            for item in (p.items or [])
            if item is not None and item.label
        )
        questions.append(
            Question(
                number=p.number,
                section=p.section,
                subject=p.subject or "",
                subject_ar=p.subject_ar,
                subject_fr=p.subject_fr,
                complete=p.complete is not False,
                observations=_tuple(p.observations),
                articles=_tuple(p.articles),
                items=items,
                whole=_target(p.number, p, p.section, None),
            )
        )
    questions.sort(key=lambda q: q.number)
    loc = document.at("complete") if document.loc is not None else None
    return ListOfIssues(document.symbol, bool(document.complete), tuple(questions), source, loc)


def observations(document: Any, source: str) -> Observations:
    paragraphs = {p.number: p for p in document.paragraphs if p is not None and p.number}
    return Observations(document.symbol, bool(document.complete), paragraphs, source)


def documents(sources: Any) -> tuple[ListOfIssues | None, Observations | None]:
    """The list of issues and the previous concluding observations a report cites: the
    project's own reference data (sources/reference/) first, else the data cmwreport
    ships; None for one that has none."""
    report = sources.report
    found = []
    for holder in (report.list_of_issues, report.previous_observations):
        symbol = getattr(holder, "symbol", None)
        document, source = None, ""
        if isinstance(symbol, str):
            own = sources.references.get(symbol)
            if own is not None:
                document, source = own, own.loc.file if own.loc else symbol
            else:
                document, source = shipped(symbol)
        found.append((document, source))
    (qpr, qpr_source), (co, co_source) = found
    return (
        list_of_issues(qpr, qpr_source) if qpr is not None else None,
        observations(co, co_source) if co is not None else None,
    )


def shipped(symbol: str) -> tuple[Any, str]:
    """The reference document cmwreport ships for a symbol, loaded, or (None, '')."""
    from cmwreport.reference import document_file_name, shipped_reference

    document, _diagnostics = shipped_reference(symbol)  # read once a process, and checked
    if document is None:
        return None, ""
    return document, f"cmwreport/reference/documents/{document_file_name(symbol)}"
