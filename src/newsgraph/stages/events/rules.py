"""Rules the events stage applies to a coded trigger: which verb anchors it, how intentions and
possibilities recode its type, its modality, date and confidence. Pure functions over spaCy tokens.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ...lexicons.agents import agent_nouns
from ...lexicons.events import event_words
from ...model import Modality, Timex
from ..common import time_of
from .clause_arguments import prep_objects
from .frame import Frame
from .lexicon import Match

if TYPE_CHECKING:
    from spacy.tokens import Token

_WORDS = event_words()  # the word lists this module uses, from lexicons/event_words.tsv

# an event dated this many years before publication is history, not news
HISTORICAL_YEARS = 2

# nouns naming a protest, for actions taken "in protest" or "during a demonstration"
PROTESTS = _WORDS.protests
# heads that keep a nominal trigger modifying them an event ("a mediation effort", not "aid groups")
EVENTIVE_HEADS = _WORDS.eventive_heads
# what a demand may be reported as: "said/insisted/reminded that X must ..."
SPEECH_NOUNS = _WORDS.speech_nouns
DEMANDING_VERBS = _WORDS.demanding_verbs
# objects that make "meet" a matter of standards, not a meeting
NOT_MET = _WORDS.not_met
# warnings that name no forceful or hostile act are cautions rather than threats, and rank lower
CAUTION = 0.6
HOSTILE = ("ASSAULT", "COERCE", "SANCTION", "MOBILIZE", "PROTEST", "THREATEN", "REJECT")
# promises whose content, when forceful, makes them threats ("vowed to crush the revolt")
PROMISES = _WORDS.promises

# PLOVER recodes stated intentions: cooperation intended is AGREE, force intended is THREATEN
# PLOVER's code for an intended action (docs/annotation.md 6, the manual's AGREE and CONCEDE): future
# cooperation is AGREE, a future retreat is CONCEDE; a commitment to a concession stays CONCEDE (11, gap 23)
INTENDED = {
    "CONSULT": "AGREE",
    "SUPPORT": "AGREE",
    "COOPERATE": "AGREE",
    "AID": "AGREE",
    "RETREAT": "CONCEDE",
}
# ... and an intended or possible use of force is THREATEN. Not a deployment: a planned or conditional
# troop movement keeps MOBILIZE with its modality (docs/annotation.md 6), since none of the manual's
# THREATEN modes is a deployment and MOBILIZE is the material show of force, not a statement. Nor a planned
# protest ("will march", "plan a boycott"): PROTEST with its modality, as annotated; a threat to strike or
# to boycott is still THREATEN on the threat's own word ("threatened to strike"). On the train side's
# annotated sentences every planned or possible deployment (6) and protest (2) the rules turned into
# THREATEN was wrong; dropping the recode of force itself (arrests, attacks, sanctions) costs PLOVER dev 0.03
FORCEFUL = ("COERCE", "ASSAULT")


def date_of(
    timexes: tuple[Timex, ...], clause: tuple[int, int], trigger: int, own: Token | None = None
) -> str | None:
    """The TIMEX3 value of the event's own time expression (in its clause, nearest the trigger)."""
    if own is not None:  # only time expressions of the clause itself, not of its relative clauses
        chars = {t.idx for t in clause_tokens(own)}
        timexes = tuple(t for t in timexes if any(t.start <= c < t.end for c in chars))
    got = time_of(timexes, clause[0], clause[1], focus=trigger)
    return got.value if got is not None else None


def clause_tokens(tok: Token) -> list[Token]:
    """`tok`'s subtree without its relative clauses (their times and places are their own): a token is
    left out when it or an ancestor below `tok` is a relative clause's head."""
    inside = list(tok.subtree)
    left_out = {t.i for r in inside if r.dep_ == "relcl" and r.i != tok.i for t in r.subtree}
    return [t for t in inside if t.i not in left_out]


def clause_span(tok: Token) -> tuple[int, int]:
    toks = clause_tokens(tok)
    return toks[0].idx, toks[-1].idx + len(toks[-1].text)


def phrase_head(tok: Token) -> Token:
    """A nominal trigger used as a modifier stands for its phrase: "a mediation effort", "war games"."""
    while tok.dep_ == "compound" and tok.head.pos_ in ("NOUN", "PROPN") and tok.head.i != tok.i:
        tok = tok.head
    return tok


def anchor_of(doc_tok: Token, tokmap: dict[int, Match]) -> Token:
    """The verb whose arguments serve a nominal trigger: "staged demonstrations", "imposed sanctions on"."""
    if doc_tok.pos_ in ("ADP", "PART") and doc_tok.head.i != doc_tok.i:
        return doc_tok.head  # "(kept troops) on alert"
    if doc_tok.pos_ in ("NOUN", "PROPN") and doc_tok.dep_ in ("dobj", "attr", "nsubjpass", "oprd"):
        head = doc_tok.head
        if head.pos_ in ("VERB", "AUX") and head.i not in tokmap:
            return head
    if doc_tok.pos_ in ("NOUN", "PROPN") and doc_tok.dep_ == "pobj" and doc_tok.head.dep_ == "prep":
        verb = doc_tok.head.head
        if verb.pos_ == "VERB" and verb.i not in tokmap and doc_tok.head.lower_ in _WORDS.light_verb_preps:
            return verb  # "went on strike", "engaged in talks"
    return doc_tok


