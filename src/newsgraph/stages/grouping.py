"""Grouping name mentions into entities within one document (our own rules; no coreference model exists
offline).

- Gazetteer names group by what they denote: "US", "U.S." and "United States" are one country, and the
  demonym "Nigerien" is a mention of Niger.
- People: a full name, then its short forms ("Salifou Mody" ... "Mody"); a spelling variant of the surname
  ("Modi") joins only when it is one edit away and the names are long enough to make that meaningful.
  Two full names with different first names are never merged.
- Organisations: the same name, a name with a generic tail ("Wagner group" / "Wagner"), and acronyms of a
  name used earlier ("National Council for the Safeguard of the Homeland" ... "CNSP").
"""

from __future__ import annotations

from dataclasses import dataclass, field

from rapidfuzz.distance import Levenshtein

from .mentions import Candidate, normalise_name

_ORG_TAILS = ("group", "company", "organization", "organisation", "corporation", "corp", "inc", "ltd", "pmc")
_ACRONYM_SKIP = {"of", "the", "for", "and", "in", "on", "de", "du", "des", "la", "le", "&"}


@dataclass
class Cluster:
    """A growing entity: its mentions and what we know about it. Mutable while grouping only."""

    type: str
    mentions: list[Candidate] = field(default_factory=list)
    kb: str | None = None

    @property
    def names(self) -> list[Candidate]:
        return [m for m in self.mentions if m.kind == "name"]

    @property
    def full(self) -> Candidate | None:
        names = self.names
        return max(names, key=lambda m: (len(m.text.split()), len(m.text))) if names else None

    def add(self, m: Candidate) -> None:
        self.mentions.append(m)
        self.kb = self.kb or m.kb


def org_core(key: str) -> str:
    words = key.split()
    while len(words) > 1 and words[-1] in _ORG_TAILS:
        words.pop()
    return " ".join(words)


def acronym(key: str) -> str:
    return "".join(w[0] for w in key.replace("-", " ").split() if w not in _ACRONYM_SKIP)


def _person_tokens(m: Candidate) -> list[str]:
    return [t for t in m.key.replace("-", " - ").split() if t != "-"] or [m.key]


def _person_match(c: Cluster, m: Candidate) -> int:
    """How well person mention m fits cluster c: 3 same name, 2 short form, 1 spelling variant, 0 no."""
    full = c.full
    if full is None:
        return 0
    a, b = _person_tokens(full), _person_tokens(m)
    if full.key == m.key or any(n.key == m.key for n in c.names):
        return 3
    if len(b) == 1:
        if b[0] in (a[-1], a[0]) or (len(a) > 2 and b[0] in a):
            return 2
        surname = a[-1]
        if len(surname) >= 4 and len(b[0]) >= 4 and Levenshtein.distance(surname, b[0]) <= 1:
            return 1
        return 0
    if len(a) == 1 and len(b) > 1:
        return 2 if a[0] == b[-1] else 0
    # Two multi-word names: same surname and compatible first names (equal, or one an initial/prefix).
    if a[-1] != b[-1]:
        return 0
    fa, fb = a[0], b[0]
    return 2 if fa == fb or fa.startswith(fb) or fb.startswith(fa) else 0


def _org_match(c: Cluster, m: Candidate) -> bool:
    core = org_core(m.key)
    for n in c.names:
        other = org_core(n.key)
        if other == core:
            return True
        if m.text.isupper() and len(m.text) >= 2 and acronym(n.key) == m.key:
            return True
        if n.text.isupper() and len(n.text) >= 2 and acronym(m.key) == n.key:
            return True
    return False


def group_mentions(candidates: list[Candidate]) -> list[Cluster]:
    """Clusters in order of first mention."""
    clusters: list[Cluster] = []
    by_kb: dict[str, Cluster] = {}
    for m in sorted(candidates, key=lambda c: c.start):
        gaz = _gazetteer_key(m)
        if gaz is not None:
            cluster = by_kb.get(gaz)
            if cluster is None:
                cluster = Cluster(m.type, kb=m.kb)
                by_kb[gaz] = cluster
                clusters.append(cluster)
            cluster.add(m)
            continue
        best: Cluster | None = None
        if m.type == "PERSON":
            scored = [
                (s, i) for i, c in enumerate(clusters) if c.type == "PERSON" and (s := _person_match(c, m))
            ]
            if scored:
                top = max(s for s, _ in scored)
                best = clusters[max(i for s, i in scored if s == top)]  # the most recent of the best fits
        else:
            same_type = [c for c in clusters if c.type == m.type and c.kb is None]
            best = next((c for c in reversed(same_type) if _org_match(c, m)), None)
            if best is None and m.type in ("GPE", "LOC"):
                best = next(
                    (
                        c
                        for c in reversed(clusters)
                        if c.type in ("GPE", "LOC") and c.kb is None and any(n.key == m.key for n in c.names)
                    ),
                    None,
                )
        if best is None:
            best = Cluster(m.type)
            clusters.append(best)
        best.add(m)
    return clusters


def _gazetteer_key(m: Candidate) -> str | None:
    if not m.kb:
        return None
    kind, _, value = m.kb.partition(":")
    if kind in ("country", "demonym"):
        return f"country:{value}"
    return m.kb


def surname_conflict(a: Cluster, b: Cluster) -> bool:
    """True when two person clusters have full names that say they are different people."""
    fa, fb = a.full, b.full
    if fa is None or fb is None:
        return False
    return normalise_name(fa.text) != normalise_name(fb.text) and len(fa.text.split()) > 1 < len(
        fb.text.split()
    )
