"""Which items keep their place when absorb reorders a list: a longest common
subsequence, the common head and tail set aside before the quadratic table, and no table at all
when the items both lists hold come in the same order (issue 21)."""

from __future__ import annotations

import random

from cmwreport.absorb.source_edit import _stable


def _lcs_items(here: list[str], wanted: list[str]) -> set[str]:
    """The plain table, over the whole lists: what the shortcut must agree with."""
    n, m = len(here), len(wanted)
    best = [[0] * (m + 1) for _ in range(n + 1)]
    for i in range(n - 1, -1, -1):
        for j in range(m - 1, -1, -1):
            best[i][j] = (
                best[i + 1][j + 1] + 1
                if here[i] == wanted[j]
                else max(best[i + 1][j], best[i][j + 1])
            )
    out, i, j = set(), 0, 0
    while i < n and j < m:
        if here[i] == wanted[j]:
            out.add(here[i])
            i, j = i + 1, j + 1
        elif best[i + 1][j] >= best[i][j + 1]:
            i += 1
        else:
            j += 1
    return out


def test_the_shortcut_keeps_the_same_items_as_the_whole_table():
    rng = random.Random(21)
    for _ in range(2000):
        here = [f"item-{k}" for k in range(rng.randint(0, 40))]
        wanted = here[:]
        for _ in range(rng.randint(0, 4)):
            move = rng.choice(["delete", "insert", "move"])
            if move == "insert":
                wanted.insert(rng.randint(0, len(wanted)), f"new-{rng.random()}")
            elif wanted:
                item = wanted.pop(rng.randrange(len(wanted)))
                if move == "move":
                    wanted.insert(rng.randint(0, len(wanted)), item)
        assert _stable(here, wanted) == _lcs_items(here, wanted), (here, wanted)


def test_one_item_moved_in_a_long_list_moves_that_item_only():
    here = [f"r-{k}" for k in range(2000)]
    wanted = here[:1000] + here[1001:1500] + ["r-1000"] + here[1500:]
    assert _stable(here, wanted) == set(here) - {"r-1000"}


def test_items_dropped_and_added_all_along_a_long_list_keep_every_other_item():
    # A review's usual edit: nothing moved, so every item both lists hold keeps its place
    # (the shortcut's case; the head and tail alone would leave most of the list).
    here = [f"r-{k}" for k in range(3000)]
    wanted = [f"new-{k}" if k % 50 == 7 else item for k, item in enumerate(here) if k % 40 != 3]
    kept = _stable(here, wanted)
    assert kept == {item for k, item in enumerate(here) if k % 40 != 3 and k % 50 != 7}
    assert "r-3" not in kept and "r-7" not in kept and "r-8" in kept
