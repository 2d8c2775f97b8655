"""Candidate.key is kept once computed (grouping asks it of every mention against every cluster): a
candidate copied with another text has its own key. Names invented for these tests."""

from __future__ import annotations

import dataclasses

from newsgraph.stages.entities.cluster import Cluster
from newsgraph.stages.entities.firm_names import firm_forms, firm_of, legal_tail
from newsgraph.stages.entities.mentions import Candidate


def cand(text: str, type_: str = "ORG") -> Candidate:
    return Candidate(0, len(text), text, type_, "name", None, 0, len(text.split()), 0)


def test_a_copy_with_another_text_has_its_own_key() -> None:
    first = cand("Velmora Freight's")
    assert first.key == "velmora freight"
    assert dataclasses.replace(first, text="Ostrander A.G.").key == "ostrander ag"
    assert first.key == "velmora freight"


def test_firm_forms_read_the_texts() -> None:
    assert legal_tail(cand("Ostrander A.G."))
    assert not legal_tail(cand("Ostrander Mills"))
    assert firm_forms(cand("Ostrander A.G."), cand("Ostrander", "PERSON"))
    assert not firm_forms(cand("Ostrander Mills"), cand("Ostrander"))


def test_a_firm_is_found_from_its_legal_name_or_its_bare_word_only() -> None:
    bare = Cluster("PERSON")
    bare.add(cand("Ostrander", "PERSON"))
    assert firm_of([bare], cand("Ostrander A.G.")) is bare  # a legal name finds its bare word
    legal = Cluster("ORG")
    legal.add(cand("Ostrander A.G."))
    assert firm_of([legal], cand("Ostrander", "GPE")) is legal  # and the bare word its legal name
    assert firm_of([bare, legal], cand("Ostrander Mills")) is None  # two words, no legal tail
