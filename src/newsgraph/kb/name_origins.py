"""How typical a person's name is of each country: a naive Bayes model over the names of the knowledge base's
people, for a person a story names without saying where they are from.

    from newsgraph.kb.name_origins import load_name_origins
    origins = load_name_origins()                     # cached; name_origins.tsv beside this module
    origins.scores("Kadri Tamm", {"EST", "FIN"})      # [("EST", 4.2), ("FIN", -0.6)]: log-likelihood ratios

A name is read as its words (normalised as the knowledge base's lookup does: case, accents, punctuation)
and, for each word of four letters or more, its last three and four letters: "-sson", "-ović", "-escu"
tell a region where the word itself was never seen. A country's score is the log of how much likelier
the name's known features are among that country's people than among all people: above zero, the name
is more typical of it than of the world. The features of one word are not independent, so the scores are
too confident as probabilities; the stage that uses them (stages/entities/name_countries.py) takes only
a clear lead among the few countries a story names, and its thresholds were measured, not derived.

A name says where a family came from, not whose citizen a person is: it is evidence to choose among the
countries a story is about, never a country by itself.

Built by scripts/build_name_origins.py from the shipped knowledge base (Phoenix, MIT, and the project's
own facts, MIT); the file's header says so. Nothing is read at import.
"""

from __future__ import annotations

import functools
import math
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from newsgraph.errors import ConfigError
from newsgraph.kb.records import normalise, without_possessive

NAME_ORIGINS = Path(__file__).resolve().parent / "name_origins.tsv"
TOTALS = "*"  # the row of each country's number of features
_OWN_WEIGHT = 0.5  # a country's share of a feature, against everyone's, in the mixture `scores` reads


def name_features(name: str) -> tuple[str, ...]:
    """The features of a person's name: `w:word` for each word of two letters or more, and `s3:`/`s4:`
    its last three/four letters when it is longer than that."""
    out: list[str] = []
    for word in normalise(without_possessive(name)).split():
        if len(word) < 2 or not word.isalpha():
            continue
        out.append("w:" + word)
        if len(word) >= 5:
            out.append("s4:" + word[-4:])
        if len(word) >= 4:
            out.append("s3:" + word[-3:])
    return tuple(out)


