"""The annotation guidelines' constraints on who fills an event's roles, applied once its type is known
(docs/annotation.md, sections 4, 5 and 8). The parse rules and the ranker (actors.py) find the phrases
next to a trigger; two of their readings are not what the guidelines ask:

- talks without a host have no target: all participants are sources ("Merkel met with Putin", "talks
  between X and Y"), unless the event is a visit, where the host is the target;
- cooperation and agreement between parties named together go from the first to the others ("France
  and India held joint exercises": France -> India);
- the speaker of a reporting verb is not the actor of what they report: "a man was arrested, police said"
  has no source (police report the arrest); only a pronoun or clause subject of the reported event
  stands for the speaker ("the militia said it would free the hostages").

- a place is no party where it is only the scene (section 5): "clashes in Gao", "talks in Geneva",
  "troops sent to the border", "withdrew from Iraq" have no place as target, and a town, region or coast
  never fills a role; a country or a national capital does where it stands for its government, named as
  the object of the act ("sanctions on Iran", "aid to Ukraine", "invaded Ukraine", "Washington said"), and
  the country or capital visited is a visit's target ("a visit to Beijing", "arrived in Nairobi"). The
  PLOVER dev set, coded the CAMEO way, also takes scenes as recipients (a lead decision, issue 13).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ...lexicons.events import event_words, trigger_entries
from .government_places import country_itself, government_place

if TYPE_CHECKING:
    from spacy.tokens import Token

    from ...model import Entity
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


# types whose direct object is what is sent, moved or handed over ("sent doctors to Italy", "deployed
# soldiers", "extradited the suspects to Tanzania"), not the party it is done to
THEME_TYPES = ("AID", "COOPERATE", "SANCTION", "MOBILIZE", "AGREE")
RECIPIENT_PREPS = ("to", "for", "from")
# types whose object marked as the actor's own ("its troops") is what moves: not "freed their hostages"
# (a release), nor "invited their leaders" (an invitation)
OWN_FORCE_TYPES = ("AID", "COOPERATE", "SANCTION", "MOBILIZE", "RETREAT", "CONCEDE")
# types of movement, whose places are where forces go or leave ("sent to X", "withdrew from X"): scenes
MOVEMENT_TYPES = ("MOBILIZE", "RETREAT")
MOVEMENT_PREPS = ("to", "from", "into", "toward", "towards")
# links that keep a mention inside its noun phrase or a coordination of phrases, up to the phrase's head
PHRASE_UP_DEPS = (*PHRASE_INNER_DEPS, "conj", "appos", "cc")
# links up to the head of a phrase naming forces; not a possessor, who owns or sends them ("the army's")
FORCE_UP_DEPS = ("compound", "amod", "nmod", "flat", "det", "nummod", "conj", "appos", "cc")


def scene_modifier(index: EntityIndex, eid: str, anchor: Token) -> bool:
    """A place other than a country that modifies an event noun only as a name before it: the scene ("the
    Nairobi bombing", "the 2015 Paris attacks", "the Brussels summit", "the Africa bombings"), not a party,
    though a capital elsewhere stands for its government. A country before the noun is a party ("US
    sanctions")."""
    ent = index.by_id.get(eid)
    if ent is None or not ent.is_place or anchor.pos_ != "NOUN" or country_itself(ent):
        return False
    roots = _roots(index, eid, anchor)
    return bool(roots) and all(r.dep_ == "compound" and r.head.i == anchor.i for r in roots)


def _phrase_top(root: Token) -> Token:
    """The head of the noun phrase (or coordination of phrases) a mention's head belongs to."""
    tok = root
    while tok.dep_ in PHRASE_UP_DEPS and tok.head.i != tok.i:
        tok = tok.head
    return tok


def _retreat_verb(anchor: Token) -> bool:
    """Forces leave by a retreat verb coded as its intention ("would withdraw its troops from the border":
    CONCEDE, section 6)."""
    return any(
        e.type == "RETREAT" and len(e.words) == 1 for e in trigger_entries().get(anchor.lemma_.lower(), ())
    )


def _only_scene(index: EntityIndex, eid: str, anchor: Token, type_: str, visit: bool) -> bool:
    """True when every mention of a place in the anchor's sentence says where the event happens or where
    forces go: the object of a locative preposition ("in Gao", "at the port"), of a movement's "to" /
    "from" ("sent to X", "withdrew from X"); not for the place a visit goes to, which hosts it."""
    movement = type_ in MOVEMENT_TYPES
    retreat_verb = not movement and _retreat_verb(anchor)
    preps = PLACE_PREPS + (MOVEMENT_PREPS if movement or retreat_verb else ())
    roots = _roots(index, eid, anchor)
    if not roots:
        return False
    for root in roots:
        top = _phrase_top(root)
        if top.dep_ != "pobj" or top.head.lower_ not in preps or visit:
            return False
        owner = top.head.head
        if retreat_verb and top.head.lower_ not in PLACE_PREPS and not _of_anchor(owner, anchor):
            return False  # "lift its ban on imports from X": X is where the goods come from, a party
    return True


def _of_anchor(tok: Token, anchor: Token) -> bool:
    """The anchor itself or its direct object ("withdraw its troops from X")."""
    return tok.i == anchor.i or (tok.dep_ in ("dobj", "obj") and tok.head.i == anchor.i)


def place_party(index: EntityIndex, eid: str, anchor: Token, type_: str, visit: bool) -> bool:
    """May this entity fill a role? Anything but a place; a place only when it is a country or a national
    capital (standing for its government) named as more than the event's scene."""
    ent = index.by_id.get(eid)
    if ent is None or not ent.is_place:
        return True
    return (
        government_place(ent)
        and not _only_scene(index, eid, anchor, type_, visit)
        and not scene_modifier(index, eid, anchor)
    )


def common_noun_actor(ent: Entity) -> bool:
    """An actor named only by common nouns ("the doctors", "troops"), never by a name."""
    return all(m.kind == "nominal" for m in ent.mentions)


def _theme(index: EntityIndex, eid: str, anchor: Token) -> bool:
    ent = index.by_id.get(eid)
    return ent is not None and common_noun_actor(ent) and _direct_object(index, eid, anchor)


def _direct_object(index: EntityIndex, eid: str, anchor: Token) -> bool:
    """True when an entity is named in the anchor's direct object (and nowhere else in the sentence)."""
    roots = _roots(index, eid, anchor)
    return bool(roots) and all(
        (top := _phrase_top(r)).dep_ in ("dobj", "obj") and top.head.i == anchor.i for r in roots
    )


def _mobilised(index: EntityIndex, eid: str, anchor: Token) -> bool:
    """True when a common-noun actor is named only as the forces a mobilisation moves: a passive's
    subject ("reservists were called up", the headline's "riot police sent to X"), the noun a participle
    describes ("thousands of troops massed on the border"), a deployment's "of" phrase ("the deployment
    of 500 marines"). Not whoever deploys them: a possessor ("the army's deployment") or an agent."""
    ent = index.by_id.get(eid)
    if ent is None or not common_noun_actor(ent):
        return False
    roots = _roots(index, eid, anchor)
    return bool(roots) and all(_moved_phrase(_force_top(r), anchor) for r in roots)


def forces_state(index: EntityIndex, anchor: Token) -> list[str]:
    """The countries named by a nationality or state word in the phrase of forces a mobilisation moves
    ("the deployment of 800 Italian soldiers", "Turkish troops were sent"): with nobody named moving
    them, the state they belong to does (a nationality adjective can be the source, section 5)."""
    sent = anchor.sent
    named = index.mentions_in(sent.start_char, sent.end_char)
    states = dict.fromkeys(m.entity.id for m in named if m.entity.is_place and country_itself(m.entity))
    return [
        eid
        for eid in states
        if any(
            r.dep_ in ("amod", "compound", "nmod") and _moved_phrase(_force_top(r.head), anchor)
            for r in _roots(index, eid, anchor)
        )
    ]


def _force_top(root: Token) -> Token:
    """The head of the phrase a force noun belongs to, also through a count ("thousands *of troops*")."""
    tok = root
    while tok.head.i != tok.i:
        if tok.dep_ in FORCE_UP_DEPS:
            tok = tok.head
        elif tok.dep_ == "pobj" and tok.head.lower_ == "of" and tok.head.head.pos_ in ("NOUN", "NUM"):
            if _event_like(tok.head.head):
                return tok  # "the deployment of troops": the deployment's own "of" phrase, read below
            tok = tok.head.head
        else:
            break
    return tok


def _event_like(noun: Token) -> bool:
    """A noun the trigger lexicon knows (a deployment), not a count or a unit ("thousands", "a unit")."""
    return bool(trigger_entries().get(noun.lemma_.lower()))


def _moved_phrase(top: Token, anchor: Token) -> bool:
    if top.dep_ == "nsubjpass" or (top.dep_ == "nsubj" and reduced_passive(anchor)):
        return top.head.i == anchor.i
    if anchor.dep_ == "acl" and anchor.tag_ == "VBN":
        return anchor.head.i == top.i  # "troops massed on the border"
    if top.dep_ != "pobj" or top.head.lower_ != "of":
        return False
    noun = top.head.head  # the deployment, the anchor or the noun its support verb governs
    return noun.i == anchor.i or (noun.head.i == anchor.i and _event_like(noun))


def own_marked(tok: Token) -> bool:
    """A phrase marked as someone's own by a possessive pronoun ("its police", "our forces")."""
    return any(c.dep_ == "poss" and c.pos_ == "PRON" for c in tok.children)


def _owned_object(anchor: Token) -> bool:
    """The anchor's direct object is marked as the actor's own ("its troops": `own_marked`)."""
    return any(c.dep_ in ("dobj", "obj") and own_marked(c) for c in anchor.children)


def _recipients(index: EntityIndex, anchor: Token, exclude: list[str]) -> list[str]:
    """Entities named in a to / for / from phrase of the anchor or its object ("sent doctors *to Italy*")."""
    sent = anchor.sent
    out: list[str] = []
    for ref in index.mentions_in(sent.start_char, sent.end_char):
        span = anchor.doc.char_span(ref.mention.start, ref.mention.end, alignment_mode="expand")
        if span is None or not len(span) or ref.entity.id in exclude:
            continue
        top = _phrase_top(span.root)
        if top.dep_ != "pobj" or top.head.lower_ not in RECIPIENT_PREPS:
            continue
        if _of_anchor(top.head.head, anchor):  # or its object, where the parser hung it ("the suspects to X")
            out.append(ref.entity.id)
    return list(dict.fromkeys(out))


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
    visit = mode == "visit" or hosted
    source = [s for s in source if not scene_modifier(index, s, anchor)]
    target = [t for t in target if place_party(index, t, anchor, type_, visit)]
    if type_ in THEME_TYPES and target:
        themes = [t for t in target if _theme(index, t, anchor)]
        if themes:
            # what is sent or moved gives way to whom it goes ("sent doctors to Italy"); forces that are
            # mobilised are never the target (section 11, gap 31), a rescued or invited party is
            given = [
                t for t in _recipients(index, anchor, source) if place_party(index, t, anchor, type_, visit)
            ]
            if given or type_ == "MOBILIZE":
                target = [t for t in target if t not in themes] or given
    if type_ == "MOBILIZE":
        # forces that are mobilised are never the target (section 11, gap 31), wherever the parse has them:
        # a passive's subject ("the guard was mobilised"), a deployment's "of" phrase ("the deployment
        # of extra troops"); a state it is aimed at is ("moved troops to the border with Ukraine"), not
        # the state their phrase names, which moves them ("American warships")
        states = forces_state(index, anchor)
        forces = [t for t in target if (e := index.by_id.get(t)) is not None and common_noun_actor(e)]
        target = [t for t in target if t not in forces and t not in states]
        # nor the source: "troops were deployed" has none (gap 31); the lexicon's passive reading of a
        # stationing verb ("troops are stationed in X": role P) and the ranker both take the forces for it
        source = [s for s in source if not _mobilised(index, s, anchor)] or states
    if type_ in OWN_FORCE_TYPES and mode != "release" and target and _owned_object(anchor):
        # an actor's own forces that it sends, pulls back or withdraws are what moves, not a party: "will
        # never pull our forces out", "withdraw its troops from X" (section 11, gap 31)
        target = [t for t in target if not _theme(index, t, anchor)]
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
    the trigger's own subject is a pronoun or a clause ("the militia said it would free the hostages"); not
    for a passive or an event noun, whose actor the sentence leaves unsaid ("a man was arrested, police
    said"). A demonstrative is no stand-in for the speaker: "that was a deliberate bombing, X said" names
    no attacker."""
    return subject is not None and ((subject.pos_ == "PRON" and subject.tag_ == "PRP") or clausal)


def reduced_passive(verb: Token) -> bool:
    """A headline's passive without its auxiliary: "Mayor shot outside town hall", "Union leader
    barred from talks" (a past participle with a subject, no auxiliary at all and no object is no active
    verb). Also the second participle of a gapped passive, whose auxiliary is the first's ("12 people were
    killed and 340 wounded")."""
    subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    if subject is None or any(c.dep_ in PASSIVE_EXCLUDES for c in verb.children):
        return False
    if verb.dep_ == "conj" and verb.tag_ == "VBN" and any(c.dep_ == "auxpass" for c in verb.head.children):
        return True  # the gapped passive's second participle
    return verb.dep_ == "ROOT" and (
        verb.tag_ == "VBN" or (verb.tag_ == "VBD" and _done_to(verb) and _headline_subject(subject))
    )


# types whose verbs also go without an object ("marched", "met", "withdrew", "massed"): their past tense is
# no headline passive
INTRANSITIVE_TYPES = ("PROTEST", "CONSULT", "RETREAT", "MOBILIZE", "COOPERATE")


def _done_to(verb: Token) -> bool:
    """A trigger verb whose every reading acts on someone ("killed", "charged", "pardoned")."""
    entries = trigger_entries().get(verb.lemma_.lower(), ())
    return bool(entries) and not any(e.type in INTRANSITIVE_TYPES for e in entries)


def _headline_subject(subject: Token) -> bool:
    """A headline's subject: no article, and the sentence has no final full stop or ends in a dangling
    one ("Two border guards wounded in ambush ."); the tagger reads its participle as a past tense,
    which in running text ("Rebels attacked at dawn.") it is."""
    sent = subject.sent
    last = sent[-1]
    headline = last.text != "." or (len(sent) > 1 and last.whitespace_ == "" and sent[-2].whitespace_ != "")
    return headline and not any(c.dep_ == "det" for c in subject.children)


def event_noun(tok: Token) -> bool:
    """A noun the trigger lexicon codes as an event ("the attacks killed 257 people"): as a subject it
    is no actor, and places in its modifiers ("the attacks at the embassies in X") are not either."""
    return tok.pos_ == "NOUN" and any(
        e.pos in ("N", "*") for e in trigger_entries().get(tok.lemma_.lower(), ())
    )
