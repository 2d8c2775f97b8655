"""Pronouns joined to the entity they stand for, agreeing in gender and number (our own rules; no
coreference model exists offline).

- "he"/"him"/"his" and "she"/"her"/"hers" join the nearest person before them, preferring the subject of
  the latest sentence, among the people whose gender is not the other one (gender.py). A pronoun never
  joins a person of the other gender; a person whose gender nothing said takes the gender of the first
  pronoun that could only be theirs (the only candidate in reach), and keeps it. Inside a quotation,
  never its speaker: a speaker says "I" of themself, so '"his plan failed," Baker said' is someone else;
  when the speaker is a pronoun after the quotation ('"..., he said," she said'), that pronoun is
  resolved first, and never to a person its own quotation names.
  A person of no known gender does not take a pronoun when a noun of its gender that names no one ("the
  woman", "his wife") stands after the person's mention and in the pronoun's or the previous sentence.
  A pronoun in an adjunct that opens its clause is the person the clause then names as its subject ("In
  his first speech as president, Lind promised ..."), unless a person earlier in the same sentence is
  in reach or the gender disagrees. A second pronoun of one gender in a sentence is the person the
  first one was, before a person of no known gender named between them; and a person of that gender in
  reach, before one of no known gender named outside a subject and by no full name (a description, one
  word: often no person at all). A pronoun outside quotations
  stands for a person the narrative names before one named only inside a quotation (what a speaker
  talks about, not whom the writer follows). No pronoun when two people of no known gender, named as
  subjects in the same or the previous sentence, are equally its candidates: a guess there gives the
  pronouns of both genders to the wrong ones.
- "they"/"them"/"their" join an organisation or group actor that was the subject in the same or the
  previous sentence, never a single person; nothing when the latest plural subject is no entity
  ("the companies said they ..."): governed.resolve_plural_pronouns.
- "I"/"me"/"my" inside a quotation are its speaker (the subject of the reporting verb the quotation
  hangs from, else the speaker of the quotation before it in the same or the previous paragraph, else
  the subject of a reporting verb in the sentence just before it); "we"/"us"/"our" are the body the
  speaker is the spokesperson of when the text says so, else the speaker: an organisation, a country,
  or the person speaking as one of a "we" (docs/annotation.md gives a pronoun's role to the speaker
  named in its sentence, so the person is who an event's "we" points at).
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable
from typing import TYPE_CHECKING

from ...lexicons.names import Gender, gender_words, noun_gender, pronoun_gender
from ...lexicons.quotes import cue_lexicon
from .gender import person_genders
from .headlines import inside_spans, span_index
from .mentions import Candidate
from .name_shapes import person_noun
from .pronoun_choice import chained, holds_other_gender, undecided
from .pronoun_evidence import PRONOUN_WINDOW
from .quoted import quoted_spans

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

    from ...kb import ActorKB
    from ..base import Parsed
    from .cluster import Cluster
    from .roles import RoleFacts

_WORDS = gender_words()
_SUBJECTS = ("nsubj", "nsubjpass")
#: Links of an adjunct to its clause's verb ("In his speech, ...", "After she left, ...").
_FRONTED = ("prep", "advcl", "npadvmod")
#: What may stand between a sentence's start and the quotation that opens it.
_OPENING = "".join(_WORDS.quote_marks) + "`' \n\t"


def add_pronoun(parsed: Parsed, cluster: Cluster, tok: Token, facts: RoleFacts) -> None:
    """Join the pronoun `tok` to `cluster` as its mention, and mark its token as that cluster's."""
    cluster.add(Candidate.from_span(parsed, parsed.doc[tok.i : tok.i + 1], cluster.type, "pronoun"))
    facts.token_cluster.setdefault(tok.i, cluster)


