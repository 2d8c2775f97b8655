"""Mentions without a name: unnamed role holders, descriptive phrases and pronouns.

- "Mali's defense minister" with no name beside it becomes a PERSON entity of its own (kind nominal).
- "the Russian mercenary group" joins the latest organisation of that country whose own mentions were
  described with a word of the same family (group, company, force ...), else the latest of that country.
- "he"/"she"/"him"/"her"/"his" join the nearest person mentioned before, preferring the subject of the
  previous sentences (no coreference model exists offline: this is a rule, measured on our samples);
  "it" as the subject of an act joins the organisation that was the subject just before.
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from typing import TYPE_CHECKING

from ...lexicons.entities import entity_words
from .agents import add_agent_actors, agent_heads
from .cluster import Cluster
from .governed import resolve_governed_pronouns, resolve_plural_pronouns
from .groups import add_group_actors
from .headlines import drop_headline_fragments
from .mentions import Candidate
from .pronouns import (
    resolve_first_person,
    resolve_person_pronouns,
    third_person_pronouns,
)
from .roles import RoleFacts, qualifier_country, record_title
from .seat_anaphors import link_seat_anaphors
from .title_phrases import POSSESSIVE, TitlePhrase, is_title_word, title_ending_at

if TYPE_CHECKING:
    from spacy.tokens import Doc

    from ...kb import ActorKB
    from ..base import Parsed

_WORDS = entity_words()  # the word lists this module uses, from lexicons/entity_words.tsv

GROUP_NOUNS = _WORDS.group_nouns
PERSON_PRONOUNS = third_person_pronouns()  # he/him/his/himself, she/her/hers/herself: gender_words.tsv
#: Sentences back that "the minister" may reach for the person who holds that title.
TITLE_WINDOW = 8
#: Sentences back that "the group" may reach for the organisation it stands for.
GROUP_WINDOW = 1


def _candidate(parsed: Parsed, start: int, end: int, type_: str, kind: str) -> Candidate:
    return Candidate.from_span(parsed, parsed.doc[start:end], type_, kind)


def _role_holders(
    parsed: Parsed, clusters: list[Cluster], facts: RoleFacts, kb: ActorKB | None = None
) -> None:
    """`Mali's defense minister` (a possessive country and a title, no name next to it): a new person.

    A description set beside a name ("Mali's interim president, Colonel Assimi Goïta"; "X, Niger's
    Ambassador,") is no one new: it is a mention of the named person, and its title and the relation
    it states (leader_of Mali) are theirs."""
    doc: Doc = parsed.doc
    for tok in parsed.tokens:
        if tok.i in facts.token_cluster or tok.pos_ not in ("NOUN", "PROPN"):
            continue
        if _person_at(doc, tok.i + 1, facts, comma=False) is not None:
            continue  # a title before a name: roles.py handled it
        phrase = title_ending_at(doc, tok.i, facts.token_cluster)
        if phrase is None or tok.tag_ in ("NNS", "NNPS"):
            continue  # "Malian officials" is a group, not one role holder
        named = _person_at(doc, phrase.end, facts, comma=True)
        if named is None and phrase.qualifier_start >= 2 and doc[phrase.qualifier_start - 1].text == ",":
            named = _person_before(doc, phrase.qualifier_start - 2, facts)
        if named is not None:
            _describe(parsed, named, phrase, facts)
            continue
        if phrase.qualifier is None or phrase.qualifier.type != "GPE":
            continue
        if doc[phrase.qualifier_start].text[0].islower() or tok.i in facts.title_tokens:
            continue  # (or a word of a longer title roles.py gave a name: "chief" of "chief of staff NAME")
        named = _named_holder(parsed, clusters, facts, phrase, kb)
        if named is not None:
            _describe(parsed, named, phrase, facts)
            continue
        holder = Cluster("PERSON")
        holder.add(_candidate(parsed, phrase.qualifier_start, phrase.end, "PERSON", "nominal"))
        clusters.append(holder)
        record_title(facts, holder, phrase, holder.mentions[0].sentence)
        for t in range(phrase.qualifier_start, phrase.end):
            facts.token_cluster.setdefault(t, holder)


def _named_holder(
    parsed: Parsed, clusters: list[Cluster], facts: RoleFacts, phrase: TitlePhrase, kb: ActorKB | None
) -> Cluster | None:
    """The person named before a definite description of a country's office ("the French president",
    "France's foreign minister") who holds it: the one person, within TITLE_WINDOW sentences, whose
    titles end in its head word and whom the text, or else the knowledge base by their full name, places
    in that country. Not "a French minister" (one of many), nor a former or future holder ("the former
    French president")."""
    doc = parsed.doc
    country = qualifier_country(phrase.qualifier) if phrase.qualifier is not None else None
    before = doc[phrase.qualifier_start - 1] if phrase.qualifier_start > 0 else None
    possessive = phrase.qualifier_start < phrase.start and doc[phrase.start - 1].text in POSSESSIVE
    if country is None or not (possessive or (before is not None and before.lower_ == "the")):
        return None
    if any(t.lower_ in _NOT_SITTING for t in doc[phrase.qualifier_start : phrase.head]):
        return None
    word = doc[phrase.head].lower_
    sentence = parsed.sentence_index(doc[phrase.head].idx)
    holders = [
        c
        for c in clusters
        if _holds(facts, word, c)
        and _person_country(facts, c, kb, parsed.article.published) == country
        and any(
            m.kind == "name" and m.tok_end <= phrase.qualifier_start and sentence - m.sentence <= TITLE_WINDOW
            for m in c.mentions
        )
    ]
    return holders[0] if len(holders) == 1 else None


def _person_country(
    facts: RoleFacts, person: Cluster, kb: ActorKB | None, published: str | None
) -> str | None:
    """The country the text gives the person, else the one every knowledge-base person of their full
    name has on the `published` date."""
    info = facts.info.get(id(person))
    if info is not None and info.country:
        return info.country
    full = person.full
    if kb is None or full is None or full.kind != "name" or " " not in full.text:
        return None
    matches = kb.lookup(full.text, published)
    found = {m.country for m in matches if m.how == "name" and m.actor.type == "PERSON"}
    return found.pop() if len(found) == 1 else None


#: Words that make a description of an office name someone other than its holder of the day.
_NOT_SITTING = frozenset(
    {"former", "ex", "late", "future", "next", "previous", "then", "outgoing", "incoming"}
)


def _describe(parsed: Parsed, person: Cluster, phrase: TitlePhrase, facts: RoleFacts) -> None:
    """The description becomes a nominal mention of the person it stands beside, with its title."""
    doc = parsed.doc
    start = phrase.qualifier_start if doc[phrase.qualifier_start].text[:1].isupper() else phrase.start
    if phrase.qualifier is not None and phrase.qualifier.type != "GPE":
        start = phrase.start  # "the group's leader": the group keeps its own mention
    sentence = parsed.sentence_index(doc[phrase.start].idx)
    record_title(facts, person, phrase, sentence)
    end = phrase.head + 1  # a complement ("to the United States") keeps its own mention
    free = [t for t in range(start, end) if t not in facts.token_cluster]
    if phrase.qualifier is not None and phrase.qualifier.type == "GPE":
        free = list(range(start, end))
    if not free:
        return
    person.add(_candidate(parsed, free[0], free[-1] + 1, "PERSON", "nominal"))
    for t in free:
        facts.token_cluster.setdefault(t, person)


def _person_at(doc: Doc, i: int, facts: RoleFacts, comma: bool) -> Cluster | None:
    """The person whose name starts at token i, after an optional comma (when `comma`) and the titles
    before the name ("president, Colonel Assimi Goïta")."""
    if comma:
        if not (0 <= i < len(doc) and doc[i].text == ","):
            return None
        i += 1
    while (
        0 <= i < len(doc)
        and i not in facts.token_cluster
        and doc[i].text[:1].isupper()
        and (is_title_word(doc[i]) or doc[i].text == ".")
    ):
        i += 1
    c = facts.token_cluster.get(i) if 0 <= i < len(doc) else None
    return c if c is not None and c.type == "PERSON" else None


def _person_before(doc: Doc, i: int, facts: RoleFacts) -> Cluster | None:
    """The person whose name ends at token i ("Marek Dolan, Chile's envoy")."""
    c = facts.token_cluster.get(i) if 0 <= i < len(doc) else None
    return c if c is not None and c.type == "PERSON" else None


def _descriptive(parsed: Parsed, clusters: list[Cluster], facts: RoleFacts) -> None:
    """`the Russian mercenary group` -> the latest organisation of Russia mentioned before it."""
    for tok in parsed.tokens:
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


def _definite_titles(parsed: Parsed, clusters: list[Cluster], facts: RoleFacts) -> None:
    """`the minister said`: the person mentioned last (within TITLE_WINDOW sentences) whose titles end in
    that word; `the group said`: the organisation mentioned last (within GROUP_WINDOW sentences)."""
    toks = parsed.tokens
    for tok in toks:
        if tok.i in facts.token_cluster or tok.tag_ != "NN" or tok.i == 0 or toks[tok.i - 1].lower_ != "the":
            continue
        if tok.i + 1 < len(toks) and (toks[tok.i + 1].pos_ == "PROPN" or toks[tok.i + 1].lower_ == "of"):
            continue  # "the minister of X", "the president Joe ...": not a bare title
        sentence = parsed.sentence_index(tok.idx)
        target: Cluster | None = None
        if is_title_word(tok):
            target = _latest(
                clusters, tok.i, sentence, TITLE_WINDOW, functools.partial(_holds, facts, tok.lower_)
            )
        elif tok.lower_ in GROUP_NOUNS:
            target = _latest(clusters, tok.i, sentence, GROUP_WINDOW, lambda c: c.type == "ORG")
        if target is None:
            continue
        target.add(_candidate(parsed, tok.i, tok.i + 1, target.type, "nominal"))
        facts.token_cluster.setdefault(tok.i, target)


def _holds(facts: RoleFacts, word: str, cluster: Cluster) -> bool:
    info = facts.info.get(id(cluster))
    return (
        cluster.type == "PERSON"
        and info is not None
        and any(t.lower().replace("-", " ").split()[-1:] == [word] for t in info.titles)
    )


def _latest(
    clusters: list[Cluster], before: int, sentence: int, window: int, fits: Callable[[Cluster], bool]
) -> Cluster | None:
    """The cluster that fits with the latest mention before token `before` within `window` sentences."""
    best, best_at = None, -1
    for c in clusters:
        if not fits(c):
            continue
        for m in c.mentions:
            if best_at < m.tok_start and m.tok_end <= before and sentence - m.sentence <= window:
                best, best_at = c, m.tok_start
    return best


# Verbs whose subject "it" is often no entity at all ("it is clear", "it seems", "it took hours").
_EXPLETIVE_VERBS = _WORDS.expletive_verbs


def _it_pronouns(parsed: Parsed, clusters: list[Cluster], facts: RoleFacts) -> None:
    """`it` as the subject of an act ("It said ...", "it rejected") joins the nearest organisation that
    was a subject in the same or the previous sentence; "it" in any other role stays unlinked."""
    doc = parsed.doc
    bodies = [c for c in clusters if c.type == "ORG"]
    if not bodies:
        return
    for tok in parsed.tokens:
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


def add_nominals_and_pronouns(
    parsed: Parsed, clusters: list[Cluster], facts: RoleFacts, kb: ActorKB | None = None
) -> list[Cluster]:
    """The unnamed mentions joined to the clusters, and new clusters for unnamed role holders and groups;
    `kb`, the actor knowledge base, says the gender of people it knows by their full name."""
    clusters = drop_headline_fragments(parsed, list(clusters))
    kept = {id(c) for c in clusters}
    for t in [t for t, c in facts.token_cluster.items() if id(c) not in kept]:
        del facts.token_cluster[t]
    _role_holders(parsed, clusters, facts, kb)
    _descriptive(parsed, clusters, facts)
    link_seat_anaphors(parsed, clusters, facts)
    add_group_actors(parsed, clusters, facts)
    _definite_titles(parsed, clusters, facts)
    agents = agent_heads(parsed)
    add_agent_actors(parsed, clusters, facts, agents["bodies"])
    resolve_person_pronouns(parsed, clusters, facts, PERSON_PRONOUNS, kb)
    _it_pronouns(parsed, clusters, facts)
    add_agent_actors(parsed, clusters, facts, agents["groups"])
    resolve_plural_pronouns(parsed, clusters, facts)
    add_agent_actors(parsed, clusters, facts, agents["people"])
    resolve_governed_pronouns(parsed, facts)
    resolve_first_person(parsed, clusters, facts)
    return clusters
