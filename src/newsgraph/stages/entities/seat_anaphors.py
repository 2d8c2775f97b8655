"""A body named again by the place it is seated in or its country's demonym: "Brightwell Partners said ...
The Leeds firm employs 40 people", "Nordvik Holdings ... The Bergen-based company said". News names a body
once and then varies it so; the description is a mention of the body and its place gives the body a
country the text may say nowhere else.

- `retype_seat_words`: the model often takes the town of such a description for a person or a body ("The
  Leeds label": "Leeds" PERSON). A name right after "the" and right before a body's noun (country_cues.tsv
  `descriptor`: "firm", "label", "club"), a person's ("businessman", "striker") or "-based", that is the
  name of a big enough town (as town_names.py reads one), a region of one country or a country, is a
  place at that mention only (a sports story names clubs by their towns elsewhere).
- `link_seat_anaphors`: "the PLACE firm", "the PLACE-based company", "the DEMONYM group" with no name after
  it, its noun singular and one a story names a body again with (entity_words.tsv `renaming_nouns`: not
  "the Russian league"), joins the body it stands for: the latest body that was a subject in the same or
  the previous sentence, else the only body named there; not one of another country, an international one
  ("UEFA ... the Belgian club") or one named after another big town ("Rotor Volgograd ... the Moscow
  club"). The place's country is the body's (`RoleInfo.demonym`, as for "Leeds-based NAME", unless the
  text gives it another).
  A person named again so ("NAME scored twice ... The Brazilian striker has 14 goals") is not joined:
  on the shared development articles the latest subject before was the one meant about half the time
  ("the Ohio native", "the Cuban boy" were someone the story named elsewhere, or no one it named).
"""

from __future__ import annotations

import dataclasses
import functools
from typing import TYPE_CHECKING

from ... import lexicons
from ...lexicons.entities import entity_words, home_words
from .countries import country_cues
from .mentions import Candidate
from .name_shapes import people_nouns
from .place_countries import city_country, places_named
from .roles import qualifier_country
from .seated import place_country, seat_at
from .town_names import big_enough_town

if TYPE_CHECKING:
    from spacy.tokens import Doc

    from ..base import Parsed
    from .cluster import Cluster
    from .roles import RoleFacts

# Sentences back that "the Leeds firm" may reach for the body it stands for (the previous one, as "the
# group" does: anaphora.GROUP_WINDOW).
_WINDOW = 1
_PLACE_KINDS = ("city", "adm1", "country")
# What the description may stand for, as the model types names before the entities are settled: a body's
# name it took for a facility or a place ("the Museo del Prado" LOC) is a rival of the one body it would
# otherwise stand for, though only an ORG is joined.
_BODY_LIKE = frozenset({"ORG", "LOC", "FAC"})
_WORDS = entity_words()
# Lower-case words that may stand between the place and the noun ("the Leeds software firm", "the
# Norwegian state oil company").
_MODIFIERS = 2
_MODIFYING = frozenset({"ADJ", "NOUN"})


def retype_seat_words(parsed: Parsed, candidates: list[Candidate]) -> list[Candidate]:
    """The candidates with each person or body name that is the place of a body's description ("The
    Leeds firm") typed GPE, at that mention only."""
    doc = parsed.doc
    out = []
    for c in candidates:
        if c.kind == "name" and c.type in ("PERSON", "ORG") and c.kb is None and _seat_word(doc, c):
            c = dataclasses.replace(c, type="GPE")
        out.append(c)
    return out


def _seat_word(doc: Doc, c: Candidate) -> bool:
    if c.tok_start < 1 or doc[c.tok_start - 1].lower_ != "the":
        return False
    if _noun_after(doc, c.tok_end, _seat_nouns()) is None:
        return False
    places = places_named(c.text, _PLACE_KINDS)
    if not places:
        return False
    # A region or a country ("the Ontario firm"), or a town as town_names.py takes one.
    return places[0].kind != "city" or big_enough_town(c.text, places[0])


def _noun_after(doc: Doc, i: int, nouns: frozenset[str] | set[str], modifiers: int = 0) -> int | None:
    """The token of the noun (one of `nouns`) that follows a place's name ending before token `i` ("firm"
    of "Leeds firm", "company" of "Bergen-based company"), after at most `modifiers` lower-case words
    ("Leeds software firm"), with no name after it, else None."""
    if seat_at(doc, i):
        i += 2  # "Bergen-based": the seat word, then the noun
    last = min(len(doc), i + modifiers + 1)
    while i < last - 1 and doc[i].lower_ not in nouns and doc[i].is_lower and doc[i].pos_ in _MODIFYING:
        i += 1
    if i >= len(doc) or doc[i].lower_ not in nouns or doc[i].tag_ != "NN":
        return None
    if doc[i].dep_ == "compound" or (i + 1 < len(doc) and doc[i + 1].is_lower and doc[i + 1].pos_ == "NOUN"):
        return None  # the noun modifies another: "the Irish guerrilla bombing"
    # "the Leeds firm Brightwell", "The Belgian coach, NAME,": a description of a name after it (seated.py,
    # apposed_before.py read it).
    after = doc[i + 1 : i + 3]
    if after[:1].text == "," and len(after) > 1:
        after = after[1:]
    if len(after) and (after[0].pos_ == "PROPN" or after[0].text[:1].isupper()):
        return None
    return i


