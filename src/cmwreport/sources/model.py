"""The sources as Python objects: what `build` merges and the checks look at.

Every object keeps `loc`, the place in its YAML file that defines it, so a check or
a build step can point a drafter at the line to edit.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path


@dataclass(frozen=True)
class Loc:
    file: str  # as the user's tree names it, e.g. "sources/axes/legal-framework.yaml"
    line: int  # 1-based
    column: int  # 1-based


@dataclass
class DocumentRef:
    symbol: str
    issued: dt.date | None = None


@dataclass
class ConcludingObservations(DocumentRef):
    session: int | None = None
    session_start: dt.date | None = None
    session_end: dt.date | None = None
    adopted: dt.date | None = None


@dataclass
class Report:
    treaty: str
    state: str
    cycle: int
    symbol: str
    language: str
    title: str
    due_year: int
    date: dt.date
    date_received: dt.date
    previous_observations: ConcludingObservations
    list_of_issues: DocumentRef
    loc: Loc | None = None


@dataclass
class Paragraph:
    id: str
    text: str
    observations: list[int] = field(default_factory=list)
    articles: list[int] = field(default_factory=list)
    loc: Loc | None = None


@dataclass
class Participant:
    id: str
    name: str
    loc: Loc | None = None


@dataclass
class ProgrammeItem:
    id: str
    kind: str  # "plenary" | "workshop"
    title: str
    text: str
    topics: list[str] = field(default_factory=list)
    loc: Loc | None = None


@dataclass
class Meeting:
    id: str
    city: str
    city_en: str
    region: str
    date: dt.date
    weekday: str | None = None
    loc: Loc | None = None


@dataclass
class Recommendation:
    id: str
    text: str
    observations: list[int] = field(default_factory=list)
    articles: list[int] = field(default_factory=list)
    loc: Loc | None = None


@dataclass
class Axis:
    id: str
    title: str
    recommendations: list[Recommendation]
    loc: Loc | None = None


@dataclass
class Consultations:
    id: str
    state: str
    title: str
    observations: list[int]
    context_heading: str
    context: list[Paragraph]
    participants: list[Participant]
    programme: list[ProgrammeItem]
    outcomes_heading: str
    outcomes_intro: str
    #: In the order `outcomes.axes` gives.
    axes: list[Axis]
    #: By date, then id.
    meetings: list[Meeting]
    loc: Loc | None = None


@dataclass
class Sources:
    root: Path
    report: Report
    consultations: Consultations
