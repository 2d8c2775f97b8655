"""The annotation guidelines' constraints on who fills an event's roles, applied once its type is known
(docs/annotation.md, sections 4, 5 and 8). The parse rules and the ranker (actors.py) find the phrases
next to a trigger; two of their readings are not what the guidelines ask:

- talks without a host have no target: all participants are sources ("Merkel met with Putin", "talks
  between X and Y"), unless the event is a visit, where the host is the target;
- cooperation and agreement between parties named together go from the first to the others ("France
  and India held joint exercises": France -> India);
- the speaker of a reporting verb is not the actor of what they report: "a man was arrested, police said"
  has no source (police report the arrest); only a pronoun or clause subject of the reported event
  stands for the speaker ("the rebels said they will release ...").

Places (a town, a region, a capital as the scene) are left as the finder reads them: the guidelines
keep them out of the roles, but the PLOVER dev set, coded the CAMEO way, takes them as recipients, and
dropping them cost more there than it gained on the project's own annotation (issue 13 notes).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ...lexicons.events import event_words, trigger_entries

if TYPE_CHECKING:
    from spacy.tokens import Token

    from ..common import EntityIndex

PLACE_PREPS = event_words().place_preps
# types where the second of two parties named together is the target ("France and India held joint
# exercises": France -> India), as the guidelines' annotation does; talks name all parties as sources
PARTNER_TYPES = ("COOPERATE", "AGREE")
# a verb with one of these is no reduced passive: an auxiliary ("has banned"), an object or a complement
PASSIVE_EXCLUDES = ("aux", "auxpass", "dobj", "dative", "ccomp", "xcomp")
# links inside a noun phrase, up to its head ("the *Brazilian* federal police" -> police)
PHRASE_INNER_DEPS = ("compound", "amod", "poss", "nmod", "flat", "det", "case")


def _roots(index: EntityIndex, eid: str, anchor: Token) -> list[Token]:
    """The head tokens of an entity's mentions in the anchor's sentence."""
    sent, doc = anchor.sent, anchor.doc
    return [
        span.root
        for ref in index.mentions_in(sent.start_char, sent.end_char)
        if ref.entity.id == eid
        and (span := doc.char_span(ref.mention.start, ref.mention.end, alignment_mode="expand")) is not None
        and len(span) > 0
    ]


def _scene(index: EntityIndex, eid: str, anchor: Token) -> bool:
    """True when a place is mentioned in the anchor's sentence only as where something happens ("in
    Nairobi", "at the port of X"): the scene of talks, not a party to them."""
    ent = index.by_id.get(eid)
    if ent is None or not ent.is_place:
        return False
    roots = _roots(index, eid, anchor)
    return bool(roots) and all(r.dep_ == "pobj" and r.head.lower_ in PLACE_PREPS for r in roots)


def _later_conjunct(index: EntityIndex, eid: str, anchor: Token) -> bool:
    """True when an entity is named in a later conjunct of a noun phrase ("France and *India*", "Interpol
    and the *Brazilian* federal police"), not in its first."""
    for root in _roots(index, eid, anchor):
        tok = root
        while tok.dep_ in PHRASE_INNER_DEPS and tok.head.i != tok.i:
            tok = tok.head
        if tok.dep_ == "conj" and tok.head.pos_ in ("NOUN", "PROPN"):
            return True
    return False


def settle(
    index: EntityIndex,
    anchor: Token,
    type_: str,
    mode: str | None,
    hosted: bool,
    source: list[str],
    target: list[str],
) -> tuple[list[str], list[str]]:
    """An event's source and target entity ids once its type and mode are known. `hosted`: the trigger
    codes a visit from the host's side ("hosted"), whose target is the visitor. The scene of talks stays
    where the finder put it (the event's place is read from there)."""
    if type_ in PARTNER_TYPES and not target and len(source) > 1:
        partners = [e for e in source if _later_conjunct(index, e, anchor)]
        if partners and len(partners) < len(source):
            return [e for e in source if e not in partners], partners
    if type_ != "CONSULT" or mode == "visit" or hosted or not target:
        return source, target
    parties = [t for t in target if not _scene(index, t, anchor)]
    return list(dict.fromkeys([*source, *parties])), [t for t in target if t not in parties]


def reporter_acts(subject: Token | None, clausal: bool) -> bool:
    """May the speaker of the reporting verb above a trigger stand in for its missing source? Only when
    the trigger's own subject is a pronoun or a clause ("the rebels said they will release ..."); not
    for a passive or an event noun, whose actor the sentence leaves unsaid ("a man was arrested, police
    said")."""
    return subject is not None and (subject.pos_ == "PRON" or clausal)


def reduced_passive(verb: Token) -> bool:
    """A headline's passive without its auxiliary: "Russian judge stabbed to death", "Opposition editor
    banned from camp" (a past participle with a subject, no auxiliary at all and no object is no active
    verb)."""
    return (
        verb.tag_ == "VBN"
        and verb.dep_ == "ROOT"
        and any(c.dep_ == "nsubj" for c in verb.children)
        and not any(c.dep_ in PASSIVE_EXCLUDES for c in verb.children)
    )


def event_noun(tok: Token) -> bool:
    """A noun the trigger lexicon codes as an event ("the attacks killed 257 people"): as a subject it
    is no actor, and places in its modifiers ("the attacks at the embassies in X") are not either."""
    return tok.pos_ == "NOUN" and any(
        e.pos in ("N", "*") for e in trigger_entries().get(tok.lemma_.lower(), ())
    )
