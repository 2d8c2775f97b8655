"""What the text's own pronouns say of a person's gender (gender.py's evidence 4, 6 and 7): possessives and
reflexives of the person's clause, the subject pronoun of a clause joined to theirs, and what the person
reports. Parse-tree reading only; gender.py weighs these against titles, the knowledge base and names."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from typing import TYPE_CHECKING

from ...lexicons.names import Gender, first_name_gender, pronoun_gender
from ...lexicons.quotes import cue_lexicon
from .headlines import inside_spans

PRONOUN_WINDOW = 3  # sentences back that a third-person pronoun may reach (pronouns.py reads it too)
_SUBJECTS = ("nsubj", "nsubjpass")

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

    from .cluster import Cluster


def _pronoun_votes(
    doc: Doc,
    cluster: Cluster,
    people: dict[int, Cluster],
    quoted: Sequence[tuple[int, int]],
    persons: Sequence[Cluster],
) -> Gender | None:
    """Votes of reflexive and possessive pronouns whose clause's subject is a mention of the cluster and
    that no other person of the sentence may own ("Lopez defended her plan", "Baker said he himself";
    "Ellis hired Tate as her deputy": Tate is the deputy, not its owner). Not a
    pronoun inside a quotation: those are the speaker's words about someone else ('Baker called it "her
    worst plan"'; a speaker names themself "I")."""
    votes: Counter[Gender] = Counter()
    for head in _subject_heads(doc, cluster):
        verb = head.head
        sentence = verb.sent
        if _both_genders(sentence, quoted):
            continue  # "Collins said she was relieved, but angry on his behalf": one of them is not hers
        others = [
            t
            for t in sentence
            if (c := people.get(t.i)) is not None and c is not cluster and c.type == "PERSON"
        ]
        for tok in verb.subtree:
            if tok.pos_ == "PRON" and _owned_by(tok, verb) and not inside_spans(quoted, tok.idx):
                if not all(_possessed_is(tok, verb, t) for t in others):
                    continue  # another person of the sentence may own it
                g = pronoun_gender(tok.text)
                if g is not None and tok.dep_ == "poss" and _just_named(doc, cluster, persons, verb, g):
                    continue  # "Laurent called her star the better news": the woman just named owns it
                if g is not None:
                    votes[g] += 1
    return _majority(votes)


def _just_named(doc: Doc, cluster: Cluster, persons: Sequence[Cluster], verb: Token, gender: Gender) -> bool:
    """Another person whose given name says `gender` is named in the verb's sentence before it or in the
    `PRONOUN_WINDOW` sentences before, as far as a pronoun reaches: a possessive of that gender may be
    theirs ("Roux earned her first star ... Laurent called her star the better news"; tuning_pronouns5,
    read), so says nothing of the subject's."""
    start = verb.sent.start
    for _ in range(PRONOUN_WINDOW):
        start = doc[start - 1].sent.start if start > 0 else start
    for c in persons:
        if c is cluster or c.full is None or c.full.tok_end - c.full.tok_start < 2:
            continue
        if first_name_gender(doc[c.full.tok_start].text) != gender:
            continue
        if any(m.kind == "name" and start <= m.tok_start < verb.i for m in c.mentions):
            return True
    return False


def possessive_evidence(
    doc: Doc,
    cluster: Cluster,
    people: dict[int, Cluster],
    persons: list[Cluster],
    quoted: Sequence[tuple[int, int]],
) -> Gender | None:
    """`_pronoun_votes`, unless what the person reports says the other gender: in "De Jong said he had
    grown up ... De Jong plans to sell it at her farm shop" the shop is someone else's (thirty-third
    session); the text then says nothing sure, and the pronouns' order decides."""
    said = _pronoun_votes(doc, cluster, people, quoted, persons)
    if said is not None and reported_evidence(doc, cluster, persons, {}, quoted) not in (None, said):
        return None
    return said


def _both_genders(sentence: Span, quoted: Sequence[tuple[int, int]]) -> bool:
    """The sentence holds, outside quotations, third-person pronouns of both genders."""
    said = {
        g
        for t in sentence
        if t.pos_ == "PRON" and (g := pronoun_gender(t.text)) is not None and not inside_spans(quoted, t.idx)
    }
    return len(said) > 1


def linked_evidence(doc: Doc, cluster: Cluster, people: dict[int, Cluster]) -> Gender | None:
    """Votes of the subject pronouns of clauses joined to one whose subject is a mention of the cluster
    (`_linked_subject`): weaker evidence than a possessive's."""
    votes: Counter[Gender] = Counter()
    for head in _subject_heads(doc, cluster):
        linked = _linked_subject(doc, head, head.head, people)
        if linked is not None:
            votes[linked] += 1
    return _majority(votes)


