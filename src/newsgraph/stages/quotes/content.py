"""The content of a reporting cue: which words of the parse a cue reports.

A cue's lexicon frames say which complement can be its content: a clause ("said (that) ...", also to the
left: "..., he said", or around it: "The test, he said, was the biggest"), an object ("noted the
error's cause", with what completes it: "accused X of Y"), a to-infinitive ("promised to ..."), or an
object with its predicate ("called the meeting a success"). Offsets are characters; edges are trimmed
of punctuation and quotation marks.
"""

from __future__ import annotations

import itertools
from typing import TYPE_CHECKING

from ...lexicons.quotes import quote_words
from .framing import circumstance, trimmed, without_setting, without_trailing_setting

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

_WORDS = quote_words()  # the word lists this module uses, from lexicons/quote_words.tsv

SUBJECTS = ("nsubj",)
_CLAUSE_DEPS = ("ccomp",)

_BREAK = frozenset({",", "”", '"', "''", "—", "―", "–"})
# Subordinators that open the reporter's own aside after a reported clause ("..., although he ...").
_ASIDE_MARKS = _WORDS.aside_marks
_OBJECT_COMPLEMENTS = ("prep", "xcomp", "acl", "advcl", "ccomp", "oprd", "dative")
_OBJECT_PREPS = _WORDS.object_preps
_QUOTE_MARKS = frozenset({'"', "“", "”", "''", "``", "«", "»"})
_OWN_MODIFIERS = ("advcl", "prep", "npadvmod", "advmod", "mark")


def _reported_around(doc: Doc, verb: Token) -> tuple[int, int] | None:
    """'..., X said.' or '..., X said, ...': the rest of the sentence around the cue phrase is the content.

    A cue that interrupts its content ("The test, X said, was the biggest") gives one span over both
    parts, as attribution corpora annotate it.
    """
    sent = verb.sent
    subjects = [c for c in verb.children if c.dep_ in SUBJECTS]
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
            opener = doc[c.left_edge.i]
            if (
                c.dep_ == "advcl"
                and doc[c.left_edge.i - 1].text == ","
                and opener.pos_ == "SCONJ"
                and opener.lower_ not in _ASIDE_MARKS | {"as"}
            ):
                continue  # 'A, X said, until B': the clause after the comma is the reported sentence's
            last = max(last, c.right_edge.i)
    if first - 1 <= sent.start or doc[first - 1].text not in _BREAK:
        return None
    if any(c.i < first and c.dep_ in _OWN_MODIFIERS for c in verb.children):
        return None  # "Asked about X, Smith said, ..." : what stands before is the cue's own modifier
    begin = sent.start
    if last + 1 >= sent.end - 1 or doc[last + 1].text in (".", "!", "?", "\n"):
        return trimmed(doc, begin, first - 1)
    if doc[last + 1].text in _BREAK and last + 2 < sent.end:
        after = doc[last + 2]
        if (
            after.text in _QUOTE_MARKS
            or after.dep_ == "cc"
            or after.pos_ == "CCONJ"
            or after.lower_ in _ASIDE_MARKS
        ):
            # 'X said, "..."', 'X said, but ...', 'X said, although ...': not an interruption; a
            # subordinate clause ('A, X said, until B') is the rest of the reported sentence
            return None
        end = sent.end - 1
        for tok in doc[last + 2 : sent.end]:
            if tok.lower_ in _ASIDE_MARKS and doc[tok.i - 1].text == ",":
                end = tok.i - 2  # "..., although ...": the reporter's own aside
                break
        return trimmed(doc, begin, end)
    return None


def _joined(doc: Doc, clauses: list[Token], reported: tuple[int, int] | None) -> tuple[int, int] | None:
    """'believe the level of priority placed on X shows Y': spaCy sometimes splits one complement into two
    clauses of the cue, one running into the other; the content is both."""
    if reported is None or len(clauses) < 2:
        return reported
    clauses = sorted(clauses, key=lambda c: c.i)
    for a, b in itertools.pairwise(clauses):
        if b.left_edge.i != a.right_edge.i + 1:
            return reported  # a comma or conjunction between them: separate reports
    whole = _clause(doc, clauses[-1])
    start = doc[clauses[0].left_edge.i].idx
    return (min(start, reported[0]), max(reported[1], whole[1])) if whole is not None else reported


