"""Apply a plan's source edits to the YAML files, in memory: new text for each file.

Two passes, so that no two edits of one file overlap: first every changed text is
spliced into its scalar; then, on the files as they now read, items are removed,
moved and inserted as whole lines.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from cmwreport.absorb import origins as o
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
    again from the same text when it is edited again; a list's items are inserted as
    soon as its removals are made, while every item it takes from another list has
    been removed there (from the first list that must wait, every later one waits for
    every removal), the lines said and the splices kept in the order of the two passes.
    """
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

    # Pass 1: scalar texts.
    for edit in plan.text_edits:
        origin = edit.origin
        doc = yaml_file(origin.file)
        if origin.kind == o.ITEM:
            found = doc.find_item(origin.item_id)
            if found is None:
                raise YamlEditError(
                    _(
                        "{file}: item {id} is no longer there",
                        file=origin.file,
                        id=origin.item_id,
                    )
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

    for notes in plan.notes:  # items' footnotes: their own lines, apart from the text
        origin = notes.origin
        doc = yaml_file(origin.file)
        found = doc.find_item(origin.item_id)
        if found is None:
            raise YamlEditError(
                _("{file}: item {id} is no longer there", file=origin.file, id=origin.item_id)
            )
        doc.set_list(found[0].value[found[1]], "footnotes", notes.after)
        outcome.item_done(
            origin.file,
            origin.item_id,
            _(
                "{label}: footnotes updated ({where})",
                label=o.shown(origin.label),
                where=notes.where,
            ),
        )

    stage2 = {}
    for path, doc in texts.items():
        stage2[path] = current(doc.after_texts())
        if lean:
            doc.drop_nodes()

    def second(path: Path) -> YamlFile:
        if path not in stage2:
            stage2[path] = yaml_file(path)
        return current(stage2[path])

    # Pass 2: lists whose membership or order changed.
    changed = plan.changed_lists()
    wanted = {e.item_id for _ref, entries in plan.lists.values() for e in entries if e.item_id}
    taken = set(all_ids)
    blocks: dict[str, tuple[str, YamlFile]] = {}
    inserts: list[tuple[str, o.ListRef, list, set]] = []
    said = _Said(outcome) if lean else outcome
    for group, (ref, entries) in changed.items():
        doc = second(ref.file)
        seq = doc.field_node(ref.path)
        here = [_item_id(item) for item in seq.value]
        keep_order = [e.item_id for e in entries if e.item_id in here]
        stable = _stable(here, keep_order)
        for index, item_id in enumerate(here):
            if item_id in stable:
                continue
            block = doc.remove_item(seq, index)
            blocks[item_id] = (block, doc)
            line = doc.line_of(seq.value[index])
            if item_id not in wanted:
                said.done.append(
                    _(
                        "{file}:{line}: {kind} {id} removed",
                        file=ref.file,
                        line=line,
                        kind=o.kind_name(ref.kind),
                        id=item_id,
                    )
                )
        inserts.append((group, ref, entries, stable))
        moved_in = [e.item_id for e in entries if e.item_id and e.item_id not in stable]
        if lean and len(inserts) == 1 and all(i in blocks for i in moved_in):
            _insert(inserts.pop(), second, blocks, taken, said)  # while its nodes are here
    for insert in inserts:
        _insert(insert, second, blocks, taken, said)
    if lean:
        said.flush()
        for doc in stage2.values():
            # The two passes' order: every removal, then every insertion.
            doc.splices.sort(key=lambda sp: sp.start == sp.end)
    for path, doc in stage2.items():
        if not doc.splices and path in texts and not texts[path].splices:
            continue
        # Not composed again here: absorb reads every file it would write with the
        # sources' own reader before writing anything (engine._validate).
        new = doc.result_bytes(check=False)
        if new != path.read_bytes():
            outcome.files[path] = new
    _final_lines(outcome)
    return outcome


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
    then every insertion's."""

    def __init__(self, outcome: Outcome) -> None:
        self.outcome, self.done, self.items = outcome, [], []

    def item_done(self, *args) -> None:
        self.items.append(args)

    def flush(self) -> None:
        self.outcome.done += self.done
        for args in self.items:
            self.outcome.item_done(*args)


def _final_lines(outcome: Outcome) -> None:
    """Each message about an item names the line the item starts on once written (a
    moved item where it is now, not where it was): found by the item's `- id:` line in
    the text as written, without composing the file once more."""
    files: dict[Path, tuple[list[str], dict[str, int]]] = {}

    def read(path: Path) -> tuple[list[str], dict[str, int]]:
        if path not in files:
            data = outcome.files.get(path)
            text = path.read_bytes() if data is None else data
            lines = text.decode("utf-8-sig").splitlines()
            files[path] = lines, _id_lines(lines)
        return files[path]

    for index, path, item_id, key in outcome.at_item:
        if item_id not in read(path)[1]:
            # Moved to another file (another axis): named there.
            path = next((f for f in outcome.files if item_id in read(f)[1]), path)
        lines, starts = read(path)
        line = _line_of(lines, starts.get(item_id), key)
        outcome.done[index] = f"{path}{f':{line}' if line else ''}: {outcome.done[index]}"


#: An item's first line, `- id: x` (quoted or not, a comment after it). Ids are words
#: of [a-z0-9-] (sources/schema.py ID_PATTERN), so the id is the whole run read here.
_ID_LINE = re.compile(r"""^\s*-\s+id:\s*(["']?)([^\s"'#]+)\1\s*(#.*)?$""")


def _id_lines(lines: list[str]) -> dict[str, int]:
    """Each id -> the index of the first line that starts an item with it."""
    out: dict[str, int] = {}
    for n, line in enumerate(lines):
        if "id:" in line:
            found = _ID_LINE.match(line)
            if found:
                out.setdefault(found[2], n)
    return out


def _line_of(lines: list[str], n: int | None, key: str | None) -> int | None:
    """The line (1-based) of the item starting at line index `n`, or of its `key`."""
    if n is None:
        return None
    if key is None:
        return n + 1
    line = lines[n]
    indent = len(line) - len(line.lstrip(" -"))
    for m in range(n + 1, len(lines)):
        stripped = lines[m].lstrip(" ")
        if stripped.startswith("- ") and len(lines[m]) - len(stripped) < indent:
            break
        if stripped.startswith(f"{key}:"):
            return m + 1
    return n + 1


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


def _new_id(group: str, taken: set[str]) -> str:
    """`<axis id>-<n>`, `context-<n>`, `participant-<n>`: valid, unused, never reused."""
    base = group.split(":", 1)[1] if group.startswith("axis:") else group.rstrip("s")
    n = 1
    while True:
        tail = f"-{n}"
        candidate = base[: 35 - len(tail)].rstrip("-") + tail
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
