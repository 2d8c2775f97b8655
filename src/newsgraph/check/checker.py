"""Check atomic claims against source sentences: find the evidence, then look for what disagrees.

A claim is `contradicted` when its best evidence states something incompatible (another number, date,
name of the same kind, a closed-class word such as a colour or weekday, an antonym, or the negation of its
verb); `not_in_sources` when a name, number or date it states is nowhere in the sources or too many of its
content words are; `supported` otherwise. The checks are lexical and structural (no entailment model exists
offline), so paraphrase is judged with the word vectors of the spaCy model.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

import numpy as np

from .features import LIGHT_VERBS, antonyms, same_number
from .model import ClaimVerdict, Evidence, Verdict
from .units import Unit

if TYPE_CHECKING:
    from spacy.vocab import Vocab

#: Cosine similarity of word vectors above which a claim word counts as said in other words.
PARAPHRASE_SIMILARITY = 0.62
#: Share of a claim's content words the sources must have (as such or paraphrased) to support it.
MIN_COVERAGE = 0.75
EVIDENCE_SENTENCES = 2
#: Sentences scoring at least this share of the best one are read as about the claim too (at most RELATED):
#: a number or word the claim states must be there, not merely somewhere in the sources.
RELATED_SHARE = 0.5
RELATED = 6
_TYPE_WORD = {"PERSON": "person", "ORG": "organisation", "GPE": "place", "LOC": "place"}


@dataclass(frozen=True)
class Finding:
    verdict: Verdict
    strength: float
    reason: str
    unit: Unit | None


class Checker:
    """The sentences of the sources, indexed once; `check(claims)` for any number of claims."""

    def __init__(self, units: Sequence[Unit], vocab: Vocab) -> None:
        self.units = list(units)
        self.vocab = vocab
        self.lemmas = frozenset(w for u in self.units for w in u.lemmas)
        self.keys = frozenset(k for u in self.units for k in u.keys)
        self.countries = frozenset(
            c
            for u in self.units
            for e, ks in u.entities
            for c in (e.country, *(k[8:] for k in ks if k.startswith("country:")))
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

    # ---------------------------------------------------------------- evidence

    def evidence(self, claim: Unit) -> list[Unit]:
        """The source sentences about the claim, best first: words weighted by rarity, names double."""
        scored = []
        for u in self.units:
            score = sum(self.idf.get(w, 0.0) for w in claim.lemmas & u.lemmas)
            score += 2.0 * len(claim.keys & u.keys)
            if score > 0:
                scored.append((score, u.start, u))
        scored.sort(key=lambda x: (-x[0], x[1]))
        if not scored:
            return []
        best = scored[0][0]
        return [u for score, _, u in scored[:RELATED] if score >= RELATED_SHARE * best]

    # ---------------------------------------------------------------- the checks

    def _entities(self, claim: Unit, ev: list[Unit]) -> list[Finding]:
        out = []
        for e, keys in claim.entities:
            if keys & self.keys:
                continue
            own = [k[8:] for k in keys if k.startswith("country:")]
            if any(c in self.countries for c in own):
                continue  # a country stated where the sources name places in it
            other = next(
                (
                    (u, se)
                    for u in ev
                    for se, sk in u.entities
                    if se.type == e.type
                    and not sk & claim.keys
                    and (e.type != "GPE" or se.country != e.country)
                ),
                None,
            )
            if other is not None:
                u, se = other
                out.append(
                    Finding(
                        "contradicted",
                        0.8,
                        f"{_TYPE_WORD[e.type]} differs: sources say '{se.name}', not '{e.name}'",
                        u,
                    )
                )
            else:
                out.append(Finding("not_in_sources", 0.7, f"'{e.name}' is not in the sources", None))
        return out

    def _numbers(self, claim: Unit, ev: list[Unit]) -> list[Finding]:
        """A number must be in the sentences about the claim; another number there contradicts it."""
        out = []
        for num in claim.numbers:
            if any(same_number(num, m) for u in ev for m in u.numbers):
                continue
            shown = next(((u, m) for u in ev for m in u.numbers), None)
            if shown is not None:
                u, m = shown
                out.append(
                    Finding(
                        "contradicted", 0.85, f"number differs: sources say '{m.text}', not '{num.text}'", u
                    )
                )
            elif not any(same_number(num, m) for m in self.numbers):
                out.append(
                    Finding("not_in_sources", 0.7, f"the number '{num.text}' is not in the sources", None)
                )
        return out

    def _dates(self, claim: Unit, ev: list[Unit]) -> list[Finding]:
        out = []
        for text, value in claim.dates:
            if any(_same_date(text, value, t, v) for t, v in self.dates):
                continue
            if value and value[:1].isdigit():
                shown = next(((u, d) for u in ev for d in u.dates if d[1] and d[1][:1].isdigit()), None)
            elif _frame(text) != text.casefold().split():
                # Unresolved but counted ("35 years ago", "the fourth quarter"): another count in the same
                # frame contradicts it.
                shown = next(((u, d) for u in ev for d in u.dates if _frame(d[0]) == _frame(text)), None)
                if shown is None:
                    continue
            else:
                continue  # "that night", "recently": unresolved and vague, nothing to compare
            if shown is not None:
                u, (t, _) = shown
                out.append(Finding("contradicted", 0.8, f"date differs: sources say '{t}', not '{text}'", u))
            else:
                out.append(Finding("not_in_sources", 0.6, f"the date '{text}' is not in the sources", None))
        return out

    def _negation(self, claim: Unit, ev: list[Unit]) -> list[Finding]:
        out = []
        for lemma, negated in claim.verbs:
            opposite = next(
                (u for u in ev if (lemma, not negated) in u.verbs and (lemma, negated) not in u.verbs), None
            )
            if opposite is not None and lemma not in LIGHT_VERBS:
                said = "say it happened" if negated else "say it did not happen"
                out.append(
                    Finding("contradicted", 0.85, f"negation: the sources {said} ('{lemma}')", opposite)
                )
            elif negated and not any(n for u in ev for _, n in u.verbs):
                # Sources state what happened; a denial they never make is not theirs.
                out.append(
                    Finding(
                        "not_in_sources",
                        0.6,
                        f"the sources do not say that it did not happen ('{lemma}')",
                        None,
                    )
                )
        return out

    def _opposites(self, claim: Unit, ev: list[Unit]) -> list[Finding]:
        out = []
        table = antonyms()
        said = frozenset(w for u in ev for w in u.lemmas)
        for lemma, surface, _ in claim.words:
            if lemma in said:
                continue
            for u in ev:
                opposite = next((b for b in table.get(lemma, ()) if b in u.lemmas), None)
                if opposite:
                    out.append(
                        Finding("contradicted", 0.75, f"'{surface}' where the sources say '{opposite}'", u)
                    )
                    break
        for cls, word in claim.classes:
            if any(word in u.lemmas or (cls, word) in u.classes for u in ev):
                continue
            other = next(((u, w) for u in ev for c, w in u.classes if c == cls and w != word), None)
            if other:
                u, w = other
                out.append(
                    Finding(
                        "contradicted",
                        0.75,
                        f"{cls.replace('_', ' ')} differs: sources say '{w}', not '{word}'",
                        u,
                    )
                )
        return out

    def _coverage(self, claim: Unit) -> tuple[float, list[str], list[str]]:
        """The share of the claim's content words the sources have (or paraphrase), the words they lack,
        and among those the names and codes ("Ozy", "COVID-19"), which no paraphrase can stand for."""
        names = {w.casefold() for e, _ in claim.entities for w in e.name.split()}
        words = [w for w in claim.words if w[1].casefold() not in names]
        missing, exact = [], []
        for lemma, surface, pos in words:
            if lemma in self.lemmas or surface.lower() in self.lemmas:
                continue
            if pos == "PROPN" or any(ch.isdigit() for ch in surface):
                exact.append(surface)
                missing.append(surface)
            elif not self.paraphrased(lemma):
                missing.append(surface)
        return (1.0 - len(missing) / len(words) if words else 1.0), missing, exact

    def check(self, claim: Unit) -> ClaimVerdict:
        ev = self.evidence(claim)
        if not ev:
            return ClaimVerdict(
                claim.text, "not_in_sources", 0.9, "no source sentence shares its words or names"
            )
        findings = [
            *self._entities(claim, ev),
            *self._numbers(claim, ev),
            *self._dates(claim, ev),
            *self._negation(claim, ev),
            *self._opposites(claim, ev),
        ]
        coverage, missing, exact = self._coverage(claim)
        if exact:
            findings.append(Finding("not_in_sources", 0.7, f"not in the sources: {', '.join(exact)}", None))
        elif coverage < MIN_COVERAGE:
            findings.append(
                Finding("not_in_sources", 1.0 - coverage, f"not in the sources: {', '.join(missing)}", None)
            )
        for kind in ("contradicted", "not_in_sources"):
            hits = [f for f in findings if f.verdict == kind]
            if hits:
                best = max(hits, key=lambda f: f.strength)
                shown = [best.unit] if best.unit else ev[:EVIDENCE_SENTENCES]
                return ClaimVerdict(
                    claim.text, kind, best.strength, "; ".join(f.reason for f in hits), _evidence(shown)
                )
        reason = "the sources state it" + (f" (not found: {', '.join(missing)})" if missing else "")
        return ClaimVerdict(
            claim.text, "supported", 0.5 + 0.5 * coverage, reason, _evidence(ev[:EVIDENCE_SENTENCES])
        )


_COUNT_WORDS = frozenset(
    [
        "one",
        "two",
        "three",
        "four",
        "five",
        "six",
        "seven",
        "eight",
        "nine",
        "ten",
        "eleven",
        "twelve",
        "twenty",
        "thirty",
        "forty",
        "fifty",
        "hundred",
        "first",
        "second",
        "third",
        "fourth",
        "fifth",
        "sixth",
        "seventh",
        "eighth",
        "ninth",
        "tenth",
        "last",
        "next",
    ]
)


def _frame(text: str) -> list[str]:
    """A time expression without its counts: "35 years ago" -> ["years", "ago"]."""
    words = text.casefold().replace("-", " ").split()
    return [w for w in words if not w[:1].isdigit() and w not in _COUNT_WORDS and w != "the"]


def _same_date(text: str, value: str | None, other_text: str, other_value: str | None) -> bool:
    if value and other_value:
        return other_value.startswith(value) or value.startswith(other_value)
    return text.casefold() == other_text.casefold()


def _evidence(units: list[Unit]) -> tuple[Evidence, ...]:
    return tuple(Evidence(u.doc_id, u.start, u.end, u.text) for u in units)
