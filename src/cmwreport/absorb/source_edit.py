"""Apply a plan's source edits to the YAML files, in memory: new text for each file.

Two passes, so that no two edits of one file overlap: first every changed text is
spliced into its scalar; then, on the files as they now read, items are removed,
moved and inserted as whole lines.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from cmwreport.absorb import origins as o
from cmwreport.absorb.item_lines import final_lines
from cmwreport.absorb.plan import Plan
from cmwreport.absorb.yaml_edit import YamlEditError, YamlFile
from cmwreport.i18n import _


@dataclass
class Outcome:
    #: File -> its new bytes, for files that change.
    files: dict[Path, bytes] = field(default_factory=dict)
    #: One line per change made: "sources/axes/x.yaml:7: recommendation ... text updated".
    done: list[str] = field(default_factory=list)
    #: (index in `done`, file, item id): lines that name an item, given its final line.
    at_item: list[tuple[int, Path, str, str | None]] = field(default_factory=list)

    def item_done(self, path: Path, item_id: str, what: str, key: str | None = None) -> None:
        """`key`: the line of that value of the item (its text), else of the item."""
        self.at_item.append((len(self.done), path, item_id, key))
        self.done.append(what)


#: Items in the sources past which their files' nodes are held one file at a time
#: (`_apply`'s `lean`): `full` has about 2,400, `stress` 30,000, whose 160 edited files'
#: nodes held together were 150 MB.
_MANY = 10_000


def apply(plan: Plan, all_ids: set[str]) -> Outcome:
    if len(all_ids) > _MANY:
        try:
            return _apply(plan, all_ids, lean=True)
        except YamlEditError:
            pass  # made again as always, for the error the usual order of edits meets
    return _apply(plan, all_ids, lean=False)


def _apply(plan: Plan, all_ids: set[str], lean: bool) -> Outcome:
    """`lean`: each file's nodes are dropped when the next file is edited, and composed
    again from the same text when it is edited again. A file's lists are edited (pass
    2) as soon as its texts are (pass 1) and the lists before them in the plan's order
    have been; a list's items are inserted with its removals while every item it takes
    from another list has been removed there (and, unless no two lists can make the same
    new id, while no list before it waits). The lines are said, the files listed and the
    splices kept in the order of the two passes made one after the other."""
    outcome = Outcome()
    texts: dict[Path, YamlFile] = {}
    last: list[YamlFile] = []

    def current(doc: YamlFile) -> YamlFile:
        if lean and last and last[0] is not doc:
            last[0].drop_nodes()
        last[:] = [doc]
        return doc

    def yaml_file(path: Path) -> YamlFile:
        if path not in texts:
            texts[path] = YamlFile.read(path, str(path))
        return current(texts[path])

    ops = [*plan.text_edits, *plan.notes]
    last_op = {op.origin.file: i for i, op in enumerate(ops)}
    stage2: dict[Path, YamlFile] = {}

    def second(path: Path) -> YamlFile:
        if path not in stage2:
            stage2[path] = yaml_file(path)
        return current(stage2[path])

    lists = _Lists(plan, all_ids, outcome, lean, second)
    for i, op in enumerate(ops):
        if i < len(plan.text_edits):
            _set_text(op, yaml_file(op.origin.file), outcome)
        else:
            _set_notes(op, yaml_file(op.origin.file), outcome)
        path = op.origin.file
        if lean and last_op[path] == i:  # its texts are done: its lists can be
            stage2[path] = current(texts[path].after_texts())
            texts[path].drop_nodes()
            lists.edit(ready=lambda p: p not in last_op or p in stage2)

    if not lean:
        for path, doc in texts.items():
            stage2[path] = doc.after_texts()
    lists.edit()
    # The files in the order the two passes one after the other first use them.
    first_use = [op.origin.file for op in ops] + [ref.file for ref, _e in lists.changed.values()]
    for path in dict.fromkeys(first_use):
        doc = stage2.get(path)
        if doc is None or not doc.splices and path in texts and not texts[path].splices:
            continue
        # Not composed again here: absorb reads every file it would write with the
        # sources' own reader before writing anything (engine._validate).
        new = doc.result_bytes(check=False)
        if new != path.read_bytes():
            outcome.files[path] = new
    final_lines(outcome)
    return outcome


def _set_text(edit, doc: YamlFile, outcome: Outcome) -> None:
    origin = edit.origin
    if origin.kind == o.ITEM:
        found = doc.find_item(origin.item_id)
        if found is None:
            raise YamlEditError(
                _("{file}: item {id} is no longer there", file=origin.file, id=origin.item_id)
            )
        seq, index = found
        node = _child(seq.value[index], origin.ref.text_key)
    else:
        node = doc.field_node(origin.path)
    if node is None:
        raise YamlEditError(
            _("{file}: cannot find {label}", file=origin.file, label=o.shown(origin.label))
        )
    doc.set_text(node, edit.after)
    what = _("{label}: text updated ({where})", label=o.shown(origin.label), where=edit.where)
    if origin.kind == o.ITEM:
        outcome.item_done(origin.file, origin.item_id, what, origin.ref.text_key)
    else:
        outcome.done.append(f"{origin.file}:{doc.line_of(node)}: {what}")


def _set_notes(notes, doc: YamlFile, outcome: Outcome) -> None:
    """An item's footnotes: their own lines, apart from the text."""
    origin = notes.origin
    found = doc.find_item(origin.item_id)
    if found is None:
        raise YamlEditError(
            _("{file}: item {id} is no longer there", file=origin.file, id=origin.item_id)
        )
    doc.set_list(found[0].value[found[1]], "footnotes", notes.after)
    outcome.item_done(
        origin.file,
        origin.item_id,
        _("{label}: footnotes updated ({where})", label=o.shown(origin.label), where=notes.where),
    )