def _cue_phrase_end(verb: Token) -> int:
    """The last token of a cue with what it takes after it ("told me on Friday"), before a comma."""
    after = [
        c.right_edge.i
        for c in verb.children
        if c.i > verb.i and c.dep_ not in ("punct", "ccomp", "conj", "parataxis", "cc")
    ]
    return max([verb.i, *after])


def _fronted(doc: Doc, verb: Token) -> int | None:
    """'The real test, she told us, is whether ...': where the reported words start when the cue
    interrupts them after a phrase that the parse hangs on the cue. A fronted participle ('Speaking at a
    rally, X said, ...') sets the scene in the reporter's voice and is not reported."""
    sent = verb.sent
    subjects = [c for c in verb.children if c.dep_ in SUBJECTS and c.i < verb.i]
    if not subjects:
        return None
    first = min(c.left_edge.i for c in subjects)
    end = _cue_phrase_end(verb)
    if first - 1 <= sent.start or end + 1 >= sent.end:
        return None
    if doc[first - 1].text != "," or doc[end + 1].text != ",":
        return None
    front = [c for c in verb.children if c.i < first - 1 and c.dep_ != "punct"]
    if not front or min(c.left_edge.i for c in front) != sent.start or doc[sent.start].tag_ in ("VBN", "VBG"):
        return None
    if any(c.dep_ not in ("advcl", "advmod", "prep", "npadvmod") for c in front):
        return None
    span = trimmed(doc, sent.start, first - 2)
    return span[0] if span is not None else None


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
        own_subject = any(c.dep_ in SUBJECTS for c in tok.children)
        cut = None
        if tok.dep_ in ("conj", "parataxis") and own_subject and tok.head.i >= head.i:
            cut = tok.left_edge.i
            while cut - 1 > head.i and (doc[cut - 1].dep_ in ("cc", "punct") or doc[cut - 1].pos_ == "CCONJ"):
                cut -= 1
            if "but" not in doc[cut : tok.left_edge.i].text.lower() or any(
                c.dep_ == "mark" and c.lower_ == "that" for c in tok.children
            ):
                cut = None  # "said A and B", "said A but that B": both are reported
        elif (
            tok.dep_ == "advcl"
            and doc[tok.left_edge.i - 1].text == ","
            and (tok.tag_ == "VBG" or doc[tok.left_edge.i].lower_ in _ASIDE_MARKS)
        ):
            cut = tok.left_edge.i - 1
        if cut is not None and cut > head.i:
            last = min(last, cut - 1)
    return trimmed(doc, head.left_edge.i, last)


# What an attitude noun is about ("concern about X", "anger over X", "support for X").
_LIGHT_PREPS = _WORDS.attitude_preps


# Complements that belong with an object across a comma closing an aside on it ("accused X, who was
# born abroad, of Y"; "described X, a lawyer, as Y").
_TIED_PREPS = _WORDS.tied_preps


def completed(doc: Doc, verb: Token, last: int) -> int:
    """The last token of an object with what completes it ("accused X of Y", "blasted X as Y", "called for
    X to Z"): spaCy often hangs the complement on the verb rather than on the object."""
    for p in sorted(verb.children, key=lambda t: t.i):
        if p.i <= last or p.dep_ not in _OBJECT_COMPLEMENTS or circumstance(p):
            continue
        before = doc[p.left_edge.i - 1].text
        tied = before == "," and p.dep_ == "prep" and p.lower_ in _TIED_PREPS
        if p.left_edge.i == last + 1 and (before not in _BREAK or tied):
            last = p.right_edge.i
    return last


def _unsourced_passive(doc: Doc, verb: Token) -> tuple[int, int] | None:
    """'X has been blamed for Y', 'he was asked how ...', 'the ruling is expected to land': a passive cue
    with no agent names no source, and attribution corpora take the whole claim, subject and cue included.
    An expletive subject ('it was announced that ...') is no part of the claim. Of prepositional
    complements only the charge of a stance counts ('blamed for', 'accused of'); 'charged with', 'known
    as', 'mentioned in' mostly narrate."""
    passive = next((c for c in verb.children if c.dep_ == "nsubjpass"), None)
    if passive is None or passive.lower_ == "it" or agent(verb) is not None:
        return None
    comps = [
        c
        for c in verb.children
        if c.i > verb.i and (c.dep_ in ("xcomp", "ccomp") or (c.dep_ == "prep" and c.lower_ in ("for", "of")))
    ]
    if not comps:
        return None
    return trimmed(doc, passive.left_edge.i, max(c.right_edge.i for c in comps))