def _subject_heads(doc: Doc, cluster: Cluster) -> list[Token]:
    """The head words of the cluster's name mentions that are a clause's subject."""
    heads = (doc[m.tok_end - 1] for m in cluster.mentions if m.kind == "name")
    return [h for h in heads if h.dep_ in _SUBJECTS]


def _majority(votes: Counter[Gender]) -> Gender | None:
    """The gender with more votes, None on a tie (or no vote)."""
    if votes["m"] == votes["f"]:
        return None
    return "m" if votes["m"] > votes["f"] else "f"


def _possessed_is(pronoun: Token, verb: Token, person: Token) -> bool:
    """The other person's word `person` names what the possessive `pronoun` qualifies, so cannot own it:
    "thanked her coach, Brian Walsh" (an apposition), "hired Mark Tate as her deputy" (the object the
    verb's "as" describes)."""
    if pronoun.dep_ != "poss":
        return False
    while person.dep_ in ("compound", "flat") and person.head.i != person.i:
        person = person.head  # "Mark" of "Mark Tate": the name's head word says its role
    noun = pronoun.head
    if any(t.dep_ == "appos" and t.head.i == noun.i for t in (person, *person.ancestors)):
        return True
    if noun.dep_ == "pobj" and noun.head.lower_ == "as":
        described = noun.head.head
        return (
            described.i == person.i
            or (described.i == verb.i and person.dep_ == "dobj" and person.head.i == verb.i)
            or any(a.i == described.i and a.dep_ == "dobj" for a in person.ancestors)
        )
    return False


# Clauses joined to a clause whose subject a pronoun may take up: "..., so she required", "and he left".
_JOINED = frozenset({"conj", "advcl", "ccomp"})


def _linked_subject(doc: Doc, subject: Token, verb: Token, people: dict[int, Cluster]) -> Gender | None:
    """The gender of the subject pronoun of a clause joined to `verb`'s (whose subject is the person's
    name `subject`) when no other person is named between them: "Sink wanted the best deal, so she asked
    for bids" (the parser may hang either clause on the other: both ways count), "Lee won and he left".
    Not a clause that hangs on the person's verb as its object ("Smith said she ...": someone else as
    often as not), nor a reporting verb's ("Smith is wrong, she said")."""
    owner = people.get(subject.i)
    reported = _reported_by_another(verb, owner, people)
    for other in (*verb.children, verb.head):
        if other.i == verb.i or other.pos_ not in ("VERB", "AUX"):
            continue
        if other.head.i == verb.i and other.dep_ != "conj" and not _adverbial(other):
            continue  # the person's verb governs it: "Smith said she would come"
        if other.head.i != verb.i and (verb.dep_ not in _JOINED or other.i < subject.i):
            continue
        if other.lemma_.lower() in cue_lexicon():
            continue
        if reported and other.dep_ == "conj" and other.head.i == verb.i:
            continue  # "wrote that Conti had thrown ... and that she had been pushed": the reporter's words
        for tok in other.children:
            if tok.dep_ not in _SUBJECTS or tok.pos_ != "PRON" or tok.i < subject.i:
                continue
            between = {id(c) for t in range(subject.i + 1, tok.i) if (c := people.get(t)) is not None}
            if between - {id(owner)}:
                continue
            gender = pronoun_gender(tok.text)
            if _someone_else(verb, other, tok, gender):
                continue
            return gender
    return None


def _reported_by_another(verb: Token, owner: Cluster | None, people: dict[int, Cluster]) -> bool:
    """The person's clause is what someone else reports ("the referee wrote that Conti had thrown the
    first punch and that she had been pushed": tuning_pronouns6, read): a clause joined to it by "and"
    is the reporter's words too, and its subject pronoun as often the reporter as the person (not one
    hanging on the person's own verb: "Sink wanted the best deal, so she required bids", a spokeswoman
    said). `owner`: the person whose name is the clause's subject."""
    if verb.dep_ != "ccomp":
        return False
    reporters = [t for t in verb.head.children if t.dep_ in _SUBJECTS]
    return any(owner is None or people.get(t.i) is not owner for t in reporters)


# Objects a second person holds in a clause: "has trained him", "pushed him up", "gave her the keys".
_OBJECTS = frozenset({"dobj", "dative", "pobj", "iobj"})


