"""Reporting cues on the dependency parse: the cue, its source (subject) and its content (complement).

A cue is a verb from lexicons/reporting_cues.tsv (or "according to"). Its content is the complement the
lexicon allows for it: a clause ("said (that) ...", also to the left: "..., he said"), an object, a
to-infinitive or an object with its predicate ("called the meeting a success"). The source is the cue's
subject, found through participles and coordination ("..., adding that ...", "said X and added Y").
"""

from __future__ import annotations

import functools
from dataclasses import dataclass
from typing import TYPE_CHECKING

from ..lexicons import read_tsv

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

_SUBJECTS = ("nsubj",)
_CLAUSE_DEPS = ("ccomp",)
# Parents through which a participle or conjunct inherits its subject.
_INHERIT_DEPS = ("advcl", "conj", "xcomp", "pcomp", "acl")
_EDGE_PUNCT = frozenset(",;:—–-―\"“”'‘’`«» ")


@dataclass(frozen=True)
class Cue:
    lemma: str
    kind: str
    frames: frozenset[str]


@functools.cache
def cue_lexicon() -> dict[str, Cue]:
    """Cue lemma (or "verb particle") -> Cue; reporting nouns are keyed "lemma/n" (a claim, to claim)."""
    out = {}
    for lemma, kind, frames in read_tsv("reporting_cues.tsv", 3):
        cue = Cue(lemma.lower(), kind or "speech", frozenset(f.strip() for f in frames.split(",")))
        out[cue.lemma + "/n" if "noun" in cue.frames else cue.lemma] = cue
    return out


@functools.cache
def non_cues() -> frozenset[str]:
    """Verbs that take a that-clause without attributing it (lexicons/quotes_non_cues.tsv)."""
    return frozenset(r[0].lower() for r in read_tsv("quotes_non_cues.tsv"))


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


def _trimmed(doc: Doc, first: int, last: int) -> tuple[int, int] | None:
    """Char span of tokens first..last without punctuation and quotation marks at the edges."""
    while first <= last and (doc[first].text in _EDGE_PUNCT or doc[first].is_space):
        first += 1
    while last >= first and (doc[last].text in _EDGE_PUNCT or doc[last].is_space or doc[last].text == "."):
        last -= 1
    if last < first:
        return None
    return doc[first].idx, doc[last].idx + len(doc[last].text)


def _subject(verb: Token) -> int | None:
    """The source of a cue: its subject, or the subject of the verb it hangs from (participles, conjuncts)."""
    agent = _agent(verb)
    if agent is not None:
        return int(agent.i)
    tok = verb
    for _ in range(4):
        for child in tok.children:
            if child.dep_ in _SUBJECTS:
                return int(child.i)
        if tok.dep_ not in _INHERIT_DEPS or tok.head is tok:
            return None
        tok = tok.head
    return None


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
    head = tok.head if tok.head is not tok else None
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
    content = _trimmed(doc, first, last)
    return CueSite(tok.idx, to.idx + 2, "according to", "according to", "speech", tok.i, source.i, content)


_BREAK = frozenset({",", "”", '"', "''", "—", "―", "–"})
# Subordinators that open the reporter's own aside after a reported clause ("..., although he ...").
_ASIDE_MARKS = frozenset({"although", "though", "while", "whereas", "even"})
_OBJECT_COMPLEMENTS = ("prep", "xcomp", "acl", "advcl", "ccomp", "oprd", "dative")
_OBJECT_PREPS = frozenset({"of", "as", "for", "about", "against", "over", "on"})
_QUOTE_MARKS = frozenset({'"', "“", "”", "''", "``", "«", "»"})
_OWN_MODIFIERS = ("advcl", "prep", "npadvmod", "advmod", "mark")


