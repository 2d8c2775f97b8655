"""A body's name the model cut at a town's name is joined again when the knowledge base holds the whole
(stages/entities/known_joins.py). Sentences written for these tests; the clubs are the shipped knowledge
base's."""

from __future__ import annotations

import pytest

from newsgraph import extract

pytestmark = pytest.mark.model


def test_a_club_cut_at_its_town_is_one_body_of_its_country() -> None:
    doc = extract("ZAGREB -- Dinamo Zagreb opened their campaign with a 1-0 win on Tuesday.", "2022-09-07")
    club = next(e for e in doc.entities if any(m.text == "Dinamo Zagreb" for m in e.mentions))
    assert (club.type, club.country) == ("ORG", "HRV")


def test_a_whole_the_knowledge_base_does_not_hold_stays_apart() -> None:
    # the knowledge base holds "Transparency International", not a national chapter's name
    doc = extract("Transparency International Kenya said the tender was rigged.", "2022-09-07")
    assert not any(m.text == "Transparency International Kenya" for e in doc.entities for m in e.mentions)