def _someone_else(verb: Token, clause: Token, subject: Token, gender: Gender | None) -> bool:
    """The two clauses hold a second person the joined clause's subject pronoun may be, or be set against:
    an object pronoun of the person's own clause of the subject's gender ("Varga has trained him since he
    was nine": he is the pupil), or a pronoun of the other gender in the joined clause ("Whitfield said
    he could not get out; she pushed him up the ladder": she is someone else)."""
    own = [t for t in verb.children if t.dep_ in _OBJECTS and t.i != clause.i]
    own += [g for t in verb.children if t.dep_ == "prep" for g in t.children if g.dep_ == "pobj"]
    if any(t.pos_ == "PRON" and pronoun_gender(t.text) == gender for t in own):
        return True
    return any(
        t.i != subject.i and t.pos_ == "PRON" and (g := pronoun_gender(t.text)) is not None and g != gender
        for t in clause.subtree
    )


#: Words opening an adverbial clause whose subject pronoun takes up the main clause's subject: "Baird has
#: curled since she was eight" (thirty-third session: the names list's "Jordan" 0.11 women outweighed it).
_ADVERBIAL_MARKS = frozenset(
    {"since", "when", "because", "after", "before", "while", "although", "though", "until", "once"}
)


def _adverbial(clause: Token) -> bool:
    """`clause` is an adverbial clause opened by one of `_ADVERBIAL_MARKS`."""
    return clause.dep_ == "advcl" and any(
        c.dep_ == "mark" and c.lower_ in _ADVERBIAL_MARKS for c in clause.children
    )


def _owned_by(tok: Token, verb: Token) -> bool:
    """The pronoun belongs to the verb's own clause (not to a clause with its own subject inside it, of
    whatever label: the parser hangs "most of them teenagers from her town" on a noun)."""
    t = tok
    while t.i != verb.i:
        if any(c.dep_ in _SUBJECTS for c in t.children):
            return False
        if t.head.i == t.i:
            return False
        t = t.head
    # A possessive or a reflexive may be the subject's; "Baker thanked him" is someone else.
    return tok.dep_ == "poss" or tok.text.lower().endswith(("self", "selves"))


def reported_evidence(
    doc: Doc,
    cluster: Cluster,
    persons: list[Cluster],
    told: dict[int, Gender],
    quoted: Sequence[tuple[int, int]],
) -> Gender | None:
    """The gender of the subject pronoun of what the person reports ("Alvarez told the jury that she had
    complained"), when no other person the pronoun may stand for is of that gender by stronger evidence
    (`told`): "Judge Ong said she had preyed on ..." after "Jennifer Tan ..." says nothing of Ong. It
    outweighs a given name that only leans ("Jordan" 0.11 women), never the names list's overwhelming
    lean; all such pronouns of the person must agree."""
    said: set[Gender] = set()
    for m in cluster.mentions:
        head = doc[m.tok_end - 1]
        if m.kind != "name" or head.dep_ not in _SUBJECTS or inside_spans(quoted, head.idx):
            continue  # "Collins was told that she had a tumour": the passive's subject hears of herself
        for clause in _reported_clauses(head.head):
            if clause.i < head.i:
                continue
            pronoun = _reported_pronoun(clause)
            if pronoun is None or inside_spans(quoted, pronoun.idx):
                continue
            g = pronoun_gender(pronoun.text)
            if g is not None and not _another_in_reach(cluster, persons, told, g, m.sentence, pronoun.i):
                said.add(g)
    return next(iter(said)) if len(said) == 1 else None


def _reported_clauses(verb: Token) -> list[Token]:
    """The clauses the subject of `verb` reports: its own when it is a reporting verb, and those of a
    reporting verb joined to it that has no subject of its own ("De Vries reopened the bakery and said he
    ...")."""
    verbs = [verb] + [
        c for c in verb.children if c.dep_ == "conj" and not any(s.dep_ in _SUBJECTS for s in c.children)
    ]
    return [
        clause
        for v in verbs
        if v.lemma_.lower() in cue_lexicon()
        for clause in v.children
        if clause.dep_ == "ccomp"
    ]


def _reported_pronoun(clause: Token) -> Token | None:
    """The subject pronoun of a reported clause ("said she had complained"), or the possessive pronoun of
    its subject ("said his hands were shaking", "was told his tests were clear")."""
    subject = next((t for t in clause.children if t.dep_ in _SUBJECTS), None)
    if subject is None:
        return None
    if subject.pos_ == "PRON":
        return subject
    return next((t for t in subject.children if t.dep_ == "poss" and t.pos_ == "PRON"), None)


def _another_in_reach(
    cluster: Cluster, persons: list[Cluster], told: dict[int, Gender], g: Gender, sentence: int, at: int
) -> bool:
    """Another person known to be of gender `g` is named before token `at` within the sentences a
    pronoun reaches back (`PRONOUN_WINDOW`)."""
    return any(
        other is not cluster
        and told.get(id(other)) == g
        and any(o.tok_end <= at and 0 <= sentence - o.sentence <= PRONOUN_WINDOW for o in other.mentions)
        for other in persons
    )