def link_seat_anaphors(parsed: Parsed, clusters: list[Cluster], facts: RoleFacts) -> None:
    """Each "the PLACE firm" / "the DEMONYM group" joined to the body it stands for (module docstring)."""
    doc = parsed.doc
    for tok in parsed.tokens:
        if tok.lower_ != "the" or tok.i + 2 >= len(doc) or (tok.i > 0 and doc[tok.i - 1].text == ","):
            continue  # (not "NAME, the Italian manager": an apposition, which roles.py reads)
        place = facts.token_cluster.get(tok.i + 1)
        if place is None or place.type not in ("GPE", "LOC", "NORP"):
            continue
        mention = next((m for m in place.mentions if m.tok_start == tok.i + 1), None)
        if mention is None:
            continue
        noun = _noun_after(doc, mention.tok_end, _WORDS.renaming_nouns, _MODIFIERS)
        if noun is None or any(t in facts.token_cluster for t in range(mention.tok_end, noun + 1)):
            continue  # (a word of another actor's: "the Leeds firm" that _descriptive joined)
        country = _place_country(place, mention)
        if country is None:
            continue
        body = _body_meant(parsed, clusters, facts, tok.i, country, mention.text)
        if body is None:
            continue
        body.add(Candidate.from_span(parsed, doc[tok.i + 1 : noun + 1], "ORG", "nominal"))
        for i in range(tok.i + 1, noun + 1):
            facts.token_cluster[i] = body
        info = facts.role(body)
        info.demonym = info.demonym or country


@functools.cache
def _seat_nouns() -> frozenset[str]:
    """The nouns after which a town's name is a place: a body's ("The Leeds label") or a person's role but
    not a title ("the Leeds businessman"; name_shapes.people_nouns)."""
    return frozenset(country_cues().descriptor) | _WORDS.renaming_nouns | people_nouns()


def _place_country(place: Cluster, mention: Candidate) -> str | None:
    """The one country of the place (or demonym) a description names: its own code, else as a seat's
    place is read (seated.place_country: a region of one country, a big city)."""
    if mention.code:
        return mention.code
    return None if place.type == "NORP" else place_country(place, mention.text)


def _body_meant(
    parsed: Parsed, clusters: list[Cluster], facts: RoleFacts, before: int, country: str, place: str
) -> Cluster | None:
    """The body a description at token `before` stands for: of the bodies named in its sentence or the one
    before, the latest that was a subject, else the only one ("the Spanish museum" after "from the Prado
    ... at the Munal" is either); None when that one is of another country."""
    chosen = _latest_named(parsed, clusters, before)
    if chosen is None or chosen.type != "ORG":
        return None
    info = facts.info.get(id(chosen))
    known = (info.demonym or info.country if info else None) or qualifier_country(chosen)
    if known not in (None, country) or not _of_one_state(chosen):
        return None
    return None if _named_after_another_place(chosen, place) else chosen


def _latest_named(parsed: Parsed, clusters: list[Cluster], before: int) -> Cluster | None:
    """Of the body-like clusters (`_BODY_LIKE`) named in the sentence of token `before` or the one before
    it, the latest named as a subject; else the only one; else None."""
    doc = parsed.doc
    sentence = parsed.sentence_index(doc[before].idx)
    named: dict[int, tuple[bool, int]] = {}
    for c in clusters:
        if c.type not in _BODY_LIKE:
            continue
        for m in c.names:
            if m.tok_end <= before and sentence - m.sentence <= _WINDOW:
                key = (doc[m.tok_end - 1].dep_ in ("nsubj", "nsubjpass"), m.tok_start)
                named[id(c)] = max(named.get(id(c), key), key)
    subjects = [c for c in clusters if named.get(id(c), (False, 0))[0]]
    if subjects:
        return max(subjects, key=lambda c: named[id(c)])
    if len(named) == 1:
        return next(c for c in clusters if id(c) in named)
    return None


def _of_one_state(body: Cluster) -> bool:
    """Not an international body by the organisation lexicon ("UEFA ... the Belgian club": a club it
    fined) or by a word of its name ("World", "International")."""
    if body.kb and body.kb.startswith("org:"):
        org = lexicons.organisation_by_name().get(body.kb[4:])
        if org is not None and not org.country:
            return False
    words = {w.lower() for m in body.names for w in m.text.split()}
    return not words & home_words().not_home_words


def _named_after_another_place(body: Cluster, place: str) -> bool:
    """A body whose name holds a big town's other than the description's ("Rotor Volgograd ... the Moscow
    club": the side it played)."""
    return any(
        w != place and w[:1].isupper() and city_country(w) is not None
        for m in body.names
        for w in m.text.split()
    )