def _reported_around(doc: Doc, verb: Token) -> tuple[int, int] | None:
    """'..., X said.' or '..., X said, ...': the rest of the sentence around the cue phrase is the content.

    A cue that interrupts its content ("The test, X said, was the biggest") gives one span over both
    parts, as attribution corpora annotate it.
    """
    sent = verb.sent
    subjects = [c for c in verb.children if c.dep_ in _SUBJECTS]
    first = min([verb.i] + [c.left_edge.i for c in subjects if c.i < verb.i])
    last = max([verb.i] + [c.right_edge.i for c in subjects if c.i > verb.i])
    # the cue phrase's own modifiers ("said in an interview on Wednesday", "said of the plan")
    for c in verb.children:
        if c.i > last and c.dep_ in (
            "prep",
            "npadvmod",
            "advmod",
            "dative",
            "dobj",
            "advcl",
            "agent",
            "nsubj",
        ):
            last = max(last, c.right_edge.i)
    if first - 1 <= sent.start or doc[first - 1].text not in _BREAK:
        return None
    if any(c.i < first and c.dep_ in _OWN_MODIFIERS for c in verb.children):
        return None  # "Asked about X, Smith said, ..." : what stands before is the cue's own modifier
    begin = sent.start
    if last + 1 >= sent.end - 1 or doc[last + 1].text in (".", "!", "?", "\n"):
        return _trimmed(doc, begin, first - 1)
    if doc[last + 1].text in _BREAK and last + 2 < sent.end:
        after = doc[last + 2]
        if after.text in _QUOTE_MARKS or after.dep_ in ("cc", "mark") or after.pos_ in ("CCONJ", "SCONJ"):
            return None  # 'X said, "..."' or 'X said, but ...': not an interruption
        return _trimmed(doc, begin, sent.end - 1)
    return None


def _clause(doc: Doc, head: Token) -> tuple[int, int] | None:
    """A complement clause without what spaCy hangs on it but the reporter adds in their own voice:
    what follows a ';', a clause with its own subject after 'but', a trailing participle (', citing ...')
    and a concessive aside (', although ...')."""
    last = head.right_edge.i
    for tok in doc[head.i + 1 : last + 1]:
        if tok.i > last:
            break
        if tok.text == ";":
            last = tok.i - 1
            break
        own_subject = any(c.dep_ in _SUBJECTS for c in tok.children)
        cut = None
        if tok.dep_ in ("conj", "parataxis") and own_subject and tok.head.i >= head.i:
            cut = tok.left_edge.i
            while cut - 1 > head.i and (doc[cut - 1].dep_ in ("cc", "punct") or doc[cut - 1].pos_ == "CCONJ"):
                cut -= 1
            if "but" not in doc[cut : tok.left_edge.i].text.lower():
                cut = None  # "said A and B": both are usually reported
        elif (
            tok.dep_ == "advcl"
            and doc[tok.left_edge.i - 1].text == ","
            and (tok.tag_ == "VBG" or doc[tok.left_edge.i].lower_ in _ASIDE_MARKS)
        ):
            cut = tok.left_edge.i - 1
        if cut is not None and cut > head.i:
            last = min(last, cut - 1)
    return _trimmed(doc, head.left_edge.i, last)


def _agent(verb: Token) -> Token | None:
    """The 'by X' of a passive cue ("was endorsed by X"), which is its source."""
    for c in verb.children:
        if c.dep_ == "agent":
            return next((o for o in c.children if o.dep_ == "pobj"), None)
    return None


