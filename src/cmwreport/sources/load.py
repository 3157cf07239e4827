"""Reading a source tree: every file checked, then the model built and cross-checked.

Only files inside the tree are read (a link that leads out of it is reported, not
followed), and nothing is ever written.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from cmwreport.checks.dates import check_written_weekdays
from cmwreport.checks.references import check_records
from cmwreport.checks.text import check_lines, check_spacing
from cmwreport.diagnostics import Diagnostic
from cmwreport.errors import CmwError
from cmwreport.reference import reference
from cmwreport.sources import model as m
from cmwreport.sources.convert import Converter, Record
from cmwreport.sources.schema import FILE_KINDS
from cmwreport.sources.yamlsafe import FileReader

YAML_SUFFIXES = (".yaml", ".yml")


class SourceTreeError(CmwError):
    """The path given is not a source tree at all (usage or I/O trouble: exit 2)."""


@dataclass
class LoadResult:
    sources: m.Sources | None
    diagnostics: list[Diagnostic]
    files: int = 0

    @property
    def errors(self) -> int:
        return sum(1 for d in self.diagnostics if d.is_error)


def kind_of(relative: Path) -> str | None:
    parts = relative.parts
    if len(parts) == 1 and relative.stem in ("report", "consultations"):
        return relative.stem
    if len(parts) == 2 and parts[0] == "meetings":
        return "meeting"
    if len(parts) == 2 and parts[0] == "axes":
        return "axis"
    return None


def load_sources(root: Path) -> LoadResult:
    """Check every file under `root` (a tree, or a single source file) and build the model."""
    if not root.exists():
        raise SourceTreeError(f"{root}: no such file or folder")
    if root.is_file():
        return _load_single(root)
    if not root.is_dir():
        raise SourceTreeError(f"{root}: not a folder of sources")

    diagnostics: list[Diagnostic] = []
    records: dict[str, list[Record]] = {kind: [] for kind in FILE_KINDS}
    files = _discover(root, diagnostics)
    for path, relative in files:
        shown = str(root / relative)
        kind = kind_of(relative)
        if kind is None:
            diagnostics.append(
                Diagnostic(
                    shown,
                    1,
                    1,
                    "S105",
                    "warning",
                    "not a known source file, ignored: sources are report.yaml, "
                    "consultations.yaml, meetings/*.yaml and axes/*.yaml",
                )
            )
            continue
        record = _read(path, shown, kind, diagnostics)
        if record is not None:
            records[kind].append(record)

    for name, kind in (("report.yaml", "report"), ("consultations.yaml", "consultations")):
        if not records[kind] and not (root / name).exists():
            diagnostics.append(
                Diagnostic(
                    str(root / name),
                    1,
                    1,
                    "R203",
                    "error",
                    f"missing {name}: every source tree has one (see docs/source-format.md)",
                )
            )
    for folder, kind in (("meetings", "meeting"), ("axes", "axis")):
        if not any(kind_of(rel) == kind for _path, rel in files):
            diagnostics.append(
                Diagnostic(
                    str(root / folder),
                    1,
                    1,
                    "R203",
                    "error",
                    f"no {folder}/*.yaml files: the annex needs at least one {kind}",
                )
            )

    # Cross-checks run on whatever could be read, so one run shows them too.
    diagnostics.extend(check_records(records))
    diagnostics = sorted(set(diagnostics))
    sources = None
    if not any(d.is_error for d in diagnostics):
        sources = _build(root, records)
    # The records and their node trees stay behind: a build needs only the model, and
    # on a large tree they are most of the memory.
    return LoadResult(sources, diagnostics, len(files))


def _load_single(path: Path) -> LoadResult:
    kind = kind_of(Path(path.name)) or kind_of(Path(path.parent.name) / path.name)
    if kind is None:
        raise SourceTreeError(
            f"{path}: cannot tell which kind of source this is; name it report.yaml or "
            "consultations.yaml, or keep it in meetings/ or axes/"
        )
    diagnostics: list[Diagnostic] = []
    _read(path, str(path), kind, diagnostics)
    return LoadResult(None, sorted(set(diagnostics)), 1)


def _discover(root: Path, diagnostics: list[Diagnostic]) -> list[tuple[Path, Path]]:
    inside = root.resolve()
    found = []
    for folder, dirs, names in os.walk(root, followlinks=False):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for name in sorted(names):
            if not name.endswith(YAML_SUFFIXES) or name.startswith("."):
                continue
            path = Path(folder) / name
            relative = path.relative_to(root)
            if not path.resolve().is_relative_to(inside):
                diagnostics.append(
                    Diagnostic(
                        str(root / relative),
                        1,
                        1,
                        "C006",
                        "error",
                        "this link leads outside the source tree and was not read: "
                        "copy the file into the tree instead",
                    )
                )
                continue
            found.append((path, relative))
    return found


def _read(path: Path, shown: str, kind: str, diagnostics: list[Diagnostic]) -> Record | None:
    reader = FileReader(path, shown)
    node = reader.read()
    diagnostics.extend(reader.diagnostics)
    if reader.text is not None:
        diagnostics.extend(check_lines(shown, reader.text))
    if node is None:
        return None
    diagnostics.extend(check_spacing(shown, node))
    diagnostics.extend(check_written_weekdays(shown, node))
    record = Converter(shown, reference(), diagnostics).convert(node, FILE_KINDS[kind])
    return record if isinstance(record, Record) else None


def _build(root: Path, records: dict[str, list[Record]]) -> m.Sources:
    (report,) = records["report"]
    (consultations,) = records["consultations"]
    return m.Sources(
        root=root,
        report=_report(report),
        consultations=_consultations(consultations, records["meeting"], records["axis"]),
    )


def _report(r: Record) -> m.Report:
    po, loi = r["previous_observations"], r["list_of_issues"]
    return m.Report(
        treaty=r["treaty"],
        state=r["state"],
        cycle=r["cycle"],
        symbol=r["symbol"],
        language=r["language"],
        title=r["title"],
        due_year=r["due_year"],
        date=r["date"],
        date_received=r["date_received"],
        previous_observations=m.ConcludingObservations(
            symbol=po["symbol"],
            issued=po.get("issued"),
            session=po["session"],
            session_start=po["session_start"],
            session_end=po["session_end"],
            adopted=po["adopted"],
        ),
        list_of_issues=m.DocumentRef(symbol=loi["symbol"], issued=loi.get("issued")),
        loc=r.loc,
    )


def _text_item(r: Record, kind: type[m.Paragraph] | type[m.Recommendation] = m.Paragraph):
    """A context paragraph or a recommendation: both are id, text and references."""
    return kind(
        id=r["id"],
        text=r["text"],
        observations=r.get("observations") or [],
        articles=r.get("articles") or [],
        loc=r.loc,
    )


def _consultations(c: Record, meetings: list[Record], axes: list[Record]) -> m.Consultations:
    axis_objects = {
        a["id"]: m.Axis(
            id=a["id"],
            title=a["title"],
            recommendations=[_text_item(rec, m.Recommendation) for rec in a["recommendations"]],
            loc=a.loc,
        )
        for a in axes
    }
    ordered = [axis_objects[i] for i in c["outcomes"]["axes"] if i in axis_objects]
    meeting_objects = [
        m.Meeting(
            id=x["id"],
            city=x["city"],
            city_en=x["city_en"],
            region=x["region"],
            date=x["date"],
            weekday=x.get("weekday"),
            loc=x.loc,
        )
        for x in meetings
    ]
    return m.Consultations(
        id=c["id"],
        state=c["state"],
        title=c["title"],
        observations=c.get("observations") or [],
        context_heading=c["context"]["heading"],
        context=[_text_item(p) for p in c["context"]["paragraphs"]],
        participants=[
            m.Participant(id=p["id"], name=p["name"], loc=p.loc) for p in c["participants"]
        ],
        programme=[
            m.ProgrammeItem(
                id=p["id"],
                kind=p["kind"],
                title=p["title"],
                text=p["text"],
                topics=p.get("topics") or [],
                loc=p.loc,
            )
            for p in c["programme"]
        ],
        outcomes_heading=c["outcomes"]["heading"],
        outcomes_intro=c["outcomes"]["intro"],
        axes=ordered,
        meetings=sorted(meeting_objects, key=lambda x: (x.date, x.id)),
        loc=c.loc,
    )
