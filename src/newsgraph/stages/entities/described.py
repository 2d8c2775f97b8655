"""What a common-noun phrase says of the actor it names (agents.py): where its name starts, the country a
demonym in it gives, and (issue 14: descriptions merge into the named actor) a description with a
person's name in apposition ("a Belgian lawyer, Yannick Peeters,", "freed an American journalist, NAME,")
made that person's mention, title and country rather than an actor of its own.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from .mentions import Candidate
from .roles import RoleFacts, qualifier_country

if TYPE_CHECKING:
    from spacy.tokens import Token

    from ..base import Parsed
    from .cluster import Cluster

# Links of the words of a noun phrase's name to its head: "Iraqi men", "the party's members".
_NAME_DEPS = frozenset({"amod", "compound", "nmod", "poss"})


def phrase_start(tok: Token, facts: RoleFacts) -> int:
    """First token of the actor's name: the contiguous run of name modifiers left of the head, without a
    determiner, a number or a possessive pronoun ("the seven Iraqi men" -> "Iraqi men")."""
    start = tok.i
    for child in sorted(tok.lefts, key=lambda c: -c.i):
        left = child.left_edge.i
        if child.dep_ not in _NAME_DEPS or child.right_edge.i != start - 1:
            break
        if child.dep_ == "poss" and (child.pos_ == "PRON" or facts.token_cluster.get(child.i) is None):
            break  # "their families", "the party's members": the possessor is not part of the name
        if any(t.like_num or t.dep_ in ("det", "nummod", "quantmod") for t in tok.doc[left : child.i + 1]):
            break
        start = left
    return start


def country_in(tok: Token, start: int, facts: RoleFacts) -> str | None:
    """The country a demonym or a possessive country inside the phrase names ("Malian kidnappers"); of a
    hyphenated identity, the last ("Mexican-American activists": American)."""
    found = None
    for i in range(start, tok.i):
        c = facts.token_cluster.get(i)
        code = qualifier_country(c) if c is not None and c.type == "GPE" else None
        if code:
            found = code
        elif found is not None and tok.doc[i].text not in ("-", "–"):
            break
    return found


def named_by_apposition(tok: Token, facts: RoleFacts) -> Cluster | None:
    """The person whose name stands in apposition to the noun ("a Belgian lawyer, Yannick Peeters, ...",
    "freed an American journalist, John Reyes,"): the description is theirs, not an actor of its own."""
    for child in tok.children:
        if child.dep_ == "appos" and child.i > tok.i:
            named = facts.token_cluster.get(child.i)
            if named is not None and named.type == "PERSON" and any(m.kind == "name" for m in named.mentions):
                return named
    return None


def describe_named(parsed: Parsed, facts: RoleFacts, person: Cluster, tok: Token) -> None:
    """The description before a person's name in apposition made theirs: a nominal mention, a title, and
    the country its demonym names when the text gives them none else ("A Belgian lawyer, NAME": BEL)."""
    start = phrase_start(tok, facts)
    doc = parsed.doc
    # The mention leaves out the name of a person or body that owns the phrase ("Ferreira's lawyer, Anne
    # Joubert": "lawyer"), which stays theirs; a demonym stays in ("Belgian truck driver"); the title
    # keeps the whole phrase.
    own = start
    for t in range(start, tok.i):
        other = facts.token_cluster.get(t)
        owner = other is not None and other is not person and other.type in ("PERSON", "ORG")
        if owner or doc[t].tag_ == "POS":
            own = t + 1
    person.add(Candidate.from_span(parsed, doc[own : tok.i + 1], "PERSON", "nominal"))
    info = facts.role(person)
    title = doc[start : tok.i + 1].text
    if title not in info.titles:
        info.titles.append(title)
    info.country = info.country or country_in(tok, start, facts)
    for t in range(own, tok.i + 1):
        facts.token_cluster.setdefault(t, person)
