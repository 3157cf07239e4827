"""Mutation categories that still break a promise, left out of the CI fuzz runs until
fixed. Each gets a strict-xfail regression test (named after it, in
tests/fuzz/test_found_in_*.py) that starts passing, and so fails, being strict, when
its owner fixes it: then the marker and the category here go. None today: what the
campaigns found in sources/ and diff/ was fixed there."""

from __future__ import annotations

#: category -> where it fails and who owns the fix.
KNOWN_TREE_FAILURES: dict[str, str] = {}
KNOWN_DRAFT_FAILURES: dict[str, str] = {}
