"""Actor resolution across documents: pure rules, no store and no model."""

from __future__ import annotations

from newsgraph.corpus import ActorProfile, best_match, match_score, merge
from newsgraph.corpus.actors import actor_id
from newsgraph.corpus.names import blocking_keys, fold, name_matches, person_tokens


def person(name: str, *aliases: str, country: str | None = None, sector: str | None = None,
           titles: tuple[str, ...] = (), id: str = "") -> ActorProfile:  # fmt: skip
    return ActorProfile("PERSON", name, (name, *aliases), titles, country, sector, id=id)


def org(
    name: str, *aliases: str, country: str | None = None, type: str = "ORG", id: str = ""
) -> ActorProfile:
    return ActorProfile(type, name, (name, *aliases), (), country, None, id=id)


def test_fold_ignores_case_accents_and_punctuation():
    assert fold("Médecins Sans-Frontières") == fold("medecins sans frontieres")
    assert person_tokens("Gen. Oskar Lindqvist Jr.") == ("oskar", "lindqvist")


def test_same_full_name_merges():
    assert match_score(person("Lena Hart", country="NOR"), person("Lena Hart", "Hart", id="A1")) == 1.0


def test_initial_matches_first_name():
    assert match_score(person("L. Hart"), person("Lena Hart", id="A1")) > 0


def test_two_full_names_sharing_a_surname_stay_apart():
    assert match_score(person("Tom Hart", country="NOR"), person("Lena Hart", country="NOR", id="A1")) == 0


def test_bare_surname_needs_a_shared_country_or_title():
    stored = person("Lena Hart", country="NOR", titles=("Foreign Minister",), id="A1")
    assert match_score(person("Hart"), stored) == 0
    assert match_score(person("Hart", country="NOR"), stored) > 0
    assert match_score(person("Hart", titles=("foreign minister",)), stored) > 0


def test_country_conflict_never_merges():
    assert match_score(person("Lena Hart", country="NOR"), person("Lena Hart", country="SWE", id="A1")) == 0
    assert match_score(person("Hart", country="NOR"), person("Hart", country="SWE", id="A1")) == 0


def test_sector_and_type_conflicts_never_merge():
    assert match_score(person("Lena Hart", sector="GOV"), person("Lena Hart", sector="MIL", id="A1")) == 0
    assert match_score(org("Hart"), person("Hart", id="A1")) == 0


def test_ambiguous_surname_matches_nobody():
    a = person("Lena Hart", country="NOR", id="A1")
    b = person("Tom Hart", country="NOR", id="A2")
    assert best_match(person("Hart", country="NOR"), [a, b]) is None
    assert best_match(person("Tom Hart", country="NOR"), [a, b]) is b


def test_organisation_aliases_from_the_lexicon_merge():
    stored = org("United Nations", id="A1")
    assert match_score(org("UN"), stored) == 1.0
    assert match_score(org("the United Nations"), stored) == 1.0
    assert match_score(org("United Nations Development Fund"), stored) == 0


def test_places_merge_by_name_and_country_but_not_across_countries():
    assert (
        match_score(
            org("Georgia", type="GPE", country="GEO"), org("Georgia", type="LOC", country="GEO", id="A1")
        )
        == 1
    )
    assert (
        match_score(
            org("Georgia", type="GPE", country="USA"), org("Georgia", type="GPE", country="GEO", id="A1")
        )
        == 0
    )


def test_merge_pools_names_and_prefers_full_person_names():
    merged = merge(person("Hart", country="NOR", id="A1"), person("Lena Hart", "Hart", titles=("Minister",)))
    assert merged.id == "A1" and merged.name == "Lena Hart"
    assert set(merged.names) == {"Hart", "Lena Hart"} and merged.titles == ("Minister",)


def test_actor_ids_are_stable_and_unique():
    p = person("Lena Hart", country="NOR")
    first = actor_id(p, lambda _: False)
    assert first == actor_id(person("Lena Hart", country="NOR"), lambda _: False)
    assert actor_id(p, lambda c: c == first) != first
    assert first != actor_id(person("Lena Hart", country="SWE"), lambda _: False)


def test_blocking_keys_file_persons_by_surname_and_countries_by_code():
    assert "P:hart" in blocking_keys("PERSON", ("Minister Lena Hart",))
    assert "C:NOR" in blocking_keys("GPE", ("Norway",))


def test_name_queries():
    names = ("Lena Hart", "Hart")
    assert name_matches("Hart", "PERSON", names)
    assert name_matches("lena hart", "PERSON", names)
    assert not name_matches("Tom Hart", "PERSON", names)
    assert name_matches("UN", "ORG", ("United Nations",))
    assert not name_matches("Kenya", "GPE", ("Norway",))


def test_actors_known_only_by_description_are_never_merged():
    from newsgraph.corpus import profile_of
    from newsgraph.model import Entity, Mention

    def spokesman(doc: str) -> ActorProfile:
        entity = Entity(
            "E1", "the spokesman", "PERSON", (Mention(0, 13, "the spokesman", 0, "nominal"),), "NOR"
        )
        return profile_of(entity, doc)

    a, b = spokesman("d1"), spokesman("d2")
    assert a.keys == frozenset() and match_score(a, ActorProfile(**{**a.__dict__, "id": "A1"})) == 0
    assert actor_id(a, lambda _: False) != actor_id(b, lambda _: False)
    named = Entity("E1", "Lena Hart", "PERSON", (Mention(0, 9, "Lena Hart", 0),), "NOR")
    assert profile_of(named, "d1").solo is None


def test_display_names_prefer_the_lexicon_and_mixed_case():
    from newsgraph.corpus import profile_of
    from newsgraph.model import Entity, Mention

    us = Entity("E1", "U.S.", "GPE", (Mention(0, 4, "U.S.", 0),), "USA")
    assert profile_of(us).name == "United States" and "U.S." in profile_of(us).names
    un = Entity("E2", "UN", "ORG", (Mention(0, 2, "UN", 0),))
    assert profile_of(un).name == "United Nations"
    dateline = org("OSLO", type="GPE", country="NOR", id="A1")
    assert merge(dateline, org("Oslo", type="GPE", country="NOR")).name == "Oslo"


def test_a_first_name_alias_is_not_a_surname():
    stored = person("Juan Miguel Ortega", "Juan", "Ortega", country="MEX", id="A1")
    assert match_score(person("Juan", country="MEX"), stored) == 0
    assert match_score(person("Ortega", country="MEX"), stored) > 0


def test_described_organisations_are_not_merged():
    from newsgraph.corpus import profile_of
    from newsgraph.corpus.names import is_generic
    from newsgraph.model import Entity, Mention

    assert is_generic("City council") and is_generic("the police department") and is_generic("army")
    assert not is_generic("Ministry of Defence") and not is_generic("The New York Times")
    assert not is_generic("UN refugee agency")
    council = Entity("E1", "City council", "ORG", (Mention(0, 12, "City council", 0),))
    assert profile_of(council, "d1").solo == "d1"