def meets_a_standard(verb: Token) -> bool:
    return verb.lemma_ == "meet" and any(
        c.dep_ == "dobj" and c.lemma_.lower() in NOT_MET for c in verb.children
    )


def in_protest(verb: Token) -> bool:
    """An action taken "in protest" or "to protest" is a PROTEST, whatever its verb."""
    for c in verb.children:
        if (
            c.dep_ == "prep"
            and c.lower_ in ("in", "during")
            and any(g.lemma_ in PROTESTS for g in c.children)
        ):
            return True  # "in protest at ...", "during a demonstration"
        if c.dep_ in ("advcl", "xcomp") and c.lemma_ == "protest":
            return True
    return False


# The MOBILIZE mode of a moving force, by the sector of the noun that names it (lexicons/agent_nouns.tsv)
FORCE_MODES = {"MIL": "troops", "COP": "police", "UAF": "militia"}


def force_mode(subject: Token | None) -> str | None:
    """The MOBILIZE mode when `subject` names armed or police forces as a body ("the army", "3,000 troops",
    "hundreds of police officers"), else None. A visit verb whose subject is a force is a deployment, not
    a visit (docs/annotation.md 4, MOBILIZE: "moved 20,000 troops"); one officer ("the army chief", "a
    general") still visits."""
    if subject is None:
        return None
    nouns = agent_nouns()
    # "hundreds of police officers": the counted noun
    heads = [
        subject,
        *(g for c in subject.children if c.lower_ == "of" for g in c.children if g.dep_ == "pobj"),
    ]
    for head in heads:
        plural = head.tag_ in ("NNS", "NNPS")
        entry = nouns.get(head.lemma_.lower()) or nouns.get(head.lower_)
        if entry is not None and entry.sector in FORCE_MODES and (entry.type == "ORG" or plural):
            return FORCE_MODES[entry.sector]
        for c in head.children:
            part = nouns.get(c.lower_) if c.dep_ == "compound" and plural else None
            if part is not None and part.type == "ORG" and part.sector in FORCE_MODES:
                return FORCE_MODES[part.sector]  # "police officers", "army units"
    return None


def recode(type_: str, mode: str | None, frame: Frame) -> tuple[str, str | None, bool]:
    """PLOVER's reading of intentions and possibilities: returns (type, mode, recoded). An intended
    cooperation or retreat takes PLOVER's code for it (INTENDED); a merely possible one ("could send aid",
    "asked them to withdraw") keeps its type, its modality says it is hypothetical (docs/annotation.md 6).
    A negated intention is neither a commitment nor a threat: "will not send tanks", "will not fire on
    protesters" keep the action's type, negated (docs/annotation.md 7: "won't ease the embargo")."""
    if frame.negated:
        return type_, mode, False
    if frame.intent and type_ in INTENDED:
        return INTENDED[type_], None, True
    forceful = type_ in FORCEFUL or (type_ == "SANCTION" and frame.hypothetical)
    if forceful and (frame.intent or frame.hypothetical):
        return "THREATEN", None, True
    return type_, mode, False


def modality_of(
    frame: Frame, recoded: bool, possible: bool, date: str | None, published: str | None
) -> Modality:
    if frame.hypothetical or possible:
        return "hypothetical"
    if frame.schedule or (frame.intent and not recoded):
        return "future"
    year, now = (date or "")[:4], (published or "")[:4]
    if year.isdigit() and now.isdigit() and int(year) < int(now) - HISTORICAL_YEARS:
        return "historical"  # "blew up a plane in 1988", told in a later year's news
    return "asserted"


def confidence_of(match: Match, frame: Frame, source: list[str], target: list[str], nominal: bool) -> float:
    score = float(match.entry.weight)
    score *= 0.75**frame.hops
    if frame.detached:
        score *= 0.75
    if nominal:
        score *= 0.85
    if not (source and target):
        score *= 0.8
    if frame.negated:
        score *= 0.8
    return float(round(max(0.01, min(0.99, score)), 3))


def of_chain(noun: Token) -> list[Token]:
    """A noun and the nouns whose "of" phrase holds it, innermost first ("pledges of aid": aid,
    pledges), at most three."""
    chain = [noun]
    while len(chain) < 3:
        prep = chain[-1].head
        top = prep.head
        if (
            chain[-1].dep_ != "pobj"
            or prep.lower_ != "of"
            or top.i == prep.i
            or top.pos_ not in ("NOUN", "PROPN")
        ):
            break
        chain.append(top)
    return chain


def movement_phrases(noun: Token) -> tuple[list[Token], list[Token]]:
    """Who moves and where from, for a noun of movement (lexicons/event_words.tsv): the objects of its
    "of" and of its "from" phrases ("the pullout of the brigade from the valley"), also a "from" the parser
    hangs on the "of" object. Empty for other nouns."""
    if noun.lemma_.lower() not in _WORDS.movement_nouns:
        return [], []
    movers = [g for c in noun.children if c.dep_ == "prep" and c.lower_ == "of" for g in prep_objects(c)]
    origins = [
        g
        for h in (noun, *movers)
        for c in h.children
        if c.dep_ == "prep" and c.lower_ == "from"
        for g in prep_objects(c)
    ]
    return movers, origins
