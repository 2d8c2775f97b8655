"""Reporting cues on the dependency parse: the cue, its source (subject) and its content.

A cue is a verb from lexicons/reporting_cues.tsv, a phrasal one ("call for", "put it"), "according to", a
sentence-opening "In <poll>," (lexicons/quotes_evidence_nouns.tsv; an evidence subject also reports its
object), a reporting noun with a that-clause ("the ministry's claim that ...") or with a holder and an
object ("X's plan to ..."), any other verb with a that-clause unless lexicons/quotes_non_cues.tsv lists it,
or a verb that casts its object as words in quotation marks ("hailed X as “...”"). What it reports is found
by quotes_content from the frames the lexicon gives it; a cue coordinated after that content ends it ("said
A and warned B"). The source is the cue's subject, found through participles, prepositions and coordination
("..., adding that ...", "by saying ...", "said X and added Y"), the noun a participle or relative clause
describes ("a report that showed ...", "a tweet attacking ..."), or the agent of a passive cue.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from ...lexicons.quotes import Cue, cue_lexicon, evidence_nouns, non_cues, quote_words
from . import content as qc
from .content import SUBJECTS
from .deeds import names_a_deed
from .framing import trimmed

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

_WORDS = quote_words()  # the word lists this module uses, from lexicons/quote_words.tsv

# Parents through which a participle or conjunct inherits its subject.
_INHERIT_DEPS = ("advcl", "conj", "xcomp", "pcomp", "acl", "prep", "advmod", "pobj")


@dataclass(frozen=True)
class CueSite:
    """One reporting cue in the text, with its source token and content span (token indices)."""

    cue_start: int  # char offsets of the cue words
    cue_end: int
    cue_text: str
    lemma: str
    kind: str
    verb: int  # token index of the cue verb (of "according" for according to)
    subject: int | None  # token index of the source's head
    content: tuple[int, int] | None  # char offsets


def _subject(verb: Token) -> int | None:
    """The source of a cue: its subject, or the subject of the verb it hangs from (participles, conjuncts)."""
    by = qc.agent(verb)
    if by is not None:
        return int(by.i)
    tok = verb
    for _ in range(6):
        for child in tok.children:
            if child.dep_ in SUBJECTS:
                if child.tag_ in ("WDT", "WP") and tok.dep_ == "relcl" and tok.head.pos_ in _NOMINAL:
                    return int(tok.head.i)  # "a report that showed ...": the report, not "that"
                return int(child.i)
        if tok.dep_ == "acl" and tok.tag_ == "VBG" and tok.head.pos_ in _NOMINAL:
            author = _author(tok.head)
            # "a tweet attacking X", "lawyers opposing Y": the noun modified, unless someone put it out
            return int(author.i) if author is not None else int(tok.head.i)
        if tok.dep_ == "xcomp" and tok.tag_ == "VBG":
            held = _object_before(tok)
            if held is not None:
                return int(held.i)  # "left many nations feeling that ...": the nations feel it
        if tok.dep_ not in _INHERIT_DEPS or tok.head.i == tok.i:
            return None
        tok = tok.head
    return None


_NOMINAL = ("NOUN", "PROPN", "PRON")


def _author(noun: Token) -> Token | None:
    """The subject of the verb that puts out an authored thing ("X posted tweets attacking Y", "X issued
    a string of statements praising Y"): their words, whatever the participle hangs on."""
    if noun.lemma_.lower() not in _WORDS.authored_nouns:
        return None
    holder = noun
    if holder.dep_ == "pobj" and holder.head.lower_ == "of" and holder.head.head.pos_ == "NOUN":
        holder = holder.head.head  # "a series of tweets"
    if holder.dep_ != "dobj":
        return None
    return next((c for c in holder.head.children if c.dep_ in ("nsubj", "nsubjpass")), None)


def _object_before(participle: Token) -> Token | None:
    """The object between a verb and its participle complement, who does what the participle says ("left
    voters believing that ...", "kept them guessing whether ..."), else None."""
    verb = participle.head
    return next(
        (c for c in verb.children if c.dep_ == "dobj" and verb.i < c.i < participle.i and c.pos_ in _NOMINAL),
        None,
    )


def _words_in(doc: Doc, span: tuple[int, int]) -> int:
    return sum(1 for t in doc[span[0] : span[1] + 1] if t.is_alpha or t.like_num)


def _according(doc: Doc, tok: Token) -> CueSite | None:
    """'according to X, ...' / '..., according to X': X is the source, the rest of the clause the content."""
    if tok.i + 1 >= len(doc) or doc[tok.i + 1].lower_ != "to":
        return None
    to = doc[tok.i + 1]
    objects = [c for c in (*to.children, *tok.children) if c.dep_ == "pobj"]
    if not objects:
        return None
    source = objects[0]
    phrase_first = tok.i
    phrase_last = max(source.right_edge.i, to.i)
    sent = tok.sent
    head = tok.head if tok.head.i != tok.i else None
    lo, hi = (head.left_edge.i, head.right_edge.i) if head is not None else (sent.start, sent.end - 1)
    if head is not None and lo >= phrase_first and hi <= phrase_last:
        lo, hi = sent.start, sent.end - 1
    # The content is the longer side of the clause around the according-to phrase.
    left = (lo, phrase_first - 1) if phrase_first - 1 >= lo else None
    right = (phrase_last + 1, hi) if hi >= phrase_last + 1 else None
    sides = [s for s in (left, right) if s is not None]
    if not sides:
        return None
    first, last = max(sides, key=lambda s: s[1] - s[0])
    if left is not None and right is not None and _words_in(doc, left) >= 3 and _words_in(doc, right) >= 3:
        first, last = left[0], right[1]  # "A, according to X, and B": the phrase interrupts one report
    content = trimmed(doc, first, last)
    return CueSite(tok.idx, to.idx + 2, "according to", "according to", "speech", tok.i, source.i, content)


def _evidence_frame(doc: Doc, tok: Token) -> CueSite | None:
    """'In the latest poll, X leads Y by 5 points': a sentence opened by 'in' and an evidence noun reports
    the rest of the sentence, the evidence being its source."""
    sent = tok.sent
    if tok.i != sent.start or tok.dep_ != "prep":
        return None
    source = next((c for c in tok.children if c.dep_ == "pobj"), None)
    if source is None or source.lemma_.lower() not in evidence_nouns():
        return None
    comma = source.right_edge.i + 1
    if comma >= sent.end or doc[comma].text != ",":
        return None
    content = trimmed(doc, comma + 1, sent.end - 1)
    if content is None:
        return None
    return CueSite(tok.idx, tok.idx + len(tok.text), tok.text, "in", "evidence", tok.i, source.i, content)


def _evidence_object(doc: Doc, verb: Token) -> tuple[int, int] | None:
    """'A 2014 study found 31 cases', 'the survey shows a closer contest': a verb whose subject is
    evidence reports its object."""
    subject = next((c for c in verb.children if c.dep_ in SUBJECTS and c.i < verb.i), None)
    if subject is None or subject.lemma_.lower() not in evidence_nouns():
        return None
    obj = next((c for c in verb.children if c.dep_ == "dobj" and c.i > verb.i), None)
    if obj is None:
        return None
    return trimmed(doc, obj.left_edge.i, qc.completed(doc, verb, obj.right_edge.i))


def _phrasal(doc: Doc, verb: Token) -> tuple[Cue, Token | None] | None:
    """The lexicon entry for a verb: a phrasal one ('call for', 'point out') before the bare verb."""
    lex = cue_lexicon()
    lemma = verb.lemma_.lower()
    for c in verb.children:
        if (c.dep_ in ("prt", "prep") or (c.dep_ == "dobj" and c.lower_ == "it")) and c.i == verb.i + 1:
            cue = lex.get(f"{lemma} {c.lower_}")
            if cue is not None:
                return cue, c
    cue = lex.get(lemma)
    return (cue, None) if cue is not None else None


def _phrasal_site(doc: Doc, verb: Token, cue: Cue, particle: Token) -> CueSite:
    content = None
    if "object" in cue.frames:
        objs = [c for c in particle.children if c.dep_ == "pobj"] or [
            c for c in verb.children if c.dep_ == "dobj"
        ]
        if objs:
            content = trimmed(doc, objs[0].left_edge.i, qc.completed(doc, verb, objs[0].right_edge.i))
    if content is None:
        content = qc.content(doc, verb, cue.frames)
    end = particle.idx + len(particle.text)
    return CueSite(
        verb.idx, end, doc[verb.i : particle.i + 1].text, cue.lemma, cue.kind, verb.i, _subject(verb), content
    )


def _noun_site(doc: Doc, noun: Token) -> CueSite | None:
    """A reporting noun with its that-clause ("Trump's claim that ...", "a report by X that ..."), or with
    a holder and the infinitive or object it is about ("the senator's plan to ...", "her criticism of
    ...")."""
    cue = cue_lexicon().get(noun.lemma_.lower() + "/n")
    if cue is None:
        if not any(c.dep_ == "poss" for c in noun.children):
            return None
        cue = _ATTITUDE  # "the senator's insistence that ...": any noun with a holder and a that-clause
    clause = next(
        (
            c
            for c in noun.children
            if c.dep_ in ("acl", "ccomp")
            and c.i > noun.i
            and any(m.lower_ == "that" and m.dep_ == "mark" for m in c.children)
        ),
        None,
    )
    source = next((c for c in noun.children if c.dep_ == "poss"), None)
    # 'unveiled a proposal for X', 'sounded a call for X': the verb's subject holds the position
    if (
        source is None
        and clause is None
        and cue is not _ATTITUDE
        and noun.dep_ == "dobj"
        and noun.head.pos_ == "VERB"
    ):
        source = next((c for c in noun.head.children if c.dep_ in SUBJECTS), None)
    if clause is not None:
        content = trimmed(doc, clause.left_edge.i, clause.right_edge.i)
    elif _received(noun):
        return None  # "won the support of 324 lawmakers": they hold it; nothing is reported
    elif cue is not _ATTITUDE and (source is not None or "ownerless" in cue.frames):
        content = _noun_complement(doc, noun)  # "Trump's plan to ...", "her criticism of ..."
        if content is None:
            return None
    else:
        return None
    if source is None:
        by = next((c for c in noun.children if c.dep_ == "prep" and c.lower_ in ("by", "from")), None)
        source = next((o for o in by.children if o.dep_ == "pobj"), None) if by is not None else None
    end = noun.idx + len(noun.text)
    return CueSite(
        noun.idx,
        end,
        noun.text,
        cue.lemma,
        cue.kind,
        noun.i,
        source.i if source is not None else None,
        content,
    )


def _received(noun: Token) -> bool:
    """A position the verb's subject gets from others named with "of" ("won the support of X", "lost the
    backing of Y"): X and Y hold it, and what it is about is not said."""
    verb = noun.head
    return (
        noun.dep_ == "dobj"
        and verb.lemma_.lower() in _WORDS.receiving_verbs
        and not any(c.dep_ == "poss" for c in noun.children)
        and any(c.dep_ == "prep" and c.lower_ == "of" and c.i > noun.i for c in noun.children)
    )


_ATTITUDE = Cue("", "attitude", frozenset({"clause"}))
# What a reporting noun with a holder is about: "X's criticism of Y", "X's call for Y", "X's case against Y".
_NOUN_PREPS = _WORDS.noun_preps


def _noun_complement(doc: Doc, noun: Token) -> tuple[int, int] | None:
    """The to-infinitive or prepositional object of a reporting noun ("plan to ...", "criticism of ...")."""
    for c in noun.children:
        if c.i <= noun.i:
            continue
        if c.dep_ == "acl" and any(a.dep_ == "aux" and a.lower_ == "to" for a in c.children):
            return trimmed(doc, c.left_edge.i, c.right_edge.i)
        if c.dep_ == "prep" and c.lower_ in _NOUN_PREPS:
            objs = [o for o in c.children if o.dep_ in ("pobj", "pcomp")]
            if objs:
                return trimmed(doc, objs[0].left_edge.i, objs[0].right_edge.i)
    return None


def _clause_taker(verb: Token) -> tuple[Cue, None] | None:
    """A verb outside the lexicon that takes a that-clause ("X conceded that ...", "X boasted that ...").

    A finite complement introduced by 'that' reports a proposition someone holds; the verbs that take
    one without being about speech or belief ("make sure that", "mean that") are listed as non-cues.
    """
    if verb.lemma_.lower() in non_cues():
        return None
    for c in verb.children:
        if (
            c.dep_ == "ccomp"
            and c.i > verb.i
            and any(m.dep_ == "mark" and m.lower_ == "that" for m in c.children)
        ):
            return _ATTITUDE, None
    return None


_CHARACTER = Cue("", "stance", frozenset({"object"}))
_QUOTE_MARKS = frozenset({'"', "“", "”", "''", "``", "«", "»"})


def _characterising(doc: Doc, verb: Token) -> tuple[Cue, None] | None:
    """A verb outside the lexicon that casts its object as something in quotation marks ("hailed X as
    “the comeback kid”", "urged Y to “vote your conscience”"): quoting the words puts them on the subject."""
    if not any(c.dep_ == "dobj" and c.i > verb.i for c in verb.children):
        return None
    for c in verb.children:
        if c.i <= verb.i or not ((c.dep_ == "prep" and c.lower_ == "as") or c.dep_ == "xcomp"):
            continue
        # (the closing mark may follow the phrase's last word)
        if any(t.text in _QUOTE_MARKS for t in doc[c.left_edge.i : c.right_edge.i + 2]):
            return _CHARACTER, None
    return None


def cue_sites(doc: Doc, tokens: Sequence[Token]) -> list[CueSite]:
    """The cue sites of the text as the parse gives them, in text order (quotes_sites adjusts them);
    `tokens` are the doc's (Parsed.tokens), made once."""
    out = []
    for tok in tokens:
        if tok.lower_ == "according":
            site = _according(doc, tok)
            if site is not None:
                out.append(site)
            continue
        if tok.lower_ == "in":
            site = _evidence_frame(doc, tok)
            if site is not None:
                out.append(site)
            continue
        if tok.pos_ == "NOUN":
            site = _noun_site(doc, tok)
            if site is not None:
                out.append(site)
            continue
        if tok.pos_ != "VERB":
            continue
        if (
            tok.tag_ == "VBN"
            and tok.dep_ in ("acl", "amod")
            and qc.agent(tok) is None
            and not any(c.dep_ in ("oprd", "dobj", "ccomp") for c in tok.children)
        ):
            continue  # "a group called X", "people accused of Y": a description, not an attribution
        found = _phrasal(doc, tok)
        if found is None:
            found = _clause_taker(tok)
        if found is None:
            found = _characterising(doc, tok)
        if found is None:
            continue
        cue, particle = found
        if names_a_deed(tok, cue.lemma):
            continue  # "militants attacked a police post", "recalled its ambassador": no words reported
        if particle is not None:
            out.append(_phrasal_site(doc, tok, cue, particle))
            continue
        content = qc.content(doc, tok, cue.frames)
        if content is None and cue.kind == "evidence":
            content = _evidence_object(doc, tok)
        out.append(
            CueSite(
                tok.idx, tok.idx + len(tok.text), tok.text, cue.lemma, cue.kind, tok.i, _subject(tok), content
            )
        )
    return out