def resolve_person_pronouns(
    parsed: Parsed,
    clusters: list[Cluster],
    facts: RoleFacts,
    pronouns: frozenset[str],
    kb: ActorKB | None = None,
) -> None:
    doc = parsed.doc
    people = [c for c in clusters if c.type == "PERSON"]
    if not people:
        return
    quoted = quoted_spans(parsed)
    genders: dict[int, Gender] = person_genders(doc, clusters, facts, quoted, kb)
    subjects: dict[int, Token | None] = {}
    done: set[int] = set()  # speakers resolved ahead of their turn (below); the loop passes the rest once

    def open_pronoun(t: Token) -> bool:
        return (
            t.lower_ in pronouns and t.pos_ == "PRON" and t.i not in facts.token_cluster and t.i not in done
        )

    unnamed: dict[Gender, int] = {}  # gender -> the latest noun of that gender that is no one's name
    for tok in parsed.tokens:
        if tok.tag_ != "NN":
            pass  # both noun tests below ask for a singular common noun: most words are spared them
        elif (g := noun_gender(tok.lower_)) is not None and _unnamed(tok, facts):
            unnamed[g] = tok.i
        elif _unnamed_actor(tok, facts):
            unnamed["m"] = unnamed["f"] = tok.i  # "The coach said she ...": the coach, of either gender
        if not open_pronoun(tok):
            continue
        said_by = _quote_subject(doc, quoted, tok, subjects)
        if said_by is not None and said_by.i > tok.i and open_pronoun(said_by):
            # '"If he loses, he quits," she said': who "she" is decides who "he" cannot be (the speaker)
            done.add(said_by.i)
            _resolve_pronoun(parsed, people, genders, facts, quoted, subjects, said_by, unnamed)
        _resolve_pronoun(parsed, people, genders, facts, quoted, subjects, tok, unnamed)


def _unnamed(noun: Token, facts: RoleFacts) -> bool:
    """A gendered noun that stands for someone the text does not name ("the woman", "his wife"): not a
    mention of an entity, nor a description of a name ("spokeswoman Ann Lee", "his wife, Ann,"), nor a
    predicate ("Lee is a mother of two")."""
    if noun.i in facts.token_cluster or noun.head.pos_ == "PROPN" or noun.dep_ in ("attr", "appos"):
        return False
    return not any(c.pos_ == "PROPN" for c in noun.children)


def _unnamed_actor(noun: Token, facts: RoleFacts) -> bool:
    """A noun of a person's role the text does not name, the subject of a verb of saying ("The coach
    said she had made the rules clear"; tuning_pronouns6, read): a person of either gender whose words the
    pronouns after it may be about, so no person of unknown gender named before takes them. (As the
    subject of any verb it also kept "The officer traced the plates. He found ..." from a suspect whose
    gender only that wrong "he" had given: development, read.)"""
    return (
        noun.tag_ == "NN"
        and noun.dep_ in _SUBJECTS
        and noun.head.lemma_.lower() in cue_lexicon()
        and person_noun(noun.lemma_.lower())
        and _unnamed(noun, facts)
    )


