"""The model's PERSON and ORG labels corrected by the shape of the name (thirty-fourth session, issue 14).

The statistical model calls "Moosehead Breweries" and "Cellara Therapeutics" people, and "Mamadou Diallo"
and "The mill's owner, Giovanni Botta" bodies; a person typed a body gets no pronouns and no country,
a body typed a person takes "he" and "she". mentions.py asks `retyped_by_shape` of every name mention
the knowledge base does not key and no title opens. The word lists are entity_words.tsv's (org_words,
firm_words, place_body_heads, body_heads, legal_forms, person_roles), the agent nouns and the titles.
`glued_name` tells a transliterated name of hyphen-glued words ("Jaish-e-Mohammed"), which the tokenizer
cuts apart (known_bodies.py and kb_link.py find and link such bodies; forty-fifth session).
`minister_portfolio` tells the portfolio written before "Minister" ("Treasury Minister"), which the
model reads as a body and no mention may take for one (forty-seventh session).
"""

from __future__ import annotations

import functools
import re
from typing import TYPE_CHECKING

from ... import lexicons
from ...lexicons.agents import agent_nouns
from ...lexicons.entities import entity_words, firm_form_countries
from ...lexicons.names import first_name_gender

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

_WORDS = entity_words()


def retyped_by_shape(doc: Doc, span: Span, label: str) -> str:
    """The model's PERSON or ORG label of a name mention corrected by the name's shape: a name ending in a
    body's head word is a body ("Moosehead Breweries", "Victoria Police"); a given name with a surname the
    text also uses alone, or beside a person's role, is a person ("Mamadou Diallo ... Diallo said", "the
    mill's owner, Giovanni Botta"); a given name alone is a person beside a person's role ("her nephew,
    Stuart,")."""
    words = span.text.split()
    if len(words) < 2:
        # "Her nephew, Stuart,": a given name alone in apposition to a person's role
        given = bool(words) and first_name_gender(words[0], strong=True) is not None
        return "PERSON" if label in ("ORG", "GPE") and given and _role_beside(span) else label
    if label == "PERSON" and is_body_head(words[-1]):
        return "ORG"
    if label == "ORG" and len(words) <= 3 and _reads_as_person(doc, span, words):
        return "PERSON"
    return label


def is_body_head(word: str) -> bool:
    """A word that ends a body's name: a legal form as written inside a name, or a head word of entity_words'
    org_words, firm_words, place_body_heads and body_heads ("Party", "Industries", "Office", "Trust")."""
    key = word.lower()
    return is_legal_form(word, in_name=True) or key in _BODY_HEADS or word in _one_country_forms()


@functools.cache
def _one_country_forms() -> frozenset[str]:
    """The one-word legal forms of firm_form_countries.tsv as written there ("OÜ", "A/S", "Zrt", "d.o.o."):
    forms of a few countries' company law, which no person's name ends with. Not those written as plain
    capitals ("AS", "SAB", "AD"), which may be initials or an acronym beside a name."""
    return frozenset(
        form for form in firm_form_countries() if " " not in form and not (form.isascii() and form.isupper())
    )


_BODY_HEADS = _WORDS.org_words | _WORDS.firm_words | _WORDS.place_body_heads | _WORDS.body_heads


def _reads_as_person(doc: Doc, span: Span, words: list[str]) -> bool:
    """A full name: every word capitalised and alphabetic, the first a given name, no body's head word,
    and either the given name's bearers overwhelmingly of one gender and the last word written alone
    elsewhere in the text (people are named again by surname; a firm named after its founder, "Louis
    Vuitton", by its whole name), or a given name that leans one way and a person's role beside the name
    ("The mill's owner, Giovanni Botta", "defender Gonzalo Montiel", "Fernanda Costa, an analyst"), or
    that role beside a name of two words whatever its first ("pianist Nikola Horvat")."""
    if not all(w[:1].isupper() and w.replace("-", "").isalpha() for w in words):
        return False
    if any(is_body_head(w) for w in words[1:]):
        return False
    if _role_beside(span) and (first_name_gender(words[0]) is not None or len(words) == 2):
        # A name of two words needs no given name the lists know: they leave out the names borne by
        # both genders ("the Croatian pianist Nikola Horvat"; tuning_pronouns5, read)
        return True
    if first_name_gender(words[0], strong=True) is None:
        return False
    if span.end < len(doc) and doc[span.end].text in ("'s", "’s"):
        return False  # "Ruth's Chris": a brand's possessive
    if span[-1].tag_ == "NNPS":
        return False  # "Cleveland Cavaliers": a plural is a team's or a people's name, not a surname
    surname = words[-1]
    return any(
        t.text == surname
        and not (span.start <= t.i < span.end)
        and not (t.i > 0 and doc[t.i - 1].text == words[-2])
        for t in doc
    )


