"""Pronouns in what someone else reports, or after a person the text does not name (stages/entities/
pronoun_evidence.py, pronouns.py): the reporter's own pronoun is no evidence of the gender of the person
reported on, and an unnamed coach's "she" is no one's named before. Sentences written for these tests."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from people_support import person, pronouns_of

from newsgraph import Document


@pytest.mark.model
def test_a_pronoun_joined_to_a_reported_clause_is_no_evidence_of_the_person_reported_on(
    extract: Callable[..., Document],
) -> None:
    doc = extract(
        "The umpire of Saturday's match between Tarvena and Colbrio ended it early. Dario Fenucci of "
        "Tarvena and Ugo Malvasi of Colbrio were sent off. In her note to the league, the umpire wrote "
        "that Fenucci had struck first and that she had been shoved while parting the two. Malvasi said he "
        "had only stepped back."
    )
    assert not {"her", "she"} & set(pronouns_of(person(doc, "Dario Fenucci")))


@pytest.mark.model
def test_a_possessive_a_woman_named_just_before_may_own_says_nothing_of_the_subject(
    extract: Callable[..., Document],
) -> None:
    # Only the list of rarer names knows either given name: the woman's counts as just named all the same
    doc = extract(
        "The poet Parvaneh Sadeghlou won the city's verse prize on Sunday. Sadeghlou, 51, teaches at a "
        "girls' school. The jury chair, Kourosh Nikbakht, said she had been chosen by every judge. Behrouz "
        'Farahmandi, last year\'s winner, read one of her poems aloud. "I envied this poem at once," '
        'Farahmandi said. "She says in ten lines what I need fifty for."'
    )
    assert pronouns_of(person(doc, "Behrouz Farahmandi")) == ["i", "i"]
    assert pronouns_of(person(doc, "Parvaneh Sadeghlou")) == ["she", "her", "she"]


@pytest.mark.model
def test_an_unnamed_speakers_pronoun_is_no_one_named_before(extract: Callable[..., Document]) -> None:
    doc = extract(
        "The Harwick Hornets benched two starters on Friday after they broke curfew before the county "
        "final. Casey Pratt and Alexis Corran were seen coming back after midnight. The coach said she "
        "had set the rules in August and would not bend them."
    )
    for name in ("Casey Pratt", "Alexis Corran"):
        assert "she" not in pronouns_of(person(doc, name)), name