def _resolve_pronoun(
    parsed: Parsed,
    people: list[Cluster],
    genders: dict[int, Gender],
    facts: RoleFacts,
    quoted: list[tuple[int, int]],
    subjects: dict[int, Token | None],
    tok: Token,
    unnamed: dict[Gender, int],
) -> None:
    """Join one gendered pronoun to the person it stands for (the rules of the module docstring)."""
    doc = parsed.doc
    want = pronoun_gender(tok.text)
    sentence = parsed.sentence_index(tok.idx)
    speaker = _quote_speaker(doc, quoted, tok, facts, subjects)
    # A pronoun of the narrative stands for a person of the narrative before one only named inside a
    # quotation ("she ran in saying: 'I love Jesus!' ... but she was adamant").
    narrative = not inside_spans(quoted, tok.idx)
    # '"The mayor lied," she said': the speaker is no one her own quotation names
    reports = narrative and tok.dep_ in _SUBJECTS and tok.head.lemma_.lower() in cue_lexicon()
    ranked: list[tuple[tuple[bool, int, bool, int], Cluster]] = []
    for c in people:
        if c is speaker:
            continue
        known = genders.get(id(c))
        if want is not None and known is not None and known != want:
            continue  # never a pronoun to a person of the other gender
        if want is not None and holds_other_gender(c, want):
            continue  # a person already given "he" is no "she" anywhere in the text
        best_key = None
        for m in c.mentions:
            if m.tok_end > tok.i or sentence - m.sentence > PRONOUN_WINDOW:
                continue
            if m.kind == "pronoun" and pronoun_gender(m.text) != want:
                continue  # a chain of "he"s carries a man, not the "she" beside it
            if reports and m.sentence == sentence and inside_spans(quoted, m.start):
                continue
            last = doc[m.tok_end - 1]  # (one Token for both tests: this runs per pronoun per mention)
            if same_clause_object(tok, last) or relative_clause_object(tok, last):
                continue  # "Baker answered her": her is not Baker
            subject = last.dep_ in _SUBJECTS
            key = (not (narrative and inside_spans(quoted, m.start)), m.sentence, subject, m.tok_start)
            if best_key is None or key > best_key:
                best_key = key
        if best_key is not None:
            ranked.append((best_key, c))
    ranked.sort(key=lambda r: r[0], reverse=True)
    owner = relative_clause_owner(tok, facts)
    if owner is not None and any(c is owner for _, c in ranked):
        add_pronoun(parsed, owner, tok, facts)  # "NAME, who was killed with most of his family"
        return
    ahead = _named_after(tok, facts)
    if (
        ahead is not None
        and ahead.type == "PERSON"
        and ahead is not speaker
        and (want is None or genders.get(id(ahead), want) == want)
        and not (want is not None and holds_other_gender(ahead, want))
        and not (ranked and ranked[0][0][1] == sentence)
    ):
        add_pronoun(parsed, ahead, tok, facts)  # cataphora: the person the sentence names after it
        return
    if not ranked:
        return
    best = chained(ranked, genders, want, sentence, tok.i)
    if undecided(ranked, best, genders, want):
        return
    noun = unnamed.get(want) if want is not None else None
    if (
        noun is not None
        and id(best) not in genders
        and noun > ranked[0][0][3]
        and parsed.sentence_index(doc[noun].idx) >= sentence - 1
    ):
        return  # 'Lind waved. The woman said she ...': a person of no known gender, and "the woman" since
    if want is not None and id(best) not in genders and len(ranked) == 1:
        genders[id(best)] = want  # the only person in reach: the text says their gender
    add_pronoun(parsed, best, tok, facts)


def _named_after(tok: Token, facts: RoleFacts) -> Cluster | None:
    """The entity named as the subject of the clause when `tok` stands in an adjunct written before that
    subject ("In his first speech as president, Lind promised ...", "After she left office, Holm wrote
    ..."): news leads name the person after the pronoun. None when the pronoun is elsewhere."""
    child = tok
    while child.head.i != child.i:
        verb = child.head
        if child.dep_ in _FRONTED and verb.pos_ in ("VERB", "AUX"):
            subject = next((c for c in verb.children if c.dep_ in _SUBJECTS), None)
            if subject is None or subject.pos_ == "PRON" or child.right_edge.i >= subject.i:
                return None
            return facts.token_cluster.get(subject.i)
        child = verb
    return None


def _quote_subject(
    doc: Doc, quoted: list[tuple[int, int]], tok: Token, subjects: dict[int, Token | None]
) -> Token | None:
    """The subject word of the reporting verb of the quotation `tok` stands in, else None. `subjects`
    keeps each quotation's subject word, which the parse alone decides, for the next pronoun in it."""
    i = span_index(quoted, tok.idx)
    if i is None:
        return None
    if i not in subjects:
        subjects[i] = _reporting_subject(doc, *quoted[i])
    return subjects[i]


