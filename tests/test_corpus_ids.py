"""Corpus ids come from content: the same seed gives the same id, namesakes get -2, -3 ..."""

from __future__ import annotations

import hashlib

from newsgraph.corpus.ids import content_id, unused_id


def test_an_id_is_the_kind_letter_and_eleven_hex_digits_of_the_seed() -> None:
    seed = "PERSON|ama|mensah|GHA"
    assert content_id("A", seed) == "A" + hashlib.sha1(seed.encode("utf-8")).hexdigest()[:11]
    assert content_id("A", seed) == content_id("A", seed)
    assert content_id("A", seed) != content_id("V", seed)
    assert content_id("V", "PROTEST|x|y|2024-03-09") != content_id("V", "PROTEST|x|y|2024-03-10")


def test_the_nth_holder_of_a_seed_gets_a_suffix() -> None:
    first = content_id("A", "ORG|harbour board")
    assert content_id("A", "ORG|harbour board", 2) == f"{first}-2"
    assert content_id("A", "ORG|harbour board", 3) == f"{first}-3"


def test_unused_id_skips_the_ids_in_use() -> None:
    first = content_id("V", "ASSAULT|a|b|2024-01-02")
    assert unused_id("V", "ASSAULT|a|b|2024-01-02", lambda _: False) == first
    in_use = {first, f"{first}-2"}
    assert unused_id("V", "ASSAULT|a|b|2024-01-02", in_use.__contains__) == f"{first}-3"