class _Lists:
    """Pass 2: lists whose membership or order changed, in the plan's order: every
    list's removals, then every list's insertions (lean: see `_apply`)."""

    def __init__(self, plan: Plan, all_ids: set[str], outcome: Outcome, lean: bool, second):
        self.changed = plan.changed_lists()
        self.groups = list(self.changed.items())
        self.wanted = {
            e.item_id for _r, entries in plan.lists.values() for e in entries if e.item_id
        }
        self.taken = set(all_ids)
        self.blocks: dict[str, tuple[str, YamlFile]] = {}
        self.waiting: list[tuple] = []
        self.outcome, self.lean, self.second, self.next = outcome, lean, second, 0
        self.said = _Said(outcome, len(self.groups)) if lean else None
        new = sum(1 for _g, (_r, entries) in self.groups for e in entries if e.item_id is None)
        self.apart = lean and _apart([g for g, _v in self.groups], len(all_ids) + new)

    def edit(self, ready=None) -> None:
        """The lists not edited yet, in order, up to the first whose file is not `ready`;
        without `ready`, all of them, then the insertions that waited."""
        while self.next < len(self.groups):
            group, (ref, entries) = self.groups[self.next]
            if ready is not None and not ready(ref.file):
                return
            at, self.next = self.next, self.next + 1
            stable = self._remove(group, ref, entries)
            insert = (group, ref, entries, stable)
            moved_in = [e.item_id for e in entries if e.item_id and e.item_id not in stable]
            now = self.apart or not self.waiting
            if self.lean and now and all(i in self.blocks for i in moved_in):
                _insert(insert, self.second, self.blocks, self.taken, self.said.at(at))
            else:
                self.waiting.append((at, insert))
        if ready is not None:
            return
        for at, insert in self.waiting:
            said = self.said.at(at) if self.lean else self.outcome
            _insert(insert, self.second, self.blocks, self.taken, said)
        self.waiting = []
        if self.lean:
            # A file's splices may come in another order than the two passes make them:
            # only two at one place keep theirs (`YamlFile.result`), and those are of
            # one list, made in one go either way.
            self.said.flush()

    def _remove(self, group: str, ref, entries) -> set:
        doc = self.second(ref.file)
        seq = doc.field_node(ref.path)
        here = [_item_id(item) for item in seq.value]
        keep_order = [e.item_id for e in entries if e.item_id in here]
        stable = _stable(here, keep_order)
        done = self.said.done if self.lean else self.outcome.done
        for index, item_id in enumerate(here):
            if item_id in stable:
                continue
            block = doc.remove_item(seq, index)
            self.blocks[item_id] = (block, doc)
            line = doc.line_of(seq.value[index])
            if item_id not in self.wanted:
                done.append(
                    _(
                        "{file}:{line}: {kind} {id} removed",
                        file=ref.file,
                        line=line,
                        kind=o.kind_name(ref.kind),
                        id=item_id,
                    )
                )
        return stable


def _insert(insert: tuple, second, blocks: dict, taken: set, outcome) -> None:
    """A list's items that were not already in their place, inserted as lines."""
    group, ref, entries, stable = insert
    doc = second(ref.file)
    seq = doc.field_node(ref.path)
    here = [_item_id(item) for item in seq.value]
    run: list[str] = []
    for entry in [*entries, None]:
        if entry is not None and entry.item_id not in stable:
            run.append(_entry_lines(entry, ref, doc, seq, blocks, taken, outcome, group))
            continue
        if run:
            at = here.index(entry.item_id) if entry is not None else len(here)
            doc.insert_lines(seq, at, "".join(run))
            run = []


