"""Pronouns that stand for the subject of the clause governing them (our own rule over the parse).

"The ministry said it would expel the diplomats", "The state says it will never sell the port", "The union
called off its strike", "The rebels said they had seized the town": "it"/"its"/"itself" and
"they"/"their"/"them" are the organisation or country that is the subject of the clause they stand in
or of a clause above it, when that subject agrees in number:

- "it" and its forms join an organisation or a country whose subject word is no plural common noun;
- "they" and its forms join an organisation or group whose subject word is plural or a group's noun
  ("the government", "the party"), never a country ("the United States said they ..." is someone else);
- only a subject, a possessive or a reflexive pronoun is read so: an object is someone else than the
  subject of its clause ("the ministry criticised it"), and a clause without a subject of its own takes
  the one above ("Japan lent Peru money to help it pay": not Japan);
- the nearest subject above the pronoun decides: when it is a person or no entity at all ("the plan"),
  the pronoun stays unlinked; so it does when another organisation or country that could agree is named
  between the two.

This runs after the passes that look back across sentences (pronouns.py, anaphora._it_pronouns) and
only takes the pronouns they left. `resolve_plural_pronouns`, the pass before, joins a "they" to the
latest plural subject across a sentence boundary, or to a "they" it joined after that subject; when
no subject answers, to the group named nearest before it when no person, place or other body is
named between.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ...lexicons.entities import entity_words
from ...lexicons.names import gender_words
from .headlines import inside_spans
from .pronouns import add_pronoun, same_clause_object
from .quoted import quoted_spans

if TYPE_CHECKING:
    from spacy.tokens import Token

    from ..base import Parsed
    from .cluster import Cluster
    from .roles import RoleFacts

_WORDS = gender_words()
_EXPLETIVE_VERBS = entity_words().expletive_verbs
_SUBJECTS = ("nsubj", "nsubjpass")


def resolve_governed_pronouns(parsed: Parsed, facts: RoleFacts) -> None:
    for tok in parsed.tokens:
        word = tok.lower_
        if tok.pos_ != "PRON" or tok.i in facts.token_cluster:
            continue
        if word in _WORDS.neuter_pronouns:
            if tok.dep_ == "expl" or (tok.dep_ in _SUBJECTS and tok.head.lemma_ in _EXPLETIVE_VERBS):
                continue  # "the ministry said it was unclear whether ...": no one
            target = _governing_entity(tok, facts, plural=False)
        elif word in _WORDS.plural_pronouns:
            target = _governing_entity(tok, facts, plural=True)
        else:
            continue
        if target is None:
            continue
        add_pronoun(parsed, target, tok, facts)


def _governing_entity(tok: Token, facts: RoleFacts, plural: bool) -> Cluster | None:
    """The entity of the nearest subject above `tok` when it agrees with it and no other entity that could
    agree is named between the two (outside the subject's own phrase: "Israel, which annexed East
    Jerusalem, says it ..."), else None."""
    if not _may_be_own_subject(tok):
        # An object is someone else than the subject of its clause, and a clause with no subject of its
        # own ("to help it pay") has the one above as its subject: "Japan lent Peru money to help it".
        return None
    subject = _nearest_subject(tok)
    if subject is None:
        return None
    cluster = facts.token_cluster.get(subject.i)
    if cluster is None or not _agrees(subject, cluster, plural):
        return None
    for i in range(subject.right_edge.i + 1, tok.i):  # the subject's own clauses name no rival
        between = facts.token_cluster.get(i)
        if between is not None and between is not cluster and _agrees(tok.doc[i], between, plural):
            return None  # "Japan pledged loans to Sri Lanka to shore up its currency": either
    return cluster


def _agrees(subject: Token, cluster: Cluster, plural: bool) -> bool:
    if plural:
        if cluster.type != "ORG":
            return False
        if subject.pos_ == "PRON":
            return subject.lower_ in _WORDS.plural_pronouns
        return subject.tag_ in ("NNS", "NNPS") or subject.lower_ in _WORDS.group_heads
    if cluster.type not in ("ORG", "GPE"):
        return False
    if subject.pos_ == "PRON":
        return subject.lower_ in _WORDS.neuter_pronouns
    if subject.tag_ == "NNPS":  # "the United States" is one country, "Palestinians" are many people
        return not any(m.kind == "demonym" and m.tok_start <= subject.i < m.tok_end for m in cluster.mentions)
    return subject.tag_ != "NNS"


def _nearest_subject(tok: Token) -> Token | None:
    """The subject of the nearest clause at or above `tok` that has one, not `tok` nor a subject that
    `tok`'s phrase is part of."""
    cur = tok
    while cur.head.i != cur.i:
        head = cur.head
        subjects = [c for c in head.children if c.dep_ in _SUBJECTS and c.i != cur.i and c.i != tok.i]
        if subjects and cur.dep_ not in _SUBJECTS:
            return subjects[0]
        cur = head
    return None


def _may_be_own_subject(tok: Token) -> bool:
    """A possessive or reflexive pronoun may be its own clause's subject ("its strike", "itself"); so may a
    pronoun that is itself a subject (reached only through a clause the subject governs)."""
    return tok.dep_ in ("poss", *_SUBJECTS) or tok.lower_.endswith(("self", "selves"))


def resolve_plural_pronouns(parsed: Parsed, clusters: list[Cluster], facts: RoleFacts) -> None:
    """`they`/`them`/`their` -> the organisation or group that was the latest plural-able subject."""
    if not any(c.type == "ORG" for c in clusters):
        return
    quoted = quoted_spans(parsed)
    for tok in parsed.tokens:
        if tok.lower_ not in _WORDS.plural_pronouns or tok.pos_ != "PRON" or tok.i in facts.token_cluster:
            continue
        if inside_spans(quoted, tok.idx):
            continue  # a speaker's "they" points at whoever the speaker has in mind
        sentence = parsed.sentence_index(tok.idx)
        subject = _latest_subject(parsed, tok, sentence, facts)
        c = facts.token_cluster.get(subject.i) if subject is not None else None
        if c is None or c.type != "ORG":
            c = _latest_group(parsed, tok, sentence, facts)
        if c is not None:
            add_pronoun(parsed, c, tok, facts)


def _joined_plural(t: Token, facts: RoleFacts) -> bool:
    """A plural subject or possessive pronoun already joined to an entity."""
    plural = t.pos_ == "PRON" and t.lower_ in _WORDS.plural_pronouns
    return plural and t.dep_ in (*_SUBJECTS, "poss") and t.i in facts.token_cluster


def _latest_group(parsed: Parsed, tok: Token, sentence: int, facts: RoleFacts) -> Cluster | None:
    """When no subject answers, the group whose latest mention before tok, in its sentence or the one
    before, is nearest, when that mention's head is plural or a group's noun and no mention of another
    organisation, country or person comes between ("the strike by the miners ended; they went back":
    the miners). Not a group that is the subject of tok's own clause when tok is its object."""
    doc = parsed.doc
    start = parsed.sentences[max(0, sentence - 1)][0]
    for t in reversed(doc[: tok.i]):
        if t.idx < start:
            return None
        c = facts.token_cluster.get(t.i)
        if c is None or t.pos_ == "PRON" or (t.i + 1 < len(doc) and facts.token_cluster.get(t.i + 1) is c):
            continue  # not a mention's last word
        if c.type != "ORG":
            return None  # a person or a place is nearer: who "they" are is not clear
        if same_clause_object(tok, t):
            return None
        if t.tag_ in ("NNS", "NNPS") or t.lower_ in _WORDS.group_heads:
            return c
        return None
    return None


def _latest_subject(parsed: Parsed, tok: Token, sentence: int, facts: RoleFacts) -> Token | None:
    """The latest subject before tok, in its sentence or the one before, when it is plural or a group's
    noun; not the subject of tok's own clause unless tok is reflexive or possessive ("the council
    could fine them": not the council). A plural pronoun this pass already joined to a group, when it
    comes after that subject, stands for the group in its place ("the rebels said they had left; they
    will return": the second "they" is theirs, though the first is the latest subject), unless it is the
    subject of tok's own clause and tok its object ("they blamed them")."""
    doc = parsed.doc
    start = parsed.sentences[max(0, sentence - 1)][0]
    for t in reversed(doc[: tok.i]):
        if t.idx < start:
            return None
        if _joined_plural(t, facts) and not same_clause_object(tok, t):
            return t
        if t.dep_ not in _SUBJECTS or t.pos_ == "PRON":
            continue
        if same_clause_object(tok, t):
            return None
        if t.tag_ in ("NNS", "NNPS") or t.lower_ in _WORDS.group_heads:
            return t
        return None  # a singular noun or name ("the plan", "the Court") is the latest subject: not a group
    return None
