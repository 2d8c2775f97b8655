"""The annotation guidelines' constraints on who fills an event's roles, applied once its type is known
(docs/annotation.md, sections 4, 5 and 8). The parse rules and the ranker (actors.py) find the phrases
next to a trigger; two of their readings are not what the guidelines ask:

- talks without a host have no target: all participants are sources ("Merkel met with Putin", "talks
  between X and Y"), unless the event is a visit, where the host is the target;
- the speaker of a reporting verb is not the actor of what they report: "a man was arrested, police said"
  has no source (police report the arrest); only a pronoun or clause subject of the reported event
  stands for the speaker ("the rebels said they will release ...").

Places (a town, a region, a capital as the scene) are left as the finder reads them: the guidelines
keep them out of the roles, but the PLOVER dev set, coded the CAMEO way, takes them as recipients, and
dropping them cost more there than it gained on the project's own annotation (issue 13 notes).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ...lexicons.events import event_words

if TYPE_CHECKING:
    from spacy.tokens import Token

    from ..common import EntityIndex

PLACE_PREPS = event_words().place_preps


def _scene(index: EntityIndex, eid: str, anchor: Token) -> bool:
    """True when a place is mentioned in the anchor's sentence only as where something happens ("in
    Nairobi", "at the port of X"): the scene of talks, not a party to them."""
    ent = index.by_id.get(eid)
    if ent is None or not ent.is_place:
        return False
    sent, doc = anchor.sent, anchor.doc
    roots = [
        span.root
        for ref in index.mentions_in(sent.start_char, sent.end_char)
        if ref.entity.id == eid
        and (span := doc.char_span(ref.mention.start, ref.mention.end, alignment_mode="expand")) is not None
        and len(span) > 0
    ]
    return bool(roots) and all(r.dep_ == "pobj" and r.head.lower_ in PLACE_PREPS for r in roots)


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