def _quote_speaker(
    doc: Doc, quoted: list[tuple[int, int]], tok: Token, facts: RoleFacts, subjects: dict[int, Token | None]
) -> Cluster | None:
    """The entity that speaks the quotation `tok` stands in (the subject of its reporting verb, when that
    subject is already an entity's mention), else None."""
    subject = _quote_subject(doc, quoted, tok, subjects)
    return facts.token_cluster.get(subject.i) if subject is not None else None


def same_clause_object(pronoun: Token, subject: Token) -> bool:
    """The pronoun is an object in the clause whose subject is `subject`: then it is someone else
    (an object that is the subject says "himself", "themselves"; a possessive may be the subject's)."""
    head = _object_head(pronoun)
    return head is not None and subject.dep_ in _SUBJECTS and head.i == subject.head.i


def _object_head(pronoun: Token) -> Token | None:
    """The word a non-reflexive object pronoun is the object of (the verb over its preposition: "worked
    under him"), else None."""
    if pronoun.dep_ not in ("dobj", "dative", "pobj") or pronoun.lower_.endswith(("self", "selves")):
        return None
    return pronoun.head.head if pronoun.dep_ == "pobj" else pronoun.head


def relative_clause_object(pronoun: Token, name: Token) -> bool:
    """The pronoun is an object in a relative clause whose subject, "who" or "that", stands for the
    person named by `name` or by a description in apposition to it ("Adeola Ogunleye, a teller who worked
    under him, ..."): then it is someone else, as in the clause the relative pronoun stands in for."""
    verb = _object_head(pronoun)
    if verb is None or verb.dep_ != "relcl":
        return False
    if not any(c.dep_ in _SUBJECTS and c.tag_ in ("WP", "WDT") for c in verb.children):
        return False
    noun = verb.head
    return noun.i == name.i or (noun.dep_ == "appos" and noun.head.i == name.i)


def relative_clause_owner(pronoun: Token, facts: RoleFacts) -> Cluster | None:
    """The person a possessive pronoun in a relative clause opened by "who" as its subject stands for: the
    person the clause describes, named by the noun it hangs from or by the name that noun is in apposition
    to ("Sheikh Mujibur Rahman, the country's founding leader, who was assassinated with most of his
    family"). Only a possessive in the clause itself, not in a clause within it."""
    if pronoun.dep_ != "poss":
        return None
    verb = pronoun.head
    while verb.dep_ not in ("relcl", "ROOT") and verb.pos_ not in ("VERB", "AUX"):
        verb = verb.head
    if verb.dep_ != "relcl" or not any(c.dep_ in _SUBJECTS and c.lower_ == "who" for c in verb.children):
        return None
    noun = verb.head
    named = facts.token_cluster.get(noun.i)
    if named is None and noun.dep_ == "appos":
        named = facts.token_cluster.get(noun.head.i)
    return named if named is not None and named.type == "PERSON" else None


def _reporting_subject(doc: Doc, start: int, end: int) -> Token | None:
    """The subject of the reporting verb a quotation hangs from ('"...," he said'; 'she told them: "..."'),
    outside the quotation; None when the quote hangs from no reporting verb."""
    inside = list(doc.char_span(start, end, alignment_mode="expand") or ())
    if not inside:
        return None
    verbs = [t.head for t in inside if not start <= t.head.idx < end and t.head.i != t.i]
    # The quote's sentence may carry its reporting clause apart ('"...," he said.' parsed as two clauses).
    verbs += [t for t in inside[-1].sent if not start <= t.idx < end]
    for verb in verbs:
        subject = _speaker_subject(verb, lambda idx: not start <= idx < end)
        if subject is not None:
            return subject
    return None


