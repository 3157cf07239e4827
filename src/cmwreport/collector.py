"""Python's cyclic garbage collector, paused while a step makes objects that live to its end.

Loading sources and absorbing a review make hundreds of thousands of objects (YAML nodes,
model objects, blocks) that make no garbage cycles: each full collection walks them all
again as they grow, and reclaims nothing that reference counting does not (issue 21).
"""

from __future__ import annotations

import gc


class paused:  # noqa: N801  (used as `with paused():`, like contextlib's helpers)
    """The collector off inside the block and, after it (also when it raises), on again
    only if it was on: a caller that turned it off keeps it off."""

    __slots__ = ("_was_on",)

    def __enter__(self) -> None:
        self._was_on = gc.isenabled()
        gc.disable()

    def __exit__(self, *_exc: object) -> None:
        if self._was_on:
            gc.enable()
