"""absorb, start to finish: check the fingerprint, build afresh, pair, plan, apply in
memory, validate a copy, and hand back what would be written and what was not absorbed.

Nothing is written here: the command writes `Result.files` (atomically) or shows
them as a diff; so a failure anywhere leaves every file as it was.
"""

from __future__ import annotations

import copy
import re
from dataclasses import dataclass, field
from pathlib import Path

from cmwreport.absorb import (
    adapter,
    footnotes,
    looks,
    merge,
    model,
    notes,
    origins,
    plan,
    source_edit,
    stale,
    template_check,
)
from cmwreport.absorb.model import Unabsorbed
from cmwreport.build import provenance
from cmwreport.errors import CmwError
from cmwreport.i18n import _, ngettext


@dataclass
class Options:
    sources: Path
    template: Path
    only_accepted: bool = False
    force: bool = False


@dataclass
class Result:
    draft_kind: str = "report"
    files: dict[Path, bytes] = field(default_factory=dict)
    done: list[str] = field(default_factory=list)
    unabsorbed: list[Unabsorbed] = field(default_factory=list)
    comments: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    #: Validation errors of the sources as absorb would leave them (nothing written).
    invalid: list[str] = field(default_factory=list)
    accepted: int = 0
    pending_left_out: int = 0
    #: A .docx in `files`: its reading before, and the package its bytes were written
    #: from (what --dry-run shows of it, read without parsing it again).
    docx_read: dict[Path, tuple[object, object]] = field(default_factory=dict)


def run(drafts: Path | list[Path], options: Options) -> Result:
    """One draft, or several reviewers' drafts of one build merged item by item."""
    from cmwreport.collector import paused

    # absorb's objects (YAML nodes, models, blocks) live to its end; its collections
    # were 5% of its instructions on `full` (the XML trees go by reference counts).
    with paused():
        return _run(drafts, options)


def _run(drafts: Path | list[Path], options: Options) -> Result:
    paths = [drafts] if isinstance(drafts, Path) else list(drafts)
    result = Result()
    if not options.template.is_file():
        raise CmwError(
            _("{path}: no such template; give it with --template", path=options.template)
        )
    if not options.sources.is_dir():
        raise CmwError(
            _(
                "{path}: no such folder of sources; give it with --sources",
                path=options.sources,
            )
        )
    # One reading of the paragraphs a reviewed draft and the build write alike (`seen`).
    seen: dict = {}
    read = [(path, _read(path, options, result, seen)) for path in paths]  # a corrupt one says so
    loaded = adapter.load(options.sources)
    sources = loaded.sources
    _same_report(read, sources.report.symbol)

    template = adapter.open_template(options.template)
    the_plan, template_draft, blocks = _planned(read, sources, template, options, result, seen)
    # The drafts, the build's reading and the origins go with the plan made: the
    # sources' edits and their check that follow come on top of what is left.
    del read
    if blocks > _LARGE:
        _give_back()
    applied = source_edit.apply(the_plan, _all_ids(sources))
    if blocks > _LARGE:
        _give_back()
    result.files.update(applied.files)
    result.done += applied.done
    if template_draft is not None and the_plan.template:
        edited = template_check.apply(options.template, template_draft, the_plan.template)
        result.done += edited.done
        the_plan.unabsorbed += edited.unabsorbed
        if edited.data is not None and edited.done:
            result.files[options.template] = edited.data
            result.docx_read[options.template] = (template_draft, edited.package)
    result.unabsorbed = the_plan.unabsorbed
    if any(p.suffix in provenance.YAML_SUFFIXES for p in result.files):
        result.invalid = _validate(loaded, result.files)
    return result