def _role_beside(span: Span) -> bool:
    """A noun of a person's role describes the name: the noun the name stands in apposition to, an
    apposition of the name's, or a noun right before it ("owner", "an analyst", "defender", or a title
    written capitalised: "Foreign Minister"); not any noun ("mortgage giants Fannie Mae", "downtown Rock
    Hill", "an older model Ford Explorer")."""
    root = span.root
    nouns = [root.head] if root.dep_ == "appos" else []
    nouns += [c for c in root.children if c.dep_ == "appos"]
    before = span.doc[span.start - 1] if span.start > 0 else None
    if before is not None and before.dep_ == "compound" and before.head.i == root.i:
        nouns.append(before)
        if before.text.istitle() and before.lower_ in lexicons.titles():
            return True  # "Foreign Minister Nikola Petrović": a title written as one, before the name
    return any(n.pos_ == "NOUN" and n.text.islower() and person_noun(n.lemma_.lower()) for n in nouns)


def person_noun(lemma: str) -> bool:
    """A noun of a person's role: one of `people_nouns`, or a title."""
    return lemma in people_nouns() or lemma in lexicons.titles()


@functools.cache
def people_nouns() -> frozenset[str]:
    """The people nouns of agent_nouns.tsv and the roles of entity_words.tsv's `person_roles` ("defender",
    "novelist")."""
    return frozenset(n for n, e in agent_nouns().items() if e.type == "PERSON") | _WORDS.person_roles


# Legal forms that are also short words or a place's abbreviation ("SA"): a form only with their dots.
_AMBIGUOUS_FORMS = frozenset({"sa", "ab", "se", "lp", "pty", "bv"})


def is_legal_form(word: str, in_name: bool = False) -> bool:
    """A firm's legal form as written ("Ltd", "S.A.", "GmbH"; entity_words' `legal_forms`). A form that is
    also a short word or a place's abbreviation ("SA", "BV") needs its dots, or, written inside a name the
    model read (`in_name`), its capitals only."""
    key = word.replace(".", "").lower()
    plain = key not in _AMBIGUOUS_FORMS or "." in word or (in_name and word.isupper())
    return key in _WORDS.legal_forms and plain


# The small words a transliterated name glues between its capitalised ones with hyphens ("Jaish-e-Mohammed",
# "Tehrik-i-Taliban", "Hizb-ut-Tahrir", "Jamaat-ud-Dawa"): the tokenizer cuts such a name apart, and the
# model then misses it or calls it a person.
_GLUED_PARTICLES = frozenset({"e", "i", "o", "ul", "ut", "ud", "ur", "us", "al", "el"})
_GLUED_WORD = re.compile(r"[A-Z][a-z']+(?:-(?:" + "|".join(sorted(_GLUED_PARTICLES)) + r")-[A-Z][a-z']+)+")


def glued_name(name: str) -> bool:
    """Whether a word of `name` is written with glued particles ("Lashkar-e-Taiba", "Tehreek-e-Insaf")."""
    return any(_GLUED_WORD.fullmatch(word) for word in name.split())


# The title word a portfolio is written before ("Treasury Minister").
_MINISTER = ("Minister", "Ministers")


def minister_portfolio(doc: Doc, span: Span) -> bool:
    """The span is the portfolio of a minister's title written before it ("Treasury Minister", "Mineral
    Resources Minister", "State Enterprises Minister"): capitalised words, none an acronym, right before
    "Minister" or "Ministers". A state that calls its office so has ministers; the model reads the
    portfolio as a body, and the knowledge base then links it to a namesake ("Treasury": the United
    States', whose head is a secretary)."""
    i = span.end
    while i < min(len(doc), span.end + 3) and doc[i].text not in _MINISTER and _portfolio_word(doc[i]):
        i += 1  # "State" of "State Enterprises Minister"
    if i >= len(doc) or doc[i].text not in _MINISTER:
        return False
    return all(_portfolio_word(t) for t in span if t.is_alpha)


def _portfolio_word(token: Token) -> bool:
    """A capitalised word of a portfolio, not an acronym ("Treasury"; not "EU" of "EU Ministers")."""
    return token.text[:1].isupper() and not token.text.isupper() and token.is_alpha
