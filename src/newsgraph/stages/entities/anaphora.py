"""Mentions without a name: unnamed role holders, descriptive phrases and pronouns.

- "Mali's defense minister" with no name beside it becomes a PERSON entity of its own (kind nominal).
- "the Russian mercenary group" joins the latest organisation of that country whose own mentions were
  described with a word of the same family (group, company, force ...), else the latest of that country.
- "he"/"she"/"him"/"her"/"his" join the nearest person mentioned before, preferring the subject of the
  previous sentences (no coreference model exists offline: this is a rule, measured on our samples);
  "it" as the subject of an act joins the organisation that was the subject just before.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ...lexicons.entities import entity_words
from .grouping import Cluster
from .groups import add_group_actors
from .mentions import Candidate
from .roles import RoleFacts, qualifier_country, record_title, title_ending_at

if TYPE_CHECKING:
    from spacy.tokens import Doc

    from ..base import Parsed

_WORDS = entity_words()  # the word lists this module uses, from lexicons/entity_words.tsv

GROUP_NOUNS = _WORDS.group_nouns
PERSON_PRONOUNS = _WORDS.person_pronouns
_PRONOUN_WINDOW = 3  # sentences back that a pronoun may reach


def _candidate(parsed: Parsed, start: int, end: int, type_: str, kind: str) -> Candidate:
    return Candidate.from_span(parsed, parsed.doc[start:end], type_, kind)


def _role_holders(parsed: Parsed, clusters: list[Cluster], facts: RoleFacts) -> None:
    """`Mali's defense minister` (a possessive country and a title, no name next to it): a new person."""
    doc: Doc = parsed.doc
    for tok in doc:
        if tok.i in facts.token_cluster or tok.pos_ not in ("NOUN", "PROPN"):
            continue
        if _next_is_person(doc, tok.i + 1, facts):
            continue  # a title before a name: roles.py handled it
        phrase = title_ending_at(doc, tok.i, facts.token_cluster)
        if phrase is None or phrase.qualifier is None or phrase.qualifier.type != "GPE":
            continue
        if (
            _next_is_person(doc, phrase.qualifier_start - 2, facts)
            and doc[phrase.qualifier_start - 1].text == ","
        ):
            continue  # an apposition to a name ("X, Niger's Ambassador"): roles.py gave X the title
        if tok.tag_ in ("NNS", "NNPS"):
            continue  # "Malian officials" is a group, not one role holder
        if doc[phrase.qualifier_start].text[0].islower():
            continue
        holder = Cluster("PERSON")
        holder.add(_candidate(parsed, phrase.qualifier_start, phrase.end, "PERSON", "nominal"))
        clusters.append(holder)
        record_title(facts, holder, phrase, holder.mentions[0].sentence)
        for t in range(phrase.qualifier_start, phrase.end):
            facts.token_cluster.setdefault(t, holder)


def _next_is_person(doc: Doc, i: int, facts: RoleFacts) -> bool:
    """Token i (or the one after a comma at i) is part of a person's name."""
    if 0 <= i < len(doc) and doc[i].text == ",":
        i += 1
    c = facts.token_cluster.get(i) if 0 <= i < len(doc) else None
    return c is not None and c.type == "PERSON"


def _descriptive(parsed: Parsed, clusters: list[Cluster], facts: RoleFacts) -> None:
    """`the Russian mercenary group` -> the latest organisation of Russia mentioned before it."""
    doc = parsed.doc
    for tok in doc:
        if tok.lower_ not in GROUP_NOUNS or tok.i in facts.token_cluster:
            continue
        left = list(tok.lefts)
        if not any(t.lower_ == "the" for t in left):
            continue
        country = None
        for t in left:
            c = facts.token_cluster.get(t.i)
            if c is not None and c.type == "GPE":
                country = qualifier_country(c)
        if country is None:
            continue
        start = min(t.i for t in left if t.lower_ == "the") + 1
        orgs = [
            c
            for c in clusters
            if c.type == "ORG"
            and qualifier_country(c) == country
            and min(m.tok_start for m in c.mentions) < tok.i
        ]
        if not orgs:
            continue
        target = max(orgs, key=lambda c: max(m.tok_start for m in c.mentions if m.tok_start < tok.i))
        target.add(_candidate(parsed, start, tok.i + 1, "ORG", "nominal"))
        for i in range(start, tok.i + 1):
            facts.token_cluster.setdefault(i, target)


def _pronouns(parsed: Parsed, clusters: list[Cluster], facts: RoleFacts) -> None:
    doc = parsed.doc
    people = [c for c in clusters if c.type == "PERSON"]
    if not people:
        return
    for tok in doc:
        if tok.lower_ not in PERSON_PRONOUNS or tok.pos_ != "PRON":
            continue
        sentence = parsed.sentence_index(tok.idx)
        best, best_key = None, None
        for c in people:
            for m in c.mentions:
                if m.tok_end > tok.i or sentence - m.sentence > _PRONOUN_WINDOW or m.kind == "pronoun":
                    continue
                head = doc[m.tok_end - 1]
                subject = head.dep_ in ("nsubj", "nsubjpass")
                key = (m.sentence, subject, m.tok_start)
                if best_key is None or key > best_key:
                    best, best_key = c, key
        if best is not None:
            best.add(_candidate(parsed, tok.i, tok.i + 1, "PERSON", "pronoun"))
            facts.token_cluster.setdefault(tok.i, best)


# Verbs whose subject "it" is often no entity at all ("it is clear", "it seems", "it took hours").
_EXPLETIVE_VERBS = _WORDS.expletive_verbs


def _it_pronouns(parsed: Parsed, clusters: list[Cluster], facts: RoleFacts) -> None:
    """`it` as the subject of an act ("It said ...", "it rejected") joins the nearest organisation that
    was a subject in the same or the previous sentence; "it" in any other role stays unlinked."""
    doc = parsed.doc
    bodies = [c for c in clusters if c.type == "ORG"]
    if not bodies:
        return
    for tok in doc:
        if tok.lower_ != "it" or tok.dep_ != "nsubj" or tok.head.lemma_ in _EXPLETIVE_VERBS:
            continue
        sentence = parsed.sentence_index(tok.idx)
        best, best_key = None, None
        for c in bodies:
            for m in c.mentions:
                if m.tok_end > tok.i or sentence - m.sentence > 1 or m.kind == "pronoun":
                    continue
                if doc[m.tok_end - 1].dep_ not in ("nsubj", "nsubjpass"):
                    continue
                key = (m.sentence, m.tok_start)
                if best_key is None or key > best_key:
                    best, best_key = c, key
        if best is not None:
            best.add(_candidate(parsed, tok.i, tok.i + 1, "ORG", "pronoun"))
            facts.token_cluster.setdefault(tok.i, best)


def add_nominals_and_pronouns(parsed: Parsed, clusters: list[Cluster], facts: RoleFacts) -> list[Cluster]:
    clusters = list(clusters)
    _role_holders(parsed, clusters, facts)
    _descriptive(parsed, clusters, facts)
    add_group_actors(parsed, clusters, facts)
    _pronouns(parsed, clusters, facts)
    _it_pronouns(parsed, clusters, facts)
    return clusters