def _content(doc: Doc, verb: Token, cue: Cue) -> tuple[int, int] | None:
    children = list(verb.children)
    if "object" in cue.frames or "naming" in cue.frames:
        passive = next((c for c in children if c.dep_ == "nsubjpass"), None)
        if passive is not None and _agent(verb) is not None:
            return _trimmed(doc, passive.left_edge.i, passive.right_edge.i)
    if "clause" in cue.frames:
        clauses = [c for c in children if c.dep_ in _CLAUSE_DEPS and c.i > verb.i]
        if clauses:
            return _clause(doc, max(clauses, key=lambda c: c.right_edge.i - c.left_edge.i))
        around = _reported_around(doc, verb)
        if around is not None:
            return around
        # "told the forum he was ...": spaCy often reads the clause as a relative clause of the listener
        for obj in children:
            if obj.dep_ in ("dobj", "dative") and obj.i > verb.i:
                for rel in obj.children:
                    if (
                        rel.dep_ == "relcl"
                        and rel.left_edge.i == obj.i + 1
                        and doc[rel.left_edge.i].tag_ not in ("WDT", "WP", "WP$", "WRB", "IN")
                        and any(c.dep_ in _SUBJECTS for c in rel.children)
                    ):
                        return _clause(doc, rel)
        clauses = [c for c in children if c.dep_ in _CLAUSE_DEPS]
        if clauses:
            c = max(clauses, key=lambda c: c.right_edge.i - c.left_edge.i)
            return _trimmed(doc, c.left_edge.i, c.right_edge.i)
        # "..., he said" parsed with the cue hanging from the reported clause's verb
        head = verb.head
        subjects = [c.left_edge.i for c in children if c.dep_ in _SUBJECTS and c.i < verb.i]
        first = min([verb.i, *subjects])
        if (
            verb.dep_ in ("parataxis", "ccomp", "advcl")
            and head.i < verb.i
            and head.pos_ in ("VERB", "AUX")
            and first > 0
            and doc[first - 1].text in _BREAK
        ):
            # the reported clause runs on after the cue ("A, he said, until B"): one span over both parts
            return _trimmed(doc, head.left_edge.i, max(head.right_edge.i, verb.left_edge.i - 1))
    if "infinitive" in cue.frames:
        for c in children:
            if c.dep_ in ("xcomp", "ccomp") and any(a.dep_ == "aux" and a.lower_ == "to" for a in c.children):
                first = min(
                    [c.left_edge.i] + [o.left_edge.i for o in children if o.dep_ == "dobj" and o.i < c.i]
                )
                return _trimmed(doc, first, c.right_edge.i)
    if "naming" in cue.frames:
        objs = [c for c in children if c.dep_ in ("dobj", "oprd", "ccomp", "xcomp") and c.i > verb.i]
        if objs:
            first = min(o.left_edge.i for o in objs)
            last = max(o.right_edge.i for o in objs)
            if last > first:
                return _trimmed(doc, first, last)
    if "object" in cue.frames:
        for c in children:
            if (c.dep_ in ("dobj", "pobj") or (c.dep_ == "xcomp" and c.tag_ == "VBG")) and c.i > verb.i:
                last = c.right_edge.i
                # "accused X of Y", "blasted X as Y", "referred to X to Z": the object with what completes it
                # (spaCy often hangs the complement on the verb), up to a comma
                for p in sorted(children, key=lambda t: t.i):
                    if (
                        p.i <= last
                        or p.dep_ not in _OBJECT_COMPLEMENTS
                        or doc[p.left_edge.i - 1].text in _BREAK
                    ):
                        continue
                    if p.left_edge.i == last + 1:
                        last = p.right_edge.i
                if last > c.left_edge.i or c.pos_ in ("PROPN", "NOUN"):
                    return _trimmed(doc, c.left_edge.i, last)
        for p in children:
            if p.dep_ == "prep" and p.i > verb.i and p.lower_ in _OBJECT_PREPS:
                objs = [o for o in p.children if o.dep_ in ("pobj", "pcomp")]
                if objs:
                    return _trimmed(doc, objs[0].left_edge.i, objs[0].right_edge.i)
    return None


def _phrasal(doc: Doc, verb: Token) -> tuple[Cue, Token | None] | None:
    """The lexicon entry for a verb: a phrasal one ('call for', 'point out') before the bare verb."""
    lex = cue_lexicon()
    lemma = verb.lemma_.lower()
    for c in verb.children:
        if c.dep_ in ("prt", "prep") and c.i == verb.i + 1:
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
            content = _trimmed(doc, objs[0].left_edge.i, objs[0].right_edge.i)
    if content is None:
        content = _content(doc, verb, cue)
    end = particle.idx + len(particle.text)
    return CueSite(
        verb.idx, end, doc[verb.i : particle.i + 1].text, cue.lemma, cue.kind, verb.i, _subject(verb), content
    )


def _noun_site(doc: Doc, noun: Token) -> CueSite | None:
    """A reporting noun with its that-clause ("Trump's claim that ...", "a report by X that ...")."""
    cue = cue_lexicon().get(noun.lemma_.lower() + "/n")
    if cue is None:
        return None
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
    if clause is None:
        return None
    source = next((c for c in noun.children if c.dep_ == "poss"), None)
    if source is None:
        by = next((c for c in noun.children if c.dep_ == "prep" and c.lower_ in ("by", "from")), None)
        source = next((o for o in by.children if o.dep_ == "pobj"), None) if by is not None else None
    content = _trimmed(doc, clause.left_edge.i, clause.right_edge.i)
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


_ATTITUDE = Cue("", "attitude", frozenset({"clause"}))


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


def find_cues(doc: Doc) -> list[CueSite]:
    """Every reporting cue of the parsed text, in text order."""
    out = []
    for tok in doc:
        if tok.lower_ == "according":
            site = _according(doc, tok)
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
        if tok.tag_ == "VBN" and tok.dep_ in ("acl", "amod") and _agent(tok) is None:
            continue  # "a group called X", "people accused of Y": a description, not an attribution
        found = _phrasal(doc, tok)
        if found is None:
            found = _clause_taker(tok)
        if found is None:
            continue
        cue, particle = found
        if particle is not None:
            out.append(_phrasal_site(doc, tok, cue, particle))
            continue
        content = _content(doc, tok, cue)
        out.append(
            CueSite(
                tok.idx, tok.idx + len(tok.text), tok.text, cue.lemma, cue.kind, tok.i, _subject(tok), content
            )
        )
    return out
