"""Group actors without a name: "Malian authorities", "Israel's military", "the Kenyan government".

A collective noun from lexicons/group_actors.tsv, qualified by a demonym or a possessive country, is an
actor of its own (ORG, kind nominal): news reports what such bodies do as often as what named people
do, and event coding needs them as sources and targets. The same phrase later in the text joins the same
entity. An institution named by its role alone ("the foreign ministry", "the junta") is an actor too,
with no country: no rule can tell whose it is (written as a name inside a sentence, "the Army", it is a
name mention, which the ranker may give the story's home). Any other common noun that acts ("the
kidnappers", "a court", "a Coral Gables man") is agents.py's, which runs after these and the role holders.
"""

from __future__ import annotations

import functools
from typing import TYPE_CHECKING

from ... import lexicons
from ...lexicons.entities import entity_words
from .cluster import Cluster
from .mentions import Candidate, capitalised_in_text
from .roles import RoleFacts, qualifier_country

if TYPE_CHECKING:
    from spacy.tokens import Token

    from ..base import Parsed

_WORDS = entity_words()  # the word lists this module uses, from lexicons/entity_words.tsv

_POSSESSIVE = {"'s", "’s"}
# Plural actors that take part in events without a named body ("rebels attacked", "police arrested"):
# actors of their own when they are an argument of a verb, with no country unless the text gives one.
_BARE_ACTORS = _WORDS.bare_actors
_INSTRUMENTS = _WORDS.instruments
_ARGUMENT_DEPS = {"nsubj", "nsubjpass", "dobj", "pobj", "conj"}
# Singular bodies that stand for an institution with "the" alone ("the foreign ministry", "the junta").
_INSTITUTIONS = _WORDS.institutions


def moved(tok: Token) -> bool:
    """ "withdrew its troops", "deployed police": troops an actor moves or keeps, not an actor; "killed 14
    soldiers", "released the soldiers" are acted on (lexicons/entity_words.tsv instruments, moving_verbs)."""
    return (
        tok.dep_ == "dobj" and tok.lower_ in _INSTRUMENTS and tok.head.lemma_.lower() in _WORDS.moving_verbs
    )


@functools.cache
def group_nouns() -> frozenset[str]:
    return lexicons.words("group_actors.tsv")


def add_group_actors(parsed: Parsed, clusters: list[Cluster], facts: RoleFacts) -> None:
    doc = parsed.doc
    nouns = group_nouns()
    by_key: dict[str, Cluster] = {}
    by_head: dict[str, Cluster] = {}  # head noun -> the latest qualified group with it ("Syrian army")
    tokens = parsed.tokens
    for tok in tokens:
        if tok.lower_ not in nouns or tok.i in facts.token_cluster or tok.pos_ not in ("NOUN", "PROPN"):
            continue
        if tok.i + 1 < len(tokens) and tokens[tok.i + 1].lower_ in nouns:
            continue  # "security forces": the phrase ends at the last noun
        start = tok.i
        if start > 0 and f"{tokens[start - 1].lower_} {tok.lower_}" in nouns:
            start -= 1
        # Walk left over adjectives to the qualifying country ("Malian transitional authorities").
        i, qualifier, institution = start - 1, None, False
        while i >= 0 and i > start - 4:
            c = facts.token_cluster.get(i)
            if c is not None:
                if c.type == "GPE" and qualifier_country(c):
                    qualifier = c
                break
            if doc[i].text in _POSSESSIVE or doc[i].pos_ == "ADJ" or doc[i].dep_ in ("amod", "compound"):
                i -= 1
                continue
            break
        if qualifier is None:
            # "the finance ministry said": a named-by-role institution is an actor even when the text
            # does not say whose it is (its country stays unknown).
            institution = (
                tok.lower_ in _INSTITUTIONS
                and i >= 0
                and doc[i].lower_ == "the"
                and tok.tag_ in ("NN", "NNP")
            )
            if not institution and not (tok.lower_ in _BARE_ACTORS and tok.dep_ in _ARGUMENT_DEPS):
                continue
            if not institution and moved(tok):
                continue  # "withdrew its troops", "deployed police": what an actor moves, not an actor
            q_start = i + 1
        else:
            q_start = i
            while q_start > 0 and facts.token_cluster.get(q_start - 1) is qualifier:
                q_start -= 1
        span = doc[q_start : tok.i + 1]
        # "the Army", "the Government" written as a name inside a sentence: the body the story means, a
        # name the model did not type (whose country the story's home may give), not a description.
        named = institution and capitalised_in_text(span)
        mention = Candidate.from_span(parsed, span, "ORG", "name" if named else "nominal")
        key = " ".join(mention.text.lower().replace("’", "'").split())
        cluster = by_key.get(key)
        if cluster is None and qualifier is None:
            cluster = by_head.get(tok.lower_)  # "the army" after "the Syrian army": the same actor
        if cluster is None:
            cluster = Cluster("ORG")
            by_key[key] = cluster
            clusters.append(cluster)
        if qualifier is not None:
            by_head[tok.lower_] = cluster
        cluster.add(mention)
        for t in range(start, tok.i + 1):
            facts.token_cluster.setdefault(t, cluster)