def agent(verb: Token) -> Token | None:
    """The 'by X' of a passive cue ("was endorsed by X"), which is its source."""
    for c in verb.children:
        if c.dep_ == "agent":
            return next((o for o in c.children if o.dep_ == "pobj"), None)
    return None


def _as_clause(doc: Doc, verb: Token) -> tuple[int, int] | None:
    """'As X put it, ...' / '..., as X noted': the clause the as-clause hangs from is the content."""
    if verb.dep_ != "advcl" or not any(c.dep_ == "mark" and c.lower_ == "as" for c in verb.children):
        return None
    head = verb.head
    lo, hi = verb.left_edge.i, verb.right_edge.i
    left = (head.left_edge.i, lo - 1) if lo - 1 >= head.left_edge.i else None
    right = (hi + 1, head.right_edge.i) if head.right_edge.i >= hi + 1 else None
    sides = [s for s in (left, right) if s is not None]
    if not sides:
        return None
    first, last = max(sides, key=lambda s: s[1] - s[0])
    return trimmed(doc, first, last)


def content(doc: Doc, verb: Token, frames: frozenset[str]) -> tuple[int, int] | None:
    """The char span a cue verb reports, by the first of its frames that the parse supports."""
    children = list(verb.children)
    if "object" in frames or "naming" in frames:
        passive = next((c for c in children if c.dep_ == "nsubjpass"), None)
        if passive is not None and agent(verb) is not None:
            return trimmed(doc, passive.left_edge.i, passive.right_edge.i)
    unsourced = _unsourced_passive(doc, verb)
    if unsourced is not None:
        return unsourced
    if "clause" in frames:
        aside = _as_clause(doc, verb)
        if aside is not None:
            return aside
        clauses = [c for c in children if c.dep_ in _CLAUSE_DEPS and c.i > verb.i]
        if clauses:
            reported = _clause(doc, max(clauses, key=lambda c: c.right_edge.i - c.left_edge.i))
            reported = _joined(doc, clauses, reported)
            front = _fronted(doc, verb)
            if reported is not None and front is not None:
                return front, reported[1]
            return reported
        around = _reported_around(doc, verb)
        if around is not None:
            return around
        # "told the panel she was ...": spaCy often reads the clause as a relative clause of the listener
        for obj in children:
            if obj.dep_ in ("dobj", "dative") and obj.i > verb.i:
                for rel in obj.children:
                    if (
                        rel.dep_ == "relcl"
                        and rel.left_edge.i == obj.i + 1
                        and doc[rel.left_edge.i].tag_ not in ("WDT", "WP", "WP$", "WRB", "IN")
                        and any(c.dep_ in SUBJECTS for c in rel.children)
                    ):
                        return _clause(doc, rel)
        # a clause before the cue, unless the cue has its own complement after it ("X - Y vowed to ...")
        right = any(c.dep_ in ("xcomp", "dobj", "oprd", "dative") and c.i > verb.i for c in children)
        clauses = [c for c in children if c.dep_ in _CLAUSE_DEPS and not right]
        if clauses:
            c = max(clauses, key=lambda c: c.right_edge.i - c.left_edge.i)
            return trimmed(doc, c.left_edge.i, c.right_edge.i)
        # "..., he said" parsed with the cue hanging from the reported clause's verb
        head = verb.head
        subjects = [c.left_edge.i for c in children if c.dep_ in SUBJECTS and c.i < verb.i]
        first = min([verb.i, *subjects])
        if (
            verb.dep_ in ("parataxis", "ccomp", "advcl")
            and (subjects or verb.tag_ != "VBG")  # '..., promising to X' reports X, not the sentence
            and head.i < verb.i
            and head.pos_ in ("VERB", "AUX")
            and first > 0
            and doc[first - 1].text in _BREAK
        ):
            # the reported clause runs on after the cue ("A, he said, until B"): one span over both parts
            return trimmed(doc, head.left_edge.i, max(head.right_edge.i, verb.left_edge.i - 1))
        if (
            verb.dep_ == "parataxis"
            and head.i > verb.i
            and head.pos_ in ("VERB", "AUX")
            and first > head.left_edge.i
            and doc[first - 1].text == ","
            and doc[_cue_phrase_end(verb) + 1].text == ","
        ):
            # "Back home, he said, the plant closed": the cue interrupts the clause it hangs from
            if any(t.is_alpha for t in doc[head.left_edge.i : first]):
                return trimmed(doc, head.left_edge.i, head.right_edge.i)
            # "A, he said, and B" parsed with the cue on B: A, the clause before the cue, is reported
            return trimmed(doc, verb.sent.start, first - 1)
    passive = next((c for c in children if c.dep_ == "nsubjpass"), None)
    if passive is not None and agent(verb) is None and ("clause" in frames or "infinitive" in frames):
        # "The ruling is expected to land on Friday", "he is said to be ill": a claim with no source given
        for c in children:
            if c.dep_ in ("xcomp", "ccomp") and c.i > verb.i:
                return trimmed(doc, passive.left_edge.i, c.right_edge.i)
    if "infinitive" in frames:
        for c in children:
            if c.dep_ in ("xcomp", "ccomp") and any(a.dep_ == "aux" and a.lower_ == "to" for a in c.children):
                first = min(
                    [c.left_edge.i] + [o.left_edge.i for o in children if o.dep_ == "dobj" and o.i < c.i]
                )
                last = c.right_edge.i
                # "wants to triple X, grow Y and create Z": spaCy hangs the later verbs on the cue
                for conj in children:
                    if (
                        conj.dep_ == "conj"
                        and conj.i > last
                        and conj.tag_ == "VB"
                        and conj.left_edge.i <= last + 2
                    ):
                        last = conj.right_edge.i
                return trimmed(doc, first, last)
    if "naming" in frames:
        objs = [c for c in children if c.dep_ in ("dobj", "oprd", "ccomp", "xcomp") and c.i > verb.i]
        if objs:
            first = min(o.left_edge.i for o in objs)
            last = max(o.right_edge.i for o in objs)
            if last > first and (len(objs) > 1 or "object" not in frames):
                return trimmed(doc, first, last)
    if "light" in frames:
        for c in children:
            if c.dep_ == "dobj" and c.i > verb.i and c.pos_ == "NOUN":
                for p in c.children:
                    if p.dep_ == "prep" and p.i > c.i and p.lower_ in _LIGHT_PREPS:
                        objs = [o for o in p.children if o.dep_ in ("pobj", "pcomp")]
                        if objs:
                            return trimmed(doc, objs[0].left_edge.i, objs[0].right_edge.i)
    if "object" in frames:
        for c in children:
            if (c.dep_ in ("dobj", "pobj") or (c.dep_ == "xcomp" and c.tag_ == "VBG")) and c.i > verb.i:
                last = without_trailing_setting(doc, c.i, completed(doc, verb, without_setting(c)))
                if last > c.left_edge.i or c.pos_ in ("PROPN", "NOUN", "PRON"):
                    return trimmed(doc, c.left_edge.i, last)
        for p in children:
            if p.dep_ == "prep" and p.i > verb.i and p.lower_ in _OBJECT_PREPS:
                objs = [o for o in p.children if o.dep_ in ("pobj", "pcomp")]
                if objs:
                    return trimmed(doc, objs[0].left_edge.i, objs[0].right_edge.i)
    # 'did not say when they would vote', 'discussed how X could Y': an indirect question is what the
    # cue reports, whatever its frames, and spaCy often hangs it as an adverbial clause
    for c in children:
        opener = doc[c.left_edge.i]
        if (
            c.i > verb.i
            and c.pos_ in ("VERB", "AUX")
            and (c.dep_ == "ccomp" or (c.dep_ == "advcl" and opener.lower_ != "when"))
            and (opener.tag_ in _WH_Q_TAGS or opener.lower_ == "whether")
            and opener.i > verb.i
        ):
            return _clause(doc, c)
    return None


_WH_Q_TAGS = frozenset({"WDT", "WP", "WRB"})
