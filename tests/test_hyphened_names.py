"""A person's name the tokenizer cut at a hyphen before a lower-case syllable (stages/entities/orgs.py), on
sentences written for these tests."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from newsgraph import Document


@pytest.mark.model
def test_a_given_name_with_a_hyphened_syllable_is_read_whole(extract: Callable[..., Document]) -> None:
    doc = extract("President Moon Jae-in met farmers in Sejong on Monday.", "2019-05-02")
    moon = next(e for e in doc.entities if e.type == "PERSON")
    assert (moon.name, moon.country) == ("Moon Jae-in", "KOR")  # the whole name links to the knowledge base


@pytest.mark.model
def test_a_hyphen_with_spaces_or_a_long_word_after_it_is_no_part_of_the_name(
    extract: Callable[..., Document],
) -> None:
    doc = extract("The lawyer Anna Berg - in her first case - won on Monday.", "2019-05-02")
    assert "Anna Berg" in {e.name for e in doc.entities}
