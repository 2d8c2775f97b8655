"""Titles held at home and titles of no state (lexicons/country_cues.tsv `domestic`, lexicons/titles.tsv):
a ward councillor under a dateline is of its country; a museum's director holds no state
title, so no guard for titles held abroad keeps the story's home from her. Sentences written for these
tests."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from people_support import countries

from newsgraph import Document
from newsgraph.stages.entities.countries import is_domestic_title


def test_a_ward_councillor_and_a_municipal_commissioner_hold_their_titles_at_home() -> None:
    for title in ("Ward Councillor", "additional municipal commissioner", "district commissioner"):
        assert is_domestic_title(title), title
    # Not a police spokesman: "Lagos police spokesman NAME" under a London dateline is of Lagos
    assert not is_domestic_title("spokeswoman")
    assert not is_domestic_title("police spokesman")


@pytest.mark.model
def test_a_local_official_and_a_museum_director_take_the_datelines_country(
    extract: Callable[..., Document],
) -> None:
    doc = extract(
        "NEWCASTLE, South Africa (Reuters) - Three men were arrested on Sunday after forty cattle went "
        "missing from a farm near the town, said ward councillor Anne Miller. "
        "Museum director Greta Holm said the farm's old barn was a listed building."
    )
    found = countries(doc)
    assert found["Anne Miller"] == found["Greta Holm"] == "ZAF"
    assert {e.sector for e in doc.entities if e.name == "Greta Holm"} == {None}
