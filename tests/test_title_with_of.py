"""Titles with "of" in them end at their last word ("chief of staff"), found through the positions of
"of" read once per document (entities/title_phrases._title_with_of). Sentences written for these tests."""

from __future__ import annotations

from collections.abc import Callable

import spacy

from newsgraph.model import Document
from newsgraph.stages.entities.title_phrases import _title_with_of

NLP = spacy.blank("en")


def test_a_title_with_of_is_found_from_its_last_word() -> None:
    doc = NLP("The new chief of staff arrived late.")
    assert _title_with_of(doc, 4) == 2  # "chief of staff" ends at "staff"


def test_no_of_within_reach_no_title() -> None:
    doc = NLP("One of the staff said the chief arrived late at night.")
    assert _title_with_of(doc, 3) is None  # "of the staff" is no title
    assert _title_with_of(doc, 6) is None  # the "of" is five words back: out of reach


def test_each_document_has_its_own_positions() -> None:
    assert _title_with_of(NLP("She is chief of staff."), 4) == 2
    assert _title_with_of(NLP("She is chief and staff."), 4) is None


def test_a_ministers_portfolio_after_of_is_part_of_the_title() -> None:
    """'minister of <portfolio>' and the US 'secretary of <department>' are titles of their own
    (lexicons/titles.tsv), so the demonym before them gives the named person a country."""
    doc = NLP("Chilean minister of mines Rosa Pardo visited the port.")
    assert _title_with_of(doc, 3) == 1  # "minister of mines" ends at "mines"
    doc = NLP("Secretary of Homeland Security Ann Cole spoke.")
    assert _title_with_of(doc, 3) == 0


def test_a_portfolio_title_gives_its_holder_title_and_country(extract: Callable[..., Document]) -> None:
    doc = extract("Chilean minister of mines Rosa Pardo visited the port on Monday.")
    people = {e.name: e for e in doc.entities if e.type == "PERSON"}
    assert set(people) == {"Rosa Pardo"}, sorted(people)
    assert (people["Rosa Pardo"].country, people["Rosa Pardo"].titles) == ("CHL", ("minister of mines",))


def test_the_longest_titles_with_of_are_read_whole() -> None:
    """Six words: the window follows the lexicon's longest title with "of", not a fixed five."""
    doc = NLP("Secretary of Health and Human Services Ann Cole spoke.")
    assert _title_with_of(doc, 5) == 0
