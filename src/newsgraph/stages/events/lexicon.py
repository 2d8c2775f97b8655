"""PLOVER trigger, mode, context and cue lexicons, and finding trigger phrases in a sentence.

The word lists live in `lexicons/plover_*.tsv`; this module only reads them and matches them against
spaCy tokens (by lemma or lower-case form, so "talks", "sanctions" and "stationed" match as written).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from ...lexicons.events import (
    TriggerEntry,
    context_cues,
    cue_classes,
    mode_cues,
    not_objects,
    trigger_entries,
)

if TYPE_CHECKING:
    from collections.abc import Sequence

    from spacy.tokens import Span, Token

# how many other words may sit between two words of a multiword trigger ("imposed new sanctions on");
# a verbal phrase's later words must also hang from its verb ("sent 200 tonnes of aid")
MAX_GAP = 3
MAX_VERB_GAP = 6
OBJECT_LINKS = ("dobj", "ccomp", "xcomp", "dative")
POS_OK = {
    "V": ("VERB", "AUX"),
    "N": ("NOUN", "PROPN"),
    "A": ("ADJ", "VERB"),
}


@dataclass(frozen=True)
class Match:
    entry: TriggerEntry
    tokens: tuple[int, ...]  # document token indexes, in text order
    head: int  # the token whose arguments and position in the parse stand for the phrase

    @property
    def type(self) -> str:
        return self.entry.type


def cue(token: Token, cls: str) -> bool:
    return cls in cue_classes().get(token.lemma_.lower(), ()) or cls in cue_classes().get(token.lower_, ())


def _forms(token: Token) -> tuple[str, str]:
    return token.lemma_.lower(), token.lower_


def _match_at(
    sent: Span, words: Sequence[Token], forms: Sequence[tuple[str, str]], i: int, entry: TriggerEntry
) -> tuple[int, ...] | None:
    """The tokens of `entry`'s phrase opening at token `i`, or None. `words` are the sentence's tokens and
    `forms` their `_forms`, read once per sentence: a phrase's later words are sought after every token
    that opens one."""
    doc = sent.doc
    first = words[i - sent.start]
    verbal = entry.pos == "V"
    if (verbal or len(entry.words) == 1) and entry.pos != "*" and first.pos_ not in POS_OK.get(entry.pos, ()):
        return None
    found = [i]
    j = i + 1
    for n, word in enumerate(entry.words[1:], start=2):
        limit = min(sent.end, j + (MAX_VERB_GAP if verbal else MAX_GAP) + 1)
        k = next(
            (
                k
                for k in range(j, limit)
                if word in forms[k - sent.start] and _fits(first, words[k - sent.start], k - j, verbal)
            ),
            None,
        )
        if k is None:
            # a verbal phrase's last word, its object, may stand before the verb in a passive ("two
            # diplomats were expelled", "the talks were called off")
            passive = _passive_object(first, word) if verbal and n == len(entry.words) else None
            if passive is None:
                return None
            found = sorted((*found, passive))
            break
        found.append(k)
        j = k + 1
    if entry.pos == "N" and not any(doc[k].pos_ in POS_OK["N"] for k in found):
        return None
    if entry.needs:
        has_obj = any(c.dep_ in OBJECT_LINKS for c in first.children)
        if has_obj != (entry.needs == "obj"):
            return None
    if verbal and no_event_object(first):
        return None
    return tuple(found)


def _passive_object(verb: Token, word: str) -> int | None:
    """The token `word` names when it is the verb's object moved before it by the passive: the passive
    subject ("the diplomats were expelled") or the noun a participle modifies ("diplomats expelled by")."""
    for c in verb.children:
        if c.dep_ != "nsubjpass":
            continue
        # "thousands of reservists were called up": the counted noun
        counted = [g for p in c.children if p.lower_ == "of" for g in p.children if g.dep_ == "pobj"]
        for noun in (c, *counted):
            if word in _forms(noun):
                return int(noun.i)
    head = verb.head
    if verb.dep_ == "acl" and verb.tag_ == "VBN" and head.i < verb.i and word in _forms(head):
        return int(head.i)
    return None


def no_event_object(verb: Token) -> bool:
    """Does the verb's object make it no event ("released a report", "declined to comment"), also when a
    passive puts it first ("the names were not released", "figures released by the agency")?"""
    banned = not_objects().get(verb.lemma_.lower(), frozenset())
    if not banned:
        return False
    objects = [c for c in verb.children if c.dep_ in (*OBJECT_LINKS, "nsubjpass")]
    if verb.dep_ == "acl" and verb.tag_ == "VBN" and verb.head.i < verb.i:
        objects.append(verb.head)
    return any(c.lemma_.lower() in banned or c.lower_ in banned for c in objects)  # "proceeds", "takings"


def _fits(first: Token, tok: Token, gap: int, verbal: bool) -> bool:
    """May `tok` continue a phrase begun by `first` after `gap` other words?"""
    if tok.tag_ == "TO":
        return False  # the infinitive marker is never a phrase's preposition ("going to do")
    if tok.pos_ in ("ADP", "PART") and verbal and gap > 0:
        # a particle or preposition must belong to the verb itself ("agreed on", not "agreed to share
        # intelligence on"); right after the previous word it is part of the phrase anyway
        return tok.head.i == first.i
    if gap <= MAX_GAP:
        return True
    return verbal and first in tok.ancestors


def _head_of(doc_tokens: list[Token]) -> int:
    """The matched token whose syntactic head lies outside the phrase (the phrase's own head)."""
    ids = {t.i for t in doc_tokens}
    if doc_tokens[0].pos_ in ("VERB", "AUX"):
        return doc_tokens[0].i
    for t in doc_tokens:
        if t.head.i not in ids or t.head.i == t.i:
            return t.i
    return doc_tokens[0].i


def find_triggers(sent: Span, words: Sequence[Token] | None = None) -> list[Match]:
    """Non-overlapping trigger phrases of a sentence: longer and surer phrases win. `words`: the sentence's
    tokens, when the caller has them (Parsed.tokens), else read from the span."""
    table = trigger_entries()
    if words is None:
        words = list(sent)
    forms = [_forms(tok) for tok in words]
    held = {form for pair in forms for form in pair}
    candidates: list[Match] = []
    for tok, tok_forms in zip(words, forms, strict=True):
        seen: set[TriggerEntry] = set()
        for form in dict.fromkeys(tok_forms):
            for entry in table.get(form, ()):
                if entry in seen:
                    continue
                seen.add(entry)
                # a phrase whose later words the sentence lacks cannot match (a verbal phrase's last word
                # may be a passive's subject, elsewhere in the sentence: _match_at asks): most of the
                # phrases of a common verb ("take", "hold") are left after this set lookup
                later = entry.words[1:-1] if entry.pos == "V" else entry.words[1:]
                if not all(w in held for w in later):
                    continue
                ids = _match_at(sent, words, forms, tok.i, entry)
                if ids is not None:
                    # a verbal phrase's head is its verb, also when a passive put the object first
                    head = tok.i if entry.pos == "V" else _head_of([sent.doc[k] for k in ids])
                    candidates.append(Match(entry, ids, head))
    candidates.sort(key=lambda m: (-m.entry.weight, -len(m.entry.words), m.tokens[0]))
    taken: set[int] = set()
    out: list[Match] = []
    for m in candidates:
        if taken.intersection(m.tokens):
            continue
        taken.update(m.tokens)
        out.append(m)
    return sorted(out, key=lambda m: m.tokens[0])


def mode_from_cues(type_: str, lemmas: set[str]) -> str | None:
    for lemma, mode in mode_cues().get(type_, ()):
        if lemma in lemmas:
            return mode
    return None


def contexts_of(lemmas: list[str], limit: int = 3) -> tuple[str, ...]:
    table = context_cues()
    found = dict.fromkeys(table[lemma] for lemma in lemmas if lemma in table)
    return tuple(list(found)[:limit])