class _Said:
    """The lines of a lean pass 2, said in the order of the two passes: every removal's,
    then every list's insertions in the lists' order."""

    def __init__(self, outcome: Outcome, lists: int) -> None:
        self.outcome, self.done = outcome, []
        self.items: list[list] = [[] for _n in range(lists)]

    def at(self, n: int) -> _Recorder:
        return _Recorder(self.items[n])

    def flush(self) -> None:
        self.outcome.done += self.done
        for items in self.items:
            for args in items:
                self.outcome.item_done(*args)


class _Recorder:
    def __init__(self, items: list) -> None:
        self.items = items

    def item_done(self, *args) -> None:
        self.items.append(args)


def _apart(groups: list[str], most: int) -> bool:
    """Whether no two lists can make the same new id (`_new_id`): their bases differ and
    none is cut, whatever number it takes (at most `most`, one past every id taken)."""
    bases = [_base(g).rstrip("-") for g in groups]
    return len(set(bases)) == len(bases) and all(
        len(b) + len(f"-{most + 1}") <= _ID_MAX for b in bases
    )


def _entry_lines(entry, ref, doc, seq, blocks, taken, outcome, group) -> str:
    if entry.item_id is not None:
        block, source = blocks[entry.item_id]
        moved = _("{kind} {id} moved", kind=o.kind_name(ref.kind), id=entry.item_id)
        outcome.item_done(ref.file, entry.item_id, moved)
        return doc.reindent(block, seq) if source is not doc else block
    new_id = _new_id(group, taken)
    taken.add(new_id)
    added = _("new {kind} {id} added", kind=o.kind_name(ref.kind), id=new_id)
    outcome.item_done(ref.file, new_id, added)
    return doc.new_item(seq, [("id", new_id), (ref.text_key, entry.text)])


def _stable(here: list[str], wanted: list[str]) -> set[str]:
    """The items that keep their place: a longest common subsequence, so that moving
    one item moves that item only (difflib's blocks can pick a shorter run)."""
    if here == wanted:
        return set(here)
    if len(set(here)) == len(here) and len(set(wanted)) == len(wanted):
        # With unique ids every common subsequence as long as the common items are is
        # all of them: when they come in the same order in both (nothing moved, only
        # added or dropped), that is the answer the table below would find.
        in_here, in_wanted = set(here), set(wanted)
        common = [x for x in here if x in in_wanted]
        if common == [x for x in wanted if x in in_here]:
            return set(common)
        # Ids are unique in a list: a common head and tail are in every longest common
        # subsequence, and the table below (quadratic, in Python) need only cover what
        # lies between them (most of a list, when one item of a hundred moved).
        head = 0
        while head < min(len(here), len(wanted)) and here[head] == wanted[head]:
            head += 1
        tail = 0
        while (
            tail < min(len(here), len(wanted)) - head
            and here[len(here) - 1 - tail] == wanted[len(wanted) - 1 - tail]
        ):
            tail += 1
        if head or tail:
            kept = set(here[:head]) | set(here[len(here) - tail :])
            return kept | _stable(here[head : len(here) - tail], wanted[head : len(wanted) - tail])
    n, m = len(here), len(wanted)
    best = [[0] * (m + 1) for _ in range(n + 1)]
    for i in range(n - 1, -1, -1):
        for j in range(m - 1, -1, -1):
            if here[i] == wanted[j]:
                best[i][j] = best[i + 1][j + 1] + 1
            else:
                best[i][j] = max(best[i + 1][j], best[i][j + 1])
    out: set[str] = set()
    i = j = 0
    while i < n and j < m:
        if here[i] == wanted[j]:
            out.add(here[i])
            i += 1
            j += 1
        elif best[i + 1][j] >= best[i][j + 1]:
            i += 1
        else:
            j += 1
    return out


#: The longest id `_new_id` makes.
_ID_MAX = 35


def _base(group: str) -> str:
    return group.split(":", 1)[1] if group.startswith("axis:") else group.rstrip("s")


def _new_id(group: str, taken: set[str]) -> str:
    """`<axis id>-<n>`, `context-<n>`, `participant-<n>`: valid, unused, never reused."""
    base = _base(group)
    n = 1
    while True:
        tail = f"-{n}"
        candidate = base[: _ID_MAX - len(tail)].rstrip("-") + tail
        if candidate not in taken:
            return candidate
        n += 1


def _child(mapping, key: str):
    for k, v in mapping.value:
        if k.value == key:
            return v
    return None


def _item_id(item) -> str | None:
    node = _child(item, "id")
    return node.value if node is not None else None