def _planned(read: list, sources, template, options: Options, result: Result, seen: dict):
    """Build afresh, pair each draft with what it is a draft of, and plan: the merged
    plan, the template's reading (None when no draft is of the report) and how many
    body blocks the drafts and builds read held."""
    paths = [path for path, _draft in read]
    built = adapter.build(sources, template, str(options.template))
    bases = {"report": adapter.read(built.report, "built-report", seen)}
    kinds = _kinds([draft for _p, draft in read], built, bases, seen)
    seen.clear()  # the blocks keep what they need of it
    # A built document no draft is of is not read again: its trees go now (on a long
    # report, the standalone annex is a hundred MB of them).
    del built
    _slim(bases["report"])
    if len(bases) > len(set(kinds)):
        bases = {kind: bases[kind] for kind in dict.fromkeys(kinds)}
    for draft in [*bases.values(), *(draft for _p, draft in read)]:
        model.locate(draft.body)
    template_draft = adapter.read(template, str(options.template)) if "report" in kinds else None
    origin_of = {
        kind: origins.assign(sources, bases[kind], template_draft if kind == "report" else None)
        for kind in dict.fromkeys(kinds)
    }
    names = [p.name if [q.name for q in paths].count(p.name) == 1 else str(p) for p in paths]
    reviews = []
    for (path, draft), kind, name in zip(read, kinds, names, strict=True):
        base = bases[kind]
        conflicts = _check_fingerprint(path, provenance.read(path), options, result)
        pairs = adapter.body_pairs(base, draft)
        the_plan = plan.make(pairs, origin_of[kind], base.body, draft.held)
        the_plan.notes, handled = footnotes.plan(base, draft, pairs, origin_of[kind])
        notes.elsewhere(base, draft, the_plan, handled)
        the_plan.unabsorbed += looks.unabsorbed(pairs, base, draft, origin_of[kind], the_plan)
        if conflicts:
            stale.judge(path, conflicts, (base, draft, pairs), the_plan, options, result)
        result.comments += notes.comments(draft, pairs, origin_of[kind])
        reviews.append(merge.Review(name, the_plan, draft.authors))
    result.draft_kind = (
        kinds[0] if len(paths) == 1 else ngettext("{n} draft", "{n} drafts", len(paths))
    )
    the_plan = merge.merge(reviews)

    if "report" in origin_of:
        result.notes += notes.generated_follow(the_plan, bases["report"], origin_of["report"])
    drafts = [*bases.values(), *(draft for _p, draft in read)]
    _drop_trees(the_plan, drafts)
    return the_plan, template_draft, sum(len(draft.body) for draft in drafts)


def _drop_trees(the_plan, drafts: list) -> None:
    """The built documents' and the drafts' XML go once the plan is made: what follows
    reads the plan, the sources and the template. (On a long report they are two
    hundred MB, and the sources' edits and their check would come on top.) A paragraph
    the plan adds to the template is kept as a copy of its own."""
    for edit in the_plan.template:
        if edit.draft_element is not None:
            edit.draft_element = copy.deepcopy(edit.draft_element)
    for draft in drafts:
        draft.drop_trees()


#: Body blocks of the drafts and builds dropped past which their memory is given back:
#: a trim walks the whole C heap (12 ms after a `full` report, 1% of its absorb), worth
#: it when the trees were a long report's hundreds of MB.
_LARGE = 20_000

#: Body blocks of one draft past which its plain paragraphs leave its tree once read
#: (draft/detach.py), and that tree's memory is given back: so the reviewed draft's
#: tree is not held whole while the build is made, nor the build's while the drafts
#: are paired. It costs a serialisation of each paragraph, which a report of the word
#: limit (`full`: 2,744 blocks, a peak of 80 MB) need not pay; `stress` has 32,684.
_LONG = 10_000


def _slim(draft) -> None:
    """A long draft's plain paragraphs out of its tree, as their bytes (`_LONG`)."""
    if len(draft.body) > _LONG:
        from cmwreport.draft.detach import detach_plain

        detach_plain(draft)
        _give_back()


def _read_built(package, name: str, seen: dict | None = None):
    """A built document read as a draft, slimmed as a reviewed draft is."""
    draft = adapter.read(package, name, seen)
    _slim(draft)
    return draft


def _give_back() -> None:
    """Return the memory of XML trees just freed to the system. libxml2 frees into the C
    heap, where Python's own small objects (the YAML nodes and models that follow) are
    never allocated: without this, each phase's peak would add to the last one's."""
    import ctypes

    try:
        trim = ctypes.CDLL(None).malloc_trim  # glibc; elsewhere, nothing to do
    except (AttributeError, OSError):
        return
    trim(0)


