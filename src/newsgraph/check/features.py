"""What the claim check compares, read off a parsed text: content words, numbers, names, dates, negation.

Everything here is per sentence (or per claim span) so that evidence can be pointed at by offsets.
"""

from __future__ import annotations

import functools
import math
import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

from ..lexicons import country_by_demonym, country_by_name
from ..lexicons.check import antonyms as antonyms  # re-exported: the checker and tests read them here
from ..lexicons.check import check_words
from ..lexicons.check import word_classes as word_classes
from ..lexicons.events import trigger_entries
from ..model import Document, Entity

if TYPE_CHECKING:
    from spacy.tokens import Span as SpacySpan
    from spacy.tokens import Token

_WORDS = check_words()  # the word lists this module uses, from lexicons/check_words.tsv

CONTENT_POS = frozenset({"NOUN", "VERB", "ADJ", "ADV", "PROPN", "NUM"})
#: Words too common in claims to say anything about support (reporting verbs, light verbs).
LIGHT_VERBS = _WORDS.light_verbs

_UNITS = _WORDS.number_words
_SCALES = _WORDS.scales
# "hundreds of", "dozens of": vague amounts, compared as words.
_VAGUE = _WORDS.vague_amounts
_DIGITS = re.compile(r"^\d[\d,]*(\.\d+)?$")
# "5bn", "3.5m", "200k": a figure with its scale glued on, as business news writes it.
_SCALED = re.compile(r"^(\d[\d,]*(?:\.\d+)?)(k|m|mn|mln|b|bn|tn|trn)$", re.IGNORECASE)
_SUFFIX_SCALE = {"k": 1e3, "m": 1e6, "mn": 1e6, "mln": 1e6, "b": 1e9, "bn": 1e9, "tn": 1e12, "trn": 1e12}


@dataclass(frozen=True)
class Number:
    """An amount in the text: its value (None for vague amounts like "hundreds"), the range its words allow
    ("about 1,000", "more than 50", "hundreds"), the noun it counts and the whole phrase as written."""

    value: float | None
    text: str
    start: int
    end: int
    low: float = 0.0
    high: float = math.inf
    unit: str | None = None
    phrase: str = ""


def number_value(words: list[str]) -> float | None:
    """The value of a run of number words and digits ("1,500", "3.5 million", "twenty-one")."""
    total, current, seen = 0.0, 0.0, False
    for raw in words:
        for w in raw.lower().split("-"):
            scaled = _SCALED.match(w)
            if _DIGITS.match(w):
                current += float(w.replace(",", ""))
            elif scaled:
                current += float(scaled.group(1).replace(",", "")) * _SUFFIX_SCALE[scaled.group(2).lower()]
            elif w in _UNITS:
                current += _UNITS[w]
            elif w in _SCALES:
                current = (current or 1) * _SCALES[w]
                if _SCALES[w] >= 1000:
                    total, current = total + current, 0.0
            elif w == "and":
                continue
            else:
                return None
            seen = True
    return total + current if seen else None


def _qualifier(tokens: SpacySpan, first: Token) -> tuple[str, Token | None]:
    """The word before a figure that makes it approximate or a bound ("about", "more than", "up to")."""
    doc = first.doc
    for back in (1, 2):
        i = first.i - back
        if i < max(tokens.start, 0):
            break
        w = doc[i].lower_
        if w in _WORDS.approximators:
            return "approx", doc[i]
        if w in _WORDS.lower_bounds:
            return "lower", doc[i]
        if w in _WORDS.upper_bounds:
            return "upper", doc[i]
        if w not in ("than", "to", "at", "an", "some"):
            break
    return "", None


def _range(value: float | None, text: str, qualifier: str, scaled: bool) -> tuple[float, float]:
    if value is None:
        low, _, high = _WORDS.amount_ranges.get(text, "0-inf").partition("-")
        return float(low), float(high)
    if qualifier == "approx" or scaled:
        return value * (0.85 if qualifier else 0.95), value * (1.15 if qualifier else 1.05)
    if qualifier == "lower":
        return value, math.inf
    if qualifier == "upper":
        return 0.0, value
    return value * 0.995, value * 1.005


def _counted(run: list[Token]) -> Token | None:
    """The noun a figure counts: its head ("1,500 troops"), or what a vague amount is of ("hundreds of
    contractors"), or a currency or percent sign beside it."""
    last = run[-1]
    nxt = last.nbor(1) if last.i + 1 < len(last.doc) else None
    if nxt is not None and nxt.text in ("%", "percent", "per"):
        return nxt
    prev = run[0].nbor(-1) if run[0].i > 0 else None
    if prev is not None and prev.is_currency:
        return prev
    if last.dep_ in ("nummod", "quantmod") and last.head.pos_ in ("NOUN", "PROPN"):
        return last.head
    for child in last.children:
        if child.dep_ == "prep" and child.lower_ == "of":
            objects = [c for c in child.children if c.dep_ == "pobj"]
            if objects:
                return objects[0]
    if last.pos_ == "NOUN":
        return last
    return None


