"""Check atomic claims against source sentences: align, compare, decide.

Alignment finds the source sentences about the claim's actors and event (shared entities, resolved to one
key per actor, weigh most; then shared rare words). Comparison (compare.py) lists what disagrees. The
verdict follows the contract's precedence: `contradicted` when an aligned source statement about the same
thing is incompatible; else `not_in_sources` when the claim states a name, amount or date the sources never
mention, or too many of its words are not theirs; else `supported`. A learned verdict (verdict.py), when
given, weighs the same comparisons. Paraphrase is judged with the word vectors of the spaCy model.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Sequence
from typing import TYPE_CHECKING

import numpy as np

from ..model import Entity
from . import amounts_and_dates, compare
from .compare import Comparison, Finding
from .model import ClaimVerdict, Evidence, Verdict
from .units import Unit

if TYPE_CHECKING:
    from spacy.vocab import Vocab

    from .verdict import VerdictModel

#: Cosine similarity of word vectors above which a claim word counts as said in other words.
PARAPHRASE_SIMILARITY = 0.62
#: Share of a claim's content words the sources must have (as such or paraphrased) to support it.
MIN_COVERAGE = 0.75
EVIDENCE_SENTENCES = 2
#: Sentences scoring at least this share of the best one are read as about the claim too (at most RELATED):
#: a number or word the claim states must be there, not merely somewhere in the sources.
RELATED_SHARE = 0.5
RELATED = 6
#: Cosine similarity above which two event verbs or counted nouns are read as the same ("troops",
#: "soldiers").
RELATED_SIMILARITY = 0.55


class Checker:
    """The sentences of the sources, indexed once; `check(claims)` for any number of claims."""

    def __init__(
        self,
        units: Sequence[Unit],
        vocab: Vocab,
        texts: Sequence[str] = (),
        model: VerdictModel | None = None,
        published: str | None = None,
    ) -> None:
        self.units = list(units)
        self.published = published  # the sources' date: a claim's relative dates resolve against it
        self.vocab = vocab
        self.model = model
        self.text = " ".join(" ".join(t.split()) for t in texts).casefold()
        self._similar: dict[tuple[str, str], bool] = {}
        self.lemmas = frozenset(w for u in self.units for w in u.lemmas)
        self.keys = frozenset(k for u in self.units for k in u.keys)
        self.countries = frozenset(
            c
            for u in self.units
            for e, ks in u.entities
            for c in (stated_country(e), *(k[8:] for k in ks if k.startswith("country:")))
            if c
        )
        self.numbers = [n for u in self.units for n in u.numbers]
        self.dates = [d for u in self.units for d in u.dates]
        self.class_words = frozenset(w for u in self.units for _, w in u.classes)
        df = Counter(w for u in self.units for w in u.lemmas)
        n = max(1, len(self.units))
        self.idf = {w: math.log(1 + n / c) for w, c in df.items()}
        self._vectors = self._vocab_matrix()

    def _vocab_matrix(self) -> np.ndarray | None:
        rows = [
            np.asarray(self.vocab.get_vector(w), dtype=np.float32)
            for w in sorted(self.lemmas)
            if self.vocab.has_vector(w)
        ]
        if not rows:
            return None
        m = np.vstack(rows)
        norms = np.linalg.norm(m, axis=1, keepdims=True)
        return m / np.where(norms == 0, 1, norms)

    def paraphrased(self, word: str) -> bool:
        if self._vectors is None or not self.vocab.has_vector(word):
            return False
        v = np.asarray(self.vocab.get_vector(word), dtype=np.float32)
        norm = float(np.linalg.norm(v))
        return norm > 0 and float((self._vectors @ (v / norm)).max()) >= PARAPHRASE_SIMILARITY

    def similar(self, a: str, b: str) -> bool:
        """Two lemmas close enough in meaning to be the same event or the same counted thing."""
        if (a, b) not in self._similar:
            va, vb = (np.asarray(self.vocab.get_vector(w), dtype=np.float32) for w in (a, b))
            na, nb = float(np.linalg.norm(va)), float(np.linalg.norm(vb))
            sim = float(va @ vb) / (na * nb) if na and nb else 0.0
            self._similar[(a, b)] = sim >= RELATED_SIMILARITY
        return self._similar[(a, b)]

    def present(self, keys: frozenset[str]) -> bool:
        """Do the sources mention this entity anywhere: one of its keys, its country, or its name in the
        text (a name the source's recogniser missed is still in the source)."""
        if keys & self.keys:
            return True
        if any(k.startswith("country:") and k[8:] in self.countries for k in keys):
            return True
        return any(
            k.startswith(("name:", "surname:")) and _in_text(k.partition(":")[2], self.text) for k in keys
        )

    # ---------------------------------------------------------------- alignment

    def evidence(self, claim: Unit) -> list[Unit]:
        """The source sentences about the claim, best first: its actors (one key per actor, so "Wagner
        group" and "Wagner" meet) weigh most, then its words by rarity."""
        actors = [ks for _, ks in claim.entities]
        scored = []
        for u in self.units:
            score = sum(self.idf.get(w, 0.0) for w in claim.lemmas & u.lemmas)
            score += 3.0 * sum(1 for ks in actors if ks & u.keys)
            if score > 0:
                scored.append((score, u.start, u))
        scored.sort(key=lambda x: (-x[0], x[1]))
        if not scored:
            return []
        best = scored[0][0]
        return [u for score, _, u in scored[:RELATED] if score >= RELATED_SHARE * best]

    # ---------------------------------------------------------------- comparison and verdict

    def compare(self, claim: Unit) -> Comparison:
        ev = self.evidence(claim)
        coverage, missing, exact = self._coverage(claim)
        if not ev:
            return Comparison(claim, (), (), coverage, tuple(missing), 0.0, 0.0)
        findings = [
            *compare.events(claim, ev, self.present, self.similar),
            *amounts_and_dates.amounts(claim, ev, self.numbers, self.similar),
            *amounts_and_dates.dates(claim, ev, self.dates),
            *compare.words(claim, ev),
            *compare.absent_entities(claim, self.present),
            *compare.other_entities(claim, ev, self.present),
            *compare.titles(claim, ev),
        ]
        if exact or coverage < MIN_COVERAGE:
            shown = exact or missing
            findings.append(
                Finding(
                    "absent_words",
                    "not_in_sources",
                    0.7 if exact else 1.0 - coverage,
                    f"the sources never say {', '.join(compare.q(w) for w in shown)}",
                    None,
                )
            )
        actors = [ks for _, ks in claim.entities]
        key_share = sum(1 for ks in actors if ks & ev[0].keys) / len(actors) if actors else 1.0
        near = frozenset(w for u in ev[:EVIDENCE_SENTENCES] for w in u.lemmas)
        word_share = len(claim.lemmas & near) / len(claim.lemmas) if claim.lemmas else 1.0
        return Comparison(claim, tuple(ev), tuple(findings), coverage, tuple(missing), key_share, word_share)

    def check(self, claim: Unit) -> ClaimVerdict:
        c = self.compare(claim)
        if not c.evidence:
            return ClaimVerdict(
                claim.text, "not_in_sources", 0.9, "no source sentence shares its words or names"
            )
        verdict, score = rule_verdict(c)
        if self.model is not None:
            verdict, score = self.model.decide(c, verdict, score)
        return explain(c, verdict, score)

    def _coverage(self, claim: Unit) -> tuple[float, list[str], list[str]]:
        """The share of the claim's content words the sources have (or paraphrase), the words they lack,
        and among those the names and codes ("Ozy", "COVID-19"), which no paraphrase can stand for."""
        words = [w for w in claim.words if w[1].casefold() not in claim.name_words]
        missing, exact = [], []
        for lemma, surface, pos in words:
            if lemma in self.lemmas or surface.lower() in self.lemmas:
                continue
            if pos == "PROPN" or any(ch.isdigit() for ch in surface):
                if not _in_text(surface.casefold(), self.text):
                    exact.append(surface)
                    missing.append(surface)
            elif not self.paraphrased(lemma):
                missing.append(surface)
        return (1.0 - len(missing) / len(words) if words else 1.0), missing, exact


def rule_verdict(c: Comparison) -> tuple[Verdict, float]:
    """The contract's precedence: an incompatible statement about the same thing, else anything the
    sources never say, else supported."""
    for kind in ("contradicted", "not_in_sources"):
        hits = [f for f in c.findings if f.verdict == kind and not compare.is_weak(f)]
        if hits:
            return kind, max(f.strength for f in hits)
    return "supported", 0.5 + 0.5 * c.coverage


def explain(c: Comparison, verdict: Verdict, score: float) -> ClaimVerdict:
    """The verdict with one reason, its strongest finding of that verdict, and the evidence it rests on."""
    hits = [f for f in c.findings if f.verdict == verdict]
    if hits:
        best = max(hits, key=lambda f: f.strength)
        shown = [best.unit] if best.unit else list(c.evidence[:1])
        return ClaimVerdict(c.claim.text, verdict, score, best.reason, _evidence(shown))
    shown = list(c.evidence[:EVIDENCE_SENTENCES])
    if verdict == "supported":
        reason = f"the sources state it: {compare.q(shown[0].text)}"
    elif c.missing:
        reason = f"the sources never say {', '.join(compare.q(w) for w in c.missing)}"
    else:
        reason = f"the sources do not state it; nearest: {compare.q(shown[0].text)}"
    return ClaimVerdict(c.claim.text, verdict, score, reason, _evidence(shown))


def stated_country(e: Entity) -> str | None:
    """The country a source mentions by naming this entity: a place's ("Texas": the United States), or an
    actor's the text gives ("Russian President Vladimir Putin"). An actor's home known from elsewhere (the
    knowledge base's "Twitter": United States; a dateline, a party, the story's home) is a fact about it,
    not a mention: a claim naming that country states what the sources do not."""
    if e.type in ("GPE", "LOC") or e.country_source == "text":
        return e.country
    return None


def _in_text(phrase: str, text: str) -> bool:
    """A whole-word occurrence of a (case-folded) phrase in case-folded text."""
    at = text.find(phrase)
    while at >= 0:
        before = text[at - 1] if at else " "
        after = text[at + len(phrase)] if at + len(phrase) < len(text) else " "
        if not before.isalnum() and not after.isalnum():
            return True
        at = text.find(phrase, at + 1)
    return False


def _evidence(units: list[Unit]) -> tuple[Evidence, ...]:
    return tuple(Evidence(u.doc_id, u.start, u.end, u.text) for u in units)
