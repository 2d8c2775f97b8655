"""Corpus ids made from content: a letter for the kind (A actor, V event) and 11 hex digits of the SHA-1 of
what defines the record, so that re-ingesting a corpus gives the same ids whatever the order of arrival.
Two records with one seed (namesakes the seed cannot tell apart) are told apart by a suffix: `-2`, `-3` ..."""

from __future__ import annotations

import hashlib
from collections.abc import Callable


def content_id(kind: str, seed: str, n: int = 1) -> str:
    """The id of the n-th record with this seed."""
    base = kind + hashlib.sha1(seed.encode("utf-8")).hexdigest()[:11]
    return base if n == 1 else f"{base}-{n}"


def unused_id(kind: str, seed: str, taken: Callable[[str], bool]) -> str:
    """The first id of this seed that `taken` does not report in use."""
    n = 1
    while taken(candidate := content_id(kind, seed, n)):
        n += 1
    return candidate