def numbers(tokens: SpacySpan, skip: frozenset[int]) -> list[Number]:
    """Amounts in a span, leaving out tokens inside time expressions (`skip`: token indices)."""
    out: list[Number] = []
    run: list[Token] = []

    def close() -> None:
        if run:
            words = [t.text for t in run]
            value = number_value(words)
            text = " ".join(words).lower()
            partitive = text == "one" and run[-1].i + 1 < len(run[-1].doc) and run[-1].nbor(1).lower_ == "of"
            if (value is not None or text in _VAGUE) and not partitive:  # "one of the officers" counts none
                qualifier, qtok = _qualifier(tokens, run[0])
                scaled = any(t.lower_ in _SCALES or _SCALED.match(t.text) for t in run)
                low, high = _range(value, text, qualifier, scaled)
                noun = _counted(run)
                first = qtok.idx if qtok is not None else run[0].idx
                last = run[-1].idx + len(run[-1].text)
                if noun is not None:
                    first, last = min(first, noun.idx), max(last, noun.idx + len(noun.text))
                unit = noun.lemma_.lower() if noun is not None and noun not in run else None
                phrase = tokens.doc.text[first:last] if last - first < 80 else text
                out.append(
                    Number(value, text, run[0].idx, run[-1].idx + len(run[-1].text), low, high, unit, phrase)
                )
            run.clear()

    for t in tokens:
        numeric = t.like_num or t.lower_ in _SCALES or _SCALED.match(t.text) or (t.lower_ == "and" and run)
        if t.i not in skip and (numeric or (t.lower_ in _VAGUE and t.pos_ in ("NOUN", "ADJ", "NUM"))):
            run.append(t)
        else:
            close()
    close()
    return out


def same_number(a: Number, b: Number) -> bool:
    """Can both be true of one amount? Their ranges overlap ("about 1,000" and "1,050"; not "hundreds"
    and "1,500")."""
    if a.value is None and b.value is None:
        return a.text == b.text or (a.low <= b.high and b.low <= a.high)
    return a.low <= b.high and b.low <= a.high


def content_lemmas(tokens: SpacySpan) -> list[Token]:
    return [
        t
        for t in tokens
        if t.pos_ in CONTENT_POS and not t.is_stop and not t.is_punct and t.lemma_.lower() not in LIGHT_VERBS
    ]


def is_negated(token: Token) -> bool:
    """A verb (or the verb of a copula) with "not", "never", "no" among its dependents."""
    return any(
        c.dep_ == "neg" or (c.lower_ in ("never", "no") and c.dep_ in ("det", "advmod"))
        for c in token.children
    )


def _modal_here(token: Token) -> bool:
    return any(c.dep_ in ("aux", "advmod", "mark") and c.lower_ in _WORDS.modal_words for c in token.children)


def polarity(token: Token) -> tuple[bool, bool]:
    """(negated, hypothetical) of an event verb, read up its chain of governing verbs: "refused to meet"
    and "did not try to exploit" deny the meeting and the exploiting; "would exploit" and "plans to visit"
    are hypothetical."""
    negated, modal = is_negated(token), _modal_here(token)
    if token.dep_ in ("acomp", "attr") and token.head.lemma_ == "be":
        # "was not ready": the copula carries the predicate's negation and modality
        negated, modal = negated or is_negated(token.head), modal or _modal_here(token.head)
        token = token.head
    head = token
    for _ in range(4):  # "did not want to try to meet": a short chain is all a sentence has
        if head.dep_ not in ("xcomp", "ccomp") or head.head.i == head.i:
            break
        open_complement = head.dep_ == "xcomp"
        head = head.head
        lemma = head.lemma_.lower()
        if open_complement and lemma in _WORDS.negating_verbs:
            negated = not negated
        if is_negated(head):
            if open_complement and lemma in _WORDS.implicative_verbs:
                negated = not negated
            else:
                modal = True  # "not surprised to see them try": not said to happen, nor denied
        if lemma in _WORDS.modal_words or (open_complement and _modal_here(head)):
            modal = True
    return negated, modal


_AGENT_DEPS = frozenset({"nsubj", "csubj"})
_PATIENT_DEPS = frozenset({"dobj", "nsubjpass", "dative", "attr"})
#: Dependents that are part of naming an argument ("Mali's president, Assimi Goita", "hundreds of Wagner
#: contractors"); a relative clause or another preposition says something else about it.
_NAMING = frozenset({"compound", "poss", "conj", "cc", "amod", "nmod", "det", "appos", "flat", "nummod"})


def _argument_tokens(head: Token) -> list[Token]:
    out, stack = [], [head]
    while stack:
        t = stack.pop()
        out.append(t)
        for c in t.children:
            of = (c.dep_ == "prep" and c.lower_ == "of") or (c.dep_ == "pobj" and t.lower_ == "of")
            if c.dep_ in _NAMING or of:
                stack.append(c)
    return out