def _speaker_subject(verb: Token, outside: Callable[[int], bool]) -> Token | None:
    """The first subject of `verb` when it is a reporting verb, among the subjects at a character offset
    that `outside` keeps (not in the quotation the verb reports)."""
    if verb.lemma_.lower() not in cue_lexicon():
        return None
    return next((c for c in verb.children if c.dep_ in _SUBJECTS and outside(c.idx)), None)


def resolve_first_person(parsed: Parsed, clusters: list[Cluster], facts: RoleFacts) -> None:
    """`"I will not resign," he said`: the quotation's I/me/my are its speaker's mentions; its we/us/our
    are the body the speaker speaks for when the text names one, else the speaker."""
    doc = parsed.doc
    spans = quoted_spans(parsed)
    if not spans:
        return
    breaks = [m.start() for m in re.finditer("\n", parsed.text)]
    previous: tuple[int, Token] | None = None  # (line number, speaker's subject word) of the latest quote
    for start, end in spans:
        line = bisect.bisect_left(breaks, start)
        subject = _reporting_subject(doc, start, end)
        if subject is None and previous is not None and line - previous[0] <= 2:
            subject = previous[1]  # a quote standing alone continues the last speaker
        elif subject is None:
            subject = _attribution_before(parsed, start, line, breaks, spans)
        previous = (line, subject) if subject is not None else None
        if subject is None:
            continue
        speaker = facts.token_cluster.get(subject.i)
        body = _spoken_for(subject, speaker, facts)
        for tok in doc.char_span(start, end, alignment_mode="expand") or ():
            if tok.pos_ != "PRON" or tok.i in facts.token_cluster:
                continue
            if tok.lower_ in _WORDS.first_singular and speaker is not None and speaker.type == "PERSON":
                add_pronoun(parsed, speaker, tok, facts)
            elif tok.lower_ in _WORDS.first_plural and body is not None:
                add_pronoun(parsed, body, tok, facts)


def _spoken_for(subject: Token, speaker: Cluster | None, facts: RoleFacts) -> Cluster | None:
    """Who a speaker's "we" stands for: the organisation or country the speaker is the spokesperson of
    ("NAME, a spokeswoman for X"; "a spokesman for X said", "X's spokesman said" with no entity of their
    own), else the speaker (an organisation, a country, or the person who speaks as one of a "we")."""
    if speaker is not None:
        for person, relation, body, _ in facts.relations:
            if person is speaker and relation == "spokesperson_of" and body.type in ("ORG", "GPE"):
                return body
        return speaker
    for child in subject.children:
        owner = child if child.dep_ == "poss" else None
        if child.dep_ == "prep" and child.lower_ == "for":
            owner = next((g for g in child.children if g.dep_ == "pobj"), None)
        owned = facts.token_cluster.get(owner.i) if owner is not None else None
        if owned is not None and owned.type in ("ORG", "GPE"):
            return owned
    return None


def _attribution_before(
    parsed: Parsed, start: int, line: int, breaks: list[int], spans: list[tuple[int, int]]
) -> Token | None:
    """The subject of a reporting verb in the sentence just before a quotation that opens its own sentence
    ('The minister said the plan was dead. "We will not revive it."'), when that sentence ends on the
    quotation's line or the line before, outside any quotation of its own."""
    index = parsed.sentence_index(start)
    s_start, _ = parsed.sentences[index]
    if index == 0 or parsed.text[s_start:start].strip(_OPENING):
        return None
    p_start, p_end = parsed.sentences[index - 1]
    if line - bisect.bisect_left(breaks, p_end - 1) > 1:
        return None
    for tok in parsed.doc.char_span(p_start, p_end, alignment_mode="expand") or ():
        if inside_spans(spans, tok.idx):
            continue
        subject = _speaker_subject(tok, lambda idx: not inside_spans(spans, idx))
        if subject is not None:
            return subject
    return None


def third_person_pronouns() -> frozenset[str]:
    """The pronouns that can only stand for a person: gender_words' male and female ones."""
    return _WORDS.male_pronouns | _WORDS.female_pronouns