def _read(path: Path, options: Options, result: Result, seen: dict):
    """A draft in its accepted view, or with --only-accepted its pending changes
    rejected; one count of tracked changes either way."""
    # First: a missing or corrupt draft says so.
    draft = adapter.read(path, seen=None if options.only_accepted else seen)
    # One count of the draft's tracked changes, the same in both modes.
    count = adapter.tracked_count(draft)
    if options.only_accepted:
        result.pending_left_out += count
        draft = adapter.read_rejected(path, seen)[0]
    else:
        result.accepted += count
    # Read, its main part is its tree (a draft is never written back): the bytes would
    # only add to the peak (18 MB on a long report).
    draft.package.release(draft.main_part)
    _slim(draft)
    return draft


_SYMBOL = re.compile(r"\b[A-Z]{2,}/C/[A-Z]{2,}/[0-9][0-9A-Za-z./-]*")


def _same_report(read: list, symbol: str) -> None:
    """`_same_one` for each (path, draft) read; no draft is held here once checked."""
    for path, draft in read:
        _same_one(draft, symbol, path)


def _same_one(draft, symbol: str, draft_path: Path) -> None:
    """Refuse a draft of another report (another symbol in its header or masthead):
    its paragraphs would otherwise be added to this project's template and sources."""

    def symbols(blocks) -> set[str]:
        return {m for b in blocks for m in _SYMBOL.findall(b.text)}

    # The masthead says which report it is; the running headers if it has none.
    found = symbols(draft.body[:12]) or symbols(
        [b for blocks in (*draft.headers.values(), *draft.footers.values()) for b in blocks]
    )
    if found and symbol not in found:
        raise CmwError(
            _(
                "{path}: a draft of {found}, and these sources are of {symbol}: "
                "absorb it into that report's own sources",
                path=draft_path,
                found=", ".join(sorted(found)),
                symbol=symbol,
            )
        )


def _check_fingerprint(draft_path: Path, recorded, options: Options, result: Result) -> set[str]:
    """Files changed since the build ("template" for the template)."""
    if recorded is None:
        result.notes.append(
            _(
                "{path}: the draft records no build fingerprint (built by an older "
                "cmwreport, or the property was removed): absorb cannot tell whether "
                "the sources changed since",
                path=draft_path,
            )
        )
        return set()
    now = provenance.of(options.sources, options.template)
    changed = set(recorded.changed_files(now))
    if recorded.template != now.template:
        changed.add("template")
    return changed


def _kinds(drafts: list, built, bases: dict, seen: dict | None = None) -> list[str]:
    """Whether each draft is the report or the standalone annex: the closer in content
    (`_which`). The annex is read (into `bases`) only for a draft its size leaves open:
    it holds at most `built.annex_blocks` texts, so its closeness to a draft of n texts
    is at most min(n, annex_blocks) / n; a draft at least that close to the report is
    of the report whatever the annex holds."""
    theirs = {b.text for b in bases["report"].body}
    kinds = []
    for draft in drafts:
        mine = {b.text for b in draft.body}
        shared, union = len(mine & theirs), max(len(mine | theirs), 1)
        # In integers: min(n, blocks) / max(n, 1) <= shared / union.
        if min(len(mine), built.annex_blocks) * union <= shared * max(len(mine), 1):
            kinds.append("report")
            continue
        if "annex" not in bases:
            bases["annex"] = _read_built(built.annex, "built-annex", seen)
        kinds.append(_which(draft, bases["report"], bases["annex"]))
    return kinds


def _which(draft, report, annex) -> str:
    """Whether the draft is the report or the standalone annex: the closer in content."""
    mine = {b.text for b in draft.body}

    def closeness(other) -> float:
        theirs = {b.text for b in other.body}
        return len(mine & theirs) / max(len(mine | theirs), 1)

    return "annex" if closeness(annex) > closeness(report) else "report"


def _all_ids(sources) -> set[str]:
    cons = sources.consultations
    ids = {cons.id}
    ids.update(p.id for p in cons.context)
    ids.update(p.id for p in cons.participants)
    ids.update(p.id for p in cons.programme)
    ids.update(m.id for m in cons.meetings)
    for axis in cons.axes:
        ids.add(axis.id)
        ids.update(r.id for r in axis.recommendations)
    return ids


def _validate(loaded, files: dict[Path, bytes]) -> list[str]:
    """Errors of the sources with the new files in place, checked in memory."""
    yaml = {path: data for path, data in files.items() if path.suffix in provenance.YAML_SUFFIXES}
    return [
        f"{d.file}:{d.line}:{d.column}: {d.code} {d.message}"
        for d in adapter.errors_with(loaded, yaml)
    ]