@dataclass(frozen=True)
class NameOrigins:
    """Feature -> {country: count}, and each country's total of features."""

    counts: dict[str, dict[str, int]]
    totals: dict[str, int]
    _similar: dict[tuple[str, str], float] = field(default_factory=dict, compare=False, repr=False)

    def scores(self, name: str, countries: Iterable[str]) -> list[tuple[str, float]]:
        """Each of `countries` with the log-likelihood ratio of the name's known features among its people
        against all people, best first (ties by code); every score 0.0 when no feature is known.

        A country's share of a feature is mixed half and half with everyone's (`_OWN_WEIGHT`) before the
        ratio is taken: a feature none of a small country's people bear costs log 0.5, not the collapse
        additive smoothing over 62,000 features gives the countries with few people (it left a clearly
        Ghanaian name scoring -10 for Ghana)."""
        features = [f for f in name_features(name) if f in self.counts]
        everyone, borne = self._everyone, self._borne
        shares = [(self.counts[f], borne[f] / everyone) for f in features]
        out = []
        for country in sorted(set(countries)):
            total = self.totals.get(country, 0)
            score = 0.0
            for row, anyone in shares:
                mine = row.get(country, 0) / total if total else 0.0
                score += math.log(_OWN_WEIGHT * mine / anyone + (1 - _OWN_WEIGHT))
            out.append((country, score))
        out.sort(key=lambda pair: (-pair[1], pair[0]))
        return out

    def together(self, names: Iterable[str]) -> list[tuple[str, float]]:
        """Every country with the log of how likely its people are to bear all of `names` together, best
        first: the sum of each name's `scores` plus the log of the country's share of all people (its prior:
        without it the few people of a small country, bearing a feature once, outweigh a large country's
        many). For a story's cast, whose names together say more of where it is set than any one of them."""
        everyone = self._everyone
        total = dict.fromkeys(self.totals, 0.0)
        for name in names:
            for country, score in self.scores(name, self.totals):
                total[country] += score
        out = [(c, s + math.log(self.totals[c] / everyone)) for c, s in total.items() if self.totals[c]]
        out.sort(key=lambda pair: (-pair[1], pair[0]))
        return out

    def borne_in(self, name: str, country: str) -> bool:
        """Whether the people of `country` bear the name: one of them bears a word of it, or the name is no
        less typical of them than of everyone (its score, at least 0). An ending shared with some of them
        is not enough: "-enko" is borne by a few Poles, yet "Olena Marchenko" is far less typical of
        Poland than of the world (forty-fourth session; an ending counted until then)."""
        words = (f for f in name_features(name) if f.startswith("w:") and f in self.counts)
        return any(self.counts[f].get(country, 0) for f in words) or self.scores(name, [country])[0][1] >= 0.0

    def similarity(self, a: str, b: str) -> float:
        """How alike the names borne in two countries are: the cosine of their people's word counts (0
        none shared, 1 the same names as often). Russia and Belarus, the United States and Canada, Spain
        and Mexico score about 0.55-0.7; Finland and Estonia, Latvia and Lithuania under 0.03: a name
        cannot tell the first apart."""
        key = (a, b) if a <= b else (b, a)
        if key not in self._similar:
            words = self._words
            first, second = words.get(a, {}), words.get(b, {})
            if len(first) > len(second):
                first, second = second, first
            dot = sum(n * second.get(w, 0) for w, n in first.items())
            norms = math.sqrt(sum(n * n for n in first.values())) * math.sqrt(
                sum(n * n for n in second.values())
            )
            self._similar[key] = dot / norms if norms else 0.0
        return self._similar[key]

    @functools.cached_property
    def _everyone(self) -> int:
        """All features of all people: the denominator of everyone's share of a feature."""
        return sum(self.totals.values())

    @functools.cached_property
    def _borne(self) -> dict[str, int]:
        """Feature -> how many times the people of every country bear it, read once, not per name."""
        return {feature: sum(row.values()) for feature, row in self.counts.items()}

    @functools.cached_property
    def _words(self) -> dict[str, dict[str, int]]:
        """Country -> {word feature: count}: the table turned round, for `similarity`."""
        out: dict[str, dict[str, int]] = {}
        for feature, row in self.counts.items():
            if feature.startswith("w:"):
                for country, n in row.items():
                    out.setdefault(country, {})[feature] = n
        return out

    def bearers(self, word: str) -> int:
        """How many of the knowledge base's people bear `word` in their name (normalised as names are)."""
        key = normalise(word)
        return self._borne.get("w:" + key, 0) if key.isalpha() else 0


def read_name_origins(path: Path) -> NameOrigins:
    """Read a name-origins file: `#` comment lines, then `feature<TAB>CC:n CC:n ...` rows, one of them the
    totals row `*`. ConfigError naming the file and line when a row is malformed."""
    counts: dict[str, dict[str, int]] = {}
    totals: dict[str, int] | None = None
    with open(path, encoding="utf-8") as f:
        for number, line in enumerate(f, 1):
            if line.startswith("#") or not line.strip():
                continue
            feature, _, cells = line.rstrip("\n").partition("\t")
            try:
                row = {cell[:3]: int(cell[4:]) for cell in cells.split() if cell[3] == ":"}
            except (ValueError, IndexError):
                row = {}
            if not row or len(row) != cells.count(":"):
                raise ConfigError(
                    f"{path}, line {number}: expected 'feature<TAB>CC:n CC:n ...' (three-letter country, "
                    f"count), found {line.strip()[:60]!r}; rebuild it: python scripts/build_name_origins.py"
                )
            if feature == TOTALS:
                totals = row
            else:
                counts[feature] = row
    if totals is None:
        raise ConfigError(
            f"{path}: no totals row '{TOTALS}'; rebuild it: python scripts/build_name_origins.py"
        )
    return NameOrigins(counts, totals)


@functools.cache
def load_name_origins() -> NameOrigins:
    """The shipped model, read once per process."""
    return read_name_origins(NAME_ORIGINS)