@dataclass(frozen=True)
class Frame:
    """An event a text states: its verb, polarity, and who did it (agents) to whom (patients), each a
    tuple of (name, keys) of the named entities in that role."""

    lemma: str
    types: frozenset[str]  # PLOVER types its verb can code (lexicons/plover_triggers.tsv): "host" = "meet"
    negated: bool
    modal: bool
    agents: tuple[tuple[str, frozenset[str]], ...]
    patients: tuple[tuple[str, frozenset[str]], ...]
    start: int
    end: int

    # Cached: the comparison reads them once per claim frame and source frame pair.
    @functools.cached_property
    def agent_keys(self) -> frozenset[str]:
        return frozenset(k for _, ks in self.agents for k in ks)

    @functools.cached_property
    def patient_keys(self) -> frozenset[str]:
        return frozenset(k for _, ks in self.patients for k in ks)


def frames(tokens: SpacySpan, named: dict[int, tuple[str, frozenset[str]]]) -> list[Frame]:
    """The events of a span: each verb (and predicative adjective) with its polarity and its named
    arguments; `named` maps a token index to the (name, keys) of the entity mention it belongs to. A
    passive's "by" object is its agent."""
    out = []
    for t in tokens:
        if not ((t.pos_ in ("VERB", "AUX") and t.dep_ != "aux") or t.pos_ == "ADJ"):
            continue
        agents: dict[str, tuple[str, frozenset[str]]] = {}
        patients: dict[str, tuple[str, frozenset[str]]] = {}
        for c in t.children:
            if c.dep_ in _AGENT_DEPS:
                role = agents
            elif c.dep_ in _PATIENT_DEPS:
                role = patients
            elif c.dep_ == "agent":
                role, c = agents, next((g for g in c.children if g.dep_ == "pobj"), c)
            else:
                continue
            for a in _argument_tokens(c):
                if a.i in named:
                    role.setdefault(named[a.i][0], named[a.i])
        negated, modal = polarity(t)
        lemma = _predicate_lemma(t)
        out.append(
            Frame(
                lemma,
                event_types(lemma),
                negated,
                modal,
                tuple(agents.values()),
                tuple(patients.values()),
                t.idx,
                t.idx + len(t.text),
            )
        )
    return out


def _predicate_lemma(t: Token) -> str:
    """A verb's lemma; a light verb's with what it predicates ("is not in charge" -> "be charge", "did
    not have a look" -> "have look"), so that its negation can be compared with the sources'."""
    lemma = t.lemma_.lower()
    if lemma not in LIGHT_VERBS:
        return lemma
    for c in t.children:
        if c.dep_ in ("attr", "acomp", "dobj") and c.pos_ in ("NOUN", "ADJ", "PROPN"):
            return f"{lemma} {c.lemma_.lower()}"
        if c.dep_ == "prep":
            obj = next((g for g in c.children if g.dep_ == "pobj" and g.pos_ == "NOUN"), None)
            if obj is not None:
                return f"{lemma} {obj.lemma_.lower()}"
    return lemma


@functools.cache
def event_types(lemma: str) -> frozenset[str]:
    """The PLOVER types a one-word verb trigger codes, when the lexicon is sure enough of it."""
    return frozenset(
        e.type
        for e in trigger_entries().get(lemma, ())
        if len(e.words) == 1 and e.pos in ("V", "*") and e.weight >= 0.7
    )


def entity_keys(entity: Entity) -> frozenset[str]:
    """How an entity can be found in another text: its names (an organisation's also without the words
    such names carry or drop, "the Wagner group" = "Wagner"), a person's surname, a country's code (so
    "the US", "Americans" and "United States" meet)."""
    keys: set[str] = set()
    for n in (entity.name, *entity.aliases):
        name = n.casefold().removeprefix("the ")
        keys.add("name:" + name)
        if entity.type == "ORG":
            core = [w for w in name.split() if w not in _WORDS.org_generic_words]
            if core:
                keys.add("name:" + " ".join(core))
    if entity.type == "PERSON":
        keys.add("surname:" + entity.name.split()[-1].casefold())
    country = country_of_name(entity.name) if entity.type in ("GPE", "LOC", "ORG", "NORP") else None
    if country:
        keys.add("country:" + country)
    return frozenset(keys)


def country_of_name(name: str) -> str | None:
    c = country_by_name().get(name.removeprefix("the ")) or country_by_demonym().get(name)
    return c.iso3 if c else None


#: The mention kinds that name an entity; a pronoun or a description ("nominal") only refers to it.
NAME_KINDS = ("name", "demonym")


def is_named(e: Entity) -> bool:
    """The text names the entity (not only refers to it with a pronoun or a description)."""
    return any(m.kind in NAME_KINDS for m in e.mentions)


def name_entities(doc: Document) -> list[Entity]:
    """Entities the text names (not only refers to with a pronoun or a description)."""
    return [e for e in doc.entities if is_named(e)]
