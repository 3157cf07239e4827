"""The questions a report must reply to, from the reference data of its list of issues.

A question with sub-items ((a), (b) ...) is replied to item by item; one without, as a
whole. The data may be incomplete (`complete: false`, on the document or on one
question): then what is not listed is not known, and every reader of these targets must
say so rather than report "all answered".
"""

from __future__ import annotations

from typing import Any

from cmwreport.plain import Frozen

# Frozen (cmwreport/plain.py) rather than frozen dataclasses: creating a dataclass
# compiles its methods, 2.4 M instructions a class at every build (issue 21).


class Target(Frozen):
    """One question, or one sub-item of a question, that needs a reply. `label`: "a",
    "b" ... for a sub-item; `loc`: where the reference data lists it."""

    __slots__ = _compared = (
        "number",
        "label",
        "subject",
        "subject_ar",
        "subject_fr",
        "observations",
        "articles",
        "laws",
        "section",
        "loc",
    )

    def __init__(
        self,
        number: int,
        label: str | None,
        subject: str,
        subject_ar: str | None,
        subject_fr: str | None,
        observations: tuple[int, ...],
        articles: tuple[int, ...],
        laws: tuple[str, ...],
        section: str | None,
        loc: Any = None,
    ) -> None:
        self._set(
            number=number,
            label=label,
            subject=subject,
            subject_ar=subject_ar,
            subject_fr=subject_fr,
            observations=observations,
            articles=articles,
            laws=laws,
            section=section,
            loc=loc,
        )

    @property
    def key(self) -> str:
        """'3 (a)', '4': how English and French texts cite it."""
        return f"{self.number} ({self.label})" if self.label else str(self.number)


class Question(Frozen):
    """`complete`: False when the question's text was not read whole (sub-items may be
    missing); `whole`: the question itself, as a target of a reply heading."""

    __slots__ = _compared = (
        "number",
        "section",
        "subject",
        "subject_ar",
        "subject_fr",
        "complete",
        "observations",
        "articles",
        "items",
        "whole",
    )

    def __init__(
        self,
        number: int,
        section: str | None,
        subject: str,
        subject_ar: str | None,
        subject_fr: str | None,
        complete: bool,
        observations: tuple[int, ...],
        articles: tuple[int, ...],
        items: tuple[Target, ...],
        whole: Target,
    ) -> None:
        self._set(
            number=number,
            section=section,
            subject=subject,
            subject_ar=subject_ar,
            subject_fr=subject_fr,
            complete=complete,
            observations=observations,
            articles=articles,
            items=items,
            whole=whole,
        )

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


class ListOfIssues(Frozen):
    """`source`: where the data was read from, as shown to the user; `loc`: where the
    document says whether it is complete (a Loc), for findings about it."""

    __slots__ = _compared = ("symbol", "complete", "questions", "source", "loc")

    def __init__(
        self,
        symbol: str,
        complete: bool,
        questions: tuple[Question, ...],
        source: str,
        loc: Any = None,
    ) -> None:
        self._set(symbol=symbol, complete=complete, questions=questions, source=source, loc=loc)

    @property
    def targets(self) -> list[Target]:
        return [t for q in self.questions for t in q.targets]

    def question(self, number: int) -> Question | None:
        return next((q for q in self.questions if q.number == number), None)

    @property
    def incomplete_questions(self) -> list[int]:
        return [q.number for q in self.questions if not q.complete]


class Observations(Frozen):
    """The previous concluding observations: paragraph number -> (kind, subject, articles)."""

    __slots__ = _compared = ("symbol", "complete", "paragraphs", "source")

    def __init__(
        self, symbol: str, complete: bool, paragraphs: dict[int, Any], source: str
    ) -> None:
        self._set(symbol=symbol, complete=complete, paragraphs=paragraphs, source=source)

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
